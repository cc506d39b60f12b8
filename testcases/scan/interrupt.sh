#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A scan killed mid-round loses nothing it had done: each file's results
# are committed as the file is done, SIGTERM and SIGINT stop the workers
# and say how many files are kept, and the same scan run again analyses
# only the files not finished, with an output byte-identical to a scan
# never interrupted.
# usage: interrupt.sh KMEMLINT TREE
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
cp -r "$2" "$T/tree"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2
db=tree/.kmemlint/summaries.db

"$KMEMLINT" scan -j2 --format=json tree >"$T/full" 2>"$T/err"
check "an uninterrupted scan: exit 1 (findings)" [ $? -eq 1 ]
"$KMEMLINT" scan -j2 --format=text tree >"$T/full.txt" 2>/dev/null

# the hook stops the scan (SIGTERM to itself) once one file is committed
rm -rf tree/.kmemlint
KMEMLINT_TEST_STOP_AFTER=1 "$KMEMLINT" scan -j1 --format=json tree \
	>"$T/out" 2>"$T/err"
status=$?
check "stopped after one file: exit 143 (SIGTERM)" [ "$status" -eq 143 ]
check "stopped: the line says what is kept" \
	grep -q '^kmemlint scan: interrupted by SIGTERM: 1 of the 3 files of round 1 are done and kept in tree/.kmemlint/summaries.db; the same scan again analyses the other 2$' "$T/err"
check "stopped: no findings printed" [ ! -s "$T/out" ]
check "stopped: one file's results in the database" \
	[ "$(sqlite3 "$db" 'SELECT count(*) FROM pending')" -eq 1 ]
"$KMEMLINT" scan -j1 --verbose --format=json tree >"$T/out" 2>"$T/err"
check "resumed: exit 1" [ $? -eq 1 ]
check "resumed: the finished file is not analysed again" \
	[ "$(grep -c 'c: kept from an interrupted scan, not analysed again' "$T/err")" -eq 1 ]
check "resumed: kmls_lib.c was the one kept (the first file of the first wave: kmls_core.c calls it)" \
	grep -q 'tree/kmls_lib.c: kept from an interrupted scan' "$T/err"
check "resumed: round 1 analyses the two others" \
	grep -q 'round 1: 2 files analysed' "$T/err"
check "resumed: the table counts the kept file" \
	grep -q '^  resumed    1 files kept from an interrupted scan' "$T/err"
check "resumed: the same output as a scan never interrupted" \
	cmp -s "$T/full" "$T/out"
check "resumed: nothing pending after a whole round" \
	[ "$(sqlite3 "$db" 'SELECT count(*) FROM pending')" -eq 0 ]
"$KMEMLINT" scan -j2 --format=text tree >"$T/out.txt" 2>/dev/null
check "resumed: the same text output" cmp -s "$T/full.txt" "$T/out.txt"

# a real signal from outside, with -j2: kmls_core.c hangs (its wave comes
# after kmls_lib.c's), the two other files are committed, then the scan
# is killed
for sig in TERM INT; do
	rm -rf tree/.kmemlint
	KMEMLINT_TEST_WORKER=hang:kmls_core.c "$KMEMLINT" scan -j2 \
		--format=json tree >"$T/out" 2>"$T/err" &
	pid=$!
	n=0
	while [ "$n" -lt 600 ] &&
	      [ "$(sqlite3 "$db" 'SELECT count(*) FROM pending' 2>/dev/null)" != 2 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	# the hung file's worker (the newest child): its wave may start a
	# moment after the two others are committed (a loaded machine)
	worker=$(pgrep -n -P "$pid")
	while [ "$n" -lt 600 ] && [ -z "$worker" ]; do
		sleep 0.1
		n=$((n + 1))
		worker=$(pgrep -n -P "$pid")
	done
	kill -"$sig" "$pid"
	wait "$pid"
	status=$?
	if [ "$sig" = TERM ]; then want=143; else want=130; fi
	check "SIG$sig: exit $want" [ "$status" -eq "$want" ]
	check "SIG$sig: 2 of 3 files kept" \
		grep -q "interrupted by SIG$sig: 2 of the 3 files of round 1 are done and kept" "$T/err"
	check "SIG$sig: the hung worker is gone" \
		sh -c "[ -n '$worker' ] && ! kill -0 $worker 2>/dev/null"
	check "SIG$sig: no worker failure reported" not grep -q 'not analysed' "$T/err"
	"$KMEMLINT" scan -j2 --verbose --format=json tree >"$T/out" 2>"$T/err"
	# their wave was over: written to the database, not only kept
	check "SIG$sig, resumed: the 2 files done are not analysed again" \
		grep -q 'analyses   1 in 1 round (0 again after what they read of other files changed), 2 files reused from the database' "$T/err"
	check "SIG$sig, resumed: round 1 analyses kmls_core.c alone" \
		grep -q 'round 1: 1 files analysed' "$T/err"
	check "SIG$sig, resumed: the same output as a scan never interrupted" \
		cmp -s "$T/full" "$T/out"
done

# kept results are not taken when the file changed meanwhile
rm -rf tree/.kmemlint
KMEMLINT_TEST_STOP_AFTER=1 "$KMEMLINT" scan -j1 --format=json tree \
	>/dev/null 2>&1
echo '/* touched */' >>tree/kmls_lib.c
"$KMEMLINT" scan -j1 --verbose --format=json tree >"$T/out" 2>"$T/err"
check "a kept file changed since: analysed again" \
	not grep -q 'kept from an interrupted scan' "$T/err"
check "a kept file changed since: round 1 analyses all 3" \
	grep -q 'round 1: 3 files analysed' "$T/err"

finish
