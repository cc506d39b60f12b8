/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_KBUILD_H
#define KML_KBUILD_H

/*
 * `kmemlint scan DIR`: one job per C file kbuild builds in DIR (and the
 * subdirectories its Makefiles descend into), with exactly the flags kbuild
 * compiles it with, ccflags-y, CFLAGS_file.o and subdir-ccflags-y included.
 * kbuild is asked once (make -k -jJOBS, nothing is compiled) and the answer
 * is cached until a Makefile or the kernel configuration changes.  Jobs are
 * sorted by file.  unbuilt (may be NULL) gets the .c files of DIR that kbuild
 * does not build with KDIR's configuration.  0, or -1 after an error naming
 * the problem.
 */

#include "compile.h"

int fe_jobs_from_kbuild_dir(const char *kdir, const char *dir, int jobs,
			    struct job_list *out, struct strvec *unbuilt);

/*
 * The recorder kbuild runs in place of the compiler:
 * `kmemlint scan --kbuild-record=DIR $(srctree) <flags> file.c` writes the
 * cwd and the words to a new file of DIR.  Returns the exit status (1: make
 * must not link what was not compiled), or -1 when argv is not that mode.
 */
int fe_record_mode(int argc, char **argv);

#endif
