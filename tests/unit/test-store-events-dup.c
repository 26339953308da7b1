/* test-store-events-dup.c -- duplicate events (issue 8): a name that
 * differs by a space or width finds the existing event, two matching
 * events are an error naming both, a near name is found for a warning,
 * and `merge event` joins a split event in one transaction. */

#include "test-store-util.h"

static void
test_find_folded(void **state)
{
	struct ts	*t = *state;
	char		 code[STORE_ID_MAX + 1];

	ts_add_event(t->st, "E1", "2024年度 定時総会", "2024-06-20");
	ts_add_event(t->st, "E2", "2024年度 定時総会", "2024-06-21");
	assert_int_equal(store_event_find(t->st, "2024年度定時総会",
	    "2024-06-20", code), STORE_OK);
	assert_string_equal(code, "E1");
	assert_int_equal(store_event_find(t->st, "2024年度\xe3\x80\x80定時総会",
	    "2024-06-20", code), STORE_OK);
	assert_string_equal(code, "E1");
	assert_int_equal(store_event_find(t->st, "２０２４年度　定時総会",
	    "2024-06-21", code), STORE_OK);
	assert_string_equal(code, "E2");
	assert_int_equal(store_event_find(t->st, "2024年度 定時総会",
	    "2024-06-22", code), STORE_NOTFOUND);
	/* a second event of that name on that date: an error naming both */
	ts_add_event(t->st, "E3", "2024年度定時総会", "2024-06-20");
	assert_int_equal(store_event_find(t->st, "2024年度 定時総会",
	    "2024-06-20", code), STORE_INVALID);
	assert_non_null(strstr(store_last_error(t->st)->msg, "E1"));
	assert_non_null(strstr(store_last_error(t->st)->msg, "E3"));
}

static void
test_similar(void **state)
{
	struct ts	*t = *state;
	char		 code[STORE_ID_MAX + 1];

	ts_add_event(t->st, "E1", "2024年度 定時総会", "2024-06-20");
	assert_int_equal(store_event_similar(t->st, "2024年度 定時総会",
	    "2024-06-20", code), STORE_NOTFOUND);	/* equal is not near */
	assert_int_equal(store_event_similar(t->st, "2024年度 定例総会",
	    "2024-06-20", code), STORE_OK);
	assert_string_equal(code, "E1");
	assert_int_equal(store_event_similar(t->st, "2024年 定時総会です",
	    "2024-06-20", code), STORE_NOTFOUND);	/* 3 apart */
	assert_int_equal(store_event_similar(t->st, "2024年度 定例総会",
	    "2024-06-21", code), STORE_NOTFOUND);	/* another date */
}

static void
test_merge_event(void **state)
{
	struct ts		*t = *state;
	struct store_attendance	 a;
	struct store_event	 e;

	ts_add_member(t->st, "M1", "一", "イチ", 0, "");
	ts_add_member(t->st, "M2", "二", "ニ", 0, "");
	ts_add_member(t->st, "M3", "三", "サン", 0, "");
	ts_add_event(t->st, "E1", "総会", "2024-06-20");
	ts_add_event(t->st, "E9", "総会 ", "2024-06-21");
	ts_mark(t->st, "E1", "M1", STORE_FINAL_ABSENT);
	ts_mark(t->st, "E9", "M1", STORE_FINAL_ATTENDED);	/* both: */
	ts_mark(t->st, "E9", "M2", STORE_FINAL_ATTENDED);	/* moved */
	assert_int_equal(store_invite(t->st, "E9", "M3"), STORE_OK);
	ts_assert_agg(t->st, "M1", 1, "2024-06-21", "E9");

	assert_int_equal(store_event_merge(t->st, "E1", "E1"), STORE_INVALID);
	assert_int_equal(store_event_merge(t->st, "E1", "NONE"),
	    STORE_NOTFOUND);
	assert_int_equal(store_event_merge(t->st, "E1", "E9"), STORE_OK);
	assert_int_equal(store_event_get(t->st, "E9", &e, NULL),
	    STORE_NOTFOUND);
	/* attended beats absent; the date is KEEP's now */
	ts_assert_agg(t->st, "M1", 1, "2024-06-20", "E1");
	ts_assert_agg(t->st, "M2", 1, "2024-06-20", "E1");
	assert_int_equal(store_attendance_get(t->st, "E1", "M1", &a),
	    STORE_OK);
	assert_int_equal(a.final, STORE_FINAL_ATTENDED);
	store_attendance_free(&a);
	assert_int_equal(store_attendance_get(t->st, "E1", "M3", &a),
	    STORE_OK);
	assert_int_equal(a.final, STORE_FINAL_PENDING);
	store_attendance_free(&a);
	assert_int_equal(ts_pending(t->st), 1);
	ts_clean(t->st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_find_folded, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_similar, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_merge_event, ts_setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
