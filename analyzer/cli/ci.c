// SPDX-License-Identifier: GPL-2.0
/* The options of a run in a hook or a CI job, and the findings they keep
 * (see ci.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ci.h"
#include "diff.h"
#include "output.h"
#include "../report/baseline.h"
#include "../report/suppress.h"

struct ci_state {
	struct baseline *baseline;
	struct diff_set diff;
	bool diff_on;
	struct suppress_set sup;
	char *bl_buf;			/* the baseline being written */
	size_t bl_len;
	FILE *bl;
};

void ci_init(struct ci_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->min_conf = CONF_MEDIUM;
	o->st = xcalloc(1, sizeof(*o->st));
}

int ci_parse_opt(int argc, char **argv, int *i, struct ci_opts *o)
{
	const char *v;

	if ((v = opt_value(argc, argv, i, "--min-confidence"))) {
		int c = confidence_parse(v);

		if (c < 0) {
			fprintf(stderr, "kmemlint: unknown confidence '%s' (high or medium)\n", v);
			return -1;
		}
		o->min_conf = c;
	} else if ((v = opt_value(argc, argv, i, "--baseline"))) {
		o->baseline = v;
	} else if ((v = opt_value(argc, argv, i, "--write-baseline"))) {
		o->write_baseline = v;
	} else if ((v = opt_value(argc, argv, i, "--diff"))) {
		if (v[0] == '-') {
			fprintf(stderr, "kmemlint: --diff needs a revision, not '%s'\n", v);
			return -1;
		}
		o->diff_rev = v;
	} else if (!strcmp(argv[*i], "--staged")) {
		o->staged = true;
	} else if (!strcmp(argv[*i], "--list-suppressions")) {
		o->list_suppressions = true;
	} else {
		return 0;
	}
	return 1;
}

int ci_begin(struct ci_opts *o, struct strvec *files, bool named)
{
	struct ci_state *s = o->st;

	if (o->baseline && !(s->baseline = baseline_load(o->baseline)))
		return -1;
	if (o->diff_rev || o->staged) {
		if (diff_load(&s->diff, o->diff_rev, o->staged))
			return -1;
		s->diff_on = true;
		if (!named)
			diff_c_files(&s->diff, files);
	}
	if (o->write_baseline) {
		s->bl = open_memstream(&s->bl_buf, &s->bl_len);
		if (!s->bl)
			return -1;
	}
	return 0;
}

static void keep_if(struct finding_list *fl, bool (*keep)(struct ci_opts *,
							  struct finding *),
		    struct ci_opts *o)
{
	size_t i, j = 0;

	for (i = 0; i < fl->n; i++) {
		if (!keep(o, &fl->v[i])) {
			finding_free(&fl->v[i]);
			continue;
		}
		fl->v[j++] = fl->v[i];
	}
	fl->n = j;
}

static bool sure_enough(struct ci_opts *o, struct finding *f)
{
	return (int)f->confidence <= o->min_conf;
}

static bool in_change(struct ci_opts *o, struct finding *f)
{
	return diff_covers(&o->st->diff, f->file, f->line);
}

static bool not_in_baseline(struct ci_opts *o, struct finding *f)
{
	return !baseline_match(o->st->baseline, f);
}

void ci_filter(struct ci_opts *o, const char *path, const char *name,
	       struct finding_list *fl)
{
	struct ci_state *s = o->st;
	size_t first = s->sup.n;

	/* no path: findings read back from JSON, already filtered by the
	 * suppressions of their run */
	if (path)
		suppress_scan(&s->sup, path, name);
	if (s->sup.n > first)
		suppress_apply(&s->sup, fl);
	keep_if(fl, sure_enough, o);
	if (s->diff_on)
		keep_if(fl, in_change, o);
	if (s->bl)
		baseline_write(s->bl, fl, false);
	if (s->baseline)
		keep_if(fl, not_in_baseline, o);
}

int ci_finish(struct ci_opts *o, bool append)
{
	struct ci_state *s = o->st;
	int ret = 0;
	size_t i;

	for (i = 0; i < s->sup.n; i++) {
		const struct suppression *p = &s->sup.v[i];

		if (o->list_suppressions)
			printf("%s:%u: %s: %s [%d finding%s suppressed]\n",
			       p->file, p->line, p->rule, p->reason, p->matched,
			       p->matched == 1 ? "" : "s");
		else if (!p->matched)
			fprintf(stderr, "%s:%u: kmemlint-ignore %s matches no finding: remove it\n",
				p->file, p->line, p->rule);
	}
	if (s->bl) {
		struct stat sb;
		bool header = !append || stat(o->write_baseline, &sb) ||
			      !sb.st_size;
		FILE *f = fopen(o->write_baseline, append ? "a" : "w");
		char *buf = NULL;
		size_t len = 0;
		FILE *mem;

		fclose(s->bl);
		s->bl = NULL;
		mem = open_memstream(&buf, &len);
		if (header)
			fputs("# kmemlint baseline 1\n", mem);
		fwrite(s->bl_buf, 1, s->bl_len, mem);
		fclose(mem);
		if (!f || fwrite(buf, 1, len, f) != len) {
			fprintf(stderr, "kmemlint: %s: cannot write baseline: %s\n",
				o->write_baseline, strerror(errno));
			ret = -1;
		}
		if (f && fclose(f))
			ret = -1;
		free(buf);
	}
	return ret;
}

void ci_free(struct ci_opts *o)
{
	struct ci_state *s = o->st;

	if (!s)
		return;
	baseline_free(s->baseline);
	diff_free(&s->diff);
	suppress_free(&s->sup);
	if (s->bl)
		fclose(s->bl);
	free(s->bl_buf);
	free(s);
	o->st = NULL;
}
