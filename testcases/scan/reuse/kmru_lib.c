// SPDX-License-Identifier: GPL-2.0
#include "kmru.h"

/* NULL when the allocation fails (reuse.sh makes it __GFP_NOFAIL) */
struct kmru_buf *kmru_get(int len)
{
	struct kmru_buf *b = kzalloc(sizeof(*b), GFP_KERNEL);

	if (b)
		b->len = len;
	return b;
}

void kmru_put(struct kmru_buf *b)
{
	kfree(b);
}
