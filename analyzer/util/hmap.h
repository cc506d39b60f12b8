/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_HMAP_H
#define KML_HMAP_H

#include <stddef.h>
#include <stdint.h>

/* String-keyed open-addressing hash map; keys are copied, values are not. */
struct hmap_slot {
	char *key;
	void *val;
	uint64_t hash;
};

struct hmap {
	struct hmap_slot *slots;
	size_t cap;
	size_t n;
};

void hmap_init(struct hmap *m);
void *hmap_get(const struct hmap *m, const char *key);
void hmap_put(struct hmap *m, const char *key, void *val);
/* Calls free_val (if not NULL) on every value, frees keys and slots. */
void hmap_free(struct hmap *m, void (*free_val)(void *));

uint64_t hash_bytes(const void *p, size_t n, uint64_t seed);
uint64_t hash_str(const char *s);

#endif
