// SPDX-License-Identifier: GPL-2.0
/*
 * double-free of a field another function left dangling, reported once:
 * where it is freed, not again in each caller of that function
 * (qla4xxx: qla4_83xx_read_reset_template() vfree()s ha->reset_tmplt.buff
 * when the template is bad and returns without clearing it;
 * qla4xxx_mem_free() vfree()s it again, and qla4xxx_free_adapter(),
 * probe and remove reach that free through it: one bug, found once).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct dhc_host {
	u32 *tmpl;
	int seq_error;
};

static noinline int dhc_tmpl_ok(const u32 *t)
{
	return t[0] == 0x5a5a;
}

void dhc_read_template(struct dhc_host *h);
void dhc_read_template(struct dhc_host *h)
{
	h->seq_error = 0;
	h->tmpl = vmalloc(4096);
	if (!h->tmpl)
		return;
	if (!dhc_tmpl_ok(h->tmpl))
		vfree(h->tmpl);
}

static void dhc_mem_free(struct dhc_host *h)
{
	vfree(h->tmpl); /* expect: double-free */
}

static void dhc_free_host(struct dhc_host *h)
{
	dhc_mem_free(h);
	h->seq_error = 1;
}

int dhc_probe(struct dhc_host *h);
int dhc_probe(struct dhc_host *h)
{
	dhc_read_template(h);
	if (h->seq_error) {
		dhc_free_host(h);
		return -EIO;
	}
	return 0;
}

void dhc_remove(struct dhc_host *h);
void dhc_remove(struct dhc_host *h)
{
	dhc_free_host(h);
}

MODULE_LICENSE("GPL");
