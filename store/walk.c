/* walk.c -- one pass over every member in ID order for reports and
 * selections: the aggregate always, the member record and the attended
 * history of past events when asked, a member predicate applied on the
 * way.  The three databases share the member ID order, so each is read by
 * a cursor moving forward, without a lookup per member. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

/* Compare the member part of a by_member key (up to its first NUL) with
 * ID the way LMDB orders keys: bytes, then the shorter first. */
static int
walk_idcmp(const MDB_val *k, const char *id, size_t idlen)
{
	const char	*z = memchr(k->mv_data, '\0', k->mv_size);
	size_t		 n = z == NULL ? k->mv_size :
			    (size_t)(z - (const char *)k->mv_data);
	int		 c;

	if ((c = memcmp(k->mv_data, id, n < idlen ? n : idlen)) != 0)
		return (c);
	return (n < idlen ? -1 : n > idlen);
}

/* Move C (on members) to ID: the next key in the usual case, a lookup
 * after a gap.  *V receives the value.  STORE_NOTFOUND: no such key. */
static int
walk_member_at(struct store *st, struct cur *c, bool *placed, const char *id,
    size_t idlen, MDB_val *v)
{
	MDB_val	k;
	int	rc = MDB_NOTFOUND;

	if (*placed && (rc = cur_get(c, &k, v, MDB_NEXT)) == 0 &&
	    k.mv_size == idlen && memcmp(k.mv_data, id, idlen) == 0)
		return (STORE_OK);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return (store_mdb(st, rc, "members"));
	k.mv_data = (void *)id;
	k.mv_size = idlen;
	rc = cur_get(c, &k, v, MDB_SET_KEY);
	*placed = rc == 0;
	if (rc == MDB_NOTFOUND)
		return (STORE_NOTFOUND);
	return (store_mdb(st, rc, "members"));
}

/* Collect ID's attended records of events up to TODAY from the by_member
 * cursor C, whose current entry is *K, *V (at or before ID's first; *LIVE
 * false once it ran off the end), oldest first, into W->dates. */
static int
walk_history(struct store *st, struct cur *c, MDB_val *k, MDB_val *v,
    bool *live, const char *id, size_t idlen, const char *today,
    struct walk_member *w)
{
	const unsigned char	*val;
	const char		*p, *z, *end;
	int			 rc, cmp;

	w->ndates = 0;
	while (*live) {
		if ((cmp = walk_idcmp(k, id, idlen)) > 0)
			break;
		if (cmp == 0) {
			p = (const char *)k->mv_data + idlen + 1;
			end = (const char *)k->mv_data + k->mv_size;
			z = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
			val = v->mv_data;
			if (z != NULL && z - p == STORE_DATE_SIZE - 1 &&
			    v->mv_size > 0 && val[0] == STORE_FINAL_ATTENDED &&
			    memcmp(p, today, STORE_DATE_SIZE - 1) <= 0) {
				if (w->ndates == w->capdates) {
					w->capdates = w->capdates * 2 + 16;
					w->dates = xreallocarray(w->dates,
					    w->capdates, sizeof *w->dates);
				}
				memcpy(w->dates[w->ndates], p,
				    STORE_DATE_SIZE - 1);
				w->dates[w->ndates++][STORE_DATE_SIZE - 1] =
				    '\0';
			}
		}
		if ((rc = cur_get(c, k, v, MDB_NEXT)) == MDB_NOTFOUND)
			*live = false;
		else if (rc != 0)
			return (store_mdb(st, rc, "by_member"));
	}
	return (STORE_OK);
}

struct walk_cursors {
	struct cur	 stats, members, history;
	bool		 placed, live;
	MDB_val		 hk, hv;	/* the history cursor's entry */
};

static void
walk_close(struct walk_cursors *wc)
{
	cur_close(&wc->stats);
	cur_close(&wc->members);
	cur_close(&wc->history);
}

static int
walk_open(struct rtx *rx, unsigned need, struct walk_cursors *wc)
{
	int	rc;

	memset(wc, 0, sizeof *wc);
	if ((rc = store_cursor(rx->st, rx->txn, DB_STATS, &wc->stats)) != 0)
		return (rc);
	if ((need & WALK_MEMBER) && (rc = store_cursor(rx->st, rx->txn,
	    DB_MEMBERS, &wc->members)) != STORE_OK)
		return (rc);
	if (need & WALK_HISTORY) {
		if ((rc = store_cursor(rx->st, rx->txn, DB_BYMEM,
		    &wc->history)) != STORE_OK)
			return (rc);
		rc = cur_get(&wc->history, &wc->hk, &wc->hv, MDB_FIRST);
		if (rc != 0 && rc != MDB_NOTFOUND)
			return (store_mdb(rx->st, rc, "by_member"));
		wc->live = rc == 0;
	}
	return (STORE_OK);
}

/* Fill W for the member at stats key K, value V; *KEEP false when the
 * predicate drops it (or the member record is missing). */
static int
walk_one(struct rtx *rx, unsigned need, const char *today,
    const struct store_filter *f, struct walk_cursors *wc,
    const MDB_val *k, const MDB_val *v, struct walk_member *w, bool *keep)
{
	MDB_val	mv;
	size_t	idlen = k->mv_size;
	int	rc;

	*keep = false;
	if (idlen > STORE_ID_MAX)
		return (STORE_OK);
	memcpy(w->id, k->mv_data, idlen);
	w->id[idlen] = '\0';
	if (codec_agg_dec(v, &w->g) != STORE_OK)
		return (store_err(rx->st, STORE_IO, NULL,
		    _("member_stats %s: corrupt record"), w->id));
	if (need & WALK_MEMBER) {
		rc = walk_member_at(rx->st, &wc->members, &wc->placed, w->id,
		    idlen, &mv);
		if (rc == STORE_NOTFOUND)
			return (STORE_OK);	/* `check` reports it */
		if (rc != STORE_OK)
			return (rc);
		if (codec_member_dec(&mv, w->id, &w->m) != STORE_OK)
			return (store_err(rx->st, STORE_IO, NULL,
			    _("member %s: corrupt record"), w->id));
		w->have_m = true;
		/* the role's rows first: others do not exist for it */
		if (!access_row_ok(rx->st, &w->m, &w->g.s) ||
		    (f != NULL && !store_filter_match(f, &w->m, &w->g.s)))
			return (STORE_OK);
		access_hide_member(rx->st, &w->m, &w->g.s);
	}
	if ((need & WALK_HISTORY) && (rc = walk_history(rx->st, &wc->history,
	    &wc->hk, &wc->hv, &wc->live, w->id, idlen, today, w)) != STORE_OK)
		return (rc);
	*keep = true;
	return (STORE_OK);
}

int
walk_members(struct rtx *rx, unsigned need,
    const struct store_filter *f,
    int (*cb)(const struct walk_member *, void *), void *arg)
{
	struct walk_cursors	 wc;
	struct walk_member	 w;
	MDB_val			 k, v;
	char			 today[STORE_DATE_SIZE];
	bool			 keep;
	int			 rc, op;

	store_today(today);
	if (f != NULL && store_filter_empty(f))
		f = NULL;
	if (f != NULL || access_restricted(rx->st))
		need |= WALK_MEMBER;
	memset(&w, 0, sizeof w);
	if ((rc = walk_open(rx, need, &wc)) != STORE_OK)
		goto out;
	for (op = MDB_FIRST;; op = MDB_NEXT) {
		if ((rc = cur_get(&wc.stats, &k, &v,
		    (MDB_cursor_op)op)) != 0) {
			rc = rc == MDB_NOTFOUND ? STORE_OK :
			    store_mdb(rx->st, rc, "member_stats");
			break;
		}
		rc = walk_one(rx, need, today, f, &wc, &k, &v, &w, &keep);
		if (rc == STORE_OK && keep)
			rc = cb(&w, arg);
		if (w.have_m) {
			store_member_free(&w.m);
			w.have_m = false;
		}
		if (rc != STORE_OK)
			break;
	}
out:
	walk_close(&wc);
	free(w.dates);
	return (rc);
}
