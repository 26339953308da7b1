/* attendance.c -- invitation, response and final status records: apply a
 * batch of changes in one txn with history, pending, aggregate and audit;
 * read one record; walk a member's, an event's or every record. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

void
store_attendance_free(struct store_attendance *a)
{
	if (a == NULL)
		return;
	free(a->note);
	a->note = NULL;
}

void
store_change_init(struct store_change *c, const char *event,
    const char *member)
{
	memset(c, 0, sizeof *c);
	c->event = event;
	c->member = member;
	c->response = STORE_KEEP;
	c->final = STORE_KEEP;
	c->walk_in = STORE_KEEP;
}

/* Delete one record and its history and pending keys (not the
 * aggregate: the caller recomputes or drops it). */
int
att_drop(struct wtx *w, const char *event, const char *member,
    const char *date, int final)
{
	struct store	*st = w->st;
	char		 k[3 * STORE_ID_MAX + 16];
	size_t		 n;
	int		 rc;

	n = idx_att_key(k, event, member);
	if ((rc = store_del(st, w->txn, DB_ATT, k, n)) != STORE_OK &&
	    rc != STORE_NOTFOUND)
		return (rc);
	n = idx_bymem_key(k, member, date, event);
	if ((rc = store_del(st, w->txn, DB_BYMEM, k, n)) != STORE_OK &&
	    rc != STORE_NOTFOUND)
		return (rc);
	if (final == STORE_FINAL_PENDING) {
		n = idx_pending_key(k, date, event, member);
		if ((rc = store_del(st, w->txn, DB_PENDING, k, n)) !=
		    STORE_OK && rc != STORE_NOTFOUND)
			return (rc);
	}
	return (STORE_OK);
}

/* Put record NW over OLD (NULL: new) of an event on DATE: the record,
 * its history entry, the pending set and the member's aggregate. */
int
att_write(struct wtx *w, const char *date, const struct store_attendance *old,
    struct store_attendance *nw)
{
	struct store	*st = w->st;
	struct buf	*b;
	char		 k[3 * STORE_ID_MAX + 16];
	unsigned char	 val[2];
	size_t		 n;
	int		 rc;

	b = &w->scratch[0];
	b->len = 0;
	codec_att_enc(b, nw);
	n = idx_att_key(k, nw->event, nw->member);
	rc = store_put(st, w->txn, DB_ATT, k, n, b->p, b->len, 0);
	if (rc != STORE_OK)
		return (rc);
	if (old != NULL && old->final == nw->final &&
	    old->response == nw->response)
		return (STORE_OK);
	val[0] = (unsigned char)nw->final;
	val[1] = (unsigned char)nw->response;
	n = idx_bymem_key(k, nw->member, date, nw->event);
	if ((rc = store_put(st, w->txn, DB_BYMEM, k, n, val, 2, 0)) != 0)
		return (rc);
	n = idx_pending_key(k, date, nw->event, nw->member);
	if (nw->final == STORE_FINAL_PENDING &&
	    (old == NULL || old->final != STORE_FINAL_PENDING)) {
		if ((rc = store_put(st, w->txn, DB_PENDING, k, n, "", 0,
		    0)) != 0)
			return (rc);
	} else if (nw->final != STORE_FINAL_PENDING && old != NULL &&
	    old->final == STORE_FINAL_PENDING) {
		if ((rc = store_del(st, w->txn, DB_PENDING, k, n)) != 0 &&
		    rc != STORE_NOTFOUND)
			return (rc);
	}
	return (agg_delta(w, nw->member, date, nw->event,
	    old == NULL ? -1 : (int)old->final,
	    old == NULL ? -1 : (int)old->response, (int)nw->final,
	    (int)nw->response));
}

static void
att_diff_field(struct buf *old, struct buf *nw, const char *field,
    const char *a, const char *b)
{
	if (a != NULL && strcmp(a, b) == 0)
		return;
	if (a != NULL) {
		if (old->len != 0)
			buf_adds(old, "; ");
		buf_printf(old, "%s=", field);
		text_escape(old, a);
	}
	if (nw->len != 0)
		buf_adds(nw, "; ");
	buf_printf(nw, "%s=", field);
	text_escape(nw, b);
}

/* What changed from A (NULL: a new record) to B, as audit text. */
static void
att_diff(struct buf *old, struct buf *nw, const struct store_attendance *a,
    const struct store_attendance *b)
{
	char	ta[32], tb[32];

	if (a == NULL || strcmp(a->invited_on, b->invited_on) != 0)
		att_diff_field(old, nw, "invited_on", a ? a->invited_on : NULL,
		    b->invited_on);
	if (a == NULL ? b->response != STORE_RESP_NONE :
	    a->response != b->response)
		att_diff_field(old, nw, "response",
		    a ? store_response_word(a->response) : NULL,
		    store_response_word(b->response));
	if (a == NULL ? b->final != STORE_FINAL_PENDING : a->final != b->final)
		att_diff_field(old, nw, "final",
		    a ? store_final_word(a->final) : NULL,
		    store_final_word(b->final));
	if (a == NULL ? b->walk_in : a->walk_in != b->walk_in)
		att_diff_field(old, nw, "walk_in",
		    a ? (a->walk_in ? "1" : "0") : NULL, b->walk_in ? "1" : "0");
	if (a == NULL ? b->checked_in_at != 0 :
	    a->checked_in_at != b->checked_in_at) {
		ta[0] = tb[0] = '\0';
		if (a != NULL && a->checked_in_at != 0)
			store_time_text(a->checked_in_at, ta, sizeof ta);
		if (b->checked_in_at != 0)
			store_time_text(b->checked_in_at, tb, sizeof tb);
		att_diff_field(old, nw, "checked_in", a ? ta : NULL, tb);
	}
	if (a == NULL ? (b->note != NULL && *b->note != '\0') :
	    strcmp(a->note ? a->note : "", b->note ? b->note : "") != 0)
		att_diff_field(old, nw, "note", a ? (a->note ? a->note : "") :
		    NULL, b->note ? b->note : "");
}

static bool
att_same(const struct store_attendance *a, const struct store_attendance *b)
{
	return (strcmp(a->invited_on, b->invited_on) == 0 &&
	    a->response == b->response && a->final == b->final &&
	    a->walk_in == b->walk_in && a->checked_in_at == b->checked_in_at &&
	    strcmp(a->checked_in_by, b->checked_in_by) == 0 &&
	    strcmp(a->note ? a->note : "", b->note ? b->note : "") == 0);
}

static int
att_audit(struct wtx *w, const struct store_attendance *a,
    const struct store_attendance *b)
{
	struct buf	*old, *nw;
	const char	*action;
	int		 rc;

	if (b->checked_in_at != 0 && (a == NULL || a->checked_in_at == 0))
		action = "checkin";
	else if (a == NULL ? b->final != STORE_FINAL_PENDING :
	    a->final != b->final)
		action = "mark";
	else if (a == NULL ? b->response != STORE_RESP_NONE :
	    a->response != b->response)
		action = "respond";
	else if (a == NULL)
		action = "invite";
	else
		action = "edit";
	if (w->quiet)
		return (STORE_OK);
	old = &w->scratch[1];
	nw = &w->scratch[2];
	old->len = nw->len = 0;
	att_diff(old, nw, a, b);
	buf_addc(old, '\0');
	buf_addc(nw, '\0');
	rc = audit_add(w, "attendance", action, b->member, b->event,
	    (const char *)old->p, (const char *)nw->p);
	return (rc);
}

/* Validate change C: keys folded into N, its note normalised (malloc'd
 * into n->note, NULL when C keeps the note). */
int
att_change_norm(struct store *st, const struct store_change *c,
    struct att_norm *n)
{
	int	rc;

	n->note = NULL;
	if ((rc = store_key_lookup(c->event, n->event, "event_code",
	    &st->err)) != STORE_OK ||
	    (rc = store_key_lookup(c->member, n->member, "member_id",
	    &st->err)) != STORE_OK)
		return (rc);
	if (c->response != STORE_KEEP &&
	    (c->response < 0 || c->response > STORE_RESP_TENTATIVE))
		return (store_err(st, STORE_INVALID, "response",
		    _("response: unknown value %d"), c->response));
	if (c->final != STORE_KEEP &&
	    (c->final < 0 || c->final > STORE_FINAL_CANCELLED))
		return (store_err(st, STORE_INVALID, "status",
		    _("status: unknown final status %d"), c->final));
	if (c->walk_in != STORE_KEEP && c->walk_in != 0 && c->walk_in != 1)
		return (store_err(st, STORE_INVALID, "walk_in",
		    _("walk_in: must be 0 or 1, not %d"), c->walk_in));
	if (c->invited_on != NULL && (rc = text_date_field(st, "invited_on",
	    c->invited_on)) != STORE_OK)
		return (rc);
	if (c->note != NULL &&
	    (rc = text_norm_multi(st, "note", c->note, &n->note)) != STORE_OK)
		return (rc);
	return (STORE_OK);
}

/* Apply one change inside W.  *CHANGED: 0 nothing written, 1 a record
 * updated, 2 a record added.  RESULT (when not NULL) receives the record
 * as it now is. */
/* The invited_on of a record C creates: the date given, else today (TODAY,
 * or store_today() when NULL) when C sets neither response nor final -- an
 * invitation -- else empty: a mark or response without an invitation. */
void
att_created_invited_on(const struct store_change *c, const char *today,
    char out[STORE_DATE_SIZE])
{
	out[0] = '\0';
	if (c->invited_on != NULL)
		snprintf(out, STORE_DATE_SIZE, "%s", c->invited_on);
	else if (!c->not_invited && c->response == STORE_KEEP &&
	    c->final == STORE_KEEP) {
		if (today != NULL)
			snprintf(out, STORE_DATE_SIZE, "%s", today);
		else
			store_today(out);
	}
}

int
att_apply_one(struct wtx *w, const struct store_change *c,
    struct store_attendance *result, int *changed)
{
	struct store		*st = w->st;
	struct store_attendance	 old, nw;
	struct att_norm		 an;
	MDB_val			 v;
	char			 date[STORE_DATE_SIZE], k[2 * STORE_ID_MAX + 2];
	char			*note = NULL;
	size_t			 n;
	bool			 exists;
	int			 rc;

	*changed = 0;
	memset(&old, 0, sizeof old);
	memset(&nw, 0, sizeof nw);
	if ((rc = att_change_norm(st, c, &an)) != STORE_OK)
		return (rc);
	memcpy(nw.event, an.event, sizeof nw.event);
	memcpy(nw.member, an.member, sizeof nw.member);
	note = an.note;

	if ((rc = event_date(w, nw.event, date)) != STORE_OK) {
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, "event_code",
			    _("event %s not found"), nw.event);
		goto out;
	}
	n = idx_att_key(k, nw.event, nw.member);
	rc = store_get(st, w->txn, DB_ATT, k, n, &v);
	if (rc != STORE_OK && rc != STORE_NOTFOUND)
		goto out;
	exists = rc == STORE_OK;
	/* a record's member exists (deleting a member deletes its records) */
	if (!exists && (rc = store_get(st, w->txn, DB_MEMBERS, nw.member,
	    strlen(nw.member), &v)) != STORE_OK) {
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, "member_id",
			    _("member %s not found"), nw.member);
		goto out;
	}
	if (exists) {
		memcpy(old.event, nw.event, sizeof old.event);
		memcpy(old.member, nw.member, sizeof old.member);
		if (codec_att_dec(&v, &old, true) != STORE_OK) {
			rc = store_err(st, STORE_IO, NULL,
			    _("attendance %s/%s: corrupt record"), nw.event,
			    nw.member);
			goto out;
		}
		if (c->expect != 0 && c->expect != old.version) {
			char	what[2 * STORE_ID_MAX + 8];

			snprintf(what, sizeof what, "%s/%s", nw.event,
			    nw.member);
			rc = store_conflict(st, _("attendance record"), what,
			    old.version, c->expect, old.updated_by,
			    old.updated_at);
			goto out;
		}
		memcpy(&nw, &old, sizeof nw);
		nw.note = xstrdup(old.note);
	} else {
		if (c->only_existing) {
			rc = store_err(st, STORE_NOTFOUND, NULL,
			    _("member %s has no record at event %s"),
			    nw.member, nw.event);
			goto out;
		}
		att_created_invited_on(c, NULL, nw.invited_on);
		nw.note = xstrdup("");
		/* attended without an invitation: a walk-in (not an import's
		 * history, which says walk_in itself) */
		nw.walk_in = !w->quiet && c->final == STORE_FINAL_ATTENDED &&
		    nw.invited_on[0] == '\0';
	}
	if (c->invited_on != NULL)
		snprintf(nw.invited_on, sizeof nw.invited_on, "%s",
		    c->invited_on);
	if (c->response != STORE_KEEP)
		nw.response = (enum store_response)c->response;
	if (c->final != STORE_KEEP)
		nw.final = (enum store_final)c->final;
	if (c->walk_in != STORE_KEEP)
		nw.walk_in = c->walk_in != 0;
	if (c->clear_checkin) {
		nw.checked_in_at = 0;
		nw.checked_in_by[0] = '\0';
	}
	if (c->checkin) {
		nw.checked_in_at = c->checkin_at != 0 ? c->checkin_at : w->now;
		snprintf(nw.checked_in_by, sizeof nw.checked_in_by, "%s",
		    c->checkin_by != NULL ? c->checkin_by : st->actor);
	}
	if (note != NULL) {
		free(nw.note);
		nw.note = note;
		note = NULL;
	}
	if (exists && att_same(&old, &nw)) {
		rc = STORE_OK;
		goto done;
	}
	nw.version = exists ? old.version + 1 : 1;
	nw.updated_at = w->now;
	snprintf(nw.updated_by, sizeof nw.updated_by, "%s", st->actor);
	if ((rc = att_write(w, date, exists ? &old : NULL, &nw)) != STORE_OK ||
	    (rc = att_audit(w, exists ? &old : NULL, &nw)) != STORE_OK)
		goto out;
	*changed = exists ? 1 : 2;
done:
	if (result != NULL) {
		*result = nw;
		nw.note = NULL;
	}
out:
	free(note);
	store_attendance_free(&old);
	store_attendance_free(&nw);
	return (rc);
}

/* The right a change needs: checkin for the door's own changes, add for
 * an invitation (a record made and nothing set), edit for the rest. */
static unsigned
att_right(const struct store_change *c)
{
	if (c->checkin || c->clear_checkin)
		return (STORE_ACT_CHECKIN);
	if (c->response == STORE_KEEP && c->final == STORE_KEEP &&
	    c->note == NULL && !c->only_existing)
		return (STORE_ACT_ADD);
	return (STORE_ACT_EDIT);
}

/* A member outside the role's rows has no records to change. */
static int
att_inside_rows(struct wtx *w, const struct store_change *c)
{
	char	id[STORE_ID_MAX + 1];

	if (w->st->rows == NULL || store_key_lookup(c->member, id,
	    "member_id", &w->st->err) != STORE_OK || access_id_ok(w->st,
	    w->txn, id))
		return (STORE_OK);	/* a bad key is apply's to report */
	return (store_err(w->st, STORE_NOTFOUND, "member_id",
	    _("member %s not found"), id));
}

int
store_attendance_apply(struct store *st, const struct store_change *changes,
    size_t n, struct store_attendance *result)
{
	struct wtx	w;
	size_t		i, done = 0;
	int		rc, changed, any = 0;

	store_err_clear(st);
	if (result != NULL)
		memset(result, 0, n * sizeof *result);
	for (i = 0; i < n; i++) {
		if ((rc = access_need(st, STORE_AREA_ATTENDANCE,
		    att_right(&changes[i]))) != STORE_OK)
			return (rc);
	}
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	for (i = 0; i < n; i++) {
		if ((rc = att_inside_rows(&w, &changes[i])) != STORE_OK)
			goto fail;
		rc = att_apply_one(&w, &changes[i],
		    result != NULL ? &result[i] : NULL, &changed);
		if (rc != STORE_OK)
			goto fail;
		done = i + 1;
		any |= changed != 0;
	}
	if (!any) {
		store_wabort(&w);
		return (STORE_OK);
	}
	if ((rc = store_wcommit(&w)) != STORE_OK)
		goto undo;
	return (STORE_OK);
fail:
	store_wabort(&w);
undo:
	if (result != NULL) {
		for (i = 0; i < done; i++)
			store_attendance_free(&result[i]);
		memset(result, 0, n * sizeof *result);
	}
	return (rc);
}

int
store_invite(struct store *st, const char *event, const char *member)
{
	struct store_change	c;

	store_change_init(&c, event, member);
	return (store_attendance_apply(st, &c, 1, NULL));
}

int
store_respond(struct store *st, const char *event, const char *member,
    enum store_response r, uint32_t expect)
{
	struct store_change	c;

	store_change_init(&c, event, member);
	c.response = (int)r;
	c.expect = expect;
	return (store_attendance_apply(st, &c, 1, NULL));
}

int
store_mark(struct store *st, const char *event, const char *member,
    enum store_final f, uint32_t expect)
{
	struct store_change	c;

	store_change_init(&c, event, member);
	c.final = (int)f;
	c.expect = expect;
	return (store_attendance_apply(st, &c, 1, NULL));
}

int
store_attendance_get(struct store *st, const char *eventin,
    const char *memberin, struct store_attendance *a)
{
	MDB_txn	*txn;
	MDB_val	 v;
	char	 k[2 * STORE_ID_MAX + 2];
	size_t	 n;
	int	 rc;

	store_err_clear(st);
	memset(a, 0, sizeof *a);
	if ((rc = access_need(st, STORE_AREA_ATTENDANCE, STORE_ACT_VIEW)) != 0 ||
	    (rc = store_key_lookup(eventin, a->event, "event_code",
	    &st->err)) != STORE_OK ||
	    (rc = store_key_lookup(memberin, a->member, "member_id",
	    &st->err)) != STORE_OK)
		return (rc);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	n = idx_att_key(k, a->event, a->member);
	rc = store_get(st, txn, DB_ATT, k, n, &v);
	if (rc == STORE_OK && !access_id_ok(st, txn, a->member))
		rc = STORE_NOTFOUND;
	if (rc == STORE_NOTFOUND)
		store_err(st, rc, NULL, _("member %s has no record at "
		    "event %s"), a->member, a->event);
	else if (rc == STORE_OK && codec_att_dec(&v, a, true) != STORE_OK)
		rc = store_err(st, STORE_IO, NULL,
		    _("attendance %s/%s: corrupt record"), a->event,
		    a->member);
	mdb_txn_abort(txn);
	return (rc);
}

/* Reading rows for the walks: the event and member sides cached. */
struct att_walk {
	struct store		*st;
	MDB_txn			*txn;
	store_att_cb		 cb;
	void			*arg;
	char			 ev_code[STORE_ID_MAX + 1];
	char			 ev_name[STORE_ROWTEXT_SIZE];
	char			 ev_date[STORE_DATE_SIZE];
	int			 ev_known;
};

/* Fill a row for the record at EVENT/MEMBER whose value is V, call the
 * callback; its non-zero return stops the walk. */
static int
att_walk_row(struct att_walk *aw, const char *event, const char *member,
    const MDB_val *v)
{
	struct store_att_row	 row;
	struct store_member_row	 mr;
	MDB_val			 ev, mv;
	int			 rc;

	if (!access_id_ok(aw->st, aw->txn, member))
		return (0);	/* outside the role's rows: no such record */
	memset(&row, 0, sizeof row);
	snprintf(row.a.event, sizeof row.a.event, "%s", event);
	snprintf(row.a.member, sizeof row.a.member, "%s", member);
	if (codec_att_dec(v, &row.a, true) != STORE_OK)
		return (store_err(aw->st, STORE_IO, NULL,
		    _("attendance %s/%s: corrupt record"), event, member));
	if (strcmp(aw->ev_code, event) != 0) {
		snprintf(aw->ev_code, sizeof aw->ev_code, "%s", event);
		aw->ev_name[0] = aw->ev_date[0] = '\0';
		if (store_get(aw->st, aw->txn, DB_EVENTS, event,
		    strlen(event), &ev) == STORE_OK) {
			codec_event_name(&ev, aw->ev_name,
			    sizeof aw->ev_name);
			(void)codec_event_date(&ev, aw->ev_date);
		}
	}
	memcpy(row.event_name, aw->ev_name, sizeof row.event_name);
	memcpy(row.event_date, aw->ev_date, sizeof row.event_date);
	if (store_get(aw->st, aw->txn, DB_MEMBERS, member, strlen(member),
	    &mv) == STORE_OK) {
		codec_member_row(&mv, &mr);
		access_hide_row(aw->st, &mr);
		memcpy(row.member_name, mr.name, sizeof row.member_name);
		memcpy(row.member_kana, mr.kana, sizeof row.member_kana);
	}
	rc = aw->cb(&row, aw->arg);
	store_attendance_free(&row.a);
	return (rc);
}

static int
att_walk_begin(struct store *st, struct att_walk *aw, store_att_cb cb,
    void *arg)
{
	int	rc;

	store_err_clear(st);
	memset(aw, 0, sizeof *aw);
	aw->st = st;
	aw->cb = cb;
	aw->arg = arg;
	if ((rc = access_need(st, STORE_AREA_ATTENDANCE, STORE_ACT_VIEW)) != 0)
		return (rc);
	return (store_rbegin(st, &aw->txn));
}

/* Records in attendance key order from PREFIX (its bytes, "" for all). */
static int
att_walk_att(struct att_walk *aw, const char *prefix, size_t plen)
{
	struct cur	c;
	MDB_val		 k, v;
	char		 event[STORE_ID_MAX + 1], member[STORE_ID_MAX + 1];
	const char	*z;
	int		 rc, op;

	if ((rc = store_cursor(aw->st, aw->txn, DB_ATT, &c)) != STORE_OK)
		return (rc);
	k.mv_data = (void *)prefix;
	k.mv_size = plen;
	op = plen == 0 ? MDB_FIRST : MDB_SET_RANGE;
	for (;; op = MDB_NEXT) {
		if ((rc = cur_get(&c, &k, &v, op)) != 0) {
			rc = rc == MDB_NOTFOUND ? STORE_OK :
			    store_mdb(aw->st, rc, "attendance");
			break;
		}
		if (k.mv_size < plen || memcmp(k.mv_data, prefix, plen) != 0) {
			rc = STORE_OK;
			break;
		}
		if ((z = memchr(k.mv_data, '\0', k.mv_size)) == NULL)
			continue;
		codec_copy_text(event, sizeof event, k.mv_data,
		    (size_t)(z - (const char *)k.mv_data));
		codec_copy_text(member, sizeof member, z + 1, k.mv_size -
		    (size_t)(z - (const char *)k.mv_data) - 1);
		if ((rc = att_walk_row(aw, event, member, &v)) != 0)
			break;
	}
	cur_close(&c);
	return (rc);
}

int
store_event_records(struct store *st, const char *codein, store_att_cb cb,
    void *arg)
{
	struct att_walk	aw;
	char		code[STORE_ID_MAX + 2];
	int		rc;

	if ((rc = store_key_lookup(codein, code, "event_code", &st->err)) != 0)
		return (rc == STORE_INVALID ? STORE_NOTFOUND : rc);
	if ((rc = att_walk_begin(st, &aw, cb, arg)) != STORE_OK)
		return (rc);
	rc = att_walk_att(&aw, code, strlen(code) + 1);
	mdb_txn_abort(aw.txn);
	return (rc);
}

int
store_attendance_each(struct store *st, store_att_cb cb, void *arg)
{
	struct att_walk	aw;
	int		rc;

	if ((rc = att_walk_begin(st, &aw, cb, arg)) != STORE_OK)
		return (rc);
	rc = att_walk_att(&aw, "", 0);
	mdb_txn_abort(aw.txn);
	return (rc);
}

int
store_member_history(struct store *st, const char *memberin, store_att_cb cb,
    void *arg)
{
	struct att_walk	 aw;
	struct cur	c;
	MDB_val		 k, v, av;
	char		 id[STORE_ID_MAX + 2], seek[STORE_ID_MAX + 2];
	char		 ak[2 * STORE_ID_MAX + 2], event[STORE_ID_MAX + 1];
	const char	*p, *z, *end;
	size_t		 mlen, n;
	int		 rc, op;

	if ((rc = store_key_lookup(memberin, id, "member_id", &st->err)) != 0)
		return (rc == STORE_INVALID ? STORE_NOTFOUND : rc);
	if ((rc = att_walk_begin(st, &aw, cb, arg)) != STORE_OK)
		return (rc);
	mlen = strlen(id);
	memcpy(seek, id, mlen);
	seek[mlen] = '\001';		/* just past every "id\0..." key */
	if ((rc = store_cursor(st, aw.txn, DB_BYMEM, &c)) != STORE_OK) {
		mdb_txn_abort(aw.txn);
		return (rc);
	}
	k.mv_data = seek;
	k.mv_size = mlen + 1;
	rc = cur_get(&c, &k, &v, MDB_SET_RANGE);
	op = rc == MDB_NOTFOUND ? MDB_LAST : MDB_PREV;
	for (;; op = MDB_PREV) {
		if ((rc = cur_get(&c, &k, &v, op)) != 0) {
			rc = rc == MDB_NOTFOUND ? STORE_OK :
			    store_mdb(st, rc, "by_member");
			break;
		}
		if (k.mv_size <= mlen + 1 || memcmp(k.mv_data, id, mlen) != 0 ||
		    ((const char *)k.mv_data)[mlen] != '\0') {
			rc = STORE_OK;
			break;
		}
		p = (const char *)k.mv_data + mlen + 1;
		end = (const char *)k.mv_data + k.mv_size;
		if ((z = memchr(p, '\0', (size_t)(end - p))) == NULL)
			continue;
		codec_copy_text(event, sizeof event, z + 1,
		    (size_t)(end - z - 1));
		n = idx_att_key(ak, event, id);
		if ((rc = store_get(st, aw.txn, DB_ATT, ak, n, &av)) != 0) {
			if (rc == STORE_NOTFOUND)
				continue;
			break;
		}
		if ((rc = att_walk_row(&aw, event, id, &av)) != 0)
			break;
	}
	cur_close(&c);
	mdb_txn_abort(aw.txn);
	return (rc);
}

int
store_pending_each(struct store *st, store_att_cb cb, void *arg)
{
	struct att_walk	 aw;
	struct cur	c;
	MDB_val		 k, v, av;
	char		 event[STORE_ID_MAX + 1], member[STORE_ID_MAX + 1];
	char		 ak[2 * STORE_ID_MAX + 2];
	const char	*p, *z1, *z2, *end;
	size_t		 n;
	int		 rc, op;

	if ((rc = att_walk_begin(st, &aw, cb, arg)) != STORE_OK)
		return (rc);
	if ((rc = store_cursor(st, aw.txn, DB_PENDING, &c)) != STORE_OK) {
		mdb_txn_abort(aw.txn);
		return (rc);
	}
	for (op = MDB_FIRST;; op = MDB_NEXT) {
		if ((rc = cur_get(&c, &k, &v, op)) != 0) {
			rc = rc == MDB_NOTFOUND ? STORE_OK :
			    store_mdb(st, rc, "pending");
			break;
		}
		p = k.mv_data;
		end = p + k.mv_size;
		if ((z1 = memchr(p, '\0', k.mv_size)) == NULL ||
		    (z2 = memchr(z1 + 1, '\0', (size_t)(end - z1 - 1))) == NULL)
			continue;
		codec_copy_text(event, sizeof event, z1 + 1,
		    (size_t)(z2 - z1 - 1));
		codec_copy_text(member, sizeof member, z2 + 1,
		    (size_t)(end - z2 - 1));
		n = idx_att_key(ak, event, member);
		if ((rc = store_get(st, aw.txn, DB_ATT, ak, n, &av)) != 0) {
			if (rc == STORE_NOTFOUND)
				continue;
			break;
		}
		if ((rc = att_walk_row(&aw, event, member, &av)) != 0)
			break;
	}
	cur_close(&c);
	mdb_txn_abort(aw.txn);
	return (rc);
}
