// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: devm_kcalloc() of a per-channel array, indexed without
 * a check.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/slab.h>

struct foo_channel {
	int index;
	bool enabled;
};

struct foo_adc {
	struct device *dev;
	struct foo_channel *chan;
	unsigned int nr_chan;
};

int foo_adc_channels_bad(struct foo_adc *adc, unsigned int nr)
{
	struct foo_channel *chan;
	unsigned int i;

	chan = devm_kcalloc(adc->dev, nr, sizeof(*chan), GFP_KERNEL);
	for (i = 0; i < nr; i++)
		chan[i].index = i; /* expect: unchecked-alloc */
	adc->chan = chan;
	adc->nr_chan = nr;
	return 0;
}

int foo_adc_channels_good(struct foo_adc *adc, unsigned int nr)
{
	struct foo_channel *chan;
	unsigned int i;

	chan = devm_kcalloc(adc->dev, nr, sizeof(*chan), GFP_KERNEL);
	if (!chan)
		return -ENOMEM;
	for (i = 0; i < nr; i++)
		chan[i].index = i;
	adc->chan = chan;
	adc->nr_chan = nr;
	return 0;
}

MODULE_LICENSE("GPL");
