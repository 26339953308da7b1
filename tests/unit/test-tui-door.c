/* test-tui-door.c -- the door's model and its writer thread, the latter
 * against a real environment whose write lock another thread holds the
 * way an import in another process does. */

#include <poll.h>
#include <pthread.h>

#include "tests/unit/test-store-util.h"
#include "tui/door.h"

static struct store_member_row
td_row(const char *id)
{
	struct store_member_row	r;

	memset(&r, 0, sizeof r);
	snprintf(r.id, sizeof r.id, "%s", id);
	return (r);
}

static void
test_model_input_and_matches(void **state)
{
	struct door		 d;
	struct store_checkin	 job;
	struct store_member_row	 rows[3];

	(void)state;
	door_init(&d);
	assert_false(door_enter(&d, &job));
	rows[0] = td_row("M1");
	rows[1] = td_row("M2");
	rows[2] = td_row("M3");
	door_set_matches(&d, rows, 3);
	door_move(&d, 5);
	assert_int_equal(d.sel, 2);
	door_move(&d, -1);
	assert_int_equal(d.sel, 1);
	/* new matches keep the selected member where it is still listed */
	rows[0] = td_row("M0");
	rows[1] = td_row("M1");
	rows[2] = td_row("M2");
	door_set_matches(&d, rows, 3);
	assert_int_equal(d.sel, 2);
	door_set_matches(&d, rows, 1);
	assert_int_equal(d.sel, 0);
	field_set(&d.input, "やまだ");
	assert_true(door_enter(&d, &job));
	assert_string_equal(job.text, "やまだ");
	assert_string_equal(job.fallback, "M0");
	assert_string_equal(field_text(&d.input), "");
	assert_int_equal(d.nmatch, 0);
	/* a match by its ID's start is no fallback unless moved to */
	rows[0] = td_row("M0012");
	rows[1] = td_row("M0013");
	door_set_matches(&d, rows, 2);
	field_set(&d.input, "ｍ001");
	assert_true(door_enter(&d, &job));
	assert_string_equal(job.fallback, "");
	door_set_matches(&d, rows, 2);
	door_move(&d, 1);
	door_move(&d, -1);
	field_set(&d.input, "M001");
	assert_true(door_enter(&d, &job));
	assert_string_equal(job.fallback, "M0012");
	assert_false(d.moved);
	/* a scan without matches: the text alone */
	field_set(&d.input, "M001");
	assert_true(door_enter(&d, &job));
	assert_string_equal(job.text, "M001");
	assert_string_equal(job.fallback, "");
	door_free(&d);
}

static void
test_model_results_and_undo(void **state)
{
	struct door		d;
	struct store_checkin	ck;
	int			i;

	(void)state;
	door_init(&d);
	assert_null(door_undo_next(&d));
	memset(&ck, 0, sizeof ck);
	ck.outcome = STORE_CHECKIN_OK;
	for (i = 0; i < 25; i++) {
		snprintf(ck.member, sizeof ck.member, "M%02d", i);
		door_result(&d, &ck);
	}
	assert_int_equal(d.nrecent, DOOR_UNDO_MAX);
	assert_string_equal(door_undo_next(&d)->member, "M24");
	assert_string_equal(d.recent[DOOR_UNDO_MAX - 1].member, "M05");
	door_undone(&d, "M24");
	assert_int_equal(d.nrecent, DOOR_UNDO_MAX - 1);
	assert_string_equal(door_undo_next(&d)->member, "M23");
	assert_false(d.has_last);
	door_undone(&d, "M10");
	assert_int_equal(d.nrecent, DOOR_UNDO_MAX - 2);
	assert_string_equal(d.recent[13].member, "M09");
	/* ALREADY shows, joins nothing; ERROR gives its text back */
	ck.outcome = STORE_CHECKIN_ALREADY;
	door_result(&d, &ck);
	assert_int_equal(d.nrecent, DOOR_UNDO_MAX - 2);
	assert_true(d.has_last);
	ck.outcome = STORE_CHECKIN_ERROR;
	snprintf(ck.text, sizeof ck.text, "M0O1");
	door_result(&d, &ck);
	assert_string_equal(field_text(&d.input), "M0O1");
	/* the next scan replaces it; an edit keeps it for correction */
	door_type(&d, 'M');
	assert_string_equal(field_text(&d.input), "M");
	field_set(&d.input, "");
	door_result(&d, &ck);
	door_edit(&d);
	field_backspace(&d.input);
	door_type(&d, '0');
	assert_string_equal(field_text(&d.input), "M0O0");
	field_set(&d.input, "");
	/* not over what is typed since */
	field_set(&d.input, "M7");
	snprintf(ck.text, sizeof ck.text, "ZZ");
	door_result(&d, &ck);
	assert_string_equal(field_text(&d.input), "M7");
	/* 待機中 from 200 ms on */
	assert_false(door_waiting(-1, 5000));
	assert_false(door_waiting(1000, 1199));
	assert_true(door_waiting(1000, 1200));
	door_free(&d);
}

/* Another writer holding the lock: an import whose rows do not come
 * until the test says so. */
struct td_holder {
	struct store	*h;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	bool		 locked, release;
	int		 rc;
};

static int
td_hold_event(void *arg, struct store_event *out, uint32_t *fields)
{
	struct td_holder *hd = arg;

	(void)out;
	(void)fields;
	pthread_mutex_lock(&hd->mu);
	hd->locked = true;	/* inside the import's write transaction */
	pthread_cond_broadcast(&hd->cv);
	while (!hd->release)
		pthread_cond_wait(&hd->cv, &hd->mu);
	pthread_mutex_unlock(&hd->mu);
	return (0);
}

static int
td_none_member(void *arg, struct store_member *out, uint32_t *fields)
{
	(void)arg;
	(void)out;
	(void)fields;
	return (0);
}

static int
td_none_record(void *arg, struct store_change *out)
{
	(void)arg;
	(void)out;
	return (0);
}

static void *
td_hold(void *arg)
{
	struct td_holder		*hd = arg;
	struct store_import_source	 src;
	struct store_import_result	 res;

	memset(&src, 0, sizeof src);
	src.arg = hd;
	src.next_event = td_hold_event;
	src.next_member = td_none_member;
	src.next_record = td_none_record;
	src.what = "held.csv";
	hd->rc = store_import(hd->h, &src, false, &res);
	return (NULL);
}

static void
td_push_scan(struct door_writer *w, const char *text)
{
	struct door_job	j;

	memset(&j, 0, sizeof j);
	j.kind = DOOR_JOB_SCAN;
	snprintf(j.ck.text, sizeof j.ck.text, "%s", text);
	door_writer_push(w, &j);
}

static struct door_job
td_pop(struct door_writer *w)
{
	struct door_job	j;

	struct pollfd	p = { door_writer_fd(w), POLLIN, 0 };

	/* as the screen waits: the descriptor is readable when a job is
	 * done (the time-out is a safety net, not a timed assertion) */
	while (!door_writer_pop(w, &j))
		assert_int_equal(poll(&p, 1, 30000), 1);
	return (j);
}

static void
test_writer_in_order_behind_the_lock(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct td_holder	 hd;
	struct door_writer	*w;
	struct door_job		 j, undo;
	pthread_t		 th;
	struct store_attendance	 a;
	static const int	 want[5] = { STORE_CHECKIN_OK, STORE_CHECKIN_OK,
	    STORE_CHECKIN_ALREADY, STORE_CHECKIN_ERROR, STORE_CHECKIN_OK };
	int			 i;

	ts_add_member(st, "M1", "a", "", 0, "");
	ts_add_member(st, "M2", "b", "", 0, "");
	ts_add_member(st, "M3", "c", "", 3, "2025-01-01");
	ts_add_event(st, "E1", "e", "2026-02-21");
	memset(&hd, 0, sizeof hd);
	hd.h = store_share(st);
	pthread_mutex_init(&hd.mu, NULL);
	pthread_cond_init(&hd.cv, NULL);
	assert_int_equal(pthread_create(&th, NULL, td_hold, &hd), 0);
	pthread_mutex_lock(&hd.mu);
	while (!hd.locked)
		pthread_cond_wait(&hd.cv, &hd.mu);
	pthread_mutex_unlock(&hd.mu);

	w = door_writer_start(st, "E1", "受付3");
	td_push_scan(w, "M1");
	td_push_scan(w, "M2");
	td_push_scan(w, "ｍ１");
	td_push_scan(w, "nobody");
	td_push_scan(w, "M3");
	/* nothing can commit while the lock is held: no result, 待機中 */
	assert_false(door_writer_pop(w, &j));
	assert_true(door_writer_oldest(w) >= 0);
	assert_true(door_waiting(door_writer_oldest(w),
	    door_writer_oldest(w) + DOOR_WAIT_MS));

	pthread_mutex_lock(&hd.mu);
	hd.release = true;
	pthread_cond_broadcast(&hd.cv);
	pthread_mutex_unlock(&hd.mu);
	pthread_join(th, NULL);
	assert_int_equal(hd.rc, STORE_OK);

	for (i = 0; i < 5; i++) {
		j = td_pop(w);
		assert_int_equal(j.seq, (uint64_t)i + 1);
		assert_int_equal(j.rc, STORE_OK);
		assert_int_equal(j.ck.outcome, want[i]);
		if (i == 4)
			undo = j;
	}
	assert_string_equal(undo.ck.member, "M3");
	assert_int_equal(undo.ck.total_after, 4);
	assert_int_equal(door_writer_oldest(w), -1);
	/* the result came after the commit: the record is there */
	assert_int_equal(store_attendance_get(st, "E1", "M3", &a), STORE_OK);
	assert_int_equal(a.final, STORE_FINAL_ATTENDED);
	store_attendance_free(&a);

	undo.kind = DOOR_JOB_UNDO;
	door_writer_push(w, &undo);
	memset(&j, 0, sizeof j);
	j.kind = DOOR_JOB_GUEST;
	snprintf(j.guest_name, sizeof j.guest_name, "来場 者");
	door_writer_push(w, &j);
	j = td_pop(w);
	assert_int_equal(j.kind, DOOR_JOB_UNDO);
	assert_int_equal(j.rc, STORE_OK);
	assert_int_equal(store_attendance_get(st, "E1", "M3", &a),
	    STORE_NOTFOUND);
	j = td_pop(w);
	assert_int_equal(j.kind, DOOR_JOB_GUEST);
	assert_int_equal(j.ck.outcome, STORE_CHECKIN_OK);
	assert_string_equal(j.ck.member, "M4");
	/* a second undo of the same check-in is refused with a message */
	door_writer_push(w, &undo);
	j = td_pop(w);
	assert_int_equal(j.rc, STORE_NOTFOUND);
	assert_true(j.msg[0] != '\0');
	door_writer_stop(w);
	store_share_close(hd.h);
	pthread_mutex_destroy(&hd.mu);
	pthread_cond_destroy(&hd.cv);
	ts_clean(st);
}

/* Run door_replay over TEXT; the output into OUT (a malloc'd string). */
static int
td_replay(struct store *st, const char *text, char **out, int *bad)
{
	FILE	*in, *o;
	size_t	 len;
	int	 rc;

	in = fmemopen((void *)text, strlen(text), "r");
	o = open_memstream(out, &len);
	rc = door_replay(st, "E1", "受付2", in, o, bad);
	fclose(in);
	fclose(o);
	return (rc);
}

static void
test_replay(void **state)
{
	struct ts	*t = *state;
	struct store	*st = t->st;
	struct store_member m;
	char		*out;
	int		 bad;

	setenv("TZ", "Asia/Tokyo", 1);
	ts_add_member(st, "M1", "山田 太郎", "", 0, "");
	ts_add_member(st, "M2", "佐藤", "", 0, "");
	ts_add_member(st, "M3", "退会", "", 0, "");
	assert_int_equal(store_member_get(st, "M3", &m, NULL), STORE_OK);
	m.status = STORE_MEMBER_LEFT;
	assert_int_equal(store_member_update(st, &m, 0), STORE_OK);
	store_member_free(&m);
	ts_add_event(st, "E1", "e", "2026-02-21");
	assert_int_equal(td_replay(st, "# door 2\n\nM1\t18:04\r\n ｍ２ \n"
	    "M1\nX9\nM3\nM2\t25:00\n", &out, &bad), STORE_OK);
	assert_string_equal(out,
	    "OK\tM1\t山田 太郎\n"
	    "OK\tM2\t佐藤\n"
	    "ALREADY\tM1\t山田 太郎\t2026-02-21T18:04:00\t受付2\n"
	    "ERROR\tX9\tunknown\n"
	    "ERROR\tM3\tleft\n"
	    "ERROR\tM2\tinvalid\n");
	assert_int_equal(bad, 3);
	free(out);
	/* the same file again: ALREADY for every scan that was checked in */
	assert_int_equal(td_replay(st, "M1\nM2\n", &out, &bad), STORE_OK);
	assert_int_equal(bad, 0);
	assert_non_null(strstr(out, "ALREADY\tM2\t佐藤\t"));
	free(out);
	ts_clean(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_input_and_matches),
		cmocka_unit_test(test_model_results_and_undo),
		cmocka_unit_test_setup_teardown(
		    test_writer_in_order_behind_the_lock, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_replay, ts_setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
