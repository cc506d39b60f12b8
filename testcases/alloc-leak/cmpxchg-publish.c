// SPDX-License-Identifier: GPL-2.0
/*
 * A buffer published with cmpxchg(): on x86 cmpxchg() is inline
 * assembly whose input operand is the new value and whose "+m" operand
 * is the slot, so the store is one the engine does not see.  The
 * assembly gets the pointer: it is given up, not leaked (as in
 * drivers/usb/gadget/function/f_fs.c __ffs_epfile_read_data(), which
 * frees the buffer only when another one was there).  foo_stash_bad()
 * loses the buffer on the path that returns before the cmpxchg().
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/atomic.h>

struct foo_buf {
	size_t len;
	char data[];
};

struct foo_ep {
	struct foo_buf *pending;
	bool closing;
};

int foo_stash_bad(struct foo_ep *ep, size_t len)
{
	struct foo_buf *buf = kmalloc(struct_size(buf, data, len), GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	buf->len = len;
	if (ep->closing)
		return -ESHUTDOWN; /* expect: alloc-leak */
	if (cmpxchg(&ep->pending, NULL, buf))
		kfree(buf);
	return 0;
}

int foo_stash_good(struct foo_ep *ep, size_t len)
{
	struct foo_buf *buf = kmalloc(struct_size(buf, data, len), GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	buf->len = len;
	if (cmpxchg(&ep->pending, NULL, buf))
		kfree(buf);
	return 0;
}

int foo_swap_good(struct foo_ep *ep, size_t len)
{
	struct foo_buf *buf = kmalloc(struct_size(buf, data, len), GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	buf->len = len;
	kfree(xchg(&ep->pending, buf));
	return 0;
}

MODULE_LICENSE("GPL");
