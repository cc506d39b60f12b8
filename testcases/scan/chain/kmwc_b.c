// SPDX-License-Identifier: GPL-2.0
#include "kmwc.h"

struct kmwc_buf *kmwc_alloc_b(int len)
{
	return kmwc_alloc_c(len < 0 ? 0 : len);
}
