/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_CHECKERS_H
#define KML_CHECKERS_H

#include <stdio.h>

#include "../engine/engine.h"

/* One file a rule; each defines one struct checker. */
extern const struct checker checker_unchecked_alloc;
extern const struct checker checker_page_order_mismatch;
extern const struct checker checker_free_mismatch;
extern const struct checker checker_double_free;
extern const struct checker checker_use_after_free;
extern const struct checker checker_sleep_in_atomic;
extern const struct checker checker_deprecated_api;
extern const struct checker checker_alloc_leak;

extern const struct checker *const all_checkers[];
extern const int nr_checkers;

/* --trace-events: prints every event to f (not a rule). */
extern const struct checker checker_trace;
void trace_events_to(FILE *f);

#endif
