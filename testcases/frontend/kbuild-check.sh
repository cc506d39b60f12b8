#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kmemlint as kbuild's CHECK program, the way Sparse runs:
#   make -C $KDIR M=dir C=2 CHECK="kmemlint --format=json" modules
# usage: kbuild-check.sh KMEMLINT
. "$(dirname "$0")/lib.sh"
setup "$1"
write_modules "$T/mod"

make -C "$KDIR" M="$T/mod" C=2 CHECK="$KMEMLINT --format=json" modules \
	>"$T/out" 2>"$T/err"
status=$?
check "make exits 0 with findings (CHECK mode reports, does not fail)" \
	[ "$status" -eq 0 ]
check "kbuild ran the check on both files" \
	[ "$(grep -c 'CHECK .*\(buggy\|fixed\)\.c' "$T/out")" -eq 2 ]
check "one unchecked-alloc finding at buggy.c:$BUG_LINE" \
	[ "$(count_findings "$T/out" unchecked-alloc buggy.c "$BUG_LINE")" -eq 1 ]
check "no finding at all in fixed.c" \
	[ "$(count_findings "$T/out" '[a-z-]+' fixed.c '')" -eq 0 ]
check "exactly one JSON finding in all" [ "$(count_json "$T/out")" -eq 1 ]
check "each finding has the keys of the contract" \
	sh -c "grep '^{' '$T/out' | grep -q '\"column\"' &&
	       grep '^{' '$T/out' | grep -q '\"function\" *: *\"buggy_init\"' &&
	       grep '^{' '$T/out' | grep -q '\"message\"' &&
	       grep '^{' '$T/out' | grep -q '\"trace\"'"
check "no parse error reported" [ "$(grep -c 'error' "$T/err")" -eq 0 ]
[ "$failed" -eq 0 ] || { echo "--- stdout"; cat "$T/out"; echo "--- stderr"; cat "$T/err"; }

make -C "$KDIR" M="$T/mod" C=2 CHECK="$KMEMLINT --werror" modules \
	>"$T/out2" 2>"$T/err2"
status=$?
check "--werror: make fails on the finding" [ "$status" -ne 0 ]
check "--werror: the text finding names buggy.c:$BUG_LINE" \
	grep -q "buggy\.c:$BUG_LINE:[0-9]*: .*\[unchecked-alloc\]" "$T/out2" "$T/err2"

# the fixed module alone: --werror has nothing to fail on
rm -f "$T/mod/buggy.c"
echo 'obj-m := fixed.o' >"$T/mod/Makefile"
make -C "$KDIR" M="$T/mod" C=2 CHECK="$KMEMLINT --werror" modules \
	>"$T/out3" 2>"$T/err3"
check "--werror on a clean module: make exits 0" [ $? -eq 0 ]

finish
