// SPDX-License-Identifier: GPL-2.0
/*
 * A summary made from an exploration that dropped paths (run with
 * --budget=1: past 8 steps the rest of a function's paths are dropped).
 * tr_init() frees the caller's p->buf only when it fails; its success
 * return was never reached, so the free looked true on every return and
 * tr_probe()'s own free after a successful tr_init() a double free.
 * Must facts of such a summary are dropped.  tr_twice() is still reported: it
 * needs no summary.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct tr_priv {
	char *buf;
	int a, b, c, d, e;
};

int tr_setup(struct tr_priv *p)
{
	return p->e > 3;
}

static int tr_init(struct tr_priv *p)
{
	if (p->a)
		p->b++;
	if (p->c)
		p->d++;
	if (tr_setup(p))
		goto err;
	if (p->e)
		p->a++;
	return 0;
err:
	kfree(p->buf);
	return -EIO;
}

int tr_probe(struct tr_priv *p)
{
	if (tr_init(p))
		return -ENODEV;
	if (tr_setup(p)) {
		kfree(p->buf);
		return -EIO;
	}
	return 0;
}

void tr_twice(struct tr_priv *p)
{
	kfree(p->buf);
	kfree(p->buf); /* expect: double-free */
}

MODULE_LICENSE("GPL");
