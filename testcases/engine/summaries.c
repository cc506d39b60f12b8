// SPDX-License-Identifier: GPL-2.0
/*
 * Summaries as records (summaries.expected, from --dump-summaries): a
 * helper that frees a field only when it fails, a NULL test, an
 * allocation wrapper that may return NULL, a getter of a field, a setter,
 * a static function keyed by file and name, and the field facts of the
 * file.  A function that may sleep under no condition keeps no may-sleep
 * fact under a condition (sm_sleepy(): the sleep when mode == 1 says
 * nothing more than the one reached with no test of a parameter), and
 * the same for a dereference under bits of a flag word (sm_flags()).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/delay.h>

struct sm_priv {
	char *buf;
	int len;
	void *data;
};

int sm_fill(struct sm_priv *p, int n)
{
	p->buf = kzalloc(n, GFP_KERNEL);
	if (!p->buf)
		return -ENOMEM;
	if (n > 64) {
		kfree(p->buf);
		p->buf = NULL;
		return -EINVAL;
	}
	p->len = n;
	return 0;
}

bool sm_missing(const void *p)
{
	return !p;
}

struct sm_priv *sm_new(void)
{
	struct sm_priv *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->len = 0;
	return p;
}

void *sm_get(struct sm_priv *p)
{
	return p->data;
}

void sm_set(struct sm_priv *p, void *data)
{
	p->data = data;
}

static void sm_drop(struct sm_priv *p)
{
	kfree(p->buf);
	p->buf = NULL;
}

void sm_exit(struct sm_priv *p)
{
	sm_drop(p);
	kfree(p);
}

void sm_sleepy(struct sm_priv *p, int mode)
{
	if (READ_ONCE(jiffies) & 1) {
		msleep(2);
		return;
	}
	if (mode == 1)
		msleep(1);
}

/* q dereferenced under no known bit of p->len makes the same dereference
 * under bit 0 of p->len redundant: one deref-if fact of $1, not two */
void sm_flags(struct sm_priv *p, struct sm_priv *q)
{
	if (READ_ONCE(jiffies) & 1) {
		q->len = 0;
		return;
	}
	if (p->len & 1)
		q->len = 1;
}

MODULE_LICENSE("GPL");
