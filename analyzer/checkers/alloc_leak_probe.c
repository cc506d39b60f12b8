// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak in a driver's probe: priv = devm_kzalloc(...) goes to the
 * driver data (platform_set_drvdata(pdev, priv)), then priv->wq =
 * alloc_workqueue(...), then a later step fails and probe returns its
 * error.  The driver data normally keeps priv, and remove() releases
 * what it holds; but remove() never runs after a failed probe, and the
 * driver core frees the device's devres, priv with it, so the workqueue
 * is lost.  The handover of devm memory to an `owner ... bound=yes` sink
 * does not hand over what the memory holds (alloc_leak.c); at an error
 * return of a function stored in a `field ... devres=yes` (the probe of
 * platform, pci, usb, i2c, spi... drivers), what only such memory holds
 * is leaked.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checkers.h"
#include "../util/strvec.h"
#include "alloc_leak.h"

/* Is the store one into a place kept while the device is bound: an
 * `owner ... bound=yes` function (dev_set_drvdata()) or a `field ...
 * bound=yes` ("struct device::driver_data")? */
bool al_bound_store(const struct store_info *s)
{
	const struct api_entry *api = NULL;
	const char *sep;

	if (s->sink) {
		api = api_lookup(s->sink);
	} else if (s->field_key && (sep = strstr(s->field_key, "::")) &&
		   !strchr(sep + 2, '.') && !strchr(sep + 2, '[')) {
		char *rec = xstrfmt("%.*s", (int)(sep - s->field_key),
				    s->field_key);

		api = api_field_entry(rec, sep + 2);
		free(rec);
	}
	return api && api->owner_bound;
}

/* Is id devm memory of this function in the driver data (given up to a
 * bound=yes place only)?  What is stored into it later is held by it. */
bool al_bound_devm(struct engine *en, struct state *st, int32_t id)
{
	return al_gone_why(st, id) == GONE_BOUND && al_managed(en, st, id);
}

/* Is id devm memory this function allocated? */
bool al_managed(struct engine *en, struct state *st, int32_t id)
{
	struct objst tmp;
	const struct objst *o = id >= 0 ? engine_obj(en, st, id, &tmp) : NULL;

	return o && api_family_managed(o->family);
}

/* Is this function a driver's probe (stored in a devres=yes field by a
 * static initialiser of the file or of another file of the scan)? */
static bool probe_fn(struct engine *en)
{
	const struct ir_fn_init *fi;
	const char *fn = engine_fn_name(en);
	int n = engine_fn_inits(en, fn, &fi), i;

	for (i = 0; i < n; i++) {
		const struct api_entry *api;

		if (strcmp(fi[i].fn, fn))
			continue;
		api = api_field_entry(fi[i].rec, fi[i].field);
		if (api && api->field_devres)
			return true;
	}
	return false;
}

void al_probe_return(struct engine *en, struct state *st,
		     const struct return_info *r)
{
	int32_t id, c;
	bool unnamed;
	int pos = 0;

	if (!r->has_value || r->success || r->maybe_success ||
	    engine_path_warned(st) || !probe_fn(en))
		return;
	while (al_held_iter(st, &pos, &id, &c, &unnamed)) {
		struct trace_note notes[6];
		struct obj_origin org, corg;
		struct objst tmp;
		const struct objst *o = engine_obj(en, st, id, &tmp);
		int n;

		if (unnamed || !o || id < 0 || o->null == NL_NULL ||
		    (o->flags & OF_JOINED) || al_gone_why(st, id) ||
		    al_managed(en, st, id) || !al_bound_devm(en, st, c) ||
		    !engine_origin(en, id, &org) || !org.callee || org.fn ||
		    org.many || !engine_origin(en, c, &corg) || !corg.callee)
			continue;
		n = engine_alloc_note(en, id, notes);
		notes[n].file = NULL;
		notes[n].loc = corg.loc;
		notes[n++].msg = xstrfmt("it is kept in the %s() memory allocated here, which the driver data holds",
					 corg.callee);
		notes[n].file = NULL;
		notes[n].loc = r->loc;
		notes[n++].msg = xstrfmt("%s() fails here: the driver core frees its devm memory and never calls remove()",
					 engine_fn_name(en));
		engine_report(en, "alloc-leak", r->loc,
			      xstrfmt("memory from %s() is leaked on this path: the probe fails, and only devm memory holds it",
				      org.callee),
			      notes, n);
	}
}
