// SPDX-License-Identifier: GPL-2.0
/*
 * double-free of an input device: input_unregister_device() drops the
 * last reference of a registered device and frees it, so the
 * input_free_device() after it frees it again (input.c: "once device has
 * been successfully registered it can be unregistered with
 * input_unregister_device(); input_free_device() should not be called
 * in this case").  The bad remove does both; the good one unregisters
 * only, and its error path frees a device that never registered.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/input.h>

struct foo_btn {
	struct input_dev *input;
};

static int foo_probe(struct platform_device *pdev)
{
	struct foo_btn *btn;
	int err;

	btn = devm_kzalloc(&pdev->dev, sizeof(*btn), GFP_KERNEL);
	if (!btn)
		return -ENOMEM;
	btn->input = input_allocate_device();
	if (!btn->input)
		return -ENOMEM;
	btn->input->name = "foo-button";
	input_set_capability(btn->input, EV_KEY, KEY_PROG1);
	err = input_register_device(btn->input);
	if (err) {
		input_free_device(btn->input);
		return err;
	}
	platform_set_drvdata(pdev, btn);
	return 0;
}

static int foo_remove_bad(struct platform_device *pdev)
{
	struct foo_btn *btn = platform_get_drvdata(pdev);

	input_unregister_device(btn->input);
	input_free_device(btn->input); /* expect: double-free */
	return 0;
}

static int foo_remove_good(struct platform_device *pdev)
{
	struct foo_btn *btn = platform_get_drvdata(pdev);

	input_unregister_device(btn->input);
	btn->input = NULL;
	return 0;
}

static struct platform_driver foo_bad_driver = {
	.probe = foo_probe,
	.remove = foo_remove_bad,
	.driver = { .name = "foo-button-bad" },
};

static struct platform_driver foo_good_driver = {
	.probe = foo_probe,
	.remove = foo_remove_good,
	.driver = { .name = "foo-button-good" },
};

static int __init foo_init(void)
{
	int ret = platform_driver_register(&foo_bad_driver);

	if (ret)
		return ret;
	ret = platform_driver_register(&foo_good_driver);
	if (ret)
		platform_driver_unregister(&foo_bad_driver);
	return ret;
}

static void __exit foo_exit(void)
{
	platform_driver_unregister(&foo_good_driver);
	platform_driver_unregister(&foo_bad_driver);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
