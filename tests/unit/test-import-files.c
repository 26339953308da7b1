/* test-import-files.c -- import_files() and export_table() on the corpus in
 * a real store (run under ASan too: the whole path without leaks). */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "import/import.h"
#include "store/store.h"

struct fx {
	char		 dir[64];
	struct store	*st;
	char		 msgs[8192];
};

static void
fx_msg(enum import_msg kind, const char *line, void *arg)
{
	struct fx	*fx = arg;
	size_t		 n = strlen(fx->msgs);

	(void)kind;
	snprintf(fx->msgs + n, sizeof fx->msgs - n, "%s\n", line);
}

static int
setup(void **state)
{
	struct fx	*fx = calloc(1, sizeof *fx);

	setenv("SANKA_TODAY", "2026-02-21", 1);
	unsetenv("TZ");
	snprintf(fx->dir, sizeof fx->dir, "/tmp/test-import-files.XXXXXX");
	if (mkdtemp(fx->dir) == NULL || store_open(fx->dir, 0, &fx->st) !=
	    STORE_OK)
		return (-1);
	*state = fx;
	return (0);
}

static int
teardown(void **state)
{
	struct fx	*fx = *state;
	char		 cmd[128];

	store_close(fx->st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		return (-1);
	free(fx);
	return (0);
}

static int
run(struct fx *fx, bool dry, const char *a, const char *b, const char *c)
{
	const char		*paths[3] = { a, b, c };
	struct import_opts	 o;

	memset(&o, 0, sizeof o);
	o.dry_run = dry;
	o.msg = fx_msg;
	o.msg_arg = fx;
	fx->msgs[0] = '\0';
	return (import_files(fx->st, paths, c != NULL ? 3 : b != NULL ? 2 : 1,
	    &o));
}

/* Export KIND to a file and compare it with WANT (a file). */
static void
export_is(struct fx *fx, enum import_kind kind, const char *want)
{
	struct export_opts	 o;
	char			 path[128], cmd[512];

	memset(&o, 0, sizeof o);
	o.kind = kind;
	o.encoding = IMPORT_ENC_UTF8;
	snprintf(path, sizeof path, "%s/out.csv", fx->dir);
	o.path = path;
	o.msg = fx_msg;
	o.msg_arg = fx;
	assert_int_equal(export_table(fx->st, &o), IMPORT_OK);
	snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", path, want);
	assert_int_equal(system(cmd), 0);
}

static void
test_corpus(void **state)
{
	struct fx	*fx = *state;

	assert_int_equal(run(fx, true, "tests/data/members-basic.csv",
	    "tests/data/events.csv", "tests/data/attendance-words.csv"),
	    IMPORT_OK);
	assert_int_equal(store_member_count(fx->st), 0);
	assert_int_equal(run(fx, false, "tests/data/members-basic.csv",
	    "tests/data/members-bom-crlf.csv", "tests/data/members-ja.csv"),
	    IMPORT_OK);
	assert_int_equal(run(fx, false, "tests/data/events.csv",
	    "tests/data/attendance-words.csv", NULL), IMPORT_OK);
	assert_string_equal(fx->msgs, "tests/data/events.csv: events: 4 added, "
	    "0 updated, 0 unchanged\ntests/data/attendance-words.csv: "
	    "attendance: 12 added, 0 updated, 0 unchanged\n");
	export_is(fx, IMPORT_KIND_MEMBERS, "tests/data/expect-members.csv");
	export_is(fx, IMPORT_KIND_EVENTS, "tests/data/expect-events.csv");
	export_is(fx, IMPORT_KIND_ATTENDANCE,
	    "tests/data/expect-attendance.csv");
	/* Again: nothing changes. */
	assert_int_equal(run(fx, false, "tests/data/events.csv",
	    "tests/data/attendance-words.csv", NULL), IMPORT_OK);
	assert_string_equal(fx->msgs, "tests/data/events.csv: events: 0 added, "
	    "0 updated, 4 unchanged\ntests/data/attendance-words.csv: "
	    "attendance: 0 added, 0 updated, 12 unchanged\n");
	/* By name and date, kintone tables, formulas, zeros. */
	assert_int_equal(run(fx, false, "tests/data/attendance-byname.csv",
	    NULL, NULL), IMPORT_OK);
	assert_non_null(strstr(fx->msgs, "created from name and date: "
	    "E20260315-1 交流会 (2026-03-15), E20260315-2 懇親会 (2026-03-15)"));
	assert_int_equal(run(fx, false, "tests/data/kintone-members.csv",
	    "tests/data/kintone-table.csv", NULL), IMPORT_OK);
	assert_int_equal(run(fx, false, "tests/data/members-formula.csv",
	    "tests/data/members-zeros.csv", "tests/data/kintone-recno.csv"),
	    IMPORT_OK);
}

static void
test_bad(void **state)
{
	struct fx	*fx = *state;
	FILE		*fp;
	char		 want[8192];
	size_t		 n;

	assert_int_equal(chdir("tests/data"), 0);
	assert_int_equal(run(fx, false, "members-bad.csv", NULL, NULL),
	    IMPORT_BAD);
	assert_int_equal(chdir("../.."), 0);
	fp = fopen("tests/data/members-bad.expected", "r");
	assert_non_null(fp);
	n = fread(want, 1, sizeof want - 1, fp);
	want[n] = '\0';
	fclose(fp);
	assert_string_equal(fx->msgs, want);
	assert_int_equal(store_member_count(fx->st), 0);
	assert_int_equal(run(fx, false, "tests/data/kintone-member-table.csv",
	    NULL, NULL), IMPORT_BAD);
	assert_int_equal(run(fx, false, "tests/data/members.tsv", NULL, NULL),
	    IMPORT_BAD);
	assert_int_equal(run(fx, false, "tests/data/no-such-file.csv", NULL,
	    NULL), IMPORT_BAD);
	assert_string_equal(fx->msgs, "tests/data/no-such-file.csv: cannot "
	    "open: No such file or directory\nnothing was imported\n");
}

/* Write LINES to DIR/NAME; the path into PATH. */
static void
write_file(const struct fx *fx, const char *name, const char *text,
    char *path, size_t size)
{
	FILE	*fp;

	snprintf(path, size, "%s/%s", fx->dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

/* Into a database with members, records of unknown members are left to
 * store_import to refuse; the rows are then named as before, one by one
 * (a few looked up, many by a walk over the members), and nothing is
 * written, dry run or not. */
static void
test_unknown_members(void **state)
{
	struct fx	*fx = *state;
	char		 path[128], *big, want[256];
	size_t		 cap = 64 * 30000, len, i;

	assert_int_equal(run(fx, false, "tests/data/members-basic.csv",
	    "tests/data/events.csv", NULL), IMPORT_OK);
	write_file(fx, "a.csv", "event_code,member_id,status\n"
	    "E001,M001,参加\nE001,NOPE,参加\nE002,M002,\n", path,
	    sizeof path);
	assert_int_equal(run(fx, true, path, NULL, NULL), IMPORT_BAD);
	snprintf(want, sizeof want, "%s:3:2(member_id): member NOPE exists "
	    "neither in the database nor in this import\nnothing was "
	    "imported\n", path);
	assert_string_equal(fx->msgs, want);
	assert_int_equal(run(fx, false, path, NULL, NULL), IMPORT_BAD);
	assert_string_equal(fx->msgs, want);

	/* Many: the first 50 listed, the rest counted. */
	big = malloc(cap);
	assert_non_null(big);
	len = (size_t)snprintf(big, cap, "event_code,member_id\nE001,M001\n");
	for (i = 0; i < 25000; i++)
		len += (size_t)snprintf(big + len, cap - len,
		    "E002,X%05zu\n", i);
	len += (size_t)snprintf(big + len, cap - len, "E003,M003\n");
	write_file(fx, "b.csv", big, path, sizeof path);
	free(big);
	assert_int_equal(run(fx, false, path, NULL, NULL), IMPORT_BAD);
	snprintf(want, sizeof want, "%s:3:2(member_id): member X00000 exists "
	    "neither in the database nor in this import\n", path);
	assert_non_null(strstr(fx->msgs, want));
	assert_non_null(strstr(fx->msgs, "\n... and 24950 more errors\n"
	    "nothing was imported\n"));
	/* Nothing of either was written. */
	fx->msgs[0] = '\0';
	assert_int_equal(run(fx, false, "tests/data/attendance-words.csv",
	    NULL, NULL), IMPORT_OK);
	assert_string_equal(fx->msgs, "tests/data/attendance-words.csv: "
	    "attendance: 12 added, 0 updated, 0 unchanged\n");
}

static void
test_cp932_export(void **state)
{
	struct fx		*fx = *state;
	struct store_member	 m;
	struct export_opts	 o;
	char			 path[128];

	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "X1");
	m.name = (char *)"𠮷田";
	assert_int_equal(store_member_add(fx->st, &m), STORE_OK);
	memset(&o, 0, sizeof o);
	o.kind = IMPORT_KIND_MEMBERS;
	o.encoding = IMPORT_ENC_CP932;
	snprintf(path, sizeof path, "%s/cp.csv", fx->dir);
	o.path = path;
	o.msg = fx_msg;
	o.msg_arg = fx;
	fx->msgs[0] = '\0';
	assert_int_equal(export_table(fx->st, &o), IMPORT_BAD);
	assert_non_null(strstr(fx->msgs, ":2:2(name): \"𠮷\" (U+20BB7) has no "
	    "CP932 form: use --encoding utf-8-bom\n"));
	assert_int_equal(access(path, F_OK), -1);
	o.encoding = IMPORT_ENC_UTF8_BOM;
	assert_int_equal(export_table(fx->st, &o), IMPORT_OK);
	assert_int_equal(access(path, F_OK), 0);
}

/* What the progress callback is told, in order. */
struct prog {
	char	 log[1024];	/* "stage;" per stage, "end;" */
	size_t	 advances, bad, msgs_before_end;
	bool	 ended;
};

static void
prog_cb(const struct import_progress *ip, void *arg)
{
	struct prog	*p = arg;
	size_t		 n = strlen(p->log);

	if (p->ended)
		p->bad++;		/* nothing after the end */
	switch (ip->step) {
	case IMPORT_STEP_STAGE:
		snprintf(p->log + n, sizeof p->log - n, "%s;", ip->label);
		break;
	case IMPORT_STEP_ADVANCE:
		if (ip->done > ip->total)
			p->bad++;
		p->advances++;
		break;
	case IMPORT_STEP_END:
		snprintf(p->log + n, sizeof p->log - n, "end;");
		p->ended = true;
		break;
	}
}

static void
prog_msg(enum import_msg kind, const char *line, void *arg)
{
	struct prog	*p = arg;

	(void)kind;
	(void)line;
	if (!p->ended)
		p->msgs_before_end++;
}

/* The caller's bar hears of each file, the checks and the writing, then
 * the end once, before any message. */
static void
test_progress(void **state)
{
	struct fx		*fx = *state;
	const char		*paths[3] = { "tests/data/members-basic.csv",
				    "tests/data/events.csv",
				    "tests/data/attendance-words.csv" };
	const char		*bad = "tests/data/members-bad.csv";
	struct import_opts	 o;
	struct prog		 p;

	memset(&o, 0, sizeof o);
	memset(&p, 0, sizeof p);
	o.progress = prog_cb;
	o.progress_arg = &p;
	o.msg = prog_msg;
	o.msg_arg = &p;
	assert_int_equal(import_files(fx->st, paths, 3, &o), IMPORT_OK);
	assert_string_equal(p.log, "tests/data/members-basic.csv;"
	    "tests/data/events.csv;tests/data/attendance-words.csv;"
	    "checking;writing;end;");
	assert_true(p.advances >= 3);
	assert_int_equal(p.bad, 0);
	assert_int_equal(p.msgs_before_end, 0);

	memset(&p, 0, sizeof p);
	o.dry_run = true;
	assert_int_equal(import_files(fx->st, &bad, 1, &o), IMPORT_BAD);
	assert_string_equal(p.log, "tests/data/members-bad.csv;checking;end;");
	assert_int_equal(p.bad, 0);
	assert_int_equal(p.msgs_before_end, 0);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test_setup_teardown(test_corpus, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_members, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_cp932_export, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_progress, setup,
		    teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
