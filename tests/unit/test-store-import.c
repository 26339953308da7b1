/* test-store-import.c -- store_import: counts, re-import as a no-op, the
 * bulk path and the upsert path giving the same data, field masks, past
 * totals, unknown references, duplicates and dry runs. */

#include "test-store-util.h"

#define NM	200
#define NE	5

struct data {
	struct store_event	ev[NE];
	struct store_member	mem[NM];
	struct store_change	rec[NM * 2];
	struct store_attr	attr[NM];
	char			name[NM][32], kana[NM][48], mail[NM][32];
	size_t			nrec;
};

static struct data *
data_make(void)
{
	struct data	*d;
	size_t		 i, e;
	unsigned	 s = 3;

	d = calloc(1, sizeof *d);
	for (e = 0; e < NE; e++) {
		snprintf(d->ev[e].code, sizeof d->ev[e].code, "E%zu", e);
		d->ev[e].name = (char *)"イベント";
		snprintf(d->ev[e].date, sizeof d->ev[e].date, "2026-0%zu-1%zu",
		    e + 1, e % 3);
		d->ev[e].capacity = (int32_t)(10 * e);
	}
	for (i = 0; i < NM; i++) {
		snprintf(d->mem[i].id, sizeof d->mem[i].id, "M%03zu",
		    (i * 37) % NM);
		snprintf(d->name[i], sizeof d->name[i], "山田 %zu郎", i % 17);
		snprintf(d->kana[i], sizeof d->kana[i], "ヤマダ %zu", i % 13);
		snprintf(d->mail[i], sizeof d->mail[i], "u%zu@example.jp", i);
		d->mem[i].name = d->name[i];
		d->mem[i].kana = d->kana[i];
		d->mem[i].email = d->mail[i];
		d->mem[i].past_count = (int32_t)(i % 4);
		if (i % 10 == 3) {	/* needs normalising: not stored as is */
			d->attr[i].name = (char *)"血液型";
			d->attr[i].value = (char *)"A";
			d->mem[i].attrs = &d->attr[i];
			d->mem[i].nattrs = 1;
			d->mem[i].notes = (char *)"一行目\r\n二行目";
		}
		if (i % 3 == 0)
			snprintf(d->mem[i].past_last_date, STORE_DATE_SIZE,
			    "2026-0%zu-1%zu", 1 + i % 5, i % 3);
	}
	for (i = 0; i < NM; i++) {
		for (e = 0; e < 2; e++) {
			struct store_change *c = &d->rec[d->nrec++];

			s = s * 1103515245u + 12345u;
			store_change_init(c, d->ev[(i + e * 2) % NE].code,
			    d->mem[i].id);
			c->final = (int)((s >> 16) % 5);
			c->response = (int)((s >> 20) % 4);
			c->invited_on = "2026-01-01";
		}
	}
	return (d);
}

static void
data_src(struct data *d, struct ts_src *src)
{
	memset(src, 0, sizeof *src);
	src->ev = d->ev;
	src->nev = NE;
	src->mem = d->mem;
	src->nmem = NM;
	src->rec = d->rec;
	src->nrec = d->nrec;
}

struct audits {
	size_t	n;
	char	entity[8][16];
	char	text[8][512];
};

static int
audits_cb(const struct store_audit *a, void *arg)
{
	struct audits	*l = arg;

	if (l->n < 8) {
		snprintf(l->entity[l->n], 16, "%s", a->entity);
		snprintf(l->text[l->n], 512, "%s", a->new);
	}
	l->n++;
	return (0);
}

static void
test_import_and_reimport(void **state)
{
	struct ts			*t = *state;
	struct store			*st = t->st;
	struct data			*d = data_make();
	struct ts_src			 src;
	struct store_import_result	 r;
	struct store_member		 m;
	struct audits			 l;
	uint64_t			 txn;

	data_src(d, &src);
	assert_int_equal(ts_import(st, &src, false, &r), STORE_OK);
	assert_int_equal(r.events.added, NE);
	assert_int_equal(r.members.added, NM);
	assert_int_equal(r.records.added, d->nrec);
	assert_int_equal(store_member_count(st), NM);
	assert_int_equal(store_member_get(st, d->mem[3].id, &m, NULL),
	    STORE_OK);
	assert_string_equal(m.notes, "一行目\n二行目");
	assert_int_equal(m.nattrs, 1);
	assert_string_equal(m.attrs[0].value, "A");
	store_member_free(&m);
	ts_clean(st);
	memset(&l, 0, sizeof l);
	store_audit_each(st, NULL, NULL, 0, audits_cb, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.entity[0], "import");
	assert_non_null(strstr(l.text[0], "test.csv"));
	assert_non_null(strstr(l.text[0], "members: added 200"));

	/* the same rows again: nothing changes, nothing is written */
	txn = store_txnid(st);
	assert_int_equal(ts_import(st, &src, false, &r), STORE_OK);
	assert_int_equal(r.events.unchanged, NE);
	assert_int_equal(r.members.unchanged, NM);
	assert_int_equal(r.records.unchanged, d->nrec);
	assert_int_equal(r.members.added + r.members.updated +
	    r.records.added + r.records.updated + r.events.added +
	    r.events.updated, 0);
	assert_int_equal(store_txnid(st), txn);
	assert_int_equal(store_member_get(st, "M001", &m, NULL), STORE_OK);
	assert_int_equal(m.version, 1);
	store_member_free(&m);
	memset(&l, 0, sizeof l);
	store_audit_each(st, NULL, NULL, 0, audits_cb, &l);
	assert_int_equal(l.n, 1);

	/* one changed row: one update, its audit entries */
	d->mem[5].email = (char *)"changed@example.jp";
	d->rec[7].final = d->rec[7].final == 1 ? 2 : 1;
	assert_int_equal(ts_import(st, &src, false, &r), STORE_OK);
	assert_int_equal(r.members.updated, 1);
	assert_int_equal(r.members.unchanged, NM - 1);
	assert_int_equal(r.records.updated, 1);
	assert_int_equal(store_member_get(st, d->mem[5].id, &m, NULL),
	    STORE_OK);
	assert_int_equal(m.version, 2);
	assert_string_equal(m.email, "changed@example.jp");
	store_member_free(&m);
	/* the import's record, after one entry per change (issue 8 item 1) */
	memset(&l, 0, sizeof l);
	store_audit_each(st, NULL, NULL, 0, audits_cb, &l);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.entity[0], "import");
	assert_non_null(strstr(l.text[0], "; changes: 2 (the entries just "
	    "before)"));
	assert_string_equal(l.entity[1], "attendance");
	assert_string_equal(l.entity[2], "member");
	assert_non_null(strstr(l.text[2], "email=changed@example.jp"));
	ts_clean(st);
	free(d);
}

struct dump {
	struct buf_s {
		char	*p;
		size_t	 len, cap;
	} b;
};

static void
dump_add(struct dump *d, const char *s)
{
	size_t	n = strlen(s);

	if (d->b.len + n + 1 > d->b.cap) {
		d->b.cap = (d->b.len + n + 1) * 2;
		d->b.p = realloc(d->b.p, d->b.cap);
	}
	memcpy(d->b.p + d->b.len, s, n + 1);
	d->b.len += n;
}

static int
dump_member(const struct store_member *m, const struct store_stats *s,
    void *arg)
{
	char	line[1024];

	snprintf(line, sizeof line, "%s|%s|%s|%s|%d|%s|%u|%u|%u|%u|%u|%u|%s|"
	    "%s|v%u|%s|%s=%s\n", m->id, m->name, m->kana, m->email,
	    m->past_count, m->past_last_date, s->attended, s->total,
	    s->accepted, s->absent, s->no_show, s->cancelled, s->last_date,
	    s->last_event, m->version, m->notes, m->nattrs ? m->attrs[0].name :
	    "", m->nattrs ? m->attrs[0].value : "");
	dump_add(arg, line);
	return (0);
}

static int
dump_record(const struct store_att_row *r, void *arg)
{
	char	line[512];

	snprintf(line, sizeof line, "%s|%s|%s|%d|%d|%s|v%u\n", r->a.event,
	    r->a.member, r->a.invited_on, r->a.response, r->a.final,
	    r->a.note, r->a.version);
	dump_add(arg, line);
	return (0);
}

static char *
dump_store(struct store *st)
{
	struct dump		 d;
	struct store_member_row	 rows[NM];
	size_t			 got, i, o;
	char			 line[128];

	memset(&d, 0, sizeof d);
	dump_add(&d, "");
	assert_int_equal(store_member_each(st, dump_member, &d), STORE_OK);
	assert_int_equal(store_attendance_each(st, dump_record, &d), STORE_OK);
	assert_int_equal(store_pending_each(st, dump_record, &d), STORE_OK);
	for (o = 0; o < 4; o++) {
		assert_int_equal(store_member_page(st, (enum store_order)o,
		    NULL, false, rows, NM, &got), STORE_OK);
		assert_int_equal(got, NM);
		for (i = 0; i < got; i++) {
			snprintf(line, sizeof line, "%zu:%s\n", o, rows[i].id);
			dump_add(&d, line);
		}
	}
	assert_int_equal(store_member_search(st, "やまだ", NULL, rows, NM,
	    &got), STORE_OK);
	for (i = 0; i < got; i++) {
		snprintf(line, sizeof line, "s:%s\n", rows[i].id);
		dump_add(&d, line);
	}
	return (d.b.p);
}

/* The bulk path (empty database) and the upsert path (a database that
 * already holds one of the members, events and records) agree. */
/* Many members through the bulk path: index keys longer than a key
 * record holds, sets of several megabytes given back while appended, a
 * member out of ID order, a dry run and a refused import (the key builder
 * stopped early); the indexes check clean and search finds long names. */
static void
test_bulk_many(void **state)
{
	struct ts			*t = *state;
	struct ts_src			 src;
	struct store_import_result	 r;
	struct store_member		*mem;
	struct store_member_row		 rows[4];
	char				(*name)[96], (*kana)[160], (*mail)[48];
	size_t				 n = 40000, i, got;

	mem = calloc(n, sizeof *mem);
	name = calloc(n, sizeof *name);
	kana = calloc(n, sizeof *kana);
	mail = calloc(n, sizeof *mail);
	assert_non_null(mail);
	for (i = 0; i < n; i++) {
		/* the last one out of order: an ordinary put */
		snprintf(mem[i].id, sizeof mem[i].id, "M%06zu",
		    i + 1 == n ? (size_t)0 : i + 1);
		if (i % 7 == 0) {
			snprintf(name[i], sizeof name[i], "寿限無寿限無五劫"
			    "の擦り切れ海砂利水魚 %zu", i);
			snprintf(kana[i], sizeof kana[i], "ジュゲムジュゲム"
			    "ゴコウノスリキレカイジャリスイギョ %zu", i);
		} else {
			snprintf(name[i], sizeof name[i], "山田 %zu", i % 500);
			snprintf(kana[i], sizeof kana[i], "ヤマダ %zu",
			    i % 300);
		}
		snprintf(mail[i], sizeof mail[i], "user.%zu@example.jp", i);
		mem[i].name = name[i];
		mem[i].kana = kana[i];
		mem[i].email = mail[i];
	}
	memset(&src, 0, sizeof src);
	src.mem = mem;
	src.nmem = n;
	assert_int_equal(ts_import(t->st, &src, true, &r), STORE_OK);
	assert_int_equal(r.members.added, n);
	assert_int_equal(store_member_count(t->st), 0);
	/* a repeated member: refused, nothing written */
	snprintf(mem[n / 2].id, sizeof mem[n / 2].id, "M%06zu", n / 2 - 1);
	assert_int_equal(ts_import(t->st, &src, false, &r), STORE_INVALID);
	assert_int_equal(store_member_count(t->st), 0);
	snprintf(mem[n / 2].id, sizeof mem[n / 2].id, "M%06zu", n / 2 + 1);
	assert_int_equal(ts_import(t->st, &src, false, &r), STORE_OK);
	assert_int_equal(store_member_count(t->st), n);
	ts_clean(t->st);
	assert_int_equal(store_member_search(t->st, "じゅげむじゅげむごこうの"
	    "すりきれかいじゃりすいぎょ 35000", NULL, rows, 4, &got),
	    STORE_OK);
	assert_int_equal(got, 1);
	assert_string_equal(rows[0].id, "M035001");
	/* a part inside a name is not a prefix */
	assert_int_equal(store_member_search(t->st, "海砂利水魚 39998", NULL,
	    rows, 4, &got), STORE_OK);
	assert_int_equal(got, 0);
	assert_int_equal(store_member_search(t->st, "寿限無寿限無五劫の擦り"
	    "切れ海砂利水魚 39998", NULL, rows, 4, &got), STORE_OK);
	assert_int_equal(got, 1);	/* 39998 = 7 * 5714 */
	assert_string_equal(rows[0].id, "M039999");
	assert_int_equal(store_member_search(t->st, "寿限無寿限無五劫の擦り"
	    "切れ海砂利水魚 39997", NULL, rows, 4, &got), STORE_OK);
	assert_int_equal(got, 0);
	free(mem);
	free(name);
	free(kana);
	free(mail);
}

static void
test_bulk_equals_upsert(void **state)
{
	struct ts			*t = *state;
	struct data			*d = data_make();
	struct ts_src			 src;
	struct store_import_result	 r;
	struct store			*other;
	struct store_change		 c;
	char				 dir[64], *a, *b;

	data_src(d, &src);
	assert_int_equal(ts_import(t->st, &src, false, &r), STORE_OK);
	ts_clean(t->st);
	a = dump_store(t->st);

	snprintf(dir, sizeof dir, "/tmp/sanka-store-XXXXXX");
	assert_non_null(mkdtemp(dir));
	other = ts_open(dir);
	assert_int_equal(store_event_add(other, &d->ev[0]), STORE_OK);
	/* the same member as the import will bring, added by hand */
	assert_int_equal(store_member_add(other, &d->mem[0]), STORE_OK);
	c = d->rec[0];
	assert_string_equal(c.event, "E0");
	assert_int_equal(store_attendance_apply(other, &c, 1, NULL), STORE_OK);
	assert_int_equal(ts_import(other, &src, false, &r), STORE_OK);
	assert_int_equal(r.members.unchanged, 1);
	assert_int_equal(r.members.added, NM - 1);
	assert_int_equal(r.events.unchanged, 1);
	assert_int_equal(r.records.unchanged, 1);
	assert_int_equal(r.records.added, d->nrec - 1);
	ts_clean(other);
	b = dump_store(other);
	assert_string_equal(a, b);
	free(a);
	free(b);
	store_close(other);
	ts_rm(dir);
	free(d);
}

/* Records only, into a database whose members exist: the bulk records
 * path computes each member's aggregate from its run. */
static void
test_records_into_members(void **state)
{
	struct ts			*t = *state;
	struct data			*d = data_make();
	struct ts_src			 src;
	struct store_import_result	 r;
	struct store			*other;
	char				 dir[64], *a, *b;

	data_src(d, &src);
	assert_int_equal(ts_import(t->st, &src, false, &r), STORE_OK);
	a = dump_store(t->st);
	snprintf(dir, sizeof dir, "/tmp/sanka-store-XXXXXX");
	assert_non_null(mkdtemp(dir));
	other = ts_open(dir);
	src.nrec = 0;
	assert_int_equal(ts_import(other, &src, false, &r), STORE_OK);
	data_src(d, &src);
	src.nev = src.nmem = 0;
	assert_int_equal(ts_import(other, &src, false, &r), STORE_OK);
	assert_int_equal(r.records.added, d->nrec);
	ts_clean(other);
	b = dump_store(other);
	assert_string_equal(a, b);
	free(a);
	free(b);
	store_close(other);
	ts_rm(dir);
	free(d);
}

static void
test_masks_and_totals(void **state)
{
	struct ts			*t = *state;
	struct store			*st = t->st;
	struct ts_src			 src;
	struct store_import_result	 r;
	struct store_member		 rows[2], m;
	struct store_event		 ev;
	struct store_change		 rec[2];
	uint32_t			 f[2];
	uint64_t			 txn;

	ts_add_member(st, "M1", "山田 史郎", "ヤマダ", 1, "2020-01-01");
	ts_add_event(st, "E1", "one", "2026-01-10");
	ts_add_event(st, "E2", "two", "2026-02-10");
	ts_mark(st, "E1", "M1", STORE_FINAL_ATTENDED);
	memset(rows, 0, sizeof rows);
	memset(&src, 0, sizeof src);
	/* only the e-mail column: the rest of M1 stays */
	snprintf(rows[0].id, sizeof rows[0].id, "M1");
	rows[0].email = (char *)"new@example.jp";
	f[0] = STORE_MF_EMAIL;
	src.mem = rows;
	src.memf = f;
	src.nmem = 1;
	assert_int_equal(ts_import(st, &src, false, &r), STORE_OK);
	assert_int_equal(r.members.updated, 1);
	assert_int_equal(store_member_get(st, "M1", &m, NULL), STORE_OK);
	assert_string_equal(m.name, "山田 史郎");
	assert_string_equal(m.email, "new@example.jp");
	assert_int_equal(m.past_count, 1);
	store_member_free(&m);

	/* the file's count is the old total: past = 6 - (1 + 1) = 4 */
	rows[0].email = NULL;
	rows[0].past_count = 6;
	f[0] = STORE_MF_PAST_IS_TOTAL;
	store_change_init(&rec[0], "E2", "M1");
	rec[0].final = STORE_FINAL_ATTENDED;
	src.rec = rec;
	src.nrec = 1;
	assert_int_equal(ts_import(st, &src, false, &r), STORE_OK);
	assert_int_equal(store_member_get(st, "M1", &m, NULL), STORE_OK);
	assert_int_equal(m.past_count, 4);
	store_member_free(&m);
	ts_assert_agg(st, "M1", 6, "2026-02-10", "E2");
	ts_clean(st);
	/* the same again is no change */
	txn = store_txnid(st);
	assert_int_equal(ts_import(st, &src, false, &r), STORE_OK);
	assert_int_equal(r.members.unchanged, 1);
	assert_int_equal(store_txnid(st), txn);
	/* a total below the attended count is refused, naming the member */
	rows[0].past_count = 1;
	assert_int_equal(ts_import(st, &src, false, &r), STORE_INVALID);
	assert_non_null(strstr(store_last_error(st)->msg, "M1"));
	assert_int_equal(store_txnid(st), txn);
	/* a new member with a total in the bulk path */
	store_close(t->st);
	ts_rm(t->dir);
	t->st = st = ts_open(t->dir);
	memset(&ev, 0, sizeof ev);
	snprintf(ev.code, sizeof ev.code, "E1");
	ev.name = (char *)"新年会";
	snprintf(ev.date, sizeof ev.date, "2026-01-01");
	src.ev = &ev;
	src.nev = 1;
	rows[0].past_count = 5;
	rows[0].name = (char *)"山田 史郎";	/* a new member needs a name */
	store_change_init(&rec[0], "E1", "M1");
	rec[0].final = STORE_FINAL_ATTENDED;
	assert_int_equal(ts_import(st, &src, false, &r), STORE_OK);
	assert_int_equal(store_member_get(st, "M1", &m, NULL), STORE_OK);
	assert_int_equal(m.past_count, 4);
	assert_int_equal(m.version, 1);
	store_member_free(&m);
	ts_assert_agg(st, "M1", 5, "2026-01-01", "E1");
	ts_clean(st);
}

static void
test_refusals(void **state)
{
	struct ts			*t = *state;
	struct store			*st = t->st;
	struct data			*d = data_make();
	struct ts_src			 src;
	struct store_import_result	 r;
	struct store_change		 bad;
	uint64_t			 txn;
	int				 pass;

	for (pass = 0; pass < 2; pass++) {
		/* pass 0: the bulk path, pass 1: the upsert path */
		data_src(d, &src);
		txn = store_txnid(st);
		d->rec[d->nrec - 1].event = "E404";
		assert_int_equal(ts_import(st, &src, false, &r),
		    STORE_NOTFOUND);
		assert_non_null(strstr(store_last_error(st)->msg, "E404"));
		d->rec[d->nrec - 1].event = "E1";
		bad = d->rec[3];
		d->rec[3].member = "M404";
		assert_int_equal(ts_import(st, &src, false, &r),
		    STORE_NOTFOUND);
		assert_non_null(strstr(store_last_error(st)->msg, "M404"));
		d->rec[3] = bad;
		/* a member twice */
		snprintf(d->mem[9].id, sizeof d->mem[9].id, "%s",
		    d->mem[8].id);
		assert_int_equal(ts_import(st, &src, false, &r),
		    STORE_INVALID);
		assert_non_null(strstr(store_last_error(st)->msg,
		    d->mem[8].id));
		snprintf(d->mem[9].id, sizeof d->mem[9].id, "M%03d",
		    (9 * 37) % NM);
		/* a record twice */
		bad = d->rec[10];
		d->rec[10] = d->rec[11];
		assert_int_equal(ts_import(st, &src, false, &r),
		    STORE_INVALID);
		assert_non_null(strstr(store_last_error(st)->msg, "twice"));
		d->rec[10] = bad;
		/* a bad field */
		d->mem[4].kana = (char *)"a\nb";
		assert_int_equal(ts_import(st, &src, false, &r),
		    STORE_INVALID);
		assert_string_equal(store_last_error(st)->field, "kana");
		d->mem[4].kana = d->kana[4];
		assert_int_equal(store_txnid(st), txn);
		/* a dry run counts and writes nothing */
		assert_int_equal(ts_import(st, &src, true, &r), STORE_OK);
		assert_int_equal(store_txnid(st), txn);
		if (pass == 0) {
			assert_int_equal(r.members.added, NM);
			assert_int_equal(store_member_count(st), 0);
			assert_int_equal(ts_import(st, &src, false, &r),
			    STORE_OK);
		}
		ts_clean(st);
	}
	free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_import_and_reimport,
		    ts_setup, ts_teardown),
		cmocka_unit_test_setup_teardown(test_bulk_many, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_bulk_equals_upsert,
		    ts_setup, ts_teardown),
		cmocka_unit_test_setup_teardown(test_records_into_members,
		    ts_setup, ts_teardown),
		cmocka_unit_test_setup_teardown(test_masks_and_totals,
		    ts_setup, ts_teardown),
		cmocka_unit_test_setup_teardown(test_refusals, ts_setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
