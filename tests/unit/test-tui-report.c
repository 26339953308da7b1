/* test-tui-report.c -- report_table on a real store: DESIGN.md's cells,
 * the text layout within 40, 80 and 200 columns with bars, ASCII bars
 * when ambiguous characters are two columns wide, columns left out by
 * rank when narrow, and what was left out. */

#include "test-store-util.h"
#include "tui/report-table.h"
#include "tui/width.h"

/* Three members: totals 0, 2 (M2: E1 and E2) and 25 (a past count). */
static int
setup(void **state)
{
	struct ts	*t;

	if (ts_setup(state) != 0)
		return (-1);
	t = *state;
	setenv("SANKA_LANG", "en", 1);
	ts_add_event(t->st, "E1", "春の集い", "2025-05-10");
	ts_add_event(t->st, "E2", "秋の集い", "2025-10-10");
	ts_add_event(t->st, "E9", "未来", "2026-12-01");
	ts_add_member(t->st, "M1", "会員一", "", 0, NULL);
	ts_add_member(t->st, "M2", "会員二", "", 0, NULL);
	ts_add_member(t->st, "M3", "会員三", "", 25, "2019-01-01");
	ts_mark(t->st, "E1", "M2", STORE_FINAL_ATTENDED);
	ts_mark(t->st, "E2", "M2", STORE_FINAL_ATTENDED);
	assert_int_equal(store_invite(t->st, "E2", "M1"), STORE_OK);
	return (0);
}

struct lines {
	char	l[32][1024];
	size_t	n;
};

static void
collect(const char *line, void *arg)
{
	struct lines	*x = arg;

	if (x->n < 32)
		snprintf(x->l[x->n++], sizeof x->l[0], "%s", line);
}

static void
build(struct store *st, enum store_report_kind k, struct report_table *t)
{
	struct store_report_opts	o;

	memset(&o, 0, sizeof o);
	assert_int_equal(report_table_build(st, k, &o, t), STORE_OK);
}

static void
text(const struct report_table *t, int cols, struct lines *x, bool *hidden)
{
	size_t	i;

	memset(x, 0, sizeof *x);
	report_table_text(t, cols, hidden, collect, x);
	for (i = 0; i < x->n; i++) {
		if (width_str(x->l[i]) > cols)
			fail_msg("line %zu is %d columns wide, over %d: %s", i,
			    width_str(x->l[i]), cols, x->l[i]);
	}
}

/* Blocks (3 bytes each) or #s at the end of LINE. */
static size_t
bar(const char *line, const char *block)
{
	size_t	n = 0, bl = strlen(block);
	const char *p = line + strlen(line);

	while (p - line >= (long)bl && memcmp(p - bl, block, bl) == 0) {
		p -= bl;
		n++;
	}
	return (n);
}

static void
test_range_text(void **state)
{
	struct ts		*t = *state;
	struct report_table	 r;
	struct lines		 x;
	bool			 hidden[8];
	size_t			 b80, b200;

	width_set_ambiguous(1);
	build(t->st, STORE_REPORT_RANGE, &r);
	assert_int_equal(r.nrows, 7);
	/* bucket 0: M1 (1 of 3), bucket 2: M2, 20+: M3 */
	assert_string_equal(report_table_cell(&r, 0, 1), "1");
	assert_string_equal(report_table_cell(&r, 0, 2), "33.3");
	assert_string_equal(report_table_cell(&r, 2, 3), "66.7");
	assert_string_equal(report_table_cell(&r, 6, 4), "25");
	assert_string_equal(report_table_cell(&r, 6, 3), "100.0");
	text(&r, 80, &x, hidden);
	assert_int_equal(x.n, 8);
	assert_false(hidden[4]);
	b80 = bar(x.l[1], "\xe2\x96\x88");
	assert_true(b80 >= 8);
	assert_int_equal(bar(x.l[4], "\xe2\x96\x88"), 0);	/* 3-5: none */
	/* every non-empty bucket has the same bar: one member each */
	assert_int_equal(bar(x.l[7], "\xe2\x96\x88"), b80);
	text(&r, 200, &x, hidden);
	b200 = bar(x.l[1], "\xe2\x96\x88");
	assert_true(b200 > b80);
	width_set_ambiguous(2);
	text(&r, 80, &x, hidden);
	assert_int_equal(bar(x.l[1], "#"), b80);
	assert_null(strstr(x.l[1], "\xe2\x96\x88"));
	width_set_ambiguous(1);
	report_table_free(&r);
}

static void
test_events_narrow(void **state)
{
	struct ts		*t = *state;
	struct report_table	 r;
	struct lines		 x;
	bool			 hidden[16];
	char			 note[128];
	size_t			 c, n = 0;

	width_set_ambiguous(1);
	build(t->st, STORE_REPORT_EVENTS, &r);
	assert_int_equal(r.nrows, 2);		/* E9 is in the future */
	/* E2: M1 invited (pending, left out), M2 marked without invitation:
	 * invited 0, attended 1, every rate on invited empty */
	assert_string_equal(report_table_cell(&r, 1, 0), "E2");
	assert_string_equal(report_table_cell(&r, 1, 4), "0");
	assert_string_equal(report_table_cell(&r, 1, 6), "1");
	assert_string_equal(report_table_cell(&r, 1, 11), "");
	assert_string_equal(report_table_cell(&r, 1, 12), "0.0");
	report_table_note(&r, note, sizeof note);
	assert_string_equal(note, "left out: 1 future event, 1 pending record");
	text(&r, 200, &x, hidden);
	for (c = 0; c < r.ncols; c++)
		assert_false(hidden[c]);
	text(&r, 80, &x, hidden);
	for (c = 0; c < r.ncols; c++)
		n += hidden[c];
	assert_true(n > 0);
	/* the funnel stays: code, name, invited, attended, attendance */
	assert_false(hidden[0]);
	assert_false(hidden[1]);
	assert_false(hidden[4]);
	assert_false(hidden[6]);
	assert_false(hidden[11]);
	assert_true(hidden[13]);		/* cancellation goes first */
	text(&r, 40, &x, hidden);		/* narrower still: it fits */
	report_table_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_range_text, setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_events_narrow, setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
