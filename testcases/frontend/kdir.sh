#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kmemlint --kdir (and with no way in given: the newest installed headers)
# on files that have no build at all; a file that does not parse costs
# that file only.
# usage: kdir.sh KMEMLINT
. "$(dirname "$0")/lib.sh"
setup "$1"
write_modules "$T/src"
rm -f "$T/src/Makefile"
cat >"$T/src/bad.c" <<'EOC'
// SPDX-License-Identifier: GPL-2.0
#include <linux/slab.h>

int bad_fn(void)
{
	return 0
}
EOC
export XDG_CACHE_HOME="$T/cache"
cd "$T/src" || exit 2

"$KMEMLINT" --format=json --kdir "$KDIR" buggy.c >"$T/out" 2>"$T/err"
status=$?
check "--kdir buggy.c: exit 1 (findings)" [ "$status" -eq 1 ]
check "--kdir buggy.c: unchecked-alloc at line $BUG_LINE" \
	[ "$(count_findings "$T/out" unchecked-alloc buggy.c "$BUG_LINE")" -eq 1 ]
check "--kdir buggy.c: one finding" [ "$(count_json "$T/out")" -eq 1 ]
check "--kdir: kbuild was asked (no fallback warning)" \
	not grep -q 'could not ask kbuild' "$T/err"
check "--kdir: the answer is cached" \
	[ -n "$(ls "$T/cache/kmemlint/"kdir-*.args 2>/dev/null)" ]
[ "$status" -eq 1 ] || cat "$T/err"

"$KMEMLINT" --format=json buggy.c fixed.c >"$T/out" 2>"$T/err"
status=$?
check "no --kdir: exit 1" [ "$status" -eq 1 ]
check "no --kdir: the finding in buggy.c" \
	[ "$(count_findings "$T/out" unchecked-alloc buggy.c "$BUG_LINE")" -eq 1 ]
check "no --kdir: nothing in fixed.c" [ "$(count_json "$T/out")" -eq 1 ]

"$KMEMLINT" --kdir "$KDIR" buggy.c >"$T/out" 2>"$T/err"
check "text format: file:line:col: warning: ... [unchecked-alloc]" \
	grep -q "buggy\.c:$BUG_LINE:[0-9]*: warning: .*\[unchecked-alloc\]" "$T/out"

"$KMEMLINT" --format=json --kdir "$KDIR" fixed.c >"$T/out" 2>"$T/err"
status=$?
check "--kdir fixed.c: exit 0" [ "$status" -eq 0 ]
check "--kdir fixed.c: no finding" [ "$(count_json "$T/out")" -eq 0 ]

"$KMEMLINT" --format=json --kdir "$KDIR" bad.c buggy.c >"$T/out" 2>"$T/err"
status=$?
check "a file that does not parse: one error line naming it" \
	[ "$(grep -c 'bad\.c' "$T/err")" -eq 1 ]
check "... and the good file's finding is still printed" \
	[ "$(count_findings "$T/out" unchecked-alloc buggy.c "$BUG_LINE")" -eq 1 ]
check "... exit 1 without --strict" [ "$status" -eq 1 ]
[ "$status" -eq 1 ] || cat "$T/err"

"$KMEMLINT" --format=json --strict --kdir "$KDIR" bad.c buggy.c \
	>"$T/out" 2>"$T/err"
status=$?
check "--strict: exit 2" [ "$status" -eq 2 ]
check "--strict: the good file's finding is still printed" \
	[ "$(count_findings "$T/out" unchecked-alloc buggy.c "$BUG_LINE")" -eq 1 ]

"$KMEMLINT" --kdir "$T" buggy.c >"$T/out" 2>"$T/err"
status=$?
check "--kdir on a non-kernel dir: exit 2" [ "$status" -eq 2 ]
check "--kdir on a non-kernel dir: says so" \
	grep -q "$T: not a configured kernel build directory" "$T/err"

finish
