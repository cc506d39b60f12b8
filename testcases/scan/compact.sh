#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A scan's rounds replace every row of a file they analyse again, which
# left a third of the database's pages free on kernel-bench (more than
# half of it on drivers/net).  The scan rewrites the file without them
# when they are a quarter of it or more; the findings and the rows stay.
# usage: compact.sh KMEMLINT BENCH_DRIVERS
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
cp -r "$2" "$T/bench"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2

"$KMEMLINT" scan -j2 --verbose --db "$T/a.db" --format=json bench \
	>"$T/out" 2>"$T/err"
check "scan: findings (exit 1)" [ $? -eq 1 ]
check "scan: more than one round (rows replaced)" \
	grep -Eq 'analyses   [0-9]+ in [2-9] rounds' "$T/err"
pages=$(sqlite3 "$T/a.db" 'PRAGMA page_count;')
free=$(sqlite3 "$T/a.db" 'PRAGMA freelist_count;')
check "the database keeps less than a quarter of free pages ($free of $pages)" \
	[ "$free" -lt $((pages / 4)) ]
"$KMEMLINT" scan -j2 --db "$T/a.db" --format=json bench >"$T/out2" 2>"$T/err2"
check "the next scan reads it: nothing analysed, the same findings" \
	sh -c "grep -q 'analyses   0 in 0 rounds' '$T/err2' && cmp -s '$T/out' '$T/out2'"
finish
