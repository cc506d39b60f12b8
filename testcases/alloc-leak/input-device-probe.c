// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak of an input device: the kernel's "fix memory leak in probe
 * error path" fixes for input drivers.  input_allocate_device() returns
 * a device the driver releases with input_free_device() until
 * input_register_device() succeeds; from then the input core holds it
 * and input_unregister_device() releases it.  The bad probe returns when
 * request_irq() fails without input_free_device(), and when registering
 * fails; the good probe unwinds, and its remove unregisters.  A managed
 * device (devm_input_allocate_device()) needs nothing.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/input.h>
#include <linux/interrupt.h>
#include <linux/slab.h>

struct foo_keys {
	struct input_dev *input;
	int irq;
};

static irqreturn_t foo_irq(int irq, void *data)
{
	struct foo_keys *keys = data;

	input_report_key(keys->input, KEY_POWER, 1);
	input_sync(keys->input);
	return IRQ_HANDLED;
}

static int foo_probe_bad(struct platform_device *pdev)
{
	struct foo_keys *keys;
	struct input_dev *input;
	int err;

	keys = devm_kzalloc(&pdev->dev, sizeof(*keys), GFP_KERNEL);
	if (!keys)
		return -ENOMEM;
	keys->irq = platform_get_irq(pdev, 0);
	if (keys->irq < 0)
		return keys->irq;
	input = input_allocate_device();
	if (!input)
		return -ENOMEM;
	input->name = "foo-keys";
	input_set_capability(input, EV_KEY, KEY_POWER);
	keys->input = input;
	err = request_irq(keys->irq, foo_irq, 0, "foo-keys", keys);
	if (err)
		return err; /* expect: alloc-leak */
	err = input_register_device(input);
	if (err) {
		free_irq(keys->irq, keys);
		return err; /* expect: alloc-leak */
	}
	platform_set_drvdata(pdev, keys);
	return 0;
}

static int foo_probe_good(struct platform_device *pdev)
{
	struct foo_keys *keys;
	struct input_dev *input;
	int err;

	keys = devm_kzalloc(&pdev->dev, sizeof(*keys), GFP_KERNEL);
	if (!keys)
		return -ENOMEM;
	keys->irq = platform_get_irq(pdev, 0);
	if (keys->irq < 0)
		return keys->irq;
	input = input_allocate_device();
	if (!input)
		return -ENOMEM;
	input->name = "foo-keys";
	input_set_capability(input, EV_KEY, KEY_POWER);
	keys->input = input;
	err = request_irq(keys->irq, foo_irq, 0, "foo-keys", keys);
	if (err)
		goto err_free_input;
	err = input_register_device(input);
	if (err)
		goto err_free_irq;
	platform_set_drvdata(pdev, keys);
	return 0;

err_free_irq:
	free_irq(keys->irq, keys);
err_free_input:
	input_free_device(input);
	return err;
}

static int foo_probe_managed(struct platform_device *pdev)
{
	struct input_dev *input;
	int err;

	input = devm_input_allocate_device(&pdev->dev);
	if (!input)
		return -ENOMEM;
	input->name = "foo-lid";
	input_set_capability(input, EV_SW, SW_LID);
	err = input_register_device(input);
	if (err)
		return err;
	return 0;
}

static int foo_remove(struct platform_device *pdev)
{
	struct foo_keys *keys = platform_get_drvdata(pdev);

	free_irq(keys->irq, keys);
	input_unregister_device(keys->input);
	return 0;
}

static struct platform_driver foo_bad_driver = {
	.probe = foo_probe_bad,
	.remove = foo_remove,
	.driver = { .name = "foo-keys-bad" },
};

static struct platform_driver foo_good_driver = {
	.probe = foo_probe_good,
	.remove = foo_remove,
	.driver = { .name = "foo-keys-good" },
};

static struct platform_driver foo_lid_driver = {
	.probe = foo_probe_managed,
	.driver = { .name = "foo-lid" },
};

static struct platform_driver * const foo_drivers[] = {
	&foo_bad_driver, &foo_good_driver, &foo_lid_driver,
};

static int __init foo_init(void)
{
	return platform_register_drivers(foo_drivers, ARRAY_SIZE(foo_drivers));
}

static void __exit foo_exit(void)
{
	platform_unregister_drivers(foo_drivers, ARRAY_SIZE(foo_drivers));
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
