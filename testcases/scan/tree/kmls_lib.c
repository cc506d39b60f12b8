// SPDX-License-Identifier: GPL-2.0
#include "kmls.h"

int kmls_fill(struct kmls_dev *d)
{
	int i;

	for (i = 0; i < d->len; i++)
		d->buf[i] = i;
	return 0;
}

/* NULL when the allocation fails: kmls_core.c forgets it */
int *kmls_new_buf(int n)
{
	return kcalloc(n, sizeof(int), GFP_KERNEL);
}
