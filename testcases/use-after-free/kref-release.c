// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free in a kref release callback, on an object reached through
 * container_of() from the parameter: foo_sess_release_bad() kfree()s the
 * session and then decrements a counter through s->ctrl, reading the
 * freed session. foo_sess_release_good() does it before the free.
 */
#include <linux/module.h>
#include <linux/kref.h>
#include <linux/atomic.h>
#include <linux/slab.h>

struct foo_ctrl {
	atomic_t nr_sess;
};

struct foo_sess {
	struct kref ref;
	struct foo_ctrl *ctrl;
	u8 *key;
};

static void foo_sess_release_bad(struct kref *ref)
{
	struct foo_sess *s = container_of(ref, struct foo_sess, ref);

	kfree_sensitive(s->key);
	kfree(s);
	atomic_dec(&s->ctrl->nr_sess); /* expect: use-after-free */
}

static void foo_sess_release_good(struct kref *ref)
{
	struct foo_sess *s = container_of(ref, struct foo_sess, ref);

	atomic_dec(&s->ctrl->nr_sess);
	kfree_sensitive(s->key);
	kfree(s);
}

void foo_sess_put_bad(struct foo_sess *s)
{
	kref_put(&s->ref, foo_sess_release_bad);
}

void foo_sess_put_good(struct foo_sess *s)
{
	kref_put(&s->ref, foo_sess_release_good);
}

MODULE_LICENSE("GPL");
