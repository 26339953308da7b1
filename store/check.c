/* check.c -- store_check: every entry against its checksum ("damaged DB
 * KEY"), then every aggregate and index rebuilt in memory from members,
 * events and attendance, each difference from what is stored reported as
 * one English line. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

struct ck_event {
	char	code[STORE_ID_MAX + 1];
	char	date[STORE_DATE_SIZE];
};

/* One check: the read txn, the events, and the expected index sets. */
struct ck {
	struct store	*st;
	MDB_txn		*txn;
	void		(*cb)(const char *, void *);
	void		*arg;
	size_t		 ndiff;
	struct ck_event	*ev;		/* in code order */
	size_t		 nev;
	struct kvset	 bymem, pending, name, kana, total, last;
	struct ckv	*values;	/* check-values.c */
	char		 first_bad[340];	/* "DB KEY" */
};

static void ck_report(struct ck *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static void
ck_report(struct ck *ck, const char *fmt, ...)
{
	char	line[1024];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	ck->ndiff++;
	if (ck->cb != NULL)
		ck->cb(line, ck->arg);
}

/* A line of check-values.c. */
static void
ck_line(const char *line, void *arg)
{
	ck_report(arg, "%s", line);
}

static int
ck_keycmp(const void *a, size_t alen, const void *b, size_t blen)
{
	int	c;

	c = memcmp(a, b, alen < blen ? alen : blen);
	if (c != 0)
		return (c);
	return (alen < blen ? -1 : alen > blen);
}

static void
ck_render(enum store_db db, const void *k, size_t klen, char *out,
    size_t size)
{
	idx_render(db, k, klen, out, size);
}

/* Compare the sorted expected set S with database DB. */
static int
ck_compare(struct ck *ck, enum store_db db, struct kvset *s, bool values)
{
	const char		*name = store_db_name(db);
	const unsigned char	*want;
	struct cur		c;
	MDB_val			 k, v;
	char			 text[600];
	size_t			 i = 0;
	int			 rc, op, cmp;
	bool			 more;

	if ((rc = store_cursor(ck->st, ck->txn, db, &c)) != STORE_OK)
		return (rc);
	rc = cur_get(&c, &k, &v, MDB_FIRST);
	for (;;) {
		if (rc != 0 && rc != MDB_NOTFOUND) {
			cur_close(&c);
			return (store_mdb(ck->st, rc, name));
		}
		more = rc == 0;
		if (!more && i >= s->n)
			break;
		if (!more)
			cmp = 1;
		else if (i >= s->n)
			cmp = -1;
		else
			cmp = ck_keycmp(k.mv_data, k.mv_size, s->e[i].k,
			    s->e[i].len);
		if (cmp < 0) {
			ck_render(db, k.mv_data, k.mv_size, text, sizeof text);
			ck_report(ck, "%s: unexpected %s", name, text);
			op = MDB_NEXT;
		} else if (cmp > 0) {
			ck_render(db, s->e[i].k, s->e[i].len, text,
			    sizeof text);
			ck_report(ck, "%s: missing %s", name, text);
			i++;
			continue;
		} else {
			want = s->e[i].k + s->e[i].len;
			if (values && (v.mv_size != s->e[i].tag ||
			    memcmp(v.mv_data, want, v.mv_size) != 0)) {
				const unsigned char *a = v.mv_data;

				ck_render(db, k.mv_data, k.mv_size, text,
				    sizeof text);
				ck_report(ck, "%s %s: final %s, response %s, "
				    "expected final %s, response %s", name,
				    text, v.mv_size > 0 ?
				    store_final_word(a[0]) : "?",
				    v.mv_size > 1 ? store_response_word(a[1]) :
				    "?", store_final_word(want[0]),
				    store_response_word(want[1]));
			}
			i++;
			op = MDB_NEXT;
		}
		rc = cur_get(&c, &k, &v, (MDB_cursor_op)op);
	}
	cur_close(&c);
	return (STORE_OK);
}

static int
ck_evcmp(const void *key, const void *elem)
{
	return (strcmp(key, ((const struct ck_event *)elem)->code));
}

static void
ck_stats_field(struct ck *ck, const char *id, const char *field,
    unsigned long have, unsigned long want)
{
	if (have != want)
		ck_report(ck, "member_stats %s: %s %lu, expected %lu", id,
		    field, have, want);
}

static void
ck_stats_text(struct ck *ck, const char *id, const char *field,
    const char *have, const char *want)
{
	if (strcmp(have, want) != 0)
		ck_report(ck, "member_stats %s: %s \"%s\", expected \"%s\"", id,
		    field, have, want);
}

static void
ck_stats(struct ck *ck, const char *id, const struct agg *want)
{
	MDB_val		v;
	struct agg	have;
	int		rc;

	rc = store_get(ck->st, ck->txn, DB_STATS, id, strlen(id), &v);
	if (rc == STORE_NOTFOUND) {
		ck_report(ck, "member_stats %s: missing", id);
		return;
	}
	if (rc != STORE_OK || codec_agg_dec(&v, &have) != STORE_OK) {
		ck_report(ck, "member_stats %s: unreadable", id);
		return;
	}
	ck_stats_field(ck, id, "attended", have.s.attended, want->s.attended);
	ck_stats_field(ck, id, "total", have.s.total, want->s.total);
	ck_stats_field(ck, id, "accepted", have.s.accepted, want->s.accepted);
	ck_stats_field(ck, id, "absent", have.s.absent, want->s.absent);
	ck_stats_field(ck, id, "no_show", have.s.no_show, want->s.no_show);
	ck_stats_field(ck, id, "cancelled", have.s.cancelled,
	    want->s.cancelled);
	ck_stats_text(ck, id, "last_date", have.s.last_date,
	    want->s.last_date);
	ck_stats_text(ck, id, "last_event", have.s.last_event,
	    want->s.last_event);
	ck_stats_field(ck, id, "past_count", (unsigned long)have.past_count,
	    (unsigned long)want->past_count);
	ck_stats_text(ck, id, "past_last_date", have.past_last_date,
	    want->past_last_date);
	ck_stats_text(ck, id, "latest attended date", have.ev_date,
	    want->ev_date);
	ck_stats_text(ck, id, "latest attended event", have.ev_code,
	    want->ev_code);
}

/* The member part of a by_member key, compared with ID. */
static int
ck_member_cmp(const struct sort_key *e, const char *id)
{
	const unsigned char	*z;
	size_t			 n;

	z = memchr(e->k, '\0', e->len);
	n = z == NULL ? e->len : (size_t)(z - e->k);
	return (ck_keycmp(e->k, n, id, strlen(id)));
}

/* Events, in code order, into CK->ev; a bad date is reported. */
static int
ck_events(struct ck *ck)
{
	struct store_event	 e;
	struct cur	c;
	MDB_val		 k, v;
	size_t		 cap = 0;
	int		 rc, op;

	if ((rc = store_cursor(ck->st, ck->txn, DB_EVENTS, &c)) != STORE_OK)
		return (rc);
	for (op = MDB_FIRST; (rc = cur_get(&c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		if (ck->nev == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			ck->ev = xrealloc(ck->ev, cap * sizeof *ck->ev);
		}
		codec_copy_text(ck->ev[ck->nev].code, sizeof ck->ev[0].code,
		    k.mv_data, k.mv_size);
		if (codec_event_date(&v, ck->ev[ck->nev].date) != STORE_OK ||
		    !store_date_valid(ck->ev[ck->nev].date))
			ck_report(ck, "events %s: bad date",
			    ck->ev[ck->nev].code);
		else if (codec_event_dec(&v, ck->ev[ck->nev].code, &e) ==
		    STORE_OK) {
			ckv_event(ck->values, &e);
			store_event_free(&e);
		}
		ck->nev++;
	}
	cur_close(&c);
	if (rc != MDB_NOTFOUND)
		return (store_mdb(ck->st, rc, "events"));
	return (STORE_OK);
}

/* The attendance record K/V into the expected history and pending sets;
 * a bad key, record, event or member is reported. */
static void
ck_attendance_one(struct ck *ck, const MDB_val *k, const MDB_val *v)
{
	const unsigned char	*p = k->mv_data, *z;
	struct store_attendance	 a;
	const struct ck_event	*e;
	MDB_val			 mv;
	char			 key[3 * STORE_ID_MAX + 16];
	char			 code[STORE_ID_MAX + 1], id[STORE_ID_MAX + 1];
	unsigned char		 val[2];
	size_t			 n;

	if ((z = memchr(p, '\0', k->mv_size)) == NULL) {
		idx_render(DB_ATT, k->mv_data, k->mv_size, key, sizeof key);
		ck_report(ck, "attendance %s: bad key", key);
		return;
	}
	codec_copy_text(code, sizeof code, (const char *)p, (size_t)(z - p));
	codec_copy_text(id, sizeof id, (const char *)z + 1,
	    (size_t)(p + k->mv_size - z - 1));
	if (codec_att_dec(v, &a, false) != STORE_OK) {
		ck_report(ck, "attendance %s\\0%s: unreadable", code, id);
		return;
	}
	e = bsearch(code, ck->ev, ck->nev, sizeof *ck->ev, ck_evcmp);
	if (e == NULL) {
		ck_report(ck, "attendance %s\\0%s: no such event", code, id);
		return;
	}
	if (store_get(ck->st, ck->txn, DB_MEMBERS, id, strlen(id), &mv) !=
	    STORE_OK)
		ck_report(ck, "attendance %s\\0%s: no such member", code, id);
	val[0] = (unsigned char)a.final;
	val[1] = (unsigned char)a.response;
	n = idx_bymem_key(key, id, e->date, code);
	kvset_add(&ck->bymem, key, n, val, 2);
	if (a.final == STORE_FINAL_PENDING) {
		n = idx_pending_key(key, e->date, code, id);
		kvset_add(&ck->pending, key, n, "", 0);
	}
}

/* Attendance: by_member and pending as they should be, compared. */
static int
ck_attendance(struct ck *ck)
{
	struct cur	c;
	MDB_val		 k, v;
	int		 rc, op;

	if ((rc = store_cursor(ck->st, ck->txn, DB_ATT, &c)) != STORE_OK)
		return (rc);
	for (op = MDB_FIRST; (rc = cur_get(&c, &k, &v, op)) == 0;
	    op = MDB_NEXT)
		ck_attendance_one(ck, &k, &v);
	cur_close(&c);
	if (rc != MDB_NOTFOUND)
		return (store_mdb(ck->st, rc, "attendance"));
	kvset_sort(&ck->bymem);
	kvset_sort(&ck->pending);
	if ((rc = ck_compare(ck, DB_BYMEM, &ck->bymem, true)) != STORE_OK)
		return (rc);
	return (ck_compare(ck, DB_PENDING, &ck->pending, false));
}

/* Member ID's aggregate G from its history, entries [*J, ...) of the
 * sorted by_member set. */
static void
ck_member_history(struct ck *ck, const char *id, size_t *j, struct agg *g)
{
	const struct kvset	*s = &ck->bymem;
	const unsigned char	*v;
	const char		*t;
	char			 date[STORE_DATE_SIZE], code[STORE_ID_MAX + 1];
	size_t			 n;

	while (*j < s->n && ck_member_cmp(&s->e[*j], id) < 0)
		(*j)++;
	for (; *j < s->n && ck_member_cmp(&s->e[*j], id) == 0; (*j)++) {
		t = (const char *)s->e[*j].k + strlen(id) + 1;
		snprintf(date, sizeof date, "%s", t);
		n = (size_t)(t + strlen(t) + 1 - (const char *)s->e[*j].k);
		codec_copy_text(code, sizeof code, (const char *)s->e[*j].k +
		    n, s->e[*j].len - n);
		v = s->e[*j].k + s->e[*j].len;
		agg_add(g, date, code, v[0], v[1]);
	}
}

/* Member M's expected index keys (its aggregate G) into the sets. */
static void
ck_member_keys(struct ck *ck, const struct store_member *m,
    const struct agg *g, struct buf *b, struct buf *texts)
{
	char		 key[STORE_ID_MAX + 16];
	const char	*t;
	size_t		 n;

	n = idx_kana_key(b, m);
	kvset_add(&ck->kana, b->p, n, "", 0);
	n = idx_total_key(key, g->s.total, m->id);
	kvset_add(&ck->total, key, n, "", 0);
	n = idx_last_key(key, g->s.last_date, m->id);
	kvset_add(&ck->last, key, n, "", 0);
	idx_name_texts(texts, m, NULL);
	for (t = (const char *)texts->p; t < (const char *)texts->p +
	    texts->len; t += strlen(t) + 1) {
		b->len = 0;
		buf_adds(b, t);
		buf_addc(b, '\0');
		buf_adds(b, m->id);
		kvset_add(&ck->name, b->p, b->len, "", 0);
	}
}

/* Members: each aggregate checked, every member index's keys collected. */
static int
ck_members(struct ck *ck)
{
	struct store_member	 m;
	struct agg		 g;
	struct buf		 b, texts;
	struct cur		c;
	MDB_val			 k, v;
	char			 id[STORE_ID_MAX + 1];
	size_t			 j = 0;
	int			 rc, op;

	if ((rc = store_cursor(ck->st, ck->txn, DB_MEMBERS, &c)) != STORE_OK)
		return (rc);
	buf_init(&b);
	buf_init(&texts);
	for (op = MDB_FIRST; (rc = cur_get(&c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		codec_copy_text(id, sizeof id, k.mv_data, k.mv_size);
		if (codec_member_dec(&v, id, &m) != STORE_OK) {
			ck_report(ck, "members %s: unreadable", id);
			continue;
		}
		agg_init(&g, m.past_count, m.past_last_date);
		ck_member_history(ck, id, &j, &g);
		agg_finish(&g);
		ck_stats(ck, id, &g);
		ck_member_keys(ck, &m, &g, &b, &texts);
		ckv_member(ck->values, &m);
		store_member_free(&m);
	}
	cur_close(&c);
	buf_free(&b);
	buf_free(&texts);
	if (rc != MDB_NOTFOUND)
		return (store_mdb(ck->st, rc, "members"));
	return (STORE_OK);
}

/* Aggregates of members that do not exist. */
static int
ck_orphan_stats(struct ck *ck)
{
	struct cur	c;
	MDB_val		 k, v, mv;
	char		 id[STORE_ID_MAX + 1];
	int		 rc, op;

	if ((rc = store_cursor(ck->st, ck->txn, DB_STATS, &c)) != STORE_OK)
		return (rc);
	for (op = MDB_FIRST; (rc = cur_get(&c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		if (store_get(ck->st, ck->txn, DB_MEMBERS, k.mv_data,
		    k.mv_size, &mv) == STORE_OK)
			continue;
		codec_copy_text(id, sizeof id, k.mv_data, k.mv_size);
		ck_report(ck, "member_stats %s: no such member", id);
	}
	cur_close(&c);
	if (rc != MDB_NOTFOUND)
		return (store_mdb(ck->st, rc, "member_stats"));
	return (STORE_OK);
}

/* The member indexes compared with the keys ck_members collected. */
static int
ck_member_indexes(struct ck *ck)
{
	static const enum store_db	 dbs[] = { DB_NAME, DB_BYKANA,
					    DB_BYTOTAL, DB_BYLAST };
	struct kvset			*sets[] = { &ck->name, &ck->kana,
					    &ck->total, &ck->last };
	size_t				 i;
	int				 rc;

	for (i = 0; i < 4; i++) {
		kvset_sort(sets[i]);
		if ((rc = ck_compare(ck, dbs[i], sets[i], false)) != STORE_OK)
			return (rc);
	}
	return (STORE_OK);
}

/* seal_walk's report of a damaged entry: "damaged DB KEY". */
static void
ck_damaged(enum store_db db, const MDB_val *k, void *arg)
{
	struct ck	*ck = arg;
	char		 text[300];

	seal_key_text(db, k, text, sizeof text);
	if (ck->first_bad[0] == '\0')
		snprintf(ck->first_bad, sizeof ck->first_bad, "%s %s",
		    store_db_name(db), text);
	ck_report(ck, "damaged %s %s", store_db_name(db), text);
}

/* Every entry of every database against its checksum, in TXN. */
static int
ck_seals(struct ck *ck, size_t *nbad)
{
	int	db, rc = STORE_OK;

	*nbad = 0;
	for (db = 0; rc == STORE_OK && db < DB_COUNT; db++)
		rc = seal_walk(ck->st, ck->txn, (enum store_db)db, ck_damaged,
		    ck, nbad);
	if (rc == STORE_OK && *nbad != 0)
		rc = store_err(ck->st, STORE_DAMAGED, NULL, _("%zu damaged "
		    "entries (the first: %s): the database is damaged; restore "
		    "a backup"), *nbad, ck->first_bad);
	return (rc);
}

int
store_verify(struct store *st, void (*cb)(const char *, void *), void *arg,
    size_t *nbad)
{
	struct ck	ck;
	size_t		n = 0;
	int		rc;

	store_err_clear(st);
	memset(&ck, 0, sizeof ck);
	ck.st = st;
	ck.cb = cb;
	ck.arg = arg;
	if ((rc = store_rbegin(st, &ck.txn)) == STORE_OK) {
		rc = ck_seals(&ck, &n);
		mdb_txn_abort(ck.txn);
	}
	if (nbad != NULL)
		*nbad = n;
	return (rc);
}

int
store_check(struct store *st, void (*cb)(const char *, void *), void *arg,
    size_t *ndiff)
{
	struct ck	ck;
	size_t		nbad;
	int		rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_ADMIN, STORE_ACT_VIEW)) != 0)
		return (rc);
	memset(&ck, 0, sizeof ck);
	ck.st = st;
	ck.cb = cb;
	ck.arg = arg;
	if (ndiff != NULL)
		*ndiff = 0;
	if ((rc = store_rbegin(st, &ck.txn)) != STORE_OK)
		return (rc);
	ck.values = ckv_new(ck_line, &ck);
	/* damaged entries first: the comparisons below would stop at one */
	if ((rc = ck_seals(&ck, &nbad)) == STORE_OK &&
	    (rc = ck_events(&ck)) == STORE_OK &&
	    (rc = ck_attendance(&ck)) == STORE_OK &&
	    (rc = ck_members(&ck)) == STORE_OK &&
	    (rc = ck_orphan_stats(&ck)) == STORE_OK)
		rc = ck_member_indexes(&ck);
	mdb_txn_abort(ck.txn);
	ckv_end(ck.values);
	free(ck.ev);
	kvset_free(&ck.bymem);
	kvset_free(&ck.pending);
	kvset_free(&ck.name);
	kvset_free(&ck.kana);
	kvset_free(&ck.total);
	kvset_free(&ck.last);
	if (ndiff != NULL)
		*ndiff = ck.ndiff;
	return (rc);
}
