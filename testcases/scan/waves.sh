#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A round of kmemlint scan runs its files in waves, in the order of their
# calls: chain/ is one module whose kmwc_a.c calls a wrapper of kmwc_b.c,
# which calls one of kmwc_c.c, which calls kmwc_d.c's kzalloc() wrapper.
# A first scan knows no calls yet: its index pass parses and lowers the
# four files (the IR cache) and writes what each defines and calls, so
# that round 1 runs kmwc_d.c, kmwc_c.c, kmwc_b.c, then kmwc_a.c, each
# reading what the one before wrote: kmwc_a.c's unchecked use is found
# and nothing is left stale after one round (before the index pass, the
# first round ran as one wave and a second was needed: 7 analyses;
# without waves each round carried the NULL one file further: four
# rounds).  The output is the same for -j1.  Without the IR cache there
# is no index pass, and --max-rounds=1 then stops after a round of one
# wave with the files left stale named.
#
# cycle/ is three files that read each other: kmcy_a.c calls two
# functions of kmcy_b.c, which calls two of kmcy_c.c (one a kzalloc()
# wrapper), which calls one of kmcy_a.c.  The files are still ordered
# (the order that reads the fewest names from a file that comes later:
# kmcy_c.c, kmcy_b.c, kmcy_a.c), so kmcy_a.c's unchecked use is found in
# round 1, and round 2 only runs kmcy_c.c again: 4 analyses in 2 rounds
# (as one wave a round: 7 analyses in 3 rounds).
# usage: waves.sh KMEMLINT CHAIN-TREE CYCLE-TREE
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
cp -r "$2" "$T/chain"
cp -r "$3" "$T/cycle"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2

"$KMEMLINT" scan -j2 --verbose --format=json --db="$T/a.db" chain \
	>"$T/out" 2>"$T/err"
status=$?
check "scan: exit 1 (findings)" [ "$status" -eq 1 ]
check "scan: kmwc_a.c uses the NULL of kmwc_d.c's kzalloc() through two wrappers" \
	[ "$(count_findings "$T/out" unchecked-alloc kmwc_a.c 10)" -eq 1 ]
check "scan: that finding only" [ "$(count_json "$T/out")" -eq 1 ]
# one file with --kdir reads the database; clang runs from the kernel
# tree, and a relative --db is still the user's path
"$KMEMLINT" --kdir "$KDIR" --db a.db --format=json chain/kmwc_a.c \
	>"$T/rel.json" 2>"$T/rel.err"
check "--kdir, a relative --db: kmwc_a.c's finding through the database" \
	[ "$(count_findings "$T/rel.json" unchecked-alloc kmwc_a.c 10)" -eq 1 ]
check "scan: the index pass parses the four files" \
	grep -q 'index      4 files before the first round, which their calls ordered: 4 parsed, 0 from the IR cache' "$T/err"
check "scan: round 1 runs its four files in four waves" \
	grep -q 'round 1: 4 files analysed in 4 waves' "$T/err"
check "scan: 4 analyses in 1 round, all from the IR cache" \
	sh -c "grep -q 'analyses   4 in 1 round ' '$T/err' &&
	       grep -q 'IR cache   4 analyses from the cache, 0 parsed' '$T/err'"
check "scan: no file left stale" not grep -q 'note       ' "$T/err"
[ "$status" -eq 1 ] || cat "$T/err"

"$KMEMLINT" scan -j1 --format=json --db="$T/b.db" chain >"$T/out1" 2>"$T/err1"
check "-j1: the same findings" cmp -s "$T/out" "$T/out1"
check "-j1: as many analyses in as many rounds" \
	[ "$(grep -o 'analyses   [0-9]* in [0-9]* rounds*' "$T/err1")" = \
	  "$(grep -o 'analyses   [0-9]* in [0-9]* rounds*' "$T/err")" ]

"$KMEMLINT" scan -j2 --no-ir-cache --max-rounds=1 --format=json --db="$T/c.db" chain \
	>"$T/out2" 2>"$T/err2"
check "--no-ir-cache: no index pass" not grep -q 'index      ' "$T/err2"
check "--max-rounds=1: one round" grep -q 'analyses   4 in 1 round ' "$T/err2"
check "--max-rounds=1: the files left stale are counted" \
	grep -q 'note       3 files read facts of other files that changed' "$T/err2"
check "--max-rounds=1: the chain is not known yet" \
	[ "$(count_json "$T/out2")" -eq 0 ]
"$KMEMLINT" scan -j2 --format=json --db="$T/c.db" chain >"$T/out3" 2>"$T/err3"
check "the next scan goes on from there: the finding" cmp -s "$T/out" "$T/out3"
"$KMEMLINT" scan --max-rounds=0 chain >/dev/null 2>"$T/err4"
check "--max-rounds=0 is refused" grep -q -- "--max-rounds: '0' is not a number of rounds" "$T/err4"

"$KMEMLINT" scan -j2 --verbose --format=json --db="$T/d.db" cycle \
	>"$T/out5" 2>"$T/err5"
check "cycle: kmcy_a.c uses the NULL of kmcy_c.c's kzalloc() through kmcy_b.c" \
	[ "$(count_findings "$T/out5" unchecked-alloc kmcy_a.c 16)" -eq 1 ]
check "cycle: that finding only" [ "$(count_json "$T/out5")" -eq 1 ]
check "cycle: round 1 runs its three files in three waves" \
	grep -q 'round 1: 3 files analysed in 3 waves' "$T/err5"
check "cycle: 4 analyses in 2 rounds" \
	grep -q 'analyses   4 in 2 rounds' "$T/err5"
check "cycle: no file left stale" not grep -q 'note       ' "$T/err5"
"$KMEMLINT" scan -j1 --format=json --db="$T/e.db" cycle >"$T/out6" 2>"$T/err6"
check "cycle, -j1: the same findings" cmp -s "$T/out5" "$T/out6"
grep -q 'analyses   4 in 2 rounds' "$T/err5" || cat "$T/err5"

finish
