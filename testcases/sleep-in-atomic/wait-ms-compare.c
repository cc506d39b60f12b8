// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that waits for an ack only when its caller asks for it, and
 * its caller passes that request on as a comparison of its own parameter
 * (r8188eu's issue_qos_nulldata() passes `wait_ms > 0` as the wait_ack of
 * _issue_qos_nulldata(), and sleeps itself only when `wait_ms > 0`).  The
 * receive path calls it with wait_ms 0 under a spinlock: no sleep.  The
 * twins, with the sleep on another line, are called with a positive
 * wait_ms (or `0 < wait_ms`, or `!nowait` with nowait false) under the
 * lock: they sleep there.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>

struct foo_adapter {
	spinlock_t lock;
	struct mutex ack_mutex;
	int seq;
	bool stopped;
};

/* the silent chain: every caller under the lock says "do not wait" */
static int foo_wait_ack(struct foo_adapter *ad)
{
	mutex_lock(&ad->ack_mutex);
	ad->seq++;
	mutex_unlock(&ad->ack_mutex);
	return ad->stopped ? -EIO : 0;
}

static int foo_send_null(struct foo_adapter *ad, bool wait_ack)
{
	ad->seq++;
	if (wait_ack)
		return foo_wait_ack(ad);
	return ad->seq > 100 ? -EAGAIN : 0;
}

static int foo_issue_null(struct foo_adapter *ad, int try_cnt, int wait_ms)
{
	int i = 0, ret;

	do {
		ret = foo_send_null(ad, wait_ms > 0);
		i++;
		if (ad->stopped)
			break;
		if (i < try_cnt && wait_ms > 0 && ret)
			msleep(wait_ms);
	} while (i < try_cnt && (ret || wait_ms == 0));
	return ret;
}

static int foo_issue_null_swapped(struct foo_adapter *ad, int wait_ms)
{
	return foo_send_null(ad, 0 < wait_ms);
}

static int foo_issue_null_nowait(struct foo_adapter *ad, bool nowait)
{
	return foo_send_null(ad, !nowait);
}

void foo_rx(struct foo_adapter *ad)
{
	spin_lock_bh(&ad->lock);
	foo_issue_null(ad, 0, 0);
	foo_issue_null(ad, 3, 0);
	foo_issue_null_swapped(ad, 0);
	foo_issue_null_swapped(ad, -1);
	foo_issue_null_nowait(ad, true);
	spin_unlock_bh(&ad->lock);
}

void foo_probe(struct foo_adapter *ad)
{
	foo_issue_null(ad, 3, 10);
	foo_issue_null_swapped(ad, 10);
	foo_issue_null_nowait(ad, false);
}

/* the twins: called under the lock with a request to wait */
static int foo_send_null2(struct foo_adapter *ad, bool wait_ack)
{
	ad->seq++;
	if (wait_ack)
		msleep(1); /* expect: sleep-in-atomic */
	return ad->seq > 100 ? -EAGAIN : 0;
}

static int foo_issue_null2(struct foo_adapter *ad, int try_cnt, int wait_ms)
{
	return foo_send_null2(ad, wait_ms > 0);
}

static int foo_send_null3(struct foo_adapter *ad, bool wait_ack)
{
	ad->seq++;
	if (wait_ack)
		msleep(1); /* expect: sleep-in-atomic */
	return 0;
}

static int foo_issue_null3(struct foo_adapter *ad, int wait_ms)
{
	return foo_send_null3(ad, 0 < wait_ms);
}

static int foo_send_null4(struct foo_adapter *ad, bool wait_ack)
{
	ad->seq++;
	if (wait_ack)
		msleep(1); /* expect: sleep-in-atomic */
	return 0;
}

static int foo_issue_null4(struct foo_adapter *ad, bool nowait)
{
	return foo_send_null4(ad, !nowait);
}

void foo_rx_wait(struct foo_adapter *ad)
{
	spin_lock_bh(&ad->lock);
	foo_issue_null2(ad, 3, 10);
	foo_issue_null3(ad, 10);
	foo_issue_null4(ad, false);
	spin_unlock_bh(&ad->lock);
}
MODULE_LICENSE("GPL");
