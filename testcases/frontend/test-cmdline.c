// SPDX-License-Identifier: GPL-2.0
/*
 * fe_jobs_from_cmdline on what kbuild really passes a CHECK program, and
 * on the corner cases of the translation (pairs, forbidden defines,
 * unknown flags).
 *
 * usage: test-cmdline FIXTURE
 * FIXTURE is a captured "make C=2 CHECK=dump" argv, cwd on the first line,
 * with @KDIR@, @SRCTREE@ and @MODDIR@ for the paths of the machine it was
 * captured on.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "frontend/compile.h"

static int passed, failed;

static void check(int ok, const char *what)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		printf("FAIL: %s\n", what);
	}
}

static char *replace(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);
	char *head, *res;

	if (!at)
		return xstrdup(s);
	head = xstrfmt("%.*s%s", (int)(at - s), s, to);
	res = xstrfmt("%s%s", head, at + strlen(from));
	free(head);
	return res;
}

static int load_fixture(const char *path, struct strvec *words)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!f) {
		perror(path);
		return -1;
	}
	while ((len = getline(&line, &cap, f)) >= 0) {
		char *a, *b, *c;

		if (len && line[len - 1] == '\n')
			line[len - 1] = '\0';
		a = replace(line, "@KDIR@", "/K");
		b = replace(a, "@SRCTREE@", "/S");
		c = replace(b, "@MODDIR@", "/M");
		strvec_push(words, c);
		free(a);
		free(b);
		free(c);
	}
	free(line);
	fclose(f);
	return 0;
}

static int has(const struct strvec *sv, const char *s)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		if (!strcmp(sv->v[i], s))
			return 1;
	return 0;
}

static int has_prefix(const struct strvec *sv, const char *p)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		if (!strncmp(sv->v[i], p, strlen(p)))
			return 1;
	return 0;
}

/* the pair "a b" appears in that order */
static int has_pair(const struct strvec *sv, const char *a, const char *b)
{
	size_t i;

	for (i = 0; i + 1 < sv->n; i++)
		if (!strcmp(sv->v[i], a) && !strcmp(sv->v[i + 1], b))
			return 1;
	return 0;
}

/* What the captured kbuild argv must translate to, in order. */
static const char *const expected[] = {
	"-D__linux__", "-Dlinux", "-Dunix", "-D__unix__", "-D__x86_64__",
	"-m64", "-nostdinc",
	"-I/S/arch/x86/include", "-I./arch/x86/include/generated",
	"-I/S/include", "-I./include",
	"-I/S/arch/x86/include/uapi", "-I./arch/x86/include/generated/uapi",
	"-I/S/include/uapi", "-I./include/generated/uapi",
	"-include", "/S/include/linux/compiler-version.h",
	"-include", "/S/include/linux/kconfig.h",
	"-include", "/S/include/linux/compiler_types.h",
	"-D__KERNEL__",
	"-fno-strict-aliasing", "-fno-common", "-fshort-wchar", "-fno-PIE",
	"-std=gnu11",
	"-mno-sse", "-mno-mmx", "-mno-sse2", "-mno-3dnow", "-mno-avx",
	"-m64",
	"-fno-delete-null-pointer-checks", "-O2", "-DCC_USING_FENTRY",
	"-fno-strict-overflow", "-fno-builtin-wcslen",
	"-DMODULE", "-DKBUILD_BASENAME=\"my_mod\"",
	"-DKBUILD_MODNAME=\"my_mod\"", "-D__KBUILD_MODNAME=kmod_my_mod",
	"-Wno-error=implicit-function-declaration",
	"-Wno-error=implicit-int",
};

static void test_kbuild_fixture(const char *fixture)
{
	static const char *const dropped[] = {
		"-D__STDC__", "-Wbitwise", "-Wno-return-void", "--arch=x86",
		"-mlittle-endian", "-Wall", "-Werror=implicit-int", "-pg",
		"-mfentry", "-mrecord-mcount", "-g", "-mcmodel=kernel",
		"-mno-red-zone", "-mpreferred-stack-boundary=3",
		"-mindirect-branch=thunk-extern", "-mharden-sls=all",
		"-fno-allow-store-data-races", "-fconserve-stack",
		"-falign-jumps=1", "-fstack-protector-strong",
		"-ftrivial-auto-var-init=zero", "-fcf-protection=none",
		"-mno-80387", "-mno-fp-ret-in-387", "-mskip-rax-setup",
		"-fno-jump-tables", "-mtune=generic",
		"-fmacro-prefix-map=/S/=", "-fno-stack-clash-protection",
	};
	struct strvec words;
	struct job_list jl;
	struct compile_job *job;
	char *cwd;
	size_t i, n = sizeof(expected) / sizeof(expected[0]);
	int same;

	strvec_init(&words);
	job_list_init(&jl);
	if (load_fixture(fixture, &words) || words.n < 2) {
		check(0, "fixture loads");
		return;
	}
	/* line 1 is kbuild's cwd, the rest is argv after the program */
	check(!strcmp(words.v[0], "/K"), "fixture cwd is KDIR");
	check(!fe_jobs_from_cmdline((int)words.n - 1, words.v + 1, &jl),
	      "kbuild argv accepted");
	check(jl.n == 1, "exactly one job");
	if (jl.n != 1)
		goto out;
	job = &jl.v[0];
	check(!strcmp(job->file, "/M/my-mod.c"), "source file is the last word");
	cwd = getcwd(NULL, 0);
	check(cwd && !strcmp(job->dir, cwd), "dir is the current directory");
	free(cwd);

	same = job->args.n == n;
	for (i = 0; same && i < n; i++)
		same = !strcmp(job->args.v[i], expected[i]);
	check(same, "translation is exactly the expected list");
	if (!same) {
		printf("got:");
		for (i = 0; i < job->args.n; i++)
			printf(" %s", job->args.v[i]);
		printf("\n");
	}

	for (i = 0; i < sizeof(dropped) / sizeof(dropped[0]); i++) {
		char *what = xstrfmt("%s dropped", dropped[i]);

		check(!has(&job->args, dropped[i]), what);
		free(what);
	}
	check(!has_prefix(&job->args, "-Wp,"), "-Wp,-MMD dropped");
	check(!has_prefix(&job->args, "-D__CHECKER__"), "no __CHECKER__");
	check(!has(&job->args, "/M/my-mod.c"), "source not among the flags");
	check(has_pair(&job->args, "-include", "/S/include/linux/kconfig.h"),
	      "-include kept with its argument");
	check(has(&job->args, "-I./include"), "relative -I kept as is");
	check(!strcmp(job->args.v[job->args.n - 2],
		      "-Wno-error=implicit-function-declaration") &&
	      !strcmp(job->args.v[job->args.n - 1], "-Wno-error=implicit-int"),
	      "ends with the two -Wno-error flags");
out:
	job_list_free(&jl);
	strvec_clear(&words);
}

static void translate(struct strvec *args, struct strvec *files, ...)
{
	struct strvec in;
	va_list ap;
	const char *s;

	strvec_init(&in);
	va_start(ap, files);
	while ((s = va_arg(ap, const char *)))
		strvec_push(&in, s);
	va_end(ap);
	fe_translate_flags((int)in.n, in.v, args, files);
	strvec_clear(&in);
}

static void test_pairs(void)
{
	struct strvec a, f;

	strvec_init(&a);
	strvec_init(&f);
	translate(&a, &f, "-I", "inc", "-D", "FOO=1", "-U", "BAR",
		  "-isystem", "sys", "-idirafter", "after", "-iquote", "q",
		  "-imacros", "m.h",
		  "-MF", "dep.c", "-MT", "t.c", "-o", "out.c", "-x", "c",
		  "--param", "max-inline=1", "--param=x=2",
		  "-gcc-base-dir", "/usr/lib/gcc", "real.c", NULL);
	check(has_pair(&a, "-I", "inc"), "-I dir kept as a pair");
	check(has_pair(&a, "-D", "FOO=1"), "-D X kept as a pair");
	check(has_pair(&a, "-U", "BAR"), "-U X kept as a pair");
	check(has_pair(&a, "-isystem", "sys"), "-isystem kept as a pair");
	check(has_pair(&a, "-idirafter", "after"), "-idirafter kept");
	check(has_pair(&a, "-iquote", "q"), "-iquote kept");
	check(has_pair(&a, "-imacros", "m.h"), "-imacros kept");
	check(!has(&a, "-MF") && !has(&a, "dep.c"), "-MF f dropped");
	check(!has(&a, "-MT") && !has(&a, "-o") && !has(&a, "-x"),
	      "-MT -o -x dropped");
	check(!has(&a, "c") && !has(&a, "max-inline=1") &&
	      !has(&a, "/usr/lib/gcc"), "their arguments dropped too");
	check(!has_prefix(&a, "--"), "--param dropped");
	check(f.n == 1 && !strcmp(f.v[0], "real.c"),
	      "only the real .c is a source (not -o out.c, -MF dep.c)");
	check(a.n == 16, "nothing else kept");
	strvec_clear(&a);
	strvec_clear(&f);
}

static void test_defines(void)
{
	struct strvec a;

	strvec_init(&a);
	translate(&a, NULL, "-D__STDC__", "-D__STDC__=1", "-D", "__STDC__",
		  "-D__CHECKER__", "-D", "__CHECKER__=1",
		  "-D__STDC_VERSION__=201112L", "-D__STDC_HOSTED__=0",
		  "-D__STDC_X", "-DKEEP(a)=a", NULL);
	check(!has_prefix(&a, "-D__STDC__") && !has(&a, "__STDC__"),
	      "-D__STDC__ in every form dropped");
	check(!has_prefix(&a, "-D__CHECKER__") && !has_prefix(&a, "__CHECKER__"),
	      "-D__CHECKER__ never passed");
	check(!has_prefix(&a, "-D__STDC_VERSION__") &&
	      !has_prefix(&a, "-D__STDC_HOSTED__"), "other __STDC_ defines dropped");
	check(has(&a, "-D__STDC_X") && has(&a, "-DKEEP(a)=a"),
	      "look-alike defines kept");
	strvec_clear(&a);
}

static void test_unknown(void)
{
	struct strvec a, f;

	strvec_init(&a);
	strvec_init(&f);
	translate(&a, &f, "-fplan9-extensions", "-frobnicate=3", "-Zq",
		  "-mfoo", "-march=k6", "-march=core2", "-Os", "-fms-extensions",
		  "-funsigned-char", "-mno-avx2", "-Wsparse-all", "-Wcontext",
		  "-fmemcpy-max-count=100", "-fdiagnostic-prefix=x",
		  "--whatever", "-mbig-endian", "foo.o", "foo.S", "foo.h", "-",
		  "-c", "-MD", "-MMD", "-Wa,-x", "-ggdb", "-I", NULL);
	check(!has(&a, "-fplan9-extensions") && !has(&a, "-frobnicate=3") &&
	      !has(&a, "-Zq") && !has(&a, "-mfoo"), "unknown flags dropped");
	check(!has(&a, "-march=k6") && has(&a, "-march=core2"),
	      "-march kept only for CPUs clang knows");
	check(has(&a, "-Os") && has(&a, "-fms-extensions") &&
	      has(&a, "-funsigned-char") && has(&a, "-mno-avx2"),
	      "parse-relevant flags kept");
	check(!has_prefix(&a, "-fmemcpy") && !has_prefix(&a, "-fdiag") &&
	      !has(&a, "-Wsparse-all") && !has(&a, "-mbig-endian"),
	      "Sparse-only flags dropped");
	check(f.n == 0, "no source among .o .S .h -");
	check(a.n == 5 + 2, "a trailing -I without argument is tolerated");
	strvec_clear(&a);
	strvec_clear(&f);
}

static void test_jobs(void)
{
	char *argv1[] = { "-DX", "a.c", "-O2", "sub/b.c", NULL };
	char *argv2[] = { "-DX", "-O2", NULL };
	struct job_list jl;

	job_list_init(&jl);
	check(!fe_jobs_from_cmdline(4, argv1, &jl) && jl.n == 2,
	      "one job a file");
	if (jl.n == 2) {
		check(!strcmp(jl.v[0].file, "a.c") &&
		      !strcmp(jl.v[1].file, "sub/b.c"), "files as given");
		check(jl.v[0].args.n == 4 && jl.v[1].args.n == 4 &&
		      !strcmp(jl.v[1].args.v[0], "-DX"), "each job has the flags");
	}
	job_list_free(&jl);
	check(fe_jobs_from_cmdline(2, argv2, &jl) == -1 && jl.n == 0,
	      "no source file is an error");
	job_list_free(&jl);
}

int main(int argc, char **argv)
{
	if (fe_dump_args_mode(argc, argv))
		return 0;
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2) {
		fprintf(stderr, "usage: %s FIXTURE\n", argv[0]);
		return 2;
	}
	test_kbuild_fixture(argv[1]);
	test_pairs();
	test_defines();
	test_unknown();
	test_jobs();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
