/* event.c -- events: add, update (a date change moves every record's
 * history and pending keys), delete, get, each, find. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "store/store-int.h"

void
store_event_free(struct store_event *e)
{
	if (e == NULL)
		return;
	free(e->name);
	free(e->venue);
	free(e->notes);
	e->name = e->venue = e->notes = NULL;
}

/* An event's name and venue, its notes: kept like a member's. */
static const struct text_rule event_line = { false, false, STORE_LINE_MAX };
static const struct text_rule event_text = { true, false, STORE_TEXT_MAX };

int
event_norm(struct store *st, const struct store_event *in,
    struct store_event *out)
{
	int	rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_key_fold(in->code, out->code, "event_code",
	    &st->err)) != STORE_OK)
		return (rc);
	if ((rc = text_value(st, "name", in->name, &event_line,
	    &out->name)) != STORE_OK ||
	    (rc = text_value(st, "venue", in->venue, &event_line,
	    &out->venue)) != STORE_OK)
		goto fail;
	if (out->name[0] == '\0') {
		rc = store_err(st, STORE_INVALID, "name",
		    _("name is empty: an event needs a name"));
		goto fail;
	}
	if (in->date[0] == '\0') {
		rc = store_err(st, STORE_INVALID, "date",
		    _("date is empty: an event needs a date"));
		goto fail;
	}
	if ((rc = text_date_field(st, "date", in->date)) != STORE_OK)
		goto fail;
	if (in->capacity < 0) {
		rc = store_err(st, STORE_INVALID, "capacity",
		    _("capacity is negative (%ld)"), (long)in->capacity);
		goto fail;
	}
	if ((rc = text_value(st, "notes", in->notes, &event_text,
	    &out->notes)) != 0)
		goto fail;
	memcpy(out->date, in->date, sizeof out->date);
	out->capacity = in->capacity;
	out->version = in->version;
	out->updated_at = in->updated_at;
	snprintf(out->updated_by, sizeof out->updated_by, "%s",
	    in->updated_by);
	return (STORE_OK);
fail:
	store_event_free(out);
	return (rc);
}

int
event_read(struct store *st, MDB_txn *txn, const char *code,
    struct store_event *e)
{
	MDB_val	v;
	int	rc;

	if ((rc = store_get(st, txn, DB_EVENTS, code, strlen(code), &v)) != 0)
		return (rc);
	if (codec_event_dec(&v, code, e) != STORE_OK)
		return (store_err(st, STORE_IO, NULL,
		    _("event %s: corrupt record"), code));
	return (STORE_OK);
}

/* The date of event CODE; STORE_NOTFOUND without a message. */
int
event_date(struct wtx *w, const char *code, char date[STORE_DATE_SIZE])
{
	MDB_val	v;
	int	rc;

	if (w->ev_code[0] != '\0' && strcmp(w->ev_code, code) == 0) {
		memcpy(date, w->ev_date, STORE_DATE_SIZE);
		return (STORE_OK);
	}
	rc = store_get(w->st, w->txn, DB_EVENTS, code, strlen(code), &v);
	if (rc != STORE_OK)
		return (rc);
	if (codec_event_date(&v, date) != STORE_OK)
		return (store_err(w->st, STORE_IO, NULL,
		    _("event %s: corrupt record"), code));
	snprintf(w->ev_code, sizeof w->ev_code, "%s", code);
	memcpy(w->ev_date, date, STORE_DATE_SIZE);
	return (STORE_OK);
}

bool
event_same(const struct store_event *a, const struct store_event *b)
{
	return (strcmp(a->name ? a->name : "", b->name ? b->name : "") == 0 &&
	    strcmp(a->date, b->date) == 0 &&
	    strcmp(a->venue ? a->venue : "", b->venue ? b->venue : "") == 0 &&
	    a->capacity == b->capacity &&
	    strcmp(a->notes ? a->notes : "", b->notes ? b->notes : "") == 0);
}

static void
event_diff_field(struct buf *old, struct buf *nw, const char *field,
    const char *a, const char *b)
{
	if (strcmp(a ? a : "", b ? b : "") == 0)
		return;
	if (old != NULL) {
		if (old->len != 0)
			buf_adds(old, "; ");
		buf_printf(old, "%s=", field);
		text_escape(old, a);
	}
	if (nw != NULL) {
		if (nw->len != 0)
			buf_adds(nw, "; ");
		buf_printf(nw, "%s=", field);
		text_escape(nw, b);
	}
}

void
event_diff(struct buf *old, struct buf *nw, const struct store_event *a,
    const struct store_event *b)
{
	static const struct store_event empty;
	char	ca[24], cb[24];

	if (a == NULL)
		a = &empty;
	if (b == NULL)
		b = &empty;
	event_diff_field(old, nw, "name", a->name, b->name);
	event_diff_field(old, nw, "date", a->date, b->date);
	event_diff_field(old, nw, "venue", a->venue, b->venue);
	snprintf(ca, sizeof ca, "%ld", (long)a->capacity);
	snprintf(cb, sizeof cb, "%ld", (long)b->capacity);
	if (a->capacity != b->capacity)
		event_diff_field(old, nw, "capacity", ca, cb);
	event_diff_field(old, nw, "notes", a->notes, b->notes);
}

/* Members having a record at event CODE: \0-separated IDs in OUT, with
 * each record's final and response before its ID. */
int
event_scan(struct store *st, MDB_txn *txn, const char *code, struct buf *out,
    size_t *n)
{
	struct cur		c;
	MDB_val			 k, v;
	struct store_attendance	 a;
	char			 key[STORE_ID_MAX + 2];
	size_t			 clen;
	int			 rc, op;

	*n = 0;
	clen = strlen(code);
	memcpy(key, code, clen + 1);
	if ((rc = store_cursor(st, txn, DB_ATT, &c)) != STORE_OK)
		return (rc);
	k.mv_data = key;
	k.mv_size = clen + 1;
	for (op = MDB_SET_RANGE;; op = MDB_NEXT) {
		if ((rc = cur_get(&c, &k, &v, op)) != 0)
			break;
		if (k.mv_size <= clen + 1 || memcmp(k.mv_data, key,
		    clen + 1) != 0)
			break;
		if (codec_att_dec(&v, &a, false) != STORE_OK) {
			cur_close(&c);
			return (store_err(st, STORE_IO, NULL,
			    _("attendance %s: corrupt record"), code));
		}
		buf_addc(out, (int)a.final);
		buf_addc(out, (int)a.response);
		buf_add(out, (const char *)k.mv_data + clen + 1,
		    k.mv_size - clen - 1);
		buf_addc(out, '\0');
		(*n)++;
	}
	cur_close(&c);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return (store_mdb(st, rc, "attendance"));
	return (STORE_OK);
}

/* Move every record of event E from OLD_DATE to E's date. */
static int
event_move(struct wtx *w, const struct store_event *e, const char *old_date)
{
	struct store	*st = w->st;
	struct buf	 list;
	const char	*p, *end, *member;
	char		 k[3 * STORE_ID_MAX + 16];
	unsigned char	 val[2];
	size_t		 n, klen;
	int		 rc;

	buf_init(&list);
	if ((rc = event_scan(st, w->txn, e->code, &list, &n)) != STORE_OK)
		goto out;
	for (p = (const char *)list.p, end = p + list.len; p < end; ) {
		val[0] = (unsigned char)p[0];
		val[1] = (unsigned char)p[1];
		member = p + 2;
		p = member + strlen(member) + 1;
		klen = idx_bymem_key(k, member, old_date, e->code);
		if ((rc = store_del(st, w->txn, DB_BYMEM, k, klen)) != 0 &&
		    rc != STORE_NOTFOUND)
			goto out;
		klen = idx_bymem_key(k, member, e->date, e->code);
		if ((rc = store_put(st, w->txn, DB_BYMEM, k, klen, val, 2,
		    0)) != 0)
			goto out;
		if (val[0] == STORE_FINAL_PENDING) {
			klen = idx_pending_key(k, old_date, e->code, member);
			if ((rc = store_del(st, w->txn, DB_PENDING, k,
			    klen)) != 0 && rc != STORE_NOTFOUND)
				goto out;
			klen = idx_pending_key(k, e->date, e->code, member);
			if ((rc = store_put(st, w->txn, DB_PENDING, k, klen,
			    "", 0, 0)) != 0)
				goto out;
		}
	}
	for (p = (const char *)list.p; p < end; ) {
		member = p + 2;
		p = member + strlen(member) + 1;
		if ((rc = agg_recompute(w, member)) != STORE_OK)
			goto out;
	}
	rc = STORE_OK;
out:
	buf_free(&list);
	return (rc);
}

/* Put NW over OLD (NULL: a new event). */
int
event_write(struct wtx *w, const struct store_event *old,
    struct store_event *nw)
{
	struct buf	b;
	int		rc;

	buf_init(&b);
	codec_event_enc(&b, nw);
	rc = store_put(w->st, w->txn, DB_EVENTS, nw->code, strlen(nw->code),
	    b.p, b.len, 0);
	buf_free(&b);
	if (rc != STORE_OK)
		return (rc);
	snprintf(w->ev_code, sizeof w->ev_code, "%s", nw->code);
	memcpy(w->ev_date, nw->date, sizeof w->ev_date);
	if (old != NULL && strcmp(old->date, nw->date) != 0)
		return (event_move(w, nw, old->date));
	return (STORE_OK);
}

int
event_audit(struct wtx *w, const char *action, const struct store_event *a,
    const struct store_event *b, const char *extra)
{
	struct buf	old, nw;
	int		rc;

	buf_init(&old);
	buf_init(&nw);
	event_diff(&old, &nw, a, b);
	if (extra != NULL) {
		if (old.len != 0)
			buf_adds(&old, "; ");
		buf_adds(&old, extra);
	}
	buf_addc(&old, '\0');
	buf_addc(&nw, '\0');
	rc = audit_add(w, "event", action, "", b != NULL ? b->code : a->code,
	    (const char *)old.p, (const char *)nw.p);
	buf_free(&old);
	buf_free(&nw);
	return (rc);
}

int
store_event_add(struct store *st, const struct store_event *in)
{
	struct store_event	e;
	struct wtx		w;
	MDB_val			v;
	int			rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_EVENTS, STORE_ACT_ADD)) != 0)
		return (rc);
	if ((rc = event_norm(st, in, &e)) != STORE_OK)
		return (rc);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		goto out;
	rc = store_get(st, w.txn, DB_EVENTS, e.code, strlen(e.code), &v);
	if (rc == STORE_OK) {
		rc = store_err(st, STORE_EXISTS, "event_code",
		    _("event %s already exists"), e.code);
		goto fail;
	}
	if (rc != STORE_NOTFOUND)
		goto fail;
	e.version = 1;
	e.updated_at = w.now;
	snprintf(e.updated_by, sizeof e.updated_by, "%s", st->actor);
	if ((rc = event_write(&w, NULL, &e)) != STORE_OK ||
	    (rc = event_audit(&w, "add", NULL, &e, NULL)) != STORE_OK)
		goto fail;
	rc = store_wcommit(&w);
	goto out;
fail:
	store_wabort(&w);
out:
	store_event_free(&e);
	return (rc);
}

int
store_event_update(struct store *st, const struct store_event *in,
    uint32_t expect)
{
	struct store_event	e, old;
	struct wtx		w;
	int			rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_EVENTS, STORE_ACT_EDIT)) != 0)
		return (rc);
	memset(&old, 0, sizeof old);
	if ((rc = event_norm(st, in, &e)) != STORE_OK)
		return (rc);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		goto out;
	if ((rc = event_read(st, w.txn, e.code, &old)) != STORE_OK) {
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, "event_code",
			    _("event %s not found"), e.code);
		goto fail;
	}
	if (expect != 0 && expect != old.version) {
		rc = store_conflict(st, _("event"), e.code, old.version,
		    expect, old.updated_by, old.updated_at);
		goto fail;
	}
	if (event_same(&old, &e)) {
		store_wabort(&w);
		goto out;
	}
	e.version = old.version + 1;
	e.updated_at = w.now;
	snprintf(e.updated_by, sizeof e.updated_by, "%s", st->actor);
	if ((rc = event_write(&w, &old, &e)) != STORE_OK ||
	    (rc = event_audit(&w, "edit", &old, &e, NULL)) != STORE_OK)
		goto fail;
	rc = store_wcommit(&w);
	goto out;
fail:
	store_wabort(&w);
out:
	store_event_free(&e);
	store_event_free(&old);
	return (rc);
}

int
store_event_delete(struct store *st, const char *codein, bool force,
    uint32_t expect)
{
	struct store_event	 old;
	struct wtx		 w;
	struct buf		 list;
	const char		*p, *end, *member;
	char			 code[STORE_ID_MAX + 1], extra[48];
	size_t			 n;
	int			 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_EVENTS, STORE_ACT_DELETE)) != 0)
		return (rc);
	memset(&old, 0, sizeof old);
	buf_init(&list);
	if ((rc = store_key_lookup(codein, code, "event_code", &st->err)) != 0)
		return (rc);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	if ((rc = event_read(st, w.txn, code, &old)) != STORE_OK) {
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, "event_code",
			    _("event %s not found"), code);
		goto fail;
	}
	if (expect != 0 && expect != old.version) {
		rc = store_conflict(st, _("event"), code, old.version, expect,
		    old.updated_by, old.updated_at);
		goto fail;
	}
	if ((rc = event_scan(st, w.txn, code, &list, &n)) != STORE_OK)
		goto fail;
	if (n > 0 && !force) {
		rc = store_err(st, STORE_HASREFS, "event_code",
		    _("event %s has %zu attendance records; delete them "
		    "first or force the deletion"), code, n);
		goto fail;
	}
	end = (const char *)list.p + list.len;
	for (p = (const char *)list.p; p < end; ) {
		member = p + 2;
		if ((rc = att_drop(&w, code, member, old.date,
		    (unsigned char)p[0])) != STORE_OK)
			goto fail;
		p = member + strlen(member) + 1;
	}
	for (p = (const char *)list.p; p < end; ) {
		member = p + 2;
		if ((rc = agg_recompute(&w, member)) != STORE_OK)
			goto fail;
		p = member + strlen(member) + 1;
	}
	if ((rc = store_del(st, w.txn, DB_EVENTS, code, strlen(code))) != 0)
		goto fail;
	snprintf(extra, sizeof extra, "records=%zu", n);
	if ((rc = event_audit(&w, "delete", &old, NULL, extra)) != STORE_OK)
		goto fail;
	rc = store_wcommit(&w);
	buf_free(&list);
	store_event_free(&old);
	return (rc);
fail:
	store_wabort(&w);
	buf_free(&list);
	store_event_free(&old);
	return (rc);
}

static int
event_counts(struct store *st, MDB_txn *txn, const char *code,
    struct store_event_counts *ec)
{
	struct cur		c;
	MDB_val			 k, v;
	struct store_attendance	 a;
	char			 key[STORE_ID_MAX + 2];
	size_t			 clen;
	int			 rc, op;

	memset(ec, 0, sizeof *ec);
	clen = strlen(code);
	memcpy(key, code, clen + 1);
	if ((rc = store_cursor(st, txn, DB_ATT, &c)) != STORE_OK)
		return (rc);
	k.mv_data = key;
	k.mv_size = clen + 1;
	for (op = MDB_SET_RANGE;; op = MDB_NEXT) {
		if ((rc = cur_get(&c, &k, &v, op)) != 0)
			break;
		if (k.mv_size <= clen + 1 || memcmp(k.mv_data, key,
		    clen + 1) != 0)
			break;
		if (codec_att_dec(&v, &a, false) != STORE_OK)
			continue;
		/* members outside the role's rows are not counted either */
		if (access_restricted(st)) {
			char	id[STORE_ID_MAX + 1];

			codec_copy_text(id, sizeof id, (const char *)k.mv_data +
			    clen + 1, k.mv_size - clen - 1);
			if (!access_id_ok(st, txn, id))
				continue;
		}
		if (a.invited_on[0] != '\0')
			ec->invited++;
		switch (a.response) {
		case STORE_RESP_ACCEPTED: ec->accepted++; break;
		case STORE_RESP_DECLINED: ec->declined++; break;
		case STORE_RESP_TENTATIVE: ec->tentative++; break;
		default: ec->no_response++; break;
		}
		switch (a.final) {
		case STORE_FINAL_ATTENDED: ec->attended++; break;
		case STORE_FINAL_ABSENT: ec->absent++; break;
		case STORE_FINAL_NO_SHOW: ec->no_show++; break;
		case STORE_FINAL_CANCELLED: ec->cancelled++; break;
		default: ec->pending++; break;
		}
		if (a.walk_in)
			ec->walk_in++;
	}
	cur_close(&c);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return (store_mdb(st, rc, "attendance"));
	return (STORE_OK);
}

int
store_event_get(struct store *st, const char *codein, struct store_event *e,
    struct store_event_counts *ec)
{
	MDB_txn	*txn;
	char	 code[STORE_ID_MAX + 1];
	int	 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_EVENTS, STORE_ACT_VIEW)) != 0)
		return (rc);
	memset(e, 0, sizeof *e);
	if (ec != NULL)
		memset(ec, 0, sizeof *ec);
	if ((rc = store_key_lookup(codein, code, "event_code", &st->err)) != 0)
		return (rc == STORE_INVALID ? STORE_NOTFOUND : rc);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	if ((rc = event_read(st, txn, code, e)) != STORE_OK) {
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, "event_code",
			    _("event %s not found"), code);
	} else if (ec != NULL &&
	    (rc = event_counts(st, txn, code, ec)) != STORE_OK)
		store_event_free(e);
	mdb_txn_abort(txn);
	return (rc);
}

static int
event_newest_first(const void *pa, const void *pb)
{
	const struct store_event	*a = pa, *b = pb;
	int				 c;

	if ((c = strcmp(b->date, a->date)) != 0)
		return (c);
	return (strcmp(b->code, a->code));
}

int
store_event_each(struct store *st, int (*cb)(const struct store_event *,
    const struct store_event_counts *, void *), void *arg)
{
	MDB_txn			*txn;
	struct cur		c;
	MDB_val			 k, v;
	struct store_event	*ev = NULL;
	struct store_event_counts ec;
	char			 code[STORE_ID_MAX + 1];
	size_t			 n = 0, cap = 0, i;
	int			 rc, mrc, op;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_EVENTS, STORE_ACT_VIEW)) != 0)
		return (rc);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	if ((rc = store_cursor(st, txn, DB_EVENTS, &c)) != STORE_OK) {
		mdb_txn_abort(txn);
		return (rc);
	}
	for (op = MDB_FIRST;; op = MDB_NEXT) {
		if ((mrc = cur_get(&c, &k, &v, op)) != 0) {
			if (mrc != MDB_NOTFOUND)
				rc = store_mdb(st, mrc, "events");
			break;
		}
		if (n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			ev = xrealloc(ev, cap * sizeof *ev);
		}
		codec_copy_text(code, sizeof code, k.mv_data, k.mv_size);
		if (codec_event_dec(&v, code, &ev[n]) != STORE_OK) {
			rc = store_err(st, STORE_IO, NULL,
			    _("event %s: corrupt record"), code);
			break;
		}
		n++;
	}
	cur_close(&c);
	if (rc == STORE_OK) {
		if (n > 1)	/* ev is NULL when there are no events */
			qsort(ev, n, sizeof *ev, event_newest_first);
		for (i = 0; i < n; i++) {
			if ((rc = event_counts(st, txn, ev[i].code,
			    &ec)) != STORE_OK)
				break;
			if ((rc = cb(&ev[i], &ec, arg)) != 0)
				break;
		}
	}
	mdb_txn_abort(txn);
	for (i = 0; i < n; i++)
		store_event_free(&ev[i]);
	free(ev);
	return (rc);
}

/* The edit distance between A and B in characters, up to LIMIT + 1. */
static size_t
event_distance(const char *a, const char *b, size_t limit)
{
	uint32_t	*ua, *ub;
	size_t		 na, nb, i, j, *row, prev, cur, best;

	ua = u8_to_u32((const uint8_t *)a, strlen(a), NULL, &na);
	ub = u8_to_u32((const uint8_t *)b, strlen(b), NULL, &nb);
	if (ua == NULL || ub == NULL || (na > nb ? na - nb : nb - na) > limit) {
		free(ua);
		free(ub);
		return (limit + 1);
	}
	row = xcalloc(nb + 1, sizeof *row);
	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++) {
		prev = row[0];
		row[0] = i;
		best = row[0];
		for (j = 1; j <= nb; j++) {
			cur = row[j];
			row[j] = prev + (ua[i - 1] != ub[j - 1]);
			if (row[j] > cur + 1)
				row[j] = cur + 1;
			if (row[j] > row[j - 1] + 1)
				row[j] = row[j - 1] + 1;
			if (row[j] < best)
				best = row[j];
			prev = cur;
		}
		if (best > limit)
			break;
	}
	best = i <= na ? limit + 1 : row[nb];
	free(row);
	free(ua);
	free(ub);
	return (best);
}

/* Events on DATE whose folded name equals FOLDED (SIMILAR: differs by at
 * most EVENT_NEAR characters instead), their codes in CODES (up to 2);
 * *N counts all of them. */
#define EVENT_NEAR	2
static int
event_match(struct store *st, const char *folded, const char *date,
    bool similar, char codes[2][STORE_ID_MAX + 1], size_t *n)
{
	MDB_txn		*txn;
	struct cur	c;
	MDB_val		 k, v;
	char		 d[STORE_DATE_SIZE], name[1040], *fn;
	bool		 hit;
	int		 rc, op;

	*n = 0;
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	if ((rc = store_cursor(st, txn, DB_EVENTS, &c)) != STORE_OK) {
		mdb_txn_abort(txn);
		return (rc);
	}
	for (op = MDB_FIRST; (rc = cur_get(&c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		if (codec_event_date(&v, d) != STORE_OK || strcmp(d, date) != 0)
			continue;
		codec_event_name(&v, name, sizeof name);
		if ((fn = store_fold(name)) == NULL)
			continue;
		hit = strcmp(fn, folded) == 0;
		if (similar)
			hit = !hit && event_distance(fn, folded, EVENT_NEAR) <=
			    EVENT_NEAR;
		free(fn);
		if (!hit)
			continue;
		if (*n < 2)
			codec_copy_text(codes[*n], STORE_ID_MAX + 1, k.mv_data,
			    k.mv_size);
		(*n)++;
	}
	cur_close(&c);
	mdb_txn_abort(txn);
	return (rc == MDB_NOTFOUND ? STORE_OK : store_mdb(st, rc, "events"));
}

int
store_event_find(struct store *st, const char *name, const char *date,
    char code[STORE_ID_MAX + 1])
{
	char	 codes[2][STORE_ID_MAX + 1], *folded;
	size_t	 n;
	int	 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_EVENTS, STORE_ACT_VIEW)) != 0)
		return (rc);
	code[0] = '\0';
	if (name == NULL)
		name = "";
	if (date == NULL)
		date = "";
	if ((folded = store_fold(name)) == NULL)
		return (store_err(st, STORE_INVALID, "event_name",
		    _("the event name is not valid UTF-8")));
	rc = event_match(st, folded, date, false, codes, &n);
	free(folded);
	if (rc != STORE_OK)
		return (rc);
	if (n == 0)
		return (store_err(st, STORE_NOTFOUND, "event_name",
		    _("no event named \"%s\" on %s"), name, date));
	if (n > 1)
		return (store_err(st, STORE_INVALID, "event_name",
		    _("%zu events are named \"%s\" on %s (%s, %s): give the "
		    "event code, or merge them with `sanka merge event KEEP "
		    "DROP`"), n, name, date, codes[0], codes[1]));
	memcpy(code, codes[0], sizeof codes[0]);
	return (STORE_OK);
}

int
store_event_similar(struct store *st, const char *name, const char *date,
    char code[STORE_ID_MAX + 1])
{
	char	 codes[2][STORE_ID_MAX + 1], *folded;
	size_t	 n;
	int	 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_EVENTS, STORE_ACT_VIEW)) != 0)
		return (rc);
	code[0] = '\0';
	if ((folded = store_fold(name == NULL ? "" : name)) == NULL)
		return (STORE_NOTFOUND);
	rc = event_match(st, folded, date == NULL ? "" : date, true, codes,
	    &n);
	free(folded);
	if (rc != STORE_OK)
		return (rc);
	if (n == 0)
		return (STORE_NOTFOUND);
	memcpy(code, codes[0], sizeof codes[0]);
	return (STORE_OK);
}
