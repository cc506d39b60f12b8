// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch after a switch that picks the allocator: slab for small
 * sizes, vmalloc for large ones. foo_snapshot_bad() ends with kfree(),
 * wrong on the vmalloc path; foo_snapshot_good() ends with kvfree(), which
 * accepts both.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/string.h>

enum foo_snap { FOO_SNAP_REGS, FOO_SNAP_SRAM, FOO_SNAP_DRAM };

static size_t foo_snap_size(enum foo_snap kind)
{
	return kind == FOO_SNAP_REGS ? 256 : kind == FOO_SNAP_SRAM ? SZ_64K : SZ_16M;
}

int foo_snapshot_bad(enum foo_snap kind, const void *src, u32 *sum)
{
	size_t size = foo_snap_size(kind);
	u32 *buf;

	switch (kind) {
	case FOO_SNAP_REGS:
		buf = kmalloc(size, GFP_KERNEL);
		break;
	default:
		buf = vmalloc(size);
		break;
	}
	if (!buf)
		return -ENOMEM;
	memcpy(buf, src, size);
	*sum = buf[0] ^ buf[size / sizeof(u32) - 1];
	kfree(buf); /* expect: free-mismatch */
	return 0;
}

int foo_snapshot_good(enum foo_snap kind, const void *src, u32 *sum)
{
	size_t size = foo_snap_size(kind);
	u32 *buf;

	switch (kind) {
	case FOO_SNAP_REGS:
		buf = kmalloc(size, GFP_KERNEL);
		break;
	default:
		buf = vmalloc(size);
		break;
	}
	if (!buf)
		return -ENOMEM;
	memcpy(buf, src, size);
	*sum = buf[0] ^ buf[size / sizeof(u32) - 1];
	kvfree(buf);
	return 0;
}

MODULE_LICENSE("GPL");
