// SPDX-License-Identifier: GPL-2.0
/*
 * double-free and use-after-free past a WARN: a put helper returns 1 when
 * it dropped the last reference and freed the object.  A work handler
 * that holds two references drops the first one with
 * WARN_ON_ONCE(foo_deref(p)): its author says the object cannot go
 * there, and the path where it did is the warning's path, not one to
 * report (infiniband iwcm cm_work_handler()).  The flagged twin only logs
 * when the first put freed the object, then puts and reads it again: on
 * that path both are after the free.
 */
#include <linux/module.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct foo_id {
	refcount_t refcount;
	struct work_struct work;
	unsigned long flags;
};

static int foo_deref(struct foo_id *p)
{
	if (refcount_dec_and_test(&p->refcount)) {
		kfree(p);
		return 1;
	}
	return 0;
}

static void foo_work_good(struct work_struct *w)
{
	struct foo_id *p = container_of(w, struct foo_id, work);

	WARN_ON_ONCE(foo_deref(p));
	p->flags = 0;
	if (foo_deref(p))
		return;
	pr_debug("foo: still referenced\n");
}

static void foo_work_bad(struct work_struct *w)
{
	struct foo_id *p = container_of(w, struct foo_id, work);

	if (foo_deref(p))
		pr_err("foo: last reference dropped early\n");
	p->flags = 0; /* expect: use-after-free */
	if (foo_deref(p)) /* expect: double-free */
		return;
	pr_debug("foo: still referenced\n");
}

static struct foo_id *foo_new(work_func_t fn)
{
	struct foo_id *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	refcount_set(&p->refcount, 2);
	INIT_WORK(&p->work, fn);
	return p;
}

static int __init foo_init(void)
{
	struct foo_id *a = foo_new(foo_work_good);
	struct foo_id *b = foo_new(foo_work_bad);

	if (a)
		schedule_work(&a->work);
	if (b)
		schedule_work(&b->work);
	return 0;
}

module_init(foo_init);
MODULE_LICENSE("GPL");
