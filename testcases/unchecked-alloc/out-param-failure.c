// SPDX-License-Identifier: GPL-2.0
/*
 * ALSA's snd_ctl_new1() gets its control from snd_ctl_new(&kctl, ...),
 * which kzalloc()s it into the caller's pointer and returns -ENOMEM when
 * that fails; snd_ctl_new1() then returns NULL.  That NULL is an
 * allocation failure, not "none": snd_ctl_new1()'s callers must check it
 * (upstream "ALSA: ymfpci: check the return value of snd_ctl_new1()").
 * The path where the callee returned the class it returns when its
 * allocation failed is a path where an allocation failed.  foo_mixer()
 * is that bug; bar_mixer() checks; foo_lookup()'s NULL is a miss, which
 * its caller need not check before it knows it asked for something.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_ctl {
	int count;
	void *private_data;
};

static int foo_ctl_new(struct foo_ctl **kctl, unsigned int count)
{
	if (count == 0 || count > 1024)
		return -EINVAL;
	*kctl = kzalloc(sizeof(**kctl), GFP_KERNEL);
	if (!*kctl)
		return -ENOMEM;
	(*kctl)->count = count;
	return 0;
}

struct foo_ctl *foo_ctl_new1(unsigned int count, void *private_data)
{
	struct foo_ctl *kctl;
	int err;

	if (WARN_ON(!private_data))
		return NULL;
	err = foo_ctl_new(&kctl, count);
	if (err < 0)
		return NULL;
	kctl->private_data = private_data;
	return kctl;
}
EXPORT_SYMBOL_GPL(foo_ctl_new1);

int foo_mixer(void *chip)
{
	struct foo_ctl *kctl = foo_ctl_new1(2, chip);

	kctl->count = 3; /* expect: unchecked-alloc */
	kfree(kctl);
	return 0;
}
EXPORT_SYMBOL_GPL(foo_mixer);

int bar_mixer(void *chip)
{
	struct foo_ctl *kctl = foo_ctl_new1(2, chip);

	if (!kctl)
		return -ENOMEM;
	kctl->count = 3;
	kfree(kctl);
	return 0;
}
EXPORT_SYMBOL_GPL(bar_mixer);

static struct foo_ctl *foo_table[4];

static int foo_find(int idx, struct foo_ctl **out)
{
	if (idx < 0 || idx >= 4 || !foo_table[idx])
		return -ENOENT;
	*out = foo_table[idx];
	return 0;
}

struct foo_ctl *foo_lookup(int idx)
{
	struct foo_ctl *kctl;

	if (foo_find(idx, &kctl))
		return NULL;
	return kctl;
}
EXPORT_SYMBOL_GPL(foo_lookup);

int foo_touch(int idx)
{
	struct foo_ctl *kctl = foo_lookup(idx);

	if (idx == 1)
		kctl->count++;
	return 0;
}
EXPORT_SYMBOL_GPL(foo_touch);

MODULE_LICENSE("GPL");
