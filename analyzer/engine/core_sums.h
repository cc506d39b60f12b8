/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_CORE_SUMS_H
#define KML_CORE_SUMS_H

/*
 * Summaries of the core kernel's exported functions (usb_submit_urb,
 * kobject_put...), read from rules/<name>.summaries: files that
 * scripts/gen-core-summaries.sh writes from a summary pass over a kernel
 * source tree.  Records as engine/summary_io.c writes them:
 *
 *   # comment lines (the script, the kernel version)
 *   sum   <key> <name> <static 0> <fail_conds> <returns: 0 int, 1 pointer, 2 bool>
 *   fact  ...   (that function's facts)
 *
 * A function no file of the unit (nor of the scan's database) defines
 * gets this summary; a rules entry still wins (unit_summary).  Set
 * KMEMLINT_NO_CORE_SUMMARIES=1 to load none (the generator does).
 */

/* Load one file; -1 after an error message naming file and line. */
int core_sums_load_file(const char *path);
/* The records of a function (malloc'ed), or NULL. */
char *core_sums_text(const char *name);
/* How many functions are loaded. */
int core_sums_count(void);
void core_sums_free(void);

#endif
