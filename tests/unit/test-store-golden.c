/* test-store-golden.c -- the on-disk bytes: a fixed database written through
 * every member, event and attendance write path (and the bulk import into
 * an empty database) dumps with `mdb_dump -a` byte for byte like the dump
 * committed in tests/data/golden/.  SANKA_GOLDEN_WRITE=1 rewrites them.
 * time() and getpwuid() are pinned here so the stamps are fixed. */

#include <pwd.h>
#include <sys/types.h>

#include "test-store-util.h"

/* These definitions take the place of libc's for the whole program. */
time_t
time(time_t *t)
{
	if (t != NULL)
		*t = 1771632000;	/* 2026-02-21 00:00 UTC */
	return (1771632000);
}

struct passwd *
getpwuid(uid_t uid)
{
	static struct passwd	pw;

	(void)uid;
	pw.pw_name = (char *)"golden";
	return (&pw);
}

static void
golden_member(struct store *st, const char *id, int variant)
{
	struct store_member	m;

	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "%s", id);
	store_str_set(&m.name, variant ? "髙橋 一郎" : "山田 花子");
	store_str_set(&m.kana, variant ? "タカハシ イチロウ" : "ヤマダ ハナコ");
	store_str_set(&m.email, variant ? "ichiro@example.jp" : "");
	store_str_set(&m.phone, "03-1234-5678");
	store_str_set(&m.postal_code, "100-0001");
	store_str_set(&m.address, "東京都千代田区1-1");
	store_str_set(&m.organization, "NPO法人さんか");
	store_str_set(&m.segment, variant ? "正会員" : "賛助会員");
	m.status = variant ? STORE_MEMBER_SUSPENDED : STORE_MEMBER_ACTIVE;
	m.mail_opt_out = variant != 0;
	snprintf(m.joined_on, sizeof m.joined_on, "2020-04-01");
	store_str_set(&m.notes, "一行目\n二行目");
	m.past_count = variant ? 4 : 0;
	snprintf(m.past_last_date, sizeof m.past_last_date, "%s",
	    variant ? "2019-11-03" : "");
	store_str_set(&m.past_last_event, variant ? "秋の集い" : "");
	store_attr_set(&m, "ランク", variant ? "A" : "B");
	assert_int_equal(store_member_add(st, &m), STORE_OK);
	store_member_free(&m);
}

static void
golden_writes(struct store *st)
{
	struct store_member	m;
	struct store_stats	s;

	golden_member(st, "M001", 0);
	golden_member(st, "Ｍ００２", 1);
	ts_add_member(st, "M003", "佐藤 三郎", "サトウ サブロウ", 2,
	    "2018-05-05");
	ts_add_event(st, "E001", "新年会", "2026-01-10");
	ts_add_event(st, "E002", "総会", "2026-03-01");
	assert_int_equal(store_invite(st, "E001", "M001"), STORE_OK);
	assert_int_equal(store_respond(st, "E001", "M002",
	    STORE_RESP_ACCEPTED, 0), STORE_OK);
	ts_mark(st, "E001", "M001", STORE_FINAL_ATTENDED);
	ts_mark(st, "E001", "M003", STORE_FINAL_NO_SHOW);
	assert_int_equal(store_invite(st, "E002", "M002"), STORE_OK);
	assert_int_equal(store_member_get(st, "M003", &m, &s), STORE_OK);
	store_str_set(&m.email, "saburo@example.jp");
	store_attr_set(&m, "会報", "紙");
	assert_int_equal(store_member_update(st, &m, m.version), STORE_OK);
	store_member_free(&m);
}

/* Dump DIR with mdb_dump -a and compare with (or write) NAME. */
static void
golden_compare(const char *dir, const char *name)
{
	char	 cmd[512], path[256], *got, *want;
	FILE	*f;
	long	 n, wn;

	snprintf(path, sizeof path, "tests/data/golden/%s", name);
	snprintf(cmd, sizeof cmd, "mdb_dump -a %s", dir);
	assert_non_null(f = popen(cmd, "r"));
	got = calloc(1, 1 << 20);
	n = (long)fread(got, 1, (1 << 20) - 1, f);
	assert_int_equal(pclose(f), 0);
	assert_true(n > 0);
	if (getenv("SANKA_GOLDEN_WRITE") != NULL) {
		assert_non_null(f = fopen(path, "w"));
		assert_int_equal(fwrite(got, 1, (size_t)n, f), (size_t)n);
		fclose(f);
	}
	assert_non_null(f = fopen(path, "r"));
	want = calloc(1, 1 << 20);
	wn = (long)fread(want, 1, (1 << 20) - 1, f);
	fclose(f);
	assert_int_equal(wn, n);
	assert_memory_equal(got, want, (size_t)n);
	free(got);
	free(want);
}

static void
test_golden_writes(void **state)
{
	struct ts	*t = *state;

	golden_writes(t->st);
	ts_clean(t->st);
	store_close(t->st);
	t->st = ts_open(t->dir);
	golden_compare(t->dir, "writes.dump");
}

/* The sorted bulk path of an import into an empty database. */
static void
test_golden_bulk(void **state)
{
	struct ts			*t = *state;
	struct store_member		 mem[2];
	struct store_event		 ev[1];
	struct store_change		 rec[2];
	struct ts_src			 src;
	struct store_import_result	 res;

	memset(mem, 0, sizeof mem);
	memset(ev, 0, sizeof ev);
	snprintf(mem[0].id, sizeof mem[0].id, "A01");
	mem[0].name = (char *)"鈴木 一";
	mem[0].kana = (char *)"スズキ ハジメ";
	mem[0].segment = (char *)"正会員";
	mem[0].past_count = 3;
	snprintf(mem[0].past_last_date, sizeof mem[0].past_last_date,
	    "2017-07-07");
	mem[0].past_last_event = (char *)"七夕会";
	snprintf(mem[1].id, sizeof mem[1].id, "A02");
	mem[1].name = (char *)"田中 二";
	mem[1].notes = (char *)"メモ";
	mem[1].mail_opt_out = true;
	snprintf(ev[0].code, sizeof ev[0].code, "B01");
	ev[0].name = (char *)"講演会";
	snprintf(ev[0].date, sizeof ev[0].date, "2026-02-01");
	ev[0].venue = (char *)"会議室";
	ev[0].capacity = 30;
	store_change_init(&rec[0], "B01", "A01");
	rec[0].final = STORE_FINAL_ATTENDED;
	store_change_init(&rec[1], "B01", "A02");
	rec[1].response = STORE_RESP_DECLINED;
	rec[1].invited_on = "2026-01-15";
	memset(&src, 0, sizeof src);
	src.mem = mem;
	src.nmem = 2;
	src.ev = ev;
	src.nev = 1;
	src.rec = rec;
	src.nrec = 2;
	assert_int_equal(ts_import(t->st, &src, false, &res), STORE_OK);
	ts_clean(t->st);
	golden_compare(t->dir, "bulk.dump");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_golden_writes, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_golden_bulk, ts_setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
