#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kmemlint scan of a directory below others: kbuild hands a parent's
# subdir-ccflags-y down the tree, so a scan of top/mid/leaf alone must
# give leaf's files what top/Makefile sets (an include directory and a
# define) through mid/, whose Makefile sets nothing, as a build from top
# would.  A parent whose Makefile does not descend into the directory
# (a plain Makefile above the tree) is not one.
# usage: parents.sh KMEMLINT
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
export XDG_CACHE_HOME="$T/cache"
mkdir -p "$T/top/inc" "$T/top/mid/leaf"
cd "$T" || exit 2
# not kbuild's: must not be read (it would fail if it were)
cat >Makefile <<'EOF'
$(error this Makefile is not a kbuild parent)
EOF
cat >top/Makefile <<'EOF'
subdir-ccflags-y := -I$(src)/inc -DKMLP_PARENT=1
obj-$(CONFIG_KMLP_NEVER_SET) += mid/
EOF
cat >top/mid/Kbuild <<'EOF'
obj-m += leaf/
EOF
cat >top/inc/kmlp.h <<'EOF'
/* only found through the top Makefile's subdir-ccflags-y */
#define KMLP_SIZE 16
EOF
cat >top/mid/leaf/Makefile <<'EOF'
obj-m += kmlp_leaf.o
EOF
cat >top/mid/leaf/kmlp_leaf.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/slab.h>
#include "kmlp.h"

#ifndef KMLP_PARENT
#error the parent's subdir-ccflags-y was not applied
#endif

static char *kmlp_buf;

static int __init kmlp_init(void)
{
	char *c = kzalloc(KMLP_SIZE, GFP_KERNEL);

	c[1] = 2; /* expect: unchecked-alloc */
	kmlp_buf = c;
	return 0;
}

static void __exit kmlp_exit(void)
{
	kfree(kmlp_buf);
}

module_init(kmlp_init);
module_exit(kmlp_exit);
MODULE_LICENSE("GPL");
EOF

"$KMEMLINT" scan -j2 --list-files top/mid/leaf >"$T/list" 2>"$T/err"
check "list: the include dir of top/Makefile's subdir-ccflags-y" \
	grep -q -- " -I$T/top/inc " "$T/list"
check "list: its define" grep -q -- ' -DKMLP_PARENT=1 ' "$T/list"
check "list: one file" [ "$(wc -l <"$T/list")" -eq 1 ]
"$KMEMLINT" scan -j2 --format=json top/mid/leaf >"$T/out" 2>"$T/err"
status=$?
check "scan of the leaf alone: exit 1 (the finding)" [ "$status" -eq 1 ]
check "scan: the file parsed (no 'not analysed')" not grep -q 'not analysed' "$T/err"
check "scan: the finding in kmlp_leaf.c" \
	[ "$(count_findings "$T/out" unchecked-alloc kmlp_leaf.c 16)" -eq 1 ]
check "scan: no warning about the parents" not grep -q 'warning' "$T/err"
check "nothing of kbuild's in the tree" \
	[ -z "$(find top -name '*.mod' -o -name 'modules.order' -o -name '*.o' -o -name '.*.cmd')" ]
[ "$status" -eq 1 ] || cat "$T/err"

# the flags cache follows the parents' Makefiles
sed -i 's/-DKMLP_PARENT=1/-DKMLP_PARENT=2/' top/Makefile
"$KMEMLINT" scan -j2 --list-files top/mid/leaf >"$T/list" 2>"$T/err"
check "a parent's Makefile changed: kbuild asked again" \
	grep -q -- ' -DKMLP_PARENT=2 ' "$T/list"

# a parent kbuild cannot read: the leaf alone, with a warning
cat >top/Makefile <<'EOF'
$(error kbuild cannot read this one)
subdir-ccflags-y := -I$(src)/inc -DKMLP_PARENT=1
obj-m += mid/
EOF
"$KMEMLINT" scan -j2 --list-files top/mid/leaf >"$T/list" 2>"$T/err"
check "an unreadable parent: the leaf's file still listed" \
	[ "$(wc -l <"$T/list")" -eq 1 ]
check "an unreadable parent: a warning naming it" \
	grep -q "warning: top/mid/leaf: kbuild could not read the Makefiles of the directories above ($T/top)" "$T/err"

finish
