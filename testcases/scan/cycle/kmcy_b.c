// SPDX-License-Identifier: GPL-2.0
#include "kmcy.h"

int kmcy_len_b(int len)
{
	return kmcy_len_c(len < 0 ? 0 : len);
}

struct kmcy_buf *kmcy_alloc_b(int len)
{
	return kmcy_alloc_c(len);
}
