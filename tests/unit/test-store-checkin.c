/* test-store-checkin.c -- the door in the store: outcomes, walk-ins,
 * exact-ID resolution, undo, guests, the funnel counts, replay times. */

#include "tests/unit/test-store-util.h"

static struct store_checkin
tc_one(struct store *st, const char *event, const char *text)
{
	struct store_checkin	it;
	int			rc;

	memset(&it, 0, sizeof it);
	snprintf(it.text, sizeof it.text, "%s", text);
	rc = store_checkin_run(st, event, "受付2", &it, 1);
	if (rc != STORE_OK)
		fprintf(stderr, "checkin: %s\n", store_last_error(st)->msg);
	assert_int_equal(rc, STORE_OK);
	return (it);
}

static void
tc_event_cap(struct store *st, const char *code, int32_t capacity)
{
	struct store_event	e;

	memset(&e, 0, sizeof e);
	snprintf(e.code, sizeof e.code, "%s", code);
	e.name = "例会";
	snprintf(e.date, sizeof e.date, "2026-02-21");
	e.capacity = capacity;
	assert_int_equal(store_event_add(st, &e), STORE_OK);
}

static void
test_outcomes(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_checkin	 it;
	struct store_attendance	 a;
	struct store_member	 m;
	char			 by[STORE_USER_SIZE];

	ts_add_member(st, "M001", "山田 太郎", "やまだ たろう", 5, "2025-01-01");
	ts_add_member(st, "M002", "佐藤 花子", "さとう はなこ", 0, "");
	tc_event_cap(st, "E1", 1);
	assert_int_equal(store_invite(st, "E1", "M001"), STORE_OK);
	assert_int_equal(store_mark(st, "E1", "M001", STORE_FINAL_ABSENT, 0),
	    STORE_OK);

	/* absent becomes attended: 5 -> 6, full-width ID folded */
	it = tc_one(st, "E1", "Ｍ００１");
	assert_int_equal(it.outcome, STORE_CHECKIN_OK);
	assert_string_equal(it.member, "M001");
	assert_string_equal(it.name, "山田 太郎");
	assert_string_equal(it.kana, "やまだ たろう");
	assert_int_equal(it.total_before, 5);
	assert_int_equal(it.total_after, 6);
	assert_int_equal(it.previous, STORE_FINAL_ABSENT);
	assert_false(it.first_time);
	assert_false(it.created);
	assert_false(it.over_capacity);
	assert_int_equal(store_attendance_get(st, "E1", "M001", &a), STORE_OK);
	assert_int_equal(a.final, STORE_FINAL_ATTENDED);
	assert_false(a.walk_in);
	store_checkin_by(st, "受付2", by);
	assert_string_equal(a.checked_in_by, by);
	assert_non_null(strstr(by, " (受付2)"));
	assert_int_equal(a.checked_in_at, it.checked_in_at);
	store_attendance_free(&a);

	/* again: ALREADY with when and where, nothing counted twice */
	it = tc_one(st, "E1", "m001");
	assert_int_equal(it.outcome, STORE_CHECKIN_ALREADY);
	assert_string_equal(it.door, "受付2");
	assert_true(it.checked_in_at != 0);
	assert_int_equal(ts_stats(st, "M001").total, 6);

	/* no record: a walk-in, the first time, over the capacity of 1 */
	it = tc_one(st, "E1", "m002");
	assert_int_equal(it.outcome, STORE_CHECKIN_OK);
	assert_true(it.created);
	assert_true(it.first_time);
	assert_true(it.over_capacity);
	assert_int_equal(store_attendance_get(st, "E1", "M002", &a), STORE_OK);
	assert_true(a.walk_in);
	assert_string_equal(a.invited_on, "");
	store_attendance_free(&a);

	/* unknown, invalid, left; suspended is checked in with a warning */
	assert_int_equal(tc_one(st, "E1", "X9").reason, STORE_CHECKIN_UNKNOWN);
	assert_int_equal(tc_one(st, "E1", "").reason, STORE_CHECKIN_INVALID);
	ts_add_member(st, "M003", "退会 者", "", 0, "");
	ts_add_member(st, "M004", "休会 者", "", 0, "");
	assert_int_equal(store_member_get(st, "M003", &m, NULL), STORE_OK);
	m.status = STORE_MEMBER_LEFT;
	assert_int_equal(store_member_update(st, &m, 0), STORE_OK);
	store_member_free(&m);
	assert_int_equal(store_member_get(st, "M004", &m, NULL), STORE_OK);
	m.status = STORE_MEMBER_SUSPENDED;
	assert_int_equal(store_member_update(st, &m, 0), STORE_OK);
	store_member_free(&m);
	it = tc_one(st, "E1", "M003");
	assert_int_equal(it.outcome, STORE_CHECKIN_ERROR);
	assert_int_equal(it.reason, STORE_CHECKIN_LEFT);
	assert_string_equal(it.name, "退会 者");
	it = tc_one(st, "E1", "M004");
	assert_int_equal(it.outcome, STORE_CHECKIN_OK);
	assert_true(it.suspended);
	/* an unknown event is the run's error */
	memset(&it, 0, sizeof it);
	snprintf(it.text, sizeof it.text, "M001");
	assert_int_equal(store_checkin_run(st, "NOPE", NULL, &it, 1),
	    STORE_NOTFOUND);
	ts_clean(st);
}

static void
test_case_folded_id(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_checkin	 it;

	ts_add_member(st, "ab-1", "小文字", "", 0, "");
	ts_add_member(st, "Cd7", "混在", "", 0, "");
	ts_add_member(st, "xy9", "一つ目", "", 0, "");
	ts_add_member(st, "XY9", "二つ目", "", 0, "");
	ts_add_event(st, "E1", "e", "2026-02-21");
	it = tc_one(st, "E1", "AB-1");
	assert_int_equal(it.outcome, STORE_CHECKIN_OK);
	assert_string_equal(it.member, "ab-1");
	it = tc_one(st, "E1", "ｃＤ７");
	assert_int_equal(it.outcome, STORE_CHECKIN_OK);
	assert_string_equal(it.member, "Cd7");
	/* an exact match wins; two case-folded matches are not one */
	it = tc_one(st, "E1", "xy9");
	assert_string_equal(it.member, "xy9");
	it = tc_one(st, "E1", "Xy9");
	assert_int_equal(it.outcome, STORE_CHECKIN_ERROR);
	assert_int_equal(it.reason, STORE_CHECKIN_UNKNOWN);
	/* the selected match stands in for text that is no ID */
	memset(&it, 0, sizeof it);
	snprintf(it.text, sizeof it.text, "やまだ");
	snprintf(it.fallback, sizeof it.fallback, "XY9");
	assert_int_equal(store_checkin_run(st, "E1", NULL, &it, 1), STORE_OK);
	assert_int_equal(it.outcome, STORE_CHECKIN_OK);
	assert_string_equal(it.member, "XY9");
	ts_clean(st);
}

static void
test_batch_duplicates_and_times(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_checkin	 it[4];
	struct store_attendance	 a;
	char			 iso[20];
	int64_t			 when;

	setenv("TZ", "Asia/Tokyo", 1);
	ts_add_member(st, "M1", "a", "", 0, "");
	ts_add_member(st, "M2", "b", "", 0, "");
	ts_add_event(st, "E1", "e", "2026-02-21");
	memset(it, 0, sizeof it);
	snprintf(it[0].text, sizeof it[0].text, "M1");
	snprintf(it[1].text, sizeof it[1].text, "M2");
	snprintf(it[2].text, sizeof it[2].text, "m1");
	snprintf(it[3].text, sizeof it[3].text, "nobody");
	assert_int_equal(store_time_parse("18:04", "2026-02-21", &when),
	    STORE_OK);
	it[0].at = when;
	assert_int_equal(store_checkin_run(st, "E1", "A", it, 4), STORE_OK);
	assert_int_equal(it[0].outcome, STORE_CHECKIN_OK);
	assert_int_equal(it[1].outcome, STORE_CHECKIN_OK);
	assert_int_equal(it[2].outcome, STORE_CHECKIN_ALREADY);
	assert_int_equal(it[2].checked_in_at, when);
	assert_string_equal(it[2].door, "A");
	assert_int_equal(it[3].outcome, STORE_CHECKIN_ERROR);
	assert_int_equal(store_attendance_get(st, "E1", "M1", &a), STORE_OK);
	store_time_iso(a.checked_in_at, iso, sizeof iso);
	assert_string_equal(iso, "2026-02-21T18:04:00");
	store_attendance_free(&a);
	/* a replay is ALREADY everywhere and writes nothing */
	assert_int_equal(store_checkin_run(st, "E1", "A", it, 3), STORE_OK);
	assert_int_equal(it[0].outcome, STORE_CHECKIN_ALREADY);
	assert_int_equal(it[1].outcome, STORE_CHECKIN_ALREADY);
	/* marked attended without a check-in: ALREADY without a time */
	ts_add_member(st, "M3", "c", "", 0, "");
	assert_int_equal(store_mark(st, "E1", "M3", STORE_FINAL_ATTENDED, 0),
	    STORE_OK);
	assert_int_equal(tc_one(st, "E1", "M3").checked_in_at, 0);
	assert_string_equal(tc_one(st, "E1", "M3").door, "");

	assert_int_equal(store_time_parse("2026-02-21T09:30:15", NULL, &when),
	    STORE_OK);
	store_time_iso(when, iso, sizeof iso);
	assert_string_equal(iso, "2026-02-21T09:30:15");
	assert_int_equal(store_time_parse("2026-02-21T00:30Z", NULL, &when),
	    STORE_OK);
	store_time_iso(when, iso, sizeof iso);
	assert_string_equal(iso, "2026-02-21T09:30:00");
	assert_int_equal(store_time_parse("2026-02-21T09:30+09:00", NULL,
	    &when), STORE_OK);
	store_time_iso(when, iso, sizeof iso);
	assert_string_equal(iso, "2026-02-21T09:30:00");
	assert_int_equal(store_time_parse("25:00", "2026-02-21", &when),
	    STORE_INVALID);
	assert_int_equal(store_time_parse("+1:05", "2026-02-21", &when),
	    STORE_INVALID);
	assert_int_equal(store_time_parse("09:30", NULL, &when),
	    STORE_INVALID);
	assert_int_equal(store_time_parse("09:30Z", "2026-02-21", &when),
	    STORE_INVALID);
	ts_clean(st);
}

static void
test_undo(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_checkin	 it, walk;
	struct store_attendance	 a;

	ts_add_member(st, "M1", "a", "", 2, "2025-01-01");
	ts_add_member(st, "M2", "b", "", 0, "");
	ts_add_event(st, "E1", "e", "2026-02-21");
	assert_int_equal(store_invite(st, "E1", "M1"), STORE_OK);
	assert_int_equal(store_mark(st, "E1", "M1", STORE_FINAL_NO_SHOW, 0),
	    STORE_OK);
	it = tc_one(st, "E1", "M1");
	walk = tc_one(st, "E1", "M2");
	assert_int_equal(ts_stats(st, "M1").total, 3);
	assert_int_equal(store_checkin_undo(st, "E1", &it), STORE_OK);
	assert_int_equal(store_attendance_get(st, "E1", "M1", &a), STORE_OK);
	assert_int_equal(a.final, STORE_FINAL_NO_SHOW);
	assert_int_equal(a.checked_in_at, 0);
	assert_string_equal(a.checked_in_by, "");
	store_attendance_free(&a);
	assert_int_equal(ts_stats(st, "M1").total, 2);
	assert_int_equal(ts_stats(st, "M1").no_show, 1);
	/* twice: the record changed since (it is the undo's own change) */
	assert_int_equal(store_checkin_undo(st, "E1", &it), STORE_CONFLICT);
	/* a walk-in record is removed */
	assert_int_equal(store_checkin_undo(st, "E1", &walk), STORE_OK);
	assert_int_equal(store_attendance_get(st, "E1", "M2", &a),
	    STORE_NOTFOUND);
	assert_int_equal(ts_stats(st, "M2").total, 0);
	assert_int_equal(store_checkin_undo(st, "E1", &walk), STORE_NOTFOUND);
	/* refused when another door or staff changed the record since */
	it = tc_one(st, "E1", "M2");
	assert_int_equal(store_mark(st, "E1", "M2", STORE_FINAL_ABSENT, 0),
	    STORE_OK);
	assert_int_equal(store_checkin_undo(st, "E1", &it), STORE_CONFLICT);
	assert_int_equal(ts_stats(st, "M2").absent, 1);
	ts_clean(st);
}

static void
test_guest(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_checkin	 it;
	struct store_member	 g, m;
	char			 id[STORE_ID_MAX + 1];

	ts_add_event(st, "E1", "e", "2026-02-21");
	assert_int_equal(store_guest_next_id(st, id), STORE_OK);
	assert_string_equal(id, "G0001");
	memset(&g, 0, sizeof g);
	g.name = "来場 一郎";
	g.kana = "らいじょう いちろう";
	g.email = "ichiro@example.jp";
	assert_int_equal(store_checkin_guest(st, "E1", "受付1", &g, &it),
	    STORE_OK);
	assert_string_equal(it.member, "G0001");
	assert_int_equal(it.outcome, STORE_CHECKIN_OK);
	assert_true(it.created);
	assert_int_equal(store_member_get(st, "G0001", &m, NULL), STORE_OK);
	assert_string_equal(m.email, "ichiro@example.jp");
	store_member_free(&m);
	/* the most common pattern: M + 3 digits beats 00 + 2 digits */
	ts_add_member(st, "M007", "a", "", 0, "");
	ts_add_member(st, "M010", "b", "", 0, "");
	ts_add_member(st, "M009", "c", "", 0, "");
	ts_add_member(st, "M1", "d", "", 0, "");
	assert_int_equal(store_guest_next_id(st, id), STORE_OK);
	assert_string_equal(id, "M011");
	ts_add_member(st, "M999", "e", "", 0, "");
	assert_int_equal(store_guest_next_id(st, id), STORE_OK);
	assert_string_equal(id, "M1000");
	assert_int_equal(store_checkin_guest(st, "E1", NULL, &g, &it),
	    STORE_OK);
	assert_string_equal(it.member, "M1000");
	/* undo keeps the guest member, removes the record */
	assert_int_equal(store_checkin_undo(st, "E1", &it), STORE_OK);
	assert_int_equal(store_member_get(st, "M1000", &m, NULL), STORE_OK);
	store_member_free(&m);
	/* a refused field adds nothing */
	g.name = "";
	assert_int_equal(store_checkin_guest(st, "E1", NULL, &g, &it),
	    STORE_INVALID);
	assert_int_equal(store_member_count(st), 7);
	ts_clean(st);
}

static void
test_guest_numeric_ids(void **state)
{
	struct ts	*t = *state;
	struct store	*st = t->st;
	char		 id[STORE_ID_MAX + 1];

	/* Excel-proof numbers keep their zeros; 99 grows a digit */
	ts_add_member(st, "00120", "a", "", 0, "");
	ts_add_member(st, "00123", "b", "", 0, "");
	ts_add_member(st, "A1", "c", "", 0, "");
	assert_int_equal(store_guest_next_id(st, id), STORE_OK);
	assert_string_equal(id, "00124");
	ts_add_member(st, "99", "d", "", 0, "");
	ts_add_member(st, "98", "e", "", 0, "");
	ts_add_member(st, "97", "f", "", 0, "");
	assert_int_equal(store_guest_next_id(st, id), STORE_OK);
	assert_string_equal(id, "100");
	ts_clean(st);
}

struct tc_counts {
	size_t	walk_in, records;
};

static int
tc_count_cb(const struct store_att_row *r, void *arg)
{
	struct tc_counts *c = arg;

	c->records++;
	c->walk_in += r->a.walk_in;
	return (0);
}

static void
test_funnel(void **state)
{
	struct ts			*t = *state;
	struct store			*st = t->st;
	struct store_event		 e;
	struct store_event_counts	 c;
	struct store_change		 ch;
	struct tc_counts		 n = { 0, 0 };

	ts_add_member(st, "M1", "a", "", 0, "");
	ts_add_member(st, "M2", "b", "", 0, "");
	ts_add_member(st, "M3", "c", "", 0, "");
	ts_add_member(st, "M4", "d", "", 0, "");
	ts_add_event(st, "E1", "e", "2026-02-21");
	assert_int_equal(store_invite(st, "E1", "M1"), STORE_OK);
	/* a mark attended that creates the record: a walk-in */
	assert_int_equal(store_mark(st, "E1", "M2", STORE_FINAL_ATTENDED, 0),
	    STORE_OK);
	/* a response that creates one: neither invited nor walk-in */
	assert_int_equal(store_respond(st, "E1", "M3", STORE_RESP_ACCEPTED, 0),
	    STORE_OK);
	/* attended with an invitation date: invited, no walk-in */
	store_change_init(&ch, "E1", "M4");
	ch.final = STORE_FINAL_ATTENDED;
	ch.invited_on = "2026-02-01";
	assert_int_equal(store_attendance_apply(st, &ch, 1, NULL), STORE_OK);
	assert_int_equal(store_event_get(st, "E1", &e, &c), STORE_OK);
	store_event_free(&e);
	assert_int_equal(c.invited, 2);
	assert_int_equal(c.walk_in, 1);
	assert_int_equal(c.attended, 2);
	assert_int_equal(c.accepted, 1);
	assert_int_equal(store_event_records(st, "E1", tc_count_cb, &n),
	    STORE_OK);
	assert_int_equal(n.records, 4);
	assert_int_equal(n.walk_in, 1);
	ts_clean(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_outcomes, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_case_folded_id, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_batch_duplicates_and_times,
		    ts_setup, ts_teardown),
		cmocka_unit_test_setup_teardown(test_undo, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_guest, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_guest_numeric_ids,
		    ts_setup, ts_teardown),
		cmocka_unit_test_setup_teardown(test_funnel, ts_setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
