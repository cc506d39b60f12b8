/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KMBF_H
#define KMBF_H
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/types.h>

struct kmbf_dev {
	u8 *bios;
	u8 *table;
	size_t size;
};

bool kmbf_get_bios(struct kmbf_dev *d);
int kmbf_get_table(struct kmbf_dev *d);
void kmbf_fini(struct kmbf_dev *d);

#endif
