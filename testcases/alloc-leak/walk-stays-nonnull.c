// SPDX-License-Identifier: GPL-2.0
/*
 * A pointer walked along a local array (mthd++) is not NULL, however far
 * it went: nouveau's nvbios_shadow() (nvkm/subdev/bios/shadow.c in linux
 * 6.1) walks a local table of methods with mthd++, sets best = mthd when
 * no method matched the user's choice, tests best->score, and later skips
 * the full scan when `!best || !best->score` is false.  The engine lost
 * track of mthd after its second step and took best as maybe NULL there,
 * so the path that skipped the kfree() of the user's string (best->score
 * non-zero) could come back with best->score zero: a false leak of
 * `source`.  foo_shadow() is that function; foo_walk_end() the shortest
 * form of it.
 *
 * Reported: foo_pick_bad(), which returns on a zero score without freeing
 * the string.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_method {
	const char *name;
};

struct foo_shadow {
	int skip;
	const struct foo_method *func;
	int score;
	void *data;
};

static const struct foo_method foo_of = { "OF" };
static const struct foo_method foo_prom = { "PROM" };
static const struct foo_method foo_fw = { NULL };

int foo_method_load(struct foo_shadow *m, const char *src)
{
	m->data = kmalloc(64, GFP_KERNEL);
	if (!m->data)
		return 0;
	m->score = src ? 2 : 1;
	return m->score;
}

int foo_shadow(const char *opt, int len, void **image)
{
	struct foo_shadow mthds[] = {
		{ 0, &foo_of },
		{ 1, &foo_prom },
		{}
	}, *mthd, *best = NULL;
	char *source;

	source = opt ? kstrndup(opt, len, GFP_KERNEL) : NULL;
	if (source) {
		for (mthd = mthds; mthd->func; mthd++) {
			if (mthd->func->name &&
			    !strcasecmp(source, mthd->func->name)) {
				best = mthd;
				if (foo_method_load(mthd, NULL))
					break;
			}
		}
		if (!best && (best = mthd)) {
			mthd->func = &foo_fw;
			foo_method_load(mthd, source);
			mthd->func = NULL;
		}
		if (!best->score) {
			kfree(source);
			source = NULL;
		}
	}

	if (!best || !best->score) {
		for (mthd = mthds, best = mthd; mthd->func; mthd++) {
			if (!mthd->skip || best->score < mthd->skip) {
				if (foo_method_load(mthd, NULL)) {
					if (mthd->score > best->score)
						best = mthd;
				}
			}
		}
	}

	for (mthd = mthds; mthd->func; mthd++) {
		if (mthd != best)
			kfree(mthd->data);
	}

	if (!best->score)
		return -EINVAL;

	*image = best->data;
	kfree(source);
	return 0;
}

int foo_walk_end(void)
{
	struct foo_shadow mthds[] = { { 0, &foo_of }, { 1, &foo_prom }, {} };
	struct foo_shadow *mthd, *best;
	char *s = kmalloc(16, GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	for (mthd = mthds; mthd->func; mthd++)
		foo_method_load(mthd, s);
	best = mthd;
	if (!best)
		return -EINVAL;
	for (mthd = mthds; mthd->func; mthd++)
		kfree(mthd->data);
	kfree(s);
	return 0;
}

int foo_pick_bad(const char *opt, int len)
{
	struct foo_shadow mthds[] = { { 0, &foo_of }, { 1, &foo_prom }, {} };
	struct foo_shadow *mthd, *best = NULL;
	char *source = kstrndup(opt, len, GFP_KERNEL);

	if (!source)
		return -ENOMEM;
	for (mthd = mthds; mthd->func; mthd++) {
		if (!strcasecmp(source, mthd->func->name))
			best = mthd;
	}
	if (!best)
		best = mthd;
	if (!best->score) /* expect-note: alloc-leak */
		return -EINVAL; /* expect: alloc-leak */
	kfree(source);
	return 0;
}

MODULE_LICENSE("GPL");
