/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_CLI_COCCI_INT_H
#define KML_CLI_COCCI_INT_H

/* What cocci.c (options, spatch, report mode) and cocci_fix.c (--fix)
 * share. */
#include "cocci.h"
#include "../util/strvec.h"

extern struct strvec cocci_patches;	/* the .cocci files */
extern struct strvec cocci_prules;	/* their rule ids */
extern char cocci_tmpdir[];		/* spatch's output files */

/* spatch on one file with semantic patch k in mode ("report", "patch");
 * its stdout in *out (caller frees).  0 ok. */
int cocci_spatch(const struct cocci_opts *co, size_t k, const char *mode,
		 const char *path, char **out);
/* --fix on one file: write its fix to co->diff (and the file with
 * --in-place), mark the findings it fixes.  0, or -1 (said on stderr). */
int cocci_fix(const struct cocci_opts *co, const char *path,
	      const char *rel, struct finding_list *fl);

#endif
