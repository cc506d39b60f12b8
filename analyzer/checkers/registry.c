// SPDX-License-Identifier: GPL-2.0
#include "checkers.h"

const struct checker *const all_checkers[] = {
	&checker_unchecked_alloc,
	&checker_page_order_mismatch,
	&checker_free_mismatch,
	&checker_double_free,
	&checker_use_after_free,
	&checker_sleep_in_atomic,
	&checker_deprecated_api,
	&checker_alloc_leak,
};

const int nr_checkers = sizeof(all_checkers) / sizeof(all_checkers[0]);
