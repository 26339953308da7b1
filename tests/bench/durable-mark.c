/* durable-mark -- what one attendance mark costs: store_mark (its own
 * committed, fsynced transaction) next to a plain LMDB program and SQLite
 * (WAL, synchronous=FULL) doing the same read-modify-write of the record
 * and the member's aggregate, then a whole batch in one transaction
 * (store_attendance_apply against the same two peers).  The systems run in
 * turn, block by block, and the store/peer ratios are paired per block. */
#include <sys/stat.h>

#include <lmdb.h>
#include <sqlite3.h>

#include "store/store.h"
#include "tests/bench/bench.h"

enum { DM_STORE, DM_PLAIN, DM_SQLITE, DM_NSYS };
static const char *dm_names[DM_NSYS] = { "store", "plain LMDB", "SQLite" };

struct dm_opts {
	uint64_t	 members, events, records;
	uint64_t	 marks;		/* durable marks per system */
	uint64_t	 rounds;	/* blocks the marks are split into */
	uint64_t	 batch;		/* changes in the one-txn batch */
	uint64_t	 batch_rounds;
	uint64_t	 seed;
	const char	*dir;
};

/* The generated data set: record i is (event ev[i], member mem[i]). */
struct dm_data {
	const struct dm_opts *o;
	uint32_t	*ev, *mem;
	char		(*evdate)[11];
	unsigned char	*state[DM_NSYS];	/* 1 attended, 0 absent */
};

/* The plain LMDB peer: the same shape as sanka's records, no indexes. */
struct dm_plain_rec {
	uint8_t		 final, response, walk_in, pad;
	uint32_t	 version;
	int64_t		 updated_at;
	char		 invited_on[10];
	char		 updated_by[14];
};
struct dm_plain_agg {			/* 24 bytes */
	uint32_t	 count;
	char		 last_date[10];
	char		 last_event[10];
};

struct dm_plain {
	MDB_env		*env;
	MDB_dbi		 att, agg, members, events;
};

struct dm_sqlite {
	sqlite3		*db;
	sqlite3_stmt	*begin, *sel, *upd_att, *upd_agg, *commit;
};

struct dm_sys {
	struct store	*st;
	struct dm_plain	 pl;
	struct dm_sqlite sq;
};

static void
dm_die(const char *what, const char *why)
{
	fprintf(stderr, "durable-mark: %s: %s\n", what, why);
	exit(1);
}

static void *
dm_calloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n ? n : 1, size)) == NULL)
		dm_die("calloc", strerror(errno));
	return (p);
}

static void
dm_codes(const struct dm_data *d, uint64_t i, char ev[24], char mem[24])
{
	bench_event_code(d->ev[i], ev);
	bench_member_id(d->mem[i], mem);
}

/* --- the data set ------------------------------------------------------ */

static void
dm_data_make(struct dm_data *d, const struct dm_opts *o)
{
	struct bench_rng	 r;
	uint64_t		 e, i, k, per, stride, off, g, a, b;
	int			 s;

	d->o = o;
	d->ev = dm_calloc(o->records, sizeof *d->ev);
	d->mem = dm_calloc(o->records, sizeof *d->mem);
	d->evdate = dm_calloc(o->events, sizeof *d->evdate);
	for (s = 0; s < DM_NSYS; s++)
		d->state[s] = dm_calloc(o->records, 1);
	bench_rng_seed(&r, o->seed, 7);
	for (e = 0; e < o->events; e++)
		bench_date(bench_event_day(e, o->events, o->seed),
		    d->evdate[e]);
	/* Records spread evenly over the events, unique (event, member)
	 * through an affine permutation of the members per event. */
	i = 0;
	for (e = 0; e < o->events; e++) {
		per = o->records / o->events + (e < o->records % o->events);
		do {
			stride = 1 + bench_rng_below(&r, o->members);
			for (a = stride, b = o->members; b != 0; g = a % b,
			    a = b, b = g)
				;
		} while (a != 1);
		off = bench_rng_below(&r, o->members);
		for (k = 0; k < per; k++, i++) {
			d->ev[i] = (uint32_t)e;
			d->mem[i] = (uint32_t)((stride * k + off) % o->members);
			d->state[0][i] = bench_rng_below(&r, 10) < 7;
		}
	}
	for (s = 1; s < DM_NSYS; s++)
		memcpy(d->state[s], d->state[0], o->records);
}

/* --- the store, prepared through store_import ------------------------- */

struct dm_src {
	const struct dm_data *d;
	uint64_t	 ev, mem, rec;
	char		 code[24], id[24], name[64], kana[64];
	struct store_change ch;
};

static int
dm_src_event(void *arg, struct store_event *out, uint32_t *fields)
{
	struct dm_src	*s = arg;

	if (s->ev == s->d->o->events)
		return (0);
	memset(out, 0, sizeof *out);
	bench_event_code(s->ev, out->code);
	snprintf(s->name, sizeof s->name, "第%llu回 定例会",
	    (unsigned long long)s->ev + 1);
	out->name = s->name;
	memcpy(out->date, s->d->evdate[s->ev], sizeof out->date);
	*fields = STORE_EF_NAME | STORE_EF_DATE;
	s->ev++;
	return (1);
}

static int
dm_src_member(void *arg, struct store_member *out, uint32_t *fields)
{
	static const char *sur[] = { "山田", "佐藤", "鈴木", "高橋" };
	static const char *surk[] = { "ヤマダ", "サトウ", "スズキ", "タカハシ" };
	struct dm_src	*s = arg;

	if (s->mem == s->d->o->members)
		return (0);
	memset(out, 0, sizeof *out);
	bench_member_id(s->mem, out->id);
	snprintf(s->name, sizeof s->name, "%s %llu", sur[s->mem % 4],
	    (unsigned long long)s->mem);
	snprintf(s->kana, sizeof s->kana, "%s %llu", surk[s->mem % 4],
	    (unsigned long long)s->mem);
	out->name = s->name;
	out->kana = s->kana;
	*fields = STORE_MF_NAME | STORE_MF_KANA;
	s->mem++;
	return (1);
}

static int
dm_src_record(void *arg, struct store_change *out)
{
	struct dm_src	*s = arg;

	if (s->rec == s->d->o->records)
		return (0);
	dm_codes(s->d, s->rec, s->code, s->id);
	store_change_init(out, s->code, s->id);
	out->response = STORE_RESP_ACCEPTED;
	out->final = s->d->state[DM_STORE][s->rec] ? STORE_FINAL_ATTENDED :
	    STORE_FINAL_ABSENT;
	s->rec++;
	return (1);
}

static void
dm_store_open(struct dm_sys *sys, const struct dm_data *d, const char *dir)
{
	struct store_import_source	 src;
	struct store_import_result	 res;
	struct dm_src			 s;
	int				 rc;

	rc = store_open(dir, 0, &sys->st);
	if (rc != STORE_OK)
		dm_die(dir, store_last_error(sys->st)->msg);
	memset(&s, 0, sizeof s);
	s.d = d;
	memset(&src, 0, sizeof src);
	src.arg = &s;
	src.next_event = dm_src_event;
	src.next_member = dm_src_member;
	src.next_record = dm_src_record;
	src.what = "durable-mark";
	if ((rc = store_import(sys->st, &src, false, &res)) != STORE_OK)
		dm_die("store_import", store_last_error(sys->st)->msg);
}

static void
dm_store_mark(struct dm_sys *sys, struct dm_data *d, uint64_t i)
{
	char	ev[24], mem[24];
	int	rc, to = !d->state[DM_STORE][i];

	dm_codes(d, i, ev, mem);
	rc = store_mark(sys->st, ev, mem, to ? STORE_FINAL_ATTENDED :
	    STORE_FINAL_ABSENT, 0);
	if (rc != STORE_OK)
		dm_die("store_mark", store_last_error(sys->st)->msg);
	d->state[DM_STORE][i] = (unsigned char)to;
}

static void
dm_store_batch(struct dm_sys *sys, struct dm_data *d, const uint64_t *perm,
    uint64_t n)
{
	struct store_change	*ch = dm_calloc(n, sizeof *ch);
	char			(*codes)[2][24] = dm_calloc(n, sizeof *codes);
	uint64_t		 j, i;
	int			 rc;

	for (j = 0; j < n; j++) {
		i = perm[j];
		dm_codes(d, i, codes[j][0], codes[j][1]);
		store_change_init(&ch[j], codes[j][0], codes[j][1]);
		ch[j].final = d->state[DM_STORE][i] ? STORE_FINAL_ABSENT :
		    STORE_FINAL_ATTENDED;
		ch[j].only_existing = true;
	}
	if ((rc = store_attendance_apply(sys->st, ch, n, NULL)) != STORE_OK)
		dm_die("store_attendance_apply",
		    store_last_error(sys->st)->msg);
	for (j = 0; j < n; j++)
		d->state[DM_STORE][perm[j]] ^= 1;
	free(ch);
	free(codes);
}

/* --- plain LMDB -------------------------------------------------------- */

static void
dm_lmdb_check(int rc, const char *what)
{
	if (rc != 0)
		dm_die(what, mdb_strerror(rc));
}

static void
dm_plain_key(const struct dm_data *d, uint64_t i, char buf[48], MDB_val *k)
{
	char	ev[24], mem[24];
	size_t	n;

	dm_codes(d, i, ev, mem);
	n = strlen(ev);
	memcpy(buf, ev, n + 1);
	memcpy(buf + n + 1, mem, strlen(mem));
	k->mv_data = buf;
	k->mv_size = n + 1 + strlen(mem);
}

static void
dm_plain_open(struct dm_sys *sys, const struct dm_data *d, const char *dir)
{
	struct dm_plain		*p = &sys->pl;
	struct dm_plain_rec	 rec;
	struct dm_plain_agg	*aggs;
	MDB_txn			*txn;
	MDB_val			 k, v;
	char			 kb[48], id[24], val[160];
	uint64_t		 i;
	size_t			 vn;

	if (mkdir(dir, 0770) == -1)
		dm_die(dir, strerror(errno));
	dm_lmdb_check(mdb_env_create(&p->env), "mdb_env_create");
	dm_lmdb_check(mdb_env_set_mapsize(p->env, (size_t)4 << 30),
	    "mapsize");
	dm_lmdb_check(mdb_env_set_maxdbs(p->env, 8), "maxdbs");
	/* What the store opens with: durable commits, no readahead. */
	dm_lmdb_check(mdb_env_open(p->env, dir, MDB_NORDAHEAD, 0660), dir);
	dm_lmdb_check(mdb_txn_begin(p->env, NULL, 0, &txn), "begin");
	dm_lmdb_check(mdb_dbi_open(txn, "attendance", MDB_CREATE, &p->att),
	    "dbi");
	dm_lmdb_check(mdb_dbi_open(txn, "agg", MDB_CREATE, &p->agg), "dbi");
	dm_lmdb_check(mdb_dbi_open(txn, "members", MDB_CREATE, &p->members),
	    "dbi");
	dm_lmdb_check(mdb_dbi_open(txn, "events", MDB_CREATE, &p->events),
	    "dbi");
	aggs = dm_calloc(d->o->members, sizeof *aggs);
	for (i = 0; i < d->o->records; i++) {
		memset(&rec, 0, sizeof rec);
		rec.final = d->state[DM_PLAIN][i];
		rec.response = 1;
		rec.version = 1;
		memcpy(rec.invited_on, d->evdate[d->ev[i]], 10);
		dm_plain_key(d, i, kb, &k);
		v.mv_data = &rec;
		v.mv_size = sizeof rec;
		dm_lmdb_check(mdb_put(txn, p->att, &k, &v, 0), "put");
		if (rec.final) {
			aggs[d->mem[i]].count++;
			if (memcmp(d->evdate[d->ev[i]],
			    aggs[d->mem[i]].last_date, 10) > 0) {
				memcpy(aggs[d->mem[i]].last_date,
				    d->evdate[d->ev[i]], 10);
				bench_event_code(d->ev[i], id);
				memcpy(aggs[d->mem[i]].last_event, id, 5);
			}
		}
	}
	for (i = 0; i < d->o->members; i++) {
		bench_member_id(i, id);
		k.mv_data = id;
		k.mv_size = strlen(id);
		v.mv_data = &aggs[i];
		v.mv_size = sizeof aggs[i];
		dm_lmdb_check(mdb_put(txn, p->agg, &k, &v, MDB_APPEND), "put");
		/* A member row of sanka's size. */
		vn = (size_t)snprintf(val, sizeof val, "山田 %llu,ヤマダ %llu,"
		    "user%llu@example.jp,090-0000-0000,100-0001,"
		    "東京都千代田区本町1-2-3,株式会社さくら商事,正会員",
		    (unsigned long long)i, (unsigned long long)i,
		    (unsigned long long)i);
		v.mv_data = val;
		v.mv_size = vn;
		dm_lmdb_check(mdb_put(txn, p->members, &k, &v, MDB_APPEND),
		    "put");
	}
	for (i = 0; i < d->o->events; i++) {
		bench_event_code(i, id);
		k.mv_data = id;
		k.mv_size = strlen(id);
		v.mv_data = d->evdate[i];
		v.mv_size = 10;
		dm_lmdb_check(mdb_put(txn, p->events, &k, &v, MDB_APPEND),
		    "put");
	}
	dm_lmdb_check(mdb_txn_commit(txn), "commit");
	free(aggs);
}

/* In TXN: flip record I and adjust its member's aggregate. */
static void
dm_plain_flip(struct dm_plain *p, MDB_txn *txn, struct dm_data *d,
    uint64_t i)
{
	struct dm_plain_rec	 rec;
	struct dm_plain_agg	 agg;
	MDB_val			 k, v, ak, av;
	char			 kb[48], id[24], ev[24];
	const char		*date = d->evdate[d->ev[i]];

	dm_plain_key(d, i, kb, &k);
	dm_lmdb_check(mdb_get(txn, p->att, &k, &v), "get record");
	memcpy(&rec, v.mv_data, sizeof rec);
	rec.final = !rec.final;
	rec.version++;
	rec.updated_at = (int64_t)time(NULL);
	v.mv_data = &rec;
	v.mv_size = sizeof rec;
	dm_lmdb_check(mdb_put(txn, p->att, &k, &v, 0), "put record");

	bench_member_id(d->mem[i], id);
	ak.mv_data = id;
	ak.mv_size = strlen(id);
	dm_lmdb_check(mdb_get(txn, p->agg, &ak, &av), "get agg");
	memcpy(&agg, av.mv_data, sizeof agg);
	if (rec.final) {
		agg.count++;
		if (memcmp(date, agg.last_date, 10) > 0) {
			memcpy(agg.last_date, date, 10);
			bench_event_code(d->ev[i], ev);
			memcpy(agg.last_event, ev, 5);
		}
	} else
		agg.count--;
	av.mv_data = &agg;
	av.mv_size = sizeof agg;
	dm_lmdb_check(mdb_put(txn, p->agg, &ak, &av, 0), "put agg");
	d->state[DM_PLAIN][i] = rec.final;
}

static void
dm_plain_mark(struct dm_sys *sys, struct dm_data *d, uint64_t i)
{
	MDB_txn	*txn;

	dm_lmdb_check(mdb_txn_begin(sys->pl.env, NULL, 0, &txn), "begin");
	dm_plain_flip(&sys->pl, txn, d, i);
	dm_lmdb_check(mdb_txn_commit(txn), "commit");
}

static void
dm_plain_batch(struct dm_sys *sys, struct dm_data *d, const uint64_t *perm,
    uint64_t n)
{
	MDB_txn		*txn;
	uint64_t	 j;

	dm_lmdb_check(mdb_txn_begin(sys->pl.env, NULL, 0, &txn), "begin");
	for (j = 0; j < n; j++)
		dm_plain_flip(&sys->pl, txn, d, perm[j]);
	dm_lmdb_check(mdb_txn_commit(txn), "commit");
}

/* --- SQLite ------------------------------------------------------------ */

static void
dm_sq_check(struct dm_sqlite *q, int rc, int want, const char *what)
{
	if (rc != want)
		dm_die(what, sqlite3_errmsg(q->db));
}

static void
dm_sq_exec(struct dm_sqlite *q, const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(q->db, sql, NULL, NULL, &err) != SQLITE_OK)
		dm_die(sql, err);
}

static sqlite3_stmt *
dm_sq_prepare(struct dm_sqlite *q, const char *sql)
{
	sqlite3_stmt	*st;

	dm_sq_check(q, sqlite3_prepare_v2(q->db, sql, -1, &st, NULL),
	    SQLITE_OK, sql);
	return (st);
}

static void
dm_sq_step(struct dm_sqlite *q, sqlite3_stmt *st, int want)
{
	dm_sq_check(q, sqlite3_step(st), want, sqlite3_sql(st));
	sqlite3_reset(st);
}

static void
dm_sqlite_open(struct dm_sys *sys, const struct dm_data *d, const char *path)
{
	struct dm_sqlite	*q = &sys->sq;
	sqlite3_stmt		*ins_att, *ins_agg, *ins_mem;
	char			 ev[24], mem[24];
	uint32_t		*count;
	char			(*last)[2][11];
	uint64_t		 i;

	if (sqlite3_open(path, &q->db) != SQLITE_OK)
		dm_die(path, sqlite3_errmsg(q->db));
	dm_sq_exec(q, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
	    "CREATE TABLE members(member_id TEXT PRIMARY KEY, name TEXT,"
	    " kana TEXT, email TEXT, organization TEXT, segment TEXT);"
	    "CREATE TABLE member_agg(member_id TEXT PRIMARY KEY,"
	    " count INTEGER, last_date TEXT, last_event TEXT);"
	    "CREATE TABLE attendance(event_code TEXT, member_id TEXT,"
	    " response TEXT, status TEXT, invited_on TEXT, version INTEGER,"
	    " updated_at INTEGER, PRIMARY KEY(event_code, member_id));"
	    "BEGIN");
	ins_att = dm_sq_prepare(q, "INSERT INTO attendance VALUES"
	    "(?, ?, 'accepted', ?, ?, 1, 0)");
	ins_agg = dm_sq_prepare(q, "INSERT INTO member_agg VALUES(?, ?, ?, ?)");
	ins_mem = dm_sq_prepare(q, "INSERT INTO members VALUES(?, '山田 ' || ?,"
	    " 'ヤマダ ' || ?, 'user' || ? || '@example.jp', '株式会社さくら商事',"
	    " '正会員')");
	count = dm_calloc(d->o->members, sizeof *count);
	last = dm_calloc(d->o->members, sizeof *last);
	for (i = 0; i < d->o->records; i++) {
		dm_codes(d, i, ev, mem);
		sqlite3_bind_text(ins_att, 1, ev, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins_att, 2, mem, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins_att, 3, d->state[DM_SQLITE][i] ?
		    "attended" : "absent", -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_att, 4, d->evdate[d->ev[i]], 10,
		    SQLITE_STATIC);
		dm_sq_step(q, ins_att, SQLITE_DONE);
		if (d->state[DM_SQLITE][i]) {
			count[d->mem[i]]++;
			if (strcmp(d->evdate[d->ev[i]], last[d->mem[i]][0]) > 0) {
				memcpy(last[d->mem[i]][0], d->evdate[d->ev[i]],
				    11);
				memcpy(last[d->mem[i]][1], ev, 6);
			}
		}
	}
	for (i = 0; i < d->o->members; i++) {
		bench_member_id(i, mem);
		sqlite3_bind_text(ins_agg, 1, mem, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(ins_agg, 2, (int)count[i]);
		sqlite3_bind_text(ins_agg, 3, last[i][0], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins_agg, 4, last[i][1], -1, SQLITE_TRANSIENT);
		dm_sq_step(q, ins_agg, SQLITE_DONE);
		sqlite3_bind_text(ins_mem, 1, mem, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ins_mem, 2, (sqlite3_int64)i);
		sqlite3_bind_int64(ins_mem, 3, (sqlite3_int64)i);
		sqlite3_bind_int64(ins_mem, 4, (sqlite3_int64)i);
		dm_sq_step(q, ins_mem, SQLITE_DONE);
	}
	dm_sq_exec(q, "COMMIT");
	sqlite3_finalize(ins_att);
	sqlite3_finalize(ins_agg);
	sqlite3_finalize(ins_mem);
	free(count);
	free(last);
	q->begin = dm_sq_prepare(q, "BEGIN IMMEDIATE");
	q->sel = dm_sq_prepare(q, "SELECT status FROM attendance"
	    " WHERE event_code = ?1 AND member_id = ?2");
	q->upd_att = dm_sq_prepare(q, "UPDATE attendance SET status = ?3,"
	    " version = version + 1, updated_at = ?4"
	    " WHERE event_code = ?1 AND member_id = ?2");
	q->upd_agg = dm_sq_prepare(q, "UPDATE member_agg SET"
	    " count = count + ?2,"
	    " last_event = CASE WHEN ?2 > 0 AND ?3 > last_date THEN ?4"
	    "  ELSE last_event END,"
	    " last_date = CASE WHEN ?2 > 0 AND ?3 > last_date THEN ?3"
	    "  ELSE last_date END"
	    " WHERE member_id = ?1");
	q->commit = dm_sq_prepare(q, "COMMIT");
}

/* Inside an open transaction: flip record I and its member's aggregate. */
static void
dm_sqlite_flip(struct dm_sqlite *q, struct dm_data *d, uint64_t i)
{
	char	ev[24], mem[24];
	int	to;

	dm_codes(d, i, ev, mem);
	sqlite3_bind_text(q->sel, 1, ev, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q->sel, 2, mem, -1, SQLITE_TRANSIENT);
	dm_sq_check(q, sqlite3_step(q->sel), SQLITE_ROW, "select");
	to = strcmp((const char *)sqlite3_column_text(q->sel, 0),
	    "attended") != 0;
	sqlite3_reset(q->sel);
	sqlite3_bind_text(q->upd_att, 1, ev, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q->upd_att, 2, mem, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q->upd_att, 3, to ? "attended" : "absent", -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(q->upd_att, 4, (sqlite3_int64)time(NULL));
	dm_sq_step(q, q->upd_att, SQLITE_DONE);
	sqlite3_bind_text(q->upd_agg, 1, mem, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(q->upd_agg, 2, to ? 1 : -1);
	sqlite3_bind_text(q->upd_agg, 3, d->evdate[d->ev[i]], 10,
	    SQLITE_STATIC);
	sqlite3_bind_text(q->upd_agg, 4, ev, -1, SQLITE_TRANSIENT);
	dm_sq_step(q, q->upd_agg, SQLITE_DONE);
	d->state[DM_SQLITE][i] = (unsigned char)to;
}

static void
dm_sqlite_mark(struct dm_sys *sys, struct dm_data *d, uint64_t i)
{
	dm_sq_step(&sys->sq, sys->sq.begin, SQLITE_DONE);
	dm_sqlite_flip(&sys->sq, d, i);
	dm_sq_step(&sys->sq, sys->sq.commit, SQLITE_DONE);
}

static void
dm_sqlite_batch(struct dm_sys *sys, struct dm_data *d, const uint64_t *perm,
    uint64_t n)
{
	uint64_t	j;

	dm_sq_step(&sys->sq, sys->sq.begin, SQLITE_DONE);
	for (j = 0; j < n; j++)
		dm_sqlite_flip(&sys->sq, d, perm[j]);
	dm_sq_step(&sys->sq, sys->sq.commit, SQLITE_DONE);
}

/* --- verifying: every system holds the states the run gave it ------- */

static void
dm_verify(struct dm_sys *sys, const struct dm_data *d, uint64_t stride)
{
	struct store_attendance	 a;
	MDB_txn			*txn;
	MDB_val			 k, v;
	char			 ev[24], mem[24], kb[48];
	uint64_t		 i, bad[DM_NSYS] = { 0 };
	int			 s;

	dm_lmdb_check(mdb_txn_begin(sys->pl.env, NULL, MDB_RDONLY, &txn),
	    "begin");
	for (i = 0; i < d->o->records; i += stride) {
		dm_codes(d, i, ev, mem);
		if (store_attendance_get(sys->st, ev, mem, &a) != STORE_OK)
			dm_die("store_attendance_get",
			    store_last_error(sys->st)->msg);
		bad[DM_STORE] += (a.final == STORE_FINAL_ATTENDED) !=
		    d->state[DM_STORE][i];
		store_attendance_free(&a);
		dm_plain_key(d, i, kb, &k);
		dm_lmdb_check(mdb_get(txn, sys->pl.att, &k, &v), "get");
		bad[DM_PLAIN] += ((const struct dm_plain_rec *)v.mv_data)->
		    final != d->state[DM_PLAIN][i];
		sqlite3_bind_text(sys->sq.sel, 1, ev, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(sys->sq.sel, 2, mem, -1, SQLITE_TRANSIENT);
		dm_sq_check(&sys->sq, sqlite3_step(sys->sq.sel), SQLITE_ROW,
		    "select");
		bad[DM_SQLITE] += (strcmp((const char *)sqlite3_column_text(
		    sys->sq.sel, 0), "attended") == 0) !=
		    d->state[DM_SQLITE][i];
		sqlite3_reset(sys->sq.sel);
	}
	mdb_txn_abort(txn);
	for (s = 0; s < DM_NSYS; s++)
		if (bad[s] != 0) {
			fprintf(stderr, "durable-mark: %s: %llu records do not"
			    " hold the status the run set\n", dm_names[s],
			    (unsigned long long)bad[s]);
			exit(1);
		}
}

/* --- measuring --------------------------------------------------------- */

static void (*const dm_mark[DM_NSYS])(struct dm_sys *, struct dm_data *,
    uint64_t) = { dm_store_mark, dm_plain_mark, dm_sqlite_mark };
static void (*const dm_batch[DM_NSYS])(struct dm_sys *, struct dm_data *,
    const uint64_t *, uint64_t) = { dm_store_batch, dm_plain_batch,
    dm_sqlite_batch };

static int
dm_cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return ((x > y) - (x < y));
}

/* The Q-quantile of N sorted values (nearest rank). */
static double
dm_quantile(const double *v, size_t n, double q)
{
	size_t	k = (size_t)(q * (double)n + 0.999999);

	if (k == 0)
		k = 1;
	return (v[(k > n ? n : k) - 1]);
}

static double
dm_median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, dm_cmp_double);
	return (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

static void
dm_usage(void)
{
	fprintf(stderr, "usage: durable-mark [-m MEMBERS] [-e EVENTS]"
	    " [-a RECORDS] [-n MARKS] [-r ROUNDS]\n"
	    "                    [-b BATCH] [-R BATCH_ROUNDS] [-s SEED] DIR\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct dm_opts	 o = { 10000, 50, 100000, 2000, 10, 100000, 3, 42,
			    NULL };
	struct dm_data	 d;
	struct dm_sys	 sys;
	struct bench_rng r;
	char		 path[4096];
	double		*lat[DM_NSYS], *rmean[DM_NSYS], ratio[2][64];
	double		 bt[DM_NSYS][64], sorted[DM_NSYS][3];
	double		 sum[DM_NSYS];
	uint64_t	*picks, *perm, blk, b, j, t0, x, tmp;
	int		 c, s, k, order;

	while ((c = getopt(argc, argv, "m:e:a:n:r:b:R:s:")) != -1) {
		switch (c) {
		case 'm': o.members = bench_arg(optarg, "-m"); break;
		case 'e': o.events = bench_arg(optarg, "-e"); break;
		case 'a': o.records = bench_arg(optarg, "-a"); break;
		case 'n': o.marks = bench_arg(optarg, "-n"); break;
		case 'r': o.rounds = bench_arg(optarg, "-r"); break;
		case 'b': o.batch = bench_arg(optarg, "-b"); break;
		case 'R': o.batch_rounds = bench_arg(optarg, "-R"); break;
		case 's': o.seed = bench_arg(optarg, "-s"); break;
		default: dm_usage();
		}
	}
	if (optind + 1 != argc)
		dm_usage();
	o.dir = argv[optind];
	if (o.members == 0 || o.events == 0 || o.records < o.events ||
	    o.records / o.events > o.members || o.rounds == 0 ||
	    o.rounds > 64 || o.marks < o.rounds || o.batch_rounds == 0 ||
	    o.batch_rounds > 64 || o.batch > o.records) {
		fprintf(stderr, "durable-mark: need RECORDS/EVENTS <= MEMBERS,"
		    " 1 <= ROUNDS <= 64 and <= MARKS, BATCH <= RECORDS\n");
		return (2);
	}
	if (mkdir(o.dir, 0770) == -1)
		dm_die(o.dir, strerror(errno));

	fprintf(stderr, "durable-mark: preparing %llu members, %llu events, "
	    "%llu records in %s\n", (unsigned long long)o.members,
	    (unsigned long long)o.events, (unsigned long long)o.records,
	    o.dir);
	dm_data_make(&d, &o);
	memset(&sys, 0, sizeof sys);
	snprintf(path, sizeof path, "%s/store", o.dir);
	t0 = bench_now_ns();
	dm_store_open(&sys, &d, path);
	fprintf(stderr, "durable-mark: store_import %.2f s\n",
	    (double)(bench_now_ns() - t0) / 1e9);
	snprintf(path, sizeof path, "%s/plain", o.dir);
	dm_plain_open(&sys, &d, path);
	snprintf(path, sizeof path, "%s/sqlite.db", o.dir);
	dm_sqlite_open(&sys, &d, path);

	/* The same pseudo-random records for every system, in the same
	 * order; a few warm-up marks first (not counted). */
	bench_rng_seed(&r, o.seed, 8);
	picks = dm_calloc(o.marks, sizeof *picks);
	for (j = 0; j < o.marks; j++)
		picks[j] = bench_rng_below(&r, o.records);
	for (s = 0; s < DM_NSYS; s++) {
		for (j = 0; j < 20; j++)
			dm_mark[s](&sys, &d, picks[j]);
		for (j = 0; j < 20; j++)
			dm_mark[s](&sys, &d, picks[j]);
		lat[s] = dm_calloc(o.marks, sizeof *lat[s]);
		rmean[s] = dm_calloc(o.rounds, sizeof *rmean[s]);
	}

	/* (a)-(c): block b of each system in turn, the order rotating. */
	blk = o.marks / o.rounds;
	for (b = 0; b < o.rounds; b++) {
		for (k = 0; k < DM_NSYS; k++) {
			order = (int)(b % 2 ? DM_NSYS - 1 - k : k);
			s = (order + (int)(b / 2)) % DM_NSYS;
			sum[s] = 0;
			for (j = b * blk; j < (b + 1) * blk; j++) {
				t0 = bench_now_ns();
				dm_mark[s](&sys, &d, picks[j]);
				lat[s][j] = (double)(bench_now_ns() - t0) / 1e3;
				sum[s] += lat[s][j];
			}
			rmean[s][b] = sum[s] / (double)blk;
		}
		ratio[0][b] = rmean[DM_STORE][b] / rmean[DM_PLAIN][b];
		ratio[1][b] = rmean[DM_STORE][b] / rmean[DM_SQLITE][b];
	}
	for (s = 0; s < DM_NSYS; s++) {
		sum[s] = 0;
		for (j = 0; j < blk * o.rounds; j++)
			sum[s] += lat[s][j];
		qsort(lat[s], blk * o.rounds, sizeof *lat[s], dm_cmp_double);
		sorted[s][0] = sum[s] / (double)(blk * o.rounds);
		sorted[s][1] = dm_quantile(lat[s], blk * o.rounds, 0.50);
		sorted[s][2] = dm_quantile(lat[s], blk * o.rounds, 0.99);
	}
	printf("durable mark: %llu members, %llu events, %llu records;"
	    " %llu marks per system in %llu interleaved blocks\n",
	    (unsigned long long)o.members, (unsigned long long)o.events,
	    (unsigned long long)o.records,
	    (unsigned long long)(blk * o.rounds),
	    (unsigned long long)o.rounds);
	/* (µ is two bytes: the header is spelled out, not padded) */
	printf("  %-34s   mean µs    p50 µs    p99 µs\n",
	    "one mark = one durable txn");
	for (s = 0; s < DM_NSYS; s++)
		printf("  %-34s %9.0f %9.0f %9.0f\n", s == DM_STORE ?
		    "store_mark" : s == DM_PLAIN ? "plain LMDB, 2 records" :
		    "SQLite WAL FULL, 2 rows", sorted[s][0], sorted[s][1],
		    sorted[s][2]);
	printf("  ratio store/plain LMDB (paired median of %llu): %.2f\n",
	    (unsigned long long)o.rounds, dm_median(ratio[0], o.rounds));
	printf("  ratio store/SQLite     (paired median of %llu): %.2f\n",
	    (unsigned long long)o.rounds, dm_median(ratio[1], o.rounds));
	printf("RESULT mark_store_us=%.0f mark_plain_us=%.0f "
	    "mark_sqlite_us=%.0f mark_store_p99_us=%.0f mark_ratio=%.2f "
	    "mark_ratio_sqlite=%.2f\n", sorted[0][0], sorted[1][0],
	    sorted[2][0], sorted[0][2], dm_median(ratio[0], o.rounds),
	    dm_median(ratio[1], o.rounds));

	/* (d): BATCH changes in one transaction, a fresh random order of
	 * distinct records per round, the systems in rotating order. */
	perm = dm_calloc(o.records, sizeof *perm);
	for (j = 0; j < o.records; j++)
		perm[j] = j;
	for (b = 0; b < o.batch_rounds && o.batch > 0; b++) {
		for (j = o.records - 1; j > 0; j--) {
			x = bench_rng_below(&r, j + 1);
			tmp = perm[j];
			perm[j] = perm[x];
			perm[x] = tmp;
		}
		for (k = 0; k < DM_NSYS; k++) {
			s = (k + (int)b) % DM_NSYS;
			t0 = bench_now_ns();
			dm_batch[s](&sys, &d, perm, o.batch);
			bt[s][b] = (double)(bench_now_ns() - t0) / 1e3 /
			    (double)o.batch;
		}
		ratio[0][b] = bt[DM_STORE][b] / bt[DM_PLAIN][b];
		ratio[1][b] = bt[DM_STORE][b] / bt[DM_SQLITE][b];
	}
	if (o.batch > 0) {
		printf("batch: %llu marks in ONE transaction, %llu rounds\n",
		    (unsigned long long)o.batch,
		    (unsigned long long)o.batch_rounds);
		printf("  %-34s   µs/mark     txn s\n", "");
		for (s = 0; s < DM_NSYS; s++) {
			sorted[s][0] = dm_median(bt[s], o.batch_rounds);
			printf("  %-34s %9.2f %9.2f\n", s == DM_STORE ?
			    "store_attendance_apply" : dm_names[s],
			    sorted[s][0], sorted[s][0] * (double)o.batch /
			    1e6);
		}
		printf("  ratio store/plain LMDB (paired median of %llu): "
		    "%.2f\n", (unsigned long long)o.batch_rounds,
		    dm_median(ratio[0], o.batch_rounds));
		printf("  ratio store/SQLite     (paired median of %llu): "
		    "%.2f\n", (unsigned long long)o.batch_rounds,
		    dm_median(ratio[1], o.batch_rounds));
		printf("RESULT batch_store_us=%.2f batch_plain_us=%.2f "
		    "batch_sqlite_us=%.2f batch_ratio=%.2f "
		    "batch_ratio_sqlite=%.2f\n", sorted[0][0], sorted[1][0],
		    sorted[2][0], dm_median(ratio[0], o.batch_rounds),
		    dm_median(ratio[1], o.batch_rounds));
	}

	dm_verify(&sys, &d, 7);
	store_close(sys.st);
	mdb_env_close(sys.pl.env);
	sqlite3_finalize(sys.sq.begin);
	sqlite3_finalize(sys.sq.sel);
	sqlite3_finalize(sys.sq.upd_att);
	sqlite3_finalize(sys.sq.upd_agg);
	sqlite3_finalize(sys.sq.commit);
	sqlite3_close(sys.sq.db);
	for (s = 0; s < DM_NSYS; s++) {
		free(lat[s]);
		free(rmean[s]);
		free(d.state[s]);
	}
	free(picks);
	free(perm);
	free(d.ev);
	free(d.mem);
	free(d.evdate);
	return (0);
}
