# SPDX-License-Identifier: GPL-2.0
# Shared by the front end's shell tests: sourced, not run.
# Each test prints "FAIL: ..." for a failed check and ends with
# "N passed, N failed"; exit 77 (meson: skipped) without kernel headers.

passed=0
failed=0

check() {
	desc=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $desc"
	fi
}

# "check desc not cmd...": check that cmd fails
not() {
	! "$@"
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# $KDIR if set, else the newest Debian headers; never a fixed version.
find_kdir() {
	if [ -n "$KDIR" ] && [ -f "$KDIR/include/config/auto.conf" ]; then
		return 0
	fi
	KDIR=$(ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1)
	if [ -z "$KDIR" ] || [ ! -f "$KDIR/include/config/auto.conf" ]; then
		echo "no kernel headers: skipped"
		exit 77
	fi
	export KDIR
}

setup() {
	if [ ! -x "$1" ] || [ -d "$1" ]; then
		echo "usage: $0 KMEMLINT (got '$1')"
		exit 2
	fi
	# absolute: kbuild runs CHECK from $KDIR, and the tests cd around
	KMEMLINT=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
	find_kdir
	T=$(mktemp -d /tmp/kmemlint-fe-test.XXXXXX) || exit 2
	trap 'rm -rf "$T"' EXIT
}

# A module dir: buggy.c (an unchecked kmalloc dereference), fixed.c (the
# same with the check), both modules of one Makefile.
write_modules() {
	dir=$1
	mkdir -p "$dir"
	cat >"$dir/buggy.c" <<'EOC'
// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/slab.h>

struct kml_item {
	int val;
};

static struct kml_item *kml_keep;

static int __init buggy_init(void)
{
	struct kml_item *it = kmalloc(sizeof(*it), GFP_KERNEL);

	it->val = 1; /* expect: unchecked-alloc */
	kml_keep = it;
	return 0;
}

static void __exit buggy_exit(void)
{
	kfree(kml_keep);
}

module_init(buggy_init);
module_exit(buggy_exit);
MODULE_LICENSE("GPL");
EOC
	sed -e 's/buggy_/fixed_/g' \
	    -e 's|^\tit->val = 1; /\* expect: unchecked-alloc \*/$|\tif (!it)\n\t\treturn -ENOMEM;\n\tit->val = 1;|' \
	    "$dir/buggy.c" >"$dir/fixed.c"
	echo 'obj-m := buggy.o fixed.o' >"$dir/Makefile"
	BUG_LINE=$(grep -n 'expect: unchecked-alloc' "$dir/buggy.c" | cut -d: -f1)
}

# JSON Lines findings (lines starting with '{') of FILE that match: rule
# RULE, a file path ending in NAME, and line LINE (any line if empty).
count_findings() {
	out=$1 rule=$2 name=$3 line=$4
	grep '^{' "$out" |
		grep -E "\"rule\" *: *\"$rule\"" |
		grep -E "\"file\" *: *\"([^\"]*/)?$name\"" |
		if [ -n "$line" ]; then
			grep -E "\"line\" *: *$line *[,}]"
		else
			cat
		fi | wc -l
}

count_json() {
	grep -c '^{' "$1"
}

# Every row of a scan's database, in an order that does not depend on
# row ids (sqlite3).
db_dump() {
	sqlite3 "$1" <<'EOF'
SELECT 'file', path, module, content, flags, status, stale, functions, budget_hit, findings FROM files ORDER BY path;
SELECT 'sum', f.path, s.name, s.static, s.module, s.body FROM summaries s JOIN files f ON f.id=s.file ORDER BY f.path, s.rowid;
SELECT 'field', f.path, s.key, s.module, s.body FROM fields s JOIN files f ON f.id=s.file ORDER BY f.path, s.rowid;
SELECT 'init', f.path, s.fn, s.module, s.body FROM inits s JOIN files f ON f.id=s.file ORDER BY f.path, s.rowid;
SELECT 'dep', f.path, s.kind, s.name FROM deps s JOIN files f ON f.id=s.file ORDER BY f.path, s.rowid;
SELECT 'incl', f.path, s.path, s.hash FROM includes s JOIN files f ON f.id=s.file ORDER BY f.path, s.rowid;
EOF
}
