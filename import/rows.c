/* rows.c -- the row arena (no per-field malloc) and a small string map. */

#include <stdlib.h>
#include <string.h>

#include "import/import-int.h"

/* Under glibc's mmap threshold (128 KiB): a block the store has taken
 * every row of goes back to the heap, where LMDB's dirty pages reuse it,
 * instead of to the kernel, which would hand fresh pages (one minor fault
 * each) to the next allocation. */
#define ARENA_BLOCK	(120 * 1024)

struct arena_blk {
	struct arena_blk *next;
	size_t		  used, size;
	size_t		  live;		/* rows not yet released */
	max_align_t	  data[];
};

void
rowset_init(struct rowset *rs)
{
	memset(rs, 0, sizeof *rs);
}

void
rowset_free(struct rowset *rs)
{
	struct arena_blk	*b, *next;

	for (b = rs->blk; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(rs->row);
	free(rs->index);
	free(rs->addr);
	memset(rs, 0, sizeof *rs);
}

char *
rowset_add(struct rowset *rs, size_t len)
{
	struct arena_blk	*b = rs->blk;
	char			*p;

	len = (len + 3) & ~(size_t)3;	/* keep row headers aligned */
	if (b == NULL || b->size - b->used < len) {
		size_t	size = len > ARENA_BLOCK ? len : ARENA_BLOCK;

		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		b->live = 0;
		b->next = rs->blk;
		rs->blk = b;
	}
	b->live++;
	p = (char *)b->data + b->used;
	b->used += len;
	rs->bytes += len;
	if (rs->n == rs->cap) {
		rs->cap = rs->cap == 0 ? 1024 : 2 * rs->cap;
		rs->row = xrealloc(rs->row, rs->cap * sizeof *rs->row);
	}
	rs->row[rs->n++] = p;
	return (p);
}

static int
rowset_blk_cmp(const void *a, const void *b)
{
	uintptr_t	x = (uintptr_t)*(struct arena_blk *const *)a;
	uintptr_t	y = (uintptr_t)*(struct arena_blk *const *)b;

	return (x < y ? -1 : x > y);
}

void
rowset_release(struct rowset *rs, const char *row)
{
	struct arena_blk	*b, **pp;
	size_t			 lo, hi, mid, n = 0;

	if (rs->index == NULL) {
		/* The blocks by address, to find a row's block. */
		for (b = rs->blk; b != NULL; b = b->next)
			n++;
		rs->index = xcalloc(n + 1, sizeof *rs->index);
		rs->addr = xcalloc(n + 1, sizeof *rs->addr);
		for (b = rs->blk; b != NULL; b = b->next)
			rs->index[rs->nindex++] = b;
		qsort(rs->index, rs->nindex, sizeof *rs->index,
		    rowset_blk_cmp);
		for (lo = 0; lo < rs->nindex; lo++)
			rs->addr[lo] = (uintptr_t)rs->index[lo];
	}
	/* the addresses stay sorted as blocks go (their index NULL) */
	lo = 0;
	hi = rs->nindex;
	while (lo + 1 < hi) {
		mid = lo + (hi - lo) / 2;
		if (rs->addr[mid] <= (uintptr_t)row)
			lo = mid;
		else
			hi = mid;
	}
	b = rs->index[lo];
	if (b == NULL || (uintptr_t)row < (uintptr_t)b->data ||
	    (uintptr_t)row >= (uintptr_t)b->data + b->used || --b->live > 0)
		return;
	for (pp = &rs->blk; *pp != NULL; pp = &(*pp)->next)
		if (*pp == b) {
			*pp = b->next;
			break;
		}
	rs->index[lo] = NULL;
	rs->bytes -= b->used;
	free(b);
}

const char *
row_slot(const char *r, size_t slot)
{
	const char	*s = r + sizeof(struct rowhdr);

	while (slot-- > 0)
		s += strlen(s) + 1;
	return (s);
}

void
row_slots(const char *r, const char **v, size_t n)
{
	const char	*s = r + sizeof(struct rowhdr);
	size_t		 i;

	for (i = 0; i < n; i++) {
		v[i] = s;
		s += strlen(s) + 1;
	}
}

/* --- string map ------------------------------------------------------- */

uint64_t
hash_more(uint64_t h, const char *s)
{
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return (h);
}

uint64_t
hash_str(const char *s)
{
	return (hash_more(1469598103934665603ULL, s));	/* FNV-1a */
}

void
strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof *m);
}

void
strmap_free(struct strmap *m)
{
	free(m->key);
	free(m->val);
	memset(m, 0, sizeof *m);
}

uint32_t *
strmap_get(const struct strmap *m, const char *key)
{
	size_t	i;

	if (m->cap == 0)
		return (NULL);
	for (i = hash_str(key) & (m->cap - 1); m->key[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->key[i], key) == 0)
			return (&m->val[i]);
	return (NULL);
}

static void
strmap_grow(struct strmap *m)
{
	struct strmap	n;
	size_t		i;

	n.cap = m->cap == 0 ? 64 : 2 * m->cap;
	n.n = 0;
	n.key = xcalloc(n.cap, sizeof *n.key);
	n.val = xcalloc(n.cap, sizeof *n.val);
	for (i = 0; i < m->cap; i++)
		if (m->key[i] != NULL)
			strmap_put(&n, m->key[i], m->val[i]);
	strmap_free(m);
	*m = n;
}

uint32_t *
strmap_put(struct strmap *m, const char *key, uint32_t val)
{
	uint32_t	*v;
	size_t		 i;

	if ((v = strmap_get(m, key)) != NULL)
		return (v);
	if (2 * (m->n + 1) > m->cap)
		strmap_grow(m);
	for (i = hash_str(key) & (m->cap - 1); m->key[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		;
	m->key[i] = key;
	m->val[i] = val;
	m->n++;
	return (&m->val[i]);
}
