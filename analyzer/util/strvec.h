/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_STRVEC_H
#define KML_STRVEC_H

#include <stddef.h>

/* A growable array of owned, NUL-terminated strings; v[n] is always NULL. */
struct strvec {
	char **v;
	size_t n;
	size_t alloc;
};

void strvec_init(struct strvec *sv);
/* Copies s. Returns 0, or -1 when out of memory (sv unchanged). */
int strvec_push(struct strvec *sv, const char *s);
int strvec_pushf(struct strvec *sv, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strvec_clear(struct strvec *sv);

/* xmalloc-style helpers: print "kmemlint: out of memory" and exit(2). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
