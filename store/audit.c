/* audit.c -- the audit trail: one record per change under a big-endian
 * sequence number; redaction of a deleted member; the walk newest first. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

#define AUDIT_REDACTED	"(redacted)"

struct audit_rec {
	int64_t		 at;
	const char	*f[7];	/* user entity action member event old new */
	size_t		 n[7];
};

static void
audit_key(unsigned char k[8], uint64_t seq)
{
	int	i;

	for (i = 7; i >= 0; i--) {
		k[i] = (unsigned char)seq;
		seq >>= 8;
	}
}

static uint64_t
audit_seq(const unsigned char *k)
{
	uint64_t	seq = 0;
	int		i;

	for (i = 0; i < 8; i++)
		seq = seq << 8 | k[i];
	return (seq);
}

static void
audit_enc(struct buf *b, int64_t at, const char *const f[7])
{
	int	i;

	buf_addc(b, 1);
	buf_sv(b, at);
	for (i = 0; i < 7; i++)
		buf_str(b, f[i]);
}

/* Split a stored record; pointers into V. */
static int
audit_dec(const MDB_val *v, struct audit_rec *r)
{
	const unsigned char	*p = v->mv_data, *end = p + v->mv_size;
	uint64_t		 u, n;
	unsigned		 shift;
	int			 i;

	memset(r, 0, sizeof *r);
	if (p == end || *p++ < 1)
		return (STORE_IO);
	for (i = -1; i < 7; i++) {
		u = 0;
		shift = 0;
		if (p >= end)
			break;
		for (;;) {
			if (p >= end || shift > 63)
				return (STORE_IO);
			u |= (uint64_t)(*p & 0x7f) << shift;
			if ((*p++ & 0x80) == 0)
				break;
			shift += 7;
		}
		if (i < 0) {
			r->at = (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
			continue;
		}
		n = u;
		if (n > (uint64_t)(end - p))
			return (STORE_IO);
		r->f[i] = (const char *)p;
		r->n[i] = (size_t)n;
		p += n;
	}
	for (i = 0; i < 7; i++) {
		if (r->f[i] == NULL)
			r->f[i] = "";
	}
	return (STORE_OK);
}

/* Append one audit record in W's transaction. */
int
audit_add(struct wtx *w, const char *entity, const char *action,
    const char *member, const char *event, const char *old, const char *nw)
{
	struct store	*st = w->st;
	struct cur	c;
	MDB_val		 k, v;
	struct buf	*b;
	unsigned char	 key[8];
	const char	*f[7];
	int		 rc;

	if (w->quiet)
		return (STORE_OK);
	if (w->seq == 0) {
		if ((rc = store_cursor(st, w->txn, DB_AUDIT, &c)) != STORE_OK)
			return (rc);
		rc = cur_get(&c, &k, &v, MDB_LAST);
		cur_close(&c);
		if (rc == 0 && k.mv_size == 8)
			w->seq = audit_seq(k.mv_data) + 1;
		else if (rc == 0 || rc == MDB_NOTFOUND)
			w->seq = 1;
		else
			return (store_mdb(st, rc, "audit"));
	}
	f[0] = st->actor;
	f[1] = entity;
	f[2] = w->import ? "import" : action;
	f[3] = member;
	f[4] = event;
	f[5] = old;
	f[6] = nw;
	b = &w->scratch[0];	/* free again: att_write is done with it */
	b->len = 0;
	audit_enc(b, w->now, f);
	audit_key(key, w->seq);
	rc = store_put(st, w->txn, DB_AUDIT, key, 8, b->p, b->len, MDB_APPEND);
	if (rc == STORE_OK) {
		w->seq++;
		w->naudit++;
	}
	return (rc);
}

/* Replace the old and new text of every record naming MEMBER by
 * "(redacted)"; sequence, time, user, entity, action and IDs stay. */
int
audit_redact(struct wtx *w, const char *member)
{
	struct store		*st = w->st;
	struct cur		c;
	MDB_val			 k, v;
	struct audit_rec	 r;
	struct buf		 keys, b;
	const char		*f[7];
	char			*s[5];
	size_t			 mlen, i, nkeys = 0;
	int			 rc, op, j;

	mlen = strlen(member);
	buf_init(&keys);
	if ((rc = store_cursor(st, w->txn, DB_AUDIT, &c)) != STORE_OK)
		return (rc);
	for (op = MDB_FIRST;; op = MDB_NEXT) {
		if ((rc = cur_get(&c, &k, &v, op)) != 0)
			break;
		if (k.mv_size != 8 || audit_dec(&v, &r) != STORE_OK)
			continue;
		if (r.n[3] != mlen || memcmp(r.f[3], member, mlen) != 0)
			continue;
		if ((r.n[5] == 0 || (r.n[5] == sizeof AUDIT_REDACTED - 1 &&
		    memcmp(r.f[5], AUDIT_REDACTED, r.n[5]) == 0)) &&
		    (r.n[6] == 0 || (r.n[6] == sizeof AUDIT_REDACTED - 1 &&
		    memcmp(r.f[6], AUDIT_REDACTED, r.n[6]) == 0)))
			continue;
		buf_add(&keys, k.mv_data, 8);
		nkeys++;
	}
	cur_close(&c);
	if (rc != MDB_NOTFOUND) {
		buf_free(&keys);
		return (store_mdb(st, rc, "audit"));
	}
	rc = STORE_OK;
	for (i = 0; i < nkeys && rc == STORE_OK; i++) {
		if ((rc = store_get(st, w->txn, DB_AUDIT, keys.p + 8 * i, 8,
		    &v)) != STORE_OK || (rc = audit_dec(&v, &r)) != STORE_OK)
			break;
		for (j = 0; j < 5; j++) {
			s[j] = xstrndup(r.f[j], r.n[j]);
			f[j] = s[j];
		}
		f[5] = r.n[5] != 0 ? AUDIT_REDACTED : "";
		f[6] = r.n[6] != 0 ? AUDIT_REDACTED : "";
		buf_init(&b);
		audit_enc(&b, r.at, f);
		rc = store_put(st, w->txn, DB_AUDIT, keys.p + 8 * i, 8, b.p,
		    b.len, 0);
		buf_free(&b);
		for (j = 0; j < 5; j++)
			free(s[j]);
	}
	buf_free(&keys);
	return (rc);
}

static char *
audit_hide(const struct store *st, char *text)
{
	char	*hidden = access_audit_text(st, text);

	free(text);
	return (hidden);
}

static bool
audit_match(const char *want, const char *s, size_t n)
{
	return (want == NULL || (strlen(want) == n && memcmp(want, s, n) == 0));
}

int
store_audit_each(struct store *st, const char *memberin, const char *eventin,
    size_t limit, int (*cb)(const struct store_audit *, void *), void *arg)
{
	MDB_txn			*txn;
	struct cur		c;
	MDB_val			 k, v;
	struct audit_rec	 r;
	struct store_audit	 a;
	char			 member[STORE_ID_MAX + 1];
	char			 event[STORE_ID_MAX + 1];
	char			*old, *nw;
	size_t			 count = 0;
	int			 rc, op;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_VIEW)) != 0)
		return (rc);
	if (memberin != NULL && store_key_lookup(memberin, member, "member_id",
	    &st->err) != STORE_OK)
		return (STORE_OK);	/* no such key: nothing to list */
	if (eventin != NULL && store_key_lookup(eventin, event, "event_code",
	    &st->err) != STORE_OK)
		return (STORE_OK);
	store_err_clear(st);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	if ((rc = store_cursor(st, txn, DB_AUDIT, &c)) != STORE_OK) {
		mdb_txn_abort(txn);
		return (rc);
	}
	for (op = MDB_LAST;; op = MDB_PREV) {
		if ((rc = cur_get(&c, &k, &v, op)) != 0) {
			rc = rc == MDB_NOTFOUND ? STORE_OK :
			    store_mdb(st, rc, "audit");
			break;
		}
		if (k.mv_size != 8 || audit_dec(&v, &r) != STORE_OK)
			continue;
		if (!audit_match(memberin ? member : NULL, r.f[3], r.n[3]) ||
		    !audit_match(eventin ? event : NULL, r.f[4], r.n[4]))
			continue;
		memset(&a, 0, sizeof a);
		a.seq = audit_seq(k.mv_data);
		a.at = r.at;
		codec_copy_text(a.user, sizeof a.user, r.f[0], r.n[0]);
		codec_copy_text(a.entity, sizeof a.entity, r.f[1], r.n[1]);
		codec_copy_text(a.action, sizeof a.action, r.f[2], r.n[2]);
		codec_copy_text(a.member, sizeof a.member, r.f[3], r.n[3]);
		codec_copy_text(a.event, sizeof a.event, r.f[4], r.n[4]);
		if (a.member[0] != '\0' && !access_id_ok(st, txn, a.member))
			continue;	/* outside the rows (or gone) */
		old = xstrndup(r.f[5], r.n[5]);
		nw = xstrndup(r.f[6], r.n[6]);
		if (st->role.hide != 0) {
			old = audit_hide(st, old);
			nw = audit_hide(st, nw);
		}
		a.old = old;
		a.new = nw;
		rc = cb(&a, arg);
		free(old);
		free(nw);
		if (rc != 0)
			break;
		if (limit != 0 && ++count >= limit)
			break;
	}
	cur_close(&c);
	mdb_txn_abort(txn);
	return (rc);
}
