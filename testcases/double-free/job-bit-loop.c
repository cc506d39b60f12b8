// SPDX-License-Identifier: GPL-2.0
/*
 * double-free: a kthread runs a job when the job's bit is set, and the
 * job frees the buffer the job was queued with (airo's airo_thread() and
 * airo_end_xmit()).  The job clears its bit, with clear_bit() or with
 * &= ~BIT(): next time round the loop the bit is clear, the job does not
 * run, and the buffer is not freed again.  The callee's summary says the
 * bit is clear when it returns (a sets-bits fact), and test_bit() and
 * clear_bit() act on the word's known bits (rules/bitops.rules).
 * foo_bad_thread()'s job never clears its bit: it runs again on the same
 * buffer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/skbuff.h>
#include <linux/sched.h>
#include <linux/kthread.h>

#define JOB_XMIT	1
#define JOB_STATS	2

struct foo {
	unsigned long jobs;
	struct sk_buff *skb;
	u32 stats;
};

static void foo_end_xmit(struct foo *ai)
{
	struct sk_buff *skb = ai->skb;

	clear_bit(JOB_XMIT, &ai->jobs);
	dev_kfree_skb(skb);
}

static void foo_end_xmit_mask(struct foo *ai)
{
	struct sk_buff *skb = ai->skb;

	ai->jobs &= ~BIT(JOB_XMIT);
	dev_kfree_skb(skb);
}

static void foo_end_xmit_keeps_bit(struct foo *ai)
{
	dev_kfree_skb(ai->skb);
}

static void foo_read_stats(struct foo *ai)
{
	clear_bit(JOB_STATS, &ai->jobs);
	ai->stats++;
}

static int foo_thread(void *data)
{
	struct foo *ai = data;

	for (;;) {
		if (kthread_should_stop())
			break;
		if (!ai->jobs) {
			schedule();
			continue;
		}
		if (test_bit(JOB_XMIT, &ai->jobs))
			foo_end_xmit(ai);
		else if (test_bit(JOB_STATS, &ai->jobs))
			foo_read_stats(ai);
	}
	return 0;
}

static int foo_mask_thread(void *data)
{
	struct foo *ai = data;

	for (;;) {
		if (kthread_should_stop())
			break;
		if (!ai->jobs) {
			schedule();
			continue;
		}
		if (ai->jobs & BIT(JOB_XMIT))
			foo_end_xmit_mask(ai);
		else if (ai->jobs & BIT(JOB_STATS))
			foo_read_stats(ai);
	}
	return 0;
}

static int foo_bad_thread(void *data)
{
	struct foo *ai = data;

	for (;;) {
		if (kthread_should_stop())
			break;
		if (!ai->jobs) {
			schedule();
			continue;
		}
		if (test_bit(JOB_XMIT, &ai->jobs))
			foo_end_xmit_keeps_bit(ai); /* expect: double-free:medium */
		else if (test_bit(JOB_STATS, &ai->jobs))
			foo_read_stats(ai);
	}
	return 0;
}

int foo_start(struct foo *ai)
{
	kthread_run(foo_thread, ai, "foo");
	kthread_run(foo_mask_thread, ai, "foo-mask");
	kthread_run(foo_bad_thread, ai, "foo-bad");
	return 0;
}

MODULE_LICENSE("GPL");
