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

#include <stdbool.h>
#include <stdint.h>

#include "compile.h"

int fe_jobs_from_kbuild_dir(const char *kdir, const char *dir, int jobs,
			    struct job_list *out, struct strvec *unbuilt);

/*
 * kbuild_parents.c: the parents of DIR whose kbuild files descend into it,
 * so that kbuild hands their subdir-ccflags-y down to DIR's files.
 */
struct kb_parents {
	char *dir;		/* DIR, real */
	char *top;		/* the topmost such parent, or DIR */
	char *rel;		/* DIR relative to top ("" when top is DIR) */
	struct strvec dirs;	/* the parents, real, top first */
};
void kb_parents_find(const char *real, struct kb_parents *kp);
/* "kbuild-file mtime size" of each parent: for the flags cache's key */
void kb_parents_stamp(const struct kb_parents *kp, struct strvec *out);
/* The parents in the mirror of top: their files as symlinks and a
 * generated Kbuild that includes the real one and builds only the next
 * directory down.  0, or -1. */
int kb_parents_mirror(const struct kb_parents *kp, const char *mirror);
void kb_parents_free(struct kb_parents *kp);
/* Do DIR's kbuild file (ccflags-y, CFLAGS_file.o) or its kbuild parents'
 * (subdir-ccflags-y) add compiler flags?  Then --kdir asks kbuild for DIR
 * instead of using the probe module's flags (kdir.c). */
bool kb_adds_flags(const char *real);

/* kbuild_cache.c: the cache file of DIR for KDIR (NULL: no home), the
 * stamp of what its answer depends on, loaded (0: out filled) and stored */
char *kb_cache_file(const char *real, const char *kdir);
char *kb_tree_stamp(const char *kdir, uint64_t walk_stamp);
int kb_cache_load(const char *path, const char *stamp, struct job_list *out);
void kb_cache_store(const char *path, const char *stamp,
		    const struct job_list *jl);

/*
 * The recorder kbuild runs in place of the compiler:
 * `kmemlint scan --kbuild-record=DIR $(srctree) <flags> file.c` writes the
 * cwd and the words to a new file of DIR.  Returns the exit status (1: make
 * must not link what was not compiled), or -1 when argv is not that mode.
 */
int fe_record_mode(int argc, char **argv);
/* kbuild.c: is p a directory? */
int kb_is_dir(const char *p);
/* kbuild_record.c: the record file path (made in a mirror whose paths
 * are root followed by the real ones) of a file of real's modules, as a
 * job of out; 0, or -1 for a record that is not a file of the tree */
int kb_read_record(const char *path, const char *root, const char *real,
		   struct job_list *out);

#endif
