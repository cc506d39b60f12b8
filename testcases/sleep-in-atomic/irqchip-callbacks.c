// SPDX-License-Identifier: GPL-2.0
/*
 * The genirq core calls an irq_chip's mask, unmask, set_type, set_wake...
 * with the descriptor's raw spinlock held and interrupts off.  A GPIO
 * expander on a slow bus must not sleep there: it records the change and
 * writes it out in .irq_bus_sync_unlock(), which runs in process context
 * (the pinctrl-mcp23s08 fix, "Fix sleeping in atomic context due to
 * regmap locking", moved a mutex-locked bus write out of .irq_set_type).
 * foo's chip takes its bus mutex in .irq_set_type and sleeps in
 * .irq_unmask (set field by field in probe); bar's chip caches the
 * change and writes it under the mutex in .irq_bus_sync_unlock.
 */
#include <linux/module.h>
#include <linux/irq.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/slab.h>

struct exp_chip {
	struct mutex lock;
	u16 type_cache;
	u16 mask_cache;
	u16 *regs;
};

static void exp_write(struct exp_chip *c, u16 val)
{
	c->regs[0] = val;
}

static int foo_irq_set_type(struct irq_data *d, unsigned int type)
{
	struct exp_chip *c = irq_data_get_irq_chip_data(d);

	mutex_lock(&c->lock); /* expect: sleep-in-atomic */
	c->type_cache |= BIT(d->hwirq);
	exp_write(c, c->type_cache);
	mutex_unlock(&c->lock);
	return 0;
}

static void foo_irq_unmask(struct irq_data *d)
{
	struct exp_chip *c = irq_data_get_irq_chip_data(d);

	c->mask_cache &= ~BIT(d->hwirq);
	usleep_range(100, 200); /* expect: sleep-in-atomic */
	exp_write(c, c->mask_cache);
}

static int bar_irq_set_type(struct irq_data *d, unsigned int type)
{
	struct exp_chip *c = irq_data_get_irq_chip_data(d);

	c->type_cache |= BIT(d->hwirq);
	return 0;
}

static void bar_irq_unmask(struct irq_data *d)
{
	struct exp_chip *c = irq_data_get_irq_chip_data(d);

	c->mask_cache &= ~BIT(d->hwirq);
}

static void bar_irq_bus_lock(struct irq_data *d)
{
	struct exp_chip *c = irq_data_get_irq_chip_data(d);

	mutex_lock(&c->lock);
}

static void bar_irq_bus_sync_unlock(struct irq_data *d)
{
	struct exp_chip *c = irq_data_get_irq_chip_data(d);

	usleep_range(100, 200);
	exp_write(c, c->type_cache);
	exp_write(c, c->mask_cache);
	mutex_unlock(&c->lock);
}

static const struct irq_chip bar_irq_chip = {
	.name = "bar-exp",
	.irq_set_type = bar_irq_set_type,
	.irq_unmask = bar_irq_unmask,
	.irq_bus_lock = bar_irq_bus_lock,
	.irq_bus_sync_unlock = bar_irq_bus_sync_unlock,
};

struct irq_chip *foo_make_chip(void)
{
	struct irq_chip *chip = kzalloc(sizeof(*chip), GFP_KERNEL);

	if (!chip)
		return NULL;
	chip->name = "foo-exp";
	chip->irq_set_type = foo_irq_set_type;
	chip->irq_unmask = foo_irq_unmask;
	return chip;
}
EXPORT_SYMBOL_GPL(foo_make_chip);

const struct irq_chip *bar_chip(void)
{
	return &bar_irq_chip;
}
EXPORT_SYMBOL_GPL(bar_chip);

MODULE_LICENSE("GPL");
