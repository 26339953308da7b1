/* sort.c -- sort_keys: an in-place most-significant-byte-first radix sort
 * (American flag sort) of byte-string keys. */

#include <stdlib.h>
#include <string.h>

#include "store/sort.h"

#define SORT_SMALL	24	/* fewer keys: insertion sort */

/* Load the 8 key bytes of each of A[0..N) from DEPTH into its cache: the
 * sort then reads the keys once per 8 levels, not once per byte. */
static void
sort_fill(struct sort_key *a, size_t n, size_t depth)
{
	size_t		i, j;
	uint64_t	c;

	for (i = 0; i < n; i++) {
		c = 0;
		for (j = depth; j < depth + 8; j++)
			c = c << 8 | (j < a[i].len ? a[i].k[j] : 0);
		a[i].cache = c;
	}
}

/* The byte of E at DEPTH plus one; 0 once the key has ended. */
static inline unsigned
sort_byte(const struct sort_key *e, size_t depth)
{
	if (depth >= e->len)
		return (0);
	return ((unsigned)(e->cache >> (56 - 8 * (depth & 7))) & 0xff) + 1;
}

/* Compare the bytes of two keys from FROM on (the bytes before are
 * equal), then their tags. */
static int
sort_cmp_from(const struct sort_key *a, const struct sort_key *b,
    size_t from)
{
	size_t	n;
	int	c;

	n = a->len < b->len ? a->len : b->len;
	if (n > from && (c = memcmp(a->k + from, b->k + from, n - from)) != 0)
		return (c);
	if (a->len != b->len)
		return (a->len < b->len ? -1 : 1);
	return (a->tag < b->tag ? -1 : a->tag > b->tag);
}

/* Compare keys equal before DEPTH whose caches hold their bytes from DEPTH
 * rounded down to 8: the cache decides unless it is equal. */
static int
sort_cmp(const struct sort_key *a, const struct sort_key *b, size_t depth)
{
	if (a->cache != b->cache)
		return (a->cache < b->cache ? -1 : 1);
	return (sort_cmp_from(a, b, depth & ~(size_t)7));
}

static void
sort_small(struct sort_key *a, size_t n, size_t depth)
{
	struct sort_key	e;
	size_t		i, j;

	for (i = 1; i < n; i++) {
		e = a[i];
		for (j = i; j > 0 && sort_cmp(&a[j - 1], &e, depth) > 0; j--)
			a[j] = a[j - 1];
		a[j] = e;
	}
}

static int
sort_tag_cmp(const void *pa, const void *pb)
{
	const struct sort_key	*a = pa, *b = pb;

	return (a->tag < b->tag ? -1 : a->tag > b->tag);
}

/* Keys equal as a whole: by tag. */
static void
sort_equal(struct sort_key *a, size_t n)
{
	if (n > 1)
		qsort(a, n, sizeof *a, sort_tag_cmp);
}

static void
sort_msd(struct sort_key *a, size_t n, size_t depth)
{
	uint32_t	 count[257], next[257], end;
	struct sort_key	 e, t;
	size_t		 i, start;
	unsigned	 b, c;

	for (;;) {
		if ((depth & 7) == 0 && depth != 0)
			sort_fill(a, n, depth);
		if (n < SORT_SMALL) {
			sort_small(a, n, depth);
			return;
		}
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[sort_byte(&a[i], depth)]++;
		if (count[sort_byte(&a[0], depth)] == n) {
			if (sort_byte(&a[0], depth) == 0) {
				sort_equal(a, n);
				return;
			}
			depth++;		/* a common byte: go deeper */
			continue;
		}
		break;
	}
	for (b = 0, start = 0; b < 257; b++) {
		next[b] = (uint32_t)start;
		start += count[b];
	}
	for (b = 0, start = 0; b < 257; b++) {
		end = (uint32_t)(start + count[b]);
		while (next[b] < end) {
			e = a[next[b]];
			while ((c = sort_byte(&e, depth)) != b) {
				t = a[next[c]];
				a[next[c]++] = e;
				e = t;
			}
			a[next[b]++] = e;
		}
		start = end;
	}
	sort_equal(a, count[0]);
	for (b = 1, start = count[0]; b < 257; b++) {
		if (count[b] > 1)
			sort_msd(a + start, count[b], depth + 1);
		start += count[b];
	}
}

void
sort_keys(struct sort_key *a, size_t n)
{
	size_t	i;

	/* keys often come in order (the import sorts its rows) */
	for (i = 1; i < n; i++)
		if (sort_cmp_from(&a[i - 1], &a[i], 0) > 0)
			break;
	if (i >= n)
		return;
	sort_fill(a, n, 0);
	sort_msd(a, n, 0);
}
