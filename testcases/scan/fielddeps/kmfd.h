/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KMFD_H
#define KMFD_H
#include <linux/slab.h>

#define KMFD_SLOW 1
#define KMFD_FAST 2

struct kmfd_priv {
	int mode;
	char *buf;
	size_t len;
};

void kmfd_set_mode(struct kmfd_priv *p, bool fast);
int kmfd_setup(struct kmfd_priv *p);
#endif
