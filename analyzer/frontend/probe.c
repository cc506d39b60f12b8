// SPDX-License-Identifier: GPL-2.0
/*
 * --kdir, part one: what kbuild would pass for an external module.  A
 * probe module is built with CHECK="kmemlint --kbuild-dump-args=F", and
 * kmemlint, run by kbuild in that hidden mode, writes its argv to F.  When
 * kbuild cannot be asked, the flags are derived from the header layout.
 * kdir.c caches the answer and retargets it at each file.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* nftw, mkdtemp */
#endif
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"

extern char **environ;

#define PROBE_NAME "kmemlint_probe"
#define DUMP_OPT "--kbuild-dump-args="

/* ------------------------------------------------------- kbuild probe */

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
int fe_ask_kbuild(const char *kdir, struct kdir_flags *kf)
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
	if (fe_read_lines(dump, &lines) || lines.n < 2)
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

void fe_derive_from_layout(const char *kdir, struct kdir_flags *kf)
{
	char *src = find_srctree(kdir);
	const char *arch = srcarch();
	struct strvec *a = &kf->args;
	char *cv;

	kf->dir = xstrdup(kdir);
	fe_push(a, "-nostdinc");
	fe_pushf(a, "-I%s/arch/%s/include", src, arch);
	fe_pushf(a, "-I%s/arch/%s/include/generated", kdir, arch);
	fe_pushf(a, "-I%s/include", src);
	fe_pushf(a, "-I%s/include", kdir);
	fe_pushf(a, "-I%s/arch/%s/include/uapi", src, arch);
	fe_pushf(a, "-I%s/arch/%s/include/generated/uapi", kdir, arch);
	fe_pushf(a, "-I%s/include/uapi", src);
	fe_pushf(a, "-I%s/include/generated/uapi", kdir);
	cv = xstrfmt("%s/include/linux/compiler-version.h", src);
	if (file_exists(cv)) {
		fe_push(a, "-include");
		fe_push(a, cv);
	}
	free(cv);
	fe_push(a, "-include");
	fe_pushf(a, "%s/include/linux/kconfig.h", src);
	fe_push(a, "-include");
	fe_pushf(a, "%s/include/linux/compiler_types.h", src);
	fe_push(a, "-D__KERNEL__");
	fe_push(a, "-fno-strict-aliasing");
	fe_push(a, "-fno-common");
	fe_push(a, "-fshort-wchar");
	fe_push(a, "-fno-PIE");
	fe_push(a, "-std=gnu11");
	if (!strcmp(arch, "x86")) {
		fe_push(a, "-mno-sse");
		fe_push(a, "-mno-mmx");
		fe_push(a, "-mno-sse2");
		fe_push(a, "-mno-3dnow");
		fe_push(a, "-mno-avx");
		fe_push(a, "-m64");
	}
	fe_push(a, "-fno-delete-null-pointer-checks");
	fe_push(a, "-O2");
	fe_push(a, "-fno-strict-overflow");
	fe_push(a, "-DMODULE");
	fe_push(a, "-DKBUILD_BASENAME=\"" PROBE_NAME "\"");
	fe_push(a, "-DKBUILD_MODNAME=\"" PROBE_NAME "\"");
	fe_push(a, "-D__KBUILD_MODNAME=kmod_" PROBE_NAME);
	fe_push_tail(a);
	free(src);
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
