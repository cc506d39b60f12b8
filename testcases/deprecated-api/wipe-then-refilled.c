// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (iavf_main.c iavf_adminq_task()'s admin queue loop,
 * drivers/net/ethernet/intel scan): a receive buffer is held in a field
 * of a local struct, and the struct's address is handed to the call
 * that fills the buffer (iavf_clean_arq_element(hw, &event, &pending)).
 * Between two messages the loop clears the buffer, and after the last
 * one it frees it.  The clear is followed by the next receive, which
 * writes the block through &event, not by the free: there is nothing
 * for kfree_sensitive() to do that the code needs.
 *
 * Twin: foo_bad_drain() clears the block after its last use and frees
 * it straight after, which is what kfree_sensitive() is for.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/net.h>
#include <linux/socket.h>
#include <linux/uio.h>

#define FOO_LEN 512

void foo_handle(const void *buf, int len);

void foo_handle(const void *buf, int len)
{
	pr_debug("foo: %d bytes at %p\n", len, buf);
}

int foo_ok_drain(struct socket *sock)
{
	struct msghdr msg = {};
	struct kvec iov;
	bool more;
	int ret;

	iov.iov_base = kzalloc(FOO_LEN, GFP_KERNEL);
	if (!iov.iov_base)
		return -ENOMEM;
	iov.iov_len = FOO_LEN;
	do {
		ret = kernel_recvmsg(sock, &msg, &iov, 1, FOO_LEN,
				     MSG_DONTWAIT);
		if (ret <= 0)
			break;
		foo_handle(iov.iov_base, ret);
		more = ret == FOO_LEN;
		if (more)
			memset(iov.iov_base, 0, FOO_LEN);
	} while (more);
	kfree(iov.iov_base);
	return ret < 0 ? ret : 0;
}

int foo_bad_drain(struct socket *sock)
{
	struct msghdr msg = {};
	struct kvec iov;
	int ret;

	iov.iov_base = kzalloc(FOO_LEN, GFP_KERNEL);
	if (!iov.iov_base)
		return -ENOMEM;
	iov.iov_len = FOO_LEN;
	ret = kernel_recvmsg(sock, &msg, &iov, 1, FOO_LEN, MSG_DONTWAIT);
	if (ret > 0)
		foo_handle(iov.iov_base, ret);
	memset(iov.iov_base, 0, FOO_LEN);
	kfree(iov.iov_base); /* expect: deprecated-api */
	return ret < 0 ? ret : 0;
}

MODULE_LICENSE("GPL");
