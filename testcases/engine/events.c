// SPDX-License-Identifier: GPL-2.0
/*
 * The engine's events, as --trace-events prints them (events.expected):
 * function entry, calls with their callbacks' names, locks and unlocks
 * from rules/lock.rules (a trylock only where it succeeded), stores into
 * memory that outlives the function or into a local allocation, objects
 * lost by an overwrite or at a return, branches, frees, dereferences
 * through a callee, returns with their class.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>

struct ev_priv {
	spinlock_t lock;
	char *buf;
	int irq;
};

struct ev_node {
	char *name;
};

static irqreturn_t ev_irq(int irq, void *data)
{
	return IRQ_HANDLED;
}

static void ev_use(struct ev_priv *p)
{
	p->buf[0] = 1;
}

int ev_locks(struct ev_priv *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->lock, flags);
	p->irq = 0;
	spin_unlock_irqrestore(&p->lock, flags);
	if (spin_trylock(&p->lock)) {
		p->irq = 1;
		spin_unlock(&p->lock);
	}
	return request_irq(p->irq, ev_irq, 0, "ev", p);
}

int ev_stores(struct ev_priv *p)
{
	struct ev_node *n = kzalloc(sizeof(*n), GFP_KERNEL);
	char *tmp;

	if (!n)
		return -ENOMEM;
	n->name = kstrdup("ev", GFP_KERNEL);
	tmp = kmalloc(16, GFP_KERNEL);
	tmp = kmalloc(32, GFP_KERNEL);
	if (!tmp) {
		kfree(n->name);
		kfree(n);
		return -ENOMEM;
	}
	p->buf = tmp;
	ev_use(p);
	kfree(n->name);
	kfree(n);
	return 0;
}

MODULE_LICENSE("GPL");
