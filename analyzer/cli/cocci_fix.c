// SPDX-License-Identifier: GPL-2.0
/*
 * --fix (see cocci.h): the patch-mode hunks of the semantic patches that
 * change the line of an engine finding (or of one of its notes), applied
 * rule after rule to a copy of the file; the diff of the copy is the fix.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cocci_int.h"
#include "spawn.h"

/* Is line an anchor of an engine finding of rule in path: the finding's
 * line or one of its notes'?  Marks the findings it anchors when mark. */
static bool anchor(struct finding_list *fl, const char *path,
		   const char *rule, unsigned line, bool mark)
{
	bool hit = false;
	size_t i;
	int j;

	for (i = 0; i < fl->n; i++) {
		struct finding *f = &fl->v[i];
		bool here = false;

		if (!(f->engines & ENGINE_KMEMLINT) || strcmp(f->rule, rule) ||
		    strcmp(f->file, path))
			continue;
		if (f->line == line)
			here = true;
		for (j = 0; j < f->nnotes && !here; j++)
			if (f->notes[j].line == line &&
			    !strcmp(f->notes[j].file, path))
				here = true;
		if (here) {
			hit = true;
			if (mark)
				f->fix = true;
		}
	}
	return hit;
}

/*
 * The hunks of a patch-mode diff that change an anchor line (a removed
 * line, or the line an insertion follows), with headers naming target:
 * NULL when none.
 */
static char *keep_hunks(char *diff, struct finding_list *fl,
			const char *path, const char *rule, const char *target)
{
	char *buf = NULL, *line, *save, *hunk = NULL;
	size_t len = 0, hlen = 0;
	FILE *m = open_memstream(&buf, &len), *h = NULL;
	unsigned old = 0;
	bool keep = false, any = false;

	if (!m)
		return NULL;
	fprintf(m, "--- %s\n+++ %s\n", target, target);
	for (line = strtok_r(diff, "\n", &save); ; line = strtok_r(NULL, "\n", &save)) {
		bool start = !line || !strncmp(line, "@@ ", 3);

		if (start && h) {
			fclose(h);
			if (keep) {
				fputs(hunk, m);
				any = true;
			}
			free(hunk);
			h = NULL;
		}
		if (!line)
			break;
		if (start) {
			unsigned a, b = 1;

			if (sscanf(line, "@@ -%u,%u", &a, &b) < 1)
				continue;
			old = a;
			keep = false;
			h = open_memstream(&hunk, &hlen);
			if (!h)
				break;
			fprintf(h, "%s\n", line);
			continue;
		}
		if (!h)
			continue;	/* the --- / +++ headers */
		fprintf(h, "%s\n", line);
		if (line[0] == '-') {
			keep |= anchor(fl, path, rule, old, false);
			old++;
		} else if (line[0] == '+') {
			keep |= old > 1 && anchor(fl, path, rule, old - 1, false);
		} else {
			old++;
		}
	}
	fclose(m);
	if (!any) {
		free(buf);
		return NULL;
	}
	/* mark what the kept hunks fix */
	{
		char *copy = xstrdup(buf), *l, *s2;
		bool in = false;

		for (l = strtok_r(copy, "\n", &s2); l; l = strtok_r(NULL, "\n", &s2)) {
			unsigned a, b = 1;

			if (sscanf(l, "@@ -%u,%u", &a, &b) >= 1) {
				old = a;
				in = true;
			} else if (in && l[0] == '-') {
				anchor(fl, path, rule, old++, true);
			} else if (in && l[0] == '+') {
				if (old > 1)
					anchor(fl, path, rule, old - 1, true);
			} else if (in) {
				old++;
			}
		}
		free(copy);
	}
	return buf;
}

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

static int copy_file(const char *from, const char *to)
{
	char *text = spawn_slurp(from);
	int ret;

	if (!text)
		return -1;
	ret = write_file(to, text);
	free(text);
	return ret;
}

int cocci_fix(const struct cocci_opts *co, const char *path,
		     const char *rel, struct finding_list *fl)
{
	char work[4200], pfile[4200], dfile[4200];
	bool changed = false;
	int ret = 0;
	size_t k, i;

	snprintf(work, sizeof(work), "%s/work.c", cocci_tmpdir);
	snprintf(pfile, sizeof(pfile), "%s/rule.diff", cocci_tmpdir);
	snprintf(dfile, sizeof(dfile), "%s/file.diff", cocci_tmpdir);
	if (copy_file(path, work)) {
		fprintf(stderr, "kmemlint: %s: cannot copy for --fix: %s\n", path,
			strerror(errno));
		return -1;
	}
	for (k = 0; k < cocci_patches.n; k++) {
		char *out, *kept;
		char *dry[] = { "patch", "-s", "-N", "--dry-run", work, pfile,
				NULL };
		char *pargv[] = { "patch", "-s", "-N", "--no-backup-if-mismatch",
				  work, pfile, NULL };

		for (i = 0; i < fl->n; i++)
			if ((fl->v[i].engines & ENGINE_KMEMLINT) &&
			    !strcmp(fl->v[i].rule, cocci_prules.v[k]) &&
			    !strcmp(fl->v[i].file, path))
				break;
		if (i == fl->n)
			continue;
		if (cocci_spatch(co, k, "patch", path, &out))
			ret = -1;
		if (!out)
			continue;
		kept = keep_hunks(out, fl, path, cocci_prules.v[k], "work.c");
		free(out);
		if (!kept)
			continue;
		if (write_file(pfile, kept) || spawn_run(dry, NULL, NULL, co->timeout) ||
		    spawn_run(pargv, NULL, NULL, co->timeout)) {
			fprintf(stderr, "kmemlint: %s: the %s fix does not apply after the others: left out\n",
				path, cocci_prules.v[k]);
			for (i = 0; i < fl->n; i++)
				if (!strcmp(fl->v[i].rule, cocci_prules.v[k]) &&
				    !strcmp(fl->v[i].file, path))
					fl->v[i].fix = false;
			ret = -1;
		} else {
			changed = true;
		}
		free(kept);
	}
	if (changed) {
		char la[4200], lb[4200];
		char *dargv[] = { "diff", "-u", "--label", la, "--label", lb,
				  (char *)path, work, NULL };
		char *d;
		int rc;

		snprintf(la, sizeof(la), "a/%s", rel);
		snprintf(lb, sizeof(lb), "b/%s", rel);
		rc = spawn_run(dargv, dfile, NULL, co->timeout);
		d = rc == 1 ? spawn_slurp(dfile) : NULL;
		if (d) {
			fputs(d, co->diff);
			fflush(co->diff);
			free(d);
		}
		if (co->in_place && rc == 1 && copy_file(work, path)) {
			fprintf(stderr, "kmemlint: %s: cannot write the fix: %s\n",
				path, strerror(errno));
			ret = -1;
		}
	}
	unlink(work);
	unlink(pfile);
	unlink(dfile);
	return ret;
}

