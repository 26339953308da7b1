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

/* Fill ROW for member ID found at index key K; false when the member is
 * gone (an index entry check would report). */
static bool
list_fill(struct store *st, MDB_txn *txn, const MDB_val *k, const char *id,
    size_t idlen, struct store_member_row *row)
{
	MDB_val		mv, sv;
	struct agg	g;

	memset(row, 0, sizeof *row);
	if (k->mv_size >= sizeof row->key || idlen > STORE_ID_MAX)
		return (false);
	memcpy(row->key, k->mv_data, k->mv_size);
	row->keylen = k->mv_size;
	memcpy(row->id, id, idlen);
	row->id[idlen] = '\0';
	if (store_get(st, txn, DB_MEMBERS, row->id, idlen, &mv) != STORE_OK)
		return (false);
	codec_member_row(&mv, row);
	if (store_get(st, txn, DB_STATS, row->id, idlen, &sv) == STORE_OK &&
	    codec_agg_dec(&sv, &g) == STORE_OK) {
		row->total = g.s.total;
		memcpy(row->last_date, g.s.last_date, sizeof row->last_date);
		memcpy(row->last_event, g.s.last_event,
		    sizeof row->last_event);
	}
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
	MDB_cursor		*c;
	MDB_val			 k, v;
	const char		*id;
	size_t			 idlen, i;
	int			 rc, op;

	store_err_clear(st);
	*got = 0;
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
		rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
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
		if ((rc = mdb_cursor_get(c, &k, &v, (MDB_cursor_op)op)) != 0)
			break;
		op = backward ? MDB_PREV : MDB_NEXT;
		id = idx_key_id(db, k.mv_data, k.mv_size, &idlen);
		if (list_fill(st, txn, &k, id, idlen, &rows[*got]))
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
	mdb_cursor_close(c);
	mdb_txn_abort(txn);
	return (STORE_OK);
fail:
	mdb_cursor_close(c);
	mdb_txn_abort(txn);
	*got = 0;
	return (store_mdb(st, rc, "member list"));
}

/* Is the name index text TEXT (LEN bytes) the first of member ID's texts
 * that start with PREFIX?  A member is listed once, at that entry. */
static bool
list_first_match(struct store *st, MDB_txn *txn, const char *id,
    const char *text, size_t len, const char *prefix, size_t plen)
{
	struct store_member	 m;
	struct buf		 texts;
	const char		*p, *end;
	bool			 first = true;

	if (member_read(st, txn, id, &m) != STORE_OK)
		return (false);
	buf_init(&texts);
	idx_name_texts(&texts, &m);
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

int
store_member_search(struct store *st, const char *query,
    const struct store_member_row *after, struct store_member_row *rows,
    size_t n, size_t *got)
{
	MDB_txn		*txn;
	MDB_cursor	*c;
	MDB_val		 k, v;
	char		*prefix, id[STORE_ID_MAX + 1];
	const char	*z, *idp;
	size_t		 plen, idlen, tlen;
	int		 rc, op;

	store_err_clear(st);
	*got = 0;
	if ((prefix = store_fold(query)) == NULL)
		return (STORE_OK);
	plen = strlen(prefix);
	if (plen == 0 || n == 0) {
		free(prefix);
		return (STORE_OK);
	}
	if (plen > STORE_TEXT_KEY_MAX)
		plen = STORE_TEXT_KEY_MAX;
	if ((rc = store_rbegin(st, &txn)) != STORE_OK) {
		free(prefix);
		return (rc);
	}
	if ((rc = store_cursor(st, txn, DB_NAME, &c)) != STORE_OK) {
		mdb_txn_abort(txn);
		free(prefix);
		return (rc);
	}
	if (after != NULL) {
		k.mv_data = (void *)after->key;
		k.mv_size = after->keylen;
	} else {
		k.mv_data = prefix;
		k.mv_size = plen;
	}
	rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
	op = MDB_GET_CURRENT;
	if (rc == 0 && after != NULL && k.mv_size == after->keylen &&
	    memcmp(k.mv_data, after->key, k.mv_size) == 0)
		op = MDB_NEXT;
	while (rc == 0 && *got < n) {
		if ((rc = mdb_cursor_get(c, &k, &v, (MDB_cursor_op)op)) != 0)
			break;
		op = MDB_NEXT;
		if (k.mv_size < plen || memcmp(k.mv_data, prefix, plen) != 0)
			break;
		if ((z = memchr(k.mv_data, '\0', k.mv_size)) == NULL)
			continue;
		tlen = (size_t)(z - (const char *)k.mv_data);
		idp = idx_key_id(DB_NAME, k.mv_data, k.mv_size, &idlen);
		if (idlen > STORE_ID_MAX)
			continue;
		memcpy(id, idp, idlen);
		id[idlen] = '\0';
		if (!list_first_match(st, txn, id, k.mv_data, tlen, prefix,
		    plen))
			continue;
		if (list_fill(st, txn, &k, id, idlen, &rows[*got]))
			(*got)++;
	}
	mdb_cursor_close(c);
	mdb_txn_abort(txn);
	free(prefix);
	if (rc != 0 && rc != MDB_NOTFOUND) {
		*got = 0;
		return (store_mdb(st, rc, "name_index"));
	}
	return (STORE_OK);
}
