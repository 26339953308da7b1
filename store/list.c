/* list.c -- member lists: a page of one sort index, and prefix search over
 * the name index, each in one read transaction without a scan. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

static enum store_db
list_db(enum store_order order)
{
	switch (order) {
	case STORE_ORDER_KANA:
		return (DB_BYKANA);
	case STORE_ORDER_TOTAL:
		return (DB_BYTOTAL);
	case STORE_ORDER_LAST_DATE:
		return (DB_BYLAST);
	default:
		return (DB_MEMBERS);
	}
}

/* The role may list members in ORDER: it sees the field it sorts by. */
static int
list_may_sort(struct store *st, enum store_order order)
{
	static const char *const keys[] = {
		[STORE_ORDER_ID] = "id", [STORE_ORDER_KANA] = "kana",
		[STORE_ORDER_TOTAL] = "total",
		[STORE_ORDER_LAST_DATE] = "last_date",
	};
	const struct store_field	*f;
	int				 rc;

	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_VIEW)) != 0)
		return (rc);
	if ((f = store_field_find(keys[order])) != NULL &&
	    store_field_hidden(st, f)) {
		access_refuse(st, f->key, _("%s is hidden from role %s: the "
		    "list cannot be sorted by it"), f->key, st->role.name);
		access_flush(st);
		return (STORE_PERM);
	}
	return (STORE_OK);
}

/* Does the upper-case of PREFIX start KEY? */
static bool
list_upper_eq(const char *key, const char *prefix, size_t plen)
{
	size_t	i;
	char	c;

	for (i = 0; i < plen; i++) {
		c = prefix[i];
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (key[i] != c)
			return (false);
	}
	return (true);
}

static void
buf_reset_copy(struct buf *dst, const struct buf *src)
{
	dst->len = 0;
	buf_add(dst, src->p, src->len);
}

/* Fill ROW for member ID found at list position KEY; false when the
 * member is gone (an index entry check would report), outside the role's
 * rows, or (PREFIX not NULL: a search) found only by a hidden field. */
static bool
list_fill(struct store *st, MDB_txn *txn, const void *key, size_t keylen,
    const char *id, size_t idlen, struct store_member_row *row,
    const char *prefix, size_t plen)
{
	MDB_val		mv, sv;
	struct agg	g;

	memset(row, 0, sizeof *row);
	if (keylen >= sizeof row->key || idlen > STORE_ID_MAX)
		return (false);
	memcpy(row->key, key, keylen);
	row->keylen = keylen;
	memcpy(row->id, id, idlen);
	row->id[idlen] = '\0';
	if (store_get(st, txn, DB_MEMBERS, row->id, idlen, &mv) != STORE_OK)
		return (false);
	codec_member_row(&mv, row);
	memset(&g, 0, sizeof g);
	if (store_get(st, txn, DB_STATS, row->id, idlen, &sv) == STORE_OK &&
	    codec_agg_dec(&sv, &g) == STORE_OK) {
		row->total = g.s.total;
		memcpy(row->last_date, g.s.last_date, sizeof row->last_date);
		memcpy(row->last_event, g.s.last_event,
		    sizeof row->last_event);
	}
	if (!access_list_ok(st, &mv, row->id, &g, prefix, plen))
		return (false);
	access_hide_row(st, row);
	return (true);
}

int
store_member_page(struct store *st, enum store_order order,
    const struct store_member_row *from, bool backward,
    struct store_member_row *rows, size_t n, size_t *got)
{
	enum store_db		 db = list_db(order);
	struct store_member_row	 tmp;
	MDB_txn			*txn;
	struct cur		c;
	MDB_val			 k, v;
	const char		*id;
	size_t			 idlen, i;
	int			 rc, op;

	store_err_clear(st);
	*got = 0;
	if ((rc = list_may_sort(st, order)) != STORE_OK)
		return (rc);
	if (n == 0)
		return (STORE_OK);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	if ((rc = store_cursor(st, txn, db, &c)) != STORE_OK) {
		mdb_txn_abort(txn);
		return (rc);
	}
	if (from == NULL)
		op = backward ? MDB_LAST : MDB_FIRST;
	else {
		k.mv_data = (void *)from->key;
		k.mv_size = from->keylen;
		rc = cur_get(&c, &k, &v, MDB_SET_RANGE);
		if (rc == MDB_NOTFOUND)
			op = backward ? MDB_LAST : -1;
		else if (rc != 0)
			goto fail;
		else if (backward)
			op = MDB_PREV;
		else if (k.mv_size == from->keylen &&
		    memcmp(k.mv_data, from->key, k.mv_size) == 0)
			op = MDB_NEXT;
		else
			op = MDB_GET_CURRENT;
	}
	while (op != -1 && *got < n) {
		if ((rc = cur_get(&c, &k, &v, (MDB_cursor_op)op)) != 0)
			break;
		op = backward ? MDB_PREV : MDB_NEXT;
		id = idx_key_id(db, k.mv_data, k.mv_size, &idlen);
		if (list_fill(st, txn, k.mv_data, k.mv_size, id, idlen,
		    &rows[*got], NULL, 0))
			(*got)++;
	}
	if (rc != 0 && rc != MDB_NOTFOUND)
		goto fail;
	if (backward) {
		for (i = 0; i < *got / 2; i++) {
			tmp = rows[i];
			rows[i] = rows[*got - 1 - i];
			rows[*got - 1 - i] = tmp;
		}
	}
	cur_close(&c);
	mdb_txn_abort(txn);
	return (STORE_OK);
fail:
	cur_close(&c);
	mdb_txn_abort(txn);
	*got = 0;
	return (store_mdb(st, rc, "member list"));
}

/* Is TEXT (LEN bytes) the first of member ID's search texts that start
 * with PREFIX?  A member is listed once, at that entry. */
static bool
list_first_match(struct store *st, MDB_txn *txn, const char *id,
    const char *text, size_t len, const char *prefix, size_t plen)
{
	struct store_member	 m;
	struct buf		 texts;
	const char		*p, *end;
	bool			 first = false;

	if (member_read(st, txn, id, &m) != STORE_OK)
		return (false);
	buf_init(&texts);
	idx_search_texts(&texts, &m);
	for (p = (const char *)texts.p, end = p + texts.len; p < end;
	    p += strlen(p) + 1) {
		if (strncmp(p, prefix, plen) != 0)
			continue;
		/* the texts are sorted: the first with the prefix decides */
		first = strlen(p) == len && memcmp(p, text, len) == 0;
		break;
	}
	buf_free(&texts);
	store_member_free(&m);
	return (first);
}

/*
 * Search merges three sorted streams of "text \0 id" keys: name_index,
 * by_kana (the readings) and members (plain IDs, whose text is the ID in
 * lower case).  The merged order is the order of those keys.
 */
struct list_stream {
	enum store_db	 db;
	struct cur	c;
	bool		 live;
	struct buf	 key;		/* the current "text \0 id" */
	size_t		 idoff;
};

/* Move S to its next entry with the text prefix PREFIX (OP: the cursor
 * operation; SEEK for its key).  Returns an LMDB code. */
static int
list_stream_next(struct list_stream *s, const char *prefix, size_t plen,
    MDB_cursor_op op, const void *seek, size_t seeklen)
{
	MDB_val		k, v;
	size_t		i;
	int		rc;

	k.mv_data = (void *)seek;
	k.mv_size = seeklen;
	for (;; op = MDB_NEXT) {
		if ((rc = cur_get(&s->c, &k, &v, op)) != 0) {
			s->live = false;
			return (rc == MDB_NOTFOUND ? 0 : rc);
		}
		s->key.len = 0;
		if (s->db != DB_MEMBERS) {
			buf_add(&s->key, k.mv_data, k.mv_size);
			s->idoff = (size_t)((const char *)idx_key_id(s->db,
			    k.mv_data, k.mv_size, &i) - (const char *)k.mv_data);
		} else {
			if (!idx_id_plain(k.mv_data, k.mv_size)) {
				/* name_index holds it; keep to the prefix */
				if (k.mv_size < plen || !list_upper_eq(
				    k.mv_data, prefix, plen)) {
					s->live = false;
					return (0);
				}
				continue;
			}
			for (i = 0; i < k.mv_size; i++) {
				char c = ((const char *)k.mv_data)[i];

				buf_addc(&s->key, c >= 'A' && c <= 'Z' ?
				    c + 'a' - 'A' : c);
			}
			buf_addc(&s->key, '\0');
			s->idoff = s->key.len;
			buf_add(&s->key, k.mv_data, k.mv_size);
		}
		if (s->key.len < plen || memcmp(s->key.p, prefix, plen) != 0) {
			s->live = false;
			return (0);
		}
		return (0);
	}
}

static int
list_keycmp(const struct buf *a, const struct buf *b)
{
	size_t	n = a->len < b->len ? a->len : b->len;
	int	c;

	if ((c = memcmp(a->p, b->p, n)) != 0)
		return (c);
	return (a->len < b->len ? -1 : a->len > b->len);
}

/* store_member_search of the folded PREFIX. */
static int
list_search(struct store *st, const char *prefix,
    const struct store_member_row *after, struct store_member_row *rows,
    size_t n, size_t *got)
{
	static const enum store_db dbs[3] = { DB_NAME, DB_BYKANA, DB_MEMBERS };
	struct list_stream	 s[3], *best;
	struct buf		 after_key, seek;
	MDB_txn			*txn;
	const char		*z;
	size_t			 plen, i, tlen;
	int			 rc = 0, src = STORE_OK;
	bool			 idable;

	*got = 0;
	plen = strlen(prefix);
	if (plen > STORE_TEXT_KEY_MAX)
		plen = STORE_TEXT_KEY_MAX;
	/* could a plain ID start with it? */
	for (i = 0, idable = true; i < plen; i++) {
		unsigned char c = (unsigned char)prefix[i];

		if (c <= 0x20 || c >= 0x7f || (c >= 0x5b && c <= 0x60))
			idable = false;
	}
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	buf_init(&after_key);
	buf_init(&seek);
	if (after != NULL)
		buf_add(&after_key, after->key, after->keylen);
	memset(s, 0, sizeof s);
	for (i = 0; i < 3; i++) {
		s[i].db = dbs[i];
		buf_init(&s[i].key);
	}
	for (i = 0; i < 3 && rc == 0 && src == STORE_OK; i++) {
		if (dbs[i] == DB_MEMBERS && !idable)
			continue;
		if ((src = store_cursor(st, txn, dbs[i], &s[i].c)) != 0)
			break;
		s[i].live = true;
		/* where to start: the prefix, or the text of AFTER */
		seek.len = 0;
		if (after != NULL && (z = memchr(after->key, '\0',
		    after->keylen)) != NULL && dbs[i] == DB_MEMBERS)
			buf_add(&seek, after->key,
			    (size_t)(z - after->key));
		else if (after != NULL && dbs[i] != DB_MEMBERS)
			buf_add(&seek, after->key, after->keylen);
		else
			buf_add(&seek, prefix, plen);
		if (dbs[i] == DB_MEMBERS) {
			for (tlen = 0; tlen < seek.len; tlen++) {
				if (seek.p[tlen] >= 'a' && seek.p[tlen] <= 'z')
					seek.p[tlen] -= 'a' - 'A';
			}
		}
		rc = list_stream_next(&s[i], prefix, plen, MDB_SET_RANGE,
		    seek.p, seek.len);
		/* skip what AFTER already covered */
		while (rc == 0 && s[i].live && after != NULL &&
		    list_keycmp(&s[i].key, &after_key) <= 0)
			rc = list_stream_next(&s[i], prefix, plen, MDB_NEXT,
			    NULL, 0);
	}
	while (rc == 0 && src == STORE_OK && *got < n) {
		best = NULL;
		for (i = 0; i < 3; i++) {
			if (s[i].live && (best == NULL ||
			    list_keycmp(&s[i].key, &best->key) < 0))
				best = &s[i];
		}
		if (best == NULL)
			break;
		z = memchr(best->key.p, '\0', best->key.len);
		tlen = (size_t)(z - (const char *)best->key.p);
		{
			char	id[STORE_ID_MAX + 1];
			size_t	idlen = best->key.len - best->idoff;

			if (idlen <= STORE_ID_MAX) {
				memcpy(id, best->key.p + best->idoff, idlen);
				id[idlen] = '\0';
				if (list_first_match(st, txn, id,
				    (const char *)best->key.p, tlen, prefix,
				    plen) && list_fill(st, txn, best->key.p,
				    best->key.len, id, idlen, &rows[*got],
				    prefix, plen))
					(*got)++;
			}
		}
		/* the same entry from another stream counts once */
		buf_reset_copy(&after_key, &best->key);
		for (i = 0; i < 3 && rc == 0; i++) {
			while (rc == 0 && s[i].live &&
			    list_keycmp(&s[i].key, &after_key) <= 0)
				rc = list_stream_next(&s[i], prefix, plen,
				    MDB_NEXT, NULL, 0);
		}
	}
	for (i = 0; i < 3; i++) {
		cur_close(&s[i].c);
		buf_free(&s[i].key);
	}
	mdb_txn_abort(txn);
	buf_free(&after_key);
	buf_free(&seek);
	if (src != STORE_OK || rc != 0) {
		*got = 0;
		return (src != STORE_OK ? src : store_mdb(st, rc, "search"));
	}
	return (STORE_OK);
}

/* The digits of a phone-like query (digits with - ( ) + . or spaces, not
 * digits alone) malloc'd; NULL for any other. */
static char *
list_phone_digits(const char *q)
{
	char	*d, *o;
	bool	 other = false;

	o = d = xmalloc(strlen(q) + 1);
	for (; *q != '\0'; q++) {
		if (*q >= '0' && *q <= '9')
			*o++ = *q;
		else if (strchr("-()+. ", *q) != NULL)
			other = true;
		else
			break;
	}
	*o = '\0';
	if (*q != '\0' || !other || o == d) {
		free(d);
		return (NULL);
	}
	return (d);
}

int
store_member_search(struct store *st, const char *query,
    const struct store_member_row *after, struct store_member_row *rows,
    size_t n, size_t *got)
{
	struct store_member_row	 probe;
	char			*prefix, *digits;
	size_t			 found;
	int			 rc;

	store_err_clear(st);
	*got = 0;
	if ((rc = access_need(st, STORE_AREA_MEMBERS, STORE_ACT_VIEW)) != 0)
		return (rc);
	if ((prefix = store_fold(query)) == NULL)
		return (STORE_OK);
	if (*prefix == '\0' || n == 0) {
		free(prefix);
		return (STORE_OK);
	}
	rc = list_search(st, prefix, after, rows, n, got);
	/* a phone number written otherwise than it is stored: its digits
	 * (when the query as typed finds no one at all) */
	if (rc == STORE_OK && *got == 0 &&
	    (digits = list_phone_digits(prefix)) != NULL) {
		found = 0;
		if (after != NULL)
			rc = list_search(st, prefix, NULL, &probe, 1, &found);
		if (rc == STORE_OK && found == 0)
			rc = list_search(st, digits, after, rows, n, got);
		free(digits);
	}
	free(prefix);
	return (rc);
}
