/* mailing.c -- mailings: what `sanka mail` sent, to whom, and what became
 * of each hand-off (queued -> sending -> sent / failed; a hand-off cut
 * off by a crash is found as uncertain), so a run can be resumed without
 * sending anyone twice.
 *
 * One named database, "mailings", keys prefixed by their kind:
 *   'n'                   the number of the next mailing
 *   'm' ID                the mailing (who, when, template, sender, event)
 *   'r' ID \0 MEMBER      one recipient: state, address, time, error
 *   'b' MEMBER \0 ID      the member's mailings (the member page)
 * Values are a format byte, then text fields each ended by \0 (numbers
 * in decimal); fields a later format adds are ignored by this one.
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

#define MAILING_FORMAT	'1'
#define MAILING_FIELDS	8	/* the most fields a value has */

static const char *const mailing_state_words[] = {
	"queued", "sending", "sent", "failed", "uncertain",
};

const char *
store_mail_state_word(enum store_mail_state s)
{
	return (mailing_state_words[s]);
}

/* The fields of value V: F[i] (not NUL-terminated copies, lengths N[i]);
 * missing fields are empty.  STORE_IO when V is no value of ours. */
static int
mailing_fields(struct store *st, const MDB_val *v, const char **f,
    size_t *n, size_t nf)
{
	const char	*p = v->mv_data, *end = p + v->mv_size, *z;
	size_t		 i;

	if (v->mv_size == 0 || p[0] != MAILING_FORMAT)
		return (store_err(st, STORE_IO, NULL,
		    _("a mailing record is damaged")));
	for (p++, i = 0; i < nf; i++) {
		if (p < end && (z = memchr(p, '\0', end - p)) != NULL) {
			f[i] = p;
			n[i] = z - p;
			p = z + 1;
		} else {
			f[i] = "";
			n[i] = 0;
		}
	}
	return (STORE_OK);
}

static int64_t
mailing_num(const char *s, size_t n)
{
	char	 tmp[24];

	codec_copy_text(tmp, sizeof tmp, s, n);
	return (strtoll(tmp, NULL, 10));
}

/* Key: KIND, A, and when B is not NULL, \0 and B. */
static size_t
mailing_key(struct buf *k, int kind, const char *a, const char *b)
{
	k->len = 0;
	buf_addc(k, kind);
	buf_adds(k, a);
	if (b != NULL) {
		buf_addc(k, '\0');
		buf_adds(k, b);
	}
	return (k->len);
}

static void
mailing_enc(struct buf *v, const struct wtx *w, const struct store_mailing *m,
    size_t n)
{
	v->len = 0;
	buf_addc(v, MAILING_FORMAT);
	buf_printf(v, "%" PRId64, w->now);
	buf_addc(v, '\0');
	buf_adds(v, w->st->actor);
	buf_addc(v, '\0');
	buf_adds(v, m->subject);
	buf_addc(v, '\0');
	buf_adds(v, m->sender);
	buf_addc(v, '\0');
	buf_adds(v, m->event);
	buf_addc(v, '\0');
	buf_adds(v, m->template_text);
	buf_addc(v, '\0');
	buf_printf(v, "%zu", n);
	buf_addc(v, '\0');
}

static void
recipient_enc(struct buf *v, const struct store_recipient *r)
{
	v->len = 0;
	buf_addc(v, MAILING_FORMAT);
	buf_adds(v, mailing_state_words[r->state]);
	buf_addc(v, '\0');
	buf_adds(v, r->address);
	buf_addc(v, '\0');
	buf_printf(v, "%" PRId64, r->at);
	buf_addc(v, '\0');
	buf_adds(v, r->error);
	buf_addc(v, '\0');
	buf_addc(v, r->resent ? '1' : '0');
	buf_addc(v, '\0');
}

static int
recipient_dec(struct store *st, const MDB_val *v, struct store_recipient *r)
{
	const char	*f[MAILING_FIELDS];
	size_t		 n[MAILING_FIELDS], s;
	int		 rc;

	if ((rc = mailing_fields(st, v, f, n, 5)) != STORE_OK)
		return (rc);
	for (s = 0; s < sizeof(mailing_state_words) /
	    sizeof(mailing_state_words[0]); s++)
		if (strlen(mailing_state_words[s]) == n[0] &&
		    memcmp(f[0], mailing_state_words[s], n[0]) == 0)
			r->state = s;
	r->address = xstrndup(f[1], n[1]);
	r->at = mailing_num(f[2], n[2]);
	r->error = xstrndup(f[3], n[3]);
	r->resent = n[4] == 1 && f[4][0] == '1';
	return (STORE_OK);
}

void
store_recipient_free(struct store_recipient *r)
{
	free(r->address);
	free(r->error);
	r->address = r->error = NULL;
}

void
store_mailing_free(struct store_mailing *m)
{
	free(m->subject);
	free(m->sender);
	free(m->event);
	free(m->template_text);
	m->subject = m->sender = m->event = m->template_text = NULL;
}

/* The next mailing ID, "YYYYMMDD-N" with N counting every mailing. */
static int
mailing_next_id(struct wtx *w, char id[STORE_MAILING_ID_SIZE])
{
	struct store	*st = w->st;
	char		 today[STORE_DATE_SIZE], num[24];
	MDB_val		 v;
	uint64_t	 next = 1;
	int		 rc;

	rc = store_get(st, w->txn, DB_MAILINGS, "n", 1, &v);
	if (rc == STORE_OK)
		next = (uint64_t)mailing_num(v.mv_data, v.mv_size);
	else if (rc != STORE_NOTFOUND)
		return (rc);
	store_today(today);
	snprintf(id, STORE_MAILING_ID_SIZE, "%.4s%.2s%.2s-%" PRIu64, today,
	    today + 5, today + 8, next);
	snprintf(num, sizeof num, "%" PRIu64, next + 1);
	return (store_put(st, w->txn, DB_MAILINGS, "n", 1, num, strlen(num),
	    0));
}

static int
mailing_absent(struct store *st)
{
	/* A database from before mailings, opened read-only. */
	return (st->dbi[DB_MAILINGS] == 0);
}

int
store_mailing_create(struct store *st, const struct store_mailing *m,
    const struct store_recipient *r, size_t n,
    char id[STORE_MAILING_ID_SIZE])
{
	struct wtx	 w;
	struct buf	 k, v;
	struct store_recipient q;
	size_t		 i;
	int		 rc;

	store_err_clear(st);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	buf_init(&k);
	buf_init(&v);
	if ((rc = mailing_next_id(&w, id)) != STORE_OK)
		goto fail;
	mailing_enc(&v, &w, m, n);
	if ((rc = store_put(st, w.txn, DB_MAILINGS, k.p,
	    mailing_key(&k, 'm', id, NULL), v.p, v.len, MDB_NOOVERWRITE)) !=
	    STORE_OK)
		goto fail;
	for (i = 0; i < n; i++) {
		q = r[i];
		q.state = STORE_MAIL_QUEUED;
		q.at = w.now;
		q.error = NULL;
		q.resent = false;
		recipient_enc(&v, &q);
		if ((rc = store_put(st, w.txn, DB_MAILINGS, k.p,
		    mailing_key(&k, 'r', id, r[i].member), v.p, v.len,
		    MDB_NOOVERWRITE)) != STORE_OK ||
		    (rc = store_put(st, w.txn, DB_MAILINGS, k.p,
		    mailing_key(&k, 'b', r[i].member, id), "", 0, 0)) !=
		    STORE_OK)
			goto fail;
	}
	v.len = 0;
	buf_printf(&v, "mailing=%s; recipients=%zu; subject=%s", id, n,
	    m->subject == NULL ? "" : m->subject);
	buf_addc(&v, '\0');
	if ((rc = audit_add(&w, "mail", "create", "", m->event == NULL ? "" :
	    m->event, "", (const char *)v.p)) != STORE_OK)
		goto fail;
	buf_free(&k);
	buf_free(&v);
	return (store_wcommit(&w));
fail:
	if (rc == STORE_EXISTS)
		rc = store_err(st, STORE_INVALID, "member_id",
		    _("mailing %s: a recipient is listed twice"), id);
	buf_free(&k);
	buf_free(&v);
	store_wabort(&w);
	return (rc);
}

int
store_mailing_mark(struct store *st, const char *id,
    const struct store_recipient *r, size_t n)
{
	struct wtx	 w;
	struct buf	 k, v;
	struct store_recipient old;
	MDB_val		 cur;
	size_t		 i;
	int		 rc = STORE_OK;

	store_err_clear(st);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	buf_init(&k);
	buf_init(&v);
	for (i = 0; i < n && rc == STORE_OK; i++) {
		mailing_key(&k, 'r', id, r[i].member);
		if ((rc = store_get(st, w.txn, DB_MAILINGS, k.p, k.len,
		    &cur)) != STORE_OK) {
			if (rc == STORE_NOTFOUND)
				rc = store_err(st, STORE_NOTFOUND, NULL,
				    _("mailing %s has no recipient %s"), id,
				    r[i].member);
			break;
		}
		memset(&old, 0, sizeof old);
		if ((rc = recipient_dec(st, &cur, &old)) != STORE_OK)
			break;
		old.state = r[i].state;
		old.at = w.now;
		free(old.error);
		old.error = xstrdup(r[i].error);
		old.resent = old.resent || r[i].resent;
		recipient_enc(&v, &old);
		store_recipient_free(&old);
		rc = store_put(st, w.txn, DB_MAILINGS, k.p, k.len, v.p, v.len,
		    0);
	}
	buf_free(&k);
	buf_free(&v);
	if (rc != STORE_OK) {
		store_wabort(&w);
		return (rc);
	}
	return (store_wcommit(&w));
}

/* Call CB for every key of prefix KIND A \0 in TXN, with the part after
 * the prefix and the value. */
static int
mailing_scan(struct store *st, MDB_txn *txn, int kind, const char *a,
    int (*cb)(struct store *, const char *rest, size_t restlen,
    const MDB_val *v, void *), void *arg)
{
	struct cur	 cu;
	MDB_val		 k, v;
	struct buf	 pre;
	int		 rc, op;

	buf_init(&pre);
	mailing_key(&pre, kind, a, "");
	if ((rc = store_cursor(st, txn, DB_MAILINGS, &cu)) != STORE_OK) {
		buf_free(&pre);
		return (rc);
	}
	k.mv_data = pre.p;
	k.mv_size = pre.len;
	for (op = MDB_SET_RANGE;; op = MDB_NEXT) {
		if ((rc = cur_get(&cu, &k, &v, op)) != 0) {
			rc = rc == MDB_NOTFOUND ? STORE_OK :
			    store_mdb(st, rc, "mailings");
			break;
		}
		if (k.mv_size < pre.len || memcmp(k.mv_data, pre.p,
		    pre.len) != 0)
			break;
		if ((rc = cb(st, (const char *)k.mv_data + pre.len,
		    k.mv_size - pre.len, &v, arg)) != 0)
			break;
	}
	cur_close(&cu);
	buf_free(&pre);
	return (rc);
}

struct recover_ctx {
	struct wtx	*w;
	const char	*id;
	size_t		 uncertain;
	struct buf	 k, v;
};

static int
recover_one(struct store *st, const char *member, size_t len,
    const MDB_val *cur, void *arg)
{
	struct recover_ctx *x = arg;
	struct store_recipient r;
	char		 m[STORE_ID_MAX + 1];
	int		 rc;

	memset(&r, 0, sizeof r);
	if ((rc = recipient_dec(st, cur, &r)) != STORE_OK)
		return (rc);
	if (r.state == STORE_MAIL_SENDING) {
		r.state = STORE_MAIL_UNCERTAIN;
		recipient_enc(&x->v, &r);
		codec_copy_text(m, sizeof m, member, len);
		mailing_key(&x->k, 'r', x->id, m);
		/* Writing the current key is safe while the scan reads on. */
		rc = store_put(st, x->w->txn, DB_MAILINGS, x->k.p, x->k.len,
		    x->v.p, x->v.len, 0);
	}
	x->uncertain += r.state == STORE_MAIL_UNCERTAIN;
	store_recipient_free(&r);
	return (rc);
}

int
store_mailing_recover(struct store *st, const char *id, size_t *uncertain)
{
	struct recover_ctx x;
	struct wtx	 w;
	MDB_val		 v;
	int		 rc;

	store_err_clear(st);
	*uncertain = 0;
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	memset(&x, 0, sizeof x);
	x.w = &w;
	x.id = id;
	buf_init(&x.k);
	buf_init(&x.v);
	mailing_key(&x.k, 'm', id, NULL);
	rc = store_get(st, w.txn, DB_MAILINGS, x.k.p, x.k.len, &v);
	if (rc == STORE_NOTFOUND)
		rc = store_err(st, STORE_NOTFOUND, NULL,
		    _("no mailing %s"), id);
	if (rc == STORE_OK)
		rc = mailing_scan(st, w.txn, 'r', id, recover_one, &x);
	buf_free(&x.k);
	buf_free(&x.v);
	if (rc != STORE_OK) {
		store_wabort(&w);
		return (rc);
	}
	*uncertain = x.uncertain;
	return (store_wcommit(&w));
}

static int
mailing_dec(struct store *st, const char *id, size_t idlen, const MDB_val *v,
    struct store_mailing *m)
{
	const char	*f[MAILING_FIELDS];
	size_t		 n[MAILING_FIELDS];
	int		 rc;

	memset(m, 0, sizeof *m);
	if ((rc = mailing_fields(st, v, f, n, 7)) != STORE_OK)
		return (rc);
	codec_copy_text(m->id, sizeof m->id, id, idlen);
	m->created_at = mailing_num(f[0], n[0]);
	codec_copy_text(m->created_by, sizeof m->created_by, f[1], n[1]);
	m->subject = xstrndup(f[2], n[2]);
	m->sender = xstrndup(f[3], n[3]);
	m->event = xstrndup(f[4], n[4]);
	m->template_text = xstrndup(f[5], n[5]);
	m->recipients = (size_t)mailing_num(f[6], n[6]);
	return (STORE_OK);
}

int
store_mailing_get(struct store *st, const char *id, struct store_mailing *m)
{
	MDB_txn		*txn;
	MDB_val		 v;
	struct buf	 k;
	int		 rc;

	store_err_clear(st);
	memset(m, 0, sizeof *m);
	if (mailing_absent(st))
		return (store_err(st, STORE_NOTFOUND, NULL,
		    _("no mailing %s"), id));
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	buf_init(&k);
	mailing_key(&k, 'm', id, NULL);
	rc = store_get(st, txn, DB_MAILINGS, k.p, k.len, &v);
	if (rc == STORE_OK)
		rc = mailing_dec(st, id, strlen(id), &v, m);
	else if (rc == STORE_NOTFOUND)
		rc = store_err(st, STORE_NOTFOUND, NULL, _("no mailing %s"),
		    id);
	buf_free(&k);
	mdb_txn_abort(txn);
	return (rc);
}

struct each_ctx {
	int	(*cb)(const struct store_recipient *, void *);
	void	*arg;
};

static int
recipient_each_one(struct store *st, const char *member, size_t len,
    const MDB_val *v, void *arg)
{
	struct each_ctx	*x = arg;
	struct store_recipient r;
	int		 rc;

	memset(&r, 0, sizeof r);
	codec_copy_text(r.member, sizeof r.member, member, len);
	if ((rc = recipient_dec(st, v, &r)) != STORE_OK)
		return (rc);
	rc = x->cb(&r, x->arg);
	store_recipient_free(&r);
	return (rc);
}

int
store_mailing_recipients(struct store *st, const char *id,
    int (*cb)(const struct store_recipient *, void *), void *arg)
{
	struct each_ctx	 x = { cb, arg };
	MDB_txn		*txn;
	int		 rc;

	store_err_clear(st);
	if (mailing_absent(st))
		return (STORE_OK);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	rc = mailing_scan(st, txn, 'r', id, recipient_each_one, &x);
	mdb_txn_abort(txn);
	return (rc);
}

struct member_ctx {
	MDB_txn		*txn;
	const char	*member;
	int	(*cb)(const struct store_mailing *,
		    const struct store_recipient *, void *);
	void	*arg;
};

static int
member_mailing_one(struct store *st, const char *id, size_t len,
    const MDB_val *unused, void *arg)
{
	struct member_ctx *x = arg;
	struct store_mailing m;
	struct store_recipient r;
	struct buf	 k;
	MDB_val		 v;
	char		 idz[STORE_MAILING_ID_SIZE];
	int		 rc;

	(void)unused;
	codec_copy_text(idz, sizeof idz, id, len);
	buf_init(&k);
	memset(&r, 0, sizeof r);
	codec_copy_text(r.member, sizeof r.member, x->member,
	    strlen(x->member));
	if ((rc = store_get(st, x->txn, DB_MAILINGS, k.p,
	    mailing_key(&k, 'm', idz, NULL), &v)) == STORE_OK &&
	    (rc = mailing_dec(st, idz, strlen(idz), &v, &m)) == STORE_OK) {
		if ((rc = store_get(st, x->txn, DB_MAILINGS, k.p,
		    mailing_key(&k, 'r', idz, x->member), &v)) == STORE_OK &&
		    (rc = recipient_dec(st, &v, &r)) == STORE_OK)
			rc = x->cb(&m, &r, x->arg);
		store_recipient_free(&r);
		store_mailing_free(&m);
	}
	buf_free(&k);
	return (rc == STORE_NOTFOUND ? STORE_OK : rc);
}

int
store_member_mailings(struct store *st, const char *member,
    int (*cb)(const struct store_mailing *, const struct store_recipient *,
    void *), void *arg)
{
	struct member_ctx x = { NULL, member, cb, arg };
	int		 rc;

	store_err_clear(st);
	if (mailing_absent(st))
		return (STORE_OK);
	if ((rc = store_rbegin(st, &x.txn)) != STORE_OK)
		return (rc);
	rc = mailing_scan(st, x.txn, 'b', member, member_mailing_one, &x);
	mdb_txn_abort(x.txn);
	return (rc);
}
