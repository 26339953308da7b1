/* test-store-seed.c -- the seed example of the issue, step by step, with
 * store_check clean after each step. */

#include "test-store-util.h"

static void
seed_setup(struct store *st)
{
	ts_add_member(st, "M001", "山田 史郎", "ヤマダ シロウ", 3,
	    "2024-03-10");
	ts_add_event(st, "E004", "イベント4", "2025-11-15");
	ts_add_event(st, "E005", "イベント5", "2026-01-18");
	ts_add_event(st, "E006", "イベント6", "2026-02-20");
	ts_mark(st, "E004", "M001", STORE_FINAL_ATTENDED);
	ts_mark(st, "E005", "M001", STORE_FINAL_ATTENDED);
}

static void
test_seed(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_stats	 s;
	struct store_change	 c;

	seed_setup(st);
	ts_assert_agg(st, "M001", 5, "2026-01-18", "E005");
	s = ts_stats(st, "M001");
	assert_int_equal(s.attended, 2);
	ts_clean(st);

	/* mark E006 attended */
	ts_mark(st, "E006", "M001", STORE_FINAL_ATTENDED);
	ts_assert_agg(st, "M001", 6, "2026-02-20", "E006");
	ts_clean(st);

	/* correction: E004 absent; the last date stays */
	ts_mark(st, "E004", "M001", STORE_FINAL_ABSENT);
	ts_assert_agg(st, "M001", 5, "2026-02-20", "E006");
	s = ts_stats(st, "M001");
	assert_int_equal(s.absent, 1);
	ts_clean(st);

	/* clear E006 */
	store_change_init(&c, "E006", "M001");
	c.final = STORE_FINAL_PENDING;
	assert_int_equal(store_attendance_apply(st, &c, 1, NULL), STORE_OK);
	ts_assert_agg(st, "M001", 4, "2026-01-18", "E005");
	assert_int_equal(ts_pending(st), 1);
	ts_clean(st);
}

/* The past wins only when strictly later; ties between events on one
 * date go to the larger code. */
static void
test_tie_and_past(void **state)
{
	struct ts	*t = *state;
	struct store	*st = t->st;
	struct store_member m;

	ts_add_member(st, "M1", "a", "", 0, "2026-01-10");
	ts_add_event(st, "EA", "a", "2026-01-10");
	ts_add_event(st, "EB", "b", "2026-01-10");
	ts_assert_agg(st, "M1", 0, "2026-01-10", "");
	ts_mark(st, "EA", "M1", STORE_FINAL_ATTENDED);
	/* equal date: the event wins */
	ts_assert_agg(st, "M1", 1, "2026-01-10", "EA");
	ts_mark(st, "EB", "M1", STORE_FINAL_ATTENDED);
	ts_assert_agg(st, "M1", 2, "2026-01-10", "EB");
	ts_mark(st, "EB", "M1", STORE_FINAL_ABSENT);
	ts_assert_agg(st, "M1", 1, "2026-01-10", "EA");
	ts_mark(st, "EB", "M1", STORE_FINAL_ATTENDED);
	ts_mark(st, "EA", "M1", STORE_FINAL_NO_SHOW);
	ts_assert_agg(st, "M1", 1, "2026-01-10", "EB");

	/* a strictly later past wins and names no event */
	assert_int_equal(store_member_get(st, "M1", &m, NULL), STORE_OK);
	snprintf(m.past_last_date, sizeof m.past_last_date, "2026-01-11");
	m.past_count = 7;
	assert_int_equal(store_member_update(st, &m, m.version), STORE_OK);
	store_member_free(&m);
	ts_assert_agg(st, "M1", 8, "2026-01-11", "");
	ts_clean(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_seed, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_tie_and_past, ts_setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
