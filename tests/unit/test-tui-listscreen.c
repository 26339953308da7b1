/* test-tui-listscreen.c -- the list keys and the search line every list
 * screen shares (tui/listscreen.c), and the column table that lays out a
 * list's rows and header (draw_columns). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "tui/screen.h"
#include "tui/width.h"

#define BASE_CTX	(KC_GLOBAL | KC_LIST | KC_MEMBERS)

/* A list that holds 10 rows (0..9), 3 shown. */
static void
ten_rows(struct listview *lv)
{
	int	i;

	listview_init(lv, sizeof i);
	for (i = 0; i < 10; i++)
		listview_push(lv, &i);
	listview_set_height(lv, 3);
}

static int
cur_row(const struct listview *lv)
{
	return (*(const int *)listview_current(lv));
}

static void
test_moving_keys(void **state)
{
	struct screen	s = { .ctx = BASE_CTX };
	struct listview	lv;

	(void)state;
	ten_rows(&lv);
	assert_int_equal(list_act(&s, &lv, NULL, ACT_DOWN), LIST_DONE);
	assert_int_equal(cur_row(&lv), 1);
	assert_int_equal(list_act(&s, &lv, NULL, ACT_UP), LIST_DONE);
	assert_int_equal(cur_row(&lv), 0);
	assert_int_equal(list_act(&s, &lv, NULL, ACT_UP), LIST_DONE);
	assert_int_equal(cur_row(&lv), 0);
	assert_int_equal(list_act(&s, &lv, NULL, ACT_BOTTOM), LIST_DONE);
	assert_int_equal(cur_row(&lv), 9);
	assert_int_equal(list_act(&s, &lv, NULL, ACT_TOP), LIST_DONE);
	assert_int_equal(cur_row(&lv), 0);
	assert_int_equal(list_act(&s, &lv, NULL, ACT_PGDN), LIST_DONE);
	assert_true(cur_row(&lv) > 0);
	assert_int_equal(list_act(&s, &lv, NULL, ACT_PGUP), LIST_DONE);
	assert_int_equal(cur_row(&lv), 0);
	/* Not a list key, and no search line: the screen's own. */
	assert_int_equal(list_act(&s, &lv, NULL, ACT_OPEN), LIST_NONE);
	assert_int_equal(list_act(&s, &lv, NULL, ACT_SEARCH), LIST_NONE);
	assert_int_equal(list_act(&s, &lv, NULL, ACT_BACK), LIST_NONE);
	listview_free(&lv);
}

static void
test_search_line(void **state)
{
	struct screen		s = { .ctx = BASE_CTX };
	struct listview		lv;
	struct list_search	ls;

	(void)state;
	ten_rows(&lv);
	list_search_init(&ls, BASE_CTX, 0);
	assert_false(list_search_shown(&ls));
	assert_int_equal(list_act(&s, &lv, &ls, ACT_SEARCH), LIST_DONE);
	assert_true(ls.open);
	assert_int_equal(s.ctx, BASE_CTX | KC_SEARCH | KC_FIELD);
	list_search_text(&ls, 'a');
	list_search_text(&ls, 'b');
	assert_string_equal(field_text(&ls.q), "ab");
	/* Editing the query while the line is open: the screen applies. */
	assert_int_equal(list_act(&s, &lv, &ls, ACT_BACKSPACE), LIST_QUERY);
	assert_string_equal(field_text(&ls.q), "a");
	/* The list still moves with the line open. */
	assert_int_equal(list_act(&s, &lv, &ls, ACT_DOWN), LIST_DONE);
	assert_int_equal(cur_row(&lv), 1);
	/* Esc clears the query, then leaves the line, then is not ours. */
	assert_int_equal(list_act(&s, &lv, &ls, ACT_BACK), LIST_QUERY);
	assert_string_equal(field_text(&ls.q), "");
	assert_true(ls.open);
	assert_int_equal(list_act(&s, &lv, &ls, ACT_BACK), LIST_DONE);
	assert_false(ls.open);
	assert_int_equal(s.ctx, BASE_CTX);
	assert_int_equal(list_act(&s, &lv, &ls, ACT_BACK), LIST_NONE);
	list_search_free(&ls);
	listview_free(&lv);
}

/* The line closed on a query (another screen came and went): the query
 * still shows, editing keys are not the line's, Esc clears it. */
static void
test_closed_with_query(void **state)
{
	struct screen		s = { .ctx = BASE_CTX };
	struct listview		lv;
	struct list_search	ls;

	(void)state;
	ten_rows(&lv);
	list_search_init(&ls, BASE_CTX, 1);
	list_search_text(&ls, 'x');
	list_search_focus(&s, &ls, 0);
	assert_true(list_search_shown(&ls));
	assert_int_equal(s.ctx, BASE_CTX);
	assert_int_equal(list_act(&s, &lv, &ls, ACT_BACKSPACE), LIST_NONE);
	assert_string_equal(field_text(&ls.q), "x");
	assert_int_equal(list_act(&s, &lv, &ls, ACT_BACK), LIST_QUERY);
	assert_false(list_search_shown(&ls));
	list_search_free(&ls);
	listview_free(&lv);
}

static const struct column cols4[] = {
	{ "", 2, 0, 0, 0 },		/* a tag */
	{ "ID", 4, 0, 0, 0 },
	{ "Name", 0, 2, 1, 0 },		/* flexible: 2 of 3 */
	{ "N", 3, 0, 1, 1 },		/* right-aligned */
	{ "Note", 0, 1, 1, 0 },		/* flexible: 1 of 3 */
};

/* The fixed 2+4+3 and the gaps 1+1+1 leave 21 of 33 columns to the
 * flexible ones: 14 and 7. */
static void
test_columns(void **state)
{
	const char	*cells[] = { "*", "M001", "山田 史郎", "12", "note" };
	char		 buf[256];

	(void)state;
	buf[0] = '\0';
	draw_columns(buf, sizeof buf, cols4, 5, cells, 33);
	assert_string_equal(buf, "* M001 山田 史郎       12 note   ");
	assert_int_equal(width_str(buf), 33);
	/* The header: the same widths, the labels, an empty one blank. */
	buf[0] = '\0';
	draw_columns(buf, sizeof buf, cols4, 5, NULL, 33);
	assert_string_equal(buf, "  ID   Name             N Note   ");
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_moving_keys),
		cmocka_unit_test(test_search_line),
		cmocka_unit_test(test_closed_with_query),
		cmocka_unit_test(test_columns),
	};

	width_set_ambiguous(1);

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
