// SPDX-License-Identifier: GPL-2.0
/*
 * A function the engine does not see, handed a pointer, may fill the
 * array it points to: ps2_command(ps2dev, param, PSMOUSE_CMD_GETINFO)
 * writes the device's answer over the 0xff its caller put there,
 * i2c_master_recv(client, buf, n) and usb_control_msg(..., data, ...)
 * the bytes read.  What the path knew of the array's elements, written
 * or read before the call, is forgotten; a test of the answer is not
 * decided by what the buffer held before the request.
 *
 * Only elements (p[k], *p, a->buf[k] of an array member): the fields
 * of a struct handed to a function of another file are taken to keep
 * the values this function wrote or tested (calls.c), and a pointer an
 * element holds stays where it is (what owns it is alloc-leak's
 * business).
 */
#include <stdlib.h>

#include "engine_impl.h"

/* p is a place inside an element of the array at path arr: arr[k],
 * arr[k].f, arr[k].s[2], not a place reached through a pointer the
 * element holds */
static bool in_element(const struct engine *en, int p, int arr)
{
	while (p >= 0 && (en->paths[p].kind == '.' ||
			  en->paths[p].kind == '[')) {
		if (en->paths[p].kind == '[' && en->paths[p].parent == arr)
			return true;
		if (en->paths[p].deref)
			return false;
		p = en->paths[p].parent;
	}
	return false;
}

/* the array a pointer value points into, as a path, or -1 */
static int array_of(struct engine *en, struct value v)
{
	const struct sym *s;
	int p;

	if (v.kind != V_OBJ)
		return -1;
	if (engine_obj_within(en, v.obj) == v.obj)
		return path_object(en, v.obj);
	s = sym_of(en, v.obj);
	if (!s || s->kind != SYM_ADDR || s->place < 0)
		return -1;
	p = s->place;
	/* &buf[0]: buf; an array member decayed (a->rx_buf): itself */
	if (en->paths[p].kind == '[' && !en->paths[p].idx_expr &&
	    en->paths[p].idx == 0)
		return en->paths[p].parent;
	return p;
}

static void forget_place(struct engine *en, struct state *st, int p,
			 struct ir_loc loc)
{
	struct value unk = mkv(V_UNK);

	en->assign_forgets = true;
	assign(en, st, p, &unk, NULL, loc);
	en->assign_forgets = false;
}

void call_fills(struct engine *en, struct state *st, const struct value *args,
		int n, struct ir_loc loc)
{
	int *paths, np, i, j, k, arr;

	for (k = 0; k < n; k++) {
		arr = array_of(en, args[k]);
		if (arr < 0)
			continue;
		paths = malloc(((size_t)st->nb + (size_t)en->nsyms + 1) *
			       sizeof(*paths));
		if (!paths)
			return;
		np = 0;
		/* the elements this path wrote (not the pointers they hold)
		 * and the ones it read as they were on entry */
		for (i = 0; i < st->nb; i++)
			if (st->b[i].v.kind != V_OBJ &&
			    in_element(en, st->b[i].path, arr))
				paths[np++] = st->b[i].path;
		for (i = 0; i < en->nsyms; i++) {
			int p;

			if (en->syms[i].kind != SYM_FIELD ||
			    en->syms[i].place < 0)
				continue;
			p = canon_path(en, st, en->syms[i].place);
			if (en->paths[p].type != PT_OTHER ||
			    !in_element(en, p, arr))
				continue;
			for (j = 0; j < np && paths[j] != p; j++)
				;
			if (j == np)
				paths[np++] = p;
		}
		for (i = 0; i < np; i++)
			forget_place(en, st, paths[i], loc);
		free(paths);
	}
}
