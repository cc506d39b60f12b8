// SPDX-License-Identifier: GPL-2.0
/*
 * Hang class (orinoco hermes_dld.c, hermes_blocks_length() and
 * hermes_find_pdi(): the file ran past the scan's 300 s limit): a
 * firmware image walked block by block, `blk = (struct dblock
 * *)&blk->data[len]`.  Each round's address was named from the last
 * one, a place one step longer every round, so the loop's states never
 * repeated and each round was slower than the one before.  Past a few
 * steps such an address is an unknown pointer now, and the walk ends
 * in a fraction of a second.  The functions also hold a buffer, which
 * the bad twin leaks when the image is too long.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/slab.h>

struct dblock {
	__le32 addr;
	__le16 len;
	char data[];
} __packed;

#define BLOCK_END	0xFFFFFFFF

static inline u32 dblock_addr(const struct dblock *blk)
{
	return le32_to_cpu(blk->addr);
}

static inline u32 dblock_len(const struct dblock *blk)
{
	return le16_to_cpu(blk->len);
}

int foo_blocks_length_good(const char *first_block, const void *end)
{
	const struct dblock *blk = (const struct dblock *)first_block;
	int total_len = 0;
	char *scratch;
	int len;

	scratch = kmalloc(64, GFP_KERNEL);
	if (!scratch)
		return -ENOMEM;
	end -= sizeof(*blk);
	while (((void *)blk <= end) && (dblock_addr(blk) != BLOCK_END)) {
		len = dblock_len(blk);
		total_len += sizeof(*blk) + len;
		blk = (struct dblock *)&blk->data[len];
	}
	kfree(scratch);
	return total_len;
}

int foo_blocks_length_bad(const char *first_block, const void *end)
{
	const struct dblock *blk = (const struct dblock *)first_block;
	int total_len = 0;
	char *scratch;
	int len;

	scratch = kmalloc(64, GFP_KERNEL);
	if (!scratch)
		return -ENOMEM;
	end -= sizeof(*blk);
	while (((void *)blk <= end) && (dblock_addr(blk) != BLOCK_END)) {
		len = dblock_len(blk);
		total_len += sizeof(*blk) + len;
		blk = (struct dblock *)&blk->data[len];
	}
	if (total_len > 0x10000) /* expect-note: alloc-leak */
		return -EFBIG; /* expect: alloc-leak */
	kfree(scratch);
	return total_len;
}

MODULE_LICENSE("GPL");
