/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KMRU_H
#define KMRU_H
#include <linux/slab.h>

struct kmru_buf {
	int len;
	u8 data[64];
};

struct kmru_buf *kmru_get(int len);
void kmru_put(struct kmru_buf *b);
#endif
