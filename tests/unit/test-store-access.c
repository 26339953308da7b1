/* test-store-access.c -- roles enforced by each store function, over a real
 * LMDB database opened by real uids: the test starts as root and acts as
 * uids that have no passwd entry (setresuid keeps root as the saved uid so
 * it can switch back).  The owner 4001 makes the database; 4002 is a
 * volunteer (rows segment=ボランティア, email and phone hidden, kana
 * read-only), 4003 an admin, 4004 a viewer, 4005 has no role. */

#define _GNU_SOURCE
#include <sys/stat.h>

#include <grp.h>
#include <unistd.h>

#include "tests/unit/test-store-util.h"

#define GID	4000
#define OWNER	4001
#define VOLUNTEER 4002
#define ADMIN	4003
#define VIEWER	4004
#define NOBODY	4005

static void
as_uid(uid_t uid)
{
	assert_int_equal(setresuid(0, 0, 0), 0);
	assert_int_equal(setresgid(GID, GID, 0), 0);
	assert_int_equal(setgroups(0, NULL), 0);
	assert_int_equal(setresuid(uid, uid, 0), 0);
}

static struct store *
open_as(const char *dir, uid_t uid)
{
	as_uid(uid);
	return (ts_open(dir));
}

static void
add_member(struct store *st, const char *id, const char *name,
    const char *kana, const char *email, const char *segment)
{
	struct store_member	m;

	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "%s", id);
	m.name = (char *)name;
	m.kana = (char *)kana;
	m.email = (char *)email;
	m.phone = (char *)"03-1234-5678";
	m.segment = (char *)segment;
	assert_int_equal(store_member_add(st, &m), STORE_OK);
}

static int
setup(void **state)
{
	struct ts		*t;
	struct store_event	 e;
	char *const		 opts[] = {
		"--allow", "members:view,members:add,members:edit,"
		    "events:view,attendance:view,attendance:edit",
		"--rows", "segment=ボランティア",
		"--hide", "email,phone",
		"--read-only", "kana",
	};

	t = calloc(1, sizeof *t);
	snprintf(t->dir, sizeof t->dir, "/tmp/sanka-access-XXXXXX");
	if (mkdtemp(t->dir) == NULL)
		return (-1);
	assert_int_equal(chown(t->dir, OWNER, GID), 0);
	assert_int_equal(chmod(t->dir, 02770), 0);
	setenv("SANKA_TODAY", "2026-02-21", 1);
	t->st = open_as(t->dir, OWNER);
	add_member(t->st, "M001", "山田 太郎", "ヤマダ タロウ",
	    "taro@example.jp", "正会員");
	add_member(t->st, "M002", "鈴木 花子", "スズキ ハナコ",
	    "hanako@example.jp", "ボランティア");
	add_member(t->st, "M003", "佐藤 次郎", "サトウ ジロウ",
	    "jiro@example.jp", "ボランティア");
	memset(&e, 0, sizeof e);
	snprintf(e.code, sizeof e.code, "E001");
	e.name = (char *)"総会";
	snprintf(e.date, sizeof e.date, "2026-02-20");
	assert_int_equal(store_event_add(t->st, &e), STORE_OK);
	assert_int_equal(store_invite(t->st, "E001", "M001"), STORE_OK);
	assert_int_equal(store_invite(t->st, "E001", "M002"), STORE_OK);
	assert_int_equal(store_role_add(t->st, "volunteer", NULL), STORE_OK);
	assert_int_equal(store_role_set(t->st, "volunteer", opts, 8),
	    STORE_OK);
	assert_int_equal(store_user_set(t->st, ADMIN, "admin"), STORE_OK);
	assert_int_equal(store_user_set(t->st, VOLUNTEER, "volunteer"),
	    STORE_OK);
	assert_int_equal(store_user_set(t->st, VIEWER, "viewer"), STORE_OK);
	store_close(t->st);
	t->st = NULL;
	*state = t;
	return (0);
}

static int
teardown(void **state)
{
	struct ts	*t = *state;

	store_close(t->st);
	as_uid(0);
	assert_int_equal(setresgid(0, 0, 0), 0);
	ts_rm(t->dir);
	free(t);
	return (0);
}

/* How many audit records have action ACTION. */
static int
count_cb(const struct store_audit *a, void *arg)
{
	void	**p = arg;

	if (strcmp(a->action, p[0]) == 0)
		(*(int *)p[1])++;
	return (0);
}

static int
audit_count(struct store *st, const char *action)
{
	int	 n = 0;
	void	*p[2] = { (void *)action, &n };

	assert_int_equal(store_audit_each(st, NULL, NULL, 0, count_cb, p),
	    STORE_OK);
	return (n);
}

static void
test_owner_is_admin_until_roles(void **state)
{
	struct ts	*t = *state;
	struct store	*st;

	/* the owner has no role once users have roles */
	as_uid(OWNER);
	assert_int_equal(store_open(t->dir, 0, &st), STORE_PERM);
	assert_non_null(strstr(store_last_error(st)->msg, "4001"));
	assert_non_null(strstr(store_last_error(st)->msg, "4003"));
	store_close(st);
	as_uid(NOBODY);
	assert_int_equal(store_open(t->dir, 0, &st), STORE_PERM);
	assert_int_equal(store_exit_code(STORE_PERM), 3);
	store_close(st);
}

static void
test_viewer_reads_not_writes(void **state)
{
	struct ts		*t = *state;
	struct store_member	 m;
	struct store_event	 e;

	t->st = open_as(t->dir, VIEWER);
	assert_string_equal(store_role_current(t->st)->name, "viewer");
	assert_int_equal(store_member_get(t->st, "M001", &m, NULL), STORE_OK);
	assert_string_equal(m.email, "taro@example.jp");
	store_str_set(&m.notes, "x");
	assert_int_equal(store_member_update(t->st, &m, 0), STORE_PERM);
	assert_non_null(strstr(store_last_error(t->st)->msg, "viewer"));
	assert_non_null(strstr(store_last_error(t->st)->msg,
	    "members:edit"));
	store_member_free(&m);
	assert_int_equal(store_member_delete(t->st, "M001", true, 0),
	    STORE_PERM);
	assert_int_equal(store_mark(t->st, "E001", "M001",
	    STORE_FINAL_ATTENDED, 0), STORE_PERM);
	memset(&e, 0, sizeof e);
	snprintf(e.code, sizeof e.code, "E002");
	e.name = (char *)"x";
	snprintf(e.date, sizeof e.date, "2026-03-01");
	assert_int_equal(store_event_add(t->st, &e), STORE_PERM);
	assert_int_equal(store_backup(t->st, "/tmp/never"), STORE_PERM);
	assert_int_equal(store_user_set(t->st, VIEWER, "admin"), STORE_PERM);
	/* one audit record per refusal */
	assert_int_equal(audit_count(t->st, "refused"), 6);
}

static int
ids_cb(const struct store_member *m, const struct store_stats *s, void *arg)
{
	(void)s;
	strcat(arg, m->id);
	assert_null(m->email);
	assert_null(m->phone);
	return (0);
}

static void
test_volunteer_rows_and_hidden(void **state)
{
	struct ts		*t = *state;
	struct store_member	 m;
	struct store_member_row	 rows[8];
	struct store_attendance	 a;
	char			 ids[64] = "";
	size_t			 got;

	t->st = open_as(t->dir, VOLUNTEER);
	/* outside the rows: does not exist, and no audit record */
	assert_int_equal(store_member_get(t->st, "M001", &m, NULL),
	    STORE_NOTFOUND);
	assert_int_equal(store_attendance_get(t->st, "E001", "M001", &a),
	    STORE_NOTFOUND);
	assert_int_equal(store_mark(t->st, "E001", "M001",
	    STORE_FINAL_ATTENDED, 0), STORE_NOTFOUND);
	assert_int_equal(audit_count(t->st, "refused"), 0);
	/* inside: hidden fields read as empty */
	assert_int_equal(store_member_get(t->st, "M002", &m, NULL), STORE_OK);
	assert_null(m.email);
	assert_null(m.phone);
	assert_string_equal(m.name, "鈴木 花子");
	store_member_free(&m);
	assert_int_equal(store_member_each(t->st, ids_cb, ids), STORE_OK);
	assert_string_equal(ids, "M002M003");
	assert_int_equal(store_member_count(t->st), 2);
	assert_int_equal(store_member_page(t->st, STORE_ORDER_ID, NULL, false,
	    rows, 8, &got), STORE_OK);
	assert_int_equal(got, 2);
	assert_string_equal(rows[0].id, "M002");
	assert_string_equal(rows[0].email, "");
	/* search: by a visible name yes, by the hidden e-mail no */
	assert_int_equal(store_member_search(t->st, "スズキ", NULL, rows, 8,
	    &got), STORE_OK);
	assert_int_equal(got, 1);
	assert_int_equal(store_member_search(t->st, "hanako", NULL, rows, 8,
	    &got), STORE_OK);
	assert_int_equal(got, 0);
	assert_int_equal(store_member_search(t->st, "山田", NULL, rows, 8,
	    &got), STORE_OK);
	assert_int_equal(got, 0);
}

static int
select_cb(const struct store_member *m, const struct store_stats *s,
    void *arg)
{
	(void)s;
	strcat(arg, m->id);
	assert_null(m->email);
	return (0);
}

static void
test_volunteer_select_and_reports(void **state)
{
	struct ts			*t = *state;
	struct store_select_counts	 n;
	struct store_report		 r;
	char				 ids[64] = "";

	t->st = open_as(t->dir, VOLUNTEER);
	assert_int_equal(store_select(t->st, NULL, STORE_USE_VIEW, NULL,
	    select_cb, ids, &n), STORE_OK);
	assert_string_equal(ids, "M002M003");
	/* the volunteer role has no reports:view */
	assert_int_equal(store_report_run(t->st, STORE_REPORT_TOP, NULL, &r,
	    NULL, NULL), STORE_PERM);
	assert_non_null(strstr(store_last_error(t->st)->msg,
	    "reports:view"));
	store_close(t->st);
	t->st = open_as(t->dir, VIEWER);
	assert_int_equal(store_report_run(t->st, STORE_REPORT_TOP, NULL, &r,
	    NULL, NULL), STORE_OK);
	store_report_free(&r);
}

static void
test_volunteer_filters_and_writes(void **state)
{
	struct ts			*t = *state;
	struct store_member		 m;
	struct store_filter		*f;
	struct store_filter_error	 fe;

	t->st = open_as(t->dir, VOLUNTEER);
	assert_int_equal(store_filter_parse_line(t->st, "email=hanako", &f,
	    &fe), STORE_PERM);
	assert_int_equal(store_filter_parse_line(t->st, "name=鈴木", &f,
	    &fe), STORE_OK);
	store_filter_free(f);
	/* a read-only field is refused; a hidden one is kept as stored */
	assert_int_equal(store_member_get(t->st, "M002", &m, NULL), STORE_OK);
	store_str_set(&m.kana, "スズキ ハナ");
	assert_int_equal(store_member_update(t->st, &m, 0), STORE_PERM);
	store_str_set(&m.kana, "スズキ ハナコ");
	store_str_set(&m.notes, "受付係");
	assert_int_equal(store_member_update(t->st, &m, 0), STORE_OK);
	/* moving a member out of the rows is refused */
	store_str_set(&m.segment, "正会員");
	assert_int_equal(store_member_update(t->st, &m, 0), STORE_PERM);
	store_member_free(&m);
	assert_int_equal(audit_count(t->st, "refused"), 3);
	store_close(t->st);
	t->st = open_as(t->dir, ADMIN);
	assert_int_equal(store_member_get(t->st, "M002", &m, NULL), STORE_OK);
	assert_string_equal(m.email, "hanako@example.jp");
	assert_string_equal(m.phone, "03-1234-5678");
	assert_string_equal(m.notes, "受付係");
	store_member_free(&m);
}

static int
log_cb(const struct store_audit *a, void *arg)
{
	if (strstr(a->old, "hanako") != NULL || strstr(a->new, "hanako") !=
	    NULL || strcmp(a->member, "M001") == 0)
		(*(int *)arg)++;
	return (0);
}

static void
test_volunteer_log_hidden(void **state)
{
	struct ts	*t = *state;
	int		 leaks = 0;

	t->st = open_as(t->dir, VOLUNTEER);
	assert_int_equal(store_audit_each(t->st, NULL, NULL, 0, log_cb,
	    &leaks), STORE_OK);
	assert_int_equal(leaks, 0);
}

static void
test_door_role(void **state)
{
	struct ts		*t = *state;
	struct store_member	 m;
	struct store_change	 c;

	t->st = open_as(t->dir, ADMIN);
	assert_int_equal(store_user_set(t->st, VIEWER, "door"), STORE_OK);
	store_close(t->st);
	t->st = open_as(t->dir, VIEWER);
	assert_int_equal(store_member_get(t->st, "M001", &m, NULL), STORE_OK);
	assert_null(m.email);
	assert_string_equal(m.organization == NULL ? "" : m.organization, "");
	store_member_free(&m);
	store_change_init(&c, "E001", "M001");
	c.checkin = true;
	c.final = STORE_FINAL_ATTENDED;
	assert_int_equal(store_attendance_apply(t->st, &c, 1, NULL),
	    STORE_OK);
	assert_int_equal(store_mark(t->st, "E001", "M002",
	    STORE_FINAL_NO_SHOW, 0), STORE_PERM);
	assert_non_null(strstr(store_last_error(t->st)->msg,
	    "attendance:edit"));
}

/* One member row with a name and an e-mail column. */
static int
one_member(void *arg, struct store_member *out, uint32_t *fields)
{
	int	*left = arg;

	if (*left == 0)
		return (0);
	(*left)--;
	snprintf(out->id, sizeof out->id, "M009");
	out->name = (char *)"新人";
	out->email = (char *)"new@example.jp";
	out->segment = (char *)"ボランティア";
	*fields = STORE_MF_NAME | STORE_MF_EMAIL | STORE_MF_SEGMENT;
	return (1);
}

static void
test_import_hidden_column(void **state)
{
	struct ts			*t = *state;
	struct store_import_source	 src;
	struct store_member		 m;
	char *const			 opts[] = { "--allow",
	    "import:view,members:view,members:add,members:edit",
	    "--hide", "email" };
	int				 left = 1;

	t->st = open_as(t->dir, VOLUNTEER);
	memset(&src, 0, sizeof src);
	src.what = "x.csv";
	src.arg = &left;
	src.next_member = one_member;
	/* a volunteer has no import right at all */
	assert_int_equal(store_import(t->st, &src, false, NULL), STORE_PERM);
	assert_non_null(strstr(store_last_error(t->st)->msg, "import:view"));
	store_close(t->st);
	t->st = open_as(t->dir, ADMIN);
	assert_int_equal(store_role_add(t->st, "importer", NULL), STORE_OK);
	assert_int_equal(store_role_set(t->st, "importer", opts, 4), STORE_OK);
	assert_int_equal(store_user_set(t->st, VIEWER, "importer"), STORE_OK);
	store_close(t->st);
	t->st = open_as(t->dir, VIEWER);
	/* a file naming a hidden column: refused, nothing written */
	assert_int_equal(store_import(t->st, &src, false, NULL), STORE_PERM);
	assert_non_null(strstr(store_last_error(t->st)->msg, "email"));
	assert_int_equal(store_member_get(t->st, "M009", &m, NULL),
	    STORE_NOTFOUND);
	assert_int_equal(audit_count(t->st, "refused"), 2);
}

static void
test_role_admin_commands(void **state)
{
	struct ts		*t = *state;
	struct store_role	 r;
	char			 text[256];
	char *const		 bad[] = { "--allow", "members:fly" };
	char *const		 hide[] = { "--hide", "nosuchfield" };

	t->st = open_as(t->dir, ADMIN);
	assert_int_equal(store_role_get(t->st, "volunteer", &r), STORE_OK);
	assert_string_equal(store_role_fields_text(r.hide, text, sizeof text),
	    "email,phone");
	assert_string_equal(r.rows, "segment=ボランティア");
	assert_int_equal(store_role_set(t->st, "volunteer", bad, 2),
	    STORE_INVALID);
	assert_int_equal(store_role_set(t->st, "volunteer", hide, 2),
	    STORE_INVALID);
	assert_int_equal(store_role_set(t->st, "staff", hide, 2),
	    STORE_INVALID);
	assert_int_equal(store_role_delete(t->st, "volunteer"),
	    STORE_HASREFS);
	assert_int_equal(store_role_add(t->st, "volunteer", NULL),
	    STORE_EXISTS);
	assert_int_equal(store_role_add(t->st, "door2", "door"), STORE_OK);
	assert_int_equal(store_role_get(t->st, "door2", &r), STORE_OK);
	assert_true((r.allow[STORE_AREA_ATTENDANCE] & STORE_ACT_CHECKIN) != 0);
	assert_int_equal(store_user_delete(t->st, VOLUNTEER), STORE_OK);
	assert_int_equal(store_role_delete(t->st, "volunteer"), STORE_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_owner_is_admin_until_roles,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_viewer_reads_not_writes,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_volunteer_rows_and_hidden,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_volunteer_filters_and_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_volunteer_select_and_reports, setup, teardown),
		cmocka_unit_test_setup_teardown(test_volunteer_log_hidden,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_door_role, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_import_hidden_column,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_role_admin_commands,
		    setup, teardown),
	};

	if (getuid() != 0) {
		fprintf(stderr, "test-store-access: needs root to act as "
		    "other uids\n");
		return (1);
	}
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
