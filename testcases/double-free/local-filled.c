// SPDX-License-Identifier: GPL-2.0
/*
 * A local struct that a function of another file fills, reached through
 * a pointer stored in another local (mptsas_sas_expander_pg0():
 * cfg.cfghdr.ehdr = &hdr; hdr.ExtPageLength = 0; mpt_config(ioc, &cfg);
 * if (!hdr.ExtPageLength) ...).  Taking the 0 written before the call
 * as still there made every success path of foo_read_page() look
 * impossible: its summary lost the block it stores in port->phys, and
 * foo_scan_ok()'s loop, which frees each page's block, read as freeing
 * the same block twice and using it after the free.  The bad twin does
 * free one block twice.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_hdr {
	u16 len;
	u8 type;
};

struct foo_cfg {
	struct foo_hdr *hdr;
	int action;
};

struct foo_phy {
	u16 handle;
};

struct foo_port {
	int nphys;
	struct foo_phy *phys;
};

/* the bus's functions: another file's, which the engine cannot see */
struct foo_ioc {
	int (*config)(struct foo_ioc *ioc, struct foo_cfg *cfg);
};

static int foo_read_page(struct foo_ioc *ioc, struct foo_port *port)
{
	struct foo_hdr hdr;
	struct foo_cfg cfg;
	int i, err;

	memset(port, 0, sizeof(*port));
	hdr.len = 0;
	cfg.hdr = &hdr;
	cfg.action = 0;
	err = ioc->config(ioc, &cfg);
	if (err)
		return err;
	if (!hdr.len)
		return -ENXIO;
	port->nphys = hdr.len;
	port->phys = kcalloc(port->nphys, sizeof(*port->phys), GFP_KERNEL);
	if (!port->phys)
		return -ENOMEM;
	for (i = 0; i < port->nphys; i++)
		port->phys[i].handle = i;
	return 0;
}

int foo_scan_ok(struct foo_ioc *ioc)
{
	struct foo_port port;
	int n = 0;

	while (!foo_read_page(ioc, &port)) {
		n += port.phys[0].handle;
		kfree(port.phys);
	}
	return n;
}

int foo_scan_bad(struct foo_ioc *ioc)
{
	struct foo_port port;
	int n = 0;

	while (!foo_read_page(ioc, &port)) {
		n += port.phys[0].handle;
		kfree(port.phys);
		if (n > 16)
			kfree(port.phys); /* expect: double-free */
	}
	return n;
}

MODULE_LICENSE("GPL");
