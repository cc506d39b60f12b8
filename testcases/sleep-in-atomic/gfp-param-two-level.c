// SPDX-License-Identifier: GPL-2.0
/*
 * The gfp mask passed down two helpers (one or-ing __GFP_ZERO into it)
 * to the allocator: the outermost caller's mask decides.  A helper
 * that takes the lock itself and allocates with its caller's mask under
 * it makes that caller's GFP_KERNEL the bug.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct foo_dev {
	spinlock_t lock;
	void *slot;
};

static void *foo_buf_alloc(size_t len, gfp_t gfp)
{
	return kmalloc(len, gfp | __GFP_ZERO);
}

static void *foo_frame_alloc(size_t len, gfp_t gfp)
{
	return foo_buf_alloc(len + 16, gfp);
}

static int foo_slot_fill(struct foo_dev *fd, gfp_t gfp)
{
	void *p;

	spin_lock(&fd->lock);
	p = foo_buf_alloc(64, gfp);
	if (p) {
		kfree(fd->slot);
		fd->slot = p;
	}
	spin_unlock(&fd->lock);
	return p ? 0 : -ENOMEM;
}

void *foo_rx_bad(struct foo_dev *fd)
{
	void *p;

	spin_lock(&fd->lock);
	p = foo_frame_alloc(128, GFP_KERNEL); /* expect: sleep-in-atomic */
	spin_unlock(&fd->lock);
	return p;
}

void *foo_rx_good(struct foo_dev *fd)
{
	void *p;

	spin_lock(&fd->lock);
	p = foo_frame_alloc(128, GFP_ATOMIC);
	spin_unlock(&fd->lock);
	return p;
}

int foo_refill_bad(struct foo_dev *fd)
{
	return foo_slot_fill(fd, GFP_KERNEL); /* expect: sleep-in-atomic */
}

int foo_refill_good(struct foo_dev *fd)
{
	return foo_slot_fill(fd, GFP_NOWAIT);
}
MODULE_LICENSE("GPL");
