/* test-store-report.c -- the reports on a hand-made dataset whose every
 * figure is derived by hand in the comments: range buckets, yearly rows in
 * fiscal and calendar years (a future event, pending records of the
 * current year), the event funnel with zero denominators and each sort,
 * the member lists under the action rule, a member predicate; rates,
 * year labels and --year parsing. */

#include "test-store-util.h"

/*
 * Today is 2026-02-21 (ts_setup): FY2025, calendar 2026.
 *
 * Events (code  date        capacity  fiscal  calendar)
 *   E1  2024-05-10  3   FY2024  2024
 *   E2  2025-03-15  0   FY2024  2025   (March: still FY2024)
 *   E3  2025-06-01  2   FY2025  2025
 *   E4  2026-01-20  0   FY2025  2026
 *   E5  2026-02-21  0   FY2025  2026   (today: a past event)
 *   E9  2026-05-01  0   future, never a row
 *
 * Members (status, past_count, segment)
 *   M1 active 0 A · M2 active 3 A (mail_opt_out) · M3 active 0 B
 *   M4 suspended 0 B · M5 left 0 B · M6 active 0 A · M7 active 0 B
 *   M8 active 25 B (past_last_date 2020-01-01)
 *
 * Records (inv = invited_on set; resp; final; walk-in)
 *   E1: M1 inv acc attended · M2 inv acc attended · M3 inv none no_show
 *       M4 inv declined absent · M5 walk-in attended
 *   E2: M1 inv acc no_show · M3 inv acc attended · M6 inv declined cancelled
 *   E3: M1 inv acc attended · M3 (not invited) acc attended
 *       M4 inv acc attended · M6 inv none no_show
 *   E4: M1 inv none PENDING · M2 inv acc attended · M6 inv none no_show
 *   E5: M3 inv acc PENDING · M6 inv none PENDING
 *   E9: M1 inv acc PENDING · M7 inv none PENDING
 *
 * Aggregates: M1 attended E1,E3 total 2 no_show 1 last 2025-06-01;
 * M2 attended E1,E4 + past 3 = 5, last 2026-01-20; M3 attended E2,E3
 * total 2 no_show 1 last 2025-06-01; M4 attended E3 total 1 last
 * 2025-06-01; M5 attended E1 total 1 last 2024-05-10; M6 total 0
 * no_show 2 (E3, E4); M7 total 0; M8 total 25 last 2020-01-01.
 */

enum { R_NONE, R_ACC, R_DEC };

static void
rec(struct store *st, const char *ev, const char *id, bool inv, int resp,
    enum store_final f, bool walk_in)
{
	struct store_change	c;
	int			rc;

	store_change_init(&c, ev, id);
	if (inv)
		c.invited_on = "2024-01-01";
	c.response = resp == R_ACC ? STORE_RESP_ACCEPTED : resp == R_DEC ?
	    STORE_RESP_DECLINED : STORE_RESP_NONE;
	c.final = (int)f;
	c.walk_in = walk_in;
	rc = store_attendance_apply(st, &c, 1, NULL);
	if (rc != STORE_OK)
		fprintf(stderr, "rec %s %s: %s\n", ev, id,
		    store_last_error(st)->msg);
	assert_int_equal(rc, STORE_OK);
}

static void
member(struct store *st, const char *id, enum store_member_status status,
    int32_t past, const char *past_date, const char *segment, bool opt_out)
{
	struct store_member	m;

	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "%s", id);
	m.name = (char *)id;
	m.kana = (char *)"かな";
	m.segment = (char *)segment;
	m.status = status;
	m.mail_opt_out = opt_out;
	m.past_count = past;
	snprintf(m.past_last_date, sizeof m.past_last_date, "%s", past_date);
	assert_int_equal(store_member_add(st, &m), STORE_OK);
}

static void
event(struct store *st, const char *code, const char *date, int32_t cap)
{
	struct store_event	e;

	memset(&e, 0, sizeof e);
	snprintf(e.code, sizeof e.code, "%s", code);
	e.name = (char *)"イベント";
	snprintf(e.date, sizeof e.date, "%s", date);
	e.capacity = cap;
	assert_int_equal(store_event_add(st, &e), STORE_OK);
}

static void
dataset(struct store *st)
{
	const enum store_final A = STORE_FINAL_ATTENDED, N = STORE_FINAL_NO_SHOW,
	    P = STORE_FINAL_PENDING;

	event(st, "E1", "2024-05-10", 3);
	event(st, "E2", "2025-03-15", 0);
	event(st, "E3", "2025-06-01", 2);
	event(st, "E4", "2026-01-20", 0);
	event(st, "E5", "2026-02-21", 0);
	event(st, "E9", "2026-05-01", 0);
	member(st, "M1", STORE_MEMBER_ACTIVE, 0, "", "A", false);
	member(st, "M2", STORE_MEMBER_ACTIVE, 3, "2023-01-01", "A", true);
	member(st, "M3", STORE_MEMBER_ACTIVE, 0, "", "B", false);
	member(st, "M4", STORE_MEMBER_SUSPENDED, 0, "", "B", false);
	member(st, "M5", STORE_MEMBER_LEFT, 0, "", "B", false);
	member(st, "M6", STORE_MEMBER_ACTIVE, 0, "", "A", false);
	member(st, "M7", STORE_MEMBER_ACTIVE, 0, "", "B", false);
	member(st, "M8", STORE_MEMBER_ACTIVE, 25, "2020-01-01", "B", false);
	rec(st, "E1", "M1", true, R_ACC, A, false);
	rec(st, "E1", "M2", true, R_ACC, A, false);
	rec(st, "E1", "M3", true, R_NONE, N, false);
	rec(st, "E1", "M4", true, R_DEC, STORE_FINAL_ABSENT, false);
	rec(st, "E1", "M5", false, R_NONE, A, true);
	rec(st, "E2", "M1", true, R_ACC, N, false);
	rec(st, "E2", "M3", true, R_ACC, A, false);
	rec(st, "E2", "M6", true, R_DEC, STORE_FINAL_CANCELLED, false);
	rec(st, "E3", "M1", true, R_ACC, A, false);
	rec(st, "E3", "M3", false, R_ACC, A, false);
	rec(st, "E3", "M4", true, R_ACC, A, false);
	rec(st, "E3", "M6", true, R_NONE, N, false);
	rec(st, "E4", "M1", true, R_NONE, P, false);
	rec(st, "E4", "M2", true, R_ACC, A, false);
	rec(st, "E4", "M6", true, R_NONE, N, false);
	rec(st, "E5", "M3", true, R_ACC, P, false);
	rec(st, "E5", "M6", true, R_NONE, P, false);
	rec(st, "E9", "M1", true, R_ACC, P, false);
	rec(st, "E9", "M7", true, R_NONE, P, false);
	ts_clean(st);
}

static int
setup(void **state)
{
	struct ts	*t;

	if (ts_setup(state) != 0)
		return (-1);
	t = *state;
	dataset(t->st);
	return (0);
}

/* A filter of the tests ("segment=A": M1, M2, M6); free with
 * store_filter_free. */
static struct store_filter *
filter(struct store *st, const char *text)
{
	struct store_filter		*f;
	struct store_filter_error	 e;

	assert_int_equal(store_filter_parse_line(st, text, &f, &e), STORE_OK);
	return (f);
}

static void
run(struct store *st, enum store_report_kind k,
    const struct store_report_opts *o, struct store_report *r)
{
	int	rc = store_report_run(st, k, o, r, NULL, NULL);

	if (rc != STORE_OK)
		fprintf(stderr, "report: %s\n", store_last_error(st)->msg);
	assert_int_equal(rc, STORE_OK);
}

static void
assert_rate(int64_t num, int64_t den, const char *want)
{
	char	buf[STORE_RATE_SIZE];

	store_rate_text(num, den, buf);
	assert_string_equal(buf, want);
}

static void
test_rates_labels(void **state)
{
	int	y;

	(void)state;
	assert_rate(2, 3, "66.7");
	assert_rate(1, 3, "33.3");
	assert_rate(0, 5, "0.0");
	assert_rate(1, 0, "");		/* zero denominator: empty */
	assert_rate(-3, 4, "-75.0");
	assert_rate(1, 16, "6.3");	/* 6.25: the half rounds away from 0 */
	assert_rate(-1, 16, "-6.3");
	assert_rate(1, 3000, "0.0");	/* 0.033 */
	assert_rate(1, 2000, "0.1");	/* 0.05 */
	assert_int_equal(store_report_year_parse("FY2025", false, &y),
	    STORE_OK);
	assert_int_equal(y, 2025);
	assert_int_equal(store_report_year_parse("2025", false, &y), STORE_OK);
	assert_int_equal(y, 2025);
	assert_int_equal(store_report_year_parse("ｆｙ２０２４", false, &y),
	    STORE_OK);
	assert_int_equal(y, 2024);
	assert_int_equal(store_report_year_parse("2026", true, &y), STORE_OK);
	assert_int_equal(store_report_year_parse("FY2025", true, &y),
	    STORE_INVALID);
	assert_int_equal(store_report_year_parse("20x5", false, &y),
	    STORE_INVALID);
	assert_int_equal(store_report_year_parse("", false, &y),
	    STORE_INVALID);
	{
		char	l[STORE_LABEL_SIZE];

		store_year_label(2025, false, l);
		assert_string_equal(l, "FY2025");
		store_year_label(2025, true, l);
		assert_string_equal(l, "2025");
	}
	assert_int_equal(store_report_kind_parse("noshow"),
	    STORE_REPORT_NOSHOW);
	assert_int_equal(store_report_kind_parse("bogus"), -1);
	assert_int_equal(store_event_sort_parse("no_show_rate"),
	    STORE_SORT_NO_SHOW_RATE);
	assert_int_equal(store_event_sort_parse("name"), -1);
}

#define assert_bucket(r, i, label, nm, att) do {			\
	assert_string_equal((r).range[i].bucket, (label));		\
	assert_int_equal((r).range[i].members, (nm));			\
	assert_int_equal((r).range[i].attendances, (att));		\
} while (0)

static void
test_range(void **state)
{
	struct ts			*t = *state;
	struct store_report		 r;
	struct store_report_opts	 o;

	memset(&o, 0, sizeof o);
	run(t->st, STORE_REPORT_RANGE, &o, &r);
	/* totals: M1 2, M2 5, M3 2, M4 1, M5 1, M6 0, M7 0, M8 25; every
	 * member counts, whatever the status; sum 36 */
	assert_int_equal(r.members, 8);
	assert_bucket(r, 0, "0", 2, 0);		/* M6 M7 */
	assert_bucket(r, 1, "1", 2, 2);		/* M4 M5 */
	assert_bucket(r, 2, "2", 2, 4);		/* M1 M3 */
	assert_bucket(r, 3, "3-5", 1, 5);	/* M2 */
	assert_bucket(r, 4, "6-9", 0, 0);
	assert_bucket(r, 5, "10-19", 0, 0);
	assert_bucket(r, 6, "20+", 1, 25);	/* M8 */
	store_report_free(&r);

	/* segment A: M1 2, M2 5, M6 0 */
	o.filter = filter(t->st, "segment=A");
	run(t->st, STORE_REPORT_RANGE, &o, &r);
	assert_int_equal(r.members, 3);
	assert_bucket(r, 0, "0", 1, 0);
	assert_bucket(r, 1, "1", 0, 0);
	assert_bucket(r, 2, "2", 1, 2);
	assert_bucket(r, 3, "3-5", 1, 5);
	assert_bucket(r, 6, "20+", 0, 0);
	store_report_free(&r);
	store_filter_free((struct store_filter *)o.filter);
}

static void
assert_year(const struct store_year_row *y, const char *label,
    const uint64_t v[10])
{
	assert_string_equal(y->label, label);
	assert_int_equal(y->events, v[0]);
	assert_int_equal(y->invited, v[1]);
	assert_int_equal(y->accepted, v[2]);
	assert_int_equal(y->attended, v[3]);
	assert_int_equal(y->attendees, v[4]);
	assert_int_equal(y->first_time, v[5]);
	assert_int_equal(y->repeat, v[6]);
	assert_int_equal(y->lapsed, v[7]);
	assert_int_equal(y->no_show, v[8]);
	assert_int_equal(y->prev_attended, v[9]);
}

static void
assert_year_rates(const struct store_year_row *y, const char *nsr,
    const char *change)
{
	char	a[STORE_RATE_SIZE], b[STORE_RATE_SIZE];

	store_rate_text((int64_t)y->no_show, (int64_t)(y->attended +
	    y->no_show), a);
	store_rate_text(y->has_prev ? (int64_t)y->attended -
	    (int64_t)y->prev_attended : 0, y->has_prev ?
	    (int64_t)y->prev_attended : 0, b);
	assert_string_equal(a, nsr);
	assert_string_equal(b, change);
}

static void
test_yearly_fiscal(void **state)
{
	struct ts			*t = *state;
	struct store_report		 r;
	struct store_report_opts	 o;
	/*
	 * FY2024 = E1 + E2.  invited 4 + 3 = 7, accepted 2 + 2 = 4,
	 * attended 3 + 1 = 4 (M1 M2 M5, M3), no_show 1 + 1 = 2; attendees
	 * M1 M2 M3 M5 = 4; first time M1 M3 M5 (M2 has a past count) = 3;
	 * no previous year: repeat, lapsed 0, change empty; no-show rate
	 * 2 / (4 + 2) = 33.3.
	 * FY2025 = E3 + E4 + E5, pending records left out (E4 M1, E5 M3,
	 * E5 M6).  invited 3 (E3: M1 M4 M6) + 2 (E4: M2 M6) = 5, accepted
	 * 3 + 1 = 4, attended 3 + 1 = 4, no_show 1 + 1 = 2; attendees M1
	 * M3 M4 M2 = 4; first time M4 = 1; repeat M1 M2 M3 = 3; lapsed M5 =
	 * 1; no-show rate 2 / 6 = 33.3; change (4 - 4) / 4 = 0.0.
	 */
	static const uint64_t fy24[10] = { 2, 7, 4, 4, 4, 3, 0, 0, 2, 0 };
	static const uint64_t fy25[10] = { 3, 5, 4, 4, 4, 1, 3, 1, 2, 4 };

	memset(&o, 0, sizeof o);
	run(t->st, STORE_REPORT_YEARLY, &o, &r);
	assert_int_equal(r.nyears, 2);
	assert_year(&r.years[0], "FY2024", fy24);
	assert_year_rates(&r.years[0], "33.3", "");
	assert_year(&r.years[1], "FY2025", fy25);
	assert_year_rates(&r.years[1], "33.3", "0.0");
	assert_int_equal(r.future_events, 1);		/* E9 */
	assert_int_equal(r.pending_records, 3);
	store_report_free(&r);

	/*
	 * Segment A (M1 M2 M6).  FY2024: invited E1 2 + E2 2 = 4, accepted
	 * 2 + 1 = 3, attended 2 + 0, no_show 0 + 1; attendees M1 M2, first
	 * time M1; rate 1 / 3 = 33.3.  FY2025: invited E3 2 (M1 M6) + E4 2
	 * (M2 M6) = 4, accepted 1 + 1 = 2, attended 1 + 1 = 2, no_show
	 * 1 + 1 = 2; attendees M1 M2, repeat both; rate 2 / 4 = 50.0;
	 * pending E4 M1, E5 M6 = 2.
	 */
	static const uint64_t a24[10] = { 2, 4, 3, 2, 2, 1, 0, 0, 1, 0 };
	static const uint64_t a25[10] = { 3, 4, 2, 2, 2, 0, 2, 0, 2, 2 };

	o.filter = filter(t->st, "segment=A");
	run(t->st, STORE_REPORT_YEARLY, &o, &r);
	assert_int_equal(r.nyears, 2);
	assert_year(&r.years[0], "FY2024", a24);
	assert_year_rates(&r.years[0], "33.3", "");
	assert_year(&r.years[1], "FY2025", a25);
	assert_year_rates(&r.years[1], "50.0", "0.0");
	assert_int_equal(r.pending_records, 2);
	store_report_free(&r);
	store_filter_free((struct store_filter *)o.filter);
}

static void
test_yearly_calendar(void **state)
{
	struct ts			*t = *state;
	struct store_report		 r;
	struct store_report_opts	 o;
	/*
	 * 2024 = E1: invited 4, accepted 2, attended 3, no_show 1;
	 * attendees M1 M2 M5, first time M1 M5; rate 1 / 4 = 25.0.
	 * 2025 = E2 + E3: invited 3 + 3 = 6, accepted 2 + 3 = 5, attended
	 * 1 + 3 = 4, no_show 2; attendees M1 M3 M4 = 3; first time M3 M4;
	 * repeat M1; lapsed M2 M5; rate 2 / 6 = 33.3; change (4-3)/3 = 33.3.
	 * 2026 = E4 + E5 (E9 is future): invited 2, accepted 1, attended 1,
	 * no_show 1; attendees M2; repeat 0 (M2 skipped 2025); lapsed M1 M3
	 * M4; rate 1 / 2 = 50.0; change (1 - 4) / 4 = -75.0.
	 */
	static const uint64_t c24[10] = { 1, 4, 2, 3, 3, 2, 0, 0, 1, 0 };
	static const uint64_t c25[10] = { 2, 6, 5, 4, 3, 2, 1, 2, 2, 3 };
	static const uint64_t c26[10] = { 2, 2, 1, 1, 1, 0, 0, 3, 1, 4 };

	memset(&o, 0, sizeof o);
	o.calendar = true;
	run(t->st, STORE_REPORT_YEARLY, &o, &r);
	assert_int_equal(r.nyears, 3);
	assert_year(&r.years[0], "2024", c24);
	assert_year_rates(&r.years[0], "25.0", "");
	assert_year(&r.years[1], "2025", c25);
	assert_year_rates(&r.years[1], "33.3", "33.3");
	assert_year(&r.years[2], "2026", c26);
	assert_year_rates(&r.years[2], "50.0", "-75.0");
	store_report_free(&r);

	/* --year 2025: the one row, its repeat/lapsed/change still against
	 * 2024 */
	o.year = 2025;
	run(t->st, STORE_REPORT_YEARLY, &o, &r);
	assert_int_equal(r.nyears, 1);
	assert_year(&r.years[0], "2025", c25);
	assert_year_rates(&r.years[0], "33.3", "33.3");
	store_report_free(&r);

	/* a year before any event: a row of zeros */
	o.year = 2020;
	run(t->st, STORE_REPORT_YEARLY, &o, &r);
	assert_int_equal(r.nyears, 1);
	assert_string_equal(r.years[0].label, "2020");
	assert_int_equal(r.years[0].events, 0);
	assert_int_equal(r.years[0].attended, 0);
	store_report_free(&r);
}

/* invited accepted attended attended_invited walk_in no_show cancelled */
static void
assert_event(const struct store_event_row *e, const char *code,
    const uint64_t v[7], const char *rates[4], bool over)
{
	char	x[4][STORE_RATE_SIZE];

	assert_string_equal(e->code, code);
	assert_int_equal(e->invited, v[0]);
	assert_int_equal(e->accepted, v[1]);
	assert_int_equal(e->attended, v[2]);
	assert_int_equal(e->attended_invited, v[3]);
	assert_int_equal(e->walk_in, v[4]);
	assert_int_equal(e->no_show, v[5]);
	assert_int_equal(e->cancelled, v[6]);
	store_rate_text((int64_t)e->accepted, (int64_t)e->invited, x[0]);
	store_rate_text((int64_t)e->attended_invited, (int64_t)e->invited,
	    x[1]);
	store_rate_text((int64_t)e->no_show, (int64_t)(e->attended +
	    e->no_show), x[2]);
	store_rate_text((int64_t)e->cancelled, (int64_t)e->invited, x[3]);
	assert_string_equal(x[0], rates[0]);
	assert_string_equal(x[1], rates[1]);
	assert_string_equal(x[2], rates[2]);
	assert_string_equal(x[3], rates[3]);
	assert_int_equal(e->over_capacity, over);
}

/*
 * E1: invited M1-M4 = 4, accepted 2, attended 3 (M5 walks in), 2 of them
 *     invited, no_show 1: acceptance 2/4 50.0, attendance 2/4 50.0,
 *     no-show 1/4 25.0, cancellation 0/4 0.0; capacity 3 not exceeded.
 * E2: 3 invited, 2 accepted, 1 attended, 1 no_show, 1 cancelled: 66.7,
 *     33.3, 1/2 50.0, 33.3.
 * E3: invited M1 M4 M6 = 3, accepted M1 M3 M4 = 3, attended 3 (2 invited),
 *     no_show 1: 100.0, 66.7, 1/4 25.0, 0.0; 3 > capacity 2.
 * E4: M1 pending left out; M2 M6: 2 invited, 1 accepted, 1 attended, 1
 *     no-show: 50.0 50.0 50.0 0.0.
 * E5: every record pending: zeros, every rate empty.
 */
static const uint64_t ev1[7] = { 4, 2, 3, 2, 1, 1, 0 };
static const uint64_t ev2[7] = { 3, 2, 1, 1, 0, 1, 1 };
static const uint64_t ev3[7] = { 3, 3, 3, 2, 0, 1, 0 };
static const uint64_t ev4[7] = { 2, 1, 1, 1, 0, 1, 0 };
static const uint64_t ev5[7] = { 0, 0, 0, 0, 0, 0, 0 };
static const char *rt1[4] = { "50.0", "50.0", "25.0", "0.0" };
static const char *rt2[4] = { "66.7", "33.3", "50.0", "33.3" };
static const char *rt3[4] = { "100.0", "66.7", "25.0", "0.0" };
static const char *rt4[4] = { "50.0", "50.0", "50.0", "0.0" };
static const char *rt5[4] = { "", "", "", "" };

static void
test_events(void **state)
{
	struct ts			*t = *state;
	struct store_report		 r;
	struct store_report_opts	 o;
	static const char *const by_attended[] = { "E1", "E3", "E2", "E4",
	    "E5" };
	static const char *const by_rate[] = { "E3", "E1", "E4", "E2", "E5" };
	static const char *const by_noshow[] = { "E2", "E4", "E1", "E3",
	    "E5" };
	size_t				 i;

	memset(&o, 0, sizeof o);
	run(t->st, STORE_REPORT_EVENTS, &o, &r);
	assert_int_equal(r.nevents, 5);		/* E9 is in the future */
	assert_event(&r.events[0], "E1", ev1, rt1, false);
	assert_event(&r.events[1], "E2", ev2, rt2, false);
	assert_event(&r.events[2], "E3", ev3, rt3, true);
	assert_event(&r.events[3], "E4", ev4, rt4, false);
	assert_event(&r.events[4], "E5", ev5, rt5, false);
	assert_int_equal(r.events[0].capacity, 3);
	assert_string_equal(r.events[2].date, "2025-06-01");
	assert_int_equal(r.future_events, 1);
	assert_int_equal(r.pending_records, 3);
	store_report_free(&r);

	/* attended 3 3 1 1 0, ties by date */
	o.sort = STORE_SORT_ATTENDED;
	run(t->st, STORE_REPORT_EVENTS, &o, &r);
	for (i = 0; i < 5; i++)
		assert_string_equal(r.events[i].code, by_attended[i]);
	store_report_free(&r);
	/* 66.7, 50.0 (E1 before E4), 33.3, empty last */
	o.sort = STORE_SORT_ATTENDANCE_RATE;
	run(t->st, STORE_REPORT_EVENTS, &o, &r);
	for (i = 0; i < 5; i++)
		assert_string_equal(r.events[i].code, by_rate[i]);
	store_report_free(&r);
	/* 50.0 50.0 25.0 25.0 empty */
	o.sort = STORE_SORT_NO_SHOW_RATE;
	run(t->st, STORE_REPORT_EVENTS, &o, &r);
	for (i = 0; i < 5; i++)
		assert_string_equal(r.events[i].code, by_noshow[i]);
	store_report_free(&r);

	/* FY2024 only: E1 E2 */
	o.sort = STORE_SORT_DATE;
	o.year = 2024;
	run(t->st, STORE_REPORT_EVENTS, &o, &r);
	assert_int_equal(r.nevents, 2);
	assert_string_equal(r.events[1].code, "E2");
	store_report_free(&r);
}

static void
test_events_filtered(void **state)
{
	struct ts			*t = *state;
	struct store_report		 r;
	struct store_report_opts	 o;
	/*
	 * Segment A (M1 M2 M6).  E1: M1 M2 invited, accepted, attended.
	 * E2: M1 (acc, no_show), M6 (declined, cancelled): 2 invited, 1
	 * accepted, no_show 1, cancelled 1: 50.0, 0.0, 1/1 100.0, 50.0.
	 * E3: M1 attended, M6 no_show: 2, 1, 1 (1 invited): 50.0, 50.0,
	 * 50.0, 0.0; 1 attended, capacity 2 not exceeded.
	 */
	static const uint64_t a1[7] = { 2, 2, 2, 2, 0, 0, 0 };
	static const uint64_t a2[7] = { 2, 1, 0, 0, 0, 1, 1 };
	static const uint64_t a3[7] = { 2, 1, 1, 1, 0, 1, 0 };
	static const char *r1[4] = { "100.0", "100.0", "0.0", "0.0" };
	static const char *r2[4] = { "50.0", "0.0", "100.0", "50.0" };
	static const char *r3[4] = { "50.0", "50.0", "50.0", "0.0" };

	memset(&o, 0, sizeof o);
	o.filter = filter(t->st, "segment=A");
	run(t->st, STORE_REPORT_EVENTS, &o, &r);
	assert_int_equal(r.nevents, 5);
	assert_event(&r.events[0], "E1", a1, r1, false);
	assert_event(&r.events[1], "E2", a2, r2, false);
	assert_event(&r.events[2], "E3", a3, r3, false);
	assert_int_equal(r.pending_records, 2);		/* E4 M1, E5 M6 */
	store_report_free(&r);
	store_filter_free((struct store_filter *)o.filter);
}

struct got {
	size_t		n;
	char		id[16][STORE_ID_MAX + 1];
	uint32_t	total[16];
	char		last_event[16][64];
};

static int
got_cb(const struct store_report_member *m, void *arg)
{
	struct got	*g = arg;

	if (g->n < 16) {
		snprintf(g->id[g->n], sizeof g->id[0], "%s", m->id);
		g->total[g->n] = m->total;
		snprintf(g->last_event[g->n], sizeof g->last_event[0], "%s",
		    m->last_event);
		g->n++;
	}
	return (0);
}

static void
list(struct store *st, enum store_report_kind k,
    const struct store_report_opts *o, struct store_report *r, struct got *g,
    const char *want)
{
	char	ids[256] = "";
	size_t	i;

	memset(g, 0, sizeof *g);
	assert_int_equal(store_report_run(st, k, o, r, got_cb, g), STORE_OK);
	for (i = 0; i < g->n; i++) {
		if (i > 0)
			strcat(ids, " ");
		strcat(ids, g->id[i]);
	}
	assert_string_equal(ids, want);
}

static void
test_lists(void **state)
{
	struct ts			*t = *state;
	struct store_report		 r;
	struct store_report_opts	 o;
	struct got			 g;
	struct store_filter		*status_named, *seg_a;

	memset(&o, 0, sizeof o);
	/* lapsed, 12 months: last date before 2025-02-21: M5 (left, left
	 * out) and M8 (2020-01-01, the past wins: its past text) */
	list(t->st, STORE_REPORT_LAPSED, &o, &r, &g, "M8");
	assert_int_equal(r.left_out[STORE_MEMBER_LEFT], 1);
	assert_int_equal(r.left_out[STORE_MEMBER_SUSPENDED], 0);
	assert_string_equal(g.last_event[0], "");
	store_report_free(&r);
	/* 6 months: before 2025-08-21: M1 M3 M4 (2025-06-01), M5, M8;
	 * latest first, ties by ID; M4 suspended and M5 left are out */
	o.months = 6;
	list(t->st, STORE_REPORT_LAPSED, &o, &r, &g, "M1 M3 M8");
	assert_int_equal(r.left_out[STORE_MEMBER_LEFT], 1);
	assert_int_equal(r.left_out[STORE_MEMBER_SUSPENDED], 1);
	assert_string_equal(g.last_event[0], "E3 イベント");
	store_report_free(&r);
	/* a filter naming status keeps them */
	status_named = filter(t->st, "status=active,suspended,left");
	o.filter = status_named;
	list(t->st, STORE_REPORT_LAPSED, &o, &r, &g, "M1 M3 M4 M5 M8");
	assert_int_equal(r.left_out[STORE_MEMBER_LEFT], 0);
	store_report_free(&r);
	o.filter = NULL;
	store_filter_free(status_named);
	o.months = 0;

	/* top: M8 25, M2 5, M1 2, M3 2 (M4, M5 left out); --limit 2 */
	list(t->st, STORE_REPORT_TOP, &o, &r, &g, "M8 M2 M1 M3");
	assert_int_equal(g.total[0], 25);
	store_report_free(&r);
	/* with a limit the by_total index is read from the top: the members
	 * left out are those met on the way */
	o.limit = 2;
	list(t->st, STORE_REPORT_TOP, &o, &r, &g, "M8 M2");
	assert_int_equal(r.listed, 2);
	assert_int_equal(r.left_out[STORE_MEMBER_LEFT], 0);
	store_report_free(&r);
	o.limit = 6;
	list(t->st, STORE_REPORT_TOP, &o, &r, &g, "M8 M2 M1 M3");
	assert_int_equal(g.total[1], 5);
	assert_int_equal(r.left_out[STORE_MEMBER_LEFT], 1);
	assert_int_equal(r.left_out[STORE_MEMBER_SUSPENDED], 1);
	store_report_free(&r);
	seg_a = filter(t->st, "segment=A");
	o.filter = seg_a;
	list(t->st, STORE_REPORT_TOP, &o, &r, &g, "M2 M1");
	store_report_free(&r);
	store_filter_free(seg_a);
	o.filter = NULL;
	o.limit = 0;
	/* top in FY2025: one attendance each for M1 (E3) M2 (E4) M3 (E3);
	 * M4 (E3) is suspended */
	o.year = 2025;
	list(t->st, STORE_REPORT_TOP, &o, &r, &g, "M1 M2 M3");
	assert_int_equal(g.total[1], 1);
	assert_int_equal(r.left_out[STORE_MEMBER_SUSPENDED], 1);
	store_report_free(&r);
	/* calendar 2024: E1's M1 M2 (M5 left) */
	o.calendar = true;
	o.year = 2024;
	list(t->st, STORE_REPORT_TOP, &o, &r, &g, "M1 M2");
	store_report_free(&r);
	o.calendar = false;
	o.year = 0;

	/* noshow: M6 has 2 (E3, E4); M1 and M3 one each */
	list(t->st, STORE_REPORT_NOSHOW, &o, &r, &g, "M6");
	store_report_free(&r);
	/* never: total 0: M6 M7 */
	list(t->st, STORE_REPORT_NEVER, &o, &r, &g, "M6 M7");
	store_report_free(&r);
	/* never within segment A: M6; the same through a saved filter */
	seg_a = filter(t->st, "segment=A");
	o.filter = seg_a;
	list(t->st, STORE_REPORT_NEVER, &o, &r, &g, "M6");
	store_report_free(&r);
	store_filter_free(seg_a);
	assert_int_equal(store_filter_save(t->st, "a", (const char *[]){
	    "segment=Ａ" }, 1), STORE_OK);
	seg_a = filter(t->st, "@a never");
	o.filter = seg_a;
	list(t->st, STORE_REPORT_LAPSED, &o, &r, &g, "");
	store_report_free(&r);
	list(t->st, STORE_REPORT_NOSHOW, &o, &r, &g, "M6");
	store_report_free(&r);
	store_filter_free(seg_a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rates_labels),
		cmocka_unit_test_setup_teardown(test_range, setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_yearly_fiscal, setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_yearly_calendar, setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_events, setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_events_filtered, setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_lists, setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
