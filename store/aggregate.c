/* aggregate.c -- member_stats: the one place that computes a member's
 * aggregate, whether from scratch (a by_member scan, a bulk run, check) or
 * incrementally after one record changed. */

#include <stdio.h>
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

/* Derive total and the last attendance (DESIGN.md, the invariant). */
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

int
agg_get(struct wtx *w, const char *member, struct agg *g)
{
	MDB_val	v;
	int	rc;

	rc = store_get(w->st, w->txn, DB_STATS, member, strlen(member), &v);
	if (rc != STORE_OK)
		return (rc);
	if (codec_agg_dec(&v, g) != STORE_OK)
		return (store_err(w->st, STORE_IO, NULL,
		    _("member_stats %s: corrupt record"), member));
	return (STORE_OK);
}

/* Store NW for MEMBER (OLD: what is stored now, NULL for a new member)
 * and move its sort index keys. */
int
agg_put(struct wtx *w, const char *member, const struct agg *old,
    const struct agg *nw)
{
	struct buf	b;
	int		rc;

	if (old != NULL && agg_equal(old, nw))
		return (STORE_OK);
	buf_init(&b);
	codec_agg_enc(&b, nw);
	rc = store_put(w->st, w->txn, DB_STATS, member, strlen(member), b.p,
	    b.len, 0);
	buf_free(&b);
	if (rc != STORE_OK)
		return (rc);
	return (idx_sort_put(w, member, old, nw));
}

/* Compute MEMBER's aggregate from its by_member entries. */
int
agg_compute(struct store *st, MDB_txn *txn, const char *member,
    int32_t past_count, const char *past_date, struct agg *g)
{
	MDB_cursor		*c;
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
		rc = mdb_cursor_get(c, &k, &v, op);
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
	mdb_cursor_close(c);
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
