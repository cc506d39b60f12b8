// SPDX-License-Identifier: GPL-2.0
/*
 * sleep-in-atomic through a long chain whose condition is the path's:
 * foo_nomem() allocates with the table's lock held only where the gfp
 * cannot block, and drops the lock first where it can (the xarray's
 * __xas_nomem()).  The allocator sleeps, thirteen calls down, only for a
 * gfp that can block (memcg's charge).  So foo_insert(GFP_KERNEL) under
 * the table's lock does not sleep with it held: the chain of the
 * non-blocking branch needs a gfp that both can and cannot block.
 * foo_bad_add() holds a second lock, which foo_nomem() does not drop: it
 * sleeps with that one held.  A chain this long (more than 16 levels
 * with its conditions) was cut when a caller read it, losing the
 * sleeping call and the conditions, and foo_bad_add() was missed.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct foo_table {
	spinlock_t lock;
	void *spare;
};

static DEFINE_MUTEX(foo_charge_lock);
static int foo_charged;
static DEFINE_SPINLOCK(foo_list_lock);
static noinline void foo_charge13(gfp_t gfp)
{
	if (gfp & __GFP_DIRECT_RECLAIM) {
		mutex_lock(&foo_charge_lock); /* expect: sleep-in-atomic */
		foo_charged++;
		mutex_unlock(&foo_charge_lock);
	}
}
static noinline void foo_charge12(gfp_t gfp)
{
	foo_charge13(gfp);
}
static noinline void foo_charge11(gfp_t gfp)
{
	foo_charge12(gfp);
}
static noinline void foo_charge10(gfp_t gfp)
{
	foo_charge11(gfp);
}
static noinline void foo_charge9(gfp_t gfp)
{
	foo_charge10(gfp);
}
static noinline void foo_charge8(gfp_t gfp)
{
	foo_charge9(gfp);
}
static noinline void foo_charge7(gfp_t gfp)
{
	foo_charge8(gfp);
}
static noinline void foo_charge6(gfp_t gfp)
{
	foo_charge7(gfp);
}
static noinline void foo_charge5(gfp_t gfp)
{
	foo_charge6(gfp);
}
static noinline void foo_charge4(gfp_t gfp)
{
	foo_charge5(gfp);
}
static noinline void foo_charge3(gfp_t gfp)
{
	foo_charge4(gfp);
}
static noinline void foo_charge2(gfp_t gfp)
{
	foo_charge3(gfp);
}
static noinline void foo_charge1(gfp_t gfp)
{
	foo_charge2(gfp);
}
static noinline void *foo_alloc(gfp_t gfp)
{
	foo_charge1(gfp);
	return NULL;
}

static noinline bool foo_nomem(struct foo_table *t, gfp_t gfp)
{
	if (gfpflags_allow_blocking(gfp)) {
		spin_unlock(&t->lock);
		t->spare = foo_alloc(gfp);
		spin_lock(&t->lock);
	} else {
		t->spare = foo_alloc(gfp);
	}
	return t->spare != NULL;
}

static noinline int foo_insert(struct foo_table *t, gfp_t gfp)
{
	return foo_nomem(t, gfp) ? 0 : -ENOMEM;
}

int foo_good_add(struct foo_table *t)
{
	int ret;

	spin_lock(&t->lock);
	ret = foo_insert(t, GFP_KERNEL);
	spin_unlock(&t->lock);
	return ret;
}

int foo_bad_add(struct foo_table *t)
{
	int ret;

	spin_lock(&foo_list_lock);
	spin_lock(&t->lock);
	ret = foo_insert(t, GFP_KERNEL);
	spin_unlock(&t->lock);
	spin_unlock(&foo_list_lock);
	return ret;
}

MODULE_LICENSE("GPL");
