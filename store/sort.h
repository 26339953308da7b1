/* sort.h -- sorting byte-string keys in place, for every layer: a radix
 * sort, one pass per distinguishing byte instead of a comparison per pair,
 * for the long shared prefixes of readings, dates and IDs. */
#ifndef SANKA_SORT_H
#define SANKA_SORT_H

#include <stddef.h>
#include <stdint.h>

/* A key to sort: its bytes (borrowed, not copied), and TAG, which orders
 * equal keys: give each key its position for a stable sort. */
struct sort_key {
	const unsigned char	*k;
	uint32_t		 len;
	uint32_t		 tag;
	uint64_t		 cache;		/* the sort's own */
};

/* Sort A[0..N) by key bytes (a key before the keys it is a prefix of),
 * equal keys by tag.  Keys already in order cost one pass. */
void	sort_keys(struct sort_key *a, size_t n);

#endif
