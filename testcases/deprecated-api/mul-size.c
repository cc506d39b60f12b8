// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-api: an allocation whose size is an open-coded n * size with
 * n not a constant.  The product can wrap around and the allocator then
 * returns a block smaller than the array: kmalloc_array(), kcalloc() and
 * devm_kcalloc() check the multiplication.  The good twins use them.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct foo_desc {
	u64 addr;
	u32 len;
	u32 flags;
};

struct foo_ring {
	struct foo_desc *desc;
	u32 *stats;
	u64 *hist;
	unsigned int count;
};

int foo_bad_ring(struct device *dev, struct foo_ring *r, unsigned int n)
{
	r->desc = kmalloc(n * sizeof(*r->desc), GFP_KERNEL); /* expect: deprecated-api */
	if (!r->desc)
		return -ENOMEM;
	r->stats = devm_kzalloc(dev, sizeof(u32) * n, GFP_KERNEL); /* expect: deprecated-api */
	if (!r->stats) {
		kfree(r->desc);
		return -ENOMEM;
	}
	r->hist = vzalloc(n * r->count * sizeof(u64)); /* expect: deprecated-api */
	if (!r->hist) {
		kfree(r->desc);
		return -ENOMEM;
	}
	r->count = n;
	return 0;
}

int foo_good_ring(struct device *dev, struct foo_ring *r, unsigned int n)
{
	r->desc = kmalloc_array(n, sizeof(*r->desc), GFP_KERNEL);
	if (!r->desc)
		return -ENOMEM;
	r->stats = devm_kcalloc(dev, n, sizeof(u32), GFP_KERNEL);
	if (!r->stats) {
		kfree(r->desc);
		return -ENOMEM;
	}
	r->hist = vzalloc(array3_size(n, r->count, sizeof(u64)));
	if (!r->hist) {
		kfree(r->desc);
		return -ENOMEM;
	}
	r->count = n;
	return 0;
}

void foo_ring_free(struct foo_ring *r)
{
	vfree(r->hist);
	kfree(r->desc);
}

MODULE_LICENSE("GPL");
