/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_CLI_HOOK_H
#define KML_CLI_HOOK_H

/* kmemlint install-hook [--force] [kmemlint options]: write the work
 * tree's git pre-commit hook, a shell script that runs this kmemlint
 * with --staged and the options.  Returns the exit status. */
int install_hook(int argc, char **argv);

#endif
