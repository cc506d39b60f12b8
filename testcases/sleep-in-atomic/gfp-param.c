// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that allocates with the gfp mask its caller passes: the
 * caller's mask decides.  GFP_KERNEL passed under the lock is the bug
 * (reported at that call); GFP_ATOMIC under the lock and GFP_KERNEL
 * without it are correct.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct foo_msg {
	int len;
	u8 data[32];
};

struct foo_dev {
	spinlock_t lock;
	struct foo_msg *last;
};

static struct foo_msg *foo_msg_new(int len, gfp_t gfp)
{
	struct foo_msg *m = kzalloc(sizeof(*m), gfp);

	if (m)
		m->len = len;
	return m;
}

int foo_post_bad(struct foo_dev *fd, int len)
{
	struct foo_msg *m;

	spin_lock(&fd->lock);
	m = foo_msg_new(len, GFP_KERNEL); /* expect: sleep-in-atomic */
	if (m) {
		kfree(fd->last);
		fd->last = m;
	}
	spin_unlock(&fd->lock);
	return m ? 0 : -ENOMEM;
}

int foo_post_atomic(struct foo_dev *fd, int len)
{
	struct foo_msg *m;

	spin_lock(&fd->lock);
	m = foo_msg_new(len, GFP_ATOMIC);
	if (m) {
		kfree(fd->last);
		fd->last = m;
	}
	spin_unlock(&fd->lock);
	return m ? 0 : -ENOMEM;
}

int foo_post_good(struct foo_dev *fd, int len)
{
	struct foo_msg *m = foo_msg_new(len, GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	spin_lock(&fd->lock);
	kfree(fd->last);
	fd->last = m;
	spin_unlock(&fd->lock);
	return 0;
}
MODULE_LICENSE("GPL");
