// SPDX-License-Identifier: GPL-2.0
/* Not in any Makefile: kbuild does not build it, the scan counts it. */
/* kmemlint --kdir on it takes its directory's flags (kdir-files.sh). */
#ifndef KMLS_TREE
#error the directory's flags were not applied
#endif
int kmls_unbuilt;
