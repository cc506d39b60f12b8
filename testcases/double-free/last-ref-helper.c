// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that frees its argument only where atomic_dec_and_test() (or
 * refcount_dec_and_test()) says the last reference went, and returns 1
 * then: mlx4's release_group(), which mlx4_ib_mcg_work_handler() calls
 * once per reference it counted (while (rc--) release_group(group, 0)).
 * Each call drops one reference; only the last frees the group, and the
 * caller never uses it after that.  Silent: foo_work_handler(),
 * foo_drop_two().  A function that drops the last reference and then
 * writes the object is a real use after free: foo_put_bad().
 */
#include <linux/module.h>
#include <linux/atomic.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/mutex.h>

struct foo_group {
	atomic_t refcount;
	refcount_t users;
	struct mutex lock;
	int state;
};

static int foo_release_group(struct foo_group *g)
{
	mutex_lock(&g->lock);
	if (atomic_dec_and_test(&g->refcount)) {
		mutex_unlock(&g->lock);
		kfree(g);
		return 1;
	}
	mutex_unlock(&g->lock);
	return 0;
}

static int foo_user_put(struct foo_group *g)
{
	if (refcount_dec_and_test(&g->users)) {
		kfree(g);
		return 1;
	}
	return 0;
}

void foo_work_handler(struct foo_group *g, int rc)
{
	mutex_lock(&g->lock);
	g->state = 1;
	mutex_unlock(&g->lock);
	while (rc--)
		foo_release_group(g);
}

void foo_drop_two(struct foo_group *g)
{
	foo_user_put(g);
	foo_user_put(g);
}

void foo_put_bad(struct foo_group *g)
{
	if (atomic_dec_and_test(&g->refcount))
		kfree(g);
	g->state = 0; /* expect: use-after-free */
}

MODULE_LICENSE("GPL");
