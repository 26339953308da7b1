/* test-tui-listview.c -- cursor, scrolling, paging, reload and tags. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "tui/listview.h"

struct row {
	long	pos;	/* the order key */
	long	id;	/* the record */
};

/* A virtual list of NROWS rows, pos = id = 0..NROWS-1, minus one deleted
 * row; FETCHES counts the calls. */
static long	nrows;
static long	deleted = -1;
static int	fetches;

static int
fake_fetch(void *arg, const void *anchor, int backward, void *rows, size_t n,
    size_t *got)
{
	const struct row	*a = anchor;
	struct row		*out = rows;
	long			 p;
	size_t			 k = 0;

	(void)arg;
	fetches++;
	if (!backward) {
		for (p = a != NULL ? a->pos + 1 : 0; p < nrows && k < n; p++)
			if (p != deleted)
				out[k++] = (struct row){ p, p };
	} else {
		/* Collect backward, then reverse into list order. */
		p = a != NULL && a->pos <= nrows ? a->pos - 1 : nrows - 1;
		for (; p >= 0 && k < n; p--)
			if (p != deleted)
				out[k++] = (struct row){ p, p };
		for (size_t i = 0; i < k / 2; i++) {
			struct row t = out[i];

			out[i] = out[k - 1 - i];
			out[k - 1 - i] = t;
		}
	}
	*got = k;
	return (0);
}

static int
same(const void *a, const void *b)
{
	return (((const struct row *)a)->id == ((const struct row *)b)->id);
}

static long
cur_id(const struct listview *lv)
{
	const struct row	*r = listview_current(lv);

	return (r != NULL ? r->id : -1);
}

static void
test_full_list(void **state)
{
	struct listview	lv;
	struct row	r;
	long		i;

	(void)state;
	listview_init(&lv, sizeof r);
	for (i = 0; i < 100; i++) {
		r = (struct row){ i, i };
		listview_push(&lv, &r);
	}
	listview_set_height(&lv, 10);
	assert_int_equal(lv.cur, 0);
	listview_move(&lv, -1);
	assert_int_equal(lv.cur, 0);
	listview_move(&lv, 15);
	assert_int_equal(lv.cur, 15);
	assert_int_equal(lv.top, 6);
	listview_page(&lv, 1);
	assert_int_equal(lv.cur, 25);
	assert_int_equal(lv.top, 16);
	listview_page(&lv, -1);
	assert_int_equal(lv.cur, 15);
	assert_int_equal(lv.top, 6);
	listview_end(&lv);
	assert_int_equal(lv.cur, 99);
	assert_int_equal(lv.top, 90);
	listview_page(&lv, 1);
	assert_int_equal(lv.cur, 99);
	assert_int_equal(lv.top, 90);
	listview_home(&lv);
	assert_int_equal(lv.cur, 0);
	assert_int_equal(lv.top, 0);
	listview_page(&lv, -1);
	assert_int_equal(lv.cur, 0);
	/* Paging down near the end stops with the last row at the bottom. */
	listview_move(&lv, 85);
	assert_int_equal(lv.top, 76);
	listview_page(&lv, 1);
	assert_int_equal(lv.cur, 95);
	assert_int_equal(lv.top, 86);
	listview_page(&lv, 1);
	assert_int_equal(lv.cur, 99);
	assert_int_equal(lv.top, 90);
	/* A smaller window keeps the cursor on screen. */
	listview_set_height(&lv, 3);
	assert_true(lv.cur >= lv.top && lv.cur < lv.top + 3);
	listview_set_height(&lv, 0);
	assert_int_equal(lv.height, 1);
	assert_int_equal(lv.top, lv.cur);
	listview_free(&lv);
}

static void
test_empty(void **state)
{
	struct listview	lv;

	(void)state;
	listview_init(&lv, sizeof(struct row));
	listview_set_height(&lv, 10);
	listview_move(&lv, 1);
	listview_page(&lv, 1);
	listview_end(&lv);
	listview_page(&lv, -1);
	assert_null(listview_current(&lv));
	assert_int_equal(lv.cur, 0);
	listview_free(&lv);
}

static void
test_reselect(void **state)
{
	struct listview	lv;
	struct row	r, key, tkey;
	long		i;

	(void)state;
	listview_init(&lv, sizeof r);
	for (i = 0; i < 50; i++) {
		r = (struct row){ i, i };
		listview_push(&lv, &r);
	}
	listview_set_height(&lv, 10);
	listview_move(&lv, 20);		/* top 11, line 9 on screen */
	key = *(struct row *)listview_current(&lv);
	tkey = *(struct row *)listview_row(&lv, lv.top);
	/* Reload with row 5 gone: id 20 is now at index 19, same line. */
	listview_clear(&lv);
	for (i = 0; i < 50; i++) {
		if (i == 5)
			continue;
		r = (struct row){ i, i };
		listview_push(&lv, &r);
	}
	listview_reselect(&lv, same, &key, &tkey, 20, 11);
	assert_int_equal(cur_id(&lv), 20);
	assert_int_equal(lv.cur - lv.top, 9);
	assert_int_equal(((struct row *)listview_row(&lv, lv.top))->id, 11);
	/* The cursor's record itself gone: the cursor stays in place. */
	listview_clear(&lv);
	for (i = 0; i < 50; i++) {
		if (i == 5 || i == 20)
			continue;
		r = (struct row){ i, i };
		listview_push(&lv, &r);
	}
	listview_reselect(&lv, same, &key, NULL, 19, 10);
	assert_int_equal(lv.cur, 19);
	assert_int_equal(cur_id(&lv), 21);
	/* Everything gone. */
	listview_clear(&lv);
	listview_reselect(&lv, same, &key, NULL, 19, 10);
	assert_null(listview_current(&lv));
	listview_free(&lv);
}

/* Mark, undo, bulk, declined toggle: rows come and go above the cursor
 * on the screen; the first row shown stays, nothing vanishes above. */
static void
test_reselect_keeps_top(void **state)
{
	struct listview	lv;
	struct row	r, key, tkey;
	long		i;

	(void)state;
	listview_init(&lv, sizeof r);
	for (i = 0; i < 151; i++) {
		r = (struct row){ i, i };
		listview_push(&lv, &r);
	}
	listview_set_height(&lv, 20);
	listview_move(&lv, 5);			/* top 0, cursor on id 5 */
	/* `a`: id 5 leaves the list; the cursor stays on line 5. */
	key = *(struct row *)listview_current(&lv);
	tkey = *(struct row *)listview_row(&lv, lv.top);
	listview_clear(&lv);
	for (i = 0; i < 151; i++) {
		if (i == 5)
			continue;
		r = (struct row){ i, i };
		listview_push(&lv, &r);
	}
	listview_reselect(&lv, same, &key, &tkey, 5, 0);
	assert_int_equal(lv.cur, 5);
	assert_int_equal(lv.top, 0);
	assert_int_equal(cur_id(&lv), 6);
	/* `u`: id 5 comes back above the cursor; row 0 stays on top. */
	key = *(struct row *)listview_current(&lv);
	tkey = *(struct row *)listview_row(&lv, lv.top);
	listview_clear(&lv);
	for (i = 0; i < 151; i++) {
		r = (struct row){ i, i };
		listview_push(&lv, &r);
	}
	listview_reselect(&lv, same, &key, &tkey, 5, 0);
	assert_int_equal(lv.top, 0);
	assert_int_equal(cur_id(&lv), 6);
	/* `d`: 40 declined rows appear before the cursor, 2 of them above
	 * the first row shown: the first row shown stays (index 2). */
	listview_move(&lv, -1);			/* cursor on id 5 */
	key = *(struct row *)listview_current(&lv);
	tkey = *(struct row *)listview_row(&lv, lv.top);
	listview_clear(&lv);
	for (i = 0; i < 2; i++) {
		r = (struct row){ 0, 1000 + i };
		listview_push(&lv, &r);
	}
	for (i = 0; i < 151; i++) {
		r = (struct row){ i, i };
		listview_push(&lv, &r);
		if (i == 2)
			for (long j = 0; j < 38; j++) {
				r = (struct row){ 0, 2000 + j };
				listview_push(&lv, &r);
			}
	}
	listview_reselect(&lv, same, &key, &tkey, 5, 0);
	assert_int_equal(cur_id(&lv), 5);
	/* The cursor would leave the screen below the old first row: it
	 * keeps its line instead, and shows. */
	assert_true(lv.cur >= lv.top && lv.cur < lv.top + lv.height);
	assert_int_equal(lv.cur - lv.top, 5);
	/* `A`: tagged rows above the cursor leave; the first row stays. */
	listview_clear(&lv);
	for (i = 0; i < 151; i++) {
		r = (struct row){ i, i };
		listview_push(&lv, &r);
	}
	listview_home(&lv);
	listview_move(&lv, 10);
	key = *(struct row *)listview_current(&lv);
	tkey = *(struct row *)listview_row(&lv, lv.top);
	listview_clear(&lv);
	for (i = 0; i < 151; i++) {
		if (i == 3 || i == 4 || i == 5)
			continue;
		r = (struct row){ i, i };
		listview_push(&lv, &r);
	}
	listview_reselect(&lv, same, &key, &tkey, 10, 0);
	assert_int_equal(lv.top, 0);
	assert_int_equal(cur_id(&lv), 10);
	listview_free(&lv);
}

static void
test_paged_million(void **state)
{
	struct listview	lv;
	long		i;

	(void)state;
	nrows = 1000000;
	deleted = -1;
	fetches = 0;
	listview_init(&lv, sizeof(struct row));
	listview_set_source(&lv, fake_fetch, NULL, 1);
	listview_set_height(&lv, 20);
	listview_home(&lv);
	assert_int_equal(cur_id(&lv), 0);
	assert_true(lv.n <= 60);
	assert_false(lv.at_end);
	for (i = 0; i < 3000; i++)
		listview_move(&lv, 1);
	assert_int_equal(cur_id(&lv), 3000);
	assert_true(lv.n <= 600);	/* trimmed: a window, not the list */
	assert_int_equal(lv.cur - lv.top, 19);
	for (i = 0; i < 1000; i++)
		listview_move(&lv, -1);
	assert_int_equal(cur_id(&lv), 2000);
	assert_int_equal(lv.cur - lv.top, 0);
	listview_page(&lv, 1);
	assert_int_equal(cur_id(&lv), 2020);
	listview_page(&lv, -1);
	listview_page(&lv, -1);
	assert_int_equal(cur_id(&lv), 1980);
	fetches = 0;
	listview_end(&lv);
	assert_int_equal(cur_id(&lv), 999999);
	assert_true(fetches <= 2);	/* one backward page, not 1e6 rows */
	assert_int_equal(lv.cur - lv.top, 19);
	listview_move(&lv, 1);
	assert_int_equal(cur_id(&lv), 999999);
	listview_page(&lv, -1);
	assert_int_equal(cur_id(&lv), 999979);
	for (i = 0; i < 100; i++)
		listview_page(&lv, -1);
	assert_int_equal(cur_id(&lv), 997979);
	listview_home(&lv);
	assert_int_equal(cur_id(&lv), 0);
	listview_page(&lv, -1);
	assert_int_equal(cur_id(&lv), 0);
	listview_free(&lv);
}

static void
test_paged_reload(void **state)
{
	struct listview	lv;

	(void)state;
	nrows = 1000;
	deleted = -1;
	listview_init(&lv, sizeof(struct row));
	listview_set_source(&lv, fake_fetch, NULL, 1);
	listview_set_height(&lv, 10);
	listview_home(&lv);
	listview_move(&lv, 500);
	assert_int_equal(cur_id(&lv), 500);
	listview_move(&lv, -4);		/* line 5 of the screen */
	assert_int_equal(lv.cur - lv.top, 5);
	/* Same data: same record, same line. */
	listview_reload(&lv, same);
	assert_int_equal(cur_id(&lv), 496);
	assert_int_equal(lv.cur - lv.top, 5);
	assert_int_equal(((struct row *)listview_row(&lv, lv.top))->id, 491);
	/* A row above goes: the cursor keeps its record and its line. */
	deleted = 493;
	listview_reload(&lv, same);
	assert_int_equal(cur_id(&lv), 496);
	assert_int_equal(lv.cur - lv.top, 5);
	assert_int_equal(((struct row *)listview_row(&lv, lv.top))->id, 490);
	/* The cursor's record goes: the next one takes its place. */
	deleted = 496;
	listview_reload(&lv, same);
	assert_int_equal(cur_id(&lv), 497);
	assert_int_equal(lv.cur - lv.top, 5);
	/* Near the start, fewer rows exist above. */
	deleted = -1;
	listview_home(&lv);
	listview_move(&lv, 3);
	listview_reload(&lv, same);
	assert_int_equal(cur_id(&lv), 3);
	assert_int_equal(lv.top, 0);
	listview_move(&lv, -10);
	assert_int_equal(cur_id(&lv), 0);
	/* The list shrinks under the cursor. */
	listview_end(&lv);
	nrows = 100;
	listview_reload(&lv, same);
	assert_int_equal(cur_id(&lv), 99);
	listview_free(&lv);
}

static void
test_forward_only(void **state)
{
	struct listview	lv;
	size_t		n;

	(void)state;
	nrows = 5000;
	deleted = -1;
	listview_init(&lv, sizeof(struct row));
	listview_set_source(&lv, fake_fetch, NULL, 0);
	listview_set_height(&lv, 10);
	listview_home(&lv);
	listview_move(&lv, 35);
	assert_int_equal(cur_id(&lv), 35);
	listview_move(&lv, -35);
	assert_int_equal(cur_id(&lv), 0);
	listview_end(&lv);
	assert_int_equal(cur_id(&lv), 4999);
	n = lv.n;
	assert_int_equal(n, 5000);	/* never trimmed: no way back */
	listview_page(&lv, -1);
	assert_int_equal(cur_id(&lv), 4989);
	listview_reload(&lv, same);
	assert_int_equal(cur_id(&lv), 4989);
	listview_home(&lv);
	assert_int_equal(cur_id(&lv), 0);
	listview_free(&lv);
}

static void
test_paged_empty(void **state)
{
	struct listview	lv;

	(void)state;
	nrows = 0;
	deleted = -1;
	listview_init(&lv, sizeof(struct row));
	listview_set_source(&lv, fake_fetch, NULL, 1);
	listview_set_height(&lv, 10);
	listview_end(&lv);		/* nothing held yet, nothing there */
	assert_null(listview_current(&lv));
	listview_page(&lv, -1);
	listview_move(&lv, -1);
	listview_reload(&lv, same);
	listview_home(&lv);
	assert_null(listview_current(&lv));
	/* Rows arrive later: a reload finds them. */
	nrows = 3;
	listview_reload(&lv, same);
	assert_int_equal(cur_id(&lv), 0);
	assert_int_equal(lv.n, 3);
	listview_free(&lv);
}

static void
test_tags(void **state)
{
	struct listview	lv;
	struct row	r;
	long		i;

	(void)state;
	listview_init(&lv, sizeof r);
	for (i = 0; i < 10; i++) {
		r = (struct row){ i, i };
		listview_push(&lv, &r);
	}
	assert_int_equal(listview_tag_toggle(&lv, "E003"), 1);
	assert_int_equal(listview_tag_toggle(&lv, "E001"), 1);
	assert_int_equal(listview_tag_toggle(&lv, "E099"), 1);
	assert_int_equal(listview_tag_toggle(&lv, "E007"), 1);
	assert_int_equal(lv.ntags, 4);
	assert_true(listview_tagged(&lv, "E001"));
	assert_false(listview_tagged(&lv, "E002"));
	assert_int_equal(listview_tag_toggle(&lv, "E001"), 0);
	assert_false(listview_tagged(&lv, "E001"));
	assert_int_equal(lv.ntags, 3);
	assert_string_equal(lv.tags[0], "E003");	/* kept sorted */
	assert_string_equal(lv.tags[1], "E007");
	assert_string_equal(lv.tags[2], "E099");
	listview_tag_clear(&lv);
	assert_int_equal(lv.ntags, 0);
	assert_false(listview_tagged(&lv, "E003"));
	listview_free(&lv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_list),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_reselect),
		cmocka_unit_test(test_reselect_keeps_top),
		cmocka_unit_test(test_paged_million),
		cmocka_unit_test(test_paged_reload),
		cmocka_unit_test(test_forward_only),
		cmocka_unit_test(test_paged_empty),
		cmocka_unit_test(test_tags),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
