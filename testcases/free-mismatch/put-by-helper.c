// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (cpufreq cpufreq_policy_alloc()): after
 * kobject_init_and_add(), a later failure drops the count through a
 * helper of the file (cpufreq_policy_put_kobj(): kobject_put() of the
 * policy's kobject, then a wait for its release), and frees the block
 * itself: its ktype's release only completes a completion.  The helper's
 * put is the put (a counted-put fact in its summary): the kfree() after
 * it is the release callback's business (silent).  A failure path that
 * skips the helper still frees a counted block with kfree() (reported).
 */
#include <linux/module.h>
#include <linux/kobject.h>
#include <linux/completion.h>
#include <linux/slab.h>

struct ph_policy {
	struct kobject kobj;
	struct completion unregistered;
	int cpu;
};

static void ph_release(struct kobject *kobj)
{
	struct ph_policy *p = container_of(kobj, struct ph_policy, kobj);

	complete(&p->unregistered);
}

static struct kobj_type ph_ktype = {
	.release = ph_release,
};

static void ph_put_kobj(struct ph_policy *p)
{
	kobject_put(&p->kobj);
	wait_for_completion(&p->unregistered);
}

struct ph_policy *ph_alloc(struct kobject *parent, int cpu,
			   int (*setup)(struct ph_policy *))
{
	struct ph_policy *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	init_completion(&p->unregistered);
	if (kobject_init_and_add(&p->kobj, &ph_ktype, parent, "policy%d",
				 cpu)) {
		kobject_put(&p->kobj);
		goto err_free;
	}
	if (setup(p))
		goto err_put;
	p->cpu = cpu;
	return p;
err_put:
	ph_put_kobj(p);
err_free:
	kfree(p);
	return NULL;
}
EXPORT_SYMBOL(ph_alloc);

struct ph_policy *ph_alloc_bad(struct kobject *parent, int cpu,
			       int (*setup)(struct ph_policy *))
{
	struct ph_policy *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	init_completion(&p->unregistered);
	if (kobject_init_and_add(&p->kobj, &ph_ktype, parent, "policy%d",
				 cpu)) {
		kobject_put(&p->kobj);
		goto err_free;
	}
	if (setup(p))
		goto err_free;
	p->cpu = cpu;
	return p;
err_free:
	kfree(p); /* expect: free-mismatch */
	return NULL;
}
EXPORT_SYMBOL(ph_alloc_bad);

MODULE_LICENSE("GPL");
