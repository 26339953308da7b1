/* migrate.c -- schema 1 -> 2, in one write transaction at the first open
 * by a writer: every entry of every database rewritten sealed (seal.c),
 * every member kept as every write path now keeps it (member_norm: the
 * field table's text rule, issue 8 item 6), and the name and reading
 * indexes rebuilt from the members (what is indexed changed with the
 * schema: whole e-mail addresses, domains, phone digits). */

#include <stdio.h>
#include <stdlib.h>

#include "store/store-int.h"

/* Every entry of DB read as schema 1 (into B: key length, value length,
 * key, value), the database emptied, the entries put back sealed. */
static int
migrate_db(struct wtx *w, enum store_db db, struct buf *b)
{
	struct store	*st = w->st;
	struct cur	 cu;
	MDB_val		 k, v;
	MDB_cursor_op	 op;
	size_t		 off, len[2];
	int		 rc;

	b->len = 0;
	st->sealed = false;
	if ((rc = store_cursor(st, w->txn, db, &cu)) != STORE_OK)
		return (rc);
	for (op = MDB_FIRST; (rc = cur_get(&cu, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		len[0] = k.mv_size;
		len[1] = v.mv_size;
		buf_add(b, len, sizeof len);
		buf_add(b, k.mv_data, k.mv_size);
		buf_add(b, v.mv_data, v.mv_size);
	}
	cur_close(&cu);
	if (rc != MDB_NOTFOUND)
		return (store_mdb(st, rc, store_db_name(db)));
	if ((rc = mdb_drop(w->txn, st->dbi[db], 0)) != 0)
		return (store_mdb(st, rc, store_db_name(db)));
	if (db == DB_NAME || db == DB_BYKANA)
		return (STORE_OK);	/* rebuilt from the members */
	st->sealed = true;
	if ((rc = store_cursor(st, w->txn, db, &cu)) != STORE_OK)
		return (rc);
	for (off = 0; off < b->len; off += sizeof len + len[0] + len[1]) {
		memcpy(len, b->p + off, sizeof len);
		k.mv_data = b->p + off + sizeof len;
		k.mv_size = len[0];
		v.mv_data = b->p + off + sizeof len + len[0];
		v.mv_size = len[1];
		if ((rc = cur_put(&cu, &k, &v, MDB_APPEND)) != 0)
			break;
	}
	cur_close(&cu);
	return (store_mdb(st, rc, store_db_name(db)));
}

/* Member ID of the sealed members, kept as the text rule keeps it, its
 * name and reading index entries put; *CHANGED counts the rewritten. */
static int
migrate_member(struct wtx *w, const char *id, size_t *changed)
{
	struct store_member	m, n;
	struct store_member	*keep = &m;
	struct buf		 b;
	int			 rc;

	if ((rc = member_read(w->st, w->txn, id, &m)) != STORE_OK)
		return (rc);
	/* a value the rule refuses stays as it was (check lists it) */
	if (member_norm(w->st, &m, &n) == STORE_OK) {
		if (!member_same(&m, &n)) {
			n.version = m.version + 1;
			buf_init(&b);
			codec_member_enc(&b, &n);
			rc = store_put(w->st, w->txn, DB_MEMBERS, n.id,
			    strlen(n.id), b.p, b.len, 0);
			buf_free(&b);
			(*changed)++;
		}
		keep = &n;
	}
	store_err_clear(w->st);
	if (rc == STORE_OK)
		rc = idx_member_put(w, NULL, keep);
	if (keep == &n)
		store_member_free(&n);
	store_member_free(&m);
	return (rc);
}

static int
migrate_members(struct wtx *w, size_t *changed)
{
	struct cur	 cu;
	struct buf	 ids;
	MDB_val		 k, v;
	MDB_cursor_op	 op;
	const char	*id;
	int		 rc;

	buf_init(&ids);
	if ((rc = store_cursor(w->st, w->txn, DB_MEMBERS, &cu)) != STORE_OK)
		return (rc);
	for (op = MDB_FIRST; (rc = cur_get(&cu, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		buf_add(&ids, k.mv_data, k.mv_size);
		buf_addc(&ids, '\0');
	}
	cur_close(&cu);
	rc = store_mdb(w->st, rc == MDB_NOTFOUND ? 0 : rc, "members");
	for (id = (const char *)ids.p; rc == STORE_OK && id != NULL &&
	    id < (const char *)ids.p + ids.len; id += strlen(id) + 1)
		rc = migrate_member(w, id, changed);
	buf_free(&ids);
	return (rc);
}

int
migrate_schema1(struct store *st)
{
	struct wtx	 w;
	struct buf	 b;
	char		 note[64];
	size_t		 changed = 0;
	long		 ver;
	int		 db, rc;

	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	/* another writer may have migrated since this open read the marker */
	if ((rc = seal_schema_read(st, w.txn, &ver)) != STORE_OK ||
	    ver != 1) {
		store_wabort(&w);
		return (rc);
	}
	buf_init(&b);
	for (db = 0; rc == STORE_OK && db < DB_COUNT; db++)
		rc = migrate_db(&w, (enum store_db)db, &b);
	buf_free(&b);
	if (rc == STORE_OK)
		rc = seal_schema_write(st, w.txn, 2);
	if (rc == STORE_OK)
		rc = migrate_members(&w, &changed);
	snprintf(note, sizeof note, "schema 2; %zu members normalised",
	    changed);
	if (rc == STORE_OK)
		rc = audit_add(&w, "database", "migrate", "", "", "schema 1",
		    note);
	if (rc != STORE_OK) {
		store_wabort(&w);
		st->sealed = false;
		return (rc);
	}
	if ((rc = store_wcommit(&w)) == STORE_OK)
		st->migrated = true;
	return (rc);
}
