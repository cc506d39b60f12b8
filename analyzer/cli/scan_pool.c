// SPDX-License-Identifier: GPL-2.0
/*
 * The scan's worker processes.  One process per file, at most -j at once:
 * a file that crashes the analyzer, hangs or eats all memory costs that
 * file only.  Each worker runs under setrlimit(RLIMIT_AS) (--mem-limit),
 * is killed after --timeout seconds, writes its results to a file of the
 * scan's temporary directory and its stderr to another, and exits.  The
 * parent reaps them, says why a file failed, and draws the progress bar
 * on a terminal.
 *
 * Test hook (worker only): KMEMLINT_TEST_WORKER="crash:NAME,hang:NAME,
 * oom:NAME" makes the worker of the file whose basename is NAME die of
 * SIGSEGV, hang, or allocate until its memory limit stops it.  The test
 * suite uses it to check that the scan goes on; see docs/usage.md.
 *
 * SIGINT and SIGTERM stop the scan: no worker is started any more, the
 * running ones are killed, and what was done is kept (each file's records
 * are committed as it is reaped: scan_keep()).  A worker that dies of
 * SIGINT or SIGTERM (a ^C reaches the whole process group) stops the scan
 * the same way.  A worker dies with its parent (PR_SET_PDEATHSIG).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "scan.h"
#include "../util/clock.h"

/* AddressSanitizer reserves terabytes of address space for its shadow
 * memory: under it, an RLIMIT_AS of a few GB kills every worker at
 * start, so an ASan build (scripts/run-tests.sh) runs without the
 * memory limit. */
#if defined(__SANITIZE_ADDRESS__)
#define KML_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KML_ASAN 1
#endif
#endif
#ifndef KML_ASAN
#define KML_ASAN 0
#endif


volatile sig_atomic_t scan_stop_sig;
static pid_t scan_parent;	/* the scan's pid, for its workers */

static void on_stop(int sig)
{
	if (!scan_stop_sig)
		scan_stop_sig = sig;
}

void scan_catch_signals(bool on)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on ? on_stop : SIG_DFL;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

struct running {
	pid_t pid;
	int i;
	double start;
	bool killed;
};

char *scan_result_path(const struct scan *sc, int i, const char *ext)
{
	return xstrfmt("%s/w%d.%s", sc->tmp, i, ext);
}

static const char *base(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

/* KMEMLINT_TEST_WORKER: "what:name[,what:name...]" */
static void test_hook(const char *file)
{
	const char *env = getenv("KMEMLINT_TEST_WORKER");
	char *copy, *tok, *save = NULL;

	if (!env)
		return;
	copy = xstrdup(env);
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		char *colon = strchr(tok, ':');

		if (!colon || strcmp(colon + 1, base(file)))
			continue;
		*colon = '\0';
		if (!strcmp(tok, "crash")) {
			signal(SIGSEGV, SIG_DFL);
			raise(SIGSEGV);
		} else if (!strcmp(tok, "hang")) {
			for (;;)
				pause();
		} else if (!strcmp(tok, "oom")) {
			for (;;) {
				char *p = malloc(64 << 20);

				if (!p) {
					fputs("kmemlint: out of memory\n", stderr);
					_exit(2);
				}
				memset(p, 1, 64 << 20);
			}
		}
	}
	free(copy);
}

static void child(struct scan *sc, int i)
{
	char *out = scan_result_path(sc, i, "out");
	char *err = scan_result_path(sc, i, "err");
	int fd, code;
	FILE *f;

	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != scan_parent)
		_exit(2);	/* the parent is already gone */
	fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		dup2(fd, 2);
		close(fd);
	}
	fd = open("/dev/null", O_WRONLY);
	if (fd >= 0) {
		dup2(fd, 1);
		close(fd);
	}
	if (sc->o->mem_limit > 0 && !KML_ASAN) {
		struct rlimit rl;

		rl.rlim_cur = rl.rlim_max = (rlim_t)sc->o->mem_limit << 20;
		setrlimit(RLIMIT_AS, &rl);
	}
	/* the analysis crashes or hangs, not the index pass's parse */
	if (!sc->indexing)
		test_hook(sc->jobs.v[i].file);
	f = fopen(out, "w");
	if (!f) {
		fprintf(stderr, "kmemlint: %s: %s\n", out, strerror(errno));
		_exit(2);
	}
	code = scan_worker(sc, i, f);
	if (fclose(f) && !code)
		code = 2;
	fflush(stderr);
	_exit(code);
}

static bool says_out_of_memory(const char *path)
{
	char buf[8192];
	ssize_t n;
	int fd = open(path, O_RDONLY);
	bool hit;

	if (fd < 0)
		return false;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	hit = strstr(buf, "out of memory") || strstr(buf, "bad_alloc") ||
	      strstr(buf, "Cannot allocate memory");
	return hit;
}

/* Copy the worker's stderr to ours (after the progress bar is cleared). */
static void relay(const char *path)
{
	char buf[4096];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write(2, buf, (size_t)n) < 0)
			break;
	close(fd);
}

static void clear_bar(const struct scan *sc)
{
	if (sc->o->progress)
		fputs("\r\033[K", stderr);
}

static void draw_bar(const struct scan *sc, int done, int n, double t0,
		     const char *current)
{
	struct winsize ws;
	int cols = 80, left, eta;
	double el = mono_seconds() - t0;
	char head[96];

	if (!sc->o->progress)
		return;
	if (!ioctl(2, TIOCGWINSZ, &ws) && ws.ws_col > 20)
		cols = ws.ws_col;
	if (done) {
		eta = (int)(el / done * (n - done) + 0.5);
		snprintf(head, sizeof(head), "[%d/%d] %3d%% ETA %d:%02d ", done,
			 n, done * 100 / n, eta / 60, eta % 60);
	} else {
		snprintf(head, sizeof(head), "[%d/%d] %3d%% ETA --:-- ", done,
			 n, 0);
	}
	left = cols - 1 - (int)strlen(head);
	if (current && left > 3) {
		int len = (int)strlen(current);

		if (len > left)
			fprintf(stderr, "\r\033[K%s...%s", head,
				current + len - (left - 3));
		else
			fprintf(stderr, "\r\033[K%s%s", head, current);
	} else {
		fprintf(stderr, "\r\033[K%s", head);
	}
	fflush(stderr);
}

/* false: the worker died of SIGINT or SIGTERM, the scan is stopping */
static bool finish(struct scan *sc, struct running *r, int status,
		   const struct rusage *ru)
{
	struct scan_file *sf = &sc->files[r->i];
	char *out = scan_result_path(sc, r->i, "out");
	char *err = scan_result_path(sc, r->i, "err");
	const char *file = sc->jobs.v[r->i].file;

	sf->cpu = ru->ru_utime.tv_sec + ru->ru_utime.tv_usec / 1e6 +
		  ru->ru_stime.tv_sec + ru->ru_stime.tv_usec / 1e6;
	sc->worker_cpu += sf->cpu;
	if (ru->ru_maxrss > sc->worker_rss_kb) {
		sc->worker_rss_kb = ru->ru_maxrss;
		sc->worker_rss_file = r->i;
	}
	sf->fail = SF_NONE;
	if (!r->killed && WIFSIGNALED(status) &&
	    (WTERMSIG(status) == SIGINT || WTERMSIG(status) == SIGTERM)) {
		on_stop(WTERMSIG(status));
		unlink(out);
		unlink(err);
		free(out);
		free(err);
		return false;
	}
	clear_bar(sc);
	relay(err);
	if (r->killed) {
		sf->fail = SF_TIMEOUT;
		fprintf(stderr, "kmemlint: %s: not analysed: killed after the time limit of %d s (--timeout)\n",
			file, sc->o->timeout);
	} else if (WIFSIGNALED(status)) {
		sf->sig = WTERMSIG(status);
		if (sc->o->mem_limit > 0 && says_out_of_memory(err)) {
			sf->fail = SF_MEMORY;
			fprintf(stderr, "kmemlint: %s: not analysed: out of the memory limit of %ld MB (--mem-limit)\n",
				file, sc->o->mem_limit);
		} else {
			sf->fail = SF_SIGNAL;
			fprintf(stderr, "kmemlint: %s: not analysed: the analyzer died of signal %d (%s); please report it\n",
				file, sf->sig, strsignal(sf->sig));
		}
	} else if (WEXITSTATUS(status) == WORKER_PARSE_FAILED &&
		   !(sc->o->mem_limit > 0 && says_out_of_memory(err))) {
		sf->fail = SF_PARSE;
	} else if (WEXITSTATUS(status) != 0) {
		sf->sig = WEXITSTATUS(status);
		if (says_out_of_memory(err)) {
			sf->fail = SF_MEMORY;
			fprintf(stderr, "kmemlint: %s: not analysed: out of the memory limit of %ld MB (--mem-limit)\n",
				file, sc->o->mem_limit);
		} else {
			sf->fail = SF_EXIT;
			fprintf(stderr, "kmemlint: %s: not analysed: the worker exited with status %d\n",
				file, sf->sig);
		}
	} else if (scan_read_results(sc, r->i, out)) {
		sf->fail = SF_EXIT;
		fprintf(stderr, "kmemlint: %s: not analysed: the worker's results could not be read\n",
			file);
	}
	unlink(out);
	unlink(err);
	free(out);
	free(err);
	return true;
}

/* Interrupted: kill and reap the running workers; their files are not
 * done. */
static void stop_all(struct scan *sc, struct running *run, int nj)
{
	int k, status;

	for (k = 0; k < nj; k++)
		if (run[k].pid)
			kill(run[k].pid, SIGKILL);
	for (k = 0; k < nj; k++) {
		char *out, *err;

		if (!run[k].pid)
			continue;
		while (waitpid(run[k].pid, &status, 0) < 0 && errno == EINTR)
			;
		out = scan_result_path(sc, run[k].i, "out");
		err = scan_result_path(sc, run[k].i, "err");
		unlink(out);
		unlink(err);
		free(out);
		free(err);
		run[k].pid = 0;
	}
}

void scan_pool_run(struct scan *sc, const int *idx, int n)
{
	int nj = sc->o->jobs > 0 ? sc->o->jobs : 1;
	struct running *run = xcalloc((size_t)nj, sizeof(*run));
	int next = 0, done = 0, active = 0, k;
	const char *current = NULL;
	double t0 = mono_seconds(), last_draw = 0;

	scan_parent = getpid();
	fflush(stdout);
	fflush(stderr);
	while (done < n) {
		struct rusage ru;
		int status;
		pid_t pid;

		if (scan_stop_sig) {
			stop_all(sc, run, nj);
			sc->interrupted = scan_stop_sig;
			break;
		}
		while (active < nj && next < n) {
			for (k = 0; run[k].pid; k++)
				;
			run[k].i = idx[next++];
			run[k].start = mono_seconds();
			run[k].killed = false;
			current = sc->jobs.v[run[k].i].file;
			pid = fork();
			if (pid == 0)
				child(sc, run[k].i);
			if (pid < 0) {
				fprintf(stderr, "kmemlint: fork: %s\n",
					strerror(errno));
				sc->files[run[k].i].fail = SF_EXIT;
				done++;
				continue;
			}
			run[k].pid = pid;
			active++;
			draw_bar(sc, done, n, t0, current);
		}
		pid = wait4(-1, &status, WNOHANG, &ru);
		if (pid > 0) {
			for (k = 0; k < nj && run[k].pid != pid; k++)
				;
			if (k == nj)
				continue;	/* not a worker (make) */
			if (!finish(sc, &run[k], status, &ru)) {
				run[k].pid = 0;
				active--;
				continue;
			}
			run[k].pid = 0;
			active--;
			done++;
			if (!sc->files[run[k].i].fail && !sc->indexing)
				scan_keep(sc, run[k].i);
			draw_bar(sc, done, n, t0, current);
			continue;
		}
		for (k = 0; k < nj; k++)
			if (run[k].pid && !run[k].killed && sc->o->timeout > 0 &&
			    mono_seconds() - run[k].start > sc->o->timeout) {
				kill(run[k].pid, SIGKILL);
				run[k].killed = true;
			}
		if (mono_seconds() - last_draw > 0.5) {
			draw_bar(sc, done, n, t0, current);
			last_draw = mono_seconds();
		}
		poll(NULL, 0, 10);
	}
	clear_bar(sc);
	free(run);
}
