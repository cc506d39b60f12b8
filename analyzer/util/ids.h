/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_UTIL_IDS_H
#define KML_UTIL_IDS_H

/* A short list of object ids (a checker's per-function notes): is id in
 * v[0..n)?  A linear search: the lists hold a few dozen at most. */

#include <stdbool.h>
#include <stdint.h>

static inline bool ids_has(const int32_t *v, int n, int32_t id)
{
	int i;

	for (i = 0; i < n; i++)
		if (v[i] == id)
			return true;
	return false;
}

#endif
