#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# docs/kmemlint.1 and the program agree: every option that kmemlint
# --help, kmemlint scan --help and kmemlint merge --help print, and
# install-hook's --force, is in the man page; every subcommand has a
# section; groff renders the page with no warning (-ww).
# usage: manpage.sh KMEMLINT MANPAGE
passed=0
failed=0
check() {
	desc=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $desc"
	fi
}
K=$1
MAN=$2
T=$(mktemp -d /tmp/kmemlint-man.XXXXXX) || exit 2
trap 'rm -rf "$T"' EXIT

# the page's text with roff's \- as -
sed 's/\\-/-/g; s/\\f[BIRP]//g' "$MAN" >"$T/man"
options() { # the options a --help text names
	grep -oE '(^|[][[:space:],|(])--?[a-zA-Z][a-zA-Z0-9-]*' | sed 's/^[^-]*//' | sort -u
}
for sub in "" scan merge; do
	# shellcheck disable=SC2086
	"$K" $sub --help >"$T/help" 2>&1
	check "kmemlint $sub --help exits 0" [ $? -eq 0 ]
	options <"$T/help" >"$T/opts"
	check "kmemlint $sub --help names options" [ -s "$T/opts" ]
	while read -r opt; do
		check "kmemlint $sub: $opt is in the man page" \
			grep -qE -- "(^|[^a-zA-Z0-9-])$opt([^a-zA-Z0-9-]|\$)" "$T/man"
	done <"$T/opts"
done
check "install-hook: --force is in the man page" grep -q -- '--force' "$T/man"
for s in SCAN MERGE INSTALL-HOOK OPTIONS "EXIT STATUS"; do
	check "section $s" grep -q "^\.SH \"*$s" "$MAN"
done
if command -v groff >/dev/null 2>&1; then
	groff -man -Tutf8 -ww "$MAN" >/dev/null 2>"$T/warn"
	check "groff -ww: no warning" [ ! -s "$T/warn" ]
	cat "$T/warn"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
