/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KMRT_H
#define KMRT_H
#include <linux/slab.h>

struct kmrt_login {
	void *req_buf;
	void *rsp_buf;
};

struct kmrt_conn {
	struct kmrt_login *login;
	void *ops;
};

int kmrt_login_init(struct kmrt_conn *conn);
void kmrt_login_release(struct kmrt_conn *conn);
void kmrt_login_release_keep(struct kmrt_conn *conn);
void kmrt_sess_out(struct kmrt_conn *conn);
#endif
