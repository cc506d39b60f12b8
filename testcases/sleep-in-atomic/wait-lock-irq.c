// SPDX-License-Identifier: GPL-2.0
/*
 * wait_event_lock_irq(wq, cond, lock) is called with lock held: it drops
 * the lock around schedule() and takes it again (drbd's
 * _conn_request_state() under req_lock).  prepare_to_wait_event() only
 * queues the waiter, so nothing sleeps with the lock held.  Waiting with
 * a second spinlock held does sleep in atomic context.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

struct foo_conn {
	spinlock_t req_lock;
	spinlock_t stat_lock;
	wait_queue_head_t ping_wait;
	int state;
	int stats;
};

static int foo_cond(struct foo_conn *c)
{
	return c->state != 0;
}

int foo_request_state(struct foo_conn *c)
{
	int rv;

	spin_lock_irq(&c->req_lock);
	wait_event_lock_irq(c->ping_wait, (rv = foo_cond(c)), c->req_lock);
	c->state = 0;
	spin_unlock_irq(&c->req_lock);
	return rv;
}

int foo_request_state_stats(struct foo_conn *c)
{
	int rv;

	spin_lock(&c->stat_lock);
	spin_lock_irq(&c->req_lock);
	wait_event_lock_irq(c->ping_wait, (rv = foo_cond(c)), c->req_lock); /* expect: sleep-in-atomic */
	c->stats++;
	spin_unlock_irq(&c->req_lock);
	spin_unlock(&c->stat_lock);
	return rv;
}

MODULE_LICENSE("GPL");
