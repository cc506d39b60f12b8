/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KMWC_H
#define KMWC_H
#include <linux/slab.h>

struct kmwc_buf {
	int len;
	u8 data[64];
};

struct kmwc_buf *kmwc_alloc_b(int len);
struct kmwc_buf *kmwc_alloc_c(int len);
struct kmwc_buf *kmwc_alloc_d(int len);
#endif
