/* test-store-member.c -- members: add, get, update with versions and
 * conflicts, validation messages, delete (plain, refused, forced with
 * redaction), merge, the audit trail. */

#include "test-store-util.h"

struct audit_list {
	size_t	n;
	char	action[32][16];
	char	entity[32][16];
	char	member[32][STORE_ID_MAX + 1];
	char	old[32][256];
	char	new[32][256];
	char	user[32][STORE_USER_SIZE];
	uint64_t seq[32];
};

static int
audit_collect(const struct store_audit *a, void *arg)
{
	struct audit_list	*l = arg;

	if (l->n == 32)
		return (0);
	snprintf(l->action[l->n], sizeof l->action[0], "%s", a->action);
	snprintf(l->entity[l->n], sizeof l->entity[0], "%s", a->entity);
	snprintf(l->member[l->n], sizeof l->member[0], "%s", a->member);
	snprintf(l->old[l->n], sizeof l->old[0], "%s", a->old);
	snprintf(l->new[l->n], sizeof l->new[0], "%s", a->new);
	snprintf(l->user[l->n], sizeof l->user[0], "%s", a->user);
	l->seq[l->n] = a->seq;
	l->n++;
	return (0);
}

static void
test_add_get_update(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_member	 m, g;
	struct store_stats	 s;
	struct audit_list	 l;

	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "Ｍ００１");
	store_str_set(&m.name, "山田 史郎");
	store_str_set(&m.kana, "ヤマダ シロウ");
	store_str_set(&m.email, "shiro@example.jp");
	store_str_set(&m.notes, "line1\r\nline2");
	m.status = STORE_MEMBER_SUSPENDED;
	m.past_count = 2;
	snprintf(m.joined_on, sizeof m.joined_on, "2020-04-01");
	store_attr_set(&m, "好きな色", "青");
	store_attr_set(&m, "血液型", "A");
	assert_int_equal(store_member_add(st, &m), STORE_OK);
	assert_int_equal(store_member_add(st, &m), STORE_EXISTS);
	assert_string_equal(store_last_error(st)->field, "member_id");
	assert_int_equal(store_member_get(st, "M001", &g, &s), STORE_OK);
	assert_string_equal(g.id, "M001");
	assert_string_equal(g.name, "山田 史郎");
	assert_string_equal(g.notes, "line1\nline2");
	assert_int_equal(g.status, STORE_MEMBER_SUSPENDED);
	assert_int_equal(g.version, 1);
	assert_int_equal(g.nattrs, 2);
	assert_string_equal(g.attrs[0].name, "好きな色");
	assert_string_equal(g.attrs[1].value, "A");
	assert_int_equal(s.total, 2);
	assert_true(g.updated_at > 0);
	assert_true(g.updated_by[0] != '\0');

	/* an update bumps the version; a stale version is refused */
	store_str_set(&g.email, "new@example.jp");
	assert_int_equal(store_member_update(st, &g, 1), STORE_OK);
	store_str_set(&g.phone, "03-0000-0000");
	assert_int_equal(store_member_update(st, &g, 1), STORE_CONFLICT);
	assert_true(store_last_error(st)->by[0] != '\0');
	assert_true(store_last_error(st)->at > 0);
	assert_non_null(strstr(store_last_error(st)->msg,
	    store_last_error(st)->by));
	assert_non_null(strstr(store_last_error(st)->msg, "M001"));
	assert_int_equal(store_exit_code(STORE_CONFLICT), 1);
	/* nothing was overwritten */
	store_member_free(&g);
	assert_int_equal(store_member_get(st, "M001", &g, NULL), STORE_OK);
	assert_int_equal(g.version, 2);
	assert_string_equal(g.phone, "");
	assert_string_equal(g.email, "new@example.jp");
	/* the same content again is no change at all */
	assert_int_equal(store_member_update(st, &g, 2), STORE_OK);
	store_member_free(&g);
	assert_int_equal(store_member_get(st, "M001", &g, NULL), STORE_OK);
	assert_int_equal(g.version, 2);
	store_member_free(&g);
	memset(&l, 0, sizeof l);
	assert_int_equal(store_audit_each(st, "M001", NULL, 0, audit_collect,
	    &l), STORE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.action[0], "edit");
	assert_string_equal(l.old[0], "email=shiro@example.jp");
	assert_string_equal(l.new[0], "email=new@example.jp");
	assert_string_equal(l.action[1], "add");
	assert_non_null(strstr(l.new[1], "notes=line1\\nline2"));
	assert_true(l.seq[0] > l.seq[1]);
	store_member_free(&m);
	assert_int_equal(store_member_get(st, "M999", &g, NULL),
	    STORE_NOTFOUND);
	snprintf(m.id, sizeof m.id, "M999");
	m.name = (char *)"誰か";
	assert_int_equal(store_member_update(st, &m, 0), STORE_NOTFOUND);
	ts_clean(st);
}

static void
test_audit_user(void **state)
{
	struct ts		*t = *state;
	struct store		*st;
	struct audit_list	 l;

	store_close(t->st);
	setenv("SANKA_USER", "受付 花子", 1);
	t->st = st = ts_open(t->dir);
	unsetenv("SANKA_USER");
	ts_add_member(st, "M1", "a", "", 0, "");
	memset(&l, 0, sizeof l);
	store_audit_each(st, NULL, NULL, 1, audit_collect, &l);
	assert_int_equal(l.n, 1);
	assert_non_null(strstr(l.user[0], "(受付 花子)"));
}

/* Each invalid member names its field. */
static void
test_validation(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_member	 m;
	struct store_attr	 attr;
	char			 longid[80];

#define EXPECT_INVALID(fieldname) do {					\
	assert_int_equal(store_member_add(st, &m), STORE_INVALID);	\
	assert_string_equal(store_last_error(st)->field, fieldname);	\
	assert_non_null(strstr(store_last_error(st)->msg, fieldname));	\
	memset(&m, 0, sizeof m);					\
	snprintf(m.id, sizeof m.id, "M1");				\
	m.name = (char *)"名前";					\
} while (0)

	memset(&m, 0, sizeof m);
	EXPECT_INVALID("member_id");		/* empty */
	memset(longid, 'x', 65);
	longid[65] = '\0';
	snprintf(m.id, sizeof m.id, "%.64s", longid);
	m.id[3] = '\t';
	EXPECT_INVALID("member_id");
	m.name = (char *)"山田\n史郎";
	EXPECT_INVALID("name");
	m.name = NULL;				/* a member needs a name */
	EXPECT_INVALID("name");
	m.name = (char *)"";
	EXPECT_INVALID("name");
	m.kana = (char *)"\xe3\x81";
	EXPECT_INVALID("kana");
	m.kana = (char *)"カナ\xe3\x81";		/* cut after kana */
	EXPECT_INVALID("kana");
	m.kana = (char *)"カ\xe3\x81\x41ナ";	/* not a continuation */
	EXPECT_INVALID("kana");
	m.kana = (char *)"カ\xed\xa0\x80ナ";	/* a surrogate */
	EXPECT_INVALID("kana");
	m.kana = (char *)"カ\xe2\x80\xa8ナ";	/* U+2028 */
	EXPECT_INVALID("kana");
	m.kana = (char *)"カ\xc2\x85ナ";		/* C1 control */
	EXPECT_INVALID("kana");
	m.kana = (char *)"カナ\xef\xbf";		/* cut at the end */
	EXPECT_INVALID("kana");
	m.kana = (char *)"abcdefghijklmnopq\x01rstuvwxyz";	/* long ASCII */
	EXPECT_INVALID("kana");
	m.kana = (char *)"abcdefghijklmnopqrstuvwxy\x7f";
	EXPECT_INVALID("kana");
	m.kana = (char *)"abcdefghijklmnopqrstuv\xc2\x85wxyz";
	EXPECT_INVALID("kana");
	m.past_count = -1;
	EXPECT_INVALID("past_count");
	snprintf(m.joined_on, sizeof m.joined_on, "2026-02-30");
	EXPECT_INVALID("joined_on");
	snprintf(m.past_last_date, sizeof m.past_last_date, "2026/01/01");
	EXPECT_INVALID("past_last_date");
	m.status = (enum store_member_status)7;
	EXPECT_INVALID("status");
	m.notes = (char *)"ok\nbut \x01 not";
	EXPECT_INVALID("notes");
	m.past_last_event = (char *)"a\nb";
	EXPECT_INVALID("past_last_event");
	attr.name = (char *)"色";
	attr.value = (char *)"\x7f";
	m.attrs = &attr;
	m.nattrs = 1;
	EXPECT_INVALID("attr.色");
	/* nothing was written */
	assert_int_equal(store_member_count(st), 0);
	/* line feeds in notes and attribute values are fine */
	m.kana = (char *)"ヤマダ\xe3\x80\x80\xef\xbd\xb1";
	m.notes = (char *)"a\nb";
	attr.value = (char *)"x\r\ny";
	m.attrs = &attr;
	m.nattrs = 1;
	assert_int_equal(store_member_add(st, &m), STORE_OK);
#undef EXPECT_INVALID
}

static void
test_event_validation(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_event	 e;
	struct store_change	 c;

	memset(&e, 0, sizeof e);
	snprintf(e.code, sizeof e.code, "E1");
	assert_int_equal(store_event_add(st, &e), STORE_INVALID);
	assert_string_equal(store_last_error(st)->field, "name");
	e.name = (char *)"総会";
	assert_int_equal(store_event_add(st, &e), STORE_INVALID);
	assert_string_equal(store_last_error(st)->field, "date");
	snprintf(e.date, sizeof e.date, "2026-02-30");
	assert_int_equal(store_event_add(st, &e), STORE_INVALID);
	assert_string_equal(store_last_error(st)->field, "date");
	snprintf(e.date, sizeof e.date, "2026-02-20");
	e.capacity = -3;
	assert_int_equal(store_event_add(st, &e), STORE_INVALID);
	assert_string_equal(store_last_error(st)->field, "capacity");
	e.capacity = 0;
	e.name = (char *)"a\tb";
	assert_int_equal(store_event_add(st, &e), STORE_INVALID);
	assert_string_equal(store_last_error(st)->field, "name");
	e.name = (char *)"ok";
	assert_int_equal(store_event_add(st, &e), STORE_OK);
	ts_add_member(st, "M1", "a", "", 0, "");
	store_change_init(&c, "E1", "M1");
	c.final = 9;
	assert_int_equal(store_attendance_apply(st, &c, 1, NULL),
	    STORE_INVALID);
	assert_string_equal(store_last_error(st)->field, "status");
	store_change_init(&c, "E1", "M1");
	c.response = 4;
	assert_int_equal(store_attendance_apply(st, &c, 1, NULL),
	    STORE_INVALID);
	assert_string_equal(store_last_error(st)->field, "response");
	store_change_init(&c, "E1", "M1");
	c.invited_on = "2026-13-01";
	assert_int_equal(store_attendance_apply(st, &c, 1, NULL),
	    STORE_INVALID);
	assert_string_equal(store_last_error(st)->field, "invited_on");
	store_change_init(&c, "E1", "M1");
	c.note = "\x1b[31m";
	assert_int_equal(store_attendance_apply(st, &c, 1, NULL),
	    STORE_INVALID);
	assert_string_equal(store_last_error(st)->field, "note");
	assert_int_equal(ts_pending(st), 0);
}

static void
test_delete(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_member	 m;
	struct audit_list	 l;
	size_t			 i, n;

	ts_add_member(st, "M1", "山田 史郎", "ヤマダ", 1, "");
	ts_add_member(st, "M2", "佐藤 花子", "サトウ", 0, "");
	ts_add_event(st, "E1", "e1", "2026-01-10");
	ts_add_event(st, "E2", "e2", "2026-02-10");
	ts_mark(st, "E1", "M1", STORE_FINAL_ATTENDED);
	assert_int_equal(store_invite(st, "E2", "M1"), STORE_OK);
	ts_mark(st, "E1", "M2", STORE_FINAL_ATTENDED);
	/* with records: refused unless forced */
	assert_int_equal(store_member_delete(st, "M1", false, 0),
	    STORE_HASREFS);
	assert_int_equal(store_member_count(st), 2);
	assert_int_equal(store_member_delete(st, "M1", true, 7),
	    STORE_CONFLICT);
	/* a member without records goes */
	ts_add_member(st, "M3", "x", "", 0, "");
	assert_int_equal(store_member_delete(st, "M3", false, 1), STORE_OK);
	assert_int_equal(store_member_get(st, "M3", &m, NULL),
	    STORE_NOTFOUND);
	assert_int_equal(store_member_delete(st, "M3", false, 0),
	    STORE_NOTFOUND);

	store_str_set(&m.email, NULL);
	assert_int_equal(store_member_get(st, "M1", &m, NULL), STORE_OK);
	store_str_set(&m.email, "secret@example.jp");
	assert_int_equal(store_member_update(st, &m, 0), STORE_OK);
	store_member_free(&m);
	assert_int_equal(store_member_delete(st, "M1", true, 0), STORE_OK);
	assert_int_equal(store_member_count(st), 1);
	assert_int_equal(ts_pending(st), 0);
	ts_assert_agg(st, "M2", 1, "2026-01-10", "E1");
	ts_clean(st);
	/* the trail keeps the facts, not the personal data */
	memset(&l, 0, sizeof l);
	store_audit_each(st, "M1", NULL, 0, audit_collect, &l);
	n = l.n;
	assert_true(n >= 5);	/* add, mark, invite, edit, delete */
	assert_string_equal(l.action[0], "delete");
	assert_non_null(strstr(l.old[0], "(redacted)"));
	for (i = 0; i < n; i++) {
		assert_string_equal(l.member[i], "M1");
		assert_null(strstr(l.old[i], "secret"));
		assert_null(strstr(l.new[i], "secret"));
		assert_null(strstr(l.new[i], "山田"));
		if (i > 0)
			assert_true(strcmp(l.new[i], "(redacted)") == 0 ||
			    l.new[i][0] == '\0');
	}
	/* other members' records are untouched */
	memset(&l, 0, sizeof l);
	store_audit_each(st, "M2", NULL, 0, audit_collect, &l);
	assert_non_null(strstr(l.new[l.n - 1], "佐藤"));
}

static void
test_merge(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_attendance	 a;
	struct store_member	 m;
	struct audit_list	 l;

	ts_add_member(st, "KEEP", "山田 史郎", "", 2, "2020-01-01");
	ts_add_member(st, "DROP", "山田 史朗", "", 3, "2021-05-05");
	ts_add_event(st, "E1", "e1", "2026-01-10");
	ts_add_event(st, "E2", "e2", "2026-02-10");
	ts_add_event(st, "E3", "e3", "2026-03-10");
	ts_add_event(st, "E4", "e4", "2026-04-10");
	/* both at E1: KEEP absent, DROP attended -> attended */
	ts_mark(st, "E1", "KEEP", STORE_FINAL_ABSENT);
	ts_mark(st, "E1", "DROP", STORE_FINAL_ATTENDED);
	/* both at E2: KEEP attended, DROP cancelled -> attended */
	ts_mark(st, "E2", "KEEP", STORE_FINAL_ATTENDED);
	ts_mark(st, "E2", "DROP", STORE_FINAL_CANCELLED);
	/* only DROP at E3 (pending), E4 (no_show) */
	assert_int_equal(store_invite(st, "E3", "DROP"), STORE_OK);
	ts_mark(st, "E4", "DROP", STORE_FINAL_NO_SHOW);
	assert_int_equal(store_member_merge(st, "KEEP", "KEEP"),
	    STORE_INVALID);
	assert_int_equal(store_member_merge(st, "KEEP", "NONE"),
	    STORE_NOTFOUND);
	assert_int_equal(store_member_merge(st, "KEEP", "DROP"), STORE_OK);
	assert_int_equal(store_member_get(st, "DROP", &m, NULL),
	    STORE_NOTFOUND);
	assert_int_equal(store_member_count(st), 1);
	assert_int_equal(store_member_get(st, "KEEP", &m, NULL), STORE_OK);
	assert_int_equal(m.past_count, 5);
	assert_string_equal(m.past_last_date, "2021-05-05");
	store_member_free(&m);
	ts_assert_agg(st, "KEEP", 7, "2026-02-10", "E2");
	assert_int_equal(store_attendance_get(st, "E1", "KEEP", &a), STORE_OK);
	assert_int_equal(a.final, STORE_FINAL_ATTENDED);
	store_attendance_free(&a);
	assert_int_equal(store_attendance_get(st, "E4", "KEEP", &a), STORE_OK);
	assert_int_equal(a.final, STORE_FINAL_NO_SHOW);
	store_attendance_free(&a);
	assert_int_equal(store_attendance_get(st, "E3", "KEEP", &a), STORE_OK);
	assert_int_equal(a.final, STORE_FINAL_PENDING);
	store_attendance_free(&a);
	assert_int_equal(store_attendance_get(st, "E3", "DROP", &a),
	    STORE_NOTFOUND);
	assert_int_equal(ts_pending(st), 1);
	memset(&l, 0, sizeof l);
	store_audit_each(st, "KEEP", NULL, 1, audit_collect, &l);
	assert_string_equal(l.action[0], "merge");
	assert_non_null(strstr(l.old[0], "drop=DROP"));
	ts_clean(st);
}

static void
test_each_and_count(void **state)
{
	struct ts	*t = *state;
	struct store	*st = t->st;
	char		 id[16];
	int		 i;

	for (i = 9; i >= 0; i--) {
		snprintf(id, sizeof id, "M%02d", i);
		ts_add_member(st, id, "n", "", i, "");
	}
	assert_int_equal(store_member_count(st), 10);
	ts_clean(st);
}

/* Existence of many IDs at once: folded like store_member_get, a text
 * that is no ID and an unknown one are both absent, nothing left in the
 * error. */
static void
test_members_exist(void **state)
{
	struct ts	*t = *state;
	struct store	*st = t->st;
	const char	*ids[] = { "M01", "Ｍ０３", "M04", "M 1", "", "M02" };
	bool		 ex[6];

	ts_add_member(st, "M01", "n", "", 0, "");
	ts_add_member(st, "M02", "n", "", 0, "");
	ts_add_member(st, "M03", "n", "", 0, "");
	memset(ex, 0xff, sizeof ex);
	assert_int_equal(store_members_exist(st, ids, 6, ex), STORE_OK);
	assert_true(ex[0]);
	assert_true(ex[1]);
	assert_false(ex[2]);
	assert_false(ex[3]);
	assert_false(ex[4]);
	assert_true(ex[5]);
	assert_int_equal(store_last_error(st)->rc, STORE_OK);
	assert_int_equal(store_members_exist(st, ids, 0, ex), STORE_OK);
	ts_clean(st);
}

/* Issue 8 item 11: a patch names only its fields and applies them to the
 * member as it is when saved, so an edit of other fields in between is no
 * conflict (the command line's `edit member` read, then saved with the
 * version read: a spurious conflict). */
static void
test_patch(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_member	 m, other, p, saved, g;
	struct store_stats	 s;

	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "M001");
	store_str_set(&m.name, "山田 史郎");
	store_attr_set(&m, "支部", "関東");
	store_attr_set(&m, "血液型", "A");
	assert_int_equal(store_member_add(st, &m), STORE_OK);
	/* someone else changes the e-mail after our read */
	assert_int_equal(store_member_get(st, "M001", &other, NULL), STORE_OK);
	store_str_set(&other.email, "shiro@example.jp");
	assert_int_equal(store_member_update(st, &other, other.version),
	    STORE_OK);
	memset(&p, 0, sizeof p);
	snprintf(p.id, sizeof p.id, "Ｍ００１");
	store_str_set(&p.phone, "０９０－１２１２－３４３４");
	p.past_count = 3;
	store_attr_set(&p, "支部", "関西");
	p.attrs = realloc(p.attrs, 2 * sizeof *p.attrs);
	p.attrs[1].name = strdup("血液型");
	p.attrs[1].value = strdup("");	/* removes it */
	p.nattrs = 2;
	assert_int_equal(store_member_patch(st, &p, STORE_MF_PHONE |
	    STORE_MF_PAST_COUNT | STORE_MF_ATTRS, &saved), STORE_OK);
	assert_string_equal(saved.name, "山田 史郎");
	assert_int_equal(saved.version, 3);
	assert_int_equal(store_member_get(st, "M001", &g, &s), STORE_OK);
	assert_string_equal(g.email, "shiro@example.jp");
	assert_string_equal(g.phone, "090-1212-3434");
	assert_string_equal(g.name, "山田 史郎");
	assert_int_equal(s.total, 3);
	assert_int_equal(g.nattrs, 1);
	assert_string_equal(g.attrs[0].name, "支部");
	assert_string_equal(g.attrs[0].value, "関西");
	/* the same patch again changes nothing */
	store_member_free(&saved);
	assert_int_equal(store_member_patch(st, &p, STORE_MF_PHONE, &saved),
	    STORE_OK);
	assert_int_equal(saved.version, 3);
	snprintf(p.id, sizeof p.id, "M404");
	assert_int_equal(store_member_patch(st, &p, STORE_MF_PHONE, NULL),
	    STORE_NOTFOUND);
	store_member_free(&m);
	store_member_free(&other);
	store_member_free(&p);
	store_member_free(&saved);
	store_member_free(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_get_update, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_audit_user, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_validation, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_event_validation,
		    ts_setup, ts_teardown),
		cmocka_unit_test_setup_teardown(test_delete, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_merge, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_patch, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_each_and_count, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_members_exist, ts_setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
