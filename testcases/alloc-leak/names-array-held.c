// SPDX-License-Identifier: GPL-2.0
/*
 * clk-cdce925's cdce925_probe() keeps the name of each PLL it registers
 * in a local array, pll_clk_name[i], and in the clk_init_data the clock
 * core reads it from (init.name, and pll->hw.init = &init); the clock core
 * copies the name, and the error label frees every element of the array
 * in a loop.  After i++ the engine no longer names pll_clk_name[i], and
 * init.name still held the block: when init went out of use at the
 * return, the block was taken as lost, though the array still held it
 * and the loop had freed it (reported on the unmodified 6.1 file at high
 * confidence).  foo_register_plls() is that shape: nothing to report.
 * bar_register_plls() loses the name of the round whose registration
 * fails before it is in the array: that is still a leak, at the return.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/clk-provider.h>
#include <linux/device.h>

#define FOO_MAX_PLLS 4

struct foo_pll {
	struct clk_hw hw;
	int index;
};

int foo_register_plls(struct device *dev, struct foo_pll *pll, int num_plls)
{
	const char *pll_clk_name[FOO_MAX_PLLS] = { NULL, };
	struct clk_init_data init = {};
	int err = 0;
	int i;

	for (i = 0; i < num_plls && i < FOO_MAX_PLLS; ++i) {
		pll_clk_name[i] = kasprintf(GFP_KERNEL, "%s.pll%d",
					    dev_name(dev), i);
		if (!pll_clk_name[i]) {
			err = -ENOMEM;
			goto error;
		}
		init.name = pll_clk_name[i];
		pll[i].hw.init = &init;
		pll[i].index = i;
		err = devm_clk_hw_register(dev, &pll[i].hw);
		if (err)
			goto error;
	}

error:
	for (i = 0; i < FOO_MAX_PLLS; ++i)
		kfree(pll_clk_name[i]);	/* the clock core made a copy */
	return err;
}
EXPORT_SYMBOL_GPL(foo_register_plls);

int bar_register_plls(struct device *dev, struct foo_pll *pll, int num_plls)
{
	const char *pll_clk_name[FOO_MAX_PLLS] = { NULL, };
	struct clk_init_data init = {};
	const char *name;
	int err = 0;
	int i;

	for (i = 0; i < num_plls && i < FOO_MAX_PLLS; ++i) {
		name = kasprintf(GFP_KERNEL, "%s.pll%d", dev_name(dev), i);
		if (!name) {
			err = -ENOMEM;
			goto error;
		}
		init.name = name;
		pll[i].hw.init = &init;
		err = devm_clk_hw_register(dev, &pll[i].hw);
		if (err)
			goto error;
		pll_clk_name[i] = name;
	}

error:
	for (i = 0; i < FOO_MAX_PLLS; ++i)
		kfree(pll_clk_name[i]);
	return err; /* expect: alloc-leak */
}
EXPORT_SYMBOL_GPL(bar_register_plls);

MODULE_LICENSE("GPL");
