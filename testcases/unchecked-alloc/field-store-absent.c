// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc across functions, when NULL is a state the field is
 * meant to have.  foo_ports_read() returns NULL when its allocation fails
 * and also when the firmware has no port table (nfp's
 * __nfp_eth_read_ports(), nfp_hwinfo_read(), mlx5_fw_tracer_create()):
 * NULL means "none", and the code that reads pf->ports is written for it
 * (here its users check the field before they start).  Storing the
 * result unchecked is not the bug a NULL check at the store would fix,
 * so it is not reported there.  foo_table_alloc() returns NULL only when
 * its allocation fails: storing that unchecked while another function
 * reads the field is the usual "add a check for kzalloc" fix.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_ports {
	int count;
	u32 ids[8];
};

struct foo_pf {
	struct foo_ports *ports;
	struct foo_ports *table;
	bool has_fw;
};

static struct foo_ports *foo_ports_read(struct foo_pf *pf)
{
	struct foo_ports *p;

	if (!pf->has_fw)
		return NULL;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return NULL;
	p->count = 1;
	return p;
}

static struct foo_ports *foo_table_alloc(void)
{
	struct foo_ports *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->count = 8;
	return p;
}

int foo_pf_init(struct foo_pf *pf)
{
	pf->ports = foo_ports_read(pf);
	pf->table = foo_table_alloc(); /* expect: unchecked-alloc:medium */
	return 0;
}

int foo_pf_count(struct foo_pf *pf)
{
	return pf->ports->count + pf->table->count;
}

MODULE_LICENSE("GPL");
