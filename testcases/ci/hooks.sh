#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The pre-commit hooks in a real git repository holding a small kbuild
# driver: a commit that adds a bug is refused and one that fixes it is
# accepted, through the pre-commit framework (a local hook running the
# built kmemlint, as .pre-commit-hooks.yaml does) and through the plain
# hook of `kmemlint install-hook`.  Also --diff REV on the same change.
# usage: hooks.sh KMEMLINT
set -u
K=$(realpath "$1")
TOP=$(cd "$(dirname "$0")/../.." && pwd)
. "$TOP/testcases/ci/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" PRE_COMMIT_HOME="$T/pre-commit-cache"
mkdir -p "$HOME"
git config --global user.email ci@example.invalid
git config --global user.name ci
git config --global init.defaultBranch main

good() {
cat <<'EOC'
// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/slab.h>

struct hk_rec {
	int id;
};

int hk_make(int id)
{
	struct hk_rec *r = kmalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	r->id = id;
	kfree(r);
	return 0;
}
EXPORT_SYMBOL_GPL(hk_make);

MODULE_LICENSE("GPL");
EOC
}
bad() { good | sed '/if (!r)/,/return -ENOMEM;/d'; }

repo() {
	rm -rf "$T/repo" && mkdir "$T/repo" && cd "$T/repo" && git init -q &&
	echo 'obj-m += hk.o' > Kbuild && good > hk.c &&
	git add Kbuild hk.c && git commit -q --no-verify -m base
}

# --diff: the bug's line is reported against HEAD, not untouched lines
repo
bad > hk.c
"$K" --diff HEAD > out.txt 2>&1
check "--diff HEAD: the added bug is reported (exit 1)" \
	sh -c "test $? -eq 1 && grep -q 'hk.c:13:.*unchecked-alloc' out.txt"
git stash -q
"$K" --diff HEAD hk.c > out.txt 2>&1
check "--diff HEAD with no change: exit 0" test $? -eq 0
git stash pop -q

# the plain hook
repo
"$K" install-hook > /dev/null
check "install-hook writes an executable .git/hooks/pre-commit" test -x .git/hooks/pre-commit
bad > hk.c && git add hk.c
git commit -q -m "add a bug" > out.txt 2>&1
check "plain hook: the commit adding a bug is refused" \
	sh -c "test $? -ne 0 && grep -q 'unchecked-alloc' out.txt && test \$(git rev-list --count HEAD) -eq 1"
good > hk.c && echo '/* fixed */' >> hk.c && git add hk.c
git commit -q -m "fix" > out.txt 2>&1
check "plain hook: the commit fixing it is accepted" \
	sh -c "test $? -eq 0 && test \$(git rev-list --count HEAD) -eq 2"
"$K" install-hook > /dev/null 2>&1
check "install-hook again replaces its own hook" test $? -eq 0
printf '#!/bin/sh\nexit 0\n' > .git/hooks/pre-commit
"$K" install-hook > /dev/null 2>&1
check "install-hook keeps a foreign hook (exit 2)" test $? -eq 2

# the pre-commit framework
if ! command -v pre-commit > /dev/null; then
	echo "SKIP pre-commit framework (apt-get install pre-commit)"
	finish
fi
check "pre-commit accepts .pre-commit-hooks.yaml" \
	pre-commit validate-manifest "$TOP/.pre-commit-hooks.yaml"
repo
cat > .pre-commit-config.yaml <<EOC
repos:
  - repo: local
    hooks:
      - id: kmemlint
        name: kmemlint
        entry: $K --staged
        language: system
        files: \\.c\$
        require_serial: true
EOC
git add .pre-commit-config.yaml && git commit -q --no-verify -m config
pre-commit install > /dev/null
bad > hk.c && git add hk.c
pre-commit run > out.txt 2>&1
check "pre-commit run: the staged bug fails the hook" \
	sh -c "test $? -ne 0 && grep -q 'unchecked-alloc' out.txt"
git commit -q -m "add a bug" > out.txt 2>&1
check "pre-commit framework: the commit adding a bug is refused" \
	sh -c "test $? -ne 0 && test \$(git rev-list --count HEAD) -eq 2"
good > hk.c && echo '/* fixed */' >> hk.c && git add hk.c
git commit -q -m "fix" > out.txt 2>&1
check "pre-commit framework: the commit fixing it is accepted" \
	sh -c "test $? -eq 0 && test \$(git rev-list --count HEAD) -eq 3"
finish
