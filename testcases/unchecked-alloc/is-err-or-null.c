// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: kmalloc() returns NULL, never an ERR_PTR.
 * IS_ERR_OR_NULL(p) covers NULL; IS_ERR(p) alone does not (IS_ERR(NULL)
 * is false), so foo_bad() still dereferences a possibly NULL pointer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/err.h>

struct foo_sense {
	u8 key;
	u8 asc;
};

struct foo_lun {
	struct foo_sense *sense;
};

int foo_sense_bad(struct foo_lun *lun)
{
	struct foo_sense *sense = kzalloc(sizeof(*sense), GFP_KERNEL);

	if (IS_ERR(sense))
		return PTR_ERR(sense);
	sense->key = 0; /* expect: unchecked-alloc */
	lun->sense = sense;
	return 0;
}

int foo_sense_good(struct foo_lun *lun)
{
	struct foo_sense *sense = kzalloc(sizeof(*sense), GFP_KERNEL);

	if (IS_ERR_OR_NULL(sense))
		return -ENOMEM;
	sense->key = 0;
	lun->sense = sense;
	return 0;
}

MODULE_LICENSE("GPL");
