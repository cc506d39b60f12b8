// SPDX-License-Identifier: GPL-2.0
/*
 * Compile commands: the three ways a file gets its kernel flags.
 *
 *   kbuild CHECK   make C=2 CHECK=kmemlint runs us like Sparse, with
 *                  Sparse's CHECKFLAGS and gcc's c_flags; we translate.
 *   compdb         compile_commands.json; gcc flags again, same translation.
 *   --kdir         we ask kbuild once (a probe module built with
 *                  CHECK="kmemlint --kbuild-dump-args=F"), cache the answer
 *                  per KDIR, and retarget it at each file.
 *
 * Flag translation for clang 19 (first matching row wins; docs/compile-
 * commands.md has the same table with the reasons):
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
#define _GNU_SOURCE	/* getline, vasprintf, strverscmp, nftw */
#endif
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <glob.h>
#include <limits.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <clang-c/CXCompilationDatabase.h>

#include "compile.h"

extern char **environ;

/* Bump when the translation changes: old --kdir caches become stale. */
#define KDIR_CACHE_VERSION "kmemlint-kdir-cache 1"
#define PROBE_NAME "kmemlint_probe"
#define DUMP_OPT "--kbuild-dump-args="

static const char *const tail_flags[] = {
	"-Wno-error=implicit-function-declaration",
	"-Wno-error=implicit-int",
};

/* ---------------------------------------------------------------- jobs */

void job_list_init(struct job_list *jl)
{
	jl->v = NULL;
	jl->n = 0;
	jl->alloc = 0;
}

void job_list_free(struct job_list *jl)
{
	size_t i;

	for (i = 0; i < jl->n; i++) {
		free(jl->v[i].file);
		free(jl->v[i].dir);
		strvec_clear(&jl->v[i].args);
	}
	free(jl->v);
	job_list_init(jl);
}

/* Appends an empty job owning copies of file and dir. */
static struct compile_job *job_list_add(struct job_list *jl, const char *file,
					const char *dir)
{
	struct compile_job *job;

	if (jl->n == jl->alloc) {
		jl->alloc = jl->alloc ? jl->alloc * 2 : 8;
		jl->v = xrealloc(jl->v, jl->alloc * sizeof(*jl->v));
	}
	job = &jl->v[jl->n++];
	job->file = xstrdup(file);
	job->dir = xstrdup(dir);
	strvec_init(&job->args);
	return job;
}

static void push(struct strvec *sv, const char *s)
{
	if (strvec_push(sv, s)) {
		fputs("kmemlint: out of memory\n", stderr);
		exit(2);
	}
}

static void pushf(struct strvec *sv, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void pushf(struct strvec *sv, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (!s) {
		fputs("kmemlint: out of memory\n", stderr);
		exit(2);
	}
	push(sv, s);
	free(s);
}

static void push_all(struct strvec *dst, const struct strvec *src)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		push(dst, src->v[i]);
}

static void push_tail(struct strvec *sv)
{
	size_t i;

	for (i = 0; i < sizeof(tail_flags) / sizeof(tail_flags[0]); i++)
		push(sv, tail_flags[i]);
}

/* --------------------------------------------------------- translation */

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

static int starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static int ends_with(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && !strcmp(s + ls - lx, suffix);
}

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
				push(files, arg);
			continue;
		}
		if (!strncmp(arg, "-f", 2)) {
			if (is_parse_fflag(arg))
				push(args, arg);
			continue;
		}
		r = find_rule(arg);
		if (!r)
			continue;	/* unknown: tolerated, dropped */
		switch (r->action) {
		case KEEP:
			push(args, arg);
			break;
		case DROP:
			break;
		case KEEP_PAIR:
			if (next) {
				push(args, arg);
				push(args, next);
			}
			i++;
			break;
		case DROP_PAIR:
			i++;
			break;
		case DEFINE:
			if (!forbidden_define(arg + 2))
				push(args, arg);
			break;
		case DEFINE_PAIR:
			if (next && !forbidden_define(next)) {
				push(args, arg);
				push(args, next);
			}
			i++;
			break;
		case MARCH:
			if (clang_knows_march(arg + strlen("-march=")))
				push(args, arg);
			break;
		}
	}
	push_tail(args);
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

		push_all(&job->args, &args);
	}
	ret = 0;
out:
	strvec_clear(&args);
	strvec_clear(&files);
	free(cwd);
	return ret;
}

/* -------------------------------------------------------------- compdb */

/* realpath of file, taken relative to dir when it is relative. */
static char *resolve_in(const char *dir, const char *file)
{
	char *joined, *res;

	if (file[0] == '/' || !dir)
		return realpath(file, NULL);
	joined = xstrfmt("%s/%s", dir, file);
	res = realpath(joined, NULL);
	free(joined);
	return res;
}

static char *cxstr(CXString s)
{
	const char *c = clang_getCString(s);
	char *copy = xstrdup(c ? c : "");

	clang_disposeString(s);
	return copy;
}

/*
 * One database entry as a job: argv[0] (the compiler) and the source file
 * are skipped, the rest goes through the kbuild translation.
 */
static void add_compdb_job(CXCompileCommand cmd, const char *dir,
			   const char *file, const char *file_real,
			   struct job_list *out)
{
	unsigned i, n = clang_CompileCommand_getNumArgs(cmd);
	struct compile_job *job = job_list_add(out, file, dir);
	struct strvec raw;

	strvec_init(&raw);
	for (i = 1; i < n; i++) {
		char *arg = cxstr(clang_CompileCommand_getArg(cmd, i));
		char *real = NULL;

		if (!strcmp(arg, file) ||
		    (arg[0] != '-' && ends_with(arg, ".c") &&
		     (real = resolve_in(dir, arg)) && file_real &&
		     !strcmp(real, file_real))) {
			free(real);
			free(arg);
			continue;
		}
		free(real);
		push(&raw, arg);
		free(arg);
	}
	/* no file list: other .c words (there should be none) are ignored */
	fe_translate_flags((int)raw.n, raw.v, &job->args, NULL);
	strvec_clear(&raw);
}

static char *compdb_dir(const char *path)
{
	struct stat st;
	char *dir, *slash;

	if (stat(path, &st)) {
		fprintf(stderr, "kmemlint: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode))
		return xstrdup(path);
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (!slash) {
		free(dir);
		return xstrdup(".");
	}
	if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	return dir;
}

struct compdb_entry {
	CXCompileCommand cmd;
	char *dir;
	char *file;
	char *real;	/* NULL if the file does not exist */
};

int fe_jobs_from_compdb(const char *path, char **files, int nfiles,
			struct job_list *out)
{
	CXCompilationDatabase_Error err;
	CXCompilationDatabase db;
	CXCompileCommands cmds;
	struct compdb_entry *ents;
	unsigned i, n;
	char *dir;
	int f, ret = 0;

	dir = compdb_dir(path);
	if (!dir)
		return -1;
	db = clang_CompilationDatabase_fromDirectory(dir, &err);
	if (err != CXCompilationDatabase_NoError || !db) {
		fprintf(stderr, "kmemlint: %s: cannot load compile_commands.json\n",
			dir);
		free(dir);
		return -1;
	}
	free(dir);
	cmds = clang_CompilationDatabase_getAllCompileCommands(db);
	n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
	ents = xcalloc(n ? n : 1, sizeof(*ents));
	for (i = 0; i < n; i++) {
		CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, i);

		ents[i].cmd = cmd;
		ents[i].dir = cxstr(clang_CompileCommand_getDirectory(cmd));
		ents[i].file = cxstr(clang_CompileCommand_getFilename(cmd));
		ents[i].real = resolve_in(ents[i].dir, ents[i].file);
	}

	if (!nfiles) {
		for (i = 0; i < n; i++)
			if (ends_with(ents[i].file, ".c"))
				add_compdb_job(ents[i].cmd, ents[i].dir,
					       ents[i].file, ents[i].real, out);
		if (!out->n) {
			fprintf(stderr, "kmemlint: %s: no .c file in compile_commands.json\n",
				path);
			ret = -1;
		}
	}
	for (f = 0; f < nfiles; f++) {
		char *real = realpath(files[f], NULL);

		if (!real) {
			fprintf(stderr, "kmemlint: %s: %s\n", files[f],
				strerror(errno));
			ret = -1;
			continue;
		}
		for (i = 0; i < n; i++)
			if (ents[i].real && !strcmp(ents[i].real, real))
				break;
		if (i == n) {
			fprintf(stderr, "kmemlint: %s: not in compile_commands.json\n",
				files[f]);
			ret = -1;
		} else {
			add_compdb_job(ents[i].cmd, ents[i].dir, ents[i].file,
				       ents[i].real, out);
		}
		free(real);
	}

	for (i = 0; i < n; i++) {
		free(ents[i].dir);
		free(ents[i].file);
		free(ents[i].real);
	}
	free(ents);
	if (cmds)
		clang_CompileCommands_dispose(cmds);
	clang_CompilationDatabase_dispose(db);
	return ret;
}

/* ------------------------------------------------------- kbuild probe */

/* The flags kbuild gives the probe module, and the dir they are for. */
struct kdir_flags {
	char *dir;
	struct strvec args;
};

static void kdir_flags_clear(struct kdir_flags *kf)
{
	free(kf->dir);
	kf->dir = NULL;
	strvec_clear(&kf->args);
}

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	int ret = 0;

	if (!f)
		return -1;
	if (fputs(text, f) == EOF)
		ret = -1;
	if (fclose(f))
		ret = -1;
	return ret;
}

/* Reads a file of lines; strips the newlines. */
static int read_lines(const char *path, struct strvec *lines)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!f)
		return -1;
	while ((len = getline(&line, &cap, f)) >= 0) {
		if (len && line[len - 1] == '\n')
			line[len - 1] = '\0';
		push(lines, line);
	}
	free(line);
	fclose(f);
	return 0;
}

static int rm_entry(const char *path, const struct stat *st, int type,
		    struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DP)
		return rmdir(path);
	return unlink(path);
}

static void rm_rf(const char *dir)
{
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* environ without the make variables of a make we may be running under */
static char **probe_environ(void)
{
	static const char *const strip[] = {
		"MAKEFLAGS=", "MFLAGS=", "MAKELEVEL=", "MAKEOVERRIDES=",
	};
	size_t n = 0, k = 0, i, j;
	char **env;

	while (environ[n])
		n++;
	env = xcalloc(n + 1, sizeof(*env));
	for (i = 0; i < n; i++) {
		for (j = 0; j < sizeof(strip) / sizeof(strip[0]); j++)
			if (starts_with(environ[i], strip[j]))
				break;
		if (j == sizeof(strip) / sizeof(strip[0]))
			env[k++] = environ[i];
	}
	env[k] = NULL;
	return env;
}

/* make -s -C kdir M=tmp C=2 CHECK="<self> --kbuild-dump-args=F" modules */
static int run_make(const char *kdir, const char *tmp, const char *dumpfile)
{
	posix_spawn_file_actions_t fa;
	char self[PATH_MAX];
	char *margs[9];
	char **env;
	ssize_t len;
	pid_t pid;
	int status, err;

	len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (len < 0)
		return -1;
	self[len] = '\0';

	margs[0] = "make";
	margs[1] = "-s";
	margs[2] = "-C";
	margs[3] = (char *)kdir;
	margs[4] = xstrfmt("M=%s", tmp);
	margs[5] = "C=2";
	margs[6] = xstrfmt("CHECK=%s " DUMP_OPT "%s", self, dumpfile);
	margs[7] = "modules";
	margs[8] = NULL;

	env = probe_environ();
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	err = posix_spawnp(&pid, "make", &fa, NULL, margs, env);
	posix_spawn_file_actions_destroy(&fa);
	free(env);
	free(margs[4]);
	free(margs[6]);
	if (err)
		return -1;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1;
}

static const char probe_makefile[] = "obj-m := " PROBE_NAME ".o\n";
static const char probe_source[] =
	"// SPDX-License-Identifier: GPL-2.0\n"
	"#include <linux/module.h>\n"
	"MODULE_LICENSE(\"GPL\");\n";

/*
 * Builds the probe module and reads back what kbuild passed to CHECK.
 * The check runs after a successful compile, so the dump is used even if
 * a later step (modpost, BTF) failed.
 */
static int ask_kbuild(const char *kdir, struct kdir_flags *kf)
{
	const char *tmpdir = getenv("TMPDIR");
	struct strvec lines;
	char *tmp, *path, *dump;
	int ret = -1;

	if (!tmpdir || !*tmpdir || strchr(tmpdir, ' '))
		tmpdir = "/tmp";
	tmp = xstrfmt("%s/kmemlint-probe-XXXXXX", tmpdir);
	if (!mkdtemp(tmp)) {
		free(tmp);
		return -1;
	}
	strvec_init(&lines);
	dump = xstrfmt("%s/args", tmp);
	path = xstrfmt("%s/Makefile", tmp);
	if (write_file(path, probe_makefile))
		goto out;
	free(path);
	path = xstrfmt("%s/" PROBE_NAME ".c", tmp);
	if (write_file(path, probe_source))
		goto out;

	run_make(kdir, tmp, dump);
	if (read_lines(dump, &lines) || lines.n < 2)
		goto out;
	/* the last word is the probe source itself */
	if (!ends_with(lines.v[lines.n - 1], PROBE_NAME ".c"))
		goto out;
	kf->dir = xstrdup(lines.v[0]);
	fe_translate_flags((int)lines.n - 2, lines.v + 1, &kf->args, NULL);
	ret = 0;
out:
	strvec_clear(&lines);
	free(path);
	free(dump);
	rm_rf(tmp);
	free(tmp);
	return ret;
}

/* ---------------------------------------------------- built-in layout */

/*
 * Debian's linux-headers-X-amd64 has only a one-line Makefile
 * ("include /usr/src/linux-headers-X-common/Makefile"): the sources are
 * there.  An O= build dir has the same shape.  A source tree built in
 * place has its real Makefile.
 */
static char *find_srctree(const char *kdir)
{
	char *mf = xstrfmt("%s/Makefile", kdir);
	char *line = NULL, *src = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *f = fopen(mf, "r");

	free(mf);
	if (f) {
		while ((len = getline(&line, &cap, f)) >= 0) {
			char *p = line;

			if (len && line[len - 1] == '\n')
				line[len - 1] = '\0';
			if (!*p || *p == '#')
				continue;
			if (starts_with(p, "include ") &&
			    ends_with(p, "/Makefile")) {
				p += strlen("include ");
				while (*p == ' ')
					p++;
				p[strlen(p) - strlen("/Makefile")] = '\0';
				src = xstrdup(p);
			}
			break;
		}
		free(line);
		fclose(f);
	}
	return src ? src : xstrdup(kdir);
}

static const char *srcarch(void)
{
	static struct utsname u;

	if (uname(&u))
		return "x86";
	if (!strcmp(u.machine, "x86_64") || (u.machine[0] == 'i' &&
					    ends_with(u.machine, "86")))
		return "x86";
	if (!strcmp(u.machine, "aarch64"))
		return "arm64";
	return u.machine;
}

static int file_exists(const char *path)
{
	return !access(path, F_OK);
}

static void derive_from_layout(const char *kdir, struct kdir_flags *kf)
{
	char *src = find_srctree(kdir);
	const char *arch = srcarch();
	struct strvec *a = &kf->args;
	char *cv;

	kf->dir = xstrdup(kdir);
	push(a, "-nostdinc");
	pushf(a, "-I%s/arch/%s/include", src, arch);
	pushf(a, "-I%s/arch/%s/include/generated", kdir, arch);
	pushf(a, "-I%s/include", src);
	pushf(a, "-I%s/include", kdir);
	pushf(a, "-I%s/arch/%s/include/uapi", src, arch);
	pushf(a, "-I%s/arch/%s/include/generated/uapi", kdir, arch);
	pushf(a, "-I%s/include/uapi", src);
	pushf(a, "-I%s/include/generated/uapi", kdir);
	cv = xstrfmt("%s/include/linux/compiler-version.h", src);
	if (file_exists(cv)) {
		push(a, "-include");
		push(a, cv);
	}
	free(cv);
	push(a, "-include");
	pushf(a, "%s/include/linux/kconfig.h", src);
	push(a, "-include");
	pushf(a, "%s/include/linux/compiler_types.h", src);
	push(a, "-D__KERNEL__");
	push(a, "-fno-strict-aliasing");
	push(a, "-fno-common");
	push(a, "-fshort-wchar");
	push(a, "-fno-PIE");
	push(a, "-std=gnu11");
	if (!strcmp(arch, "x86")) {
		push(a, "-mno-sse");
		push(a, "-mno-mmx");
		push(a, "-mno-sse2");
		push(a, "-mno-3dnow");
		push(a, "-mno-avx");
		push(a, "-m64");
	}
	push(a, "-fno-delete-null-pointer-checks");
	push(a, "-O2");
	push(a, "-fno-strict-overflow");
	push(a, "-DMODULE");
	push(a, "-DKBUILD_BASENAME=\"" PROBE_NAME "\"");
	push(a, "-DKBUILD_MODNAME=\"" PROBE_NAME "\"");
	push(a, "-D__KBUILD_MODNAME=kmod_" PROBE_NAME);
	push_tail(a);
	free(src);
}

/* ------------------------------------------------------------- cache */

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* mkdir -p; 0 if dir exists afterwards */
static int mkdirs(char *dir)
{
	char *p;

	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	if (mkdir(dir, 0755) && errno != EEXIST)
		return -1;
	return 0;
}

static char *cache_path(const char *kdir_real)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char *dir, *path;

	if (xdg && *xdg == '/')
		dir = xstrfmt("%s/kmemlint", xdg);
	else if (home && *home)
		dir = xstrfmt("%s/.cache/kmemlint", home);
	else
		return NULL;
	path = xstrfmt("%s/kdir-%016llx.args", dir,
		       (unsigned long long)fnv1a(kdir_real));
	free(dir);
	return path;
}

/* What invalidates a cache: the kernel configuration changed. */
static char *config_stamp(const char *kdir_real)
{
	char *conf = xstrfmt("%s/include/config/auto.conf", kdir_real);
	struct stat st;
	char *stamp = NULL;

	if (!stat(conf, &st))
		stamp = xstrfmt("auto.conf %lld.%09ld %lld",
				(long long)st.st_mtim.tv_sec,
				(long)st.st_mtim.tv_nsec,
				(long long)st.st_size);
	free(conf);
	return stamp;
}

/*
 * Cache file: version line, "kdir <path>", the auto.conf stamp,
 * "dir <path>", then one translated flag a line.
 */
static int cache_load(const char *path, const char *kdir_real,
		      const char *stamp, struct kdir_flags *kf)
{
	struct strvec lines;
	char *want_kdir;
	size_t i;
	int ret = -1;

	strvec_init(&lines);
	if (read_lines(path, &lines) || lines.n < 5)
		goto out;
	want_kdir = xstrfmt("kdir %s", kdir_real);
	if (!strcmp(lines.v[0], KDIR_CACHE_VERSION) &&
	    !strcmp(lines.v[1], want_kdir) && !strcmp(lines.v[2], stamp) &&
	    starts_with(lines.v[3], "dir ")) {
		kf->dir = xstrdup(lines.v[3] + 4);
		for (i = 4; i < lines.n; i++)
			push(&kf->args, lines.v[i]);
		ret = 0;
	}
	free(want_kdir);
out:
	strvec_clear(&lines);
	return ret;
}

/* Best effort: an unwritable cache dir means no cache, not an error. */
static void cache_store(const char *path, const char *kdir_real,
			const char *stamp, const struct kdir_flags *kf)
{
	char *dir = xstrdup(path);
	char *tmp = NULL;
	FILE *f = NULL;
	size_t i;
	int fd, bad = 0;

	*strrchr(dir, '/') = '\0';
	if (mkdirs(dir))
		goto out;
	tmp = xstrfmt("%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		goto out;
	f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		goto out;
	}
	fprintf(f, "%s\nkdir %s\n%s\ndir %s\n", KDIR_CACHE_VERSION,
		kdir_real, stamp, kf->dir);
	for (i = 0; i < kf->args.n; i++)
		fprintf(f, "%s\n", kf->args.v[i]);
	if (ferror(f))
		bad = 1;
	if (fclose(f) || bad || rename(tmp, path))
		unlink(tmp);
out:
	free(tmp);
	free(dir);
}

/* ---------------------------------------------------------------- kdir */

static int is_kdir(const char *kdir)
{
	char *conf = xstrfmt("%s/include/config/auto.conf", kdir);
	int ok = file_exists(conf);

	free(conf);
	return ok;
}

static int get_kdir_flags(const char *kdir_real, struct kdir_flags *kf)
{
	char *path = cache_path(kdir_real);
	char *stamp = config_stamp(kdir_real);

	if (path && stamp && !cache_load(path, kdir_real, stamp, kf))
		goto out;
	kdir_flags_clear(kf);
	if (!ask_kbuild(kdir_real, kf)) {
		if (path && stamp)
			cache_store(path, kdir_real, stamp, kf);
		goto out;
	}
	kdir_flags_clear(kf);
	fprintf(stderr, "kmemlint: warning: %s: could not ask kbuild for the module flags, using the standard header layout\n",
		kdir_real);
	derive_from_layout(kdir_real, kf);
out:
	free(path);
	free(stamp);
	return 0;
}

/* "my-drv.c" -> "my_drv": kbuild's name-fix (- and , become _) */
static char *module_name(const char *file)
{
	const char *base = strrchr(file, '/');
	char *name, *p;

	name = xstrdup(base ? base + 1 : file);
	if (ends_with(name, ".c"))
		name[strlen(name) - 2] = '\0';
	for (p = name; *p; p++)
		if (*p == '-' || *p == ',')
			*p = '_';
	return name;
}

/* The probe's flags, renamed for file (an absolute path). */
static void retarget(const struct kdir_flags *kf, const char *file,
		     struct strvec *args)
{
	char *name = module_name(file);
	char *dir = xstrdup(file);
	size_t i;

	for (i = 0; i < kf->args.n; i++) {
		const char *a = kf->args.v[i];

		if (starts_with(a, "-DKBUILD_BASENAME="))
			pushf(args, "-DKBUILD_BASENAME=\"%s\"", name);
		else if (starts_with(a, "-DKBUILD_MODNAME="))
			pushf(args, "-DKBUILD_MODNAME=\"%s\"", name);
		else if (starts_with(a, "-D__KBUILD_MODNAME="))
			pushf(args, "-D__KBUILD_MODNAME=kmod_%s", name);
		else if (starts_with(a, "-DKBUILD_MODFILE="))
			pushf(args, "-DKBUILD_MODFILE=\"%s\"", name);
		else
			push(args, a);
	}
	/*
	 * kbuild adds no -I for an M= module (quoted includes find the
	 * file's own directory anyway); drivers usually add -I$(src)
	 * themselves in ccflags-y, so we do the same.
	 */
	*strrchr(dir, '/') = '\0';
	pushf(args, "-I%s", *dir ? dir : "/");
	free(dir);
	free(name);
}

int fe_jobs_from_kdir(const char *kdir, char **files, int nfiles,
		      struct job_list *out)
{
	struct kdir_flags kf = { NULL, { NULL, 0, 0 } };
	char *kdir_real;
	int f, ret = 0;

	kdir_real = realpath(kdir, NULL);
	if (!kdir_real || !is_kdir(kdir_real)) {
		fprintf(stderr, "kmemlint: %s: not a configured kernel build directory\n",
			kdir);
		free(kdir_real);
		return -1;
	}
	get_kdir_flags(kdir_real, &kf);
	for (f = 0; f < nfiles; f++) {
		char *real = realpath(files[f], NULL);
		struct compile_job *job;

		if (!real) {
			fprintf(stderr, "kmemlint: %s: %s\n", files[f],
				strerror(errno));
			ret = -1;
			continue;
		}
		job = job_list_add(out, real, kf.dir);
		retarget(&kf, real, &job->args);
		free(real);
	}
	kdir_flags_clear(&kf);
	free(kdir_real);
	return ret;
}

static int set_kdir(char *buf, size_t len, const char *kdir)
{
	if (strlen(kdir) >= len) {
		fprintf(stderr, "kmemlint: %s: path too long\n", kdir);
		return -1;
	}
	strcpy(buf, kdir);
	return 0;
}

int fe_find_kdir(char *buf, size_t len)
{
	const char *env = getenv("KDIR");
	struct utsname u;
	char *best = NULL;
	glob_t g;
	size_t i;
	int ret;

	if (env && *env) {
		if (is_kdir(env))
			return set_kdir(buf, len, env);
		fprintf(stderr, "kmemlint: warning: KDIR=%s: not a configured kernel build directory, ignored\n",
			env);
	}
	if (!glob("/usr/src/linux-headers-*-amd64", 0, NULL, &g)) {
		for (i = 0; i < g.gl_pathc; i++)
			if (is_kdir(g.gl_pathv[i]) &&
			    (!best || strverscmp(g.gl_pathv[i], best) > 0))
				best = g.gl_pathv[i];
		ret = best ? set_kdir(buf, len, best) : -1;
		globfree(&g);
		if (best)
			return ret;
	}
	/* not Debian: the running kernel's build dir */
	if (!uname(&u)) {
		best = xstrfmt("/lib/modules/%s/build", u.release);
		ret = is_kdir(best) ? set_kdir(buf, len, best) : 1;
		free(best);
		if (ret <= 0)
			return ret;
	}
	fputs("kmemlint: no kernel headers found in /usr/src/linux-headers-*-amd64: install linux-headers-amd64, or set KDIR or --kdir to a configured kernel build directory\n",
	      stderr);
	return -1;
}

/* ------------------------------------------------------- dump mode */

int fe_dump_args_mode(int argc, char **argv)
{
	const char *path;
	char *cwd;
	FILE *f;
	int i;

	if (argc < 2 || !starts_with(argv[1], DUMP_OPT))
		return 0;
	path = argv[1] + strlen(DUMP_OPT);
	cwd = getcwd(NULL, 0);
	f = fopen(path, "w");
	if (!f || !cwd) {
		fprintf(stderr, "kmemlint: %s: %s\n", path, strerror(errno));
		if (f)
			fclose(f);
		free(cwd);
		return 1;
	}
	fprintf(f, "%s\n", cwd);
	for (i = 2; i < argc; i++)
		fprintf(f, "%s\n", argv[i]);
	if (fclose(f))
		fprintf(stderr, "kmemlint: %s: %s\n", path, strerror(errno));
	free(cwd);
	return 1;
}
