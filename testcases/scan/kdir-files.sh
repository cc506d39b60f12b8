#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kmemlint --kdir FILE... on files of a directory whose kbuild files add
# flags (tree/: ccflags-y, CFLAGS_kmls_core.o, and the parent's
# subdir-ccflags-y for sub/): kbuild is asked for the directory, as
# `kmemlint scan` asks it, so each file parses with its own flags; a file
# kbuild does not build gets its directory's flags; a directory whose
# kbuild files add nothing keeps the external-module flags, and kbuild is
# not asked for it.
# usage: kdir-files.sh KMEMLINT TREE
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
cp -r "$2" "$T/tree"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2

"$KMEMLINT" --kdir="$KDIR" --format=json tree/kmls_core.c \
	tree/sub/kmls_sub.c tree/sub/kmls_unbuilt.c >"$T/out" 2>"$T/err"
status=$?
check "--kdir: exit 1 (findings)" [ "$status" -eq 1 ]
check "--kdir: every file parsed (the Makefiles' flags were used)" \
	not grep -q 'error' "$T/err"
check "--kdir: ccflags-y and CFLAGS_kmls_core.o: the finding in kmls_core.c" \
	[ "$(count_findings "$T/out" unchecked-alloc kmls_core.c 16)" -eq 1 ]
check "--kdir: the parent's subdir-ccflags-y: the finding in sub/kmls_sub.c" \
	[ "$(count_findings "$T/out" unchecked-alloc kmls_sub.c 16)" -eq 1 ]
check "--kdir: kbuild's answer cached as scan caches it" \
	[ -n "$(ls "$T/cache/kmemlint/"scan-*.flags 2>/dev/null)" ]
check "--kdir: nothing of kbuild's in the tree" \
	[ -z "$(find tree -name '*.mod' -o -name 'modules.order' -o -name '*.o')" ]
[ "$status" -eq 1 ] || cat "$T/err"

# the cached answer gives the same flags
"$KMEMLINT" --kdir="$KDIR" --format=json tree/kmls_core.c >"$T/out2" 2>"$T/err2"
check "--kdir, cached: the same finding" \
	[ "$(count_findings "$T/out2" unchecked-alloc kmls_core.c 16)" -eq 1 ]

# no flags added: the module flags, kbuild not asked
mkdir plain
cat >plain/plain.c <<'EOC'
// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/slab.h>

int plain_init(void)
{
	char *c = kzalloc(8, GFP_KERNEL);

	c[1] = 2;
	kfree(c);
	return 0;
}
EOC
echo 'obj-m += plain.o' >plain/Makefile
rm -rf "$T/cache"
"$KMEMLINT" --kdir="$KDIR" --format=json plain/plain.c >"$T/out3" 2>"$T/err3"
check "no ccflags: the finding, with the module flags" \
	[ "$(count_findings "$T/out3" unchecked-alloc plain.c 9)" -eq 1 ]
check "no ccflags: kbuild not asked for the directory" \
	[ -z "$(ls "$T/cache/kmemlint/"scan-*.flags 2>/dev/null)" ]

finish
