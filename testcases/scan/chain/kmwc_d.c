// SPDX-License-Identifier: GPL-2.0
#include "kmwc.h"

/* NULL when the allocation fails */
struct kmwc_buf *kmwc_alloc_d(int len)
{
	struct kmwc_buf *b = kzalloc(sizeof(*b), GFP_KERNEL);

	if (b)
		b->len = len;
	return b;
}
