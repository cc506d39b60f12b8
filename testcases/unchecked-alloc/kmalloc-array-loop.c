// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: kmalloc_array() of structs initialised in a loop,
 * `arr[i].field = ...`, without a check.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_NR_IRQS	8

struct foo_irq {
	int hwirq;
	bool enabled;
};

struct foo_pic {
	struct foo_irq *irqs;
};

int foo_pic_bad(struct foo_pic *pic)
{
	struct foo_irq *irqs;
	int i;

	irqs = kmalloc_array(FOO_NR_IRQS, sizeof(*irqs), GFP_KERNEL);
	for (i = 0; i < FOO_NR_IRQS; i++) {
		irqs[i].hwirq = i; /* expect: unchecked-alloc */
		irqs[i].enabled = false;
	}
	pic->irqs = irqs;
	return 0;
}

int foo_pic_good(struct foo_pic *pic)
{
	struct foo_irq *irqs;
	int i;

	irqs = kmalloc_array(FOO_NR_IRQS, sizeof(*irqs), GFP_KERNEL);
	if (!irqs)
		return -ENOMEM;
	for (i = 0; i < FOO_NR_IRQS; i++) {
		irqs[i].hwirq = i;
		irqs[i].enabled = false;
	}
	pic->irqs = irqs;
	return 0;
}

MODULE_LICENSE("GPL");
