// SPDX-License-Identifier: GPL-2.0
/*
 * double-free and an unwind that frees a field and returns ERR_PTR()
 * (SBP target sbp_make_tpg(): tport->mgt_agt is unregistered, not
 * cleared, when core_tpg_register() fails, and the function returns
 * ERR_PTR(ret); sbp_drop_tpg() unregisters it again, but only for a tpg
 * that was made).  An error pointer is a failing return, not a success
 * that leaves the field dangling.  foo_make_bad() frees the agent on a
 * path that still returns the group.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/err.h>

struct foo_agent {
	int state;
};

struct foo_group {
	int id;
};

struct foo_port {
	struct foo_agent *agt;
	struct foo_group *grp;
	int enable;
};

struct foo_port_bad {
	struct foo_agent *agt;
	struct foo_group *grp;
	int enable;
};

int foo_group_register(struct foo_group *g);
int foo_group_register(struct foo_group *g)
{
	return g->id < 0 ? -EINVAL : 0;
}

static struct foo_agent *foo_agent_register(int enable)
{
	struct foo_agent *a = kzalloc(sizeof(*a), GFP_KERNEL);

	if (!a)
		return ERR_PTR(-ENOMEM);
	a->state = enable;
	return a;
}

static void foo_agent_unregister(struct foo_agent *a)
{
	kfree(a);
}

struct foo_group *foo_make(struct foo_port *p);
struct foo_group *foo_make(struct foo_port *p)
{
	struct foo_group *g;
	int ret;

	g = kzalloc(sizeof(*g), GFP_KERNEL);
	if (!g)
		return ERR_PTR(-ENOMEM);
	p->grp = g;
	p->agt = foo_agent_register(p->enable);
	if (IS_ERR(p->agt)) {
		ret = PTR_ERR(p->agt);
		goto out_free;
	}
	ret = foo_group_register(g);
	if (ret < 0)
		goto out_unreg;
	return g;

out_unreg:
	foo_agent_unregister(p->agt);
out_free:
	p->grp = NULL;
	kfree(g);
	return ERR_PTR(ret);
}

struct foo_group *foo_make_bad(struct foo_port_bad *p);
struct foo_group *foo_make_bad(struct foo_port_bad *p)
{
	struct foo_group *g;

	g = kzalloc(sizeof(*g), GFP_KERNEL);
	if (!g)
		return ERR_PTR(-ENOMEM);
	p->grp = g;
	p->agt = foo_agent_register(p->enable);
	if (IS_ERR(p->agt))
		return g;
	if (foo_group_register(g) < 0)
		foo_agent_unregister(p->agt);
	return g;
}

void foo_drop(struct foo_port *p);
void foo_drop(struct foo_port *p)
{
	foo_agent_unregister(p->agt);
	p->agt = NULL;
	kfree(p->grp);
	p->grp = NULL;
}

void foo_drop_bad(struct foo_port_bad *p);
void foo_drop_bad(struct foo_port_bad *p)
{
	foo_agent_unregister(p->agt);	/* expect: double-free */
	p->agt = NULL;
	kfree(p->grp);
	p->grp = NULL;
}

MODULE_LICENSE("GPL");
