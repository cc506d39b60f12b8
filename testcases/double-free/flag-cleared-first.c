// SPDX-License-Identifier: GPL-2.0
/*
 * double-free across functions, ruled out by a flag the release tests
 * and then clears before it frees (ubi in linux 6.1: drivers/mtd/ubi/
 * upd.c ubi_start_update() and cdev.c vol_cdev_release()).
 * foo_start_update() sets vol->updating, allocates the update buffer, and
 * for an empty update frees it, clears updating and returns success with
 * the buffer still in vol->upd_buf.  foo_release() frees the buffer only
 * under `if (vol->updating)`, and clears the flag before the vfree():
 * what rules the dangling return out is what the flag held when the
 * release was entered, not the 0 it wrote.  No finding.
 *
 * foo_bad_release() clears the flag and frees the buffer without testing
 * it: freed twice after an empty update.
 */
#include <linux/module.h>
#include <linux/vmalloc.h>

struct foo_vol {
	void *upd_buf;
	unsigned int updating:1;
	int leb_size;
	long long upd_bytes;
};

int foo_start_update(struct foo_vol *vol, long long bytes)
{
	vol->updating = 1;
	vol->upd_buf = vmalloc(vol->leb_size);
	if (!vol->upd_buf)
		return -ENOMEM;
	if (bytes == 0) {
		vfree(vol->upd_buf);
		vol->updating = 0;
		return 0;
	}
	vol->upd_bytes = bytes;
	return 0;
}

int foo_release(struct foo_vol *vol)
{
	if (vol->updating) {
		vol->updating = 0;
		vfree(vol->upd_buf);
	}
	return 0;
}

int foo_bad_release(struct foo_vol *vol)
{
	vol->updating = 0;
	vfree(vol->upd_buf); /* expect: double-free */
	return 0;
}

MODULE_LICENSE("GPL");
