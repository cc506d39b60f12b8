// SPDX-License-Identifier: GPL-2.0
/*
 * The other ways in, without the analyzer: --kdir (kbuild probe, cache,
 * built-in fallback), compile_commands.json, fe_find_kdir and the dump
 * mode.  The --kdir flags are checked the way that matters: libclang
 * parses a real driver with them and reports no error.
 *
 * usage: test-sources DRIVER.c      (exit 77, "skipped", without headers)
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <clang-c/Index.h>

#include "frontend/compile.h"

static int passed, failed;
static char tmp[] = "/tmp/kmemlint-test-sources-XXXXXX";

static void check(int ok, const char *what)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		printf("FAIL: %s\n", what);
	}
}

static int has(const struct strvec *sv, const char *s)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		if (!strcmp(sv->v[i], s))
			return 1;
	return 0;
}

static int has_substr(const struct strvec *sv, const char *s)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		if (strstr(sv->v[i], s))
			return 1;
	return 0;
}

static int same_args(const struct strvec *a, const struct strvec *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]))
			return 0;
	return 1;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) == EOF || fclose(f)) {
		perror(path);
		exit(2);
	}
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	size_t n;

	if (!f)
		return xstrdup("");
	buf = xcalloc(1, 65536);
	n = fread(buf, 1, 65535, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Number of error diagnostics libclang reports for the job. */
static int parse_errors(const struct compile_job *job)
{
	CXIndex idx = clang_createIndex(0, 0);
	CXTranslationUnit tu = NULL;
	char *old = getcwd(NULL, 0);
	unsigned i, n;
	int errors = 0;

	if (chdir(job->dir))
		return -1;
	if (clang_parseTranslationUnit2(idx, job->file,
					(const char *const *)job->args.v,
					(int)job->args.n, NULL, 0,
					CXTranslationUnit_None, &tu)) {
		errors = -1;
		goto out;
	}
	n = clang_getNumDiagnostics(tu);
	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			CXString s = clang_formatDiagnostic(d,
				clang_defaultDiagnosticDisplayOptions());

			printf("  %s\n", clang_getCString(s));
			clang_disposeString(s);
			errors++;
		}
		clang_disposeDiagnostic(d);
	}
	clang_disposeTranslationUnit(tu);
out:
	clang_disposeIndex(idx);
	if (old && chdir(old))
		errors = -1;
	free(old);
	return errors;
}

static void test_kdir(const char *kdir, const char *driver)
{
	char *files[] = { (char *)driver };
	char *kreal = realpath(kdir, NULL);
	char *dreal = realpath(driver, NULL);
	char *ddir = xstrdup(dreal), *inc, *cache = xstrfmt("%s/cache", tmp);
	struct job_list first, second, fallback;
	const char *path = getenv("PATH");
	char *oldpath = xstrdup(path ? path : "/usr/bin:/bin");
	double t0, t1, t2;

	*strrchr(ddir, '/') = '\0';
	inc = xstrfmt("-I%s", ddir);
	job_list_init(&first);
	job_list_init(&second);
	job_list_init(&fallback);
	setenv("XDG_CACHE_HOME", cache, 1);

	t0 = now();
	check(!fe_jobs_from_kdir(kdir, files, 1, &first) && first.n == 1,
	      "--kdir: one job");
	t1 = now();
	if (first.n != 1)
		goto out;
	check(!strcmp(first.v[0].dir, kreal), "--kdir: dir is KDIR");
	check(has(&first.v[0].args, "-I./include"),
	      "--kdir: the flags come from kbuild (its relative -I./include)");
	check(!strcmp(first.v[0].file, dreal), "--kdir: file made absolute");
	check(has(&first.v[0].args, "-DKBUILD_MODNAME=\"big_drv\"") &&
	      has(&first.v[0].args, "-DKBUILD_BASENAME=\"big_drv\"") &&
	      has(&first.v[0].args, "-D__KBUILD_MODNAME=kmod_big_drv"),
	      "--kdir: module name is the file's, - made _");
	check(!has_substr(&first.v[0].args, "kmemlint_probe"),
	      "--kdir: nothing of the probe left");
	check(has(&first.v[0].args, inc), "--kdir: -I the file's directory");
	check(has(&first.v[0].args, "-D__KERNEL__") &&
	      has(&first.v[0].args, "-nostdinc") &&
	      has(&first.v[0].args, "-DMODULE"), "--kdir: kbuild's flags");
	check(!has_substr(&first.v[0].args, "__CHECKER__") &&
	      !has(&first.v[0].args, "-D__STDC__"), "--kdir: no Sparse defines");
	check(parse_errors(&first.v[0]) == 0,
	      "--kdir flags: clang parses the driver without error");

	/* with no make on PATH, kbuild's own answer can only come from the
	 * cache (the fallback has no relative -I./include) */
	t2 = now();
	setenv("PATH", tmp, 1);
	check(!fe_jobs_from_kdir(kdir, files, 1, &second) && second.n == 1 &&
	      same_args(&first.v[0].args, &second.v[0].args),
	      "--kdir: second run comes from the cache, same answer");
	setenv("PATH", oldpath, 1);
	t2 = now() - t2;
	printf("  kbuild probe %.2fs, from cache %.3fs\n", t1 - t0, t2);

	/* no make on PATH: built-in layout, which must parse as well */
	setenv("XDG_CACHE_HOME", "/proc/nonexistent", 1);
	setenv("PATH", tmp, 1);
	check(!fe_jobs_from_kdir(kdir, files, 1, &fallback) &&
	      fallback.n == 1, "--kdir without make: falls back");
	setenv("PATH", oldpath, 1);
	if (fallback.n == 1) {
		check(has(&fallback.v[0].args, "-DKBUILD_MODNAME=\"big_drv\"") &&
		      has(&fallback.v[0].args, inc),
		      "fallback: module name and -I dir");
		check(parse_errors(&fallback.v[0]) == 0,
		      "fallback flags: clang parses the driver without error");
	}
out:
	job_list_free(&first);
	job_list_free(&second);
	job_list_free(&fallback);
	free(inc);
	free(ddir);
	free(dreal);
	free(kreal);
	free(cache);
	free(oldpath);
}

static void test_kdir_errors(void)
{
	char *files[] = { "/nonexistent/x.c" };
	struct job_list jl;

	job_list_init(&jl);
	check(fe_jobs_from_kdir(tmp, files, 1, &jl) == -1 && !jl.n,
	      "--kdir on a dir without auto.conf is an error");
	job_list_free(&jl);
}

static const char compdb_json[] =
	"[\n"
	" { \"directory\": \"@D@\", \"file\": \"a.c\",\n"
	"   \"arguments\": [\"gcc\", \"-Wp,-MMD,./.a.o.d\", \"-nostdinc\","
	" \"-DFOO\", \"-I\", \"inc\", \"-mcmodel=kernel\", \"-c\", \"-o\","
	" \"a.o\", \"a.c\"] },\n"
	" { \"directory\": \"@D@\", \"file\": \"@D@/sub/b.c\",\n"
	"   \"command\": \"gcc -DBAR -D__STDC__ -fconserve-stack -c -o sub/b.o @D@/sub/b.c\" },\n"
	" { \"directory\": \"@D@\", \"file\": \"c.S\",\n"
	"   \"command\": \"gcc -D__ASSEMBLY__ -c -o c.o c.S\" }\n"
	"]\n";

static void test_compdb(void)
{
	char *db = xstrfmt("%s/db", tmp), *sub = xstrfmt("%s/db/sub", tmp);
	char *json = NULL, *p, *path, *real_db;
	char *named[] = { NULL, NULL, NULL };
	struct job_list jl;
	size_t i;

	mkdir(db, 0755);
	mkdir(sub, 0755);
	real_db = realpath(db, NULL);
	/* the template with every @D@ replaced */
	json = xstrdup(compdb_json);
	while ((p = strstr(json, "@D@"))) {
		char *n = xstrfmt("%.*s%s%s", (int)(p - json), json, real_db, p + 3);

		free(json);
		json = n;
	}
	path = xstrfmt("%s/compile_commands.json", db);
	write_text(path, json);
	free(path);
	path = xstrfmt("%s/a.c", db);
	write_text(path, "int a;\n");
	free(path);
	path = xstrfmt("%s/sub/b.c", db);
	write_text(path, "int b;\n");
	free(path);
	path = xstrfmt("%s/stray.c", db);
	write_text(path, "int s;\n");
	free(path);

	job_list_init(&jl);
	check(!fe_jobs_from_compdb(db, NULL, 0, &jl) && jl.n == 2,
	      "compdb dir, no files: every .c entry");
	if (jl.n == 2) {
		struct strvec *a = &jl.v[0].args, *b = &jl.v[1].args;

		check(!strcmp(jl.v[0].file, "a.c") &&
		      !strcmp(jl.v[0].dir, real_db), "compdb: file and dir");
		check(has(a, "-DFOO") && has(a, "-nostdinc") && has(a, "inc") &&
		      !has(a, "a.c") && !has(a, "-c") && !has(a, "a.o") &&
		      !has(a, "-mcmodel=kernel") && !has_substr(a, "-Wp"),
		      "compdb arguments: translated, no source, no -c/-o");
		check(has(b, "-DBAR") && !has(b, "-D__STDC__") &&
		      !has(b, "-fconserve-stack") && !has_substr(b, "b.c") &&
		      has(b, "-Wno-error=implicit-int"),
		      "compdb command string: translated");
	}
	job_list_free(&jl);

	/* the json file itself, files named relative to the cwd */
	path = xstrfmt("%s/compile_commands.json", db);
	if (!chdir(sub)) {
		named[0] = "b.c";
		named[1] = "../stray.c";
		named[2] = "../a.c";
		check(fe_jobs_from_compdb(path, named, 3, &jl) == -1 &&
		      jl.n == 2, "compdb: a file not in it is an error, the others go on");
		for (i = 0; i < jl.n; i++)
			check(strstr(jl.v[i].file, "stray") == NULL,
			      "compdb: the stray file has no job");
		if (chdir("/"))
			check(0, "chdir /");
	}
	job_list_free(&jl);
	check(fe_jobs_from_compdb("/nonexistent", NULL, 0, &jl) == -1,
	      "compdb: a missing database is an error");
	job_list_free(&jl);
	free(path);
	free(json);
	free(real_db);
	free(db);
	free(sub);
}

static void test_dump_and_find(const char *kdir)
{
	char *out = xstrfmt("%s/dump", tmp);
	char *opt = xstrfmt("--kbuild-dump-args=%s", out);
	char *argv[] = { "kmemlint", opt, "-DA B", "x.c", NULL };
	char *plain[] = { "kmemlint", "-DA", "x.c", NULL };
	char *text, *want, *cwd = getcwd(NULL, 0);
	char buf[PATH_MAX];

	check(fe_dump_args_mode(4, argv) == 1, "dump mode recognised");
	text = read_text(out);
	want = xstrfmt("%s\n-DA B\nx.c\n", cwd);
	check(!strcmp(text, want), "dump: cwd, then one argument a line");
	check(fe_dump_args_mode(3, plain) == 0, "no dump mode otherwise");

	setenv("KDIR", kdir, 1);
	check(!fe_find_kdir(buf, sizeof(buf)) && !strcmp(buf, kdir),
	      "find_kdir: $KDIR wins");
	setenv("KDIR", tmp, 1);
	check(!fe_find_kdir(buf, sizeof(buf)) && strcmp(buf, tmp),
	      "find_kdir: an invalid $KDIR is ignored");
	unsetenv("KDIR");
	check(!fe_find_kdir(buf, sizeof(buf)) &&
	      !strncmp(buf, "/usr/src/linux-headers-", 23),
	      "find_kdir: newest /usr/src/linux-headers-*-amd64");
	check(fe_find_kdir(buf, 4) == -1, "find_kdir: too small a buffer");
	free(text);
	free(want);
	free(cwd);
	free(opt);
	free(out);
}

int main(int argc, char **argv)
{
	char kdir[PATH_MAX];
	char *cmd;

	if (fe_dump_args_mode(argc, argv))
		return 0;
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2) {
		fprintf(stderr, "usage: %s DRIVER.c\n", argv[0]);
		return 2;
	}
	if (fe_find_kdir(kdir, sizeof(kdir))) {
		printf("no kernel headers: skipped\n");
		return 77;
	}
	if (!mkdtemp(tmp)) {
		perror(tmp);
		return 2;
	}
	test_kdir(kdir, argv[1]);
	test_kdir_errors();
	test_compdb();
	test_dump_and_find(kdir);

	cmd = xstrfmt("rm -rf '%s'", tmp);
	if (system(cmd))
		printf("could not remove %s\n", tmp);
	free(cmd);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
