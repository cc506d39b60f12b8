#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Two files of one module, each with a static `pdev` (staticglobal/): the
# summary of kmsg_aux.c's exit ("unregisters @pdev") names its own
# static, so kmsg_core.c's exit, which calls it and then uses and
# unregisters its own pdev, frees nothing twice; a second unregister of
# its own pdev in one function still is a double free.
# usage: staticglobal.sh KMEMLINT STATICGLOBAL-TREE
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
cp -r "$2" "$T/sg"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2

"$KMEMLINT" scan -j2 --db="$T/a.db" sg >"$T/out" 2>"$T/err"
status=$?
check "scan: exit 1 (findings)" [ "$status" -eq 1 ]
check "the other file's static is not ours (kmsg_exit)" \
	not grep -q "In function 'kmsg_exit':" "$T/out"
check "our own pdev unregistered twice (kmsg_core_bad_exit)" \
	grep -q "sg/kmsg_core.c:45:2: warning: memory is freed twice on this path (again by platform_device_unregister()) \[double-free\]" "$T/out"
check "one finding" [ "$(grep -c 'warning:' "$T/out")" -eq 1 ]
[ "$status" -eq 1 ] || cat "$T/out" "$T/err"
grep -q "In function 'kmsg_exit':" "$T/out" && cat "$T/out"
finish
