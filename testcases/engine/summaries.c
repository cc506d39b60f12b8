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
 * Chains that differ by one condition, held one way in one and the other
 * way in the other, are one chain without it (sm_sleeps_anyway(),
 * sm_sleeps_if()).
 * What a caller cannot use is not written: a static local's writes
 * (sm_once()), the numbers a memcpy() copies (sm_cfg_copy()).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/string.h>

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

/* a sleep on every path, after tests of a mode and a length that do not
 * decide it: one may-sleep fact under no condition, not one for each of
 * the four combinations */
void sm_sleeps_anyway(struct sm_priv *p, int mode)
{
	if (mode == 2)
		p->data = NULL;
	if (p->len > 4)
		p->buf = NULL;
	msleep(1);
}

/* a sleep where mode is 3 only, after a test of the length that does not
 * decide it: one fact, under mode == 3 */
void sm_sleeps_if(struct sm_priv *p, int mode)
{
	if (p->len > 4)
		p->buf = NULL;
	if (mode == 3)
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

/* a static local only its function reads: no writes fact for a caller
 * (every WARN_ONCE() and fortified memcpy() has one) */
void sm_once(struct sm_priv *p)
{
	static bool done;

	if (!done) {
		done = true;
		p->len = 0;
	}
}

struct sm_cfg {
	int mode;
	int rate;
};

struct sm_dev {
	struct sm_cfg cfg;
	char *buf;
};

void sm_cfg_set(struct sm_cfg *c)
{
	c->mode = 1;
	c->rate = 2;
}

/* the memcpy() copies members only a callee's writes facts named: it
 * gives up no value of *src (numbers, not blocks), while a pointer
 * stored from a parameter's field is given up */
void sm_cfg_copy(struct sm_dev *d, const struct sm_cfg *src,
		 struct sm_dev *from)
{
	sm_cfg_set(&d->cfg);
	memcpy(&d->cfg, src, sizeof(*src));
	d->buf = from->buf;
}

MODULE_LICENSE("GPL");
