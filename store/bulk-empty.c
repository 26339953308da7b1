/* bulk-empty.c -- store_import's sorted path into empty databases: the
 * keys of new members, records and aggregates collected in packed arrays,
 * sorted, and appended in order (MDB_APPEND), instead of one put each. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/bulk-int.h"
#include "store/thread.h"

/* Append KEY/VAL through cursor C (one cursor per database: a put through
 * it skips the per-call setup of mdb_put). */
int
bulk_append(struct bulk *b, struct cur *c, enum store_db db, const void *key,
    size_t klen, const void *val, size_t vlen)
{
	MDB_val	k, v;
	int	rc;

	k.mv_data = (void *)key;
	k.mv_size = klen;
	v.mv_data = (void *)val;
	v.mv_size = vlen;
	if ((rc = cur_put(c, &k, &v, MDB_APPEND)) == 0)
		return (STORE_OK);
	if (rc == MDB_KEYEXIST)
		return (store_err(b->st, STORE_IO, NULL,
		    _("%s: keys out of order"), store_db_name(db)));
	return (store_mdb(b->st, rc, store_db_name(db)));
}

/* Append the sorted set to the empty database DB (repeated keys once). */
static int
bulk_set_append(struct bulk *b, enum store_db db, struct kvset *s)
{
	struct cur	c;
	size_t		 i;
	int		 rc = STORE_OK;

	if ((rc = store_cursor(b->st, b->w.txn, db, &c)) != STORE_OK)
		return (rc);
	for (i = 0; i < s->n && rc == STORE_OK; i++) {
		if (i > 0 && kvset_same_key(&s->e[i - 1], &s->e[i]))
			continue;
		rc = bulk_append(b, &c, db, s->e[i].k, s->e[i].len,
		    s->e[i].k + s->e[i].len, s->e[i].tag);
	}
	cur_close(&c);
	return (rc);
}

/* A new member into the empty database: the record now, its index keys
 * into the sorted sets, its aggregate after the records. */
int
bulk_member_fast(struct bulk *b, struct store_member *m, int64_t total)
{
	struct store	*st = b->st;
	struct buf	*enc = &b->enc;
	size_t		 idlen = strlen(m->id);
	unsigned	 flags;
	int		 rc;

	m->version = 1;
	m->updated_at = b->w.now;
	memcpy(m->updated_by, st->actor, sizeof m->updated_by);
	enc->len = 0;
	codec_member_enc(enc, m);
	/* IDs usually come in order: append; otherwise an ordinary put */
	flags = strcmp(m->id, b->last_id) > 0 ? MDB_APPEND : MDB_NOOVERWRITE;
	rc = STORE_OK;
	if (b->mcur.c == NULL)
		rc = store_cursor(st, b->w.txn, DB_MEMBERS, &b->mcur);
	if (rc == STORE_OK && flags == MDB_APPEND)
		rc = bulk_append(b, &b->mcur, DB_MEMBERS, m->id, idlen,
		    enc->p, enc->len);
	else if (rc == STORE_OK)
		rc = store_put(st, b->w.txn, DB_MEMBERS, m->id, idlen,
		    enc->p, enc->len, MDB_NOOVERWRITE);
	if (rc == STORE_EXISTS)
		return (store_err(st, STORE_INVALID, "member_id",
		    _("member %s appears twice in the import"), m->id));
	if (rc != STORE_OK)
		return (rc);
	if (flags == MDB_APPEND)
		memcpy(b->last_id, m->id, idlen + 1);
	bulk_keys_add(b, m);
	bulk_mem_add(b, m, total, BULK_ADDED);
	return (STORE_OK);
}

/* --- records -------------------------------------------------------- */

static int
bulk_evcmp(const void *key, const void *elem)
{
	return (strcmp(key, ((const struct bulk_ev *)elem)->code));
}

int
bulk_load_events(struct bulk *b)
{
	struct cur	c;
	MDB_val		 k, v;
	size_t		 cap = 0;
	int		 rc, op;

	if ((rc = store_cursor(b->st, b->w.txn, DB_EVENTS, &c)) != STORE_OK)
		return (rc);
	for (op = MDB_FIRST; (rc = cur_get(&c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		if (b->nev == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			b->ev = xrealloc(b->ev, cap * sizeof *b->ev);
		}
		codec_copy_text(b->ev[b->nev].code, sizeof b->ev[0].code,
		    k.mv_data, k.mv_size);
		if (codec_event_date(&v, b->ev[b->nev].date) != STORE_OK) {
			cur_close(&c);
			return (store_err(b->st, STORE_IO, NULL,
			    _("event %s: corrupt record"), b->ev[b->nev].code));
		}
		b->nev++;
	}
	cur_close(&c);
	if (rc != MDB_NOTFOUND)
		return (store_mdb(b->st, rc, "events"));
	return (STORE_OK);
}

static void *
bulk_sorter_main(void *arg)
{
	struct bulk_sorter	*so = arg;
	size_t			 i;

	for (i = 0; i < so->nset; i++) {
		kvset_sort(so->set[i]);
		pthread_mutex_lock(&so->mu);
		so->done = i + 1;
		pthread_cond_broadcast(&so->cv);
		pthread_mutex_unlock(&so->mu);
	}
	return (NULL);
}

static void
bulk_sorter_start(struct bulk *b, struct kvset *s0, struct kvset *s1)
{
	struct bulk_sorter	*so = &b->sorter;

	memset(so, 0, sizeof *so);
	so->set[0] = s0;
	so->set[1] = s1;
	so->nset = 2;
	pthread_mutex_init(&so->mu, NULL);
	pthread_cond_init(&so->cv, NULL);
	so->threaded = thread_start(&so->th, bulk_sorter_main, so) == 0;
	so->on = true;
}

/* Wait until the first N sets are sorted. */
static void
bulk_sorter_wait(struct bulk *b, size_t n)
{
	struct bulk_sorter	*so = &b->sorter;

	if (!so->threaded) {
		for (; so->done < n; so->done++)
			kvset_sort(so->set[so->done]);
		return;
	}
	pthread_mutex_lock(&so->mu);
	while (so->done < n)
		pthread_cond_wait(&so->cv, &so->mu);
	pthread_mutex_unlock(&so->mu);
}

void
bulk_sorter_end(struct bulk *b)
{
	struct bulk_sorter	*so = &b->sorter;

	if (!so->on)
		return;
	if (so->threaded)
		pthread_join(so->th, NULL);
	pthread_mutex_destroy(&so->mu);
	pthread_cond_destroy(&so->cv);
	so->on = false;
}

/* A new record into the empty attendance database: its keys into the
 * sorted sets. */
int
bulk_record_fast(struct bulk *b, const struct store_change *c,
    const struct bulk_ev **evc)
{
	struct store		*st = b->st;
	struct store_attendance	 a;
	struct att_norm		 an;
	char			 k[3 * STORE_ID_MAX + 16];
	unsigned char		 val[2];
	size_t			 n;
	int			 rc;

	if ((rc = att_change_norm(st, c, &an)) != STORE_OK)
		return (rc);
	if (*evc == NULL || strcmp((*evc)->code, an.event) != 0) {
		*evc = bsearch(an.event, b->ev, b->nev, sizeof *b->ev,
		    bulk_evcmp);
		if (*evc == NULL) {
			free(an.note);
			return (store_err(st, STORE_NOTFOUND, "event_code",
			    _("event %s not found (record of member %s)"),
			    an.event, an.member));
		}
	}
	memset(&a, 0, sizeof a);
	memcpy(a.event, an.event, sizeof a.event);
	memcpy(a.member, an.member, sizeof a.member);
	att_created_invited_on(c, b->today, a.invited_on);
	a.response = c->response == STORE_KEEP ? STORE_RESP_NONE :
	    (enum store_response)c->response;
	a.final = c->final == STORE_KEEP ? STORE_FINAL_PENDING :
	    (enum store_final)c->final;
	a.walk_in = c->walk_in == 1;
	if (c->checkin) {
		a.checked_in_at = c->checkin_at != 0 ? c->checkin_at : b->w.now;
		str_copy(a.checked_in_by, sizeof a.checked_in_by,
		    c->checkin_by != NULL ? c->checkin_by : st->actor);
	}
	a.note = an.note;
	a.version = 1;
	a.updated_at = b->w.now;
	str_copy(a.updated_by, sizeof a.updated_by, st->actor);
	b->enc.len = 0;
	codec_att_enc(&b->enc, &a);
	n = idx_att_key(k, a.event, a.member);
	kvset_add(&b->att, k, n, b->enc.p, b->enc.len);
	free(an.note);
	val[0] = (unsigned char)a.final;
	val[1] = (unsigned char)a.response;
	n = idx_bymem_key(k, a.member, (*evc)->date, a.event);
	kvset_add(&b->bymem, k, n, val, 2);
	if (a.final == STORE_FINAL_PENDING) {
		n = idx_pending_key(k, (*evc)->date, a.event, a.member);
		kvset_add(&b->pending, k, n, "", 0);
	}
	b->res->records.added++;
	return (STORE_OK);
}

/* The records of the empty attendance database, collected by
 * bulk_record_fast: sorted and appended. */
int
bulk_records_append(struct bulk *b)
{
	struct store	*st = b->st;
	char		 ev[STORE_ID_MAX + 1], mem[STORE_ID_MAX + 1];
	const char	*z;
	size_t		 i;
	int		 rc;

	/* pending and by_member sorted by a second thread meanwhile */
	bulk_sorter_start(b, &b->pending, &b->bymem);
	kvset_sort(&b->att);
	for (i = 1; i < b->att.n; i++) {
		if (!kvset_same_key(&b->att.e[i - 1], &b->att.e[i]))
			continue;
		z = memchr(b->att.e[i].k, '\0', b->att.e[i].len);
		codec_copy_text(ev, sizeof ev, (const char *)b->att.e[i].k,
		    (size_t)(z - (const char *)b->att.e[i].k));
		codec_copy_text(mem, sizeof mem, z + 1, b->att.e[i].len -
		    (size_t)(z - (const char *)b->att.e[i].k) - 1);
		return (store_err(st, STORE_INVALID, "member_id",
		    _("the record of member %s at event %s appears twice in "
		    "the import"), mem, ev));
	}
	if ((rc = bulk_set_append(b, DB_ATT, &b->att)) != STORE_OK)
		return (rc);
	kvset_free(&b->att);
	bulk_sorter_wait(b, 1);
	if ((rc = bulk_set_append(b, DB_PENDING, &b->pending)) != STORE_OK)
		return (rc);
	kvset_free(&b->pending);
	bulk_sorter_wait(b, 2);
	bulk_sorter_end(b);
	return (bulk_set_append(b, DB_BYMEM, &b->bymem));
}

/* --- aggregates ----------------------------------------------------- */

static int
bulk_memcmp_id(const void *pa, const void *pb)
{
	return (strcmp(((const struct bulk_mem *)pa)->id,
	    ((const struct bulk_mem *)pb)->id));
}

/* Compare the member part of history entry E with ID. */
static int
bulk_run_cmp(const struct sort_key *e, const char *id)
{
	const unsigned char	*z;
	size_t			 n, idlen;
	int			 c;

	z = memchr(e->k, '\0', e->len);
	n = z == NULL ? e->len : (size_t)(z - e->k);
	idlen = strlen(id);
	c = memcmp(e->k, id, n < idlen ? n : idlen);
	if (c != 0)
		return (c);
	return (n < idlen ? -1 : n > idlen);
}

/* Count history entries [*J, ...) of member ID into G. */
static void
bulk_run_add(struct bulk *b, size_t *j, const char *id, struct agg *g)
{
	const struct sort_key	*e;
	const char		*date, *code;
	char			 d[STORE_DATE_SIZE], ev[STORE_ID_MAX + 1];
	size_t			 idlen = strlen(id);

	for (; *j < b->bymem.n; (*j)++) {
		e = &b->bymem.e[*j];
		if (bulk_run_cmp(e, id) != 0)
			break;
		date = (const char *)e->k + idlen + 1;
		code = date + strlen(date) + 1;
		str_copy(d, sizeof d, date);
		codec_copy_text(ev, sizeof ev, code, e->len -
		    (size_t)(code - (const char *)e->k));
		agg_add(g, d, ev, e->k[e->len], e->k[e->len + 1]);
	}
}

static int
bulk_unknown_member(struct bulk *b, const struct sort_key *e)
{
	char			 id[STORE_ID_MAX + 1];
	const unsigned char	*z;

	z = memchr(e->k, '\0', e->len);
	codec_copy_text(id, sizeof id, (const char *)e->k,
	    z == NULL ? e->len : (size_t)(z - e->k));
	return (store_err(b->st, STORE_NOTFOUND, "member_id",
	    _("member %s not found (it has records in the import)"), id));
}

/* by_total and by_last of members met in ID order: a stable sort on the
 * rank (the inverted total; the inverted date, none last) keeps the ID
 * order within a rank, which is the order of the index keys. */
struct bulk_rank {
	uint32_t	rank;
	uint32_t	i;
};

struct bulk_order {
	struct bulk_rank	*total, *last;
	uint32_t		*idoff;
	struct buf		 ids;
	size_t			 n, cap;
};

static void
bulk_order_add(struct bulk_order *o, const char *id, const struct agg *g)
{
	const char	*d = g->s.last_date;
	uint32_t	 ymd;

	if (o->n == o->cap) {
		o->cap = o->cap == 0 ? 4096 : o->cap * 2;
		o->total = xrealloc(o->total, o->cap * sizeof *o->total);
		o->last = xrealloc(o->last, o->cap * sizeof *o->last);
		o->idoff = xrealloc(o->idoff, o->cap * sizeof *o->idoff);
	}
	o->idoff[o->n] = (uint32_t)o->ids.len;
	buf_add(&o->ids, id, strlen(id) + 1);
	o->total[o->n].rank = ~g->s.total;
	o->total[o->n].i = (uint32_t)o->n;
	if (store_date_valid(d)) {
		ymd = (uint32_t)((d[0] - '0') * 10000000 + (d[1] - '0') *
		    1000000 + (d[2] - '0') * 100000 + (d[3] - '0') * 10000 +
		    (d[5] - '0') * 1000 + (d[6] - '0') * 100 +
		    (d[8] - '0') * 10 + (d[9] - '0'));
		o->last[o->n].rank = 99999999u - ymd;
	} else
		o->last[o->n].rank = UINT32_MAX;
	o->last[o->n].i = (uint32_t)o->n;
	o->n++;
}

/* Stable LSD radix sort of A on rank, 16 bits a pass. */
static void
bulk_rank_sort(struct bulk_rank *a, size_t n)
{
	struct bulk_rank	*tmp, *src = a, *dst;
	size_t			*count, i, sum, c;
	unsigned		 pass, shift;

	tmp = xmalloc(n * sizeof *tmp);
	count = xmalloc(65536 * sizeof *count);
	dst = tmp;
	for (pass = 0; pass < 2; pass++) {
		shift = pass * 16;
		memset(count, 0, 65536 * sizeof *count);
		for (i = 0; i < n; i++)
			count[(src[i].rank >> shift) & 0xffff]++;
		for (i = 0, sum = 0; i < 65536; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[(src[i].rank >> shift) & 0xffff]++] = src[i];
		src = dst;
		dst = dst == tmp ? a : tmp;
	}
	free(tmp);
	free(count);
}

/* YYYYMMDD as "YYYY-MM-DD". */
static void
bulk_ymd_text(char out[STORE_DATE_SIZE], uint32_t ymd)
{
	static const int	at[8] = { 9, 8, 6, 5, 3, 2, 1, 0 };
	int			i;

	for (i = 0; i < 8; i++, ymd /= 10)
		out[at[i]] = (char)('0' + ymd % 10);
	out[4] = out[7] = '-';
	out[10] = '\0';
}

static void
bulk_order_append_free(struct bulk_order *o)
{
	free(o->total);
	free(o->last);
	free(o->idoff);
	buf_free(&o->ids);
	memset(o, 0, sizeof *o);
}

static int
bulk_order_append(struct bulk *b, struct bulk_order *o)
{
	struct cur	c;
	char		 key[STORE_ID_MAX + 16], date[STORE_DATE_SIZE];
	const char	*id;
	size_t		 i, n;
	int		 k, rc = STORE_OK;

	bulk_rank_sort(o->total, o->n);
	bulk_rank_sort(o->last, o->n);
	for (k = 0; k < 2 && rc == STORE_OK; k++) {
		if ((rc = store_cursor(b->st, b->w.txn, k == 0 ? DB_BYTOTAL :
		    DB_BYLAST, &c)) != STORE_OK)
			break;
		for (i = 0; i < o->n && rc == STORE_OK; i++) {
			if (k == 0) {
				id = (const char *)o->ids.p +
				    o->idoff[o->total[i].i];
				n = idx_total_key(key, ~o->total[i].rank, id);
			} else {
				id = (const char *)o->ids.p +
				    o->idoff[o->last[i].i];
				date[0] = '\0';
				if (o->last[i].rank != UINT32_MAX)
					bulk_ymd_text(date,
					    99999999u - o->last[i].rank);
				n = idx_last_key(key, date, id);
			}
			rc = bulk_append(b, &c, k == 0 ? DB_BYTOTAL : DB_BYLAST,
			    key, n, "", 0);
		}
		cur_close(&c);
	}
	bulk_order_append_free(o);
	return (rc);
}

/* Encode G without the fields at their defaults at the end (the codec
 * reads a value that ends early so): a member without records or past
 * takes the format byte alone, and member_stats a third of its pages. */
static void
bulk_agg_enc(struct buf *enc, const struct agg *g)
{
	codec_agg_enc(enc, g);
	/* a zero byte ends a field only as a zero or an empty string */
	while (enc->len > 1 && enc->p[enc->len - 1] == 0)
		enc->len--;
}

/* Every imported member of an empty database: aggregates appended. */
int
bulk_aggregates_fast(struct bulk *b)
{
	struct bulk_order o;
	struct buf	 enc;
	struct agg	 g;
	struct cur	c;
	size_t		 i, j = 0;
	int		 rc = STORE_OK;

	memset(&o, 0, sizeof o);
	for (i = 0; i < b->nmem; i++)
		b->mem[i].id = (const char *)b->ids.p +
		    (uintptr_t)b->mem[i].id;
	for (i = 1; i < b->nmem; i++) {
		if (strcmp(b->mem[i - 1].id, b->mem[i].id) > 0) {
			qsort(b->mem, b->nmem, sizeof *b->mem, bulk_memcmp_id);
			break;
		}
	}
	buf_init(&enc);
	if ((rc = store_cursor(b->st, b->w.txn, DB_STATS, &c)) != STORE_OK)
		return (rc);
	for (i = 0; i < b->nmem && rc == STORE_OK; i++) {
		if (j < b->bymem.n && bulk_run_cmp(&b->bymem.e[j],
		    b->mem[i].id) < 0) {
			rc = bulk_unknown_member(b, &b->bymem.e[j]);
			break;
		}
		agg_init(&g, b->mem[i].past, b->mem[i].past_date);
		bulk_run_add(b, &j, b->mem[i].id, &g);
		agg_finish(&g);
		enc.len = 0;
		bulk_agg_enc(&enc, &g);
		rc = bulk_append(b, &c, DB_STATS, b->mem[i].id,
		    strlen(b->mem[i].id), enc.p, enc.len);
		bulk_order_add(&o, b->mem[i].id, &g);
	}
	buf_free(&enc);
	cur_close(&c);
	if (rc == STORE_OK && j < b->bymem.n)
		rc = bulk_unknown_member(b, &b->bymem.e[j]);
	kvset_free(&b->bymem);
	if (rc == STORE_OK)
		rc = bulk_order_append(b, &o);
	else
		bulk_order_append_free(&o);
	return (rc);
}

/* Members of the database with records in the bulk run: each member's
 * aggregate once, from its whole history (the attendance database was
 * empty, so the run is all of it).  Few members: one lookup each.  Many:
 * one walk over member_stats, rewriting in place, and by_total and
 * by_last rebuilt from sorted runs rather than moved key by key. */
int
bulk_aggregates_runs(struct bulk *b)
{
	struct store		*st = b->st;
	struct agg		 old, g;
	struct bulk_order	 o;
	const struct sort_key	*e;
	const unsigned char	*z;
	struct cur		 c;
	MDB_val			 k, v;
	MDB_stat		 ms;
	struct buf		 enc;
	char			 id[STORE_ID_MAX + 1];
	size_t			 j = 0, runs = 0;
	int			 rc = STORE_OK, mrc, op;

	for (j = 0; j < b->bymem.n; j++) {
		if (j == 0 || bulk_run_cmp(&b->bymem.e[j], id) != 0) {
			e = &b->bymem.e[j];
			z = memchr(e->k, '\0', e->len);
			codec_copy_text(id, sizeof id, (const char *)e->k,
			    z == NULL ? e->len : (size_t)(z - e->k));
			runs++;
		}
	}
	if ((mrc = mdb_stat(b->w.txn, st->dbi[DB_STATS], &ms)) != 0)
		return (store_mdb(st, mrc, "member_stats"));
	j = 0;
	if (runs * 8 < ms.ms_entries) {
		while (j < b->bymem.n) {
			e = &b->bymem.e[j];
			z = memchr(e->k, '\0', e->len);
			codec_copy_text(id, sizeof id, (const char *)e->k,
			    z == NULL ? e->len : (size_t)(z - e->k));
			if ((rc = agg_get(&b->w, id, &old)) != STORE_OK)
				return (rc == STORE_NOTFOUND ?
				    bulk_unknown_member(b, e) : rc);
			agg_init(&g, old.past_count, old.past_last_date);
			bulk_run_add(b, &j, id, &g);
			agg_finish(&g);
			if ((rc = agg_put(&b->w, id, &old, &g)) != STORE_OK)
				return (rc);
		}
		kvset_free(&b->bymem);
		return (STORE_OK);
	}

	memset(&o, 0, sizeof o);
	buf_init(&enc);
	if ((mrc = mdb_drop(b->w.txn, st->dbi[DB_BYTOTAL], 0)) != 0 ||
	    (mrc = mdb_drop(b->w.txn, st->dbi[DB_BYLAST], 0)) != 0)
		return (store_mdb(st, mrc, "by_total"));
	if ((rc = store_cursor(st, b->w.txn, DB_STATS, &c)) != STORE_OK)
		return (rc);
	for (op = MDB_FIRST; (mrc = cur_get(&c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		codec_copy_text(id, sizeof id, k.mv_data, k.mv_size);
		if (codec_agg_dec(&v, &old) != STORE_OK) {
			rc = store_err(st, STORE_IO, NULL,
			    _("member_stats %s: corrupt record"), id);
			break;
		}
		if (j < b->bymem.n && bulk_run_cmp(&b->bymem.e[j], id) < 0) {
			rc = bulk_unknown_member(b, &b->bymem.e[j]);
			break;
		}
		g = old;
		if (j < b->bymem.n && bulk_run_cmp(&b->bymem.e[j], id) == 0) {
			agg_init(&g, old.past_count, old.past_last_date);
			bulk_run_add(b, &j, id, &g);
			agg_finish(&g);
			if (!agg_equal(&old, &g)) {
				enc.len = 0;
				bulk_agg_enc(&enc, &g);
				v.mv_data = enc.p;
				v.mv_size = enc.len;
				/* the key from the page moves in the put */
				k.mv_data = id;
				k.mv_size = strlen(id);
				if ((mrc = cur_put(&c, &k, &v,
				    MDB_CURRENT)) != 0) {
					rc = store_mdb(st, mrc,
					    "member_stats");
					break;
				}
			}
		}
		bulk_order_add(&o, id, &g);
	}
	cur_close(&c);
	buf_free(&enc);
	if (rc == STORE_OK && mrc != MDB_NOTFOUND)
		rc = store_mdb(st, mrc, "member_stats");
	if (rc == STORE_OK && j < b->bymem.n)
		rc = bulk_unknown_member(b, &b->bymem.e[j]);
	kvset_free(&b->bymem);
	if (rc == STORE_OK)
		rc = bulk_order_append(b, &o);
	else
		bulk_order_append_free(&o);
	return (rc);
}
