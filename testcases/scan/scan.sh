#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kmemlint scan on tree/: flags from kbuild (ccflags-y, CFLAGS_x.o,
# subdir-ccflags-y), workers that crash, hang or run out of memory cost
# their file only, the output is the same for -j1 and -j2, the kbuild
# answer is cached, nothing is written into the scanned tree but the
# database; the database makes a re-scan incremental and gives each file
# the summaries of the others (kmls_core.c's bug needs kmls_lib.c's), also
# to kbuild's CHECK way in with --db.
# usage: scan.sh KMEMLINT TREE
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
cp -r "$2" "$T/tree"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2

"$KMEMLINT" scan -j2 --format=json tree >"$T/out" 2>"$T/err"
status=$?
check "scan: exit 1 (findings)" [ "$status" -eq 1 ]
check "scan: no file failed to parse (the Makefile's flags were used)" \
	not grep -q 'not analysed' "$T/err"
check "scan: CFLAGS_kmls_core.o and ccflags-y: the finding in kmls_core.c" \
	[ "$(count_findings "$T/out" unchecked-alloc kmls_core.c 16)" -eq 1 ]
check "scan: subdir-ccflags-y: the finding in sub/kmls_sub.c" \
	[ "$(count_findings "$T/out" unchecked-alloc kmls_sub.c 16)" -eq 1 ]
check "scan: cross-file: kmls_new_buf() of kmls_lib.c may return NULL" \
	[ "$(count_findings "$T/out" unchecked-alloc kmls_core.c 27)" -eq 1 ]
check "scan: three findings in all" [ "$(count_json "$T/out")" -eq 3 ]
check "scan: the database beside the tree" \
	[ -s tree/.kmemlint/summaries.db ]
check "scan: the table names the database" \
	grep -q 'database   tree/.kmemlint/summaries.db' "$T/err"
check "scan: the summary table counts 3 files analysed" \
	grep -q '3 files: 3 analysed, 0 failed; 1 more .c files are not built' "$T/err"
check "scan: findings per rule in the table" \
	grep -Eq '^ +unchecked-alloc +3$' "$T/err"
check "scan: wall and CPU time in the table" \
	grep -q 'CPU time' "$T/err"
check "scan: no progress bar when stderr is not a terminal" \
	not grep -q "$(printf '\r')" "$T/err"
check "scan: kbuild's answer is cached" \
	[ -n "$(ls "$T/cache/kmemlint/"scan-*.flags 2>/dev/null)" ]
check "scan: nothing of kbuild's in the tree" \
	[ -z "$(find tree -name '*.mod' -o -name 'modules.order' -o -name '*.o')" ]
[ "$status" -eq 1 ] || cat "$T/err"

"$KMEMLINT" scan -j1 --format=json tree >"$T/out1" 2>"$T/err1"
check "re-scan, nothing changed: no file analysed again" \
	grep -q 'analyses   0 in 0 rounds' "$T/err1"
rm -rf tree/.kmemlint
"$KMEMLINT" scan -j1 --format=json tree >"$T/out1" 2>"$T/err1"
check "fresh database, -j1: as many analyses as with -j2" \
	[ "$(grep -o 'analyses   [0-9]* in [0-9]* rounds' "$T/err1")" = \
	  "$(grep -o 'analyses   [0-9]* in [0-9]* rounds' "$T/err")" ]
echo '/* touched */' >>tree/sub/kmls_sub.c
"$KMEMLINT" scan -j1 --format=json tree >"$T/out2" 2>"$T/err2"
check "re-scan after touching one file: that file only" \
	grep -q 'analyses   1 in 1 round ' "$T/err2"
check "re-scan: the same findings" cmp -s "$T/out1" "$T/out2"
sed -i 's/return kcalloc(n, sizeof(int), GFP_KERNEL);/return kcalloc(n, sizeof(int), GFP_KERNEL | __GFP_NOFAIL);/' \
	tree/kmls_lib.c
"$KMEMLINT" scan -j1 --format=json tree >"$T/out2" 2>"$T/err2"
check "a callee's summary changed: its caller is analysed again, in the same round" \
	grep -q 'analyses   2 in 1 round (1 again after' "$T/err2"
check "... and its finding goes (__GFP_NOFAIL cannot fail)" \
	[ "$(count_findings "$T/out2" unchecked-alloc kmls_core.c 27)" -eq 0 ]
sed -i 's/GFP_KERNEL | __GFP_NOFAIL/GFP_KERNEL/' tree/kmls_lib.c
"$KMEMLINT" scan -j1 --format=json tree >/dev/null 2>&1

# kbuild's CHECK way in reads the database with --db
make -s -C "$KDIR" M="$T/tree" C=2 \
	CHECK="$KMEMLINT --db=$T/tree/.kmemlint/summaries.db --format=json --output=$T/check.json" \
	modules >/dev/null 2>"$T/make.err"
check "kbuild CHECK with --db: the cross-file finding" \
	[ "$(count_findings "$T/check.json" unchecked-alloc kmls_core.c 27)" -eq 1 ]
make -s -C "$KDIR" M="$T/tree" clean >/dev/null 2>&1
rm -f "$T/check.json"
make -s -C "$KDIR" M="$T/tree" C=2 \
	CHECK="$KMEMLINT --format=json --output=$T/check.json" \
	modules >/dev/null 2>"$T/make.err"
check "kbuild CHECK without --db: not found (one file at a time)" \
	[ "$(count_findings "$T/check.json" unchecked-alloc kmls_core.c 27)" -eq 0 ]
make -s -C "$KDIR" M="$T/tree" clean >/dev/null 2>&1
find tree -name '*.mod' -o -name 'modules.order' -o -name '*.o' -o -name '.*.cmd' | xargs rm -f
"$KMEMLINT" scan -j2 --format=text tree >"$T/text2" 2>/dev/null
"$KMEMLINT" scan -j1 --format=text tree >"$T/text1" 2>/dev/null
check "-j1 and -j2: byte-identical JSON" cmp -s "$T/out" "$T/out1"
check "-j1 and -j2: byte-identical text" cmp -s "$T/text1" "$T/text2"
check "text: GCC style" \
	grep -q '^tree/kmls_core.c:16:[0-9]*: warning: .*\[unchecked-alloc\] \[confidence: high\]$' "$T/text1"
check "text: a finding that needs another file's summary is medium confidence" \
	grep -q '^tree/kmls_core.c:27:[0-9]*: warning: .*\[unchecked-alloc\] \[confidence: medium\]$' "$T/text1"

"$KMEMLINT" scan -j2 --output="$T/o.json" --format=json tree >"$T/stdout" 2>/dev/null
check "--output: findings in the file, none on stdout" \
	[ "$(count_json "$T/o.json")" -eq 3 ] && [ ! -s "$T/stdout" ]

rm -rf tree/.kmemlint
KMEMLINT_TEST_WORKER=crash:kmls_lib.c,hang:kmls_sub.c \
	"$KMEMLINT" scan -j2 --timeout=15 --format=json tree >"$T/out" 2>"$T/err"
status=$?
check "crash + hang: the other file's finding is still printed" \
	[ "$(count_findings "$T/out" unchecked-alloc kmls_core.c 16)" -eq 1 ]
check "crash + hang: exit 1 without --strict" [ "$status" -eq 1 ]
check "crash: named with the signal" \
	grep -q 'kmls_lib.c: killed by signal 11' "$T/err"
check "hang: named with the time limit" \
	grep -q 'kmls_sub.c: over the time limit of 15 s' "$T/err"
check "crash + hang: 2 failed in the table" \
	grep -q '3 files: 1 analysed, 2 failed' "$T/err"
"$KMEMLINT" scan -j2 --format=json tree >"$T/out" 2>"$T/err"
check "the next scan analyses the failed files again" \
	grep -q '3 files: 3 analysed, 0 failed' "$T/err"

# an ASan build has no memory limit (scan_pool.c): its shadow memory
# needs terabytes of address space
if [ "${KMEMLINT_ASAN:-}" != 1 ]; then
	touch tree/kmls_core.c; echo >>tree/kmls_core.c
	KMEMLINT_TEST_WORKER=oom:kmls_core.c \
		"$KMEMLINT" scan -j2 --mem-limit=1024 --strict --format=json tree \
		>"$T/out" 2>"$T/err"
	status=$?
	check "out of memory: named with the limit" \
		grep -q 'kmls_core.c: over the memory limit of 1024 MB' "$T/err"
	check "out of memory: the other files go on" \
		[ "$(count_findings "$T/out" unchecked-alloc kmls_sub.c 16)" -eq 1 ]
	check "--strict and a failed file: exit 2" [ "$status" -eq 2 ]
fi

"$KMEMLINT" scan --jobs=x tree >/dev/null 2>"$T/err"
status=$?
check "bad -j: exit 2 with a message" \
	[ "$status" -eq 2 ] && grep -q 'not a number of jobs' "$T/err"
"$KMEMLINT" scan "$T/nonexistent" >/dev/null 2>"$T/err"
status=$?
check "missing PATH: exit 2 naming it" \
	[ "$status" -eq 2 ] && grep -q 'nonexistent' "$T/err"

finish
