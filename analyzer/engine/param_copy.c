// SPDX-License-Identifier: GPL-2.0
/*
 * A place of the frame that holds what the caller passed.
 *
 *   int iwl_mvm_send_cmd_pdu(struct iwl_mvm *mvm, u32 id, u32 flags, ...)
 *   {
 *           struct iwl_host_cmd cmd = { .id = id, .flags = flags, };
 *
 *           return iwl_mvm_send_cmd(mvm, &cmd);
 *   }
 *
 * iwl_mvm_send_cmd() sleeps only where !(cmd->flags & CMD_ASYNC).  The
 * condition is on a field of a local struct here, and the value stored
 * there is the parameter `flags`, which the engine does not name (an
 * integer parameter has no symbolic value): the condition was lost one
 * call up, and every CMD_ASYNC sender under a spinlock or in an RCU
 * section "slept" (nine iwlwifi findings).  A store of a parameter passed
 * by value and never assigned (param_unchanged()) into a place of the
 * frame records the parameter in a path slot on the place; writing the
 * place drops it.  A checker asks which parameter a callee's subject
 * holds at a call (engine_call_subject_param()), and restates the
 * callee's condition on that parameter.
 *
 *   void ishtp_hbm_dispatch(struct ishtp_device *dev,
 *                           struct ishtp_bus_message *hdr)
 *   {
 *           struct ishtp_bus_message *ishtp_msg = hdr;
 *
 *           switch (ishtp_msg->hbm_cmd) {   // $t3 = ishtp_msg->hbm_cmd
 *
 * The other way: a place of the frame that holds a field of what a
 * pointer parameter points to, read through the parameter or a local
 * that holds its pointer.  The slot then also names the field (b: an
 * accessor id), and a test of the place is a test of "$1->hbm_cmd"
 * (engine_param_field()): the switch's cases become conditions on the
 * caller's message.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

static int copy_slot;
static struct strvec accs;	/* field accessors ("->hbm_cmd"), process-wide:
				 * slot b is index + 1 */
#define MAX_ACCS	(1 << 20)

void param_copy_init(void)
{
	static const struct slot_def def = { "engine:param-copy", SLOT_PATH,
					     NULL };

	copy_slot = engine_slot_register(&def);
}

/*
 * e reads a field of what a pointer parameter points to (hdr->cmd,
 * cmd->hdr.flags, msg->cmd after msg = hdr): the parameter, with the
 * accessor ("->cmd") in acc; else -1.  The place's subject as a caller
 * names it (store_subject(), "$1->cmd").  skip_var: the variable a store
 * just wrote, whose new value is not the one the read went through.
 */
static int param_member(struct engine *en, struct state *st,
			const struct ir_expr *e, char *acc, size_t len,
			int skip_var)
{
	const struct ir_expr *base = e;
	char *subject, *end;
	int p = -1, path;

	while (base && base->kind == EX_MEMBER)
		base = base->a;
	if (e->kind != EX_MEMBER || !base ||
	    (base->kind == EX_VAR && base->var == skip_var))
		return -1;
	path = expr_path(en, e);
	subject = path < 0 ? NULL : store_subject(en, st, path);
	if (subject && subject[0] == '$' && subject[1] >= '0' &&
	    subject[1] <= '9') {
		long n = strtol(subject + 1, &end, 10);

		if (!strncmp(end, "->", 2) && strlen(end) < len &&
		    n < INT32_MAX) {
			strcpy(acc, end);
			p = (int)n;
		}
	}
	free(subject);
	return p;
}

static int acc_id(const char *acc)
{
	size_t i;

	for (i = 0; i < accs.n; i++)
		if (!strcmp(accs.v[i], acc))
			return (int)i + 1;
	if (accs.n >= MAX_ACCS || strvec_push(&accs, acc))
		return 0;
	return (int)accs.n;
}

/* assign() stored rhs at path (canonical), after the place's old slots
 * were dropped. */
void param_copy_store(struct engine *en, struct state *st, int path,
		      const struct ir_expr *lhs, const struct ir_expr *rhs)
{
	struct slot_val v = { 0, 0 };
	char acc[256];
	int p;

	if (!rhs || !lhs || !engine_expr_in_frame(en, lhs))
		return;
	if (rhs->kind == EX_MEMBER) {
		/* t = hdr->cmd: a field of the caller's memory */
		p = param_member(en, st, rhs, acc, sizeof(acc),
				 lhs->kind == EX_VAR ? lhs->var : -1);
		if (p < 0 || !(v.b = acc_id(acc)))
			return;
		v.a = p + 1;
		slot_set(st, copy_slot, path, &v);
		return;
	}
	if (rhs->kind != EX_VAR || !param_unchanged(en, rhs->var))
		return;
	v.a = en->fn->vars[rhs->var].param + 1;
	slot_set(st, copy_slot, path, &v);
}

int engine_param_field(struct engine *en, struct state *st,
		       const struct ir_expr *e, char *acc, size_t len)
{
	const struct slot_val *s;
	int path;

	if (!e)
		return -1;
	if (e->kind == EX_MEMBER)
		return param_member(en, st, e, acc, len, -1);
	if (e->kind != EX_VAR || e->var < 0 || e->var >= en->fn->nvars ||
	    en->fn->vars[e->var].kind == VAR_GLOBAL)
		return -1;
	path = path_root_var(en, e->var);
	s = path < 0 ? NULL : slot_get(st, copy_slot, canon_path(en, st, path));
	if (!s || s->b <= 0 || (size_t)s->b > accs.n ||
	    strlen(accs.v[s->b - 1]) >= len)
		return -1;
	strcpy(acc, accs.v[s->b - 1]);
	return (int)s->a - 1;
}

int engine_call_subject_param(struct engine *en, struct state *st,
			      const struct ir_call *call, const char *subject,
			      struct value *value)
{
	struct value v;
	const struct slot_val *s;
	int path = resolve_subject(en, st, call, subject, NULL, &v);

	if (value)
		*value = path < 0 ? mkv(V_UNK) : v;
	if (path < 0)
		return -1;
	s = slot_get(st, copy_slot, canon_path(en, st, path));
	return s && !s->b ? (int)s->a - 1 : -1;
}
