// SPDX-License-Identifier: GPL-2.0
/*
 * A sleep chain through a function that a rules line calls a spinning
 * lock.  foo_stream_lock() takes a mutex only for nonatomic streams, like
 * ALSA's snd_pcm_stream_lock_irqsave(): its body may sleep, but the
 * rules line given with this test (spinning-lock-chain.rules) says it
 * takes a spinning lock, as rules/lock.rules says of the PCM stream lock.
 * foo_elapsed() takes it, so its summary carries a sleep chain through
 * foo_stream_lock(); an interrupt handler that calls foo_elapsed() does
 * not sleep (snd_pcm_period_elapsed() called from sound/pci interrupt
 * handlers: 65 false findings before).  foo_reset() takes the mutex
 * itself: an interrupt handler that calls it does sleep, and is
 * reported.  Run without the rules file, foo_irq_good() is reported too.
 */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct foo_stream {
	bool nonatomic;
	spinlock_t lock;
	struct mutex mutex;
	int pos;
};

void foo_stream_lock(struct foo_stream *s)
{
	if (s->nonatomic)
		mutex_lock(&s->mutex);
	else
		spin_lock(&s->lock);
}

void foo_stream_unlock(struct foo_stream *s)
{
	if (s->nonatomic)
		mutex_unlock(&s->mutex);
	else
		spin_unlock(&s->lock);
}

static void foo_elapsed(struct foo_stream *s)
{
	foo_stream_lock(s);
	s->pos++;
	foo_stream_unlock(s);
}

static void foo_reset(struct foo_stream *s)
{
	mutex_lock(&s->mutex); /* expect: sleep-in-atomic */
	s->pos = 0;
	mutex_unlock(&s->mutex);
}

static irqreturn_t foo_irq_good(int irq, void *dev)
{
	foo_elapsed(dev);
	return IRQ_HANDLED;
}

static irqreturn_t foo_irq_bad(int irq, void *dev)
{
	foo_reset(dev);
	return IRQ_HANDLED;
}

int foo_setup(struct foo_stream *s)
{
	int err;

	err = request_irq(1, foo_irq_good, 0, "foo", s);
	if (err)
		return err;
	err = request_irq(2, foo_irq_bad, 0, "foo", s);
	if (err)
		free_irq(1, s);
	return err;
}

MODULE_LICENSE("GPL");
