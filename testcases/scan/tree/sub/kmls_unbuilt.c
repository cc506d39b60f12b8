// SPDX-License-Identifier: GPL-2.0
/* Not in any Makefile: kbuild does not build it, the scan counts it. */
int kmls_unbuilt;
