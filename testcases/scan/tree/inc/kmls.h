/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KMLS_H
#define KMLS_H
#include <linux/slab.h>

struct kmls_dev {
	int *buf;
	int len;
};

int kmls_fill(struct kmls_dev *d);
int *kmls_new_buf(int n);
int kmls_extra(void);
#endif
