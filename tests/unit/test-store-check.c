/* test-store-check.c -- store_check finds real corruption: entries are
 * changed, removed and added behind the store's back with LMDB itself. */

#include <lmdb.h>

#include "test-store-util.h"
#include "store/crc.h"
#include "store/store-int.h"	/* the codec, to store what writes refuse */

struct raw {
	MDB_env	*env;
	MDB_txn	*txn;
};

static void
raw_open(struct raw *r, const char *dir)
{
	assert_int_equal(mdb_env_create(&r->env), 0);
	assert_int_equal(mdb_env_set_maxdbs(r->env, 32), 0);
	assert_int_equal(mdb_env_set_mapsize(r->env, (size_t)1 << 30), 0);
	assert_int_equal(mdb_env_open(r->env, dir, 0, 0660), 0);
	assert_int_equal(mdb_txn_begin(r->env, NULL, 0, &r->txn), 0);
}

static void
raw_close(struct raw *r)
{
	assert_int_equal(mdb_txn_commit(r->txn), 0);
	mdb_env_close(r->env);
}

static MDB_dbi
raw_dbi(struct raw *r, const char *name)
{
	MDB_dbi	dbi;

	assert_int_equal(mdb_dbi_open(r->txn, name, 0, &dbi), 0);
	return (dbi);
}

/* A key of up to three parts joined by \0. */
static MDB_val
raw_key(char *buf, const char *a, const char *b, const char *c)
{
	MDB_val	k;
	size_t	n;

	n = strlen(a);
	memcpy(buf, a, n);
	if (b != NULL) {
		buf[n++] = '\0';
		memcpy(buf + n, b, strlen(b));
		n += strlen(b);
	}
	if (c != NULL) {
		buf[n++] = '\0';
		memcpy(buf + n, c, strlen(c));
		n += strlen(c);
	}
	k.mv_data = buf;
	k.mv_size = n;
	return (k);
}

static void
raw_del(struct raw *r, const char *db, MDB_val k)
{
	assert_int_equal(mdb_del(r->txn, raw_dbi(r, db), &k, NULL), 0);
}

/* Put V sealed as schema 2 seals it: its CRC32C over key and value. */
static void
raw_put(struct raw *r, const char *db, MDB_val k, MDB_val v)
{
	unsigned char	*buf;
	uint32_t	c;

	assert_non_null(buf = malloc(v.mv_size + 4));
	memcpy(buf, v.mv_data, v.mv_size);
	c = crc32c_add(CRC32C_INIT, k.mv_data, k.mv_size);
	c = crc32c_add(c, v.mv_data, v.mv_size) ^ CRC32C_INIT;
	buf[v.mv_size] = (unsigned char)c;
	buf[v.mv_size + 1] = (unsigned char)(c >> 8);
	buf[v.mv_size + 2] = (unsigned char)(c >> 16);
	buf[v.mv_size + 3] = (unsigned char)(c >> 24);
	v.mv_data = buf;
	v.mv_size += 4;
	assert_int_equal(mdb_put(r->txn, raw_dbi(r, db), &k, &v, 0), 0);
	free(buf);
}

/* The value without its seal. */
static MDB_val
raw_get(struct raw *r, const char *db, MDB_val k)
{
	MDB_val	v;

	assert_int_equal(mdb_get(r->txn, raw_dbi(r, db), &k, &v), 0);
	assert_true(v.mv_size >= 4);
	v.mv_size -= 4;
	return (v);
}

struct lines {
	size_t	n;
	char	text[64][256];
};

static void
lines_collect(const char *line, void *arg)
{
	struct lines	*l = arg;

	if (l->n < 64)
		snprintf(l->text[l->n++], sizeof l->text[0], "%s", line);
}

static bool
lines_have(const struct lines *l, const char *s)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		if (strstr(l->text[i], s) != NULL)
			return (true);
	}
	return (false);
}

static void
check_setup_data(struct store *st)
{
	ts_add_member(st, "M001", "山田 史郎", "ヤマダ シロウ", 3,
	    "2024-03-10");
	ts_add_member(st, "M002", "佐藤 花子", "サトウ ハナコ", 0, "");
	ts_add_event(st, "E005", "イベント5", "2026-01-18");
	ts_add_event(st, "E006", "イベント6", "2026-02-20");
	ts_mark(st, "E005", "M001", STORE_FINAL_ATTENDED);
	ts_mark(st, "E005", "M002", STORE_FINAL_ATTENDED);
	assert_int_equal(store_invite(st, "E006", "M001"), STORE_OK);
	ts_clean(st);
}

static void
check_run(struct ts *t, struct lines *l)
{
	size_t	i, n;

	t->st = ts_open(t->dir);
	memset(l, 0, sizeof *l);
	assert_int_equal(store_check(t->st, lines_collect, l, &n), STORE_OK);
	assert_int_equal(n, l->n);
	for (i = 0; i < l->n; i++)
		fprintf(stderr, "    %s\n", l->text[i]);
}

static void
test_stats_and_pending(void **state)
{
	struct ts	*t = *state;
	struct raw	 r;
	struct lines	 l;
	char		 k1[256], k2[256];
	MDB_val		 v;

	check_setup_data(t->st);
	store_close(t->st);
	raw_open(&r, t->dir);
	/* M001 gets M002's aggregate; M002 loses its own */
	v = raw_get(&r, "member_stats", raw_key(k1, "M002", NULL, NULL));
	raw_put(&r, "member_stats", raw_key(k2, "M001", NULL, NULL), v);
	raw_del(&r, "member_stats", raw_key(k1, "M002", NULL, NULL));
	/* a pending entry lost, another invented */
	raw_del(&r, "pending", raw_key(k1, "2026-02-20", "E006", "M001"));
	v.mv_data = (void *)"";
	v.mv_size = 0;
	raw_put(&r, "pending", raw_key(k1, "2026-01-18", "E005", "M002"), v);
	/* stats of a member that does not exist */
	v = raw_get(&r, "member_stats", raw_key(k1, "M001", NULL, NULL));
	raw_put(&r, "member_stats", raw_key(k2, "M404", NULL, NULL), v);
	raw_close(&r);
	check_run(t, &l);
	assert_true(lines_have(&l, "member_stats M001: total 1, expected 4"));
	assert_true(lines_have(&l,
	    "member_stats M001: past_count 0, expected 3"));
	assert_true(lines_have(&l, "member_stats M002: missing"));
	assert_true(lines_have(&l, "member_stats M404: no such member"));
	assert_true(lines_have(&l,
	    "pending: missing 2026-02-20\\0E006\\0M001"));
	assert_true(lines_have(&l,
	    "pending: unexpected 2026-01-18\\0E005\\0M002"));
}

static void
test_history_and_indexes(void **state)
{
	struct ts	*t = *state;
	struct raw	 r;
	struct lines	 l;
	char		 k1[256];
	unsigned char	 val[2] = { STORE_FINAL_ABSENT, STORE_RESP_NONE };
	MDB_val		 v;
	MDB_cursor	*c;
	MDB_val		 ck, cv;
	int		 deleted = 0;

	check_setup_data(t->st);
	store_close(t->st);
	raw_open(&r, t->dir);
	/* the history says absent where the record says attended */
	v.mv_data = val;
	v.mv_size = 2;
	raw_put(&r, "by_member", raw_key(k1, "M002", "2026-01-18", "E005"), v);
	/* a history entry with no record */
	raw_put(&r, "by_member", raw_key(k1, "M002", "2026-02-20", "E006"), v);
	/* a name index entry lost */
	raw_del(&r, "name_index", raw_key(k1, "はなこ", "M002", NULL));
	/* the first entries of by_total and by_kana lost */
	assert_int_equal(mdb_cursor_open(r.txn, raw_dbi(&r, "by_total"), &c),
	    0);
	assert_int_equal(mdb_cursor_get(c, &ck, &cv, MDB_FIRST), 0);
	assert_int_equal(mdb_cursor_del(c, 0), 0);
	deleted++;
	mdb_cursor_close(c);
	raw_del(&r, "by_kana", raw_key(k1, "さとうはなこ", "M002", NULL));
	/* a record whose member is gone */
	v.mv_data = (void *)"\001";
	v.mv_size = 1;
	raw_put(&r, "attendance", raw_key(k1, "E006", "M999", NULL), v);
	raw_close(&r);
	check_run(t, &l);
	assert_true(lines_have(&l, "by_member M002\\02026-01-18\\0E005: "
	    "final absent, response none, expected final attended"));
	assert_true(lines_have(&l,
	    "by_member: unexpected M002\\02026-02-20\\0E006"));
	assert_true(lines_have(&l, "name_index: missing はなこ\\0M002"));
	assert_true(lines_have(&l, "by_total: missing 4\\0M001"));
	assert_true(lines_have(&l, "by_kana: missing さとうはなこ\\0M002"));
	assert_true(lines_have(&l, "attendance E006\\0M999: no such member"));
	assert_true(deleted == 1);
}

/* Issue 8 items 2, 4, 5: values the store refuses today but an older
 * sanka stored -- an ID with an invisible character, a name over its
 * limit, an event split by a name differing in width -- are listed. */
static void
test_values(void **state)
{
	struct ts		*t = *state;
	struct raw		 r;
	struct lines		 l;
	struct store_member	 m;
	struct store_event	 e;
	struct buf		 b;
	char			 k1[256], name[2001];
	MDB_val			 v;

	check_setup_data(t->st);
	store_close(t->st);
	raw_open(&r, t->dir);
	/* M002 again under an ID with a zero-width space */
	v = raw_get(&r, "members", raw_key(k1, "M002", NULL, NULL));
	raw_put(&r, "members", raw_key(k1, "M\xE2\x80\x8B" "002", NULL, NULL),
	    v);
	/* a 2,000-byte name */
	buf_init(&b);
	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "M003");
	memset(name, 'a', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	m.name = name;
	m.version = 1;
	codec_member_enc(&b, &m);
	v.mv_data = b.p;
	v.mv_size = b.len;
	raw_put(&r, "members", raw_key(k1, "M003", NULL, NULL), v);
	/* E005 イベント5 again, in half-width kana */
	memset(&e, 0, sizeof e);
	snprintf(e.code, sizeof e.code, "E007");
	snprintf(e.date, sizeof e.date, "2026-01-18");
	e.name = (char *)"ｲﾍﾞﾝﾄ5";
	e.version = 1;
	b.len = 0;
	codec_event_enc(&b, &e);
	v.mv_data = b.p;
	v.mv_size = b.len;
	raw_put(&r, "events", raw_key(k1, "E007", NULL, NULL), v);
	raw_close(&r);
	buf_free(&b);
	check_run(t, &l);
	assert_true(lines_have(&l, "members M\\u200B002: the key contains an "
	    "invisible or control character U+200B at character 2; merge or "
	    "delete it as M\\u200B002"));
	assert_true(lines_have(&l, "members M003: name is 2000 bytes, over "
	    "its limit of 1024"));
	assert_true(lines_have(&l, "events E005, E007: the same name on "
	    "2026-01-18 after folding (width, case, spaces): merge them with "
	    "`sanka merge event KEEP DROP`"));
}

static void
test_clean_after_repairs(void **state)
{
	struct ts	*t = *state;
	size_t		 n = 1;

	/* an empty database and a busy one are both clean */
	assert_int_equal(store_check(t->st, NULL, NULL, &n), STORE_OK);
	assert_int_equal(n, 0);
	check_setup_data(t->st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_stats_and_pending,
		    ts_setup, ts_teardown),
		cmocka_unit_test_setup_teardown(test_history_and_indexes,
		    ts_setup, ts_teardown),
		cmocka_unit_test_setup_teardown(test_values, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_clean_after_repairs,
		    ts_setup, ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
