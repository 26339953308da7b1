/* seal.c -- every LMDB read and write of store/ goes through here: in a
 * schema-2 database each value ends with 4 bytes, the CRC32C of the key and
 * the value (little-endian), written by store_put and cur_put and checked
 * by store_get and cur_get, which hand the value on without them.  A
 * cursor walk stops at a bound (twice the entry count, plus slack) so a
 * damaged tree cannot loop.  The schema is read at the start of every
 * transaction, so a process that opened a schema-1 database reads the
 * entries right after another one migrated it. */

#include <stdio.h>
#include <stdlib.h>

#include "store/crc.h"
#include "store/store-int.h"

#define SEAL_SIZE	4

static uint32_t
seal_crc(const MDB_val *k, const void *v, size_t vlen)
{
	uint32_t	c;

	c = crc32c_add(CRC32C_INIT, k->mv_data, k->mv_size);
	return (crc32c_add(c, v, vlen) ^ CRC32C_INIT);
}

static void
seal_write(unsigned char *p, uint32_t c)
{
	p[0] = (unsigned char)c;
	p[1] = (unsigned char)(c >> 8);
	p[2] = (unsigned char)(c >> 16);
	p[3] = (unsigned char)(c >> 24);
}

bool
seal_ok(const MDB_val *k, const MDB_val *v)
{
	const unsigned char	*p = v->mv_data;
	uint32_t		 want;
	size_t			 n;

	if (v->mv_size < SEAL_SIZE)
		return (false);
	n = v->mv_size - SEAL_SIZE;
	want = (uint32_t)p[n] | (uint32_t)p[n + 1] << 8 |
	    (uint32_t)p[n + 2] << 16 | (uint32_t)p[n + 3] << 24;
	return (seal_crc(k, p, n) == want);
}

void
seal_key_text(enum store_db db, const MDB_val *k, char *out, size_t size)
{
	struct buf	b;
	char		raw[600];
	const char	*s;

	idx_render(db, k->mv_data, k->mv_size, raw, sizeof raw);
	if (db == DB_AUDIT || !text_is_valid(raw)) {
		/* binary keys and broken text: hex, so the line stays one */
		buf_init(&b);
		for (s = k->mv_data; s < (const char *)k->mv_data +
		    k->mv_size && b.len + 3 < size; s++)
			buf_printf(&b, "%02x", (unsigned char)*s);
		codec_copy_text(out, size, b.p == NULL ? "" :
		    (const char *)b.p, b.len);
		buf_free(&b);
		return;
	}
	snprintf(out, size, "%s", raw);
}

/* The error of a damaged entry: its database and key. */
static int
seal_damaged(struct store *st, enum store_db db, const MDB_val *k)
{
	char	text[300];

	seal_key_text(db, k, text, sizeof text);
	store_err(st, STORE_DAMAGED, NULL, _("the database is damaged "
	    "(%s %s fails its checksum): restore a backup"),
	    store_db_name(db), text);
	return (STORE_DAMAGED);
}

/* V checked against K and cut to the stored value (schema 2). */
static int
seal_open(struct store *st, enum store_db db, const MDB_val *k, MDB_val *v)
{
	if (!st->sealed)
		return (STORE_OK);
	if (!seal_ok(k, v))
		return (seal_damaged(st, db, k));
	v->mv_size -= SEAL_SIZE;
	return (STORE_OK);
}

/* The schema marker: bare in schema 1, sealed from schema 2 (it says
 * whether entries are), so it is read either way.  *VER -1: damaged. */
int
seal_schema_read(struct store *st, MDB_txn *txn, long *ver)
{
	MDB_val	k, v;
	char	num[32];
	int	rc;

	k.mv_data = (void *)"schema";
	k.mv_size = 6;
	if ((rc = mdb_get(txn, st->dbi[DB_META], &k, &v)) != 0)
		return (rc == MDB_NOTFOUND ? STORE_NOTFOUND :
		    store_mdb(st, rc, "meta"));
	snprintf(num, sizeof num, "%.*s", (int)(v.mv_size < 31 ?
	    v.mv_size : 31), (const char *)v.mv_data);
	if ((*ver = store_schema_parse(num)) >= 1 || !seal_ok(&k, &v))
		return (STORE_OK);
	snprintf(num, sizeof num, "%.*s", (int)(v.mv_size - SEAL_SIZE < 31 ?
	    v.mv_size - SEAL_SIZE : 31), (const char *)v.mv_data);
	*ver = store_schema_parse(num);
	return (STORE_OK);
}

int
seal_schema_write(struct store *st, MDB_txn *txn, long ver)
{
	char	num[32];

	snprintf(num, sizeof num, "%ld", ver);
	st->sealed = ver >= 2;
	return (store_put(st, txn, DB_META, "schema", 6, num, strlen(num), 0));
}

/* At each transaction's start: does this snapshot seal its entries? */
int
seal_begin(struct store *st, MDB_txn *txn)
{
	long	ver;
	int	rc;

	rc = seal_schema_read(st, txn, &ver);
	if (rc == STORE_NOTFOUND)
		return (STORE_OK);	/* being created: sealed from the start */
	if (rc != STORE_OK)
		return (rc);
	if (ver < 1)
		return (store_err(st, STORE_DAMAGED, NULL, _("the database's "
		    "schema marker is damaged: restore a backup")));
	if (ver > STORE_SCHEMA_VERSION)
		return (store_err(st, STORE_SCHEMA, NULL, _("another sanka "
		    "changed the database to schema version %ld; this sanka "
		    "knows version %d: upgrade sanka"), ver,
		    STORE_SCHEMA_VERSION));
	st->sealed = ver >= 2;
	return (STORE_OK);
}

int
store_get(struct store *st, MDB_txn *txn, enum store_db db, const void *key,
    size_t klen, MDB_val *v)
{
	MDB_val	k;
	int	rc;

	k.mv_data = (void *)key;
	k.mv_size = klen;
	rc = mdb_get(txn, st->dbi[db], &k, v);
	if (rc == MDB_NOTFOUND)
		return (STORE_NOTFOUND);
	if (rc != 0)
		return (store_mdb(st, rc, store_db_name(db)));
	return (seal_open(st, db, &k, v));
}

/* The put of K and the value VAL of VLEN, sealed, through cursor C (NULL:
 * mdb_put); an LMDB code. */
static int
seal_put(struct store *st, MDB_txn *txn, MDB_cursor *c, enum store_db db,
    MDB_val *k, const void *val, size_t vlen, unsigned flags)
{
	MDB_val	v;
	int	rc;

	if (!st->sealed) {
		v.mv_data = (void *)val;
		v.mv_size = vlen;
		return (c != NULL ? mdb_cursor_put(c, k, &v, flags) :
		    mdb_put(txn, st->dbi[db], k, &v, flags));
	}
	v.mv_data = NULL;
	v.mv_size = vlen + SEAL_SIZE;
	rc = c != NULL ? mdb_cursor_put(c, k, &v, flags | MDB_RESERVE) :
	    mdb_put(txn, st->dbi[db], k, &v, flags | MDB_RESERVE);
	if (rc != 0)
		return (rc);
	if (vlen != 0)
		memcpy(v.mv_data, val, vlen);
	seal_write((unsigned char *)v.mv_data + vlen, seal_crc(k, val, vlen));
	return (0);
}

int
store_put(struct store *st, MDB_txn *txn, enum store_db db, const void *key,
    size_t klen, const void *val, size_t vlen, unsigned flags)
{
	MDB_val	k;
	int	rc;

	k.mv_data = (void *)key;
	k.mv_size = klen;
	rc = seal_put(st, txn, NULL, db, &k, val, vlen, flags);
	if (rc == MDB_KEYEXIST)
		return (STORE_EXISTS);
	if (rc != 0)
		return (store_mdb(st, rc, store_db_name(db)));
	return (STORE_OK);
}

int
store_del(struct store *st, MDB_txn *txn, enum store_db db, const void *key,
    size_t klen)
{
	MDB_val	k;
	int	rc;

	k.mv_data = (void *)key;
	k.mv_size = klen;
	rc = mdb_del(txn, st->dbi[db], &k, NULL);
	if (rc == MDB_NOTFOUND)
		return (STORE_NOTFOUND);
	if (rc != 0)
		return (store_mdb(st, rc, store_db_name(db)));
	return (STORE_OK);
}

int
store_cursor(struct store *st, MDB_txn *txn, enum store_db db,
    struct cur *cu)
{
	MDB_stat	ms;
	int		rc;

	memset(cu, 0, sizeof *cu);
	cu->st = st;
	cu->db = db;
	if ((rc = mdb_stat(txn, st->dbi[db], &ms)) != 0 ||
	    (rc = mdb_cursor_open(txn, st->dbi[db], &cu->c)) != 0) {
		cu->c = NULL;
		return (store_mdb(st, rc, store_db_name(db)));
	}
	/* writes through the walk add entries; a loop never ends */
	cu->bound = 2 * (size_t)ms.ms_entries + 16;
	return (STORE_OK);
}

int
cur_get(struct cur *cu, MDB_val *k, MDB_val *v, MDB_cursor_op op)
{
	int	rc;

	if ((rc = mdb_cursor_get(cu->c, k, v, op)) != 0)
		return (rc);
	/* a walk is counted from where it was put (a seek starts anew) */
	if (op != MDB_NEXT && op != MDB_PREV && op != MDB_NEXT_NODUP &&
	    op != MDB_PREV_NODUP) {
		if (op != MDB_GET_CURRENT)
			cu->steps = 0;
	} else if (++cu->steps > cu->bound) {
		store_err(cu->st, STORE_DAMAGED, NULL, _("the database is "
		    "damaged (%s walks in a loop): restore a backup"),
		    store_db_name(cu->db));
		return (STORE_MDB_DAMAGED);
	}
	if (seal_open(cu->st, cu->db, k, v) != STORE_OK)
		return (STORE_MDB_DAMAGED);
	return (0);
}

int
cur_put(struct cur *cu, MDB_val *k, const MDB_val *v, unsigned flags)
{
	return (seal_put(cu->st, NULL, cu->c, cu->db, k, v->mv_data,
	    v->mv_size, flags));
}

void
cur_close(struct cur *cu)
{
	if (cu->c != NULL)
		mdb_cursor_close(cu->c);
	cu->c = NULL;
}

/* Every entry of DB, its checksum checked (schema 2), BAD called with each
 * that fails; a walk past the bound or a tree error ends it. */
int
seal_walk(struct store *st, MDB_txn *txn, enum store_db db,
    void (*bad)(enum store_db, const MDB_val *, void *), void *arg,
    size_t *nbad)
{
	struct cur	cu;
	MDB_val		k, v;
	MDB_cursor_op	op;
	int		rc;

	if (st->dbi[db] == 0)	/* mailings, absent from an old database */
		return (STORE_OK);
	if ((rc = store_cursor(st, txn, db, &cu)) != STORE_OK)
		return (rc);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cu.c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		if (++cu.steps > cu.bound) {
			rc = STORE_MDB_DAMAGED;
			store_err(st, STORE_DAMAGED, NULL, _("the database is "
			    "damaged (%s walks in a loop): restore a backup"),
			    store_db_name(db));
			break;
		}
		if (st->sealed && !seal_ok(&k, &v)) {
			(*nbad)++;
			bad(db, &k, arg);
		}
	}
	cur_close(&cu);
	if (rc == MDB_NOTFOUND)
		return (STORE_OK);
	return (store_mdb(st, rc, store_db_name(db)));
}

int
meta_each(struct store *st, MDB_txn *txn, const char *prefix,
    int (*cb)(const char *rest, size_t restlen, const MDB_val *v, void *),
    void *arg)
{
	struct cur	c;
	MDB_val		k, v;
	size_t		plen = strlen(prefix);
	int		rc, op;

	if ((rc = store_cursor(st, txn, DB_META, &c)) != STORE_OK)
		return (rc);
	k.mv_data = (void *)prefix;
	k.mv_size = plen;
	for (op = MDB_SET_RANGE;; op = MDB_NEXT) {
		if ((rc = cur_get(&c, &k, &v, (MDB_cursor_op)op)) != 0) {
			rc = rc == MDB_NOTFOUND ? STORE_OK :
			    store_mdb(st, rc, "meta");
			break;
		}
		if (k.mv_size <= plen || memcmp(k.mv_data, prefix, plen) != 0) {
			rc = STORE_OK;
			break;
		}
		if ((rc = cb((const char *)k.mv_data + plen, k.mv_size - plen,
		    &v, arg)) != 0)
			break;
	}
	cur_close(&c);
	return (rc);
}
