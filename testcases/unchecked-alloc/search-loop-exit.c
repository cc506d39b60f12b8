// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/tty/serial/8250/8250_pci.c, pci_ite887x_init()): a
 * search loop breaks where request_region() found a free range, and the
 * code after it returns when the loop ran to its end (i == ARRAY_SIZE()).
 * A count that starts at 0 and only goes up by one leaves the loop's own
 * test with the bound exactly, so only a break reaches the use after the
 * test: foo_probe() is silent.  bar_probe() starts the count where its
 * caller says, so the loop may not run and leave i past the bound: the
 * NULL of the last request is used.  baz_probe() has no test at all.
 */
#include <linux/module.h>
#include <linux/ioport.h>
#include <linux/io.h>

static const unsigned short foo_addrs[] = { 0x2a0, 0x2c0, 0x220, 0x240 };

int foo_probe(void)
{
	struct resource *r = NULL;
	int i;

	for (i = 0; i < ARRAY_SIZE(foo_addrs); i++) {
		r = request_region(foo_addrs[i], 8, "foo");
		if (r != NULL) {
			if (inb(foo_addrs[i]) != 0xff)
				break;
			release_region(r->start, 8);
		}
	}
	if (i == ARRAY_SIZE(foo_addrs))
		return -ENODEV;
	return inb(r->start + 4);
}
EXPORT_SYMBOL_GPL(foo_probe);

/* the same search, counted with <= against the last index */
int foo_probe_last(void)
{
	struct resource *r = NULL;
	int i;

	for (i = 0; i <= ARRAY_SIZE(foo_addrs) - 1; i++) {
		r = request_region(foo_addrs[i], 8, "foo");
		if (r)
			break;
	}
	if (i > ARRAY_SIZE(foo_addrs) - 1)
		return -ENODEV;
	return r->start;
}
EXPORT_SYMBOL_GPL(foo_probe_last);

int bar_probe(int first)
{
	struct resource *r = NULL;
	int i;

	for (i = first; i < ARRAY_SIZE(foo_addrs); i++) {
		r = request_region(foo_addrs[i], 8, "bar");
		if (r)
			break;
	}
	if (i == ARRAY_SIZE(foo_addrs))
		return -ENODEV;
	return r->start; /* expect: unchecked-alloc */
}
EXPORT_SYMBOL_GPL(bar_probe);

int baz_probe(void)
{
	struct resource *r = NULL;
	int i;

	for (i = 0; i < ARRAY_SIZE(foo_addrs); i++) {
		r = request_region(foo_addrs[i], 8, "baz");
		if (r)
			break;
	}
	return r->start; /* expect: unchecked-alloc */
}
EXPORT_SYMBOL_GPL(baz_probe);
MODULE_LICENSE("GPL");
