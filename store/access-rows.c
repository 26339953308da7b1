/* access-rows.c -- what a role sees of members: its rows (--rows), its
 * hidden fields (--hide, empty wherever a member is read) and its
 * read-only fields (--read-only, refused on write). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

static bool
access_bit(uint64_t mask, size_t i)
{
	return ((mask & ((uint64_t)1 << i)) != 0);
}

bool
access_restricted(const struct store *st)
{
	return (st->rows != NULL || st->role.hide != 0);
}

bool
access_row_ok(const struct store *st, const struct store_member *m,
    const struct store_stats *s)
{
	return (st->rows == NULL || store_filter_match(st->rows, m, s));
}

bool
access_id_ok(struct store *st, MDB_txn *txn, const char *id)
{
	struct store_member	m;
	struct agg		g;
	MDB_val			v;
	bool			ok;

	if (st->rows == NULL)
		return (true);
	if (member_read(st, txn, id, &m) != STORE_OK)
		return (false);
	memset(&g, 0, sizeof g);
	if (store_get(st, txn, DB_STATS, id, strlen(id), &v) == STORE_OK)
		(void)codec_agg_dec(&v, &g);
	ok = store_filter_match(st->rows, &m, &g.s);
	store_member_free(&m);
	return (ok);
}

/* Empty field F of M (and S). */
static void
access_clear(const struct store_field *f, struct store_member *m,
    struct store_stats *s)
{
	char	*mp = (char *)m + f->offset;
	char	*sp = s == NULL ? NULL : (char *)s + f->offset;

	switch (f->slot) {
	case STORE_SLOT_ID:
		break;		/* the key stays: it is how a member is named */
	case STORE_SLOT_STR:
		free(*(char **)mp);
		*(char **)mp = NULL;
		break;
	case STORE_SLOT_CHARS:
		mp[0] = '\0';
		break;
	case STORE_SLOT_INT32:
		*(int32_t *)mp = 0;
		break;
	case STORE_SLOT_UINT32:
		*(uint32_t *)mp = 0;
		break;
	case STORE_SLOT_TIME:
		*(int64_t *)mp = 0;
		break;
	case STORE_SLOT_BOOL:
		*(bool *)mp = false;
		break;
	case STORE_SLOT_STATUS:
		*(enum store_member_status *)mp = STORE_MEMBER_ACTIVE;
		break;
	case STORE_SLOT_STATS_UINT32:
		if (sp != NULL)
			*(uint32_t *)sp = 0;
		break;
	case STORE_SLOT_STATS_CHARS:
		if (sp != NULL)
			sp[0] = '\0';
		break;
	case STORE_SLOT_LAST_EVENT:
		if (s != NULL)
			s->last_event[0] = '\0';
		free(m->past_last_event);
		m->past_last_event = NULL;
		break;
	}
}

void
access_hide_member(const struct store *st, struct store_member *m,
    struct store_stats *s)
{
	size_t	i;

	for (i = 0; i < store_nfields && st->role.hide != 0; i++) {
		if (access_bit(st->role.hide, i))
			access_clear(&store_fields[i], m, s);
	}
}

void
access_hide_row(const struct store *st, struct store_member_row *row)
{
	size_t	i;
	const char *key;

	for (i = 0; i < store_nfields && st->role.hide != 0; i++) {
		if (!access_bit(st->role.hide, i))
			continue;
		key = store_fields[i].key;
		if (strcmp(key, "name") == 0)
			row->name[0] = '\0';
		else if (strcmp(key, "kana") == 0)
			row->kana[0] = '\0';
		else if (strcmp(key, "email") == 0)
			row->email[0] = '\0';
		else if (strcmp(key, "status") == 0)
			row->status = STORE_MEMBER_ACTIVE;
		else if (strcmp(key, "total") == 0)
			row->total = 0;
		else if (strcmp(key, "last_date") == 0)
			row->last_date[0] = '\0';
		else if (strcmp(key, "last_event") == 0)
			row->last_event[0] = '\0';
	}
}

/* Does a visible search text of M start with PREFIX (folded)? */
static bool
access_found_visible(const struct store *st, struct store_member *m,
    const char *prefix, size_t plen)
{
	struct buf	 texts;
	const char	*t, *end;
	bool		 found = false;
	char		*id;

	access_hide_member(st, m, NULL);
	buf_init(&texts);
	idx_search_texts(&texts, m);
	t = (const char *)texts.p;
	end = t + texts.len;
	while (t != NULL && t < end && !found) {
		found = strlen(t) >= plen && memcmp(t, prefix, plen) == 0;
		t += strlen(t) + 1;
	}
	buf_free(&texts);
	if (!found && (id = store_fold(m->id)) != NULL) {
		found = strncmp(id, prefix, plen) == 0;
		free(id);
	}
	return (found);
}

bool
access_list_ok(struct store *st, const MDB_val *mv, const char *id,
    const struct agg *g, const char *prefix, size_t plen)
{
	struct store_member	m;
	bool			ok = true;

	if (st->rows == NULL && (prefix == NULL || st->role.hide == 0))
		return (true);
	if (codec_member_dec(mv, id, &m) != STORE_OK)
		return (false);
	if (st->rows != NULL)
		ok = store_filter_match(st->rows, &m, &g->s);
	if (ok && prefix != NULL && st->role.hide != 0)
		ok = access_found_visible(st, &m, prefix, plen);
	store_member_free(&m);
	return (ok);
}

/* Is field F of A different from B's? */
static bool
access_differs(const struct store_field *f, const struct store_member *a,
    const struct store_member *b)
{
	struct store_member_view	va = { a, NULL, NULL };
	struct store_member_view	vb = { b, NULL, NULL };
	char				ba[64], bb[64];

	return (strcmp(store_field_get(f, &va, STORE_STYLE_CSV, ba,
	    sizeof ba), store_field_get(f, &vb, STORE_STYLE_CSV, bb,
	    sizeof bb)) != 0);
}

static int
access_outside(struct store *st, const char *id)
{
	return (access_refuse(st, "rows", _("member %s would be outside the "
	    "rows of role %s (%s)"), id, st->role.name, st->role.rows));
}

int
access_member_add(struct store *st, const struct store_member *m)
{
	struct store_member	empty;
	size_t			i;

	memset(&empty, 0, sizeof empty);
	for (i = 0; i < store_nfields && st->role.read_only != 0; i++) {
		if (access_bit(st->role.read_only, i) &&
		    !(store_fields[i].flags & STORE_FIELD_DERIVED) &&
		    store_fields[i].slot != STORE_SLOT_ID &&
		    access_differs(&store_fields[i], m, &empty))
			return (access_refuse(st, store_fields[i].key,
			    _("%s is read-only for role %s"),
			    store_fields[i].key, st->role.name));
	}
	if (!access_row_ok(st, m, NULL))
		return (access_outside(st, m->id));
	return (STORE_OK);
}

/* Copy field F from SRC into DST (both members of the store's shape). */
static void
access_copy(const struct store_field *f, struct store_member *dst,
    const struct store_member *src)
{
	const char	*sp = (const char *)src + f->offset;
	char		*dp = (char *)dst + f->offset;

	switch (f->slot) {
	case STORE_SLOT_STR:
		store_str_set((char **)dp, *(char *const *)sp);
		break;
	case STORE_SLOT_CHARS:
		memcpy(dp, sp, f->size);
		break;
	case STORE_SLOT_INT32:
	case STORE_SLOT_UINT32:
		memcpy(dp, sp, 4);
		break;
	case STORE_SLOT_TIME:
		memcpy(dp, sp, 8);
		break;
	case STORE_SLOT_BOOL:
		memcpy(dp, sp, sizeof(bool));
		break;
	case STORE_SLOT_STATUS:
		memcpy(dp, sp, sizeof(enum store_member_status));
		break;
	case STORE_SLOT_LAST_EVENT:
		store_str_set(&dst->past_last_event, src->past_last_event);
		break;
	default:
		break;		/* the ID and the aggregate are not written */
	}
}

int
access_member_update(struct store *st, MDB_txn *txn,
    const struct store_member *old, struct store_member *nw)
{
	const struct store_field	*f;
	struct agg			 g;
	MDB_val				 v;
	size_t				 i;

	if (!access_restricted(st) && st->role.read_only == 0)
		return (STORE_OK);
	memset(&g, 0, sizeof g);
	if (store_get(st, txn, DB_STATS, old->id, strlen(old->id), &v) ==
	    STORE_OK)
		(void)codec_agg_dec(&v, &g);
	if (!access_row_ok(st, old, &g.s))
		return (store_err(st, STORE_NOTFOUND, "member_id",
		    _("member %s not found"), old->id));
	for (i = 0; i < store_nfields; i++) {
		f = &store_fields[i];
		if (f->flags & STORE_FIELD_DERIVED)
			continue;
		/* the caller never saw a hidden value: it stays */
		if (access_bit(st->role.hide, i))
			access_copy(f, nw, old);
		else if (access_bit(st->role.read_only, i) &&
		    access_differs(f, old, nw))
			return (access_refuse(st, f->key, _("%s is read-only "
			    "for role %s"), f->key, st->role.name));
	}
	if (!access_row_ok(st, nw, &g.s))
		return (access_outside(st, nw->id));
	return (STORE_OK);
}

int
access_filter(struct store *st, const struct store_filter *f)
{
	size_t	i;

	for (i = 0; i < store_nfields && st->role.hide != 0; i++) {
		if (access_bit(st->role.hide, i) &&
		    store_filter_names(f, store_fields[i].key))
			return (access_refuse(st, store_fields[i].key,
			    _("%s is hidden from role %s: it cannot be "
			    "filtered on"), store_fields[i].key,
			    st->role.name));
	}
	return (STORE_OK);
}

int
access_import_member(struct store *st, uint32_t fields,
    const struct store_member *m)
{
	uint64_t	closed = st->role.hide | st->role.read_only;
	size_t		i;

	for (i = 0; i < store_nfields && closed != 0; i++) {
		if (access_bit(closed, i) && (store_fields[i].mask & fields))
			return (access_refuse(st, store_fields[i].key,
			    _("the file has a column %s, which is %s for "
			    "role %s; nothing was imported"),
			    store_fields[i].key, access_bit(st->role.hide,
			    i) ? _("hidden") : _("read-only"),
			    st->role.name));
	}
	if (!access_row_ok(st, m, NULL))
		return (access_outside(st, m->id));
	return (STORE_OK);
}

/* Where the value of "KEY=" ends in TEXT: at the next "; " that starts
 * another "field=" (an identifier then '='), else the end. */
static const char *
access_value_end(const char *p)
{
	const char	*q;

	for (; *p != '\0'; p++) {
		if (p[0] != ';' || p[1] != ' ')
			continue;
		for (q = p + 2; (*q >= 'a' && *q <= 'z') || *q == '_' ||
		    *q == '.' || (*q >= '0' && *q <= '9'); q++)
			;
		if (*q == '=' && q > p + 2)
			return (p);
	}
	return (p);
}

char *
access_audit_text(const struct store *st, const char *text)
{
	struct buf	 b;
	const char	*p = text, *end, *eq;
	size_t		 i, klen;
	bool		 hidden;

	buf_init(&b);
	while (*p != '\0') {
		end = access_value_end(p);
		eq = memchr(p, '=', (size_t)(end - p));
		hidden = false;
		klen = eq == NULL ? 0 : (size_t)(eq - p);
		for (i = 0; i < store_nfields && eq != NULL && !hidden; i++)
			hidden = access_bit(st->role.hide, i) &&
			    strlen(store_fields[i].key) == klen &&
			    memcmp(store_fields[i].key, p, klen) == 0;
		if (hidden) {
			buf_add(&b, p, klen + 1);
			buf_adds(&b, "(hidden)");
		} else
			buf_add(&b, p, (size_t)(end - p));
		if (*end == '\0')
			break;
		buf_adds(&b, "; ");
		p = end + 2;
	}
	buf_addc(&b, '\0');
	return ((char *)b.p);
}
