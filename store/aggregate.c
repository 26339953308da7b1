/* aggregate.c -- member_stats: the one place that computes a member's
 * aggregate, whether from scratch (a by_member scan, a bulk run, check) or
 * incrementally after one record changed. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

void
agg_init(struct agg *g, int32_t past_count, const char *past_date)
{
	memset(g, 0, sizeof *g);
	g->past_count = past_count;
	str_copy(g->past_last_date, sizeof g->past_last_date, past_date);
}

/* Is the event (DATE, CODE) later than the latest attended one?  Ties
 * between events on one date go to the larger code. */
static bool
agg_later(const struct agg *g, const char *date, const char *code)
{
	int	c;

	if (g->ev_code[0] == '\0')
		return (true);
	if ((c = strcmp(date, g->ev_date)) != 0)
		return (c > 0);
	return (strcmp(code, g->ev_code) > 0);
}

/* Count one record into G. */
void
agg_add(struct agg *g, const char *date, const char *code, int final,
    int response)
{
	if (response == STORE_RESP_ACCEPTED)
		g->s.accepted++;
	switch (final) {
	case STORE_FINAL_ATTENDED:
		g->s.attended++;
		if (agg_later(g, date, code)) {
			str_copy(g->ev_date, sizeof g->ev_date, date);
			str_copy(g->ev_code, sizeof g->ev_code, code);
		}
		break;
	case STORE_FINAL_ABSENT:
		g->s.absent++;
		break;
	case STORE_FINAL_NO_SHOW:
		g->s.no_show++;
		break;
	case STORE_FINAL_CANCELLED:
		g->s.cancelled++;
		break;
	}
}

/* Derive total and the last attendance (docs/DESIGN.md, the invariant). */
void
agg_finish(struct agg *g)
{
	g->s.total = (uint32_t)(g->past_count > 0 ? g->past_count : 0) +
	    g->s.attended;
	if (g->ev_code[0] == '\0' ||
	    strcmp(g->past_last_date, g->ev_date) > 0) {
		str_copy(g->s.last_date, sizeof g->s.last_date, g->past_last_date);
		g->s.last_event[0] = '\0';
	} else {
		str_copy(g->s.last_date, sizeof g->s.last_date, g->ev_date);
		str_copy(g->s.last_event, sizeof g->s.last_event, g->ev_code);
	}
}

bool
agg_equal(const struct agg *a, const struct agg *b)
{
	return (a->s.attended == b->s.attended && a->s.total == b->s.total &&
	    a->s.accepted == b->s.accepted && a->s.absent == b->s.absent &&
	    a->s.no_show == b->s.no_show && a->s.cancelled == b->s.cancelled &&
	    strcmp(a->s.last_date, b->s.last_date) == 0 &&
	    strcmp(a->s.last_event, b->s.last_event) == 0 &&
	    a->past_count == b->past_count &&
	    strcmp(a->past_last_date, b->past_last_date) == 0 &&
	    strcmp(a->ev_date, b->ev_date) == 0 &&
	    strcmp(a->ev_code, b->ev_code) == 0);
}

/*
 * The aggregates a write transaction changes live in a small hash table
 * and reach member_stats, by_total and by_last once, at commit
 * (agg_flush): a batch marking one member ten times writes its aggregate
 * and sort keys once.
 */
struct agg_entry {
	char		 id[STORE_ID_MAX + 1];
	struct agg	 stored;	/* in member_stats now (when in_db) */
	struct agg	 cur;
	bool		 used, in_db, dirty, deleted;
};

struct agg_cache {
	struct agg_entry *e;
	size_t		  n, cap;	/* cap: a power of two */
};

static uint64_t
agg_hash(const char *s)
{
	uint64_t	h = 1469598103934665603ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (h);
}

static struct agg_entry *
agg_slot(struct agg_cache *c, const char *id)
{
	size_t	i;

	for (i = agg_hash(id) & (c->cap - 1);; i = (i + 1) & (c->cap - 1)) {
		if (!c->e[i].used || strcmp(c->e[i].id, id) == 0)
			return (&c->e[i]);
	}
}

/* The entry of ID, added (unused fields zero) when CREATE. */
static struct agg_entry *
agg_entry(struct wtx *w, const char *id, bool create)
{
	struct agg_cache	*c = w->cache;
	struct agg_entry	*old, *e;
	size_t			 i, oldcap;

	if (c == NULL) {
		if (!create)
			return (NULL);
		c = w->cache = xcalloc(1, sizeof *c);
		c->cap = 64;
		c->e = xcalloc(c->cap, sizeof *c->e);
	}
	e = agg_slot(c, id);
	if (e->used || !create)
		return (e->used ? e : NULL);
	if ((c->n + 1) * 2 > c->cap) {
		old = c->e;
		oldcap = c->cap;
		c->cap *= 2;
		c->e = xcalloc(c->cap, sizeof *c->e);
		for (i = 0; i < oldcap; i++) {
			if (old[i].used)
				*agg_slot(c, old[i].id) = old[i];
		}
		free(old);
		e = agg_slot(c, id);
	}
	memset(e, 0, sizeof *e);
	e->used = true;
	str_copy(e->id, sizeof e->id, id);
	c->n++;
	return (e);
}

void
agg_cache_free(struct wtx *w)
{
	if (w->cache != NULL) {
		free(w->cache->e);
		free(w->cache);
		w->cache = NULL;
	}
}

int
agg_get(struct wtx *w, const char *member, struct agg *g)
{
	struct agg_entry	*e;
	MDB_val			 v;
	int			 rc;

	if ((e = agg_entry(w, member, false)) != NULL) {
		if (e->deleted)
			return (STORE_NOTFOUND);
		*g = e->cur;
		return (STORE_OK);
	}
	rc = store_get(w->st, w->txn, DB_STATS, member, strlen(member), &v);
	if (rc != STORE_OK)
		return (rc);
	if (codec_agg_dec(&v, g) != STORE_OK)
		return (store_err(w->st, STORE_IO, NULL,
		    _("member_stats %s: corrupt record"), member));
	e = agg_entry(w, member, true);
	e->stored = e->cur = *g;
	e->in_db = true;
	return (STORE_OK);
}

/* MEMBER's aggregate is now NW.  OLD: what agg_get gave (NULL for a new
 * member, whose aggregate is not stored yet). */
int
agg_put(struct wtx *w, const char *member, const struct agg *old,
    const struct agg *nw)
{
	struct agg_entry	*e;

	if ((e = agg_entry(w, member, false)) == NULL) {
		e = agg_entry(w, member, true);
		if (old != NULL) {
			e->stored = *old;
			e->in_db = true;
		}
	}
	e->cur = *nw;
	e->deleted = false;
	e->dirty = true;
	return (STORE_OK);
}

/* MEMBER is deleted: its aggregate and sort keys go at commit. */
int
agg_drop(struct wtx *w, const char *member)
{
	struct agg_entry	*e;
	struct agg		 g;
	int			 rc;

	if ((rc = agg_get(w, member, &g)) != STORE_OK)
		return (rc == STORE_NOTFOUND ? STORE_OK : rc);
	e = agg_entry(w, member, false);
	e->deleted = true;
	e->dirty = true;
	return (STORE_OK);
}

/* Write every changed aggregate and move its sort keys. */
int
agg_flush(struct wtx *w)
{
	struct agg_cache	*c = w->cache;
	struct agg_entry	*e;
	struct buf		 b;
	size_t			 i;
	int			 rc = STORE_OK;

	if (c == NULL)
		return (STORE_OK);
	buf_init(&b);
	for (i = 0; i < c->cap && rc == STORE_OK; i++) {
		e = &c->e[i];
		if (!e->used || !e->dirty)
			continue;
		if (e->deleted) {
			if (e->in_db && (rc = store_del(w->st, w->txn,
			    DB_STATS, e->id, strlen(e->id))) == STORE_OK)
				rc = idx_sort_put(w, e->id, &e->stored, NULL);
			continue;
		}
		if (e->in_db && agg_equal(&e->stored, &e->cur))
			continue;
		b.len = 0;
		codec_agg_enc(&b, &e->cur);
		if ((rc = store_put(w->st, w->txn, DB_STATS, e->id,
		    strlen(e->id), b.p, b.len, 0)) == STORE_OK)
			rc = idx_sort_put(w, e->id, e->in_db ? &e->stored :
			    NULL, &e->cur);
	}
	buf_free(&b);
	agg_cache_free(w);
	return (rc);
}

/* Compute MEMBER's aggregate from its by_member entries. */
int
agg_compute(struct store *st, MDB_txn *txn, const char *member,
    int32_t past_count, const char *past_date, struct agg *g)
{
	struct cur		c;
	MDB_val			 k, v;
	char			 key[STORE_ID_MAX + 2];
	char			 date[STORE_DATE_SIZE], code[STORE_ID_MAX + 1];
	const unsigned char	*val;
	const char		*p, *end, *z;
	size_t			 mlen;
	int			 rc, op;

	agg_init(g, past_count, past_date);
	mlen = strlen(member);
	memcpy(key, member, mlen);
	key[mlen] = '\0';
	if ((rc = store_cursor(st, txn, DB_BYMEM, &c)) != STORE_OK)
		return (rc);
	k.mv_data = key;
	k.mv_size = mlen + 1;
	for (op = MDB_SET_RANGE;; op = MDB_NEXT) {
		rc = cur_get(&c, &k, &v, op);
		if (rc != 0)
			break;
		if (k.mv_size <= mlen + 1 || memcmp(k.mv_data, key,
		    mlen + 1) != 0)
			break;
		p = (const char *)k.mv_data + mlen + 1;
		end = (const char *)k.mv_data + k.mv_size;
		if ((z = memchr(p, '\0', (size_t)(end - p))) == NULL)
			continue;
		codec_copy_text(date, sizeof date, p, (size_t)(z - p));
		codec_copy_text(code, sizeof code, z + 1, (size_t)(end - z - 1));
		val = v.mv_data;
		agg_add(g, date, code, v.mv_size > 0 ? val[0] : 0,
		    v.mv_size > 1 ? val[1] : 0);
	}
	cur_close(&c);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return (store_mdb(st, rc, "by_member"));
	agg_finish(g);
	return (STORE_OK);
}

int
agg_recompute(struct wtx *w, const char *member)
{
	struct agg	old, nw;
	int		rc;

	if ((rc = agg_get(w, member, &old)) != STORE_OK)
		return (rc == STORE_NOTFOUND ? store_err(w->st, STORE_IO, NULL,
		    _("member_stats %s: missing"), member) : rc);
	if ((rc = agg_compute(w->st, w->txn, member, old.past_count,
	    old.past_last_date, &nw)) != STORE_OK)
		return (rc);
	return (agg_put(w, member, &old, &nw));
}

/* One record of MEMBER at event CODE on DATE went from (OLD_FINAL,
 * OLD_RESP) to (NEW_FINAL, NEW_RESP); -1 for a record that did not or no
 * longer exists.  by_member already holds the new state.  Cheap unless
 * the latest attended event stops being attended. */
int
agg_delta(struct wtx *w, const char *member, const char *date,
    const char *code, int old_final, int old_resp, int new_final,
    int new_resp)
{
	struct agg	old, g;
	bool		full = false;
	int		rc;

	if ((rc = agg_get(w, member, &old)) != STORE_OK)
		return (rc == STORE_NOTFOUND ? store_err(w->st, STORE_IO, NULL,
		    _("member_stats %s: missing"), member) : rc);
	g = old;
	if (old_resp == STORE_RESP_ACCEPTED) {
		if (g.s.accepted == 0)
			full = true;
		else
			g.s.accepted--;
	}
	switch (old_final) {
	case STORE_FINAL_ATTENDED:
		if (g.s.attended == 0 || (strcmp(date, g.ev_date) == 0 &&
		    strcmp(code, g.ev_code) == 0))
			full = true;
		else
			g.s.attended--;
		break;
	case STORE_FINAL_ABSENT:
		if (g.s.absent-- == 0)
			full = true;
		break;
	case STORE_FINAL_NO_SHOW:
		if (g.s.no_show-- == 0)
			full = true;
		break;
	case STORE_FINAL_CANCELLED:
		if (g.s.cancelled-- == 0)
			full = true;
		break;
	}
	if (full) {
		if ((rc = agg_compute(w->st, w->txn, member, old.past_count,
		    old.past_last_date, &g)) != STORE_OK)
			return (rc);
	} else {
		/* agg_add counts the new state, -1 counts nothing */
		agg_add(&g, date, code, new_final, new_resp);
		agg_finish(&g);
	}
	return (agg_put(w, member, &old, &g));
}

/* The member's past_count or past_last_date changed. */
int
agg_set_past(struct wtx *w, const char *member, int32_t past_count,
    const char *past_date)
{
	struct agg	old, g;
	int		rc;

	if ((rc = agg_get(w, member, &old)) != STORE_OK)
		return (rc == STORE_NOTFOUND ? store_err(w->st, STORE_IO, NULL,
		    _("member_stats %s: missing"), member) : rc);
	g = old;
	g.past_count = past_count;
	str_copy(g.past_last_date, sizeof g.past_last_date, past_date);
	agg_finish(&g);
	return (agg_put(w, member, &old, &g));
}
