/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_CLI_SPAWN_H
#define KML_CLI_SPAWN_H

/*
 * Run argv (argv[0] looked up on PATH) with stdout to out and stderr to
 * err (NULL: /dev/null), at most timeout seconds.  Returns the exit
 * status, -1 when it could not start, -2 when it was killed at the
 * timeout.
 */
int spawn_run(char *const argv[], const char *out, const char *err,
	      int timeout);
/* The whole file, or NULL. */
char *spawn_slurp(const char *path);

#endif
