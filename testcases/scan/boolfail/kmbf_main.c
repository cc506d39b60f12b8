// SPDX-License-Identifier: GPL-2.0
/* The teardown of kmbf_bios.c's fields; see there. */
#include <linux/module.h>
#include "kmbf.h"

void kmbf_fini(struct kmbf_dev *d)
{
	kfree(d->bios);
	d->bios = NULL;
	kfree(d->table);
	d->table = NULL;
}

MODULE_LICENSE("GPL");
