// SPDX-License-Identifier: GPL-2.0
/*
 * A wrapper allocator that also registers what it returns (in a global
 * table, as drivers/net/usb/hso.c does with network_table[]): the
 * caller is not its only owner, and the unwind that looks it up in the
 * table frees it. foo_probe_good() drops the pointer on an error and is
 * silent. A wrapper that only returns its allocation leaves the caller
 * the only owner: foo_probe_bad() leaks it.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_MAX 4

struct foo_dev {
	int id;
};

static struct foo_dev *foo_table[FOO_MAX];

static struct foo_dev *foo_create_registered(int id)
{
	struct foo_dev *fd;

	if (id < 0 || id >= FOO_MAX)
		return NULL;
	fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	if (!fd)
		return NULL;
	fd->id = id;
	foo_table[id] = fd;
	return fd;
}

static struct foo_dev *foo_create(int id)
{
	struct foo_dev *fd;

	fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	if (!fd)
		return NULL;
	fd->id = id;
	return fd;
}

static void foo_free_all(void)
{
	int i;

	for (i = 0; i < FOO_MAX; i++) {
		kfree(foo_table[i]);
		foo_table[i] = NULL;
	}
}

static int foo_start(int id)
{
	return id > 2 ? -EIO : 0;
}

int foo_probe_good(int id)
{
	struct foo_dev *fd;

	fd = foo_create_registered(id);
	if (!fd)
		return -ENOMEM;
	if (foo_start(fd->id)) {
		foo_free_all();
		return -EIO;
	}
	return 0;
}

int foo_probe_bad(int id)
{
	struct foo_dev *fd;

	fd = foo_create(id);
	if (!fd)
		return -ENOMEM;
	if (foo_start(fd->id))
		return -EIO; /* expect: alloc-leak */
	foo_table[id] = fd;
	return 0;
}

MODULE_LICENSE("GPL");
