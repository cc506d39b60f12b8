// SPDX-License-Identifier: GPL-2.0
#include "kmfd.h"

int kmfd_setup(struct kmfd_priv *p)
{
	p->buf = kmalloc(32, GFP_KERNEL);
	if (!p->buf)
		return -ENOMEM;
	p->len = 32;
	return 0;
}
