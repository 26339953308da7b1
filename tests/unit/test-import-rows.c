/* test-import-rows.c -- the row arena gives its blocks back as the store
 * takes the rows (in file order, or any order), and the radix sort of
 * keys agrees with a plain comparison sort. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "import/import-int.h"

#define NROWS	20000

/* Rows of 100..599 bytes: about 7 MB, several arena blocks. */
static void
fill(struct rowset *rs, char **rows)
{
	size_t	i, len;

	rowset_init(rs);
	for (i = 0; i < NROWS; i++) {
		len = 100 + (i * 7919) % 500;
		rows[i] = rowset_add(rs, len);
		memset(rows[i], (int)(i & 0x7f), len);
	}
	assert_true(rs->bytes > 4 * 1024 * 1024);
}

static void
test_release(void **state)
{
	struct rowset	 rs;
	char		**rows = calloc(NROWS, sizeof *rows);
	size_t		 i, half;

	(void)state;
	assert_non_null(rows);
	/* in file order: every block goes, each once all its rows went */
	fill(&rs, rows);
	for (i = 0; i < NROWS; i++) {
		rowset_release(&rs, rows[i]);
		if (i + 1 < NROWS)
			assert_true(rs.bytes > 0);
	}
	assert_int_equal(rs.bytes, 0);
	assert_null(rs.blk);
	rowset_free(&rs);
	/* backwards, then half of them: what is still held stays */
	fill(&rs, rows);
	half = rs.bytes / 2;
	for (i = NROWS; i-- > NROWS / 2;)
		rowset_release(&rs, rows[i]);
	assert_true(rs.bytes > half / 2 && rs.bytes < half * 3 / 2);
	for (i = 0; i < NROWS / 2; i++)
		assert_int_equal((unsigned char)rows[i][0], i & 0x7f);
	for (i = 0; i < NROWS / 2; i++)
		rowset_release(&rs, rows[i]);
	assert_int_equal(rs.bytes, 0);
	rowset_free(&rs);
	free(rows);
}

static int
ent_cmp(const void *pa, const void *pb)
{
	const struct sortent	*a = pa, *b = pb;
	size_t			 n = a->len < b->len ? a->len : b->len;
	int			 c = memcmp(a->k, b->k, n);

	if (c != 0)
		return (c);
	if (a->len != b->len)
		return (a->len < b->len ? -1 : 1);
	return (a->idx < b->idx ? -1 : a->idx > b->idx);
}

static void
test_sort(void **state)
{
	static const char *const bits[] = { "M", "000", "0", "1", "\x00",
	    "E001", "\xe3\x81\x82", "zz", "M0000001", "" };
	struct sortent	*a, *b;
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
			a[i].idx = (uint32_t)i;
		}
		memcpy(b, a, n * sizeof *a);
		sortent_sort(a, n);
		qsort(b, n, sizeof *b, ent_cmp);
		for (i = 0; i < n; i++)
			assert_int_equal(a[i].idx, b[i].idx);
	}
	free(keys);
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_release),
		cmocka_unit_test(test_sort),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
