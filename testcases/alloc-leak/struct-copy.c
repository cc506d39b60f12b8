// SPDX-License-Identifier: GPL-2.0
/*
 * A local struct that holds the allocation, copied as a whole into
 * memory that outlives the function: the copy holds it too. This is
 * what kfifo_put() does with its element (rmi_set_attn_data() of
 * drivers/input/rmi4/rmi_driver.c). foo_queue_good() copies the record
 * into the ring; foo_queue_bad() returns when the ring is full and
 * leaks the data.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_RING 16

struct foo_event {
	unsigned long status;
	size_t size;
	void *data;
};

struct foo_dev {
	struct foo_event ring[FOO_RING];
	unsigned int in, out;
};

void foo_queue_good(struct foo_dev *fd, const void *data, size_t size)
{
	struct foo_event ev;
	void *copy;

	if (fd->in - fd->out >= FOO_RING)
		return;
	copy = kmemdup(data, size, GFP_ATOMIC);
	if (!copy)
		return;
	ev.status = 1;
	ev.size = size;
	ev.data = copy;
	fd->ring[fd->in++ % FOO_RING] = ev;
}

void foo_queue_bad(struct foo_dev *fd, const void *data, size_t size)
{
	struct foo_event ev;
	void *copy;

	copy = kmemdup(data, size, GFP_ATOMIC);
	if (!copy)
		return;
	if (fd->in - fd->out >= FOO_RING)
		return; /* expect: alloc-leak */
	ev.status = 1;
	ev.size = size;
	ev.data = copy;
	fd->ring[fd->in++ % FOO_RING] = ev;
}

MODULE_LICENSE("GPL");
