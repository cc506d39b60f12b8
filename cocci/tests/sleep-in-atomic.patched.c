// SPDX-License-Identifier: GPL-2.0
/* Input of the sleep-in-atomic semantic patch (cocci/tests/README.md). */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>

struct foo {
	spinlock_t lock;
	void *buf;
	void *big;
};

int foo_bad_spin(struct foo *f, size_t n)
{
	unsigned long flags;

	spin_lock_irqsave(&f->lock, flags);
	f->buf = kzalloc(n, GFP_ATOMIC); /* report */
	spin_unlock_irqrestore(&f->lock, flags);
	return f->buf ? 0 : -ENOMEM;
}

void foo_bad_vmalloc(struct foo *f, size_t n)
{
	spin_lock(&f->lock);
	f->big = vmalloc(n); /* report-only */
	spin_unlock(&f->lock);
}

int foo_good(struct foo *f, size_t n)
{
	void *buf = kzalloc(n, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	spin_lock(&f->lock);
	f->buf = buf;
	spin_unlock(&f->lock);
	return 0;
}

MODULE_LICENSE("GPL");
