// SPDX-License-Identifier: GPL-2.0
/*
 * FP classes (synaptics-rmi4 rmi_driver.c, drivers/input/rmi4 scan):
 *
 * - kfifo_put() copies its value into a local of the macro,
 *   `typeof(*__tmp->const_type) __val = (val);`, then into the fifo.  A
 *   struct declared with a struct as initialiser is a struct copy, as
 *   `v = w;` is: the block the value holds moved into __val, and the
 *   store into the fifo stores it.  Taken as a scalar, the block was lost
 *   as soon as `val` was dead: every kfifo_put() of a struct holding an
 *   allocation leaked, foo_queue_good() too, which frees the copy where
 *   the fifo is full.
 * - kfifo_get() copies the element out through a pointer to the caller's
 *   local (`*__val = buf[out & mask]` with __val = &attn), and its count
 *   passes through __kfifo_uint_must_check_helper(), the header's
 *   identity (a passthru line).  Its loop that frees each element read
 *   (foo_drain()) frees each block once; foo_drain_ptr() is the copy
 *   through a pointer to a local written out.
 *
 * Twin: foo_queue_bad() ignores what kfifo_put() returns, so where the
 * fifo is full the copy leaks (rmi_set_attn_data()).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/kfifo.h>

struct foo_attn {
	unsigned long irq_status;
	size_t size;
	void *data;
};

struct foo_data {
	DECLARE_KFIFO(attn_fifo, struct foo_attn, 16);
	unsigned int in, out, mask;
	struct foo_attn ring[16];
};

void foo_queue_good(struct foo_data *d, const void *data, size_t size)
{
	struct foo_attn attn;
	void *copy;

	copy = kmemdup(data, size, GFP_ATOMIC);
	if (!copy)
		return;
	attn.irq_status = 1;
	attn.size = size;
	attn.data = copy;
	if (!kfifo_put(&d->attn_fifo, attn))
		kfree(copy);
}

void foo_queue_bad(struct foo_data *d, const void *data, size_t size)
{
	struct foo_attn attn;
	void *copy;

	copy = kmemdup(data, size, GFP_ATOMIC);
	if (!copy)
		return;
	attn.irq_status = 1;
	attn.size = size;
	attn.data = copy;
	kfifo_put(&d->attn_fifo, attn);
} /* expect: alloc-leak */

void foo_drain(struct foo_data *d)
{
	struct foo_attn attn;
	int count;

	while (!kfifo_is_empty(&d->attn_fifo)) {
		count = kfifo_get(&d->attn_fifo, &attn);
		if (count)
			kfree(attn.data);
	}
}

void foo_drain_ptr(struct foo_data *d)
{
	struct foo_attn a, *v = &a;

	while (d->out != d->in) {
		*v = d->ring[d->out & d->mask];
		d->out++;
		kfree(a.data);
	}
}

MODULE_LICENSE("GPL");
