// SPDX-License-Identifier: GPL-2.0
/* The auxiliary half: a platform device of its own, in a static. */
#include <linux/platform_device.h>
#include "kmsg.h"

static struct platform_device *pdev;

int kmsg_aux_init(void)
{
	pdev = platform_device_register_simple("kmsg-aux", -1, NULL, 0);
	return PTR_ERR_OR_ZERO(pdev);
}

void kmsg_aux_exit(void)
{
	platform_device_unregister(pdev);
}
