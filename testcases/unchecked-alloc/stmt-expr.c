// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: a driver macro written as a GNU statement expression,
 * `({ ... })`, that allocates, initialises when non-NULL, and yields the
 * pointer. The value it yields may still be NULL.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_priv;

struct foo_job {
	struct foo_priv *owner;
	int prio;
};

struct foo_priv {
	struct foo_job *job;
};

#define foo_job_new(priv)						\
({									\
	struct foo_job *__job = kzalloc(sizeof(*__job), GFP_KERNEL);	\
	if (__job)							\
		__job->owner = (priv);					\
	__job;								\
})

int foo_job_bad(struct foo_priv *priv, int prio)
{
	struct foo_job *job = foo_job_new(priv);

	job->prio = prio; /* expect: unchecked-alloc */
	priv->job = job;
	return 0;
}

int foo_job_good(struct foo_priv *priv, int prio)
{
	struct foo_job *job = foo_job_new(priv);

	if (!job)
		return -ENOMEM;
	job->prio = prio;
	priv->job = job;
	return 0;
}

MODULE_LICENSE("GPL");
