/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KMCY_H
#define KMCY_H
#include <linux/slab.h>

struct kmcy_buf {
	int len;
	u8 data[64];
};

void kmcy_note(int len);
int kmcy_len_b(int len);
struct kmcy_buf *kmcy_alloc_b(int len);
int kmcy_len_c(int len);
struct kmcy_buf *kmcy_alloc_c(int len);
#endif
