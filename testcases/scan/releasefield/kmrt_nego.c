// SPDX-License-Identifier: GPL-2.0
/*
 * The iSCSI target's login drop (iscsi_target_login_drop(): the release
 * of iscsi_target_nego.c, then iscsi_target_login_sess_out() of
 * iscsi_target_login.c, which releases the login again and frees the
 * connection).  The release clears conn->login, so the teardown's own
 * release finds it NULL: kmrt_drop() frees nothing twice.  The teardown's
 * summary frees conn->login's blocks and conn; replayed in that order,
 * conn->login is read before conn is gone.  kmrt_drop_bad() uses a
 * release that keeps the stale pointer.
 */
#include "kmrt.h"

void kmrt_login_release(struct kmrt_conn *conn)
{
	struct kmrt_login *login = conn->login;

	if (!login)
		return;
	kfree(login->req_buf);
	kfree(login->rsp_buf);
	kfree(login);
	conn->login = NULL;
}

void kmrt_login_release_keep(struct kmrt_conn *conn)
{
	struct kmrt_login *login = conn->login;

	if (!login)
		return;
	kfree(login->req_buf);
	kfree(login->rsp_buf);
	kfree(login);
}

void kmrt_drop(struct kmrt_conn *conn);
void kmrt_drop(struct kmrt_conn *conn)
{
	kmrt_login_release(conn);
	kmrt_sess_out(conn);
}

void kmrt_drop_bad(struct kmrt_conn *conn);
void kmrt_drop_bad(struct kmrt_conn *conn)
{
	kmrt_login_release_keep(conn);
	kmrt_sess_out(conn);
}
