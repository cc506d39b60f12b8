// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (ASoC soc-pcm.c dpcm_be_dai_trigger(), sound/soc scan): a
 * front end's stream lock is held (snd_pcm_stream_lock_irq()) while the
 * back end's is taken with snd_pcm_stream_lock_irqsave_nested().  Both are
 * the stream group's spinlock, or both its mutex for a nonatomic PCM; the
 * nested variant (_snd_pcm_stream_lock_irqsave_nested()) is a line of
 * rules/lock.rules as the plain one is, so its mutex path is no sleep under
 * the front end's lock: foo_fe_trigger() is silent.
 *
 * Twin: bar_fe_trigger() takes a driver mutex under the front end's lock:
 * reported.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <sound/core.h>
#include <sound/pcm.h>

struct foo_dpcm {
	struct snd_pcm_substream *fe;
	struct snd_pcm_substream *be;
	struct mutex lock;
	int state;
};

static void foo_be_trigger(struct foo_dpcm *d, int cmd)
{
	unsigned long flags;

	snd_pcm_stream_lock_irqsave_nested(d->be, flags);
	d->state = cmd;
	snd_pcm_stream_unlock_irqrestore(d->be, flags);
}

void foo_fe_trigger(struct foo_dpcm *d, int cmd);
void foo_fe_trigger(struct foo_dpcm *d, int cmd)
{
	snd_pcm_stream_lock_irq(d->fe);
	foo_be_trigger(d, cmd);
	snd_pcm_stream_unlock_irq(d->fe);
}

void bar_fe_trigger(struct foo_dpcm *d, int cmd);
void bar_fe_trigger(struct foo_dpcm *d, int cmd)
{
	snd_pcm_stream_lock_irq(d->fe);
	mutex_lock(&d->lock); /* expect: sleep-in-atomic */
	d->state = cmd;
	mutex_unlock(&d->lock);
	snd_pcm_stream_unlock_irq(d->fe);
}

MODULE_LICENSE("GPL");
