// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include "kmfd.h"

void kmfd_set_mode(struct kmfd_priv *p, bool fast)
{
	p->mode = fast ? KMFD_FAST : KMFD_SLOW;
}

/* reads what every file of the module stores into mode, and into buf */
static size_t kmfd_budget(struct kmfd_priv *p)
{
	if (p->mode == KMFD_SLOW)
		return 16;
	if (p->mode == KMFD_FAST)
		return 64;
	return p->buf ? p->len : 0;
}

static int __init kmfd_init(void)
{
	struct kmfd_priv *p = kzalloc(sizeof(*p), GFP_KERNEL);
	int ret;

	if (!p)
		return -ENOMEM;
	kmfd_set_mode(p, true);
	ret = kmfd_setup(p);
	pr_info("kmfd: budget %zu\n", kmfd_budget(p));
	kfree(p->buf);
	kfree(p);
	return ret;
}
module_init(kmfd_init);

MODULE_LICENSE("GPL");
