// SPDX-License-Identifier: GPL-2.0
/*
 * A wrapper that adds modifiers to its caller's gfp mask before it calls
 * a helper that waits only with __GFP_DIRECT_RECLAIM, as kmalloc_reserve()
 * passes `flags | __GFP_NOMEMALLOC | __GFP_NOWARN` down to the slab
 * allocator, or clears one (`gfp & ~__GFP_ZERO`).  The modifiers leave the
 * reclaim bit alone, so the wait still depends on the caller's mask:
 * GFP_ATOMIC under a lock is correct, GFP_KERNEL is not.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/gfp.h>

struct foo_pool {
	spinlock_t lock;
	int free;
};

static int foo_reclaim(struct foo_pool *fp, gfp_t gfp)
{
	if (fp->free)
		return 0;
	if (gfp & __GFP_DIRECT_RECLAIM)
		msleep(1);
	return -ENOMEM;
}

static int foo_reclaim2(struct foo_pool *fp, gfp_t gfp)
{
	if (fp->free)
		return 0;
	if (gfp & __GFP_DIRECT_RECLAIM)
		msleep(1); /* expect: sleep-in-atomic */
	return -ENOMEM;
}

static int foo_reserve(struct foo_pool *fp, gfp_t flags)
{
	return foo_reclaim(fp, (flags | __GFP_NOMEMALLOC | __GFP_NOWARN) &
			       ~__GFP_ZERO);
}

static int foo_reserve2(struct foo_pool *fp, gfp_t flags)
{
	return foo_reclaim2(fp, (flags | __GFP_NOMEMALLOC | __GFP_NOWARN) &
				~__GFP_ZERO);
}

int foo_get_atomic(struct foo_pool *fp)
{
	int ret;

	spin_lock(&fp->lock);
	ret = foo_reserve(fp, GFP_ATOMIC);
	spin_unlock(&fp->lock);
	return ret;
}

int foo_get_locked(struct foo_pool *fp)
{
	int ret;

	spin_lock(&fp->lock);
	ret = foo_reserve2(fp, GFP_KERNEL);
	spin_unlock(&fp->lock);
	return ret;
}

MODULE_LICENSE("GPL");
