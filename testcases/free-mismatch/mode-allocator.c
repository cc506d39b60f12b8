// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch where a mode field decides the allocator and the
 * deallocator (ffs_alloc_buffer() and ffs_free_buffer() in
 * drivers/usb/gadget/function/f_fs.c).  foo_alloc_buffer() returns
 * vmalloc() memory when io->use_sg is set and kmalloc() memory
 * otherwise; foo_free_buffer() tests the same field to choose vfree()
 * or kfree().  Its summary says which allocator each value of the field
 * gives, so foo_io(), which sets the field and stores the buffer, stores
 * either kind: the releases in foo_free_buffer() are not reported, and
 * foo_io_small(), which clears the mode before allocating, frees kmalloc()
 * memory with kfree(): no finding.  The bad twin sets the mode, so the
 * buffer is vmalloc() memory, and frees it with kfree().
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct foo_io {
	bool use_sg;
	size_t len;
	void *buf;
};

static void *foo_alloc_buffer(struct foo_io *io, size_t len)
{
	if (io->use_sg)
		return vmalloc(len);
	return kmalloc(len, GFP_KERNEL);
}

static void foo_free_buffer(struct foo_io *io)
{
	if (!io->buf)
		return;
	if (io->use_sg)
		vfree(io->buf);
	else
		kfree(io->buf);
}

int foo_io(struct foo_io *io, size_t len, bool sg_supported)
{
	void *data;

	io->use_sg = sg_supported && len > PAGE_SIZE;
	data = foo_alloc_buffer(io, len);
	if (!data)
		return -ENOMEM;
	io->buf = data;
	io->len = len;
	return 0;
}

void foo_io_done(struct foo_io *io)
{
	foo_free_buffer(io);
	io->buf = NULL;
}

int foo_io_small(struct foo_io *io, size_t len)
{
	void *data;

	io->use_sg = false;
	data = foo_alloc_buffer(io, len);
	if (!data)
		return -ENOMEM;
	memset(data, 0, len);
	kfree(data);
	return 0;
}

struct foo_bad_io {
	bool use_sg;
	size_t len;
	void *buf;
};

static void *foo_bad_alloc_buffer(struct foo_bad_io *io, size_t len)
{
	if (io->use_sg)
		return vmalloc(len);
	return kmalloc(len, GFP_KERNEL);
}

int foo_bad_io_big(struct foo_bad_io *io, size_t len)
{
	void *data;

	io->use_sg = true;
	data = foo_bad_alloc_buffer(io, len);
	if (!data)
		return -ENOMEM;
	memset(data, 0, len);
	kfree(data); /* expect: free-mismatch */
	return 0;
}

MODULE_LICENSE("GPL");
