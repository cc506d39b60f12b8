#!/bin/sh
# Build every testcase as an external kernel module against the installed
# headers, one module per file, and fail on any build error or warning.
# Testcases must be real kernel code: if kbuild does not accept them
# silently, the analyzer's verdict on them means nothing.
#
# Usage: build-check.sh [FILE.c...]
#   With no FILE, the .c files of every rule folder (testcases/<rule-id>/,
#   the ids of `kmemlint --list-rules`) are built; other folders (e.g. the
#   analyzer's own unit tests) are not kernel code and are left alone.
#   KDIR      defaults to the newest /usr/src/linux-headers-*-amd64.
#   JOBS      make -j value (default: number of CPUs).
#   KMEMLINT  the kmemlint that lists the rule ids, only needed with no
#             FILE (default: build/kmemlint, else kmemlint on PATH).
#
# Not run under Sparse: the testcases define non-static functions (the
# analyzer's entry points), which Sparse reports as "should it be static?".

set -u

here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${KDIR:-}" ]; then
	KDIR=$(ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1)
fi
if [ -z "$KDIR" ] || [ ! -f "$KDIR/Makefile" ]; then
	echo "build-check: no kernel headers (set KDIR or install linux-headers-amd64)" >&2
	exit 2
fi

if [ $# -eq 0 ]; then
	# The rule ids (analyzer/report/rules.c): one testcase folder each.
	if [ -n "${KMEMLINT:-}" ]; then
		kmemlint=$KMEMLINT
	else
		kmemlint=$here/../build/kmemlint
		[ -x "$kmemlint" ] || kmemlint=$(command -v kmemlint || true)
	fi
	if [ -z "$kmemlint" ] || ! rules=$("$kmemlint" --list-rules) ||
	   ! rules=$(printf '%s\n' "$rules" | awk '{ print $1 }') ||
	   [ -z "$rules" ]; then
		echo "build-check: no rule ids from kmemlint --list-rules (build kmemlint, or set KMEMLINT)" >&2
		exit 2
	fi
	for rule in $rules; do
		for f in "$here/$rule"/*.c; do
			[ -f "$f" ] && set -- "$@" "$f"
		done
	done
fi
if [ $# -eq 0 ]; then
	echo "build-check: no testcases found under $here" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kmemlint-build-check.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

# Flatten <rule>/<name>.c to <rule>__<name>.c: module names stay unique
# when two rule folders hold a testcase of the same name.
count=0
: >"$tmp/Kbuild"
for f in "$@"; do
	if [ ! -f "$f" ]; then
		echo "build-check: $f: no such file" >&2
		exit 2
	fi
	dir=$(basename "$(cd "$(dirname "$f")" && pwd)")
	name=$(basename "$f" .c)
	mod=$(printf '%s__%s' "$dir" "$name" | tr -c 'A-Za-z0-9_\n' '_')
	cp "$f" "$tmp/$mod.c" || exit 2
	echo "obj-m += $mod.o" >>"$tmp/Kbuild"
	# to show diagnostics under the testcase's own name
	echo "s|$tmp/$mod\\.|$dir/$name.|g; s|\\<$mod\\.|$dir/$name.|g" >>"$tmp/names.sed"
	count=$((count + 1))
done

jobs=${JOBS:-$(nproc 2>/dev/null || echo 1)}
make -C "$KDIR" M="$tmp" -j"$jobs" modules >"$tmp/build.log" 2>&1
status=$?

# Compiler and modpost diagnostics carry "warning:"/"WARNING:"
# (modpost) or "error"; any of them fails the check.
diags=$(grep -E -i -c '(warning|error):' "$tmp/build.log")

if [ $status -ne 0 ] || [ "$diags" -ne 0 ]; then
	sed -f "$tmp/names.sed" -e "s|$tmp/||g" "$tmp/build.log" |
		grep -v -E '^make(\[[0-9]+\])?: (Entering|Leaving) directory'
	echo "build-check: FAIL: $count testcases, make exit $status, $diags diagnostics (KDIR=$KDIR)"
	exit 1
fi
echo "build-check: OK: $count testcases built without warnings (KDIR=$KDIR)"
exit 0
