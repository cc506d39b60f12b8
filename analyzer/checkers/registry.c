// SPDX-License-Identifier: GPL-2.0
#include "checkers.h"

const struct checker *const all_checkers[] = {
	&checker_unchecked_alloc,
};

const int nr_checkers = sizeof(all_checkers) / sizeof(all_checkers[0]);
