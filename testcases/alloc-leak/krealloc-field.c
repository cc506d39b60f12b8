// SPDX-License-Identifier: GPL-2.0
/*
 * krealloc() over the field that holds the only pointer to the block:
 * where krealloc() fails it returns NULL, which overwrites fd->hist, and
 * the old histogram can no longer be freed. foo_resize_good() keeps the
 * result in a temporary and stores it only once it is not NULL.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	u32 *hist;
	unsigned int nbins;
};

int foo_resize_bad(struct foo_dev *fd, unsigned int nbins)
{
	fd->hist = krealloc(fd->hist, nbins * sizeof(u32), GFP_KERNEL); /* expect: alloc-leak */
	if (!fd->hist)
		return -ENOMEM;
	fd->nbins = nbins;
	return 0;
}

int foo_resize_good(struct foo_dev *fd, unsigned int nbins)
{
	u32 *tmp;

	tmp = krealloc(fd->hist, nbins * sizeof(u32), GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	fd->hist = tmp;
	fd->nbins = nbins;
	return 0;
}

MODULE_LICENSE("GPL");
