#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kmemlint scan --shard K/N and kmemlint merge: shards take every file
# once, whatever -j; the shards' databases merged, a last scan with the
# merged database gives the findings of a scan on one machine, byte for
# byte, on tree/ and on kernel-bench's multi-file modules (whose bugs need
# the facts of the other files, which a shard may not have).
# usage: shards.sh KMEMLINT TREE BENCH_DRIVERS
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
mkdir -p "$T/tree" "$T/bench"
cp -r "$2"/. "$T/tree"
cp "$3"/kmb_xf*.c "$3"/kmb_xf*.h "$T/bench"
grep -A10 '^# multi-file modules' "$3/Kbuild" >"$T/bench/Kbuild"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2

# one machine, then N shards merged, for N = 2 and 3; -j differs
sharded() { # DIR N
	dir=$1 n=$2 k=1
	dbs=
	while [ "$k" -le "$n" ]; do
		"$KMEMLINT" scan -j$(( (k % 2) + 1 )) --shard "$k/$n" \
			--db "$T/$dir-$k-$n.db" --format=json "$dir" \
			>"$T/$dir-$k-$n.out" 2>"$T/$dir-$k-$n.err"
		s=$?
		check "$dir: shard $k/$n exits 0 or 1" [ "$s" -le 1 ]
		"$KMEMLINT" scan --shard "$k/$n" --list-files "$dir" | cut -d' ' -f1 \
			>>"$T/$dir-files-$n"
		dbs="$dbs $T/$dir-$k-$n.db"
		k=$((k + 1))
	done
	sort "$T/$dir-files-$n" >"$T/$dir-files-$n.sorted"
	check "$dir: the $n shards take every file once" \
		cmp -s "$T/$dir-files-$n.sorted" "$T/$dir-files"
	# shellcheck disable=SC2086
	"$KMEMLINT" merge "$T/$dir-merged-$n.db" $dbs 2>"$T/$dir-merge-$n.err"
	check "$dir: merge of $n shards exits 0" [ $? -eq 0 ]
	check "$dir: merge names its counts" grep -q "$n shards" "$T/$dir-merge-$n.err"
	"$KMEMLINT" scan -j2 --db "$T/$dir-merged-$n.db" --format=json "$dir" \
		>"$T/$dir-final-$n.out" 2>"$T/$dir-final-$n.err"
	check "$dir: $n shards merged and re-checked = one machine" \
		cmp -s "$T/$dir-final-$n.out" "$T/$dir-one.out"
	"$KMEMLINT" scan -j1 --db "$T/$dir-merged-$n.db" --format=json "$dir" \
		>"$T/$dir-again-$n.out" 2>"$T/$dir-again-$n.err"
	check "$dir: after the last scan, the merged database is complete" \
		grep -q 'analyses   0 in 0 rounds' "$T/$dir-again-$n.err"
}

for dir in tree bench; do
	# a relative --db: the workers, in other directories, still read it
	"$KMEMLINT" scan -j2 --db "$dir-one.db" --format=json "$dir" \
		>"$T/$dir-one.out" 2>"$T/$dir-one.err"
	check "$dir: one machine: findings (exit 1)" [ $? -eq 1 ]
	"$KMEMLINT" scan --list-files "$dir" | cut -d' ' -f1 | sort >"$T/$dir-files"
	check "$dir: more than one file" [ "$(wc -l <"$T/$dir-files")" -gt 1 ]
	sharded "$dir" 2
	sharded "$dir" 3
done
check "bench: a shard alone misses a cross-file finding that the merge gets" \
	[ "$(cat "$T"/bench-[0-9]-3.out | wc -l)" -lt "$(wc -l <"$T/bench-one.out")" ]

# bad input: clear errors, exit 2
"$KMEMLINT" scan --shard 3/2 tree >/dev/null 2>"$T/e1"
check "--shard 3/2: exit 2" [ $? -eq 2 ]
check "--shard 3/2: says why" grep -q "not K/N" "$T/e1"
"$KMEMLINT" merge "$T/m.db" "$T/tree-1-2.db" "$T/tree-1-2.db" 2>"$T/e2"
check "merge of one shard twice: exit 2" [ $? -eq 2 ]
check "... naming the file in both" grep -q "in an earlier shard" "$T/e2"
echo junk >"$T/junk.db"
"$KMEMLINT" merge "$T/m.db" "$T/junk.db" 2>"$T/e3"
check "merge of a file that is not a database: exit 2" [ $? -eq 2 ]
check "... naming it" grep -q "junk.db" "$T/e3"
"$KMEMLINT" merge "$T/m.db" "$T/none.db" 2>"$T/e4"
check "merge of a missing shard: exit 2" [ $? -eq 2 ]
finish
