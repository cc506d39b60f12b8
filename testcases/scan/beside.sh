#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kmemlint scan of a module whose Makefile reaches beside its directory,
# as amdgpu's does: FULL_PATH = $(srctree)/$(src)/.., an include of
# $(FULL_PATH)/extra/Makefile that adds subdir-ccflags-y and lists
# ../extra/ objects, and -I$(FULL_PATH)/inc.  kbuild must read those
# through the mirror (M= relative to KDIR, the directories above the
# mirror holding the real ones' entries), compile the objects beside the
# directory as parts of the module, and leave nothing in the tree.
# usage: beside.sh KMEMLINT
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
export XDG_CACHE_HOME="$T/cache"
mkdir -p "$T/drv/core" "$T/drv/extra" "$T/drv/inc"
cd "$T" || exit 2
cat >drv/core/Makefile <<'EOF'
FULL_PATH = $(srctree)/$(src)/..
ccflags-y := -I$(FULL_PATH)/inc
include $(FULL_PATH)/extra/Makefile
obj-m += kmlb.o
kmlb-y := kmlb_main.o $(KMLB_EXTRA_FILES)
EOF
cat >drv/extra/Makefile <<'EOF'
subdir-ccflags-y += -DKMLB_EXTRA=1
KMLB_EXTRA_FILES = ../extra/kmlb_extra.o
EOF
cat >drv/inc/kmlb.h <<'EOF'
/* only found through the -I$(FULL_PATH)/inc of core/Makefile */
#define KMLB_SIZE 16
void *kmlb_get(void);
EOF
cat >drv/core/kmlb_main.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/slab.h>
#include "kmlb.h"

#ifndef KMLB_EXTRA
#error the subdir-ccflags-y of the included Makefile was not applied
#endif

static char *kmlb_buf;

static int __init kmlb_init(void)
{
	char *c = kmlb_get();

	c[1] = 2; /* expect: unchecked-alloc */
	kmlb_buf = c;
	return 0;
}

static void __exit kmlb_exit(void)
{
	kfree(kmlb_buf);
}

module_init(kmlb_init);
module_exit(kmlb_exit);
MODULE_LICENSE("GPL");
EOF
cat >drv/extra/kmlb_extra.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
#include <linux/slab.h>
#include "kmlb.h"

void *kmlb_get(void)
{
	return kzalloc(KMLB_SIZE, GFP_KERNEL);
}

int kmlb_extra_fill(void)
{
	char *p = kmalloc(KMLB_SIZE, GFP_KERNEL);

	p[0] = 1; /* expect: unchecked-alloc */
	kfree(p);
	return 0;
}
EOF

"$KMEMLINT" scan -j2 --list-files drv/core >"$T/list" 2>"$T/err"
check "list: the module's two files" [ "$(wc -l <"$T/list")" -eq 2 ]
check "list: the file beside the directory, named without .." \
	grep -q "^$(cd drv/extra && pwd -P)/kmlb_extra.c " "$T/list"
check "list: the included Makefile's subdir-ccflags-y" \
	grep -q -- ' -DKMLB_EXTRA=1 ' "$T/list"
check "list: the include dir named through \$(srctree)/\$(src)/.." \
	grep -q -- "/drv/core/../inc " "$T/list"
"$KMEMLINT" scan -j2 --format=json drv/core >"$T/out" 2>"$T/err"
status=$?
check "scan: exit 1 (the findings)" [ "$status" -eq 1 ]
check "scan: both files parsed (no 'not analysed')" \
	not grep -q 'not analysed' "$T/err"
check "scan: the wrapper's result unchecked in kmlb_main.c" \
	[ "$(count_findings "$T/out" unchecked-alloc kmlb_main.c 16)" -eq 1 ]
check "scan: the finding in the file beside the directory" \
	[ "$(count_findings "$T/out" unchecked-alloc kmlb_extra.c 14)" -eq 1 ]
check "nothing of kbuild's in the tree" \
	[ -z "$(find drv -name '*.mod' -o -name 'modules.order' -o -name '*.o' -o -name '.*.cmd' -o -name 'built-in.a')" ]
[ "$status" -eq 1 ] || cat "$T/err"
finish
