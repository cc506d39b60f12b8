// SPDX-License-Identifier: GPL-2.0
#include "kmcy.h"

int kmcy_len_c(int len)
{
	return len > 64 ? 64 : len;
}

/* NULL when the allocation fails */
struct kmcy_buf *kmcy_alloc_c(int len)
{
	struct kmcy_buf *b = kzalloc(sizeof(*b), GFP_KERNEL);

	kmcy_note(len);
	if (b)
		b->len = len;
	return b;
}
