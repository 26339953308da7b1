/* test-store-sort.c -- sort_keys against qsort with the order it promises:
 * key bytes, a prefix before the longer key, equal keys by tag. */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/sort.h"

/* The promised order, written the plain way. */
static int
ref_cmp(const void *pa, const void *pb)
{
	const struct sort_key	*a = pa, *b = pb;
	size_t			 n = a->len < b->len ? a->len : b->len;
	int			 c;

	if (n > 0 && (c = memcmp(a->k, b->k, n)) != 0)
		return (c);
	if (a->len != b->len)
		return (a->len < b->len ? -1 : 1);
	return (a->tag < b->tag ? -1 : a->tag > b->tag);
}

/* A pool of N keys of up to MAXLEN bytes over ALPHA letters, drawn so
 * that many share prefixes (longer than the sort's 8-byte cache), some are
 * prefixes of others and some are equal; each key gets its position as
 * tag.  The key bytes go to *ARENA. */
static struct sort_key *
make_keys(size_t n, size_t maxlen, unsigned alpha, unsigned char **arena)
{
	struct sort_key	*a;
	unsigned char	*p;
	size_t		 i, j, len, from;

	a = calloc(n + 1, sizeof *a);
	*arena = p = malloc(n * maxlen + 1);
	assert_non_null(a);
	assert_non_null(p);
	for (i = 0; i < n; i++) {
		len = (size_t)rand() % (maxlen + 1);
		if (i > 0 && rand() % 3 == 0) {
			/* an earlier key, cut or extended: prefixes, equals */
			const struct sort_key	*o = &a[(size_t)rand() % i];

			memcpy(p, o->k, o->len);
			if (len < o->len && rand() % 2 == 0)
				len = o->len;
			for (from = o->len; from < len; from++)
				p[from] = (unsigned char)(rand() % alpha);
		} else {
			for (j = 0; j < len; j++)
				p[j] = (unsigned char)(j < 10 ? 'k' :
				    rand() % alpha);
		}
		a[i].k = p;
		a[i].len = (uint32_t)len;
		a[i].tag = (uint32_t)i;
		p += maxlen;
	}
	return (a);
}

/* Sort N keys both ways and compare entry by entry. */
static void
check_sort(size_t n, size_t maxlen, unsigned alpha)
{
	struct sort_key	*a, *want;
	unsigned char	*arena;
	size_t		 i;

	a = make_keys(n, maxlen, alpha, &arena);
	want = malloc((n + 1) * sizeof *want);
	assert_non_null(want);
	memcpy(want, a, n * sizeof *a);
	qsort(want, n, sizeof *want, ref_cmp);
	sort_keys(a, n);
	for (i = 0; i < n; i++) {
		assert_ptr_equal(a[i].k, want[i].k);
		assert_int_equal(a[i].tag, want[i].tag);
	}
	free(want);
	free(a);
	free(arena);
}

static void
test_random(void **state)
{
	size_t	n;

	(void)state;
	srand(7);
	for (n = 0; n < 60; n++)	/* the insertion sort, and its edge */
		check_sort(n, 12, 3);
	check_sort(5000, 24, 4);	/* deep: shared prefixes past 8 */
	check_sort(5000, 6, 256);	/* every byte value, NUL and 0xff */
	check_sort(20000, 3, 2);	/* mostly equal keys: stability */
}

/* Keys in order, and in reverse order, and all equal. */
static void
test_shapes(void **state)
{
	static const char	*words[] = { "", "a", "ab", "abc", "abcdefgh",
	    "abcdefghi", "abcdefghij", "b", "ba", "\xff" };
	struct sort_key		 a[300];
	size_t			 i, n = sizeof words / sizeof words[0];

	(void)state;
	for (i = 0; i < n; i++) {
		a[i].k = (const unsigned char *)words[n - 1 - i];
		a[i].len = (uint32_t)strlen(words[n - 1 - i]);
		a[i].tag = (uint32_t)i;
	}
	sort_keys(a, n);
	for (i = 0; i < n; i++)
		assert_string_equal((const char *)a[i].k, words[i]);
	sort_keys(a, n);			/* already in order */
	for (i = 0; i < n; i++)
		assert_string_equal((const char *)a[i].k, words[i]);
	for (i = 0; i < 300; i++) {
		a[i].k = (const unsigned char *)"same key";
		a[i].len = 8;
		a[i].tag = (uint32_t)(i * 7919 % 300);	/* a permutation */
	}
	sort_keys(a, 300);
	for (i = 0; i < 300; i++)
		assert_int_equal(a[i].tag, i);
}

/* Keys made of pieces that are prefixes of each other, NUL included (the
 * import's own test of its sort before the sort moved here). */
static void
test_pieces(void **state)
{
	static const char *const bits[] = { "M", "000", "0", "1", "\x00",
	    "E001", "\xe3\x81\x82", "zz", "M0000001", "" };
	struct sort_key	*a, *b;
	const char	*bit;
	char		*keys;
	size_t		 len;
	size_t		 n, i, k, at, round, sizes[] = { 0, 1, 5, 23, 24, 300,
			    5000 };
	unsigned	 seed = 1;

	(void)state;
	keys = malloc(5000 * 40);
	a = calloc(5000, sizeof *a);
	b = calloc(5000, sizeof *b);
	assert_non_null(keys);
	for (round = 0; round < sizeof sizes / sizeof sizes[0]; round++) {
		n = sizes[round];
		for (i = 0, at = 0; i < n; i++) {
			a[i].k = (const unsigned char *)keys + at;
			for (k = 0; k < 4; k++) {
				seed = seed * 1103515245u + 12345u;
				bit = bits[(seed >> 16) % 10];
				/* "" and a NUL byte */
				len = bit[0] == '\0' && (seed >> 8) % 2 ? 1 :
				    strlen(bit);
				memcpy(keys + at, bit, len);
				at += len;
			}
			a[i].len = (uint32_t)((const char *)keys + at -
			    (const char *)a[i].k);
			a[i].tag = (uint32_t)i;
		}
		memcpy(b, a, n * sizeof *a);
		sort_keys(a, n);
		qsort(b, n, sizeof *b, ref_cmp);
		for (i = 0; i < n; i++)
			assert_int_equal(a[i].tag, b[i].tag);
	}
	free(keys);
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_pieces),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
