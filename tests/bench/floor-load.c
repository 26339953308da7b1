/* floor-load -- the floor on this machine for loading a members CSV:
 * libcsv straight into LMDB in one write transaction, members keyed by
 * member_id (the other fields as varint length + bytes, appended while the
 * IDs ascend), plus ONE reading index built as sorted `kana\0id` keys
 * appended into a plain DBI; glibc's trim threshold raised so the commit
 * does not give the heap back page by page (sorted keys appended are
 * cheaper than one DUPSORT put per member).
 * No validation, no folding, no aggregates: what sanka cannot beat. */
#include <sys/stat.h>

#include <csv.h>
#include <fcntl.h>
#include <lmdb.h>
#include <malloc.h>

#include "tests/bench/bench.h"

struct floor_buf {
	char		*p;
	size_t		 len, cap;
};

struct floor {
	MDB_txn		*txn;
	MDB_dbi		 members;
	int		 rc;		/* first LMDB error */
	uint64_t	 rows;
	size_t		 field;		/* 0-based field of the current row */
	struct floor_buf key, prev, val, kana;
	struct floor_buf idx;		/* kana \0 id keys, each after a u16 */
	size_t		*offs;		/* into idx, one per row */
	size_t		 noffs, capoffs;
};

static void
floor_grow(struct floor_buf *b, size_t n)
{
	if (b->len + n <= b->cap)
		return;
	while (b->len + n > b->cap)
		b->cap = b->cap ? b->cap * 2 : 4096;
	if ((b->p = realloc(b->p, b->cap)) == NULL) {
		perror("realloc");
		exit(1);
	}
}

static void
floor_add(struct floor_buf *b, const void *s, size_t n)
{
	floor_grow(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static void
floor_varint(struct floor_buf *b, size_t v)
{
	unsigned char	tmp[10];
	size_t		n = 0;

	do {
		tmp[n] = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v != 0)
			tmp[n] |= 0x80;
		n++;
	} while (v != 0);
	floor_add(b, tmp, n);
}

static void
floor_field(void *s, size_t len, void *arg)
{
	struct floor	*f = arg;

	if (f->field == 0) {
		f->key.len = 0;
		floor_add(&f->key, s, len);
	} else {
		floor_varint(&f->val, len);
		floor_add(&f->val, s, len);
		if (f->field == 2) {
			f->kana.len = 0;
			floor_add(&f->kana, s, len);
		}
	}
	f->field++;
}

static void
floor_row(int c, void *arg)
{
	struct floor	*f = arg;
	MDB_val		 k, v;
	uint16_t	 n;
	unsigned	 flags = MDB_APPEND;
	int		 rc, cmp;

	(void)c;
	if (f->rows++ == 0 || f->rc != 0 || f->key.len == 0)
		goto next;	/* the header, or after an error */
	/* Append while the IDs ascend; a plain put otherwise. */
	if (f->prev.len != 0) {
		cmp = memcmp(f->key.p, f->prev.p, f->key.len < f->prev.len ?
		    f->key.len : f->prev.len);
		if (cmp < 0 || (cmp == 0 && f->key.len <= f->prev.len))
			flags = 0;
	}
	k.mv_data = f->key.p;
	k.mv_size = f->key.len;
	v.mv_data = f->val.p;
	v.mv_size = f->val.len;
	if ((rc = mdb_put(f->txn, f->members, &k, &v, flags)) != 0) {
		f->rc = rc;
		goto next;
	}
	if (flags == MDB_APPEND) {
		f->prev.len = 0;
		floor_add(&f->prev, f->key.p, f->key.len);
	}
	if (f->noffs == f->capoffs) {
		f->capoffs = f->capoffs ? f->capoffs * 2 : 1024;
		f->offs = realloc(f->offs, f->capoffs * sizeof *f->offs);
		if (f->offs == NULL) {
			perror("realloc");
			exit(1);
		}
	}
	f->offs[f->noffs++] = f->idx.len;
	n = (uint16_t)(f->kana.len + 1 + f->key.len);
	floor_add(&f->idx, &n, sizeof n);
	floor_add(&f->idx, f->kana.p, f->kana.len);
	floor_add(&f->idx, "", 1);
	floor_add(&f->idx, f->key.p, f->key.len);
next:
	f->field = 0;
	f->val.len = 0;
	f->kana.len = 0;
}

/* qsort's comparator has no argument: the arena is a file-scope pointer,
 * set once before the sort. */
static const char *floor_arena;

static int
floor_cmp(const void *a, const void *b)
{
	const char	*x = floor_arena + *(const size_t *)a;
	const char	*y = floor_arena + *(const size_t *)b;
	uint16_t	 nx, ny;
	int		 c;

	memcpy(&nx, x, 2);
	memcpy(&ny, y, 2);
	c = memcmp(x + 2, y + 2, nx < ny ? nx : ny);	/* LMDB's order */
	return (c != 0 ? c : (int)nx - (int)ny);
}

static int
floor_fail(const char *what, int rc)
{
	fprintf(stderr, "floor-load: %s: %s\n", what, mdb_strerror(rc));
	return (1);
}

int
main(int argc, char **argv)
{
	static char	 buf[65536];
	struct floor	 f;
	struct csv_parser p;
	MDB_env		*env;
	MDB_dbi		 by_kana;
	MDB_cursor	*cur;
	MDB_val		 k, v;
	ssize_t		 n;
	size_t		 i;
	uint16_t	 len;
	int		 fd, rc;

	if (argc != 3) {
		fprintf(stderr, "usage: floor-load FILE DIR\n");
		return (2);
	}
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	memset(&f, 0, sizeof f);
	if ((fd = open(argv[1], O_RDONLY)) == -1) {
		perror(argv[1]);
		return (1);
	}
	if (mkdir(argv[2], 0770) == -1 && errno != EEXIST) {
		perror(argv[2]);
		return (1);
	}
	if ((rc = mdb_env_create(&env)) != 0 ||
	    (rc = mdb_env_set_mapsize(env, (size_t)16 << 30)) != 0 ||
	    (rc = mdb_env_set_maxdbs(env, 4)) != 0 ||
	    (rc = mdb_env_open(env, argv[2], 0, 0660)) != 0)
		return (floor_fail(argv[2], rc));
	if ((rc = mdb_txn_begin(env, NULL, 0, &f.txn)) != 0 ||
	    (rc = mdb_dbi_open(f.txn, "members", MDB_CREATE, &f.members)) != 0 ||
	    (rc = mdb_dbi_open(f.txn, "by_kana", MDB_CREATE, &by_kana)) != 0)
		return (floor_fail("begin", rc));
	if (csv_init(&p, 0) != 0)
		return (floor_fail("csv_init", ENOMEM));
	while ((n = read(fd, buf, sizeof buf)) > 0)
		if (csv_parse(&p, buf, (size_t)n, floor_field, floor_row, &f) !=
		    (size_t)n) {
			fprintf(stderr, "floor-load: %s: %s\n", argv[1],
			    csv_strerror(csv_error(&p)));
			return (1);
		}
	if (n < 0) {
		perror(argv[1]);
		return (1);
	}
	csv_fini(&p, floor_field, floor_row, &f);
	csv_free(&p);
	close(fd);
	if (f.rc != 0)
		return (floor_fail("put", f.rc));

	floor_arena = f.idx.p;
	qsort(f.offs, f.noffs, sizeof *f.offs, floor_cmp);
	if ((rc = mdb_cursor_open(f.txn, by_kana, &cur)) != 0)
		return (floor_fail("cursor", rc));
	v.mv_data = "";
	v.mv_size = 0;
	for (i = 0; i < f.noffs; i++) {
		memcpy(&len, f.idx.p + f.offs[i], 2);
		k.mv_data = f.idx.p + f.offs[i] + 2;
		k.mv_size = len;
		if ((rc = mdb_cursor_put(cur, &k, &v, MDB_APPEND)) != 0)
			return (floor_fail("index put", rc));
	}
	mdb_cursor_close(cur);
	if ((rc = mdb_txn_commit(f.txn)) != 0)
		return (floor_fail("commit", rc));
	mdb_env_close(env);
	fprintf(stderr, "floor-load: %zu members\n", f.noffs);
	free(f.key.p);
	free(f.prev.p);
	free(f.val.p);
	free(f.kana.p);
	free(f.idx.p);
	free(f.offs);
	return (0);
}
