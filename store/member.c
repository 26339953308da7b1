/* member.c -- the member master: validation, add, update, delete, get,
 * each; every write with its indexes, aggregate and audit record. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

void
store_str_set(char **dst, const char *value)
{
	free(*dst);
	*dst = value == NULL || *value == '\0' ? NULL : xstrdup(value);
}

void
store_member_free(struct store_member *m)
{
	const struct store_field	*f;
	char				*p;
	size_t				 i;

	if (m == NULL)
		return;
	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (f->slot != STORE_SLOT_STR)
			continue;
		memcpy(&p, (char *)m + f->offset, sizeof p);
		free(p);
		p = NULL;
		memcpy((char *)m + f->offset, &p, sizeof p);
	}
	for (i = 0; i < m->nattrs; i++) {
		free(m->attrs[i].name);
		free(m->attrs[i].value);
	}
	free(m->attrs);
	m->attrs = NULL;
	m->nattrs = 0;
}

void
store_attr_set(struct store_member *m, const char *name, const char *value)
{
	size_t	i, at;
	int	cmp;

	if (name == NULL)
		return;
	for (at = 0; at < m->nattrs; at++) {
		if ((cmp = strcmp(m->attrs[at].name, name)) >= 0)
			break;
	}
	if (at < m->nattrs && strcmp(m->attrs[at].name, name) == 0) {
		if (value == NULL || *value == '\0') {
			free(m->attrs[at].name);
			free(m->attrs[at].value);
			for (i = at + 1; i < m->nattrs; i++)
				m->attrs[i - 1] = m->attrs[i];
			m->nattrs--;
		} else
			store_str_set(&m->attrs[at].value, value);
		return;
	}
	if (value == NULL || *value == '\0')
		return;
	m->attrs = xrealloc(m->attrs, (m->nattrs + 1) * sizeof *m->attrs);
	for (i = m->nattrs; i > at; i--)
		m->attrs[i] = m->attrs[i - 1];
	m->attrs[at].name = xstrdup(name);
	m->attrs[at].value = xstrdup(value);
	m->nattrs++;
}

/* A custom attribute's value: multi-line text, as written. */
static const struct text_rule member_attr_rule = { true, false,
    STORE_TEXT_MAX };

/* A custom attribute's name becomes a CSV header: one line, short, and
 * never what a spreadsheet would run as a formula. */
static int
member_attr_name(struct store *st, const char *field, const char *name)
{
	int	rc;

	if ((rc = text_check_line(st, field, name)) != STORE_OK)
		return (rc);
	if (strlen(name) > STORE_ATTR_NAME_MAX)
		return (store_err(st, STORE_INVALID, "attr", _("the custom "
		    "attribute name \"%.40s...\" is longer than %d bytes"),
		    name, STORE_ATTR_NAME_MAX));
	if (strchr("=+-@", name[0]) != NULL)
		return (store_err(st, STORE_INVALID, "attr", _("the custom "
		    "attribute name \"%s\" begins with %c: a spreadsheet "
		    "would run it as a formula"), name, name[0]));
	return (STORE_OK);
}

static int
member_attr_cmp(const void *a, const void *b)
{
	return (strcmp(((const struct store_attr *)a)->name,
	    ((const struct store_attr *)b)->name));
}

/* Validate IN (its ID folded already) where it is, for the bulk path:
 * STORE_OK when it can be stored as it is, -1 when it needs member_norm
 * (custom attributes, a CR in the notes), else the error. */
int
member_plain(struct store *st, const struct store_member *in)
{
	const struct store_field	*f;
	struct store_member_view	 view = { in, NULL, NULL };
	const char			*p;
	int				 rc = STORE_OK;

	if (in->nattrs != 0 || in->name == NULL || in->name[0] == '\0')
		return (-1);	/* member_norm names the error */
	if (in->notes != NULL) {
		for (p = in->notes; *p != '\0'; p++) {
			if ((unsigned char)*p < 0x20 && *p != '\n' &&
			    *p != '\t')
				return (-1);
		}
	}
	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (f->tag == 0 || (f->flags & STORE_FIELD_DERIVED))
			continue;
		if (f->kind == STORE_KIND_LINE)
			rc = text_check_line(st, f->key,
			    store_field_get(f, &view, STORE_STYLE_CSV, NULL, 0));
		else if (f->kind == STORE_KIND_DATE)
			rc = text_date_field(st, f->key,
			    store_field_get(f, &view, STORE_STYLE_CSV, NULL, 0));
		if (rc != STORE_OK)
			return (rc);
	}
	if (in->notes != NULL && !text_is_valid(in->notes))
		return (-1);	/* member_norm names the error */
	if ((unsigned)in->status > STORE_MEMBER_LEFT || in->past_count < 0)
		return (-1);
	return (STORE_OK);
}

/* The text fields of IN, checked, into OUT (allocated, never NULL). */
static int
member_norm_text(struct store *st, const struct store_member *in,
    struct store_member *out)
{
	const struct store_field	*f;
	struct store_member_view	 view = { in, NULL, NULL };
	struct text_rule		 rule;
	const char			*v;
	char				*copy;
	int				 rc;

	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (f->slot != STORE_SLOT_STR || (f->flags & STORE_FIELD_DERIVED))
			continue;
		v = store_field_get(f, &view, STORE_STYLE_CSV, NULL, 0);
		rule.multi = f->kind == STORE_KIND_TEXT;
		rule.nfkc = f->norm == STORE_NORM_NFKC;
		rule.limit = f->limit;
		if ((rc = text_value(st, f->key, v, &rule, &copy)) != STORE_OK)
			return (rc);
		memcpy((char *)out + f->offset, &copy, sizeof copy);
	}
	return (STORE_OK);
}

/* Validate IN and copy it into OUT normalised: the ID folded, every text
 * field allocated (never NULL), CRLF made LF, attributes sorted. */
int
member_norm(struct store *st, const struct store_member *in,
    struct store_member *out)
{
	char	 field[32];
	size_t	 i, k;
	int	 rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_key_fold(in->id, out->id, "member_id",
	    &st->err)) != STORE_OK)
		return (rc);
	if ((rc = member_norm_text(st, in, out)) != STORE_OK)
		goto fail;
	if (out->name[0] == '\0') {
		rc = store_err(st, STORE_INVALID, "name",
		    _("name: a member needs a name"));
		goto fail;
	}
	if ((unsigned)in->status > STORE_MEMBER_LEFT) {
		rc = store_err(st, STORE_INVALID, "status",
		    _("status: unknown member status %d"), (int)in->status);
		goto fail;
	}
	out->status = in->status;
	out->mail_opt_out = in->mail_opt_out;
	if ((rc = text_date_field(st, "joined_on", in->joined_on)) != 0 ||
	    (rc = text_date_field(st, "past_last_date",
	    in->past_last_date)) != 0)
		goto fail;
	snprintf(out->joined_on, sizeof out->joined_on, "%s", in->joined_on);
	snprintf(out->past_last_date, sizeof out->past_last_date, "%s",
	    in->past_last_date);
	if (in->past_count < 0) {
		rc = store_err(st, STORE_INVALID, "past_count",
		    _("past_count is negative (%ld)"), (long)in->past_count);
		goto fail;
	}
	out->past_count = in->past_count;
	if (in->nattrs != 0)
		out->attrs = xcalloc(in->nattrs, sizeof *out->attrs);
	for (i = 0; i < in->nattrs; i++) {
		const char *name = in->attrs[i].name;

		snprintf(field, sizeof field, "attr.%s", name == NULL ? "" :
		    name);
		if (name == NULL || *name == '\0') {
			rc = store_err(st, STORE_INVALID, "attr",
			    _("a custom attribute has no name"));
			goto fail;
		}
		if ((rc = member_attr_name(st, field, name)) != STORE_OK)
			goto fail;
		if (in->attrs[i].value == NULL || *in->attrs[i].value == '\0')
			continue;
		out->attrs[out->nattrs].name = xstrdup(name);
		if ((rc = text_value(st, field, in->attrs[i].value,
		    &member_attr_rule, &out->attrs[out->nattrs].value)) !=
		    STORE_OK) {
			out->nattrs++;
			goto fail;
		}
		out->nattrs++;
	}
	if (out->nattrs > 1) {
		qsort(out->attrs, out->nattrs, sizeof *out->attrs,
		    member_attr_cmp);
		/* a repeated name: the later value wins */
		for (i = 1, k = 0; i < out->nattrs; i++) {
			if (strcmp(out->attrs[k].name, out->attrs[i].name) ==
			    0) {
				free(out->attrs[k].name);
				free(out->attrs[k].value);
			} else
				k++;
			out->attrs[k] = out->attrs[i];
		}
		out->nattrs = k + 1;
	}
	out->version = in->version;
	out->updated_at = in->updated_at;
	snprintf(out->updated_by, sizeof out->updated_by, "%s",
	    in->updated_by);
	return (STORE_OK);
fail:
	store_member_free(out);
	return (rc);
}

/* Read member ID (folded) in TXN; STORE_NOTFOUND without a message. */
int
member_read(struct store *st, MDB_txn *txn, const char *id,
    struct store_member *m)
{
	MDB_val	v;
	int	rc;

	if ((rc = store_get(st, txn, DB_MEMBERS, id, strlen(id), &v)) != 0)
		return (rc);
	if (codec_member_dec(&v, id, m) != STORE_OK)
		return (store_err(st, STORE_IO, NULL,
		    _("member %s: corrupt record"), id));
	return (STORE_OK);
}

static bool
member_streq(const char *a, const char *b)
{
	return (strcmp(a == NULL ? "" : a, b == NULL ? "" : b) == 0);
}

bool
member_same(const struct store_member *a, const struct store_member *b)
{
	const struct store_field	*f;
	struct store_member_view	 va = { a, NULL, NULL };
	struct store_member_view	 vb = { b, NULL, NULL };
	char				 ba[32], bb[32];
	size_t				 i;

	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (f->tag == 0 || (f->flags & STORE_FIELD_DERIVED))
			continue;
		if (strcmp(store_field_get(f, &va, STORE_STYLE_CSV, ba,
		    sizeof ba), store_field_get(f, &vb, STORE_STYLE_CSV, bb,
		    sizeof bb)) != 0)
			return (false);
	}
	if (a->nattrs != b->nattrs)
		return (false);
	for (i = 0; i < a->nattrs; i++) {
		if (!member_streq(a->attrs[i].name, b->attrs[i].name) ||
		    !member_streq(a->attrs[i].value, b->attrs[i].value))
			return (false);
	}
	return (true);
}

static void
member_diff_field(struct buf *old, struct buf *nw, const char *field,
    const char *a, const char *b)
{
	if (member_streq(a, b))
		return;
	if (old != NULL) {
		if (old->len != 0)
			buf_adds(old, "; ");
		buf_adds(old, field);
		buf_addc(old, '=');
		text_escape(old, a);
	}
	if (nw != NULL) {
		if (nw->len != 0)
			buf_adds(nw, "; ");
		buf_adds(nw, field);
		buf_addc(nw, '=');
		text_escape(nw, b);
	}
}

static const char *
member_attr_get(const struct store_member *m, const char *name)
{
	size_t	i;

	if (m == NULL)
		return ("");
	for (i = 0; i < m->nattrs; i++) {
		if (strcmp(m->attrs[i].name, name) == 0)
			return (m->attrs[i].value);
	}
	return ("");
}

/* "field=value; ..." of what differs between A and B (NULL: empty). */
void
member_diff(struct buf *old, struct buf *nw, const struct store_member *a,
    const struct store_member *b)
{
	static const struct store_member empty;
	const struct store_field	*f;
	struct store_member_view	 va, vb;
	char				 num[2][24], field[80];
	size_t				 i;

	if (a == NULL)
		a = &empty;
	if (b == NULL)
		b = &empty;
	va = (struct store_member_view){ a, NULL, NULL };
	vb = (struct store_member_view){ b, NULL, NULL };
	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (f->tag == 0 || (f->flags & STORE_FIELD_DERIVED))
			continue;
		member_diff_field(old, nw, f->key, store_field_get(f, &va,
		    STORE_STYLE_CSV, num[0], sizeof num[0]), store_field_get(f,
		    &vb, STORE_STYLE_CSV, num[1], sizeof num[1]));
	}
	for (i = 0; i < a->nattrs; i++) {
		snprintf(field, sizeof field, "attr.%s", a->attrs[i].name);
		member_diff_field(old, nw, field, a->attrs[i].value,
		    member_attr_get(b, a->attrs[i].name));
	}
	for (i = 0; i < b->nattrs; i++) {
		if (*member_attr_get(a, b->attrs[i].name) != '\0')
			continue;	/* done above */
		snprintf(field, sizeof field, "attr.%s", b->attrs[i].name);
		member_diff_field(old, nw, field, "", b->attrs[i].value);
	}
}

/* Put NW (its version and stamps set by the caller) over OLD (NULL: a new
 * member), with the name and sort indexes and the aggregate. */
int
member_write(struct wtx *w, const struct store_member *old,
    struct store_member *nw)
{
	struct buf	b;
	struct agg	g;
	int		rc;

	buf_init(&b);
	codec_member_enc(&b, nw);
	rc = store_put(w->st, w->txn, DB_MEMBERS, nw->id, strlen(nw->id), b.p,
	    b.len, 0);
	buf_free(&b);
	if (rc != STORE_OK)
		return (rc);
	if ((rc = idx_member_put(w, old, nw)) != STORE_OK)
		return (rc);
	if (old == NULL) {
		agg_init(&g, nw->past_count, nw->past_last_date);
		agg_finish(&g);
		return (agg_put(w, nw->id, NULL, &g));
	}
	if (old->past_count != nw->past_count ||
	    strcmp(old->past_last_date, nw->past_last_date) != 0)
		return (agg_set_past(w, nw->id, nw->past_count,
		    nw->past_last_date));
	return (STORE_OK);
}

int
member_audit(struct wtx *w, const char *action, const struct store_member *a,
    const struct store_member *b)
{
	struct buf	old, nw;
	int		rc;

	buf_init(&old);
	buf_init(&nw);
	member_diff(&old, &nw, a, b);
	buf_addc(&old, '\0');
	buf_addc(&nw, '\0');
	rc = audit_add(w, "member", action, b != NULL ? b->id : a->id, "",
	    (const char *)old.p, (const char *)nw.p);
	buf_free(&old);
	buf_free(&nw);
	return (rc);
}

int
store_member_add(struct store *st, const struct store_member *in)
{
	struct store_member	m;
	struct wtx		w;
	MDB_val			v;
	int			rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_ADD)) != 0 ||
	    (rc = member_norm(st, in, &m)) != STORE_OK)
		return (rc);
	if ((rc = access_member_add(st, &m)) != STORE_OK) {
		access_flush(st);
		goto out;
	}
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		goto out;
	rc = store_get(st, w.txn, DB_MEMBERS, m.id, strlen(m.id), &v);
	if (rc == STORE_OK) {
		rc = store_err(st, STORE_EXISTS, "member_id",
		    _("member %s already exists"), m.id);
		goto fail;
	}
	if (rc != STORE_NOTFOUND)
		goto fail;
	m.version = 1;
	m.updated_at = w.now;
	snprintf(m.updated_by, sizeof m.updated_by, "%s", st->actor);
	if ((rc = member_write(&w, NULL, &m)) != STORE_OK ||
	    (rc = member_audit(&w, "add", NULL, &m)) != STORE_OK)
		goto fail;
	rc = store_wcommit(&w);
	goto out;
fail:
	store_wabort(&w);
out:
	store_member_free(&m);
	return (rc);
}

int
store_member_update(struct store *st, const struct store_member *in,
    uint32_t expect)
{
	struct store_member	m, old;
	struct wtx		w;
	int			rc;

	store_err_clear(st);
	memset(&old, 0, sizeof old);
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_EDIT)) != 0 ||
	    (rc = member_norm(st, in, &m)) != STORE_OK)
		return (rc);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		goto out;
	if ((rc = member_read(st, w.txn, m.id, &old)) != STORE_OK) {
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, "member_id",
			    _("member %s not found"), m.id);
		goto fail;
	}
	if ((rc = access_member_update(st, w.txn, &old, &m)) != STORE_OK)
		goto fail;
	if (expect != 0 && expect != old.version) {
		rc = store_conflict(st, _("member"), m.id, old.version, expect,
		    old.updated_by, old.updated_at);
		goto fail;
	}
	if (member_same(&old, &m)) {
		store_wabort(&w);
		rc = STORE_OK;
		goto out;
	}
	m.version = old.version + 1;
	m.updated_at = w.now;
	snprintf(m.updated_by, sizeof m.updated_by, "%s", st->actor);
	if ((rc = member_write(&w, &old, &m)) != STORE_OK ||
	    (rc = member_audit(&w, "edit", &old, &m)) != STORE_OK)
		goto fail;
	rc = store_wcommit(&w);
	goto out;
fail:
	store_wabort(&w);
out:
	store_member_free(&m);
	store_member_free(&old);
	return (rc);
}

/* OUT's fields named in FIELDS (STORE_MF_*) become IN's, by the field
 * table (strings borrowed from IN). */
static void
member_take(struct store_member *out, const struct store_member *in,
    uint32_t fields)
{
	const struct store_field	*f;
	size_t				 n;

	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if ((f->mask & fields) == 0)
			continue;
		switch (f->slot) {
		case STORE_SLOT_STR:
			n = sizeof (char *);
			break;
		case STORE_SLOT_CHARS:
			n = f->size;
			break;
		case STORE_SLOT_INT32:
			n = sizeof (int32_t);
			break;
		case STORE_SLOT_BOOL:
			n = sizeof (bool);
			break;
		case STORE_SLOT_STATUS:
			n = sizeof (enum store_member_status);
			break;
		default:
			continue;
		}
		memcpy((char *)out + f->offset, (const char *)in + f->offset,
		    n);
	}
}

/* OLD with PATCH's FIELDS over it, normalised into *M (attributes: the
 * ones PATCH gives are set, "" removes one, the others kept). */
static int
member_patched(struct store *st, const struct store_member *old,
    const struct store_member *patch, uint32_t fields, struct store_member *m)
{
	struct store_member	merged = *old;
	size_t			i;
	int			rc;

	member_take(&merged, patch, fields);
	if (fields & STORE_MF_ATTRS) {
		merged.attrs = NULL;
		merged.nattrs = 0;
		for (i = 0; i < old->nattrs; i++)
			store_attr_set(&merged, old->attrs[i].name,
			    old->attrs[i].value);
		for (i = 0; i < patch->nattrs; i++)
			store_attr_set(&merged, patch->attrs[i].name,
			    patch->attrs[i].value);
	}
	rc = member_norm(st, &merged, m);
	if (fields & STORE_MF_ATTRS) {
		for (i = 0; i < merged.nattrs; i++) {
			free(merged.attrs[i].name);
			free(merged.attrs[i].value);
		}
		free(merged.attrs);
	}
	return (rc);
}

int
store_member_patch(struct store *st, const struct store_member *patch,
    uint32_t fields, struct store_member *result)
{
	struct store_member	m, old;
	struct wtx		w;
	char			id[STORE_ID_MAX + 1];
	int			rc;

	store_err_clear(st);
	memset(&old, 0, sizeof old);
	memset(&m, 0, sizeof m);
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_EDIT)) != 0 ||
	    (rc = store_key_lookup(patch->id, id, "member_id", &st->err)) !=
	    STORE_OK)
		return (rc);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	if ((rc = member_read(st, w.txn, id, &old)) != STORE_OK) {
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, "member_id",
			    _("member %s not found"), id);
		goto fail;
	}
	if ((rc = member_patched(st, &old, patch, fields, &m)) != STORE_OK ||
	    (rc = access_member_update(st, w.txn, &old, &m)) != STORE_OK)
		goto fail;
	if (member_same(&old, &m)) {
		store_wabort(&w);
		goto out;
	}
	m.version = old.version + 1;
	m.updated_at = w.now;
	snprintf(m.updated_by, sizeof m.updated_by, "%s", st->actor);
	if ((rc = member_write(&w, &old, &m)) != STORE_OK ||
	    (rc = member_audit(&w, "edit", &old, &m)) != STORE_OK)
		goto fail;
	rc = store_wcommit(&w);
	goto out;
fail:
	store_wabort(&w);
out:
	if (rc == STORE_OK && result != NULL) {
		*result = m;
		memset(&m, 0, sizeof m);
	}
	store_member_free(&m);
	store_member_free(&old);
	return (rc);
}

/* Remove member ID's records, entries and aggregate (not its audit). */
int
member_drop(struct wtx *w, const struct store_member *m, size_t *nrec)
{
	struct store	*st = w->st;
	struct cur	c;
	MDB_val		 k, v;
	struct buf	 keys;
	const char	*p, *end, *date, *ev;
	char		 key[STORE_ID_MAX + 2];
	size_t		 mlen, klen;
	int		 rc, op;

	*nrec = 0;
	mlen = strlen(m->id);
	memcpy(key, m->id, mlen + 1);
	buf_init(&keys);
	if ((rc = store_cursor(st, w->txn, DB_BYMEM, &c)) != STORE_OK)
		return (rc);
	k.mv_data = key;
	k.mv_size = mlen + 1;
	for (op = MDB_SET_RANGE;; op = MDB_NEXT) {
		if ((rc = cur_get(&c, &k, &v, op)) != 0)
			break;
		if (k.mv_size <= mlen + 1 || memcmp(k.mv_data, key,
		    mlen + 1) != 0)
			break;
		/* key length, key, final */
		klen = k.mv_size;
		buf_add(&keys, &klen, sizeof klen);
		buf_add(&keys, k.mv_data, klen);
		buf_addc(&keys, v.mv_size > 0 ? *(unsigned char *)v.mv_data :
		    0);
		(*nrec)++;
	}
	cur_close(&c);
	if (rc != 0 && rc != MDB_NOTFOUND) {
		buf_free(&keys);
		return (store_mdb(st, rc, "by_member"));
	}
	rc = STORE_OK;
	for (p = (const char *)keys.p, end = p + keys.len; p < end &&
	    rc == STORE_OK; ) {
		char	kb[3 * STORE_ID_MAX + 16];

		memcpy(&klen, p, sizeof klen);
		p += sizeof klen;
		if (klen >= sizeof kb) {
			p += klen + 1;
			continue;
		}
		memcpy(kb, p, klen);
		kb[klen] = '\0';
		p += klen;
		date = kb + mlen + 1;
		ev = date + strlen(date) + 1;
		rc = att_drop(w, ev, m->id, date, (unsigned char)*p++);
	}
	buf_free(&keys);
	if (rc != STORE_OK)
		return (rc);
	if ((rc = agg_drop(w, m->id)) != STORE_OK)
		return (rc);
	if ((rc = idx_member_put(w, m, NULL)) != STORE_OK)
		return (rc);
	rc = store_del(st, w->txn, DB_MEMBERS, m->id, strlen(m->id));
	return (rc);
}

int
store_member_delete(struct store *st, const char *idin, bool force,
    uint32_t expect)
{
	struct store_member	old;
	struct wtx		w;
	struct buf		text;
	char			id[STORE_ID_MAX + 1];
	size_t			nrec;
	struct cur		c;
	MDB_val			k, v;
	int			rc;

	store_err_clear(st);
	memset(&old, 0, sizeof old);
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_DELETE)) != 0 ||
	    (rc = store_key_lookup(idin, id, "member_id", &st->err)) != 0)
		return (rc);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	if ((rc = member_read(st, w.txn, id, &old)) != STORE_OK ||
	    !access_id_ok(st, w.txn, id)) {
		if (rc == STORE_OK)
			rc = STORE_NOTFOUND;
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, "member_id",
			    _("member %s not found"), id);
		goto fail;
	}
	if (expect != 0 && expect != old.version) {
		rc = store_conflict(st, _("member"), id, old.version, expect,
		    old.updated_by, old.updated_at);
		goto fail;
	}
	if (!force) {
		/* any history at all? */
		char	key[STORE_ID_MAX + 2];

		if ((rc = store_cursor(st, w.txn, DB_BYMEM, &c)) != STORE_OK)
			goto fail;
		memcpy(key, id, strlen(id) + 1);
		k.mv_data = key;
		k.mv_size = strlen(id) + 1;
		rc = cur_get(&c, &k, &v, MDB_SET_RANGE);
		if (rc == 0 && k.mv_size > strlen(id) + 1 &&
		    memcmp(k.mv_data, key, strlen(id) + 1) == 0) {
			cur_close(&c);
			rc = store_err(st, STORE_HASREFS, "member_id",
			    _("member %s has attendance records; delete them "
			    "first or force the deletion"), id);
			goto fail;
		}
		cur_close(&c);
		if (rc != 0 && rc != MDB_NOTFOUND) {
			rc = store_mdb(st, rc, "by_member");
			goto fail;
		}
	}
	if ((rc = member_drop(&w, &old, &nrec)) != STORE_OK)
		goto fail;
	buf_init(&text);
	if (force) {
		if ((rc = audit_redact(&w, id)) != STORE_OK) {
			buf_free(&text);
			goto fail;
		}
		buf_printf(&text, "(redacted); records=%zu", nrec);
	} else
		member_diff(&text, NULL, &old, NULL);
	buf_addc(&text, '\0');
	rc = audit_add(&w, "member", "delete", id, "", (const char *)text.p,
	    "");
	buf_free(&text);
	if (rc != STORE_OK)
		goto fail;
	rc = store_wcommit(&w);
	store_member_free(&old);
	return (rc);
fail:
	store_wabort(&w);
	store_member_free(&old);
	return (rc);
}

int
store_member_get(struct store *st, const char *idin, struct store_member *m,
    struct store_stats *stats)
{
	MDB_txn		*txn;
	MDB_val		 v;
	struct agg	 g;
	char		 id[STORE_ID_MAX + 1];
	int		 rc;

	store_err_clear(st);
	memset(m, 0, sizeof *m);
	if (stats != NULL)
		memset(stats, 0, sizeof *stats);
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_VIEW)) != 0)
		return (rc);
	if ((rc = store_key_lookup(idin, id, "member_id", &st->err)) != 0)
		return (rc == STORE_INVALID ? STORE_NOTFOUND : rc);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	if ((rc = member_read(st, txn, id, m)) != STORE_OK ||
	    !access_id_ok(st, txn, id)) {
		if (rc == STORE_OK) {
			store_member_free(m);
			rc = STORE_NOTFOUND;
		}
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, "member_id",
			    _("member %s not found"), id);
		goto out;
	}
	if (stats != NULL) {
		rc = store_get(st, txn, DB_STATS, id, strlen(id), &v);
		if (rc == STORE_OK && codec_agg_dec(&v, &g) == STORE_OK)
			*stats = g.s;
		else if (rc == STORE_OK || rc == STORE_NOTFOUND)
			rc = store_err(st, STORE_IO, NULL,
			    _("member_stats %s: missing or corrupt"), id);
		if (rc != STORE_OK)
			store_member_free(m);
	}
	if (rc == STORE_OK)
		access_hide_member(st, m, stats);
out:
	mdb_txn_abort(txn);
	return (rc);
}

int
store_members_exist(struct store *st, const char *const *ids, size_t n,
    bool *exists)
{
	MDB_txn	*txn;
	MDB_val	 v;
	char	 id[STORE_ID_MAX + 1];
	size_t	 i;
	int	 rc = STORE_OK;

	store_err_clear(st);
	memset(exists, 0, n * sizeof *exists);
	if (n == 0)
		return (STORE_OK);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	for (i = 0; i < n && rc == STORE_OK; i++) {
		/* a text that is no member ID names no member */
		if (store_key_lookup(ids[i], id, "member_id", &st->err) != 0)
			continue;
		rc = store_get(st, txn, DB_MEMBERS, id, strlen(id), &v);
		exists[i] = rc == STORE_OK;
		if (rc == STORE_NOTFOUND)
			rc = STORE_OK;
	}
	if (rc == STORE_OK)
		store_err_clear(st);	/* the texts that were no IDs */
	mdb_txn_abort(txn);
	return (rc);
}

int
store_member_each(struct store *st, int (*cb)(const struct store_member *,
    const struct store_stats *, void *), void *arg)
{
	MDB_txn			*txn;
	struct cur		c;
	MDB_val			 k, v, sv;
	struct store_member	 m;
	struct agg		 g;
	char			 id[STORE_ID_MAX + 1];
	int			 rc, op;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_VIEW)) != 0 ||
	    (rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	if ((rc = store_cursor(st, txn, DB_MEMBERS, &c)) != STORE_OK) {
		mdb_txn_abort(txn);
		return (rc);
	}
	for (op = MDB_FIRST;; op = MDB_NEXT) {
		if ((rc = cur_get(&c, &k, &v, op)) != 0) {
			rc = rc == MDB_NOTFOUND ? STORE_OK :
			    store_mdb(st, rc, "members");
			break;
		}
		codec_copy_text(id, sizeof id, k.mv_data, k.mv_size);
		if (codec_member_dec(&v, id, &m) != STORE_OK) {
			rc = store_err(st, STORE_IO, NULL,
			    _("member %s: corrupt record"), id);
			break;
		}
		memset(&g, 0, sizeof g);
		if (store_get(st, txn, DB_STATS, id, strlen(id), &sv) == 0)
			(void)codec_agg_dec(&sv, &g);
		rc = 0;
		if (access_row_ok(st, &m, &g.s)) {
			access_hide_member(st, &m, &g.s);
			rc = cb(&m, &g.s, arg);
		}
		store_member_free(&m);
		if (rc != 0)
			break;
	}
	cur_close(&c);
	mdb_txn_abort(txn);
	return (rc);
}

static int
member_count_cb(const struct store_member *m, const struct store_stats *s,
    void *arg)
{
	(void)m;
	(void)s;
	(*(size_t *)arg)++;
	return (0);
}

size_t
store_member_count(struct store *st)
{
	MDB_txn	*txn;
	MDB_stat ms;
	size_t	 n = 0;

	/* a count is not a refusal to audit: the screens poll it */
	if (!(st->role.allow[STORE_AREA_MEMBERS] & STORE_ACT_VIEW))
		return (0);
	if (st->rows != NULL) {
		(void)store_member_each(st, member_count_cb, &n);
		return (n);
	}
	if (store_rbegin(st, &txn) != STORE_OK)
		return (0);
	if (mdb_stat(txn, st->dbi[DB_MEMBERS], &ms) == 0)
		n = ms.ms_entries;
	mdb_txn_abort(txn);
	return (n);
}
