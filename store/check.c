/* check.c -- store_check: rebuild every aggregate and index in memory from
 * members, events and attendance, and report each difference from what is
 * stored as one English line. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

struct ck_ent {
	size_t			 koff, klen, voff, vlen;
	const unsigned char	*k, *v;
};

/* An expected set of keys (and values), sorted before comparing. */
struct ck_set {
	struct buf	 arena;
	struct ck_ent	*e;
	size_t		 n, cap;
};

struct ck {
	struct store	*st;
	MDB_txn		*txn;
	void		(*cb)(const char *, void *);
	void		*arg;
	size_t		 ndiff;
};

struct ck_event {
	char	code[STORE_ID_MAX + 1];
	char	date[STORE_DATE_SIZE];
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

static void
ck_add(struct ck_set *s, const void *k, size_t klen, const void *v,
    size_t vlen)
{
	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 1024 : s->cap * 2;
		s->e = xrealloc(s->e, s->cap * sizeof *s->e);
	}
	s->e[s->n].koff = s->arena.len;
	s->e[s->n].klen = klen;
	buf_add(&s->arena, k, klen);
	s->e[s->n].voff = s->arena.len;
	s->e[s->n].vlen = vlen;
	buf_add(&s->arena, v, vlen);
	s->n++;
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

static int
ck_entcmp(const void *pa, const void *pb)
{
	const struct ck_ent	*a = pa, *b = pb;

	return (ck_keycmp(a->k, a->klen, b->k, b->klen));
}

static void
ck_sort(struct ck_set *s)
{
	size_t	i;

	if (s->n == 0)
		return;
	for (i = 0; i < s->n; i++) {
		s->e[i].k = s->arena.p + s->e[i].koff;
		s->e[i].v = s->arena.p + s->e[i].voff;
	}
	qsort(s->e, s->n, sizeof *s->e, ck_entcmp);
}

static void
ck_free(struct ck_set *s)
{
	buf_free(&s->arena);
	free(s->e);
	memset(s, 0, sizeof *s);
}

static void
ck_render(enum store_db db, const void *k, size_t klen, char *out,
    size_t size)
{
	idx_render(db, k, klen, out, size);
}

/* Compare the sorted expected set S with database DB. */
static int
ck_compare(struct ck *ck, enum store_db db, struct ck_set *s, bool values)
{
	const char	*name = store_db_name(db);
	MDB_cursor	*c;
	MDB_val		 k, v;
	char		 text[600];
	size_t		 i = 0;
	int		 rc, op, cmp;
	bool		 more;

	if ((rc = store_cursor(ck->st, ck->txn, db, &c)) != STORE_OK)
		return (rc);
	rc = mdb_cursor_get(c, &k, &v, MDB_FIRST);
	for (;;) {
		if (rc != 0 && rc != MDB_NOTFOUND) {
			mdb_cursor_close(c);
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
			    s->e[i].klen);
		if (cmp < 0) {
			ck_render(db, k.mv_data, k.mv_size, text, sizeof text);
			ck_report(ck, "%s: unexpected %s", name, text);
			op = MDB_NEXT;
		} else if (cmp > 0) {
			ck_render(db, s->e[i].k, s->e[i].klen, text,
			    sizeof text);
			ck_report(ck, "%s: missing %s", name, text);
			i++;
			continue;
		} else {
			if (values && (v.mv_size != s->e[i].vlen ||
			    memcmp(v.mv_data, s->e[i].v, v.mv_size) != 0)) {
				const unsigned char *a = v.mv_data;

				ck_render(db, k.mv_data, k.mv_size, text,
				    sizeof text);
				ck_report(ck, "%s %s: final %s, response %s, "
				    "expected final %s, response %s", name,
				    text, v.mv_size > 0 ?
				    store_final_word(a[0]) : "?",
				    v.mv_size > 1 ? store_response_word(a[1]) :
				    "?", store_final_word(s->e[i].v[0]),
				    store_response_word(s->e[i].v[1]));
			}
			i++;
			op = MDB_NEXT;
		}
		rc = mdb_cursor_get(c, &k, &v, (MDB_cursor_op)op);
	}
	mdb_cursor_close(c);
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
ck_member_cmp(const struct ck_ent *e, const char *id)
{
	const unsigned char	*z;
	size_t			 n;

	z = memchr(e->k, '\0', e->klen);
	n = z == NULL ? e->klen : (size_t)(z - e->k);
	return (ck_keycmp(e->k, n, id, strlen(id)));
}

int
store_check(struct store *st, void (*cb)(const char *, void *), void *arg,
    size_t *ndiff)
{
	struct ck		 ck;
	struct ck_set		 bymem, pending, name, kana, total, last;
	struct ck_event		*ev = NULL, *e;
	struct store_member	 m;
	struct agg		 g;
	struct buf		 b, texts;
	MDB_cursor		*c;
	MDB_val			 k, v, mv;
	struct store_attendance	 a;
	char			 key[3 * STORE_ID_MAX + 16];
	char			 code[STORE_ID_MAX + 1], id[STORE_ID_MAX + 1];
	char			 date[STORE_DATE_SIZE];
	unsigned char		 val[2];
	const unsigned char	*p, *z, *end;
	const char		*t;
	size_t			 nev = 0, cap = 0, i, n, j;
	int			 rc, op;

	store_err_clear(st);
	memset(&ck, 0, sizeof ck);
	ck.st = st;
	ck.cb = cb;
	ck.arg = arg;
	memset(&bymem, 0, sizeof bymem);
	memset(&pending, 0, sizeof pending);
	memset(&name, 0, sizeof name);
	memset(&kana, 0, sizeof kana);
	memset(&total, 0, sizeof total);
	memset(&last, 0, sizeof last);
	buf_init(&b);
	buf_init(&texts);
	if (ndiff != NULL)
		*ndiff = 0;
	if ((rc = store_rbegin(st, &ck.txn)) != STORE_OK)
		return (rc);

	/* events, in code order */
	if ((rc = store_cursor(st, ck.txn, DB_EVENTS, &c)) != STORE_OK)
		goto out;
	for (op = MDB_FIRST; (rc = mdb_cursor_get(c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		if (nev == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			ev = xrealloc(ev, cap * sizeof *ev);
		}
		codec_copy_text(ev[nev].code, sizeof ev[nev].code, k.mv_data,
		    k.mv_size);
		if (codec_event_date(&v, ev[nev].date) != STORE_OK ||
		    !store_date_valid(ev[nev].date))
			ck_report(&ck, "events %s: bad date", ev[nev].code);
		nev++;
	}
	mdb_cursor_close(c);
	if (rc != MDB_NOTFOUND) {
		rc = store_mdb(st, rc, "events");
		goto out;
	}

	/* attendance: the expected history and pending entries */
	if ((rc = store_cursor(st, ck.txn, DB_ATT, &c)) != STORE_OK)
		goto out;
	for (op = MDB_FIRST; (rc = mdb_cursor_get(c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		p = k.mv_data;
		end = p + k.mv_size;
		if ((z = memchr(p, '\0', k.mv_size)) == NULL) {
			idx_render(DB_ATT, k.mv_data, k.mv_size, key,
			    sizeof key);
			ck_report(&ck, "attendance %s: bad key", key);
			continue;
		}
		codec_copy_text(code, sizeof code, (const char *)p,
		    (size_t)(z - p));
		codec_copy_text(id, sizeof id, (const char *)z + 1,
		    (size_t)(end - z - 1));
		if (codec_att_dec(&v, &a, false) != STORE_OK) {
			ck_report(&ck, "attendance %s\\0%s: unreadable", code,
			    id);
			continue;
		}
		e = bsearch(code, ev, nev, sizeof *ev, ck_evcmp);
		if (e == NULL) {
			ck_report(&ck, "attendance %s\\0%s: no such event",
			    code, id);
			continue;
		}
		if (store_get(st, ck.txn, DB_MEMBERS, id, strlen(id), &mv) !=
		    STORE_OK)
			ck_report(&ck, "attendance %s\\0%s: no such member",
			    code, id);
		val[0] = (unsigned char)a.final;
		val[1] = (unsigned char)a.response;
		n = idx_bymem_key(key, id, e->date, code);
		ck_add(&bymem, key, n, val, 2);
		if (a.final == STORE_FINAL_PENDING) {
			n = idx_pending_key(key, e->date, code, id);
			ck_add(&pending, key, n, "", 0);
		}
	}
	mdb_cursor_close(c);
	if (rc != MDB_NOTFOUND) {
		rc = store_mdb(st, rc, "attendance");
		goto out;
	}
	ck_sort(&bymem);
	ck_sort(&pending);
	if ((rc = ck_compare(&ck, DB_BYMEM, &bymem, true)) != STORE_OK ||
	    (rc = ck_compare(&ck, DB_PENDING, &pending, false)) != STORE_OK)
		goto out;

	/* members: aggregates and every member index */
	if ((rc = store_cursor(st, ck.txn, DB_MEMBERS, &c)) != STORE_OK)
		goto out;
	j = 0;
	for (op = MDB_FIRST; (rc = mdb_cursor_get(c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		codec_copy_text(id, sizeof id, k.mv_data, k.mv_size);
		if (codec_member_dec(&v, id, &m) != STORE_OK) {
			ck_report(&ck, "members %s: unreadable", id);
			continue;
		}
		agg_init(&g, m.past_count, m.past_last_date);
		while (j < bymem.n && ck_member_cmp(&bymem.e[j], id) < 0)
			j++;
		for (; j < bymem.n && ck_member_cmp(&bymem.e[j], id) == 0;
		    j++) {
			t = (const char *)bymem.e[j].k + strlen(id) + 1;
			snprintf(date, sizeof date, "%s", t);
			n = (size_t)(t + strlen(t) + 1 -
			    (const char *)bymem.e[j].k);
			codec_copy_text(code, sizeof code,
			    (const char *)bymem.e[j].k + n,
			    bymem.e[j].klen - n);
			agg_add(&g, date, code, bymem.e[j].v[0],
			    bymem.e[j].v[1]);
		}
		agg_finish(&g);
		ck_stats(&ck, id, &g);
		n = idx_kana_key(&b, &m);
		ck_add(&kana, b.p, n, "", 0);
		n = idx_total_key(key, g.s.total, id);
		ck_add(&total, key, n, "", 0);
		n = idx_last_key(key, g.s.last_date, id);
		ck_add(&last, key, n, "", 0);
		idx_name_texts(&texts, &m, NULL);
		for (t = (const char *)texts.p; t < (const char *)texts.p +
		    texts.len; t += strlen(t) + 1) {
			b.len = 0;
			buf_adds(&b, t);
			buf_addc(&b, '\0');
			buf_adds(&b, id);
			ck_add(&name, b.p, b.len, "", 0);
		}
		store_member_free(&m);
	}
	mdb_cursor_close(c);
	if (rc != MDB_NOTFOUND) {
		rc = store_mdb(st, rc, "members");
		goto out;
	}

	/* aggregates of members that do not exist */
	if ((rc = store_cursor(st, ck.txn, DB_STATS, &c)) != STORE_OK)
		goto out;
	for (op = MDB_FIRST; (rc = mdb_cursor_get(c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		if (store_get(st, ck.txn, DB_MEMBERS, k.mv_data, k.mv_size,
		    &mv) == STORE_OK)
			continue;
		codec_copy_text(id, sizeof id, k.mv_data, k.mv_size);
		ck_report(&ck, "member_stats %s: no such member", id);
	}
	mdb_cursor_close(c);
	if (rc != MDB_NOTFOUND) {
		rc = store_mdb(st, rc, "member_stats");
		goto out;
	}
	for (i = 0; i < 4; i++) {
		static const enum store_db dbs[] = { DB_NAME, DB_BYKANA,
		    DB_BYTOTAL, DB_BYLAST };
		struct ck_set *sets[] = { &name, &kana, &total, &last };

		ck_sort(sets[i]);
		if ((rc = ck_compare(&ck, dbs[i], sets[i], false)) != STORE_OK)
			goto out;
	}
	rc = STORE_OK;
out:
	mdb_txn_abort(ck.txn);
	free(ev);
	ck_free(&bymem);
	ck_free(&pending);
	ck_free(&name);
	ck_free(&kana);
	ck_free(&total);
	ck_free(&last);
	buf_free(&b);
	buf_free(&texts);
	if (ndiff != NULL)
		*ndiff = ck.ndiff;
	return (rc);
}
