// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that waits only when its rcu_head is NULL, as
 * kvfree_call_rcu() does for the one-argument kvfree_rcu(ptr):
 * kfree_rcu(obj, rcu) passes &obj->rcu, an address that is never NULL,
 * so it does not wait under a lock; the twin passes NULL and does.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct foo_obj {
	struct list_head node;
	struct rcu_head rcu;
	int id;
};

struct foo_table {
	spinlock_t lock;
	struct foo_obj *cur;
};

static void foo_obj_rcu(struct rcu_head *head)
{
	kfree(container_of(head, struct foo_obj, rcu));
}

static void foo_defer(struct rcu_head *head, void *ptr)
{
	if (!head) {
		synchronize_rcu();
		kfree(ptr);
		return;
	}
	call_rcu(head, foo_obj_rcu);
}

static void foo_defer2(struct rcu_head *head, void *ptr)
{
	if (!head) {
		synchronize_rcu(); /* expect: sleep-in-atomic */
		kfree(ptr);
		return;
	}
	call_rcu(head, foo_obj_rcu);
}

void foo_replace(struct foo_table *t, struct foo_obj *obj)
{
	struct foo_obj *old;

	spin_lock(&t->lock);
	old = t->cur;
	t->cur = obj;
	if (old)
		foo_defer(&old->rcu, old);
	spin_unlock(&t->lock);
}

void foo_replace_now(struct foo_table *t, struct foo_obj *obj)
{
	struct foo_obj *old;

	spin_lock(&t->lock);
	old = t->cur;
	t->cur = obj;
	foo_defer2(NULL, old);
	spin_unlock(&t->lock);
}

MODULE_LICENSE("GPL");
