// SPDX-License-Identifier: GPL-2.0
/* Text dump of a function's CFG, for `kmemlint --dump-ir` and debugging. */
#include <stdio.h>

#include "ir.h"

static const char *const cmp_names[] = { "==", "!=", "<", ">", "<=", ">=" };
static const char *const ar_names[] = { "+", "-", "*", "/", "%", "&", "|",
					"^", "<<", ">>", "neg", "~", "op" };

void ir_dump_expr(const struct ir_func *fn, const struct ir_expr *e, void *fp)
{
	FILE *f = fp;

	if (!e) {
		fputs("<null>", f);
		return;
	}
	switch (e->kind) {
	case EX_UNKNOWN: fputs("?", f); break;
	case EX_CONST: fprintf(f, "%lld", (long long)e->ival); break;
	case EX_STR: fputs("\"...\"", f); break;
	case EX_FUNC: fprintf(f, "%s", e->field); break;
	case EX_VAR: fputs(fn->vars[e->var].name, f); break;
	case EX_MEMBER:
		ir_dump_expr(fn, e->a, f);
		fprintf(f, "%s%s", e->arrow ? "->" : ".", e->field);
		break;
	case EX_INDEX:
		ir_dump_expr(fn, e->a, f);
		fputc('[', f);
		ir_dump_expr(fn, e->b, f);
		fputs(e->base_is_ptr ? "]" : "]a", f);
		break;
	case EX_DEREF: fputc('*', f); ir_dump_expr(fn, e->a, f); break;
	case EX_ADDR: fputc('&', f); ir_dump_expr(fn, e->a, f); break;
	case EX_NOT: fputc('!', f); ir_dump_expr(fn, e->a, f); break;
	case EX_CMP:
	case EX_ARITH:
		fputc('(', f);
		ir_dump_expr(fn, e->a, f);
		fprintf(f, " %s ", e->kind == EX_CMP ? cmp_names[e->op] :
			ar_names[e->op]);
		if (e->b)
			ir_dump_expr(fn, e->b, f);
		fputc(')', f);
		break;
	}
}

void ir_dump(const struct ir_func *fn, void *fp)
{
	FILE *f = fp;
	int i, j, k;

	fprintf(f, "function %s (%s:%u)\n", fn->name, fn->file, fn->loc.line);
	for (i = 0; i < fn->nblocks; i++) {
		const struct ir_block *b = &fn->blocks[i];

		fprintf(f, "  b%d:\n", i);
		for (j = 0; j < b->ninsns; j++) {
			const struct ir_insn *in = &b->insns[j];

			fprintf(f, "    %u: ", in->loc.line);
			if (in->kind == I_ASSIGN) {
				ir_dump_expr(fn, in->lhs, f);
				fputs(" = ", f);
				ir_dump_expr(fn, in->rhs, f);
			} else if (in->kind == I_USE || in->kind == I_ESCAPE) {
				fputs(in->kind == I_USE ? "use " : "escape ", f);
				ir_dump_expr(fn, in->rhs, f);
			} else {
				const struct ir_call *c = in->call;

				if (c->dest) {
					ir_dump_expr(fn, c->dest, f);
					fputs(" = ", f);
				}
				fprintf(f, "%s(", c->callee ? c->callee : "(*)");
				for (k = 0; k < c->nargs; k++) {
					if (k)
						fputs(", ", f);
					ir_dump_expr(fn, c->args[k], f);
				}
				fprintf(f, ")  #site%d%s", c->site,
					c->result_unused ? " unused" : "");
			}
			fputc('\n', f);
		}
		switch (b->term) {
		case T_GOTO: fprintf(f, "    goto b%d\n", b->succ[0]); break;
		case T_BRANCH:
			fputs("    if ", f);
			ir_dump_expr(fn, b->cond, f);
			fprintf(f, " b%d else b%d\n", b->succ[0], b->succ[1]);
			break;
		case T_RETURN:
			fputs("    return ", f);
			if (b->ret)
				ir_dump_expr(fn, b->ret, f);
			fputc('\n', f);
			break;
		case T_UNREACHABLE: fputs("    unreachable\n", f); break;
		default: fputs("    <open>\n", f); break;
		}
	}
}
