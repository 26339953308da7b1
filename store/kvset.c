/* kvset.c -- sets of keys, each with its value right after it in one
 * arena, sorted with sort_keys: the sorted import path and the check. */

#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

void
kvset_add(struct kvset *s, const void *k, size_t klen, const void *v,
    size_t vlen)
{
	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 4096 : s->cap * 2;
		s->e = xrealloc(s->e, s->cap * sizeof *s->e);
	}
	s->e[s->n].k = (const unsigned char *)(uintptr_t)s->arena.len;
	s->e[s->n].len = (uint32_t)klen;
	s->e[s->n].tag = (uint32_t)vlen;
	buf_add(&s->arena, k, klen);
	buf_add(&s->arena, v, vlen);
	s->n++;
}

void
kvset_sort(struct kvset *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		s->e[i].k = s->arena.p + (uintptr_t)s->e[i].k;
	sort_keys(s->e, s->n);
}

bool
kvset_same_key(const struct sort_key *a, const struct sort_key *b)
{
	return (a->len == b->len && memcmp(a->k, b->k, a->len) == 0);
}

void
kvset_free(struct kvset *s)
{
	buf_free(&s->arena);
	free(s->e);
	memset(s, 0, sizeof *s);
}
