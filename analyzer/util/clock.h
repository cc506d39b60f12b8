/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_CLOCK_H
#define KML_CLOCK_H

#include <time.h>

/* Seconds on the monotonic clock: for differences (a scan's wall time,
 * a worker's timeout, a function's exploration). */
static inline double mono_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

#endif
