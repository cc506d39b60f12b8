// SPDX-License-Identifier: GPL-2.0
/*
 * --cocci and --fix (see cocci.h and docs/usage.md).
 *
 * One semantic patch a rule family: cocci/<rule-id>.cocci.  For each file,
 * spatch runs once per semantic patch in report mode (--cocci), and once
 * per rule with findings in patch mode (--fix).  spatch is spawned with
 * posix_spawnp(), the file name an argument, its own process group, and
 * killed when it runs past the timeout.
 *
 * A report line is `FILE:LINE:COL-COL: RULE: MESSAGE (FUNCTION)` (the
 * semantic cocci_patches print it so).  The fix of a file is the patch-mode
 * hunks that change the line of an engine finding of that rule, or the
 * line of one of its notes (the allocation a NULL test goes after),
 * applied one rule after the other to a copy; the diff of the copy
 * against the file is what --fix writes.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cocci.h"
#include "cocci_int.h"
#include "output.h"
#include "spawn.h"
#include "../report/rules.h"
#include "../util/strvec.h"

#ifndef KML_COCCI_DIR
#define KML_COCCI_DIR "cocci"
#endif
#ifndef KML_COCCI_INSTALL_DIR
#define KML_COCCI_INSTALL_DIR "/usr/share/kmemlint/cocci"
#endif

const char cocci_usage[] =
	"  --cocci              also run the semantic cocci_patches of cocci/ with\n"
	"                       spatch and merge their findings\n"
	"  --fix                write a unified diff fixing the findings to\n"
	"                       stdout (findings then go to stderr)\n"
	"  --fix-output=FILE    write the diff to FILE instead\n"
	"  --in-place           with --fix: also apply it to the files\n"
	"  --spatch=PATH        the spatch to run (default: spatch on PATH)\n"
	"  --cocci-dir=DIR      the semantic cocci_patches (default: cocci/)\n"
	"  --cocci-timeout=N    seconds one spatch run may take (120)\n";

struct strvec cocci_patches;	/* the .cocci files */
struct strvec cocci_prules;	/* their rule ids */
static char spatch_path[4096];
char cocci_tmpdir[] = "/tmp/kmemlint-cocci.XXXXXX";
static bool have_tmp;

int cocci_parse_opt(int argc, char **argv, int *i, struct cocci_opts *co)
{
	const char *a = argv[*i], *v;

	if (!strcmp(a, "--cocci")) {
		co->run = true;
	} else if (!strcmp(a, "--fix")) {
		co->fix = true;
	} else if (!strcmp(a, "--in-place")) {
		co->in_place = true;
	} else if ((v = opt_value(argc, argv, i, "--fix-output"))) {
		co->fix = true;
		co->fix_output = v;
	} else if ((v = opt_value(argc, argv, i, "--spatch"))) {
		co->spatch = v;
	} else if ((v = opt_value(argc, argv, i, "--cocci-dir"))) {
		co->dir = v;
	} else if ((v = opt_value(argc, argv, i, "--cocci-timeout"))) {
		co->timeout = atoi(v);
		if (co->timeout <= 0) {
			fprintf(stderr, "kmemlint: --cocci-timeout needs a number of seconds, not '%s'\n", v);
			return -1;
		}
	} else {
		return 0;
	}
	return 1;
}

/* spatch as given, or found on PATH */
static int find_spatch(const char *name)
{
	const char *path = getenv("PATH");
	char *dirs, *d, *save;

	if (strchr(name, '/')) {
		snprintf(spatch_path, sizeof(spatch_path), "%s", name);
		return access(name, X_OK) ? -1 : 0;
	}
	if (!path)
		return -1;
	dirs = xstrdup(path);
	for (d = strtok_r(dirs, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
		snprintf(spatch_path, sizeof(spatch_path), "%s/%s",
			 *d ? d : ".", name);
		if (!access(spatch_path, X_OK)) {
			free(dirs);
			return 0;
		}
	}
	free(dirs);
	return -1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *pick_dir(const struct cocci_opts *co)
{
	const char *env = getenv("KMEMLINT_COCCI_DIR");

	if (co->dir)
		return co->dir;
	if (env)
		return env;
	if (!access(KML_COCCI_DIR, R_OK))
		return KML_COCCI_DIR;
	return KML_COCCI_INSTALL_DIR;
}

int cocci_begin(struct cocci_opts *co)
{
	const char *dir = pick_dir(co);
	struct strvec names;
	struct dirent *de;
	DIR *d;
	size_t i;

	if (!co->timeout)
		co->timeout = 120;
	if (co->in_place && !co->fix) {
		fprintf(stderr, "kmemlint: --in-place goes with --fix\n");
		return -1;
	}
	if (find_spatch(co->spatch ? co->spatch : "spatch")) {
		fprintf(stderr, "kmemlint: %s needs spatch (Coccinelle) and %s was not found%s: install the coccinelle package or give --spatch=PATH\n",
			co->run ? "--cocci" : "--fix",
			co->spatch ? co->spatch : "spatch",
			co->spatch ? "" : " on PATH");
		return -1;
	}
	d = opendir(dir);
	if (!d) {
		fprintf(stderr, "kmemlint: %s: cannot open the semantic cocci_patches directory: %s (give --cocci-dir=DIR)\n",
			dir, strerror(errno));
		return -1;
	}
	strvec_init(&names);
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);

		if (l > 6 && !strcmp(de->d_name + l - 6, ".cocci"))
			strvec_push(&names, de->d_name);
	}
	closedir(d);
	qsort(names.v, names.n, sizeof(char *), cmp_str);
	strvec_init(&cocci_patches);
	strvec_init(&cocci_prules);
	for (i = 0; i < names.n; i++) {
		char *id = xstrdup(names.v[i]);

		id[strlen(id) - 6] = '\0';
		if (!rule_find(id)) {
			fprintf(stderr, "kmemlint: %s/%s: not named after a rule id: skipped\n",
				dir, names.v[i]);
		} else {
			strvec_pushf(&cocci_patches, "%s/%s", dir, names.v[i]);
			strvec_push(&cocci_prules, id);
		}
		free(id);
	}
	strvec_clear(&names);
	if (!cocci_patches.n) {
		fprintf(stderr, "kmemlint: %s: no semantic cocci_patches (*.cocci)\n", dir);
		return -1;
	}
	if (!mkdtemp(cocci_tmpdir)) {
		fprintf(stderr, "kmemlint: cannot make a temporary directory: %s\n",
			strerror(errno));
		return -1;
	}
	have_tmp = true;
	co->diff = NULL;
	if (co->fix) {
		co->diff = co->fix_output ? fopen(co->fix_output, "w") : stdout;
		if (!co->diff) {
			fprintf(stderr, "kmemlint: %s: %s\n", co->fix_output,
				strerror(errno));
			return -1;
		}
	}
	return 0;
}

int cocci_spatch(const struct cocci_opts *co, size_t k, const char *mode,
		  const char *path, char **out)
{
	char tmo[16], ofile[4200], efile[4200];
	char *argv[16];
	int n = 0, rc;

	snprintf(tmo, sizeof(tmo), "%d", co->timeout);
	snprintf(ofile, sizeof(ofile), "%s/out", cocci_tmpdir);
	snprintf(efile, sizeof(efile), "%s/err", cocci_tmpdir);
	argv[n++] = spatch_path;
	argv[n++] = "--very-quiet";
	argv[n++] = "--no-includes";
	argv[n++] = "--include-headers";
	argv[n++] = "--timeout";
	argv[n++] = tmo;
	if (!strcmp(mode, "report"))
		argv[n++] = "--no-show-diff";
	argv[n++] = "-D";
	argv[n++] = (char *)mode;
	argv[n++] = "--sp-file";
	argv[n++] = cocci_patches.v[k];
	argv[n++] = (char *)path;
	argv[n] = NULL;
	*out = NULL;
	rc = spawn_run(argv, ofile, efile, co->timeout + 5);
	if (rc == -2) {
		fprintf(stderr, "kmemlint: %s: spatch -D %s with %s ran past %d s: killed\n",
			path, mode, cocci_patches.v[k], co->timeout);
		return -1;
	}
	if (rc == -1) {
		fprintf(stderr, "kmemlint: %s: could not run %s\n", path,
			spatch_path);
		return -1;
	}
	*out = spawn_slurp(ofile);
	if (rc) {
		char *err = spawn_slurp(efile);

		/* a report-only semantic patch has no rule for -D patch */
		if (err && strstr(err, "No rules apply")) {
			free(err);
			return 0;
		}
		fprintf(stderr, "kmemlint: %s: spatch -D %s with %s failed (exit %d)%s%s\n",
			path, mode, cocci_patches.v[k], rc, err && *err ? ": " : "",
			err ? err : "");
		free(err);
		return -1;
	}
	return 0;
}

/* "FILE:LINE:C-C: RULE: MESSAGE (FUNCTION)" -> a finding of rule */
static bool parse_report(char *line, const char *rule, const char *path,
			 struct finding *f)
{
	size_t rl = strlen(rule), pl = strlen(path);
	unsigned ln, c1, c2;
	char *msg, *fn, *end;
	int used = 0;

	if (strncmp(line, path, pl) || line[pl] != ':')
		return false;
	if (sscanf(line + pl, ":%u:%u-%u: %n", &ln, &c1, &c2, &used) != 3 ||
	    !used)
		return false;
	msg = line + pl + used;
	if (!strncmp(msg, rule, rl) && msg[rl] == ':' && msg[rl + 1] == ' ')
		msg += rl + 2;
	fn = NULL;
	end = msg + strlen(msg);
	if (end > msg && end[-1] == ')') {
		char *open = strrchr(msg, '(');

		if (open && open > msg && open[-1] == ' ') {
			end[-1] = '\0';
			fn = open + 1;
			open[-1] = '\0';
		}
	}
	memset(f, 0, sizeof(*f));
	f->file = xstrdup(path);
	f->line = ln;
	f->col = c1 + 1;
	f->function = xstrdup(fn && *fn ? fn : "?");
	f->rule = xstrdup(rule);
	f->message = xstrdup(msg);
	f->engines = ENGINE_COCCINELLE;
	f->confidence = CONF_MEDIUM;	/* a pattern, no path behind it */
	return true;
}

static int cocci_report(const struct cocci_opts *co, const char *path,
			struct finding_list *fl)
{
	size_t k, n0 = fl->n, i;
	int ret = 0;

	for (k = 0; k < cocci_patches.n; k++) {
		char *out, *line, *save;

		if (cocci_spatch(co, k, "report", path, &out))
			ret = -1;
		if (!out)
			continue;
		for (line = strtok_r(out, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			struct finding f;

			if (!parse_report(line, cocci_prules.v[k], path, &f))
				continue;
			for (i = 0; i < n0; i++) {
				struct finding *e = &fl->v[i];

				if (e->line == f.line && !strcmp(e->rule, f.rule) &&
				    !strcmp(e->file, f.file))
					break;
			}
			if (i < n0) {
				fl->v[i].engines |= ENGINE_COCCINELLE;
				free(f.file);
				free(f.function);
				free(f.rule);
				free(f.message);
			} else {
				findings_add(fl, &f);
			}
		}
		free(out);
	}
	return ret;
}

int cocci_file(struct cocci_opts *co, const char *path, const char *rel,
	       struct finding_list *fl)
{
	size_t i;
	int ret = 0;

	for (i = 0; i < fl->n; i++)
		fl->v[i].engines |= ENGINE_KMEMLINT;
	if (co->run && cocci_report(co, path, fl))
		ret = -1;
	if (co->fix && cocci_fix(co, path, rel, fl))
		ret = -1;
	return ret;
}

int cocci_end(struct cocci_opts *co)
{
	char p[4200];
	int ret = 0;

	if (co->diff && co->diff != stdout && fclose(co->diff))
		ret = -1;
	co->diff = NULL;
	if (have_tmp) {
		snprintf(p, sizeof(p), "%s/out", cocci_tmpdir);
		unlink(p);
		snprintf(p, sizeof(p), "%s/err", cocci_tmpdir);
		unlink(p);
		rmdir(cocci_tmpdir);
		have_tmp = false;
	}
	strvec_clear(&cocci_patches);
	strvec_clear(&cocci_prules);
	return ret;
}
