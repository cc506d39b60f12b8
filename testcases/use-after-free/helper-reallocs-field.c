// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (esas2r allocate_fw_buffers(), ledger): a helper frees the
 * old firmware buffer (and sets the field NULL), then allocates a new
 * one into the field, and returns 0 where that allocation failed.  Its
 * failing return leaves the field NULL (a `sets` fact of that return);
 * its successful return wrote a new buffer there, so the caller's
 * memcpy() after `if (!foo_alloc_fw(...)) return -ENOMEM;` uses the new
 * buffer, not the freed one.  A sets fact of one return condition says
 * nothing of the others: foo_read_fw() is silent.
 *
 * Twin: bar_read_fw() frees the buffer itself after the helper and then
 * copies into it: reported.
 */
#include <linux/module.h>
#include <linux/dma-mapping.h>
#include <linux/string.h>

struct foo_fw {
	void *data;
	dma_addr_t phys;
	u32 len;
};

struct foo_adapter {
	struct device *dev;
	struct foo_fw fw;
	u8 header[16];
};

static void foo_free_fw(struct foo_adapter *a)
{
	if (a->fw.data) {
		dma_free_coherent(a->dev, a->fw.len, a->fw.data, a->fw.phys);
		a->fw.data = NULL;
	}
}

static int foo_alloc_fw(struct foo_adapter *a, u32 len)
{
	foo_free_fw(a);
	a->fw.len = len;
	a->fw.data = dma_alloc_coherent(a->dev, len, &a->fw.phys, GFP_KERNEL);
	if (!a->fw.data)
		return 0;
	return 1;
}

int foo_read_fw(struct foo_adapter *a, u32 len);
int foo_read_fw(struct foo_adapter *a, u32 len)
{
	if (!foo_alloc_fw(a, len))
		return -ENOMEM;
	memcpy(a->fw.data, a->header, sizeof(a->header));
	return 0;
}
int bar_read_fw(struct foo_adapter *a, u32 len);
int bar_read_fw(struct foo_adapter *a, u32 len)
{
	if (!foo_alloc_fw(a, len))
		return -ENOMEM;
	dma_free_coherent(a->dev, a->fw.len, a->fw.data, a->fw.phys);
	memcpy(a->fw.data, a->header, sizeof(a->header)); /* expect: use-after-free */
	return 0;
}

MODULE_LICENSE("GPL");
