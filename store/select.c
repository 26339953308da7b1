/* select.c -- acting on filtered members: the selection under the action
 * rule (DESIGN.md "Command line"), invitations in bulk and their undoing,
 * and the saved filters every staff member shares (meta keys
 * "filter:NAME", the words NUL-terminated one after another). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

#define SELECT_FILTER_PREFIX	"filter:"

struct select_ctx {
	struct rtx		*rx;
	bool			 rule;	/* the action rule applies */
	enum store_select_use	 use;
	const char		*event;
	struct store_select_counts *counts;
	int	(*cb)(const struct store_member *, const struct store_stats *,
		    void *);
	void			*arg;
};

/* Has MEMBER a record at EVENT? */
static bool
select_has_record(struct rtx *rx, const char *event, const char *member)
{
	char	k[2 * STORE_ID_MAX + 2];
	MDB_val	v;

	return (store_get(rx->st, rx->txn, DB_ATT, k, idx_att_key(k, event,
	    member), &v) == STORE_OK);
}

static int
select_cb(const struct walk_member *w, void *arg)
{
	struct select_ctx		*x = arg;
	struct store_select_counts	*n = x->counts;
	bool				 rule = x->rule;

	if (x->use == STORE_USE_VIEW) {
		n->kept++;
		return (x->cb != NULL ? x->cb(&w->m, &w->g.s, x->arg) : 0);
	}
	if (x->use == STORE_USE_INVITED &&
	    !select_has_record(x->rx, x->event, w->id))
		return (0);
	if (rule && w->m.status == STORE_MEMBER_LEFT) {
		n->left++;
		return (0);
	}
	if (rule && w->m.status == STORE_MEMBER_SUSPENDED) {
		n->suspended++;
		return (0);
	}
	if (x->use == STORE_USE_MAIL_MERGE && w->m.mail_opt_out) {
		n->mail_opt_out++;
		return (0);
	}
	if (x->use == STORE_USE_INVITE) {
		if (select_has_record(x->rx, x->event, w->id)) {
			n->already++;
			return (0);
		}
		n->mail_opt_out += w->m.mail_opt_out;
	}
	n->kept++;
	return (x->cb != NULL ? x->cb(&w->m, &w->g.s, x->arg) : 0);
}

int
store_select(struct store *st, const struct store_filter *f,
    enum store_select_use use, const char *eventin,
    int (*cb)(const struct store_member *, const struct store_stats *, void *),
    void *arg, struct store_select_counts *counts)
{
	struct rtx		 rx;
	struct select_ctx	 x;
	MDB_val			 v;
	char			 event[STORE_ID_MAX + 1];
	bool			 ev = use == STORE_USE_INVITE ||
				    use == STORE_USE_INVITED;
	int			 rc;

	store_err_clear(st);
	memset(counts, 0, sizeof *counts);
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_VIEW)) != 0)
		return (rc);
	event[0] = '\0';
	if (ev && (rc = store_key_fold(eventin, event,
	    "event_code", &st->err)) != STORE_OK)
		return (rc == STORE_INVALID ? STORE_NOTFOUND : rc);
	rx.st = st;
	if ((rc = store_rbegin(st, &rx.txn)) != STORE_OK)
		return (rc);
	if (ev && (rc = store_get(st, rx.txn, DB_EVENTS,
	    event, strlen(event), &v)) != STORE_OK) {
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, "event_code",
			    _("event %s not found"), event);
		mdb_txn_abort(rx.txn);
		return (rc);
	}
	memset(&x, 0, sizeof x);
	x.rx = &rx;
	x.rule = f == NULL || !store_filter_names(f, "status");
	x.use = use;
	x.event = event;
	x.counts = counts;
	x.cb = cb;
	x.arg = arg;
	rc = walk_members(&rx, WALK_MEMBER, f, select_cb, &x);
	mdb_txn_abort(rx.txn);
	return (rc);
}

int
store_invite_members(struct store *st, const char *event,
    const char *const *members, size_t n, bool *created)
{
	struct store_change	c;
	struct wtx		w;
	size_t			i;
	int			rc, changed, any = 0;

	store_err_clear(st);
	if (created != NULL)
		memset(created, 0, n * sizeof *created);
	if ((rc = access_need(st, STORE_AREA_ATTENDANCE, STORE_ACT_ADD)) != 0)
		return (rc);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	for (i = 0; i < n; i++) {
		store_change_init(&c, event, members[i]);
		if ((rc = att_apply_one(&w, &c, NULL, &changed)) != STORE_OK) {
			store_wabort(&w);
			if (created != NULL)
				memset(created, 0, n * sizeof *created);
			return (rc);
		}
		if (created != NULL)
			created[i] = changed == 2;
		any |= changed;
	}
	if (!any) {
		store_wabort(&w);
		return (STORE_OK);
	}
	return (store_wcommit(&w));
}

/* Why MEMBER's record at EVENT cannot be uninvited, or NULL when it can.
 * *A receives the record (its note not read). */
static const char *
select_uninvite_why(struct wtx *w, const char *event, const char *member,
    struct store_attendance *a)
{
	char	k[2 * STORE_ID_MAX + 2];
	MDB_val	v;

	memset(a, 0, sizeof *a);
	if (store_get(w->st, w->txn, DB_ATT, k, idx_att_key(k, event, member),
	    &v) != STORE_OK || codec_att_dec(&v, a, false) != STORE_OK)
		return (_("no invitation"));
	if (a->final != STORE_FINAL_PENDING)
		return (store_final_word(a->final));
	if (a->response != STORE_RESP_NONE)
		return (store_response_word(a->response));
	if (a->checked_in_at != 0)
		return (_("checked in"));
	return (NULL);
}

/* Note one refusal in the message (as many as fit) and tell REFUSED. */
static void
select_refuse(struct buf *msg, const char *member, const char *why,
    void (*refused)(const char *, const char *, void *), void *arg)
{
	if (msg->len != 0)
		buf_adds(msg, ", ");
	buf_printf(msg, "%s (%s)", member, why);
	if (refused != NULL)
		refused(member, why, arg);
}

/* Drop one checked invitation: record, history, pending, aggregate,
 * audit.  A member named twice is dropped once. */
static int
select_uninvite_one(struct wtx *w, const char *event, const char *member,
    const char *date)
{
	struct store_attendance	a;
	char			k[2 * STORE_ID_MAX + 2], old[64];
	MDB_val			v;
	int			rc;

	if (store_get(w->st, w->txn, DB_ATT, k, idx_att_key(k, event, member),
	    &v) != STORE_OK || codec_att_dec(&v, &a, false) != STORE_OK)
		return (STORE_OK);
	snprintf(old, sizeof old, "invited_on=%s", a.invited_on);
	if ((rc = att_drop(w, event, member, date, a.final)) != STORE_OK ||
	    (rc = agg_delta(w, member, date, event, (int)a.final,
	    (int)a.response, -1, -1)) != STORE_OK)
		return (rc);
	return (audit_add(w, "attendance", "uninvite", member, event, old,
	    ""));
}

int
store_uninvite(struct store *st, const char *eventin,
    const char *const *members, size_t n,
    void (*refused)(const char *, const char *, void *), void *arg)
{
	struct store_attendance	 a;
	struct wtx		 w;
	struct buf		 msg;
	char			 event[STORE_ID_MAX + 1], date[STORE_DATE_SIZE];
	char			(*ids)[STORE_ID_MAX + 1];
	const char		*why;
	size_t			 i;
	int			 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_ATTENDANCE, STORE_ACT_DELETE)) != 0)
		return (rc);
	if ((rc = store_key_fold(eventin, event, "event_code",
	    &st->err)) != STORE_OK)
		return (rc == STORE_INVALID ? STORE_NOTFOUND : rc);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	if ((rc = event_date(&w, event, date)) != STORE_OK) {
		store_wabort(&w);
		return (rc == STORE_NOTFOUND ? store_err(st, rc, "event_code",
		    _("event %s not found"), event) : rc);
	}
	buf_init(&msg);
	ids = xcalloc(n + 1, sizeof *ids);
	for (i = 0; i < n; i++) {
		if (store_key_fold(members[i], ids[i], "member_id",
		    &st->err) != STORE_OK)
			why = _("not a member ID");
		else
			why = select_uninvite_why(&w, event, ids[i], &a);
		if (why != NULL)
			select_refuse(&msg, members[i], why, refused, arg);
	}
	rc = STORE_OK;
	for (i = 0; msg.len == 0 && rc == STORE_OK && i < n; i++)
		rc = select_uninvite_one(&w, event, ids[i], date);
	free(ids);
	if (msg.len != 0) {
		buf_addc(&msg, '\0');
		rc = store_err(st, STORE_INVALID, "member_id", _("cannot "
		    "uninvite from %s: %s; nothing was changed"), event,
		    (const char *)msg.p);
	}
	buf_free(&msg);
	if (rc != STORE_OK || n == 0) {
		store_wabort(&w);
		return (rc);
	}
	return (store_wcommit(&w));
}

/* --- saved filters --------------------------------------------------- */

/* The meta key of saved filter NAME into K (a leading @ dropped). */
static int
select_filter_key(struct store *st, const char *name, struct buf *k)
{
	char	id[STORE_ID_MAX + 1];
	int	rc;

	if ((rc = store_key_fold(name, id, "name", &st->err)) != STORE_OK)
		return (rc);
	k->len = 0;
	buf_adds(k, SELECT_FILTER_PREFIX);
	buf_adds(k, id[0] == '@' ? id + 1 : id);
	if (k->len == strlen(SELECT_FILTER_PREFIX))
		return (store_err(st, STORE_INVALID, "name",
		    _("a saved filter needs a name")));
	return (STORE_OK);
}

/* Does WORD name a saved filter (@NAME or ＠NAME)?  The name or NULL. */
static const char *
select_at_name(const char *word)
{
	if (word[0] == '@')
		return (word + 1);
	if (strncmp(word, "\xef\xbc\xa0", 3) == 0)
		return (word + 3);
	return (NULL);
}

/* Split the stored value V into a malloc'd array of words. */
static void
select_words_dec(const MDB_val *v, char ***words, size_t *n)
{
	const char	*p = v->mv_data, *end = p + v->mv_size, *z;

	*words = NULL;
	*n = 0;
	for (; p < end; p = z + 1) {
		if ((z = memchr(p, '\0', (size_t)(end - p))) == NULL)
			break;
		*words = xreallocarray(*words, *n + 1, sizeof **words);
		(*words)[(*n)++] = xstrndup(p, (size_t)(z - p));
	}
}

void
store_words_free(char **words, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

static void
select_words_text(struct buf *b, const char *const *words, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(b, ' ');
		buf_adds(b, words[i]);
	}
	buf_addc(b, '\0');
}

int
store_filter_save(struct store *st, const char *name,
    const char *const *words, size_t n)
{
	struct wtx	 w;
	struct buf	 k, val, old, nw;
	MDB_val		 v;
	char		**prev = NULL;
	size_t		 i, nprev = 0;
	int		 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_VIEW)) != 0)
		return (rc);
	buf_init(&k);
	buf_init(&val);
	buf_init(&old);
	buf_init(&nw);
	if ((rc = select_filter_key(st, name, &k)) != STORE_OK)
		goto out;
	for (i = 0; i < n; i++) {
		if (select_at_name(words[i]) != NULL || !text_is_valid(
		    words[i]) || strpbrk(words[i], "\n\r") != NULL) {
			rc = store_err(st, STORE_INVALID, "filter", _("%s: "
			    "a saved filter keeps plain words (no @NAME, no "
			    "line break)"), words[i]);
			goto out;
		}
		buf_add(&val, words[i], strlen(words[i]) + 1);
	}
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		goto out;
	if ((rc = store_get(st, w.txn, DB_META, k.p, k.len, &v)) == STORE_OK)
		select_words_dec(&v, &prev, &nprev);
	select_words_text(&old, (const char *const *)prev, nprev);
	select_words_text(&nw, words, n);
	store_words_free(prev, nprev);
	if ((rc == STORE_OK || rc == STORE_NOTFOUND) &&
	    (rc = store_put(st, w.txn, DB_META, k.p, k.len, val.p, val.len,
	    0)) == STORE_OK)
		rc = audit_add(&w, "filter", "save", "", "", (const char *)
		    old.p, (const char *)nw.p);
	if (rc == STORE_OK)
		rc = store_wcommit(&w);
	else
		store_wabort(&w);
out:
	buf_free(&k);
	buf_free(&val);
	buf_free(&old);
	buf_free(&nw);
	return (rc);
}

int
store_filter_load(struct store *st, const char *name, char ***words,
    size_t *n)
{
	MDB_txn		*txn;
	MDB_val		 v;
	struct buf	 k;
	int		 rc;

	store_err_clear(st);
	*words = NULL;
	*n = 0;
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_VIEW)) != 0)
		return (rc);
	buf_init(&k);
	if ((rc = select_filter_key(st, name, &k)) == STORE_OK &&
	    (rc = store_rbegin(st, &txn)) == STORE_OK) {
		if ((rc = store_get(st, txn, DB_META, k.p, k.len, &v)) ==
		    STORE_OK)
			select_words_dec(&v, words, n);
		else if (rc == STORE_NOTFOUND)
			store_err(st, rc, "filter", _("no saved filter @%.*s"),
			    (int)(k.len - strlen(SELECT_FILTER_PREFIX)),
			    (const char *)k.p + strlen(SELECT_FILTER_PREFIX));
		mdb_txn_abort(txn);
	}
	buf_free(&k);
	return (rc);
}

int
store_filter_delete(struct store *st, const char *name)
{
	struct wtx	 w;
	struct buf	 k, old;
	MDB_val		 v;
	char		**prev = NULL;
	size_t		 nprev = 0;
	int		 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_VIEW)) != 0)
		return (rc);
	buf_init(&k);
	buf_init(&old);
	if ((rc = select_filter_key(st, name, &k)) != STORE_OK ||
	    (rc = store_wbegin(st, &w)) != STORE_OK)
		goto out;
	if ((rc = store_get(st, w.txn, DB_META, k.p, k.len, &v)) == STORE_OK) {
		select_words_dec(&v, &prev, &nprev);
		select_words_text(&old, (const char *const *)prev, nprev);
		store_words_free(prev, nprev);
		if ((rc = store_del(st, w.txn, DB_META, k.p, k.len)) ==
		    STORE_OK)
			rc = audit_add(&w, "filter", "delete", "", "",
			    (const char *)old.p, "");
	} else if (rc == STORE_NOTFOUND)
		store_err(st, rc, "filter", _("no saved filter @%.*s"),
		    (int)(k.len - strlen(SELECT_FILTER_PREFIX)),
		    (const char *)k.p + strlen(SELECT_FILTER_PREFIX));
	if (rc == STORE_OK)
		rc = store_wcommit(&w);
	else
		store_wabort(&w);
out:
	buf_free(&k);
	buf_free(&old);
	return (rc);
}

/* A saved filter, decoded and passed on (store_filter_each). */
struct select_walk {
	int	(*cb)(const char *, const char *const *, size_t, void *);
	void	*arg;
};

static int
select_filter_one(const char *rest, size_t len, const MDB_val *v, void *arg)
{
	struct select_walk	*sw = arg;
	char			 name[STORE_ID_MAX + 1], **words;
	size_t			 n;
	int			 rc;

	codec_copy_text(name, sizeof name, rest, len);
	select_words_dec(v, &words, &n);
	rc = sw->cb(name, (const char *const *)words, n, sw->arg);
	store_words_free(words, n);
	return (rc);
}

int
store_filter_each(struct store *st, int (*cb)(const char *,
    const char *const *, size_t, void *), void *arg)
{
	struct select_walk	 sw = { cb, arg };
	MDB_txn			*txn;
	int			 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_VIEW)) != 0)
		return (rc);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	rc = meta_each(st, txn, SELECT_FILTER_PREFIX, select_filter_one, &sw);
	mdb_txn_abort(txn);
	return (rc);
}

int
store_filter_expand(struct store *st, const char *const *words, size_t n,
    char ***out, size_t *nout)
{
	const char	*name;
	char		**saved;
	size_t		 i, j, nsaved;
	int		 rc;

	*out = NULL;
	*nout = 0;
	for (i = 0; i < n; i++) {
		if ((name = select_at_name(words[i])) == NULL) {
			*out = xreallocarray(*out, *nout + 1, sizeof **out);
			(*out)[(*nout)++] = xstrdup(words[i]);
			continue;
		}
		if ((rc = store_filter_load(st, name, &saved, &nsaved)) !=
		    STORE_OK) {
			store_words_free(*out, *nout);
			*out = NULL;
			*nout = 0;
			return (rc);
		}
		*out = xreallocarray(*out, *nout + nsaved + 1, sizeof **out);
		for (j = 0; j < nsaved; j++)
			(*out)[(*nout)++] = saved[j];
		free(saved);
	}
	return (STORE_OK);
}
