// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: `if (!p) { dev_err(...); return -ENOMEM; }`. Logging
 * alone is not handling: foo_bad() logs and falls through to the use.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/slab.h>

struct foo_calib {
	s16 offset;
	s16 gain;
};

struct foo_sensor {
	struct device *dev;
	struct foo_calib *calib;
};

int foo_calib_bad(struct foo_sensor *s)
{
	struct foo_calib *calib = kzalloc(sizeof(*calib), GFP_KERNEL);

	if (!calib)
		dev_err(s->dev, "no memory for calibration data\n");
	calib->gain = 1; /* expect: unchecked-alloc */
	s->calib = calib;
	return 0;
}

int foo_calib_good(struct foo_sensor *s)
{
	struct foo_calib *calib = kzalloc(sizeof(*calib), GFP_KERNEL);

	if (!calib) {
		dev_err(s->dev, "no memory for calibration data\n");
		return -ENOMEM;
	}
	calib->gain = 1;
	s->calib = calib;
	return 0;
}

MODULE_LICENSE("GPL");
