/* test-tui-reach.c -- who print and mail reach in a real database: the
 * action rule (left, suspended; mail_opt_out and no address for labels,
 * letters and mail), a filter naming status, an event's participants
 * whatever their status, a mailing's recipients of now, the left-out
 * text, and the merge values as `show member` prints them. */

#include "test-store-util.h"

#include "tui/reach.h"

static void
add(struct store *st, const char *id, const char *name, const char *email,
    const char *postal, const char *address, enum store_member_status status,
    bool opt_out)
{
	struct store_member m;

	memset(&m, 0, sizeof(m));
	snprintf(m.id, sizeof(m.id), "%s", id);
	store_str_set(&m.name, name);
	store_str_set(&m.email, email);
	store_str_set(&m.postal_code, postal);
	store_str_set(&m.address, address);
	m.status = status;
	m.mail_opt_out = opt_out;
	store_attr_set(&m, "支部", "関西");
	assert_int_equal(store_member_add(st, &m), STORE_OK);
	store_member_free(&m);
}

static int
reach_setup(void **state)
{
	struct store_event ev;
	struct ts	*t;

	ts_setup(state);
	t = *state;
	add(t->st, "M1", "山田 太郎", "taro@example.jp", "1000001", "東京都",
	    STORE_MEMBER_ACTIVE, false);
	add(t->st, "M2", "佐藤 次郎", "jiro@example.jp", "1000002", "東京都",
	    STORE_MEMBER_LEFT, false);
	add(t->st, "M3", "鈴木 三郎", "sabu@example.jp", "1000003", "東京都",
	    STORE_MEMBER_SUSPENDED, false);
	add(t->st, "M4", "伊藤 四郎", "shiro@example.jp", "1000004", "東京都",
	    STORE_MEMBER_ACTIVE, true);
	add(t->st, "M5", "渡辺 五郎", "", "", "", STORE_MEMBER_ACTIVE, false);
	add(t->st, "M6", "高橋 六子", "", "1000006", "大阪府",
	    STORE_MEMBER_ACTIVE, false);
	memset(&ev, 0, sizeof(ev));
	snprintf(ev.code, sizeof(ev.code), "E1");
	store_str_set(&ev.name, "総会");
	snprintf(ev.date, sizeof(ev.date), "2026-02-20");
	assert_int_equal(store_event_add(t->st, &ev), STORE_OK);
	store_event_free(&ev);
	assert_int_equal(store_invite(t->st, "E1", "M1"), STORE_OK);
	assert_int_equal(store_invite(t->st, "E1", "M3"), STORE_OK);
	assert_int_equal(store_mark(t->st, "E1", "M3", STORE_FINAL_ATTENDED,
	    0), STORE_OK);
	return (0);
}

/* The IDs R reached, space-separated. */
static void
assert_ids(const struct reach *r, const char *want)
{
	char	 got[256] = "";
	size_t	 i;

	for (i = 0; i < r->n; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%s",
		    i == 0 ? "" : " ", r->m[i].id);
	assert_string_equal(got, want);
}

static void
test_rule(void **state)
{
	struct ts	*t = *state;
	struct reach	 r;
	char		 line[256];

	assert_int_equal(reach_filter(t->st, NULL, NULL, false, REACH_POSTAL,
	    &r), STORE_OK);
	assert_ids(&r, "M1 M6");
	assert_true(reach_left_out_text(r.left, r.suspended, r.opt_out,
	    r.no_address, line, sizeof(line)));
	assert_string_equal(line, "left out 4 members: 1 left, 1 suspended, "
	    "1 mail_opt_out, 1 without address");
	reach_free(&r);
	assert_int_equal(reach_filter(t->st, NULL, NULL, false, REACH_EMAIL,
	    &r), STORE_OK);
	assert_ids(&r, "M1");
	assert_int_equal(r.no_address, 2);	/* M5 and M6 have no e-mail */
	reach_free(&r);
	assert_int_equal(reach_filter(t->st, NULL, NULL, false, REACH_ANY,
	    &r), STORE_OK);
	assert_ids(&r, "M1 M4 M5 M6");
	assert_true(reach_left_out_text(r.left, r.suspended, r.opt_out,
	    r.no_address, line, sizeof(line)));
	assert_string_equal(line, "left out 2 members: 1 left, 1 suspended");
	reach_free(&r);
	assert_false(reach_left_out_text(0, 0, 0, 0, line, sizeof(line)));
	assert_string_equal(line, "");
	assert_true(reach_left_out_text(0, 0, 1, 0, line, sizeof(line)));
	assert_string_equal(line, "left out 1 member: 1 mail_opt_out");
}

static void
test_filter_and_event(void **state)
{
	struct ts	*t = *state;
	struct store_filter *f;
	struct store_filter_error fe;
	struct reach	 r;

	/* A filter naming status reaches those who left. */
	assert_int_equal(store_filter_parse_line(t->st, "status=left", &f,
	    &fe), STORE_OK);
	assert_int_equal(reach_filter(t->st, f, NULL, false, REACH_POSTAL,
	    &r), STORE_OK);
	assert_ids(&r, "M2");
	assert_int_equal(r.left + r.suspended, 0);
	reach_free(&r);
	store_filter_free(f);
	/* An event's participants, the suspended M3 too. */
	assert_int_equal(reach_filter(t->st, NULL, "E1", true, REACH_ANY,
	    &r), STORE_OK);
	assert_ids(&r, "M1 M3");
	reach_free(&r);
	assert_int_equal(reach_filter(t->st, NULL, "E9", true, REACH_ANY,
	    &r), STORE_NOTFOUND);
	reach_free(&r);
}

static void
test_values(void **state)
{
	struct ts	*t = *state;
	struct print_source src;
	struct reach	 r;

	assert_int_equal(reach_filter(t->st, NULL, "E1", true, REACH_ANY,
	    &r), STORE_OK);
	src = reach_source(&r);
	assert_int_equal(src.n, 2);
	assert_string_equal(src.value(src.arg, 1, "name"), "鈴木 三郎");
	assert_string_equal(src.value(src.arg, 1, "status"), "suspended");
	assert_string_equal(src.value(src.arg, 1, "mail_opt_out"), "no");
	assert_string_equal(src.value(src.arg, 1, "total"), "1");
	assert_string_equal(src.value(src.arg, 1, "last_event"), "E1 総会");
	assert_string_equal(src.value(src.arg, 0, "attr.支部"), "関西");
	assert_string_equal(src.value(src.arg, 0, "attr.なし"), "");
	assert_string_equal(src.value(src.arg, 0, "event.name"), "総会");
	assert_string_equal(src.value(src.arg, 0, "event.date"), "2026-02-20");
	assert_true(src.known(src.arg, "postal_code"));
	assert_true(src.known(src.arg, "event.venue"));
	assert_true(src.known(src.arg, "attr.何でも"));
	assert_false(src.known(src.arg, "氏名"));	/* labels are not keys */
	assert_false(src.known(src.arg, "nmae"));
	reach_free(&r);
	assert_int_equal(reach_filter(t->st, NULL, NULL, false, REACH_ANY,
	    &r), STORE_OK);
	src = reach_source(&r);
	assert_false(src.known(src.arg, "event.name"));	/* no event */
	reach_free(&r);
}

static void
test_ids(void **state)
{
	struct ts	*t = *state;
	const char	*ids[] = { "M1", "M2", "M9", "M4" };
	struct reach	 r;

	assert_int_equal(reach_ids(t->st, ids, 4, NULL, &r), STORE_OK);
	assert_ids(&r, "M1");
	assert_int_equal(r.index[0], 0);
	assert_int_equal(r.gone, 1);
	assert_int_equal(r.left, 1);
	assert_int_equal(r.opt_out, 1);
	reach_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rule, reach_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_filter_and_event,
		    reach_setup, ts_teardown),
		cmocka_unit_test_setup_teardown(test_values, reach_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_ids, reach_setup,
		    ts_teardown),
	};

	setenv("LANGUAGE", "C", 1);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
