// SPDX-License-Identifier: GPL-2.0
/* Findings and their trace notes, as the checkers report them. */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

bool engine_reporting(struct engine *en)
{
	return en->pass == PASS_REPORT && en->fn->in_main_file;
}

const char *engine_fn_name(struct engine *en)
{
	return en->fn->name;
}

int engine_alloc_note(struct engine *en, int32_t id, struct trace_note *n)
{
	struct obj_origin o;

	if (!engine_origin(en, id, &o) || !o.callee)
		return 0;
	n->file = NULL;
	n->loc = o.loc;
	if (o.fn)
		n->msg = xstrfmt("allocated here by %s() in %s(), stored in %s",
				 o.callee, o.fn, o.field_key);
	else
		n->msg = xstrfmt("allocated here by %s()", o.callee);
	return 1;
}

void engine_report(struct engine *en, const char *rule, struct ir_loc loc,
		   char *msg, struct trace_note *notes, int nnotes)
{
	struct finding f;
	int i;

	if (!engine_reporting(en)) {
		free(msg);
		for (i = 0; i < nnotes; i++)
			free(notes[i].msg);
		return;
	}
	memset(&f, 0, sizeof(f));
	f.file = xstrdup(en->fn->file);
	f.line = loc.line;
	f.col = loc.col;
	f.function = xstrdup(en->fn->name);
	f.rule = xstrdup(rule);
	f.message = msg;
	f.notes = nnotes ? xcalloc(nnotes, sizeof(*f.notes)) : NULL;
	f.nnotes = nnotes;
	for (i = 0; i < nnotes; i++) {
		f.notes[i].file = xstrdup(notes[i].file ? notes[i].file :
					  en->fn->file);
		f.notes[i].line = notes[i].loc.line;
		f.notes[i].col = notes[i].loc.col;
		f.notes[i].msg = notes[i].msg;
	}
	findings_add(en->unit->out, &f);
}
