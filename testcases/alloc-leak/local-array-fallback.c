// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (sound/pci/hda/hda_codec.c, read_and_add_raw_conns()): a
 * function reads into a local array and, when it is too small, into a
 * block it allocates; at the end it frees the block with
 * if (result != list) kfree(result). A local array's address is no
 * allocation's, so on the path that allocated the test holds and the
 * block is freed: foo_read_conns() is silent. bar_read_conns() tests the
 * wrong way round and leaks the block.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_node {
	int nconns;
	u16 conns[64];
	u16 used[64];
};

struct foo_node *foo_nodes;

static int foo_num_conns(int nid)
{
	return foo_nodes[nid].nconns;
}

static int foo_get_conns(int nid, u16 *list, int max)
{
	int i, n = foo_num_conns(nid);

	if (n > max)
		return -ENOSPC;
	for (i = 0; i < n; i++)
		list[i] = foo_nodes[nid].conns[i];
	return n;
}

static int foo_use_conns(int nid, const u16 *list, int len)
{
	int i;

	for (i = 0; i < len && i < 64; i++)
		foo_nodes[nid].used[i] = list[i];
	return len;
}

int foo_read_conns(int nid)
{
	u16 list[32];
	u16 *result = list;
	int len;

	len = foo_get_conns(nid, list, ARRAY_SIZE(list));
	if (len == -ENOSPC) {
		len = foo_num_conns(nid);
		result = kmalloc_array(len, sizeof(u16), GFP_KERNEL);
		if (!result)
			return -ENOMEM;
		len = foo_get_conns(nid, result, len);
	}
	if (len >= 0)
		len = foo_use_conns(nid, result, len);
	if (result != list)
		kfree(result);
	return len;
}
EXPORT_SYMBOL_GPL(foo_read_conns);

int bar_read_conns(int nid)
{
	u16 list[32];
	u16 *result = list;
	int len;

	len = foo_get_conns(nid, list, ARRAY_SIZE(list));
	if (len == -ENOSPC) {
		len = foo_num_conns(nid);
		result = kmalloc_array(len, sizeof(u16), GFP_KERNEL);
		if (!result)
			return -ENOMEM;
		len = foo_get_conns(nid, result, len);
	}
	if (len >= 0)
		len = foo_use_conns(nid, result, len);
	if (result == list)
		kfree(result);
	return len; /* expect: alloc-leak */
}
EXPORT_SYMBOL_GPL(bar_read_conns);
MODULE_LICENSE("GPL");
