// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/char/ipmi/ipmi_msghandler.c, handle_ipmb_get_msg_cmd()
 * and three more): a receiver found on the list has a user, since the one
 * store into rcvr->user (ipmi_register_for_cmd()) stores a user already
 * tested.  The handler allocates a message for the receiver's user, then
 * tests the user: the branch for "no user" is taken only when no receiver
 * was found, where nothing was allocated.  struct foo_rcvr is the file's
 * own type, so no other file writes its fields: foo_handle() is silent.
 * struct bar_rcvr's user is also set from bar_register()'s untested
 * argument, so a receiver may have none: the message leaks there.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>

struct foo_user {
	struct list_head msgs;
	int id;
};

struct foo_msg {
	struct list_head link;
	struct foo_user *user;
	int cmd;
};

struct foo_rcvr {
	struct list_head link;
	struct foo_user *user;
	int cmd;
};

static LIST_HEAD(foo_rcvrs);

int foo_register(struct foo_user *user, int cmd)
{
	struct foo_rcvr *r;

	if (!user)
		return -EINVAL;
	r = kmalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	r->user = user;
	r->cmd = cmd;
	list_add(&r->link, &foo_rcvrs);
	return 0;
}
EXPORT_SYMBOL_GPL(foo_register);

static struct foo_rcvr *foo_find(int cmd)
{
	struct foo_rcvr *r;

	list_for_each_entry(r, &foo_rcvrs, link)
		if (r->cmd == cmd)
			return r;
	return NULL;
}

static struct foo_msg *foo_alloc_msg(struct foo_user *user, int cmd)
{
	struct foo_msg *m = kmalloc(sizeof(*m), GFP_ATOMIC);

	if (!m)
		return NULL;
	m->user = user;
	m->cmd = cmd;
	return m;
}

int foo_handle(int cmd)
{
	struct foo_user *user = NULL;
	struct foo_msg *msg = NULL;
	struct foo_rcvr *r;

	r = foo_find(cmd);
	if (r) {
		user = r->user;
		msg = foo_alloc_msg(user, cmd);
	}
	if (!user) {
		pr_debug("no receiver for %d\n", cmd);
		return 0;
	} else if (msg) {
		list_add_tail(&msg->link, &user->msgs);
		return 1;
	}
	return -ENOMEM;
}
EXPORT_SYMBOL_GPL(foo_handle);

struct bar_user {
	struct list_head msgs;
};

struct bar_msg {
	struct list_head link;
	int cmd;
};

struct bar_rcvr {
	struct list_head link;
	struct bar_user *user;
	int cmd;
};

static LIST_HEAD(bar_rcvrs);

int bar_register(struct bar_user *user, int cmd)
{
	struct bar_rcvr *r = kmalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	r->user = user;
	r->cmd = cmd;
	list_add(&r->link, &bar_rcvrs);
	return 0;
}
EXPORT_SYMBOL_GPL(bar_register);

int bar_handle(int cmd)
{
	struct bar_user *user = NULL;
	struct bar_msg *msg = NULL;
	struct bar_rcvr *r;

	list_for_each_entry(r, &bar_rcvrs, link) {
		if (r->cmd == cmd) {
			user = r->user;
			msg = kmalloc(sizeof(*msg), GFP_ATOMIC);
			break;
		}
	}
	if (!user) {
		pr_debug("no receiver for %d\n", cmd); /* expect: alloc-leak */
		return 0;
	} else if (msg) {
		list_add_tail(&msg->link, &user->msgs);
		return 1;
	}
	return -ENOMEM;
}
EXPORT_SYMBOL_GPL(bar_handle);
MODULE_LICENSE("GPL");
