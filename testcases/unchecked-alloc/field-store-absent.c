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
 * reads the field is the usual "add a check for kzalloc" fix.  So is
 * foo_setup_in(), whose other NULL the caller chooses by its argument
 * (keyspan's keyspan_setup_urb() for an endpoint of -1).
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
	struct foo_ports *in;
	bool has_fw;
	int in_ep;
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

static struct foo_ports *foo_setup_in(int endpoint)
{
	struct foo_ports *p;

	if (endpoint == -1)
		return NULL;	/* endpoint not needed */
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return NULL;
	p->count = endpoint;
	return p;
}

int foo_pf_init(struct foo_pf *pf)
{
	pf->ports = foo_ports_read(pf);
	pf->table = foo_table_alloc(); /* expect: unchecked-alloc:medium */
	pf->in = foo_setup_in(pf->in_ep); /* expect: unchecked-alloc:medium */
	return 0;
}

int foo_pf_count(struct foo_pf *pf)
{
	return pf->ports->count + pf->table->count + pf->in->count;
}

MODULE_LICENSE("GPL");
