#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A static bool helper of one file frees a field and returns false (its
# failure), another file's teardown frees the field: no double free.  A
# static int helper that does the same and returns 0 (its success) leaves
# the field dangling: the teardown frees it twice (boolfail/).
# usage: boolfail.sh KMEMLINT BOOLFAIL-TREE
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
cp -r "$2" "$T/bf"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2

"$KMEMLINT" scan -j2 --db="$T/a.db" bf >"$T/out" 2>"$T/err"
status=$?
check "scan: exit 1 (findings)" [ "$status" -eq 1 ]
check "the field a bool helper freed on its failure is not freed twice" \
	not grep -q "bf/kmbf_main.c:8:2: warning" "$T/out"
check "the field an int helper freed on its success is freed twice" \
	grep -q "bf/kmbf_main.c:10:2: warning: memory is freed twice on this path (again by kfree()) \[double-free\]" "$T/out"
check "one finding" [ "$(grep -c 'warning:' "$T/out")" -eq 1 ]
[ "$status" -eq 1 ] || cat "$T/out" "$T/err"
grep -q "bf/kmbf_main.c:8:2: warning" "$T/out" && cat "$T/out"
finish
