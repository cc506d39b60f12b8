// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the check comes after the first use, `p->a = 1;
 * if (!p) return;`. The late check does not protect the use before it:
 * reported at the use.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_timer_cfg {
	unsigned int period_ms;
	bool oneshot;
};

struct foo_priv {
	struct foo_timer_cfg *tcfg;
};

int foo_timer_cfg_bad(struct foo_priv *priv, unsigned int period_ms)
{
	struct foo_timer_cfg *tcfg = kmalloc(sizeof(*tcfg), GFP_KERNEL);

	tcfg->period_ms = period_ms; /* expect: unchecked-alloc */
	if (!tcfg)
		return -ENOMEM;
	tcfg->oneshot = false;
	priv->tcfg = tcfg;
	return 0;
}

int foo_timer_cfg_good(struct foo_priv *priv, unsigned int period_ms)
{
	struct foo_timer_cfg *tcfg = kmalloc(sizeof(*tcfg), GFP_KERNEL);

	if (!tcfg)
		return -ENOMEM;
	tcfg->period_ms = period_ms;
	tcfg->oneshot = false;
	priv->tcfg = tcfg;
	return 0;
}

MODULE_LICENSE("GPL");
