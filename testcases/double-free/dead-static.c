// SPDX-License-Identifier: GPL-2.0
/*
 * Dead code is not reported: a static function that the file names
 * nowhere (amdkfd's `static __attribute__((unused)) void test_kq()`, a
 * built-in `__exit` function with no module_exit()) never runs, so a
 * double free in it is not worth a maintainer's time.  A static
 * function the file names only outside the bodies the engine lowers is
 * live and still reported: one named by a static local's initialiser
 * (the lowering leaves those out: they run once), one named only by a
 * file-scope static_assert (a built-in initcall's section entry is asm,
 * and its only C reference is `static_assert(__same_type(initcall_t,
 * &fn))`), and one called only inside a macro's statement expression.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/build_bug.h>

struct foo_dev {
	u8 *buf;
};

typedef void (*foo_release_t)(struct foo_dev *fd);

/* nothing names it: dead, silent */
static __maybe_unused void foo_dead_release(struct foo_dev *fd)
{
	kfree(fd->buf);
	kfree(fd->buf);
}

/* named by a static local's initialiser only */
static void foo_local_release(struct foo_dev *fd)
{
	kfree(fd->buf);
	kfree(fd->buf); /* expect: double-free */
}

/* named by a file-scope static_assert only */
static void foo_asserted_release(struct foo_dev *fd)
{
	kfree(fd->buf);
	kfree(fd->buf); /* expect: double-free */
}
static_assert(__same_type(foo_release_t, &foo_asserted_release));

/* called inside a statement expression only */
static int foo_stmt_release(struct foo_dev *fd)
{
	kfree(fd->buf);
	kfree(fd->buf); /* expect: double-free */
	return 0;
}
#define foo_checked_release(fd) ({ int __r = foo_stmt_release(fd); __r; })

void (*foo_unknown)(foo_release_t r);
EXPORT_SYMBOL_GPL(foo_unknown);

int foo_setup(struct foo_dev *fd)
{
	static const foo_release_t rel = foo_local_release;

	foo_unknown(rel);
	return foo_checked_release(fd);
}
EXPORT_SYMBOL_GPL(foo_setup);

MODULE_LICENSE("GPL");
