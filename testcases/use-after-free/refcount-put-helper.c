// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free false positive seen on real drivers: a refcount put is
 * not a free. foo_chan_put() frees only when refcount_dec_and_test(), and
 * foo_port_put() only when kref_put(), drops the last reference. Code that
 * holds a reference, takes and puts a temporary one, may go on using the
 * object: silent (foo_chan_create_good(), the *_kick_good() functions).
 * (Putting the only reference and then using the object is a real bug
 * that kmemlint does not see: it does not count references; see
 * docs/limits.md.)
 */
#include <linux/module.h>
#include <linux/kref.h>
#include <linux/refcount.h>
#include <linux/slab.h>

struct foo_chan {
	refcount_t users;
	int id;
	int state;
};

struct foo_port {
	struct kref ref;
	int busy;
};

static void foo_chan_put(struct foo_chan *ch)
{
	if (refcount_dec_and_test(&ch->users))
		kfree(ch);
}

static void foo_port_release(struct kref *ref)
{
	kfree(container_of(ref, struct foo_port, ref));
}

static void foo_port_put(struct foo_port *port)
{
	kref_put(&port->ref, foo_port_release);
}

int foo_chan_create_good(struct foo_chan **out, int id)
{
	struct foo_chan *ch = kzalloc(sizeof(*ch), GFP_KERNEL);

	if (!ch)
		return -ENOMEM;
	refcount_set(&ch->users, 1);
	refcount_inc(&ch->users);	/* for the announce below */
	ch->state = 1;
	foo_chan_put(ch);
	ch->id = id;
	*out = ch;
	return 0;
}

void foo_chan_kick_good(struct foo_chan *ch)
{
	refcount_inc(&ch->users);
	ch->state = 1;
	foo_chan_put(ch);
	ch->state = 0;
}

void foo_port_kick_good(struct foo_port *port)
{
	kref_get(&port->ref);
	port->busy = 1;
	foo_port_put(port);
	port->busy = 0;
}

MODULE_LICENSE("GPL");
