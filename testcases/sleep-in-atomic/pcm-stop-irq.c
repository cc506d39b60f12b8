// SPDX-License-Identifier: GPL-2.0
/*
 * sleep-in-atomic through the ALSA core's summaries.  snd_pcm_stop()
 * reaches snd_pcm_action_group(), which takes a linked stream's mutex
 * only for a nonatomic PCM: a PCM whose driver stops it from its
 * interrupt handler (stm32_spdifrx, uniperif, lpass) is atomic, so the
 * group's locks are spinlocks there (silent, foo_isr_good()).
 * snd_rawmidi_drain_input() cancels work and waits for it: a sleep in
 * any hardirq handler (foo_isr_bad()).
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <sound/core.h>
#include <sound/pcm.h>
#include <sound/rawmidi.h>

struct foo_chip {
	struct snd_pcm_substream *substream;
	struct snd_rawmidi_substream *midi_in;
	int irq;
	u32 status;
};

static irqreturn_t foo_isr_good(int irq, void *dev_id)
{
	struct foo_chip *chip = dev_id;

	if (chip->status & 1) {
		snd_pcm_stream_lock(chip->substream);
		snd_pcm_stop(chip->substream, SNDRV_PCM_STATE_XRUN);
		snd_pcm_stream_unlock(chip->substream);
	}
	snd_pcm_period_elapsed(chip->substream);
	return IRQ_HANDLED;
}

static irqreturn_t foo_isr_bad(int irq, void *dev_id)
{
	struct foo_chip *chip = dev_id;

	snd_rawmidi_drain_input(chip->midi_in); /* expect: sleep-in-atomic */
	return IRQ_HANDLED;
}

int foo_probe(struct device *dev, struct foo_chip *chip)
{
	int ret;

	ret = devm_request_irq(dev, chip->irq, foo_isr_good, 0, "foo", chip);
	if (ret)
		return ret;
	return devm_request_irq(dev, chip->irq, foo_isr_bad, 0, "foo", chip);
}

MODULE_LICENSE("GPL");
