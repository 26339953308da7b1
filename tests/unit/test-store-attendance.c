/* test-store-attendance.c -- attendance records: every final-status
 * transition, batches (all or nothing), invite and respond, conflicts,
 * check-in, the walks and their order, event date changes and deletes. */

#include "test-store-util.h"

static const enum store_final all_finals[] = {
	STORE_FINAL_PENDING, STORE_FINAL_ATTENDED, STORE_FINAL_ABSENT,
	STORE_FINAL_NO_SHOW, STORE_FINAL_CANCELLED,
};

struct rows {
	size_t	n;
	char	event[64][STORE_ID_MAX + 1];
	char	member[64][STORE_ID_MAX + 1];
	char	event_name[64][STORE_ROWTEXT_SIZE];
	char	member_name[64][STORE_ROWTEXT_SIZE];
	int	final[64];
};

static int
rows_collect(const struct store_att_row *r, void *arg)
{
	struct rows	*l = arg;

	if (l->n == 64)
		return (0);
	snprintf(l->event[l->n], sizeof l->event[0], "%s", r->a.event);
	snprintf(l->member[l->n], sizeof l->member[0], "%s", r->a.member);
	snprintf(l->event_name[l->n], sizeof l->event_name[0], "%s",
	    r->event_name);
	snprintf(l->member_name[l->n], sizeof l->member_name[0], "%s",
	    r->member_name);
	l->final[l->n] = r->a.final;
	l->n++;
	return (0);
}

static size_t
member_pending(struct store *st, const char *id)
{
	struct rows	l;
	size_t		i, n = 0;

	memset(&l, 0, sizeof l);
	assert_int_equal(store_pending_each(st, rows_collect, &l), STORE_OK);
	for (i = 0; i < l.n; i++)
		n += strcmp(l.member[i], id) == 0;
	return (n);
}

/* from -> to for every pair, with an earlier attended event E0 so that
 * losing E1 falls back to it. */
static void
test_matrix(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_stats	 s;
	char			 id[16];
	size_t			 i, j;
	enum store_final	 from, to;

	ts_add_event(st, "E0", "zero", "2025-12-01");
	ts_add_event(st, "E1", "one", "2026-01-10");
	for (i = 0; i < 5; i++) {
		for (j = 0; j < 5; j++) {
			from = all_finals[i];
			to = all_finals[j];
			snprintf(id, sizeof id, "M%zu%zu", i, j);
			ts_add_member(st, id, "x", "", 2, "2025-01-01");
			ts_mark(st, "E0", id, STORE_FINAL_ATTENDED);
			ts_mark(st, "E1", id, from);
			s = ts_stats(st, id);
			assert_int_equal(s.attended,
			    1 + (from == STORE_FINAL_ATTENDED));
			assert_int_equal(member_pending(st, id),
			    from == STORE_FINAL_PENDING);
			ts_mark(st, "E1", id, to);
			s = ts_stats(st, id);
			assert_int_equal(s.attended,
			    1 + (to == STORE_FINAL_ATTENDED));
			assert_int_equal(s.total,
			    3 + (to == STORE_FINAL_ATTENDED));
			assert_int_equal(s.absent, to == STORE_FINAL_ABSENT);
			assert_int_equal(s.no_show, to == STORE_FINAL_NO_SHOW);
			assert_int_equal(s.cancelled,
			    to == STORE_FINAL_CANCELLED);
			assert_string_equal(s.last_date,
			    to == STORE_FINAL_ATTENDED ? "2026-01-10" :
			    "2025-12-01");
			assert_string_equal(s.last_event,
			    to == STORE_FINAL_ATTENDED ? "E1" : "E0");
			assert_int_equal(member_pending(st, id),
			    to == STORE_FINAL_PENDING);
		}
		ts_clean(st);
	}
}

static void
test_batch_all_or_nothing(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_change	 c[4];
	struct store_attendance	 res[4];
	uint64_t		 txn;

	ts_add_member(st, "M1", "a", "", 0, "");
	ts_add_member(st, "M2", "b", "", 0, "");
	ts_add_event(st, "E1", "e", "2026-01-10");
	store_change_init(&c[0], "E1", "M1");
	c[0].final = STORE_FINAL_ATTENDED;
	store_change_init(&c[1], "E1", "M2");
	c[1].final = STORE_FINAL_ATTENDED;
	store_change_init(&c[2], "E1", "NOBODY");
	c[2].final = STORE_FINAL_ATTENDED;
	txn = store_txnid(st);
	assert_int_equal(store_attendance_apply(st, c, 3, res),
	    STORE_NOTFOUND);
	assert_non_null(strstr(store_last_error(st)->msg, "NOBODY"));
	assert_int_equal(store_txnid(st), txn);
	ts_assert_agg(st, "M1", 0, "", "");
	ts_assert_agg(st, "M2", 0, "", "");
	assert_int_equal(ts_pending(st), 0);
	assert_null(res[0].note);
	/* a stale version in the middle of a batch */
	assert_int_equal(store_attendance_apply(st, c, 2, res), STORE_OK);
	assert_int_equal(res[0].version, 1);
	assert_int_equal(res[1].final, STORE_FINAL_ATTENDED);
	store_attendance_free(&res[0]);
	store_attendance_free(&res[1]);
	store_change_init(&c[0], "E1", "M1");
	c[0].final = STORE_FINAL_ABSENT;
	c[0].expect = 1;
	store_change_init(&c[1], "E1", "M2");
	c[1].final = STORE_FINAL_ABSENT;
	c[1].expect = 5;
	assert_int_equal(store_attendance_apply(st, c, 2, NULL),
	    STORE_CONFLICT);
	assert_non_null(strstr(store_last_error(st)->msg, "M2"));
	ts_assert_agg(st, "M1", 1, "2026-01-10", "E1");
	ts_clean(st);
	/* the same record twice in one batch */
	store_change_init(&c[0], "E1", "M1");
	c[0].final = STORE_FINAL_PENDING;
	store_change_init(&c[1], "E1", "M1");
	c[1].final = STORE_FINAL_ATTENDED;
	c[1].note = "twice";
	assert_int_equal(store_attendance_apply(st, c, 2, res), STORE_OK);
	assert_int_equal(res[1].version, 3);
	assert_string_equal(res[1].note, "twice");
	store_attendance_free(&res[0]);
	store_attendance_free(&res[1]);
	ts_assert_agg(st, "M1", 1, "2026-01-10", "E1");
	ts_clean(st);
}

static void
test_invite_respond_checkin(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_attendance	 a;
	struct store_change	 c;
	struct store_stats	 s;

	ts_add_member(st, "M1", "a", "", 0, "");
	ts_add_event(st, "E1", "e", "2026-03-01");
	assert_int_equal(store_invite(st, "E1", "M1"), STORE_OK);
	assert_int_equal(store_attendance_get(st, "E1", "M1", &a), STORE_OK);
	assert_string_equal(a.invited_on, "2026-02-21");
	assert_int_equal(a.response, STORE_RESP_NONE);
	assert_int_equal(a.final, STORE_FINAL_PENDING);
	assert_int_equal(a.version, 1);
	store_attendance_free(&a);
	assert_int_equal(ts_pending(st), 1);
	assert_int_equal(store_respond(st, "E1", "M1", STORE_RESP_ACCEPTED, 1),
	    STORE_OK);
	s = ts_stats(st, "M1");
	assert_int_equal(s.accepted, 1);
	/* an invite leaves an existing record as it is */
	assert_int_equal(store_invite(st, "E1", "M1"), STORE_OK);
	assert_int_equal(store_attendance_get(st, "E1", "M1", &a), STORE_OK);
	assert_int_equal(a.version, 2);
	assert_int_equal(a.response, STORE_RESP_ACCEPTED);
	store_attendance_free(&a);
	assert_int_equal(store_respond(st, "E1", "M1", STORE_RESP_DECLINED, 1),
	    STORE_CONFLICT);
	assert_int_equal(store_respond(st, "E1", "M1", STORE_RESP_DECLINED, 2),
	    STORE_OK);
	s = ts_stats(st, "M1");
	assert_int_equal(s.accepted, 0);
	/* a mark or a response creating a record is no invitation */
	ts_add_member(st, "M9", "b", "", 0, "");
	assert_int_equal(store_mark(st, "E1", "M9", STORE_FINAL_ABSENT, 0),
	    STORE_OK);
	assert_int_equal(store_attendance_get(st, "E1", "M9", &a), STORE_OK);
	assert_string_equal(a.invited_on, "");
	store_attendance_free(&a);
	/* check-in at the door and its undo */
	store_change_init(&c, "E1", "M1");
	c.final = STORE_FINAL_ATTENDED;
	c.checkin = true;
	assert_int_equal(store_attendance_apply(st, &c, 1, NULL), STORE_OK);
	assert_int_equal(store_attendance_get(st, "E1", "M1", &a), STORE_OK);
	assert_true(a.checked_in_at > 0);
	assert_true(a.checked_in_by[0] != '\0');
	store_attendance_free(&a);
	store_change_init(&c, "E1", "M1");
	c.final = STORE_FINAL_PENDING;
	c.clear_checkin = true;
	assert_int_equal(store_attendance_apply(st, &c, 1, NULL), STORE_OK);
	assert_int_equal(store_attendance_get(st, "E1", "M1", &a), STORE_OK);
	assert_int_equal(a.checked_in_at, 0);
	assert_int_equal(a.final, STORE_FINAL_PENDING);
	store_attendance_free(&a);
	/* only_existing */
	ts_add_member(st, "M2", "b", "", 0, "");
	store_change_init(&c, "E1", "M2");
	c.final = STORE_FINAL_ATTENDED;
	c.only_existing = true;
	assert_int_equal(store_attendance_apply(st, &c, 1, NULL),
	    STORE_NOTFOUND);
	assert_int_equal(store_mark(st, "NOEVENT", "M1", STORE_FINAL_ATTENDED,
	    0), STORE_NOTFOUND);
	assert_string_equal(store_last_error(st)->field, "event_code");
	/* a walk-in, keys as users type them */
	store_change_init(&c, "Ｅ１", "Ｍ２");
	c.final = STORE_FINAL_ATTENDED;
	c.walk_in = 1;
	assert_int_equal(store_attendance_apply(st, &c, 1, NULL), STORE_OK);
	assert_int_equal(store_attendance_get(st, "E1", "M2", &a), STORE_OK);
	assert_true(a.walk_in);
	store_attendance_free(&a);
	ts_clean(st);
}

static void
test_walks(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_event	 e;
	struct store_event_counts ec;
	struct rows		 l;
	char			 code[STORE_ID_MAX + 1];

	ts_add_member(st, "M1", "山田", "", 0, "");
	ts_add_member(st, "M2", "佐藤", "", 0, "");
	ts_add_event(st, "EA", "a", "2026-01-10");
	ts_add_event(st, "EB", "b", "2026-01-10");
	ts_add_event(st, "EC", "c", "2025-05-05");
	ts_add_event(st, "ED", "d", "2026-06-06");
	ts_mark(st, "EA", "M1", STORE_FINAL_ATTENDED);
	ts_mark(st, "EB", "M1", STORE_FINAL_ABSENT);
	assert_int_equal(store_invite(st, "EC", "M1"), STORE_OK);
	assert_int_equal(store_invite(st, "ED", "M1"), STORE_OK);
	assert_int_equal(store_invite(st, "EA", "M2"), STORE_OK);
	assert_int_equal(store_respond(st, "EA", "M2", STORE_RESP_ACCEPTED, 0),
	    STORE_OK);
	/* history newest first, ties larger code first */
	memset(&l, 0, sizeof l);
	assert_int_equal(store_member_history(st, "M1", rows_collect, &l),
	    STORE_OK);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.event[0], "ED");
	assert_string_equal(l.event[1], "EB");
	assert_string_equal(l.event[2], "EA");
	assert_string_equal(l.event[3], "EC");
	assert_string_equal(l.event_name[2], "a");
	assert_string_equal(l.member_name[0], "山田");
	/* a member that is a prefix of another ID sees only its own */
	memset(&l, 0, sizeof l);
	ts_add_member(st, "M", "m", "", 0, "");
	assert_int_equal(store_member_history(st, "M", rows_collect, &l),
	    STORE_OK);
	assert_int_equal(l.n, 0);
	/* pending by date, event, member */
	memset(&l, 0, sizeof l);
	assert_int_equal(store_pending_each(st, rows_collect, &l), STORE_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.event[0], "EC");
	assert_string_equal(l.event[1], "EA");
	assert_string_equal(l.member[1], "M2");
	assert_string_equal(l.event[2], "ED");
	/* an event's records by member */
	memset(&l, 0, sizeof l);
	assert_int_equal(store_event_records(st, "EA", rows_collect, &l),
	    STORE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.member[0], "M1");
	assert_string_equal(l.member[1], "M2");
	assert_string_equal(l.member_name[1], "佐藤");
	memset(&l, 0, sizeof l);
	assert_int_equal(store_attendance_each(st, rows_collect, &l),
	    STORE_OK);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.event[0], "EA");
	assert_string_equal(l.event[4], "ED");
	/* event counts: M1's mark created a walk-in, only M2 was invited */
	assert_int_equal(store_event_get(st, "EA", &e, &ec), STORE_OK);
	assert_int_equal(ec.invited, 1);
	assert_int_equal(ec.walk_in, 1);
	assert_int_equal(ec.attended, 1);
	assert_int_equal(ec.accepted, 1);
	assert_int_equal(ec.pending, 1);
	assert_int_equal(ec.no_response, 1);
	store_event_free(&e);
	assert_int_equal(store_event_find(st, "b", "2026-01-10", code),
	    STORE_OK);
	assert_string_equal(code, "EB");
	assert_int_equal(store_event_find(st, "b", "2026-01-11", code),
	    STORE_NOTFOUND);
	ts_clean(st);
}

static int
events_collect(const struct store_event *e,
    const struct store_event_counts *ec, void *arg)
{
	struct rows	*l = arg;

	snprintf(l->event[l->n], sizeof l->event[0], "%s", e->code);
	l->final[l->n] = (int)ec->invited;
	l->n++;
	return (0);
}

static void
test_event_each_update_delete(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_event	 e;
	struct rows		 l;

	ts_add_member(st, "M1", "a", "", 0, "");
	ts_add_member(st, "M2", "b", "", 1, "2026-01-15");
	ts_add_event(st, "E1", "one", "2026-01-10");
	ts_add_event(st, "E2", "two", "2026-02-10");
	ts_add_event(st, "E3", "three", "2026-02-10");
	ts_mark(st, "E1", "M1", STORE_FINAL_ATTENDED);
	ts_mark(st, "E1", "M2", STORE_FINAL_ATTENDED);
	assert_int_equal(store_invite(st, "E2", "M1"), STORE_OK);
	memset(&l, 0, sizeof l);
	assert_int_equal(store_event_each(st, events_collect, &l), STORE_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.event[0], "E3");
	assert_string_equal(l.event[1], "E2");
	assert_string_equal(l.event[2], "E1");
	assert_int_equal(l.final[1], 1);	/* invited records only */
	assert_int_equal(l.final[2], 0);
	ts_assert_agg(st, "M2", 2, "2026-01-15", "");

	/* moving E1 later moves every history and aggregate */
	assert_int_equal(store_event_get(st, "E1", &e, NULL), STORE_OK);
	snprintf(e.date, sizeof e.date, "2026-03-01");
	assert_int_equal(store_event_update(st, &e, e.version), STORE_OK);
	assert_int_equal(store_event_update(st, &e, 1), STORE_CONFLICT);
	store_event_free(&e);
	ts_assert_agg(st, "M1", 1, "2026-03-01", "E1");
	ts_assert_agg(st, "M2", 2, "2026-03-01", "E1");
	ts_clean(st);
	/* and a pending record moves its pending key */
	assert_int_equal(store_event_get(st, "E2", &e, NULL), STORE_OK);
	snprintf(e.date, sizeof e.date, "2025-12-24");
	assert_int_equal(store_event_update(st, &e, 0), STORE_OK);
	store_event_free(&e);
	ts_clean(st);

	/* delete: refused with records, forced recomputes */
	assert_int_equal(store_event_delete(st, "E1", false, 0),
	    STORE_HASREFS);
	assert_int_equal(store_event_delete(st, "E1", true, 0), STORE_OK);
	ts_assert_agg(st, "M1", 0, "", "");
	ts_assert_agg(st, "M2", 1, "2026-01-15", "");
	assert_int_equal(store_event_get(st, "E1", &e, NULL), STORE_NOTFOUND);
	assert_int_equal(store_event_delete(st, "E3", false, 0), STORE_OK);
	assert_int_equal(store_event_delete(st, "E2", true, 0), STORE_OK);
	assert_int_equal(ts_pending(st), 0);
	ts_clean(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_matrix, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_batch_all_or_nothing,
		    ts_setup, ts_teardown),
		cmocka_unit_test_setup_teardown(test_invite_respond_checkin,
		    ts_setup, ts_teardown),
		cmocka_unit_test_setup_teardown(test_walks, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_event_each_update_delete,
		    ts_setup, ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
