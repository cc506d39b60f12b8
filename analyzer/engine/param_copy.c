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
 */
#include <stdint.h>
#include <stdlib.h>

#include "engine_impl.h"

static int copy_slot;

void param_copy_init(void)
{
	static const struct slot_def def = { "engine:param-copy", SLOT_PATH,
					     NULL };

	copy_slot = engine_slot_register(&def);
}

/* assign() stored rhs at path (canonical), after the place's old slots
 * were dropped. */
void param_copy_store(struct engine *en, struct state *st, int path,
		      const struct ir_expr *lhs, const struct ir_expr *rhs)
{
	struct slot_val v = { 0, 0 };

	if (!rhs || rhs->kind != EX_VAR || !lhs ||
	    !engine_expr_in_frame(en, lhs) || !param_unchanged(en, rhs->var))
		return;
	v.a = en->fn->vars[rhs->var].param + 1;
	slot_set(st, copy_slot, path, &v);
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
	return s ? (int)s->a - 1 : -1;
}
