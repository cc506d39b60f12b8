// SPDX-License-Identifier: GPL-2.0
/*
 * Two wait_event()s in one function.  Each expansion of ___wait_event()
 * declares its own local label (`__label__ __out;`), and a goto to
 * __out must reach the label of its own expansion.  Taking labels by
 * name sent the second wait's exit to the first one's __out, so the
 * buffer allocated between them looked lost there (drbd's
 * drbd_adm_attach()).  foo_attach() is silent; foo_attach_bad() leaks the
 * buffer when the second wait gives up, which was not reported either:
 * the wait entry on the stack, passed to init_wait_entry() and
 * prepare_to_wait_event(), counted as a local that might hand over the
 * buffer (rules/borrow.rules now says they keep nothing of it).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <linux/atomic.h>

struct foo_dev {
	wait_queue_head_t misc_wait;
	atomic_t pending;
	void *conf;
	int suspended;
};

int foo_attach(struct foo_dev *d)
{
	void *conf;

	wait_event(d->misc_wait, !atomic_read(&d->pending) || d->suspended);
	conf = kzalloc(64, GFP_KERNEL);
	if (!conf)
		return -ENOMEM;
	wait_event(d->misc_wait, !atomic_read(&d->pending) || d->suspended);
	d->conf = conf;
	return 0;
}

int foo_attach_bad(struct foo_dev *d)
{
	void *conf;

	wait_event(d->misc_wait, !atomic_read(&d->pending) || d->suspended);
	conf = kzalloc(64, GFP_KERNEL);
	if (!conf)
		return -ENOMEM;
	if (wait_event_interruptible(d->misc_wait, !atomic_read(&d->pending)))
		return -ERESTARTSYS; /* expect: alloc-leak */
	d->conf = conf;
	return 0;
}

MODULE_LICENSE("GPL");
