// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "hmap.h"
#include "strvec.h"

/* FNV-1a: small, good enough for identifiers and state words. */
uint64_t hash_bytes(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *b = p;
	uint64_t h = seed ^ 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

uint64_t hash_str(const char *s)
{
	return hash_bytes(s, strlen(s), 0);
}

/*
 * The table's own hash of a key: eight bytes a step.  Keys are access
 * paths, field keys and sleep chains hundreds of bytes long, looked up at
 * every step of an exploration, where hash_str()'s byte at a time cost a
 * tenth of a heavy file's analysis.  Only the table sees it (its order
 * of slots is not an output), so it may change; hash_str() may not.
 */
static uint64_t key_hash(const char *s)
{
	size_t n = strlen(s), i;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s + i, n - i);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
}

void hmap_init(struct hmap *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->n = 0;
}

static struct hmap_slot *find(const struct hmap *m, const char *key,
			      uint64_t h)
{
	size_t i;

	if (!m->cap)
		return NULL;
	for (i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		struct hmap_slot *s = &m->slots[i];

		if (!s->key || (s->hash == h && !strcmp(s->key, key)))
			return s;
	}
}

void *hmap_get(const struct hmap *m, const char *key)
{
	struct hmap_slot *s = find(m, key, key_hash(key));

	return s && s->key ? s->val : NULL;
}

static void grow(struct hmap *m)
{
	struct hmap_slot *old = m->slots;
	size_t oldcap = m->cap, i;

	m->cap = oldcap ? oldcap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	for (i = 0; i < oldcap; i++) {
		struct hmap_slot *s;

		if (!old[i].key)
			continue;
		s = find(m, old[i].key, old[i].hash);
		*s = old[i];
	}
	free(old);
}

void hmap_put(struct hmap *m, const char *key, void *val)
{
	uint64_t h = key_hash(key);
	struct hmap_slot *s;

	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	s = find(m, key, h);
	if (!s->key) {
		s->key = xstrdup(key);
		s->hash = h;
		m->n++;
	}
	s->val = val;
}

void hmap_free(struct hmap *m, void (*free_val)(void *))
{
	size_t i;

	for (i = 0; i < m->cap; i++) {
		if (!m->slots[i].key)
			continue;
		if (free_val)
			free_val(m->slots[i].val);
		free(m->slots[i].key);
	}
	free(m->slots);
	hmap_init(m);
}
