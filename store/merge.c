/* merge.c -- merging a duplicate member: KEEP takes DROP's history and
 * past count, an event both have keeps the stronger final status, DROP is
 * deleted; one transaction. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

/* How final a status is: attended first, pending last. */
static int
merge_strength(enum store_final f)
{
	switch (f) {
	case STORE_FINAL_ATTENDED:	return (4);
	case STORE_FINAL_ABSENT:	return (3);
	case STORE_FINAL_NO_SHOW:	return (2);
	case STORE_FINAL_CANCELLED:	return (1);
	default:			return (0);
	}
}

static int
merge_read(struct wtx *w, const char *event, const char *member,
    struct store_attendance *a, bool *found)
{
	MDB_val	v;
	char	k[2 * STORE_ID_MAX + 2];
	size_t	n;
	int	rc;

	memset(a, 0, sizeof *a);
	*found = false;
	n = idx_att_key(k, event, member);
	if ((rc = store_get(w->st, w->txn, DB_ATT, k, n, &v)) != STORE_OK)
		return (rc == STORE_NOTFOUND ? STORE_OK : rc);
	snprintf(a->event, sizeof a->event, "%s", event);
	snprintf(a->member, sizeof a->member, "%s", member);
	if (codec_att_dec(&v, a, true) != STORE_OK)
		return (store_err(w->st, STORE_IO, NULL,
		    _("attendance %s/%s: corrupt record"), event, member));
	*found = true;
	return (STORE_OK);
}

/* One attendance record's place: its event, member and event date. */
struct merge_at {
	const char	*event, *member, *date;
};

/* Combine FROM's record D into the record K that TO already has. */
static void
merge_combine(struct store_attendance *nw, const struct store_attendance *k,
    const struct store_attendance *d)
{
	*nw = *k;
	nw->note = xstrdup(k->note != NULL && *k->note != '\0' ? k->note :
	    d->note);
	if (merge_strength(d->final) > merge_strength(k->final))
		nw->final = d->final;
	if (nw->response == STORE_RESP_NONE)
		nw->response = d->response;
	if (nw->checked_in_at == 0 && d->checked_in_at != 0) {
		nw->checked_in_at = d->checked_in_at;
		memcpy(nw->checked_in_by, d->checked_in_by,
		    sizeof nw->checked_in_by);
	}
	nw->walk_in = k->walk_in && d->walk_in;
	if (nw->invited_on[0] == '\0' || (d->invited_on[0] != '\0' &&
	    strcmp(d->invited_on, nw->invited_on) < 0))
		memcpy(nw->invited_on, d->invited_on, sizeof nw->invited_on);
	nw->version = k->version + 1;
}

/* Move the record at FROM onto TO (a member merge: another member at the
 * same event; an event merge: the same member at another event). */
static int
merge_record(struct wtx *w, const struct merge_at *from,
    const struct merge_at *to)
{
	struct store_attendance	d, k, nw;
	bool			dfound, kfound;
	int			rc;

	memset(&nw, 0, sizeof nw);
	memset(&k, 0, sizeof k);
	if ((rc = merge_read(w, from->event, from->member, &d, &dfound)) !=
	    STORE_OK || !dfound)
		goto out;
	if ((rc = merge_read(w, to->event, to->member, &k, &kfound)) !=
	    STORE_OK)
		goto out;
	if ((rc = att_drop(w, from->event, from->member, from->date,
	    (int)d.final)) != STORE_OK)
		goto out;
	if (kfound)
		merge_combine(&nw, &k, &d);
	else {
		nw = d;
		nw.note = xstrdup(d.note);
		snprintf(nw.event, sizeof nw.event, "%s", to->event);
		snprintf(nw.member, sizeof nw.member, "%s", to->member);
		nw.version = d.version + 1;
	}
	nw.updated_at = w->now;
	snprintf(nw.updated_by, sizeof nw.updated_by, "%s", w->st->actor);
	rc = att_write(w, to->date, kfound ? &k : NULL, &nw);
out:
	store_attendance_free(&nw);
	if (dfound)
		store_attendance_free(&d);
	store_attendance_free(&k);
	return (rc);
}

int
store_member_merge(struct store *st, const char *keepin, const char *dropin)
{
	struct store_member	 keep, drop, nk;
	struct merge_at		 from, to;
	struct wtx		 w;
	struct buf		 list, old, nw;
	struct cur		c;
	MDB_val			 k, v;
	char			 kid[STORE_ID_MAX + 1], did[STORE_ID_MAX + 1];
	char			 key[STORE_ID_MAX + 2];
	const char		*p, *end, *date, *event;
	size_t			 dlen, nrec = 0, left;
	int			 rc, op;

	store_err_clear(st);
	memset(&keep, 0, sizeof keep);
	memset(&drop, 0, sizeof drop);
	memset(&nk, 0, sizeof nk);
	buf_init(&list);
	buf_init(&old);
	buf_init(&nw);
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_EDIT)) != 0 ||
	    (rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_DELETE)) != 0 ||
	    (rc = store_key_lookup(keepin, kid, "keep", &st->err)) != 0 ||
	    (rc = store_key_lookup(dropin, did, "drop", &st->err)) != 0)
		return (rc);
	if (strcmp(kid, did) == 0)
		return (store_err(st, STORE_INVALID, "drop",
		    _("cannot merge member %s into itself"), kid));
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	/* a member outside the role's rows does not exist for it */
	if ((rc = access_id_ok(st, w.txn, kid) ? member_read(st, w.txn, kid,
	    &keep) : STORE_NOTFOUND) != STORE_OK ||
	    (rc = access_id_ok(st, w.txn, did) ? member_read(st, w.txn, did,
	    &drop) : STORE_NOTFOUND) != STORE_OK) {
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, keep.id[0] == '\0' ? "keep" : "drop",
			    _("member %s not found"), keep.id[0] == '\0' ?
			    kid : did);
		goto fail;
	}

	/* DROP's history: "date\0event\0" pairs */
	dlen = strlen(did);
	memcpy(key, did, dlen + 1);
	if ((rc = store_cursor(st, w.txn, DB_BYMEM, &c)) != STORE_OK)
		goto fail;
	k.mv_data = key;
	k.mv_size = dlen + 1;
	for (op = MDB_SET_RANGE;; op = MDB_NEXT) {
		if ((rc = cur_get(&c, &k, &v, op)) != 0)
			break;
		if (k.mv_size <= dlen + 1 || memcmp(k.mv_data, key,
		    dlen + 1) != 0)
			break;
		buf_add(&list, (const char *)k.mv_data + dlen + 1,
		    k.mv_size - dlen - 1);
		buf_addc(&list, '\0');
		nrec++;
	}
	cur_close(&c);
	if (rc != 0 && rc != MDB_NOTFOUND) {
		rc = store_mdb(st, rc, "by_member");
		goto fail;
	}
	for (p = (const char *)list.p, end = p + list.len; p < end; ) {
		date = p;
		event = date + strlen(date) + 1;
		p = event + strlen(event) + 1;
		from = (struct merge_at){ event, did, date };
		to = (struct merge_at){ event, kid, date };
		if ((rc = merge_record(&w, &from, &to)) != STORE_OK)
			goto fail;
	}

	/* KEEP takes DROP's past; the later past date wins */
	if ((rc = member_norm(st, &keep, &nk)) != STORE_OK)
		goto fail;
	nk.past_count = keep.past_count + drop.past_count;
	if (strcmp(drop.past_last_date, keep.past_last_date) > 0) {
		memcpy(nk.past_last_date, drop.past_last_date,
		    sizeof nk.past_last_date);
		store_str_set(&nk.past_last_event, drop.past_last_event);
		if (nk.past_last_event == NULL)
			nk.past_last_event = xstrdup("");
	}
	nk.version = keep.version + 1;
	nk.updated_at = w.now;
	snprintf(nk.updated_by, sizeof nk.updated_by, "%s", st->actor);
	if ((rc = member_write(&w, &keep, &nk)) != STORE_OK ||
	    (rc = member_drop(&w, &drop, &left)) != STORE_OK ||
	    (rc = agg_recompute(&w, kid)) != STORE_OK)
		goto fail;
	buf_printf(&old, "drop=%s; ", did);
	member_diff(&old, &nw, &keep, &nk);
	buf_printf(&nw, "%srecords=%zu", nw.len != 0 ? "; " : "", nrec);
	buf_addc(&old, '\0');
	buf_addc(&nw, '\0');
	if ((rc = audit_add(&w, "member", "merge", kid, "",
	    (const char *)old.p, (const char *)nw.p)) != STORE_OK)
		goto fail;
	rc = store_wcommit(&w);
	goto out;
fail:
	store_wabort(&w);
out:
	store_member_free(&keep);
	store_member_free(&drop);
	store_member_free(&nk);
	buf_free(&list);
	buf_free(&old);
	buf_free(&nw);
	return (rc);
}

/* Read events KEEP and DROP (folded codes into KC and DC) in W. */
static int
merge_events_read(struct wtx *w, const char *keepin, const char *dropin,
    struct store_event *keep, struct store_event *drop)
{
	struct store	*st = w->st;
	char		 kc[STORE_ID_MAX + 1], dc[STORE_ID_MAX + 1];
	int		 rc;

	if ((rc = store_key_lookup(keepin, kc, "keep", &st->err)) != 0 ||
	    (rc = store_key_lookup(dropin, dc, "drop", &st->err)) != 0)
		return (rc);
	if (strcmp(kc, dc) == 0)
		return (store_err(st, STORE_INVALID, "drop",
		    _("cannot merge event %s into itself"), kc));
	if ((rc = event_read(st, w->txn, kc, keep)) != STORE_OK ||
	    (rc = event_read(st, w->txn, dc, drop)) != STORE_OK) {
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, keep->code[0] == '\0' ? "keep" :
			    "drop", _("event %s not found"),
			    keep->code[0] == '\0' ? kc : dc);
		return (rc);
	}
	return (STORE_OK);
}

int
store_event_merge(struct store *st, const char *keepin, const char *dropin)
{
	struct store_event	 keep, drop;
	struct merge_at		 from, to;
	struct wtx		 w;
	struct buf		 list;
	const char		*p, *end, *member;
	char			 extra[STORE_ID_MAX + 48];
	size_t			 n;
	int			 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_EVENTS, STORE_ACT_EDIT)) != 0 ||
	    (rc = access_need(st, STORE_AREA_EVENTS, STORE_ACT_DELETE)) != 0)
		return (rc);
	memset(&keep, 0, sizeof keep);
	memset(&drop, 0, sizeof drop);
	buf_init(&list);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	if ((rc = merge_events_read(&w, keepin, dropin, &keep, &drop)) !=
	    STORE_OK ||
	    (rc = event_scan(st, w.txn, drop.code, &list, &n)) != STORE_OK)
		goto fail;
	end = (const char *)list.p + list.len;
	for (p = (const char *)list.p; p < end; p = member +
	    strlen(member) + 1) {
		member = p + 2;
		from = (struct merge_at){ drop.code, member, drop.date };
		to = (struct merge_at){ keep.code, member, keep.date };
		if ((rc = merge_record(&w, &from, &to)) != STORE_OK ||
		    (rc = agg_recompute(&w, member)) != STORE_OK)
			goto fail;
	}
	if ((rc = store_del(st, w.txn, DB_EVENTS, drop.code,
	    strlen(drop.code))) != STORE_OK)
		goto fail;
	snprintf(extra, sizeof extra, "into=%s; records=%zu", keep.code, n);
	if ((rc = event_audit(&w, "merge", &drop, NULL, extra)) != STORE_OK)
		goto fail;
	rc = store_wcommit(&w);
	goto out;
fail:
	store_wabort(&w);
out:
	store_event_free(&keep);
	store_event_free(&drop);
	buf_free(&list);
	return (rc);
}
