// SPDX-License-Identifier: GPL-2.0
/*
 * bench-parse: what the header-parse levers of libclang would save on
 * kernel files (docs/benchmarks.md, "Parse levers").  Not a test and not
 * part of kmemlint: a measurement.
 *
 * Reads the lines of `kmemlint scan --list-files` ("FILE ARGS...", run
 * from KDIR) on stdin and parses each file with libclang in each mode,
 * printing the CPU time of each mode per file and in all:
 *
 *   plain      the scan worker's parse (IgnoreNonErrorsFromIncludedFiles)
 *   skip-all   + SkipFunctionBodies: no function body anywhere, the main
 *              file's included (a lower bound: kmemlint needs those)
 *   preamble   + a precompiled preamble (the file's leading #includes)
 *              built on the first parse, with the bodies of the preamble's
 *              functions skipped (LimitSkipFunctionBodiesToPreamble)
 *   reparse    a second parse of the same unit through that preamble
 *              (what a later round would cost if it parsed again)
 *
 * usage: bench-parse KDIR [MODE...] < files
 */
#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum mode { M_PLAIN, M_SKIP_ALL, M_PREAMBLE, M_REPARSE, NMODES };

static const char *const mode_names[NMODES] = {
	"plain", "skip-all", "preamble", "reparse"
};

static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Errors in the main file or anywhere: a parse that is not comparable. */
static unsigned errors(CXTranslationUnit tu)
{
	unsigned i, n = clang_getNumDiagnostics(tu), bad = 0;

	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error)
			bad++;
		clang_disposeDiagnostic(d);
	}
	return bad;
}

/* Split a line into argv in place (the list has no quoting). */
static int split(char *line, char **argv, int max)
{
	int n = 0;
	char *tok, *save = NULL;

	for (tok = strtok_r(line, " \t\n", &save); tok && n < max;
	     tok = strtok_r(NULL, " \t\n", &save))
		argv[n++] = tok;
	return n;
}

/* One mode on one file: CPU seconds, or -1 when it did not parse clean. */
static double run(CXIndex idx, enum mode m, const char *file,
		  const char *const *args, int nargs)
{
	unsigned opts = CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
	CXTranslationUnit tu = NULL;
	double t0, t;

	if (m == M_SKIP_ALL)
		opts |= CXTranslationUnit_SkipFunctionBodies;
	if (m == M_PREAMBLE || m == M_REPARSE)
		opts |= CXTranslationUnit_PrecompiledPreamble |
			CXTranslationUnit_CreatePreambleOnFirstParse |
			CXTranslationUnit_SkipFunctionBodies |
			CXTranslationUnit_LimitSkipFunctionBodiesToPreamble;
	t0 = cpu_now();
	if (clang_parseTranslationUnit2(idx, file, args, nargs, NULL, 0, opts,
					&tu) != CXError_Success || !tu)
		return -1;
	t = cpu_now() - t0;
	if (m == M_REPARSE) {
		t0 = cpu_now();
		if (clang_reparseTranslationUnit(tu, 0, NULL,
				clang_defaultReparseOptions(tu))) {
			clang_disposeTranslationUnit(tu);
			return -1;
		}
		t = cpu_now() - t0;
	}
	if (errors(tu))
		t = -1;
	clang_disposeTranslationUnit(tu);
	return t;
}

int main(int argc, char **argv)
{
	static char line[1 << 16];
	char *av[1024];
	double total[NMODES] = { 0 };
	int used[NMODES] = { 0 }, want[NMODES] = { 0 }, nfiles = 0, both = 0;
	int i, m;
	CXIndex idx;

	if (argc < 2) {
		fprintf(stderr, "usage: %s KDIR [plain|skip-all|preamble|reparse...] < files\n",
			argv[0]);
		return 2;
	}
	if (chdir(argv[1])) {
		perror(argv[1]);
		return 2;
	}
	for (i = 2; i < argc; i++) {
		for (m = 0; m < NMODES; m++)
			if (!strcmp(argv[i], mode_names[m]))
				break;
		if (m < NMODES)
			want[m] = 1;
		else {
			fprintf(stderr, "bench-parse: unknown mode '%s'\n", argv[i]);
			return 2;
		}
	}
	if (argc == 2)
		for (m = 0; m < NMODES; m++)
			want[m] = 1;
	idx = clang_createIndex(0, 0);
	while (fgets(line, sizeof(line), stdin)) {
		int n = split(line, av, 1024);
		double t[NMODES];
		int ok = 1;

		if (n < 1)
			continue;
		nfiles++;
		printf("%s", av[0]);
		for (m = 0; m < NMODES; m++) {
			if (!want[m])
				continue;
			t[m] = run(idx, m, av[0], (const char *const *)av + 1, n - 1);
			printf(" %s=%.3f", mode_names[m], t[m]);
			if (t[m] < 0)
				ok = 0;
		}
		printf("\n");
		fflush(stdout);
		if (!ok)
			continue;
		both++;
		for (m = 0; m < NMODES; m++)
			if (want[m]) {
				total[m] += t[m];
				used[m]++;
			}
	}
	clang_disposeIndex(idx);
	printf("files %d, parsed clean in every mode %d\n", nfiles, both);
	for (m = 0; m < NMODES; m++)
		if (want[m] && used[m])
			printf("%-9s CPU %8.2f s  (%.2fx plain)\n", mode_names[m],
			       total[m], want[M_PLAIN] && total[M_PLAIN] > 0 ?
			       total[m] / total[M_PLAIN] : 0.0);
	return 0;
}
