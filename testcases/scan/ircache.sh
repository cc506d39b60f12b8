#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kmemlint scan's IR cache (DB.ir/): a later round, or a scan whose
# database is gone, analyses from the cache without parsing, and the
# findings and every row of the database are byte for byte those of a
# scan without the cache (KMEMLINT_NO_IR_CACHE=1, --no-ir-cache), on
# kernel-bench's multi-file modules.  A truncated, corrupt or foreign
# cache file is refused with its reason and the file parsed; cache files
# of keys the database does not have are removed.
# usage: ircache.sh KMEMLINT BENCH_DRIVERS
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
mkdir -p "$T/bench"
cp "$2"/kmb_xf*.c "$2"/kmb_xf*.h "$T/bench"
grep -A10 '^# multi-file modules' "$2/Kbuild" >"$T/bench/Kbuild"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2


scan() { # NAME DB [options]
	name=$1 db=$2
	shift 2
	"$KMEMLINT" scan -j2 --db "$T/$db" --format=json "$@" bench \
		>"$T/$name.out" 2>"$T/$name.err"
	echo $? >"$T/$name.status"
	db_dump "$T/$db" >"$T/$name.db.txt"
}

from_cache() { # NAME: analyses from the cache
	sed -n 's/^  IR cache   \([0-9]*\) analyses from the cache.*/\1/p' "$T/$1.err"
}

nfiles=$("$KMEMLINT" scan --list-files bench | wc -l)
check "more than one file" [ "$nfiles" -gt 1 ]

KMEMLINT_NO_IR_CACHE=1 scan off off.db
check "off: findings (exit 1)" [ "$(cat "$T/off.status")" -eq 1 ]
check "off: no cache directory" [ ! -e "$T/off.db.ir" ]
check "off: no IR cache line in the table" not grep -q 'IR cache' "$T/off.err"
check "off: the multi-file modules take more than one round" \
	grep -Eq 'analyses   [0-9]+ in [2-9] rounds' "$T/off.err"

scan on on.db
check "on: findings (exit 1)" [ "$(cat "$T/on.status")" -eq 1 ]
check "on: the later rounds come from the cache" [ "$(from_cache on)" -gt 0 ]
check "on: no function missing from the cache" \
	grep -q 'parsed (0 for a function not in the cache)' "$T/on.err"
check "on: the same findings as without the cache" cmp -s "$T/off.out" "$T/on.out"
check "on: the same database as without the cache" \
	cmp -s "$T/off.db.txt" "$T/on.db.txt"
check "on: one cache file per file" \
	[ "$(ls "$T/on.db.ir" | grep -c '\.ir$')" -eq "$nfiles" ]
check "on: one report-pass memo per cache file (engine/reuse.c)" \
	[ "$(ls "$T/on.db.ir" | grep -c '\.rep$')" -eq "$nfiles" ]

# the database lost: every analysis from the cache, same results
rm -f "$T/on.db"
scan again on.db
check "again: every analysis from the cache" \
	grep -Eq 'IR cache   [0-9]+ analyses from the cache, 0 parsed' "$T/again.err"
check "again: the index pass too (the database knows no file)" \
	grep -Eq 'index      [0-9]+ files before the first round, which their calls ordered: 0 parsed' "$T/again.err"
check "again: the same findings" cmp -s "$T/off.out" "$T/again.out"
check "again: the same database" cmp -s "$T/off.db.txt" "$T/again.db.txt"

# damaged cache files: refused with the reason, the file parsed
set -- "$T"/on.db.ir/*.ir
size=$(wc -c <"$1")
head -c $((size / 2)) "$1" >"$T/cut" && cat "$T/cut" >"$1"
size=$(wc -c <"$2")
printf 'X' | dd of="$2" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
echo "not an IR cache" >"$3"
: >"$T/on.db.ir/0123456789abcdef.ir"
: >"$T/on.db.ir/0123456789abcdef.rep"
rm -f "$T/on.db"
scan damaged on.db --verbose
check "damaged: the scan ends as usual" [ "$(cat "$T/damaged.status")" -eq 1 ]
check "damaged: no worker failed" not grep -q 'not analysed' "$T/damaged.err"
check "damaged: a cut file is refused" grep -q 'not used (truncated)' "$T/damaged.err"
check "damaged: a changed byte is refused" grep -q 'not used (bad checksum)' "$T/damaged.err"
check "damaged: a foreign file is refused" \
	grep -q 'not used (not a cache file)' "$T/damaged.err"
check "damaged: those files parsed, by the index pass" \
	grep -Eq 'index      [0-9]+ files before the first round, which their calls ordered: 3 parsed' "$T/damaged.err"
check "damaged: the analyses then read what the index pass cached" \
	grep -Eq 'IR cache   [0-9]+ analyses from the cache, 0 parsed' "$T/damaged.err"
check "damaged: the same findings" cmp -s "$T/off.out" "$T/damaged.out"
check "damaged: the same database" cmp -s "$T/off.db.txt" "$T/damaged.db.txt"
check "damaged: the files written again: all from the cache next time" \
	sh -c "rm -f '$T/on.db'; '$KMEMLINT' scan -j2 --db '$T/on.db' bench 2>&1 >/dev/null |
	       grep -Eq 'IR cache   [0-9]+ analyses from the cache, 0 parsed'"
check "stale: a cache file of no file of the database is removed" \
	[ ! -e "$T/on.db.ir/0123456789abcdef.ir" ]
check "stale: and its memo" [ ! -e "$T/on.db.ir/0123456789abcdef.rep" ]

# a file changed: its old cache file goes, its new one comes
f=$(ls bench/*.c | head -n 1)
echo "/* touched */" >>"$f"
scan touched on.db
check "touched: one analysis, parsed" \
	grep -Eq 'IR cache   0 analyses from the cache, 1 parsed' "$T/touched.err"
check "touched: still one cache file per file" \
	[ "$(ls "$T/on.db.ir" | grep -c '\.ir$')" -eq "$nfiles" ]
check "touched: and one memo per cache file, the old one gone" \
	[ "$(ls "$T/on.db.ir" | grep -c '\.rep$')" -eq "$nfiles" ]

# a callee's summary changes: its caller, unchanged, is analysed again
# from the cache, and ends as a fresh scan without the cache does
sed -i '/kfree(ring->desc);/d' bench/kmb_xfr_ring.c
scan callee on.db
check "callee: the caller analysed again from the cache" \
	grep -Eq 'IR cache   [1-9][0-9]* analyses from the cache, 1 parsed' "$T/callee.err"
KMEMLINT_NO_IR_CACHE=1 scan callee-off off2.db
check "callee: the same findings as a fresh scan without the cache" \
	cmp -s "$T/callee-off.out" "$T/callee.out"

scan option opt.db --no-ir-cache
check "--no-ir-cache: no cache directory" [ ! -e "$T/opt.db.ir" ]
check "--no-ir-cache: the same findings" cmp -s "$T/callee-off.out" "$T/option.out"
finish
