// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlint runs on a thread with a large stack.
 *
 * libclang parses on a thread of its own with an 8 MB stack, and clang's
 * parser and semantic analysis recurse once per operand of an operator
 * chain: `y && y && ... && y` with some 20,000 terms (found by the fuzz
 * test, testcases/fuzz/regress/) overflowed it and killed the process
 * with SIGSEGV, which libclang's crash recovery cannot catch on a full
 * stack.  kmemlint's own lowering recurses the same way.  So main() runs
 * kmemlint's real main on a thread with KML_STACK_MB of stack, and asks
 * libclang (LIBCLANG_NOTHREADS) to parse on the calling thread, that is
 * on this stack too.  The stack is reserved address space, touched only
 * as deep as the recursion goes; a scan's workers, forked from this
 * thread, run on it as well (their --mem-limit counts it).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

int kmemlint_main(int argc, char **argv);

#define KML_STACK_MB 512

struct args {
	int argc;
	char **argv;
	int ret;
};

static void *run(void *p)
{
	struct args *a = p;

	a->ret = kmemlint_main(a->argc, a->argv);
	return NULL;
}

int main(int argc, char **argv)
{
	struct args a = { argc, argv, 2 };
	pthread_attr_t attr;
	pthread_t t;

	setenv("LIBCLANG_NOTHREADS", "1", 0);
	if (pthread_attr_init(&attr) ||
	    pthread_attr_setstacksize(&attr, (size_t)KML_STACK_MB << 20) ||
	    pthread_create(&t, &attr, run, &a)) {
		/* no thread: run here, with the default stack */
		unsetenv("LIBCLANG_NOTHREADS");
		return kmemlint_main(argc, argv);
	}
	pthread_attr_destroy(&attr);
	pthread_join(t, NULL);
	fflush(NULL);
	return a.ret;
}
