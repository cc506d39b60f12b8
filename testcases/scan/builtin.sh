#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kmemlint scan DIR analyses every C file kbuild compiles in DIR:
#  1. obj-y objects (built into the kernel), not only modules.  Under M=
#     kbuild builds modules only; the scan asks it for built-in objects
#     too, each with its exact flags: no -DMODULE, KBUILD_MODNAME from the
#     object or its composite.  A directory reached through obj-m builds
#     only its modules, as in a kernel build.
#  2. objects a parent's Makefile lists in DIR (mlx5's core/Makefile lists
#     steering/*.o; steering/ has no Makefile): scanning DIR alone
#     compiles them as the parent does (its flags, its composite).
# usage: builtin.sh KMEMLINT
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2

# A file with one unchecked allocation; $1 is the name, the rest of the
# lines go before it (guards on the flags).
write_c() {
	f=$1
	shift
	{
		echo '// SPDX-License-Identifier: GPL-2.0'
		echo '#include <linux/init.h>'
		echo '#include <linux/slab.h>'
		for l in "$@"; do echo "$l"; done
		echo ''
		echo 'char *kmlb_use(void);'
		echo 'char *kmlb_use(void)'
		echo '{'
		echo '	char *c = kzalloc(16, GFP_KERNEL);'
		echo ''
		echo '	c[1] = 2; /* expect: unchecked-alloc */'
		echo '	return c;'
		echo '}'
	} >"$f"
}

# ---------------------------------------------------------- 1. obj-y
mkdir -p drv/bsub drv/msub
cat >drv/Makefile <<'EOF'
ccflags-y := -DKMLB_CC=1
obj-y += kmlb_core.o
obj-m += kmlb_mod.o
kmlb_multi-y := kmlb_part.o
obj-y += kmlb_multi.o
obj-y += bsub/
obj-m += msub/
obj-$(CONFIG_KMLB_NEVER_SET) += kmlb_off.o
# a source kbuild generates (drivers/tty/vt's consolemap_deftbl.c): not a
# file of the tree, not analysed
obj-y += kmlb_gen.o
$(obj)/kmlb_gen.c: $(src)/kmlb_gen.c_shipped
	cat $< >$@
EOF
write_c drv/kmlb_gen.c_shipped
echo 'obj-y += kmlb_bsub.o' >drv/bsub/Makefile
printf 'obj-y += kmlb_mobj.o\nobj-m += kmlb_mmod.o\n' >drv/msub/Makefile
write_c drv/kmlb_core.c '#ifdef MODULE' '#error built in: no -DMODULE' '#endif' \
	'#ifndef KMLB_CC' '#error the ccflags-y of drv/Makefile' '#endif'
write_c drv/kmlb_mod.c
write_c drv/kmlb_part.c
write_c drv/kmlb_off.c
write_c drv/bsub/kmlb_bsub.c
write_c drv/msub/kmlb_mobj.c
write_c drv/msub/kmlb_mmod.c

"$KMEMLINT" scan -j2 --list-files drv >"$T/list" 2>"$T/err"
# "file -flags..." of one file
flags() { grep -q "^$T/$1 " "$T/list"; }
check "list: five files kbuild builds" [ "$(wc -l <"$T/list")" -eq 5 ]
check "list: the obj-y file" flags drv/kmlb_core.c
check "list: obj-y without -DMODULE" not sh -c "grep '^$T/drv/kmlb_core.c ' '$T/list' | grep -q -- ' -DMODULE '"
check "list: obj-y's KBUILD_MODNAME is its object's" \
	sh -c "grep '^$T/drv/kmlb_core.c ' '$T/list' | grep -q -- '-DKBUILD_MODNAME=\"kmlb_core\"'"
check "list: obj-y's KBUILD_MODFILE names the real tree (not kbuild's mirror)" \
	sh -c "grep '^$T/drv/kmlb_core.c ' '$T/list' | grep -q -- ' -DKBUILD_MODFILE=\"$T/drv/kmlb_core\" '"
check "list: the obj-y file has the directory's ccflags-y" \
	sh -c "grep '^$T/drv/kmlb_core.c ' '$T/list' | grep -q -- ' -DKMLB_CC=1 '"
check "list: the obj-m file keeps -DMODULE" \
	sh -c "grep '^$T/drv/kmlb_mod.c ' '$T/list' | grep -q -- ' -DMODULE '"
check "list: a part of an obj-y composite: its composite's KBUILD_MODNAME" \
	sh -c "grep '^$T/drv/kmlb_part.c ' '$T/list' | grep -q -- '-DKBUILD_MODNAME=\"kmlb_multi\"'"
check "list: obj-y of a directory reached through obj-y" flags drv/bsub/kmlb_bsub.c
check "list: obj-m of a directory reached through obj-m" flags drv/msub/kmlb_mmod.c
check "list: not obj-y of a directory reached through obj-m (kbuild does not build it)" \
	not flags drv/msub/kmlb_mobj.c
check "list: not an object of an unset option" not flags drv/kmlb_off.c
check "list: not a source kbuild generates" not grep -q kmlb_gen "$T/list"

"$KMEMLINT" scan -j2 --verbose --format=json drv >"$T/out" 2>"$T/err"
status=$?
check "scan drv: exit 1 (findings)" [ "$status" -eq 1 ]
check "scan drv: the finding in the obj-y file" \
	[ "$(count_findings "$T/out" unchecked-alloc kmlb_core.c)" -eq 1 ]
check "scan drv: the finding in the obj-y subdirectory's file" \
	[ "$(count_findings "$T/out" unchecked-alloc kmlb_bsub.c)" -eq 1 ]
check "scan drv: five files analysed, two not built" \
	grep -q 'kmemlint scan: 5 files: 5 analysed, 0 failed; 2 more .c files are not built' "$T/err"
check "scan drv: kmlb_off.c named as not built" grep -q 'not built  .*kmlb_off.c' "$T/err"
check "nothing of kbuild's in the tree" \
	[ -z "$(find drv -name '*.mod' -o -name 'modules.order' -o -name '*.o' -o -name '.*.cmd' -o -name '*.a')" ]
[ "$status" -eq 1 ] || cat "$T/err"

# ------------------------------------- 2. objects listed by the parent
mkdir -p pdrv/inc pdrv/steer pdrv/sub2
cat >pdrv/Makefile <<'EOF'
ccflags-y := -I$(src)/inc
CFLAGS_steer/kmlp_steer.o := -DKMLP_STEER=1
obj-m += kmlp.o
kmlp-y := kmlp_main.o steer/kmlp_steer.o sub2/kmlp_sub2par.o
kmlp-$(CONFIG_KMLB_NEVER_SET) += steer/kmlp_off.o
obj-y += steer/kmlp_direct.o
obj-m += sub2/
EOF
echo '#define KMLP_SIZE 16' >pdrv/inc/kmlp.h
echo 'obj-m += kmlp_sub2own.o' >pdrv/sub2/Makefile
write_c pdrv/kmlp_main.c
write_c pdrv/steer/kmlp_steer.c '#include "kmlp.h"' '#ifndef MODULE' \
	'#error a part of the module kmlp' '#endif' '#if KMLP_STEER != 1' \
	'#error CFLAGS_steer/kmlp_steer.o of pdrv/Makefile' '#endif'
write_c pdrv/steer/kmlp_direct.c '#ifdef MODULE' '#error built in' '#endif'
write_c pdrv/steer/kmlp_off.c
write_c pdrv/sub2/kmlp_sub2par.c
write_c pdrv/sub2/kmlp_sub2own.c

"$KMEMLINT" scan -j2 --list-files pdrv/steer >"$T/list" 2>"$T/err"
check "steer (no Makefile): the parent's objects there listed" \
	[ "$(wc -l <"$T/list")" -eq 2 ]
check "steer: a part of the parent's module: -DMODULE, its KBUILD_MODNAME" \
	sh -c "grep '^$T/pdrv/steer/kmlp_steer.c ' '$T/list' | grep -- ' -DMODULE ' | grep -q -- '-DKBUILD_MODNAME=\"kmlp\"'"
check "steer: the parent's CFLAGS_steer/kmlp_steer.o and ccflags-y" \
	sh -c "grep '^$T/pdrv/steer/kmlp_steer.c ' '$T/list' | grep -- ' -DKMLP_STEER=1 ' | grep -q -- ' -I$T/pdrv/inc '"
check "steer: the parent's obj-y object, built in" \
	sh -c "grep '^$T/pdrv/steer/kmlp_direct.c ' '$T/list' | grep -v -- ' -DMODULE ' | grep -q -- '-DKBUILD_MODNAME=\"kmlp_direct\"'"
check "steer: no other file of the parent" not grep -q kmlp_main "$T/list"
check "steer: nothing on stderr" [ ! -s "$T/err" ]
"$KMEMLINT" scan -j2 --verbose --format=json pdrv/steer >"$T/out" 2>"$T/err"
status=$?
check "scan steer: exit 1 (findings)" [ "$status" -eq 1 ]
check "scan steer: the finding in the parent-listed file" \
	[ "$(count_findings "$T/out" unchecked-alloc kmlp_steer.c)" -eq 1 ]
check "scan steer: 2 analysed, kmlp_off.c not built" \
	grep -q 'kmemlint scan: 2 files: 2 analysed, 0 failed; 1 more .c files are not built' "$T/err"
[ "$status" -eq 1 ] || cat "$T/err"

"$KMEMLINT" scan -j2 --list-files pdrv/sub2 >"$T/list" 2>"$T/err"
check "sub2: its own module and the parent's part there" \
	[ "$(wc -l <"$T/list")" -eq 2 ]
check "sub2: the parent's part is a part of kmlp" \
	sh -c "grep '^$T/pdrv/sub2/kmlp_sub2par.c ' '$T/list' | grep -q -- '-DKBUILD_MODNAME=\"kmlp\"'"
check "sub2: its own module" \
	sh -c "grep '^$T/pdrv/sub2/kmlp_sub2own.c ' '$T/list' | grep -q -- '-DKBUILD_MODNAME=\"kmlp_sub2own\"'"

# the parent itself: everything of it, as before
"$KMEMLINT" scan -j2 --list-files pdrv >"$T/list" 2>"$T/err"
check "pdrv: the parent's files and its subdirectories' (5)" \
	[ "$(wc -l <"$T/list")" -eq 5 ]

# the cached answer follows the parent's Makefile
sed -i 's/-DKMLP_STEER=1/-DKMLP_STEER=2/' pdrv/Makefile
"$KMEMLINT" scan -j2 --list-files pdrv/steer >"$T/list" 2>"$T/err"
check "a parent's Makefile changed: kbuild asked again" \
	grep -q -- ' -DKMLP_STEER=2 ' "$T/list"

finish
