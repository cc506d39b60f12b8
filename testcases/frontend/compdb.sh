#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kmemlint -p: a compile_commands.json made from kbuild's real gcc command
# (its .o.cmd file, as the kernel's gen_compile_commands.py reads it).
# usage: compdb.sh KMEMLINT
. "$(dirname "$0")/lib.sh"
setup "$1"
write_modules "$T/mod"

if ! make -s -C "$KDIR" M="$T/mod" modules >"$T/build" 2>&1; then
	cat "$T/build"
	check "the module builds with kbuild" false
	finish
	exit 1
fi
kdir_real=$(cd "$KDIR" && pwd -P)

# "cmd_/path/x.o := gcc ... x.c; ./tools/objtool/objtool ..." (savedcmd_
# since 6.2): the gcc part, up to the source, as gen_compile_commands.py
# takes it; then JSON-escape \ and "
json_entry() {
	cmd=$(sed -n 's/^\(saved\)\?cmd_[^ ]* := *//p' "$T/mod/.$1.o.cmd" |
	      sed -e 's/^\(.* [^ ]*\.c\) *;.*$/\1/' \
		  -e 's/\\/\\\\/g' -e 's/"/\\"/g')
	printf '  { "directory": "%s", "file": "%s", "command": "%s" }' \
		"$kdir_real" "$T/mod/$1.c" "$cmd"
}
{
	echo '['
	json_entry buggy
	echo ','
	json_entry fixed
	echo
	echo ']'
} >"$T/mod/compile_commands.json"
check "compile_commands.json has gcc's command" \
	grep -q '"command": "gcc[^ ]* .*-nostdinc.*buggy\.c"' "$T/mod/compile_commands.json"

cd "$T/mod" || exit 2
"$KMEMLINT" --format=json -p "$T/mod" buggy.c >"$T/out" 2>"$T/err"
status=$?
check "-p DIR buggy.c: exit 1 (findings)" [ "$status" -eq 1 ]
check "-p DIR buggy.c: unchecked-alloc at line $BUG_LINE" \
	[ "$(count_findings "$T/out" unchecked-alloc buggy.c "$BUG_LINE")" -eq 1 ]
check "-p DIR buggy.c: one finding" [ "$(count_json "$T/out")" -eq 1 ]
[ "$status" -eq 1 ] || cat "$T/err"

"$KMEMLINT" --format=json -p "$T/mod/compile_commands.json" fixed.c \
	>"$T/out" 2>"$T/err"
status=$?
check "-p FILE fixed.c: exit 0" [ "$status" -eq 0 ]
check "-p FILE fixed.c: no finding" [ "$(count_json "$T/out")" -eq 0 ]
[ "$status" -eq 0 ] || cat "$T/err"

"$KMEMLINT" --format=json -p "$T/mod" >"$T/out" 2>"$T/err"
check "-p DIR, no files: buggy.c's finding" \
	[ "$(count_findings "$T/out" unchecked-alloc buggy.c "$BUG_LINE")" -eq 1 ]
check "-p DIR, no files: one finding in all" [ "$(count_json "$T/out")" -eq 1 ]

echo 'int stray;' >"$T/mod/stray.c"
"$KMEMLINT" --format=json -p "$T/mod" stray.c buggy.c >"$T/out" 2>"$T/err"
status=$?
check "a file not in the database is named on stderr" \
	grep -q 'stray\.c: not in compile_commands\.json' "$T/err"
check "the other file is still analysed" \
	[ "$(count_findings "$T/out" unchecked-alloc buggy.c "$BUG_LINE")" -eq 1 ]
# like a file that does not parse: the run goes on, --strict makes it fatal
check "a file not in the database: exit 1 (the other's finding)" \
	[ "$status" -eq 1 ]
"$KMEMLINT" --format=json --strict -p "$T/mod" stray.c buggy.c \
	>"$T/out" 2>"$T/err"
check "a file not in the database, --strict: exit 2" [ $? -eq 2 ]

finish
