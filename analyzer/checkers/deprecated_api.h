/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_DEPRECATED_API_H
#define KML_DEPRECATED_API_H

/*
 * deprecated-api, shared between its files: deprecated_api.c (the
 * deprecated calls, the clears of a whole block) and deprecated_array.c
 * (the open-coded multiplication in an allocation's size).
 */

#include "checkers.h"

#define RULE "deprecated-api"

/* call c, to an allocator with an `array` variant: report an open-coded
 * product of a variable as its size */
void deprecated_check_array(struct engine *en, struct state *st,
			    const struct call_info *c);

#endif
