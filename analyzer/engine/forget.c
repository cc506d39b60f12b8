// SPDX-License-Identifier: GPL-2.0
/*
 * Forgetting outside an assignment: the memory of an object that is
 * gone, a local an unseen call may fill, the locals no later code reads,
 * and every place of a field a callee wrote.  What only the forgotten
 * places held is lost (or forgotten: the memory may still hold it).
 */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "drop.h"

/* Object id is gone (freed memory forgotten, made again, unreachable):
 * forget what its memory held, and what only it held is lost.  Only
 * forgotten when id was (urb[i] once i moves on: the memory still holds
 * it, and what it holds: u->setup_packet = &reqp->setup). */
void forget_object_memory(struct engine *en, struct state *st, int32_t id,
			  struct ir_loc loc, bool forgotten)
{
	struct drop_arg d = { en, id, NULL, 0, 0, st, false };

	drop_in_object(en, st, &d);
	fire_lost_list(en, st, &d, loc, forgotten);
}

/* a binding under root (root too) that holds no tracked object */
static bool plain_under(void *arg, int path)
{
	struct drop_arg *d = arg;
	const struct value *v;

	if (!path_is_under(d->en, path, d->root))
		return false;
	v = state_get(d->st, path);
	return !v || v->kind != V_OBJ;
}

/*
 * A call the engine cannot see was given the address of a local (or of
 * a place that holds it: cfg.h = &hdr; mpt_config(ioc, &cfg)): it may
 * fill what the path wrote there (hdr.ExtPageLength = 0 before the call
 * that reads the page header into hdr).  The values the path knew go;
 * pointers to tracked objects stay, as the callee is given them to use.
 * Places in memory (a field through a pointer, a global) are not local:
 * such a callee is assumed not to change what the function wrote there.
 */
void forget_local_fill(struct engine *en, struct state *st, int path)
{
	struct drop_arg d = { en, path, NULL, 0, 0, st, false };
	const struct path *root;

	if (path < 0 || memory_path(en, path))
		return;
	state_drop_if_after(st, path - 1, plain_under, &d);
	state_drop_path_slots(st, is_subpath, &d);
	/* a test of the local repeated after the call is a new test, and
	 * a pure call given it no longer answers the same */
	root = &en->paths[en->paths[path].root];
	if (root->kind == 'v') {
		retest_forget_var(st, root->var);
		purecall_forget_var(en, st, root->var);
	}
}

struct dead_arg {
	struct drop_arg *d;
	const uint64_t *live;
	int block;
};

static bool rooted_dead(void *arg, int path)
{
	struct dead_arg *da = arg;
	struct engine *en = da->d->en;
	int p = en->paths[path].root;

	if (en->paths[p].kind != 'v' ||
	    liveness_live(en->fn, da->live, da->block, en->paths[p].var))
		return false;
	note_lost(da->d, path);
	return true;
}

/* An element of a local array (pool[n++] = skb): the code may read it
 * back under another index (pool[i] in a loop) the engine does not
 * relate to this one. */
static bool array_element(struct engine *en, int path)
{
	int p;

	for (p = path; p >= 0; p = en->paths[p].parent)
		if (en->paths[p].kind == '[' && !en->paths[p].deref)
			return true;
	return false;
}

static bool rooted_dead_element(void *arg, int path)
{
	struct dead_arg *da = arg;

	return array_element(da->d->en, path) && rooted_dead(arg, path);
}

/* At the start of block: forget the locals no later code reads.  What
 * only a local array's elements held is forgotten, not lost (it may have
 * been read back and handed over under another index). */
void forget_dead_vars(struct engine *en, struct state *st,
		      const uint64_t *live, int block, struct ir_loc loc)
{
	struct drop_arg d = { en, 0, NULL, 0, 0, st, false };
	struct dead_arg da = { &d, live, block };

	state_drop_if(st, rooted_dead_element, &da);
	fire_lost_list(en, st, &d, loc, true);
	state_drop_if(st, rooted_dead, &da);
	fire_lost_list(en, st, &d, loc, false);
}

struct key_drop {
	struct drop_arg *d;
	const char *key;
};

static bool has_field_key(void *arg, int path)
{
	struct key_drop *kd = arg;
	char buf[512];
	const char *k = path_field_key(kd->d->en, path, buf, sizeof(buf));

	if (!k || strcmp(k, kd->key))
		return false;
	note_lost(kd->d, path);
	return true;
}

/* The same, for the path slots keyed by such a place: nothing is lost. */
static bool slot_has_field_key(void *arg, int path)
{
	struct key_drop *kd = arg;
	char buf[512];
	const char *k = path_field_key(kd->d->en, path, buf, sizeof(buf));

	return k && !strcmp(k, kd->key);
}

/*
 * A callee wrote some place of this field, which the caller cannot name
 * (an element of an array through another object): every place of the
 * field may hold something else now.
 */
void forget_field_key(struct engine *en, struct state *st, const char *key,
		      struct ir_loc loc)
{
	struct drop_arg d = { en, 0, NULL, 0, 0, st, false };
	struct key_drop kd = { &d, key };
	int i;

	state_drop_if(st, has_field_key, &kd);
	state_drop_path_slots(st, slot_has_field_key, &kd);
	purecall_store(en, st, key);
	for (i = 0; i < en->nsyms; i++)
		if (en->syms[i].field_key && !strcmp(en->syms[i].field_key, key))
			obj_reset(en, st, sym_id(i));	/* and what was read through it */
	fire_lost_list(en, st, &d, loc, true);
}
