// SPDX-License-Identifier: GPL-2.0
#include "kmwc.h"

struct kmwc_buf *kmwc_alloc_c(int len)
{
	return kmwc_alloc_d(len > 64 ? 64 : len);
}
