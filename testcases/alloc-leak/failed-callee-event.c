// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak across a failure (alloc_leak_failed.c) in an event
 * callback whose events are separate entries: DAPM's
 * snd_soc_dai_link_event() stores a kzalloc()'d runtime on PRE_PMU
 * (snd_soc_dai_link_event_pre_pmu() fails after the store) and frees it
 * on POST_PMD, which DAPM sends whether the power-up event failed or
 * not.  The release on the other event is not an unwind the failing
 * one missed: foo_event() is silent.  bar_event() frees the block on
 * the same event, after a later step fails, and not when its helper
 * fails: reported at the helper's failing return.
 */
#include <linux/module.h>
#include <linux/slab.h>

enum { FOO_PRE_UP, FOO_POST_DOWN };

struct foo_rt {
	int rate;
};

struct foo_widget {
	struct foo_rt *rt;
	int state;
};

struct foo_widget_ops {
	int (*event)(struct foo_widget *w, int event);
};

int (*foo_hw_start)(struct foo_widget *w);
EXPORT_SYMBOL_GPL(foo_hw_start);

static int foo_pre_up(struct foo_widget *w)
{
	struct foo_rt *rt = kzalloc(sizeof(*rt), GFP_KERNEL);

	if (!rt)
		return -ENOMEM;
	w->rt = rt;
	if (w->state < 0)
		return -EINVAL;
	rt->rate = w->state;
	return 0;
}

static int foo_event(struct foo_widget *w, int event)
{
	switch (event) {
	case FOO_PRE_UP:
		return foo_pre_up(w);
	case FOO_POST_DOWN:
		kfree(w->rt);
		w->rt = NULL;
		break;
	}
	return 0;
}

static int bar_pre_up(struct foo_widget *w)
{
	struct foo_rt *rt = kzalloc(sizeof(*rt), GFP_KERNEL);

	if (!rt)
		return -ENOMEM;
	w->rt = rt;
	if (w->state < 0)
		return -EINVAL; /* expect: alloc-leak */
	rt->rate = w->state;
	return 0;
}

static int bar_event(struct foo_widget *w, int event)
{
	int err;

	switch (event) {
	case FOO_PRE_UP:
		err = bar_pre_up(w);
		if (err)
			return err;
		err = foo_hw_start(w);
		if (err) {
			kfree(w->rt);
			w->rt = NULL;
		}
		return err;
	case FOO_POST_DOWN:
		kfree(w->rt);
		w->rt = NULL;
		break;
	}
	return 0;
}

const struct foo_widget_ops foo_ops = { .event = foo_event };
EXPORT_SYMBOL_GPL(foo_ops);
const struct foo_widget_ops bar_ops = { .event = bar_event };
EXPORT_SYMBOL_GPL(bar_ops);

MODULE_LICENSE("GPL");
