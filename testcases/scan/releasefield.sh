#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A release that clears the field it frees, followed by a teardown in
# another file that releases it again and frees the container
# (releasefield/): no double free where the field was cleared, one where
# the release kept the stale pointer.
# usage: releasefield.sh KMEMLINT RELEASEFIELD-TREE
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
cp -r "$2" "$T/rf"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2

"$KMEMLINT" scan -j2 --db="$T/a.db" rf >"$T/out" 2>"$T/err"
status=$?
check "scan: exit 1 (findings)" [ "$status" -eq 1 ]
check "the cleared field is not freed twice (kmrt_drop)" \
	not grep -q "In function 'kmrt_drop':" "$T/out"
check "the stale field is freed twice (kmrt_drop_bad)" \
	grep -q "rf/kmrt_nego.c:48:2: warning: memory is freed twice on this path (again by kmrt_sess_out()) \[double-free\]" "$T/out"
check "one finding" [ "$(grep -c 'warning:' "$T/out")" -eq 1 ]
[ "$status" -eq 1 ] || cat "$T/out" "$T/err"
grep -q "In function 'kmrt_drop':" "$T/out" && cat "$T/out"
finish
