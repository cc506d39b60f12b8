// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include "kmrt.h"

int kmrt_login_init(struct kmrt_conn *conn)
{
	struct kmrt_login *login = kzalloc(sizeof(*login), GFP_KERNEL);

	if (!login)
		return -ENOMEM;
	login->req_buf = kzalloc(64, GFP_KERNEL);
	login->rsp_buf = kzalloc(64, GFP_KERNEL);
	if (!login->req_buf || !login->rsp_buf) {
		kfree(login->req_buf);
		kfree(login->rsp_buf);
		kfree(login);
		return -ENOMEM;
	}
	conn->login = login;
	return 0;
}

void kmrt_sess_out(struct kmrt_conn *conn)
{
	kfree(conn->ops);
	kmrt_login_release(conn);
	kfree(conn);
}
MODULE_LICENSE("GPL");
