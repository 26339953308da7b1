/* test-import-rows.c -- the row arena gives its blocks back as the store
 * takes the rows (in file order, or any order).  (Its sort is store's:
 * test-store-sort.c.) */

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

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_release),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
