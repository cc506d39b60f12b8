// SPDX-License-Identifier: GPL-2.0
/*
 * radeon's BIOS fetch (radeon_bios.c): a static bool helper kmallocs
 * d->bios, frees it when the image has no signature and returns false,
 * its failure, with the stale pointer left in the field; the caller then
 * tries the next source and clears the field when none worked.  The
 * teardown in kmbf_main.c frees d->bios: no double free, as the helper
 * left the field dangling only where it failed.  kmbf_table_helper() does
 * the same to d->table but returns 0, an int function's success: there
 * the teardown frees it again.
 */
#include "kmbf.h"

static bool kmbf_atrm_get_bios(struct kmbf_dev *d)
{
	d->bios = kmalloc(d->size, GFP_KERNEL);
	if (!d->bios)
		return false;
	if (d->bios[0] != 0x55 || d->bios[1] != 0xaa) {
		kfree(d->bios);
		return false;
	}
	return true;
}

static bool kmbf_platform_bios(struct kmbf_dev *d)
{
	d->bios = kzalloc(d->size, GFP_KERNEL);
	return d->bios != NULL;
}

bool kmbf_get_bios(struct kmbf_dev *d)
{
	bool r;

	r = kmbf_atrm_get_bios(d);
	if (!r)
		r = kmbf_platform_bios(d);
	if (!r || !d->bios) {
		d->bios = NULL;
		return false;
	}
	return true;
}

static int kmbf_table_helper(struct kmbf_dev *d)
{
	d->table = kmalloc(d->size, GFP_KERNEL);
	if (!d->table)
		return -ENOMEM;
	if (d->table[0] != 0x55) {
		kfree(d->table);
		return 0;
	}
	return 0;
}

int kmbf_get_table(struct kmbf_dev *d)
{
	return kmbf_table_helper(d);
}
