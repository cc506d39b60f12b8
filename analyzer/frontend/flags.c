// SPDX-License-Identifier: GPL-2.0
/*
 * gcc and Sparse flags to clang 19 flags, and the first way in: kbuild's
 * CHECK argv (make C=2 CHECK=kmemlint runs us like Sparse, with Sparse's
 * CHECKFLAGS and gcc's c_flags).  compdb.c and probe.c use the same
 * translation.
 *
 * Flag translation for clang 19 (first matching row wins; docs/compile-
 * commands.md has the same table with the reasons).  --kdir caches its
 * result: a change here must bump KDIR_CACHE_VERSION in kdir.c.
 *
 *   kept, with its separate argument   -I -U -include -imacros -isystem
 *                                      -idirafter -iquote -iprefix
 *                                      -iwithprefix -iwithprefixbefore
 *                                      -isysroot
 *   kept unless a forbidden define     -D X / -DX   (dropped: __STDC__,
 *                                      __STDC_VERSION__, __STDC_HOSTED__
 *                                      which clang predefines, and
 *                                      __CHECKER__, which would switch the
 *                                      headers to Sparse-only attributes)
 *   dropped with its argument          -MF -MT -MQ -o -x --param
 *                                      -Xclang -Xpreprocessor -Xassembler
 *                                      -Xlinker -aux-info -target
 *                                      -gcc-base-dir -multiarch-dir
 *   kept                               -Ifoo -Ufoo -isystemfoo ...
 *                                      -nostdinc -std=* -ansi -O*
 *                                      -m64 -m32 -m16 -mx32
 *                                      -mno-sse* -mno-mmx* -mno-avx*
 *                                      -mno-3dnow* (clang 19 accepts them;
 *                                      they turn off the __SSE__ macros)
 *                                      -march= for x86-64 class CPUs clang
 *                                      knows (32-bit CPU names are dropped)
 *                                      -f flags that change parsing: see
 *                                      parse_fflags[] below
 *   dropped                            every other -m (codegen, gcc-only,
 *                                      Sparse's -mlittle-endian...), every
 *                                      other -f, every -W (incl. -Wp,-MMD
 *                                      and -Wa,), -g*, -pg, -p, -M*, -c,
 *                                      -S, -E, every --long option
 *                                      (--arch=, --param=...), any other
 *                                      unknown flag
 *   non-flag words                     *.c are the source files, the rest
 *                                      is dropped
 *   appended                           -Wno-error=implicit-function-
 *                                      declaration -Wno-error=implicit-int
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* getcwd(NULL, 0) */
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

static const char *const tail_flags[] = {
	"-Wno-error=implicit-function-declaration",
	"-Wno-error=implicit-int",
};

void fe_push_tail(struct strvec *sv)
{
	size_t i;

	for (i = 0; i < sizeof(tail_flags) / sizeof(tail_flags[0]); i++)
		fe_push(sv, tail_flags[i]);
}

enum flag_action {
	KEEP,
	DROP,
	KEEP_PAIR,	/* the flag and the next word are both kept */
	DROP_PAIR,	/* the flag and the next word are both dropped */
	DEFINE,		/* -DX: kept unless forbidden_define() */
	DEFINE_PAIR,	/* -D X */
	MARCH,		/* -march=X: kept if clang knows X */
};

struct flag_rule {
	const char *name;
	unsigned char prefix;	/* name matches the start of the word */
	unsigned char action;
};

static const struct flag_rule flag_rules[] = {
	/* flags whose argument is the next word */
	{ "-I", 0, KEEP_PAIR },
	{ "-D", 0, DEFINE_PAIR },
	{ "-U", 0, KEEP_PAIR },
	{ "-include", 0, KEEP_PAIR },
	{ "-imacros", 0, KEEP_PAIR },
	{ "-isystem", 0, KEEP_PAIR },
	{ "-idirafter", 0, KEEP_PAIR },
	{ "-iquote", 0, KEEP_PAIR },
	{ "-iprefix", 0, KEEP_PAIR },
	{ "-iwithprefix", 0, KEEP_PAIR },
	{ "-iwithprefixbefore", 0, KEEP_PAIR },
	{ "-isysroot", 0, KEEP_PAIR },
	{ "-MF", 0, DROP_PAIR },
	{ "-MT", 0, DROP_PAIR },
	{ "-MQ", 0, DROP_PAIR },
	{ "-o", 0, DROP_PAIR },
	{ "-x", 0, DROP_PAIR },
	{ "--param", 0, DROP_PAIR },
	{ "-Xclang", 0, DROP_PAIR },
	{ "-Xpreprocessor", 0, DROP_PAIR },
	{ "-Xassembler", 0, DROP_PAIR },
	{ "-Xlinker", 0, DROP_PAIR },
	{ "-aux-info", 0, DROP_PAIR },
	{ "-target", 0, DROP_PAIR },
	{ "-gcc-base-dir", 0, DROP_PAIR },	/* Sparse (cgcc) */
	{ "-multiarch-dir", 0, DROP_PAIR },	/* Sparse (cgcc) */

	/* the same with the argument joined */
	{ "-I", 1, KEEP },
	{ "-D", 1, DEFINE },
	{ "-U", 1, KEEP },
	{ "-isystem", 1, KEEP },
	{ "-idirafter", 1, KEEP },
	{ "-iquote", 1, KEEP },

	{ "-nostdinc", 0, KEEP },
	{ "-std=", 1, KEEP },
	{ "-ansi", 0, KEEP },
	{ "-O", 1, KEEP },		/* __OPTIMIZE__: the headers test it */

	/* -m: only what changes predefined macros or type sizes */
	{ "-m64", 0, KEEP },
	{ "-m32", 0, KEEP },
	{ "-m16", 0, KEEP },
	{ "-mx32", 0, KEEP },
	{ "-mno-sse", 1, KEEP },
	{ "-mno-mmx", 1, KEEP },
	{ "-mno-avx", 1, KEEP },
	{ "-mno-3dnow", 1, KEEP },
	{ "-march=", 1, MARCH },
	{ "-m", 1, DROP },

	/* -f: see parse_fflags[]; the rest is codegen or gcc-only */
	{ "-f", 1, DROP },

	{ "-W", 1, DROP },	/* incl. -Wp,-MMD,f -Wa,x; our own policy */
	{ "-g", 1, DROP },
	{ "-pg", 0, DROP },
	{ "-M", 1, DROP },
	{ "--", 1, DROP },	/* --arch=x86, --param=x, any long option */
};

/* -f flags that change how a file parses or what is predefined. */
static const char *const parse_fflags[] = {
	"-fno-strict-aliasing", "-fstrict-aliasing",
	"-fshort-wchar", "-fno-short-wchar",
	"-fshort-enums", "-fno-short-enums",
	"-fno-common", "-fcommon",
	"-fms-extensions", "-fno-ms-extensions",
	"-fno-PIE", "-fno-pie", "-fPIE", "-fpie",
	"-fno-PIC", "-fno-pic", "-fPIC", "-fpic",
	"-funsigned-char", "-fsigned-char",
	"-fno-unsigned-char", "-fno-signed-char",
	"-ffreestanding", "-fno-builtin",
	"-fgnu89-inline", "-fno-gnu89-inline",
	"-fno-delete-null-pointer-checks",
	"-fwrapv", "-fno-strict-overflow",
	"-fdollars-in-identifiers", "-fno-dollars-in-identifiers",
};

/* x86-64 class CPUs both gcc and clang 19 know (k6, c3, geode... are not). */
static const char *const clang_march[] = {
	"x86-64", "k8", "opteron", "athlon64", "athlon-fx", "nocona",
	"core2", "atom", "native",
};

static const char *const forbidden_defines[] = {
	"__STDC__", "__STDC_VERSION__", "__STDC_HOSTED__", "__CHECKER__",
};

static const struct flag_rule *find_rule(const char *arg)
{
	size_t i;

	for (i = 0; i < sizeof(flag_rules) / sizeof(flag_rules[0]); i++) {
		const struct flag_rule *r = &flag_rules[i];

		if (r->prefix ? starts_with(arg, r->name) : !strcmp(arg, r->name))
			return r;
	}
	return NULL;
}

static int is_parse_fflag(const char *arg)
{
	size_t i;

	if (starts_with(arg, "-fno-builtin-"))
		return 1;
	for (i = 0; i < sizeof(parse_fflags) / sizeof(parse_fflags[0]); i++)
		if (!strcmp(arg, parse_fflags[i]))
			return 1;
	return 0;
}

/* name is what follows -D: "X", "X=1", "X(a)=a" */
static int forbidden_define(const char *name)
{
	size_t i, len = strcspn(name, "=(");

	for (i = 0; i < sizeof(forbidden_defines) / sizeof(forbidden_defines[0]); i++)
		if (strlen(forbidden_defines[i]) == len &&
		    !strncmp(name, forbidden_defines[i], len))
			return 1;
	return 0;
}

static int clang_knows_march(const char *cpu)
{
	size_t i;

	for (i = 0; i < sizeof(clang_march) / sizeof(clang_march[0]); i++)
		if (starts_with(cpu, clang_march[i]))
			return 1;
	return 0;
}

int fe_translate_flags(int argc, char **argv, struct strvec *args,
		       struct strvec *files)
{
	int i;

	for (i = 0; i < argc; i++) {
		const char *arg = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		const struct flag_rule *r;

		if (arg[0] != '-') {
			if (ends_with(arg, ".c") && files)
				fe_push(files, arg);
			continue;
		}
		if (!strncmp(arg, "-f", 2)) {
			if (is_parse_fflag(arg))
				fe_push(args, arg);
			continue;
		}
		r = find_rule(arg);
		if (!r)
			continue;	/* unknown: tolerated, dropped */
		switch (r->action) {
		case KEEP:
			fe_push(args, arg);
			break;
		case DROP:
			break;
		case KEEP_PAIR:
			if (next) {
				fe_push(args, arg);
				fe_push(args, next);
			}
			i++;
			break;
		case DROP_PAIR:
			i++;
			break;
		case DEFINE:
			if (!forbidden_define(arg + 2))
				fe_push(args, arg);
			break;
		case DEFINE_PAIR:
			if (next && !forbidden_define(next)) {
				fe_push(args, arg);
				fe_push(args, next);
			}
			i++;
			break;
		case MARCH:
			if (clang_knows_march(arg + strlen("-march=")))
				fe_push(args, arg);
			break;
		}
	}
	fe_push_tail(args);
	return 0;
}

/* ------------------------------------------------------------- cmdline */

static char *xgetcwd(void)
{
	char *buf = getcwd(NULL, 0);

	if (!buf) {
		fprintf(stderr, "kmemlint: getcwd: %s\n", strerror(errno));
		return NULL;
	}
	return buf;
}

int fe_jobs_from_cmdline(int argc, char **argv, struct job_list *out)
{
	struct strvec args, files;
	char *cwd;
	size_t i;
	int ret = -1;

	strvec_init(&args);
	strvec_init(&files);
	cwd = xgetcwd();
	if (!cwd)
		return -1;
	fe_translate_flags(argc, argv, &args, &files);
	if (!files.n) {
		fputs("kmemlint: no .c source file on the command line\n", stderr);
		goto out;
	}
	for (i = 0; i < files.n; i++) {
		struct compile_job *job = job_list_add(out, files.v[i], cwd);

		fe_push_all(&job->args, &args);
	}
	ret = 0;
out:
	strvec_clear(&args);
	strvec_clear(&files);
	free(cwd);
	return ret;
}
