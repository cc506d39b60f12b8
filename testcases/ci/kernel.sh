#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Kernel integration on an external module, as docs/usage.md shows it:
#  - make C=1 CHECK=kmemlint checks only the files being recompiled;
#  - a compile_commands.json written by the kernel's
#    scripts/clang-tools/gen_compile_commands.py over the kbuild-built
#    module, then kmemlint -p: the same findings as kmemlint FILE;
#  - the semantic patches of cocci/ the way make coccicheck runs them
#    (the kernel's scripts/coccicheck with COCCI=, MODE=report); Debian's
#    headers package ships neither script, so both come from
#    /usr/src/linux-source-*.tar.xz (skipped without it).
# C=2 is tested by testcases/frontend/kbuild-check.sh and, with
# kmemlint report, by pipeline.py.  usage: kernel.sh KMEMLINT
set -u
K=$(realpath "$1")
TOP=$(cd "$(dirname "$0")/../.." && pwd)
. "$TOP/testcases/ci/lib.sh"
KDIR=${KDIR:-$(ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$KDIR" ] || [ ! -f "$KDIR/include/config/auto.conf" ]; then
	echo "no kernel headers: skipped"
	exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
M=$T/mod
mkdir -p "$M"
cat > "$M/buggy.c" <<'EOC'
// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

static int __init buggy_init(void)
{
	int *buf;

	buf = kmalloc(64, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	buf[0] = 1;
	vfree(buf);
	return 0;
}

module_init(buggy_init);
MODULE_LICENSE("GPL");
EOC
cat > "$M/clean.c" <<'EOC'
// SPDX-License-Identifier: GPL-2.0
#include <linux/slab.h>

int clean_use(void)
{
	int *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	kfree(p);
	return 0;
}
EOC
printf 'obj-m := kmltwo.o\nkmltwo-y := buggy.o clean.o\n' > "$M/Kbuild"

# --- C=1: only what is recompiled
make -C "$KDIR" M="$M" modules > "$T/build.log" 2>&1
check "the module builds" test $? -eq 0
make -C "$KDIR" M="$M" C=1 CHECK="$K --format=json --output=$T/c1.jsonl" \
	modules > "$T/c1.log" 2>&1
check "C=1 with nothing to recompile: make exits 0" test $? -eq 0
check "... and checks no file" sh -c "! grep -q 'CHECK' '$T/c1.log' && test ! -s '$T/c1.jsonl'"
touch "$M/buggy.c"
make -C "$KDIR" M="$M" C=1 CHECK="$K --format=json --output=$T/c1.jsonl" \
	modules > "$T/c1.log" 2>&1
check "C=1 after buggy.c changed: make exits 0" test $? -eq 0
check "... checks buggy.c alone" \
	sh -c "test \$(grep -c 'CHECK' '$T/c1.log') -eq 1 && grep -q 'CHECK.*buggy\.c' '$T/c1.log'"
check "... and reports its free-mismatch" \
	grep -q '"rule": "free-mismatch"' "$T/c1.jsonl"
make -C "$KDIR" M="$M" C=2 CHECK="$K --format=json --output=$T/c2.jsonl" \
	modules > "$T/c2.log" 2>&1
check "C=2 checks both files without a rebuild" \
	test "$(grep -c 'CHECK' "$T/c2.log")" -eq 2

"$K" --format=json "$M/buggy.c" "$M/clean.c" > "$T/direct.jsonl" 2>/dev/null
rules_lines() { sed -n 's/.*"line": \([0-9]*\),.*"rule": "\([a-z-]*\)".*/\2 \1/p' "$1" | sort; }

# --- gen_compile_commands.py and the coccicheck script
SRC=$(ls /usr/src/linux-source-*.tar.xz 2>/dev/null | sort -V | tail -n 1)
GEN=
for d in "$KDIR/scripts/clang-tools" /usr/src/linux-headers-*-common/scripts/clang-tools; do
	[ -f "$d/gen_compile_commands.py" ] && GEN=$d/gen_compile_commands.py && break
done
CCHK=
if [ -n "$SRC" ]; then
	top=$(basename "$SRC" .tar.xz)
	tar -xJf "$SRC" -C "$T" "$top/scripts/clang-tools/gen_compile_commands.py" \
		"$top/scripts/coccicheck" 2>/dev/null
	[ -z "$GEN" ] && [ -f "$T/$top/scripts/clang-tools/gen_compile_commands.py" ] &&
		GEN=$T/$top/scripts/clang-tools/gen_compile_commands.py
	[ -f "$T/$top/scripts/coccicheck" ] && CCHK=$T/$top/scripts/coccicheck
fi
if [ -n "$GEN" ]; then
	mkdir -p "$T/cc"
	python3 "$GEN" -d "$KDIR" -o "$T/cc/compile_commands.json" "$M"
	check "gen_compile_commands.py lists both files" \
		test "$(grep -c '"file": ".*\(buggy\|clean\)\.c"' "$T/cc/compile_commands.json")" -eq 2
	"$K" --format=json -p "$T/cc" > "$T/cc.jsonl" 2> "$T/cc.err"
	check "kmemlint -p on it exits 1 (findings), no parse error" \
		sh -c "test $? -eq 1 && ! grep -q error '$T/cc.err'"
	check "... the same findings as kmemlint FILE" \
		test -n "$(rules_lines "$T/direct.jsonl")" -a \
			"$(rules_lines "$T/cc.jsonl")" = "$(rules_lines "$T/direct.jsonl")"
else
	echo "SKIP gen_compile_commands.py: not in the headers, no linux-source tarball"
fi
if [ -n "$CCHK" ] && command -v spatch > /dev/null; then
	# what `make coccicheck M=... COCCI=... MODE=report` runs in a source tree
	(cd "$M" && srctree=$KDIR KBUILD_EXTMOD=$M SPATCH=spatch MODE=report \
		COCCI="$TOP/cocci/free-mismatch.cocci" bash "$CCHK") > "$T/cocci.out" 2>&1
	check "coccicheck with cocci/free-mismatch.cocci reports buggy.c:14" \
		grep -q 'buggy\.c:14:.*free-mismatch' "$T/cocci.out"
	check "... and nothing in clean.c" sh -c "! grep -q 'clean\.c:' '$T/cocci.out'"
else
	echo "SKIP coccicheck: no scripts/coccicheck or no spatch"
fi
[ "$FAILED" -eq 0 ] || for f in "$T"/*.log "$T"/*.out "$T"/*.err; do
	[ -f "$f" ] && { echo "--- $f"; tail -20 "$f"; }
done
finish
