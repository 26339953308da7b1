/* bulk.c -- store_import: a whole import in one write txn with one audit
 * record.  Into an empty database members and records take a sorted bulk
 * path (keys collected in packed arrays, sorted, appended); otherwise each
 * row is an upsert through the ordinary write code.  Both compute the
 * aggregate with aggregate.c.  Re-importing the same rows writes nothing:
 * no version changes, and no audit record at all. */

#include <sys/mman.h>

#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

enum { BULK_ADDED, BULK_UPDATED, BULK_UNCHANGED };

/* A key (and the value right after it) in a packed arena. */
struct bulk_ent {
	const unsigned char	*k;	/* while building: an arena offset */
	uint32_t		 klen, vlen;
	uint64_t		 cache;	/* sorting: 8 key bytes at a depth */
};

struct bulk_set {
	struct buf	 arena;
	struct bulk_ent	*e;
	size_t		 n, cap;
};

/*
 * A set of keys without values (name_index, by_kana) as fixed records: a
 * key of up to KREC_IN bytes lies in its record, a longer one in LONGK.
 * Sorted and appended in place and in order, the records are unmapped as
 * the append passes them: the set shrinks while the database grows.
 */
#define KREC_IN		30
#define KREC_LONG	0xff
#define KREC_UNMAP	(4u << 20)	/* bytes given back at a time */

struct krec {
	unsigned char	k[KREC_IN];	/* KREC_LONG: offset, length */
	uint8_t		len;
	uint8_t		pad;
};

struct bulk_keyset {
	struct krec	*r;
	size_t		 n, cap;
	size_t		 gone;		/* bytes unmapped at the start */
	bool		 mapped;	/* r is from mmap, not malloc */
	struct buf	 longk;
};

struct bulk_mem {
	const char	*id;		/* while building: an offset in ids */
	int32_t		 past;
	int64_t		 total;		/* PAST_IS_TOTAL: the total given */
	char		 past_date[STORE_DATE_SIZE];
	int		 cls;
};

struct bulk_ev {
	char	code[STORE_ID_MAX + 1];
	char	date[STORE_DATE_SIZE];
};

/*
 * The name_index and by_kana keys of new members are built, and sorted,
 * by a second thread while this one writes: the members' search texts go
 * to it in batches ("id\0name\0kana\0email\0" each), it folds them into
 * the two sets, and once told the members are done it sorts name_index's
 * set, then by_kana's.  It never touches the transaction.  Without a thread
 * the batches are worked through here.
 */
#define BULK_BATCH	(64 * 1024)	/* bytes of a batch */
#define BULK_QUEUE	8		/* batches waiting at most */

enum { KEYS_BUILDING, KEYS_NAMES_SORTED, KEYS_SORTED };

struct bulk_keys {
	pthread_t	 th;
	bool		 threaded;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct buf	 fill;			/* the batch being filled */
	struct buf	 queue[BULK_QUEUE];
	size_t		 head, tail;		/* queued: tail - head */
	bool		 done;			/* no more batches */
	bool		 quit;			/* stop now: a failure */
	int		 stage;
	/* the thread's own */
	struct bulk_keyset *names, *kana;
	struct buf	 texts, kanakey, all, tmp, key;
};

/* Sets of the records sorted by a second thread, in order, while this
 * one appends another (or sorted here, without a thread). */
struct bulk_sorter {
	pthread_t	 th;
	bool		 on, threaded;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct bulk_set	*set[2];
	size_t		 nset, done;
};

struct bulk {
	struct store		*st;
	struct wtx		 w;
	const struct store_import_source *src;
	struct store_import_result *res;
	bool			 fast_members, fast_records;
	struct bulk_set		 att, bymem, pending, seen;
	struct bulk_keyset	 names, kana;
	struct buf		 ids;
	struct bulk_mem		*mem;
	size_t			 nmem, capmem;
	struct bulk_ev		*ev;
	size_t			 nev;
	char			 last_id[STORE_ID_MAX + 1];
	MDB_cursor		*mcur;		/* members, appending */
	struct buf		 enc;		/* a value being encoded */
	struct bulk_keys	 keys;
	bool			 keys_on;
	struct bulk_sorter	 sorter;
	char			 today[STORE_DATE_SIZE];
};

static void
bulk_set_add(struct bulk_set *s, const void *k, size_t klen, const void *v,
    size_t vlen)
{
	const unsigned char	*kb = k;
	uint64_t		 c = 0;
	size_t			 j;

	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 4096 : s->cap * 2;
		s->e = xrealloc(s->e, s->cap * sizeof *s->e);
	}
	for (j = 0; j < 8; j++)		/* the sort's first 8 bytes */
		c = c << 8 | (j < klen ? kb[j] : 0);
	s->e[s->n].cache = c;
	s->e[s->n].k = (const unsigned char *)(uintptr_t)s->arena.len;
	s->e[s->n].klen = (uint32_t)klen;
	s->e[s->n].vlen = (uint32_t)vlen;
	buf_add(&s->arena, k, klen);
	buf_add(&s->arena, v, vlen);
	s->n++;
}

/* Compare two keys from byte DEPTH on (the bytes before are equal). */
static int
bulk_keycmp(const struct bulk_ent *a, const struct bulk_ent *b, size_t depth)
{
	size_t	n;
	int	c;

	n = (a->klen < b->klen ? a->klen : b->klen);
	if (n > depth && (c = memcmp(a->k + depth, b->k + depth,
	    n - depth)) != 0)
		return (c);
	return (a->klen < b->klen ? -1 : a->klen > b->klen);
}

/* Load the 8 key bytes of each of A[0..N) from DEPTH into its cache: the
 * sort then reads the arena once per 8 levels, not once per byte. */
static void
bulk_fill(struct bulk_ent *a, size_t n, size_t depth)
{
	size_t		i, j;
	uint64_t	c;

	for (i = 0; i < n; i++) {
		c = 0;
		for (j = depth; j < depth + 8; j++)
			c = c << 8 | (j < a[i].klen ? a[i].k[j] : 0);
		a[i].cache = c;
	}
}

/* The byte of E at DEPTH plus one; 0 once the key has ended. */
static inline unsigned
bulk_byte(const struct bulk_ent *e, size_t depth)
{
	if (depth >= e->klen)
		return (0);
	return ((unsigned)(e->cache >> (56 - 8 * (depth & 7))) & 0xff) + 1;
}

/* Compare two keys equal before DEPTH whose caches hold their bytes from
 * DEPTH rounded down to 8: the cache decides unless it is equal. */
static int
bulk_small_cmp(const struct bulk_ent *a, const struct bulk_ent *b,
    size_t depth)
{
	if (a->cache != b->cache)
		return (a->cache < b->cache ? -1 : 1);
	return (bulk_keycmp(a, b, depth & ~(size_t)7));
}

/* Sort keys in place, most significant byte first (American flag sort):
 * keys sharing long prefixes (readings, dates, IDs) cost one pass per
 * distinguishing byte, not a comparison per pair, and no copy. */
static void
bulk_msd(struct bulk_ent *a, size_t n, size_t depth)
{
	uint32_t	 count[257], next[257], end;
	struct bulk_ent	 e, t;
	size_t		 i, j, start;
	unsigned	 b, c;

	for (;;) {
		if ((depth & 7) == 0 && depth != 0)	/* bulk_set_add: 0 */
			bulk_fill(a, n, depth);
		if (n < 24) {
			for (i = 1; i < n; i++) {
				e = a[i];
				for (j = i; j > 0 && bulk_small_cmp(&a[j - 1],
				    &e, depth) > 0; j--)
					a[j] = a[j - 1];
				a[j] = e;
			}
			return;
		}
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[bulk_byte(&a[i], depth)]++;
		if (count[bulk_byte(&a[0], depth)] == n) {
			if (bulk_byte(&a[0], depth) == 0)
				return;		/* all equal */
			depth++;		/* a common byte: go deeper */
			continue;
		}
		break;
	}
	for (b = 0, start = 0; b < 257; b++) {
		next[b] = (uint32_t)start;
		start += count[b];
	}
	for (b = 0, start = 0; b < 257; b++) {
		end = (uint32_t)(start + count[b]);
		while (next[b] < end) {
			e = a[next[b]];
			while ((c = bulk_byte(&e, depth)) != b) {
				t = a[next[c]];
				a[next[c]++] = e;
				e = t;
			}
			a[next[b]++] = e;
		}
		start = end;
	}
	for (b = 1, start = count[0]; b < 257; b++) {
		if (count[b] > 1)
			bulk_msd(a + start, count[b], depth + 1);
		start += count[b];
	}
}

static void
bulk_set_sort(struct bulk_set *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		s->e[i].k = s->arena.p + (uintptr_t)s->e[i].k;
	/* rows often come in key order (the import sorts them) */
	for (i = 1; i < s->n; i++)
		if (bulk_keycmp(&s->e[i - 1], &s->e[i], 0) > 0)
			break;
	if (i < s->n)
		bulk_msd(s->e, s->n, 0);
}

static bool
bulk_same_key(const struct bulk_ent *a, const struct bulk_ent *b)
{
	return (a->klen == b->klen && memcmp(a->k, b->k, a->klen) == 0);
}

/* Append KEY/VAL through cursor C (one cursor per database: a put through
 * it skips the per-call setup of mdb_put). */
static int
bulk_append(struct bulk *b, MDB_cursor *c, enum store_db db, const void *key,
    size_t klen, const void *val, size_t vlen)
{
	MDB_val	k, v;
	int	rc;

	k.mv_data = (void *)key;
	k.mv_size = klen;
	v.mv_data = (void *)val;
	v.mv_size = vlen;
	if ((rc = mdb_cursor_put(c, &k, &v, MDB_APPEND)) == 0)
		return (STORE_OK);
	if (rc == MDB_KEYEXIST)
		return (store_err(b->st, STORE_IO, NULL,
		    _("%s: keys out of order"), store_db_name(db)));
	return (store_mdb(b->st, rc, store_db_name(db)));
}

/* Append the sorted set to the empty database DB (repeated keys once). */
static int
bulk_set_append(struct bulk *b, enum store_db db, struct bulk_set *s)
{
	MDB_cursor	*c;
	size_t		 i;
	int		 rc = STORE_OK;

	if ((rc = store_cursor(b->st, b->w.txn, db, &c)) != STORE_OK)
		return (rc);
	for (i = 0; i < s->n && rc == STORE_OK; i++) {
		if (i > 0 && bulk_same_key(&s->e[i - 1], &s->e[i]))
			continue;
		rc = bulk_append(b, c, db, s->e[i].k, s->e[i].klen,
		    s->e[i].k + s->e[i].klen, s->e[i].vlen);
	}
	mdb_cursor_close(c);
	return (rc);
}

static void
bulk_set_free(struct bulk_set *s)
{
	buf_free(&s->arena);
	free(s->e);
	memset(s, 0, sizeof *s);
}

/* --- key sets ---------------------------------------------------------- */

static void
keyset_free(struct bulk_keyset *ks)
{
	if (ks->r != NULL) {
		if (ks->mapped)
			munmap((char *)ks->r + ks->gone, ks->cap *
			    sizeof *ks->r - ks->gone);
		else
			free(ks->r);
	}
	buf_free(&ks->longk);
	memset(ks, 0, sizeof *ks);
}

/* Room for CAP records: mapped (so that they can be given back in
 * pieces), or from malloc when mapping fails. */
static void
keyset_grow(struct bulk_keyset *ks)
{
	struct krec	*r;
	size_t		 cap = ks->cap == 0 ? 65536 : 2 * ks->cap;
	bool		 mapped = true;

	r = mmap(NULL, cap * sizeof *r, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r == MAP_FAILED) {
		r = xreallocarray(NULL, cap, sizeof *r);
		mapped = false;
	}
	if (ks->n > 0)
		memcpy(r, ks->r, ks->n * sizeof *r);
	if (ks->r != NULL) {
		if (ks->mapped)
			munmap(ks->r, ks->cap * sizeof *ks->r);
		else
			free(ks->r);
	}
	ks->r = r;
	ks->cap = cap;
	ks->mapped = mapped;
}

static void
keyset_add(struct bulk_keyset *ks, const void *k, size_t klen)
{
	struct krec	*r;
	uint64_t	 off;
	uint32_t	 len32;

	if (ks->n == ks->cap)
		keyset_grow(ks);
	r = &ks->r[ks->n++];
	if (klen <= KREC_IN) {
		memcpy(r->k, k, klen);
		r->len = (uint8_t)klen;
		return;
	}
	off = ks->longk.len;
	len32 = (uint32_t)klen;
	buf_add(&ks->longk, k, klen);
	memcpy(r->k, &off, sizeof off);
	memcpy(r->k + sizeof off, &len32, sizeof len32);
	r->len = KREC_LONG;
}

/* The key of R and its length. */
static inline const unsigned char *
keyset_key(const struct bulk_keyset *ks, const struct krec *r, size_t *len)
{
	uint64_t	off;
	uint32_t	len32;

	if (r->len != KREC_LONG) {
		*len = r->len;
		return (r->k);
	}
	memcpy(&off, r->k, sizeof off);
	memcpy(&len32, r->k + sizeof off, sizeof len32);
	*len = len32;
	return (ks->longk.p + off);
}

/* The byte of R at DEPTH plus one; 0 once the key has ended. */
static inline unsigned
keyset_byte(const struct bulk_keyset *ks, const struct krec *r, size_t depth)
{
	const unsigned char	*k;
	size_t			 len;

	if (r->len != KREC_LONG)
		return (depth < r->len ? r->k[depth] + 1u : 0);
	k = keyset_key(ks, r, &len);
	return (depth < len ? k[depth] + 1u : 0);
}

/* Compare two keys equal before DEPTH. */
static int
keyset_cmp(const struct bulk_keyset *ks, const struct krec *a,
    const struct krec *b, size_t depth)
{
	const unsigned char	*ka, *kb;
	size_t			 la, lb, n;
	int			 c;

	ka = keyset_key(ks, a, &la);
	kb = keyset_key(ks, b, &lb);
	n = la < lb ? la : lb;
	if (n > depth && (c = memcmp(ka + depth, kb + depth, n - depth)) != 0)
		return (c);
	return (la < lb ? -1 : la > lb);
}

/* Most significant byte first, in place (American flag sort). */
static void
keyset_msd(const struct bulk_keyset *ks, struct krec *a, size_t n,
    size_t depth)
{
	uint32_t	 count[257], next[257], end;
	struct krec	 e, t;
	size_t		 i, j, start;
	unsigned	 b, c;

	for (;;) {
		if (n < 16) {
			for (i = 1; i < n; i++) {
				e = a[i];
				for (j = i; j > 0 && keyset_cmp(ks, &a[j - 1],
				    &e, depth) > 0; j--)
					a[j] = a[j - 1];
				a[j] = e;
			}
			return;
		}
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[keyset_byte(ks, &a[i], depth)]++;
		if (count[keyset_byte(ks, &a[0], depth)] == n) {
			if (keyset_byte(ks, &a[0], depth) == 0)
				return;		/* all equal */
			depth++;		/* a common byte: go deeper */
			continue;
		}
		break;
	}
	for (b = 0, start = 0; b < 257; b++) {
		next[b] = (uint32_t)start;
		start += count[b];
	}
	for (b = 0, start = 0; b < 257; b++) {
		end = (uint32_t)(start + count[b]);
		while (next[b] < end) {
			e = a[next[b]];
			while ((c = keyset_byte(ks, &e, depth)) != b) {
				t = a[next[c]];
				a[next[c]++] = e;
				e = t;
			}
			a[next[b]++] = e;
		}
		start = end;
	}
	for (b = 1, start = count[0]; b < 257; b++) {
		if (count[b] > 1)
			keyset_msd(ks, a + start, count[b], depth + 1);
		start += count[b];
	}
}

static void
keyset_sort(struct bulk_keyset *ks)
{
	keyset_msd(ks, ks->r, ks->n, 0);
}

/* Append the sorted set to the empty database DB (repeated keys once),
 * giving the records back as it goes. */
static int
keyset_append(struct bulk *b, enum store_db db, struct bulk_keyset *ks)
{
	MDB_cursor		*c;
	const unsigned char	*k, *pk = NULL;
	size_t			 i, len, plen = 0, upto;
	int			 rc;

	if ((rc = store_cursor(b->st, b->w.txn, db, &c)) != STORE_OK)
		return (rc);
	for (i = 0; i < ks->n && rc == STORE_OK; i++) {
		k = keyset_key(ks, &ks->r[i], &len);
		if (pk == NULL || len != plen || memcmp(k, pk, len) != 0)
			rc = bulk_append(b, c, db, k, len, "", 0);
		pk = k;
		plen = len;
		/* the records before I are done with */
		upto = i * sizeof *ks->r / KREC_UNMAP * KREC_UNMAP;
		if (ks->mapped && upto > ks->gone) {
			munmap((char *)ks->r + ks->gone, upto - ks->gone);
			ks->gone = upto;
		}
	}
	mdb_cursor_close(c);
	return (rc);
}

/* A repeated key of one kind in the import is refused. */
static int
bulk_seen_check(struct bulk *b, const char *kind, const char *field)
{
	size_t	i, j;
	char	key[2 * STORE_ID_MAX + 2];

	bulk_set_sort(&b->seen);
	for (i = 1; i < b->seen.n; i++) {
		if (bulk_same_key(&b->seen.e[i - 1], &b->seen.e[i])) {
			codec_copy_text(key, sizeof key,
			    (const char *)b->seen.e[i].k, b->seen.e[i].klen);
			for (j = 0; j < b->seen.e[i].klen && j + 1 <
			    sizeof key; j++) {
				if (key[j] == '\0')
					key[j] = '/';
			}
			bulk_set_free(&b->seen);
			return (store_err(b->st, STORE_INVALID, field,
			    _("%s %s appears twice in the import"), kind,
			    key));
		}
	}
	bulk_set_free(&b->seen);
	return (STORE_OK);
}

static int
bulk_db_empty(struct bulk *b, enum store_db db, bool *empty)
{
	MDB_stat	ms;
	int		rc;

	if ((rc = mdb_stat(b->w.txn, b->st->dbi[db], &ms)) != 0)
		return (store_mdb(b->st, rc, store_db_name(db)));
	*empty = ms.ms_entries == 0;
	return (STORE_OK);
}

static void
bulk_count(struct store_import_counts *c, int cls)
{
	if (cls == BULK_ADDED)
		c->added++;
	else if (cls == BULK_UPDATED)
		c->updated++;
	else
		c->unchanged++;
}

/* --- events --------------------------------------------------------- */

static int
bulk_events(struct bulk *b)
{
	struct store		*st = b->st;
	struct store_event	 row, merged, e, old;
	MDB_val			 v;
	uint32_t		 f;
	char			 code[STORE_ID_MAX + 1];
	bool			 exists;
	int			 rc, cls;

	if (b->src->next_event == NULL)
		return (STORE_OK);
	for (;;) {
		memset(&row, 0, sizeof row);
		f = 0;
		if (b->src->next_event(b->src->arg, &row, &f) == 0)
			break;
		if ((rc = store_key_fold(row.code, code, "event_code",
		    &st->err)) != STORE_OK)
			return (rc);
		bulk_set_add(&b->seen, code, strlen(code), "", 0);
		memset(&old, 0, sizeof old);
		rc = store_get(st, b->w.txn, DB_EVENTS, code, strlen(code), &v);
		if (rc != STORE_OK && rc != STORE_NOTFOUND)
			return (rc);
		exists = rc == STORE_OK;
		if (exists && codec_event_dec(&v, code, &old) != STORE_OK)
			return (store_err(st, STORE_IO, NULL,
			    _("event %s: corrupt record"), code));
		merged = old;
		memcpy(merged.code, code, sizeof merged.code);
		if (!exists || (f & STORE_EF_NAME))
			merged.name = row.name;
		if (!exists || (f & STORE_EF_DATE))
			memcpy(merged.date, row.date, sizeof merged.date);
		if (!exists || (f & STORE_EF_VENUE))
			merged.venue = row.venue;
		if (!exists || (f & STORE_EF_CAPACITY))
			merged.capacity = row.capacity;
		if (!exists || (f & STORE_EF_NOTES))
			merged.notes = row.notes;
		if ((rc = event_norm(st, &merged, &e)) != STORE_OK) {
			store_event_free(&old);
			return (rc);
		}
		if (!exists) {
			cls = BULK_ADDED;
			e.version = 1;
		} else if (event_same(&old, &e))
			cls = BULK_UNCHANGED;
		else {
			cls = BULK_UPDATED;
			e.version = old.version + 1;
		}
		rc = STORE_OK;
		if (cls != BULK_UNCHANGED) {
			e.updated_at = b->w.now;
			str_copy(e.updated_by, sizeof e.updated_by, st->actor);
			rc = event_write(&b->w, exists ? &old : NULL, &e);
		}
		store_event_free(&e);
		store_event_free(&old);
		if (rc != STORE_OK)
			return (rc);
		bulk_count(&b->res->events, cls);
	}
	return (bulk_seen_check(b, _("event"), "event_code"));
}

/* --- members -------------------------------------------------------- */

/* ROW's fields named in F over BASE (the stored member, or empty). */
static void
bulk_member_merge(struct store_member *out, const struct store_member *base,
    const struct store_member *row, uint32_t f, bool exists)
{
	*out = *base;
	memcpy(out->id, row->id, sizeof out->id);
#define BULK_TAKE(bit, field) do {					\
	if (!exists || (f & (bit)))					\
		out->field = row->field;				\
} while (0)
	BULK_TAKE(STORE_MF_NAME, name);
	BULK_TAKE(STORE_MF_KANA, kana);
	BULK_TAKE(STORE_MF_EMAIL, email);
	BULK_TAKE(STORE_MF_PHONE, phone);
	BULK_TAKE(STORE_MF_POSTAL_CODE, postal_code);
	BULK_TAKE(STORE_MF_ADDRESS, address);
	BULK_TAKE(STORE_MF_ORGANIZATION, organization);
	BULK_TAKE(STORE_MF_SEGMENT, segment);
	BULK_TAKE(STORE_MF_STATUS, status);
	BULK_TAKE(STORE_MF_MAIL_OPT_OUT, mail_opt_out);
	BULK_TAKE(STORE_MF_NOTES, notes);
	BULK_TAKE(STORE_MF_PAST_COUNT | STORE_MF_PAST_IS_TOTAL, past_count);
	BULK_TAKE(STORE_MF_PAST_LAST_EVENT, past_last_event);
#undef BULK_TAKE
	if (!exists || (f & STORE_MF_JOINED_ON))
		memcpy(out->joined_on, row->joined_on, sizeof out->joined_on);
	if (!exists || (f & STORE_MF_PAST_LAST_DATE))
		memcpy(out->past_last_date, row->past_last_date,
		    sizeof out->past_last_date);
}

/* Start a thread that takes no signals: they reach this one, as before
 * there were threads.  0 or an errno. */
static int
bulk_thread(pthread_t *th, void *(*fn)(void *), void *arg)
{
	sigset_t	all, old;
	int		rc;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(th, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return (rc);
}

/* Fold the members of batch P[0..LEN) into the key sets. */
static void
bulk_keys_batch(struct bulk_keys *k, const char *p, size_t len)
{
	struct store_member	 m;
	const char		*end = p + len, *t, *tend;
	size_t			 n, idlen;

	memset(&m, 0, sizeof m);
	while (p < end) {
		idlen = strlen(p);
		memcpy(m.id, p, idlen + 1);
		p += idlen + 1;
		m.name = (char *)p;
		p += strlen(p) + 1;
		m.kana = (char *)p;
		p += strlen(p) + 1;
		m.email = (char *)p;
		p += strlen(p) + 1;
		n = idx_kana_key(&k->kanakey, &m);
		keyset_add(k->kana, k->kanakey.p, n);
		idx_name_texts_in(&k->texts, &m, &k->kanakey, &k->all, &k->tmp);
		t = (const char *)k->texts.p;
		for (tend = t + k->texts.len; t < tend; t += n + 1) {
			n = strlen(t);
			k->key.len = 0;
			buf_add(&k->key, t, n + 1);
			buf_add(&k->key, m.id, idlen);
			keyset_add(k->names, k->key.p, k->key.len);
		}
	}
}

static void
bulk_keys_stage(struct bulk_keys *k, int stage)
{
	pthread_mutex_lock(&k->mu);
	k->stage = stage;
	pthread_cond_broadcast(&k->cv);
	pthread_mutex_unlock(&k->mu);
}

static void *
bulk_keys_main(void *arg)
{
	struct bulk_keys	*k = arg;
	struct buf		 batch;

	pthread_mutex_lock(&k->mu);
	for (;;) {
		while (k->head == k->tail && !k->done && !k->quit)
			pthread_cond_wait(&k->cv, &k->mu);
		if (k->quit || k->head == k->tail)
			break;
		batch = k->queue[k->head % BULK_QUEUE];
		k->head++;
		pthread_cond_broadcast(&k->cv);
		pthread_mutex_unlock(&k->mu);
		bulk_keys_batch(k, (const char *)batch.p, batch.len);
		buf_free(&batch);
		pthread_mutex_lock(&k->mu);
	}
	pthread_mutex_unlock(&k->mu);
	if (k->quit)
		return (NULL);
	keyset_sort(k->names);
	bulk_keys_stage(k, KEYS_NAMES_SORTED);
	keyset_sort(k->kana);
	bulk_keys_stage(k, KEYS_SORTED);
	return (NULL);
}

static void
bulk_keys_start(struct bulk *b)
{
	struct bulk_keys	*k = &b->keys;

	memset(k, 0, sizeof *k);
	k->names = &b->names;
	k->kana = &b->kana;
	pthread_mutex_init(&k->mu, NULL);
	pthread_cond_init(&k->cv, NULL);
	k->threaded = bulk_thread(&k->th, bulk_keys_main, k) == 0;
	b->keys_on = true;
}

/* Hand the filled batch over (or work it through here). */
static void
bulk_keys_push(struct bulk_keys *k)
{
	if (k->fill.len == 0)
		return;
	if (!k->threaded) {
		bulk_keys_batch(k, (const char *)k->fill.p, k->fill.len);
		k->fill.len = 0;
		return;
	}
	pthread_mutex_lock(&k->mu);
	while (k->tail - k->head == BULK_QUEUE)
		pthread_cond_wait(&k->cv, &k->mu);
	k->queue[k->tail % BULK_QUEUE] = k->fill;
	k->tail++;
	pthread_cond_broadcast(&k->cv);
	pthread_mutex_unlock(&k->mu);
	buf_init(&k->fill);
}

/* Member M's search texts to the key builder. */
static void
bulk_keys_add(struct bulk *b, const struct store_member *m)
{
	struct bulk_keys	*k = &b->keys;

	if (!b->keys_on)
		bulk_keys_start(b);
	buf_add(&k->fill, m->id, strlen(m->id) + 1);
	buf_add(&k->fill, m->name != NULL ? m->name : "", m->name != NULL ?
	    strlen(m->name) + 1 : 1);
	buf_add(&k->fill, m->kana != NULL ? m->kana : "", m->kana != NULL ?
	    strlen(m->kana) + 1 : 1);
	buf_add(&k->fill, m->email != NULL ? m->email : "", m->email != NULL ?
	    strlen(m->email) + 1 : 1);
	if (k->fill.len >= BULK_BATCH)
		bulk_keys_push(k);
}

/* No more members: the thread may sort. */
static void
bulk_keys_done(struct bulk *b)
{
	struct bulk_keys	*k = &b->keys;

	if (!b->keys_on)
		return;
	bulk_keys_push(k);
	if (!k->threaded)
		return;
	pthread_mutex_lock(&k->mu);
	k->done = true;
	pthread_cond_broadcast(&k->cv);
	pthread_mutex_unlock(&k->mu);
}

/* Wait until the keys reach STAGE (after bulk_keys_done). */
static void
bulk_keys_wait(struct bulk *b, int stage)
{
	struct bulk_keys	*k = &b->keys;

	if (!b->keys_on)
		return;
	if (!k->threaded) {
		if (k->stage < KEYS_NAMES_SORTED)
			keyset_sort(k->names);
		if (k->stage < KEYS_SORTED && stage == KEYS_SORTED)
			keyset_sort(k->kana);
		k->stage = stage;
		return;
	}
	pthread_mutex_lock(&k->mu);
	while (k->stage < stage)
		pthread_cond_wait(&k->cv, &k->mu);
	pthread_mutex_unlock(&k->mu);
}

/* Stop the thread (at once when QUIT) and free the builder. */
static void
bulk_keys_end(struct bulk *b, bool quit)
{
	struct bulk_keys	*k = &b->keys;
	size_t			 i;

	if (!b->keys_on)
		return;
	if (k->threaded) {
		pthread_mutex_lock(&k->mu);
		k->done = true;
		k->quit = quit;
		pthread_cond_broadcast(&k->cv);
		pthread_mutex_unlock(&k->mu);
		pthread_join(k->th, NULL);
	}
	for (i = k->head; i < k->tail; i++)
		buf_free(&k->queue[i % BULK_QUEUE]);
	pthread_mutex_destroy(&k->mu);
	pthread_cond_destroy(&k->cv);
	buf_free(&k->fill);
	buf_free(&k->texts);
	buf_free(&k->kanakey);
	buf_free(&k->all);
	buf_free(&k->tmp);
	buf_free(&k->key);
	b->keys_on = false;
}

static void
bulk_mem_add(struct bulk *b, const struct store_member *m, int64_t total,
    int cls)
{
	struct bulk_mem	*bm;

	if (b->nmem == b->capmem) {
		b->capmem = b->capmem == 0 ? 4096 : b->capmem * 2;
		b->mem = xrealloc(b->mem, b->capmem * sizeof *b->mem);
	}
	bm = &b->mem[b->nmem++];
	bm->id = (const char *)(uintptr_t)b->ids.len;
	buf_add(&b->ids, m->id, strlen(m->id) + 1);
	bm->past = m->past_count;
	bm->total = total;
	memcpy(bm->past_date, m->past_last_date, sizeof bm->past_date);
	bm->cls = cls;
}

/* A new member into the empty database: the record now, its index keys
 * into the sorted sets, its aggregate after the records. */
static int
bulk_member_fast(struct bulk *b, struct store_member *m, int64_t total)
{
	struct store	*st = b->st;
	struct buf	*enc = &b->enc;
	size_t		 idlen = strlen(m->id);
	unsigned	 flags;
	int		 rc;

	m->version = 1;
	m->updated_at = b->w.now;
	memcpy(m->updated_by, st->actor, sizeof m->updated_by);
	enc->len = 0;
	codec_member_enc(enc, m);
	/* IDs usually come in order: append; otherwise an ordinary put */
	flags = strcmp(m->id, b->last_id) > 0 ? MDB_APPEND : MDB_NOOVERWRITE;
	rc = STORE_OK;
	if (b->mcur == NULL)
		rc = store_cursor(st, b->w.txn, DB_MEMBERS, &b->mcur);
	if (rc == STORE_OK && flags == MDB_APPEND)
		rc = bulk_append(b, b->mcur, DB_MEMBERS, m->id, idlen,
		    enc->p, enc->len);
	else if (rc == STORE_OK)
		rc = store_put(st, b->w.txn, DB_MEMBERS, m->id, idlen,
		    enc->p, enc->len, MDB_NOOVERWRITE);
	if (rc == STORE_EXISTS)
		return (store_err(st, STORE_INVALID, "member_id",
		    _("member %s appears twice in the import"), m->id));
	if (rc != STORE_OK)
		return (rc);
	if (flags == MDB_APPEND)
		memcpy(b->last_id, m->id, idlen + 1);
	bulk_keys_add(b, m);
	bulk_mem_add(b, m, total, BULK_ADDED);
	return (STORE_OK);
}

static int
bulk_member_upsert(struct bulk *b, struct store_member *m, int64_t total,
    const struct store_member *old, bool exists)
{
	int	cls, rc;

	if (!exists) {
		cls = BULK_ADDED;
		m->version = 1;
	} else if (member_same(old, m))
		cls = BULK_UNCHANGED;
	else {
		cls = BULK_UPDATED;
		m->version = old->version + 1;
	}
	if (cls != BULK_UNCHANGED) {
		m->updated_at = b->w.now;
		str_copy(m->updated_by, sizeof m->updated_by, b->st->actor);
		if ((rc = member_write(&b->w, exists ? old : NULL, m)) != 0)
			return (rc);
	}
	if (total >= 0)
		bulk_mem_add(b, m, total, cls);
	bulk_count(&b->res->members, cls);
	return (STORE_OK);
}

/* Name the member in a refusal. */
static int
bulk_member_invalid(struct store *st, int rc, const char *id)
{
	if (rc == STORE_INVALID)
		snprintf(st->err.msg + strlen(st->err.msg),
		    sizeof st->err.msg - strlen(st->err.msg), " (member %s)",
		    id);
	return (rc);
}

static int
bulk_members(struct bulk *b)
{
	struct store		*st = b->st;
	struct store_member	 row, old, merged, m;
	uint32_t		 f;
	int64_t			 total;
	size_t			 i;
	bool			 exists;
	int			 rc;

	if (b->src->next_member == NULL)
		return (STORE_OK);
	for (;;) {
		memset(&row, 0, sizeof row);
		f = 0;
		if (b->src->next_member(b->src->arg, &row, &f) == 0)
			break;
		memset(&old, 0, sizeof old);
		if ((rc = store_key_fold(row.id, old.id, "member_id",
		    &st->err)) != STORE_OK)
			return (rc);
		exists = false;
		if (!b->fast_members) {
			rc = member_read(st, b->w.txn, old.id, &old);
			if (rc != STORE_OK && rc != STORE_NOTFOUND)
				return (rc);
			exists = rc == STORE_OK;
			bulk_set_add(&b->seen, old.id, strlen(old.id), "", 0);
		}
		bulk_member_merge(&merged, &old, &row, f, exists);
		memcpy(merged.id, old.id, sizeof merged.id);
		if (b->fast_members) {
			/* stored as given when it needs no normalisation */
			merged.attrs = row.attrs;
			merged.nattrs = row.nattrs;
			rc = member_plain(st, &merged);
			if (rc == STORE_OK) {
				m = merged;
				total = -1;
				if (f & STORE_MF_PAST_IS_TOTAL) {
					total = m.past_count;
					m.past_count = 0;
				}
				rc = bulk_member_fast(b, &m, total);
				if (rc != STORE_OK)
					return (rc);
				b->res->members.added++;
				continue;
			}
			if (rc != -1)
				return (bulk_member_invalid(st, rc, old.id));
		}
		if (exists && (f & STORE_MF_ATTRS)) {
			/* the attributes given are set, the others kept */
			merged.attrs = NULL;
			merged.nattrs = 0;
			for (i = 0; i < old.nattrs; i++)
				store_attr_set(&merged, old.attrs[i].name,
				    old.attrs[i].value);
			for (i = 0; i < row.nattrs; i++)
				store_attr_set(&merged, row.attrs[i].name,
				    row.attrs[i].value);
		} else if (!exists) {
			merged.attrs = row.attrs;
			merged.nattrs = row.nattrs;
		}
		rc = member_norm(st, &merged, &m);
		if (exists && (f & STORE_MF_ATTRS)) {
			for (i = 0; i < merged.nattrs; i++) {
				free(merged.attrs[i].name);
				free(merged.attrs[i].value);
			}
			free(merged.attrs);
		}
		if (rc != STORE_OK) {
			store_member_free(&old);
			return (bulk_member_invalid(st, rc, old.id));
		}
		total = -1;
		if (f & STORE_MF_PAST_IS_TOTAL) {
			total = m.past_count;
			m.past_count = exists ? old.past_count : 0;
		}
		if (b->fast_members) {
			rc = bulk_member_fast(b, &m, total);
			if (rc == STORE_OK)
				b->res->members.added++;
		} else
			rc = bulk_member_upsert(b, &m, total, &old, exists);
		store_member_free(&m);
		store_member_free(&old);
		if (rc != STORE_OK)
			return (rc);
	}
	if (!b->fast_members)
		return (bulk_seen_check(b, _("member"), "member_id"));
	/* the key builder sorts while the records and aggregates are
	 * written: bulk_names */
	bulk_keys_done(b);
	return (STORE_OK);
}

/* name_index and by_kana of the new members, once sorted. */
static int
bulk_names(struct bulk *b)
{
	int	rc;

	if (!b->fast_members)
		return (STORE_OK);
	/* name_index first: by_kana is sorted while it is appended */
	bulk_keys_wait(b, KEYS_NAMES_SORTED);
	rc = keyset_append(b, DB_NAME, &b->names);
	keyset_free(&b->names);
	if (rc != STORE_OK)
		return (rc);
	bulk_keys_wait(b, KEYS_SORTED);
	bulk_keys_end(b, false);
	rc = keyset_append(b, DB_BYKANA, &b->kana);
	keyset_free(&b->kana);
	return (rc);
}

/* --- records -------------------------------------------------------- */

static int
bulk_evcmp(const void *key, const void *elem)
{
	return (strcmp(key, ((const struct bulk_ev *)elem)->code));
}

static int
bulk_load_events(struct bulk *b)
{
	MDB_cursor	*c;
	MDB_val		 k, v;
	size_t		 cap = 0;
	int		 rc, op;

	if ((rc = store_cursor(b->st, b->w.txn, DB_EVENTS, &c)) != STORE_OK)
		return (rc);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		if (b->nev == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			b->ev = xrealloc(b->ev, cap * sizeof *b->ev);
		}
		codec_copy_text(b->ev[b->nev].code, sizeof b->ev[0].code,
		    k.mv_data, k.mv_size);
		if (codec_event_date(&v, b->ev[b->nev].date) != STORE_OK) {
			mdb_cursor_close(c);
			return (store_err(b->st, STORE_IO, NULL,
			    _("event %s: corrupt record"), b->ev[b->nev].code));
		}
		b->nev++;
	}
	mdb_cursor_close(c);
	if (rc != MDB_NOTFOUND)
		return (store_mdb(b->st, rc, "events"));
	return (STORE_OK);
}

static void *
bulk_sorter_main(void *arg)
{
	struct bulk_sorter	*so = arg;
	size_t			 i;

	for (i = 0; i < so->nset; i++) {
		bulk_set_sort(so->set[i]);
		pthread_mutex_lock(&so->mu);
		so->done = i + 1;
		pthread_cond_broadcast(&so->cv);
		pthread_mutex_unlock(&so->mu);
	}
	return (NULL);
}

static void
bulk_sorter_start(struct bulk *b, struct bulk_set *s0, struct bulk_set *s1)
{
	struct bulk_sorter	*so = &b->sorter;

	memset(so, 0, sizeof *so);
	so->set[0] = s0;
	so->set[1] = s1;
	so->nset = 2;
	pthread_mutex_init(&so->mu, NULL);
	pthread_cond_init(&so->cv, NULL);
	so->threaded = bulk_thread(&so->th, bulk_sorter_main, so) == 0;
	so->on = true;
}

/* Wait until the first N sets are sorted. */
static void
bulk_sorter_wait(struct bulk *b, size_t n)
{
	struct bulk_sorter	*so = &b->sorter;

	if (!so->threaded) {
		for (; so->done < n; so->done++)
			bulk_set_sort(so->set[so->done]);
		return;
	}
	pthread_mutex_lock(&so->mu);
	while (so->done < n)
		pthread_cond_wait(&so->cv, &so->mu);
	pthread_mutex_unlock(&so->mu);
}

static void
bulk_sorter_end(struct bulk *b)
{
	struct bulk_sorter	*so = &b->sorter;

	if (!so->on)
		return;
	if (so->threaded)
		pthread_join(so->th, NULL);
	pthread_mutex_destroy(&so->mu);
	pthread_cond_destroy(&so->cv);
	so->on = false;
}

/* A new record into the empty attendance database: its keys into the
 * sorted sets. */
static int
bulk_record_fast(struct bulk *b, const struct store_change *c,
    const struct bulk_ev **evc)
{
	struct store		*st = b->st;
	struct store_attendance	 a;
	struct att_norm		 an;
	char			 k[3 * STORE_ID_MAX + 16];
	unsigned char		 val[2];
	size_t			 n;
	int			 rc;

	if ((rc = att_change_norm(st, c, &an)) != STORE_OK)
		return (rc);
	if (*evc == NULL || strcmp((*evc)->code, an.event) != 0) {
		*evc = bsearch(an.event, b->ev, b->nev, sizeof *b->ev,
		    bulk_evcmp);
		if (*evc == NULL) {
			free(an.note);
			return (store_err(st, STORE_NOTFOUND, "event_code",
			    _("event %s not found (record of member %s)"),
			    an.event, an.member));
		}
	}
	memset(&a, 0, sizeof a);
	memcpy(a.event, an.event, sizeof a.event);
	memcpy(a.member, an.member, sizeof a.member);
	att_created_invited_on(c, b->today, a.invited_on);
	a.response = c->response == STORE_KEEP ? STORE_RESP_NONE :
	    (enum store_response)c->response;
	a.final = c->final == STORE_KEEP ? STORE_FINAL_PENDING :
	    (enum store_final)c->final;
	a.walk_in = c->walk_in == 1;
	if (c->checkin) {
		a.checked_in_at = c->checkin_at != 0 ? c->checkin_at : b->w.now;
		str_copy(a.checked_in_by, sizeof a.checked_in_by,
		    c->checkin_by != NULL ? c->checkin_by : st->actor);
	}
	a.note = an.note;
	a.version = 1;
	a.updated_at = b->w.now;
	str_copy(a.updated_by, sizeof a.updated_by, st->actor);
	b->enc.len = 0;
	codec_att_enc(&b->enc, &a);
	n = idx_att_key(k, a.event, a.member);
	bulk_set_add(&b->att, k, n, b->enc.p, b->enc.len);
	free(an.note);
	val[0] = (unsigned char)a.final;
	val[1] = (unsigned char)a.response;
	n = idx_bymem_key(k, a.member, (*evc)->date, a.event);
	bulk_set_add(&b->bymem, k, n, val, 2);
	if (a.final == STORE_FINAL_PENDING) {
		n = idx_pending_key(k, (*evc)->date, a.event, a.member);
		bulk_set_add(&b->pending, k, n, "", 0);
	}
	b->res->records.added++;
	return (STORE_OK);
}

static int
bulk_records(struct bulk *b)
{
	struct store		*st = b->st;
	struct store_change	 c;
	const struct bulk_ev	*evc = NULL;
	char			 ev[STORE_ID_MAX + 1], mem[STORE_ID_MAX + 1];
	const char		*z;
	size_t			 i;
	int			 rc, changed;

	if (b->src->next_record == NULL)
		return (STORE_OK);
	if (b->fast_records && (rc = bulk_load_events(b)) != STORE_OK)
		return (rc);
	for (;;) {
		store_change_init(&c, NULL, NULL);
		if (b->src->next_record(b->src->arg, &c) == 0)
			break;
		if (b->fast_records) {
			if ((rc = bulk_record_fast(b, &c, &evc)) != STORE_OK)
				return (rc);
			continue;
		}
		c.expect = 0;
		if ((rc = att_apply_one(&b->w, &c, NULL, &changed)) != 0)
			return (rc);
		/* the folded keys, for the repeated-record check */
		if (store_key_fold(c.event, ev, "event_code", NULL) == 0 &&
		    store_key_fold(c.member, mem, "member_id", NULL) == 0) {
			char	k[2 * STORE_ID_MAX + 2];

			bulk_set_add(&b->seen, k, idx_att_key(k, ev, mem),
			    "", 0);
		}
		bulk_count(&b->res->records, changed == 2 ? BULK_ADDED :
		    changed == 1 ? BULK_UPDATED : BULK_UNCHANGED);
	}
	if (!b->fast_records)
		return (bulk_seen_check(b, _("record (event, member)"),
		    "member_id"));
	/* pending and by_member sorted by a second thread meanwhile */
	bulk_sorter_start(b, &b->pending, &b->bymem);
	bulk_set_sort(&b->att);
	for (i = 1; i < b->att.n; i++) {
		if (!bulk_same_key(&b->att.e[i - 1], &b->att.e[i]))
			continue;
		z = memchr(b->att.e[i].k, '\0', b->att.e[i].klen);
		codec_copy_text(ev, sizeof ev, (const char *)b->att.e[i].k,
		    (size_t)(z - (const char *)b->att.e[i].k));
		codec_copy_text(mem, sizeof mem, z + 1, b->att.e[i].klen -
		    (size_t)(z - (const char *)b->att.e[i].k) - 1);
		return (store_err(st, STORE_INVALID, "member_id",
		    _("the record of member %s at event %s appears twice in "
		    "the import"), mem, ev));
	}
	if ((rc = bulk_set_append(b, DB_ATT, &b->att)) != STORE_OK)
		return (rc);
	bulk_set_free(&b->att);
	bulk_sorter_wait(b, 1);
	if ((rc = bulk_set_append(b, DB_PENDING, &b->pending)) != STORE_OK)
		return (rc);
	bulk_set_free(&b->pending);
	bulk_sorter_wait(b, 2);
	bulk_sorter_end(b);
	return (bulk_set_append(b, DB_BYMEM, &b->bymem));
}

/* --- aggregates ----------------------------------------------------- */

static int
bulk_memcmp_id(const void *pa, const void *pb)
{
	return (strcmp(((const struct bulk_mem *)pa)->id,
	    ((const struct bulk_mem *)pb)->id));
}

/* Compare the member part of history entry E with ID. */
static int
bulk_run_cmp(const struct bulk_ent *e, const char *id)
{
	const unsigned char	*z;
	size_t			 n, idlen;
	int			 c;

	z = memchr(e->k, '\0', e->klen);
	n = z == NULL ? e->klen : (size_t)(z - e->k);
	idlen = strlen(id);
	c = memcmp(e->k, id, n < idlen ? n : idlen);
	if (c != 0)
		return (c);
	return (n < idlen ? -1 : n > idlen);
}

/* Count history entries [*J, ...) of member ID into G. */
static void
bulk_run_add(struct bulk *b, size_t *j, const char *id, struct agg *g)
{
	const struct bulk_ent	*e;
	const char		*date, *code;
	char			 d[STORE_DATE_SIZE], ev[STORE_ID_MAX + 1];
	size_t			 idlen = strlen(id);

	for (; *j < b->bymem.n; (*j)++) {
		e = &b->bymem.e[*j];
		if (bulk_run_cmp(e, id) != 0)
			break;
		date = (const char *)e->k + idlen + 1;
		code = date + strlen(date) + 1;
		str_copy(d, sizeof d, date);
		codec_copy_text(ev, sizeof ev, code, e->klen -
		    (size_t)(code - (const char *)e->k));
		agg_add(g, d, ev, e->k[e->klen], e->k[e->klen + 1]);
	}
}

static int
bulk_unknown_member(struct bulk *b, const struct bulk_ent *e)
{
	char			 id[STORE_ID_MAX + 1];
	const unsigned char	*z;

	z = memchr(e->k, '\0', e->klen);
	codec_copy_text(id, sizeof id, (const char *)e->k,
	    z == NULL ? e->klen : (size_t)(z - e->k));
	return (store_err(b->st, STORE_NOTFOUND, "member_id",
	    _("member %s not found (it has records in the import)"), id));
}

/* by_total and by_last of members met in ID order: a stable sort on the
 * rank (the inverted total; the inverted date, none last) keeps the ID
 * order within a rank, which is the order of the index keys. */
struct bulk_rank {
	uint32_t	rank;
	uint32_t	i;
};

struct bulk_order {
	struct bulk_rank	*total, *last;
	uint32_t		*idoff;
	struct buf		 ids;
	size_t			 n, cap;
};

static void
bulk_order_add(struct bulk_order *o, const char *id, const struct agg *g)
{
	const char	*d = g->s.last_date;
	uint32_t	 ymd;

	if (o->n == o->cap) {
		o->cap = o->cap == 0 ? 4096 : o->cap * 2;
		o->total = xrealloc(o->total, o->cap * sizeof *o->total);
		o->last = xrealloc(o->last, o->cap * sizeof *o->last);
		o->idoff = xrealloc(o->idoff, o->cap * sizeof *o->idoff);
	}
	o->idoff[o->n] = (uint32_t)o->ids.len;
	buf_add(&o->ids, id, strlen(id) + 1);
	o->total[o->n].rank = ~g->s.total;
	o->total[o->n].i = (uint32_t)o->n;
	if (store_date_valid(d)) {
		ymd = (uint32_t)((d[0] - '0') * 10000000 + (d[1] - '0') *
		    1000000 + (d[2] - '0') * 100000 + (d[3] - '0') * 10000 +
		    (d[5] - '0') * 1000 + (d[6] - '0') * 100 +
		    (d[8] - '0') * 10 + (d[9] - '0'));
		o->last[o->n].rank = 99999999u - ymd;
	} else
		o->last[o->n].rank = UINT32_MAX;
	o->last[o->n].i = (uint32_t)o->n;
	o->n++;
}

/* Stable LSD radix sort of A on rank, 16 bits a pass. */
static void
bulk_rank_sort(struct bulk_rank *a, size_t n)
{
	struct bulk_rank	*tmp, *src = a, *dst;
	size_t			*count, i, sum, c;
	unsigned		 pass, shift;

	tmp = xmalloc(n * sizeof *tmp);
	count = xmalloc(65536 * sizeof *count);
	dst = tmp;
	for (pass = 0; pass < 2; pass++) {
		shift = pass * 16;
		memset(count, 0, 65536 * sizeof *count);
		for (i = 0; i < n; i++)
			count[(src[i].rank >> shift) & 0xffff]++;
		for (i = 0, sum = 0; i < 65536; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[(src[i].rank >> shift) & 0xffff]++] = src[i];
		src = dst;
		dst = dst == tmp ? a : tmp;
	}
	free(tmp);
	free(count);
}

/* YYYYMMDD as "YYYY-MM-DD". */
static void
bulk_ymd_text(char out[STORE_DATE_SIZE], uint32_t ymd)
{
	static const int	at[8] = { 9, 8, 6, 5, 3, 2, 1, 0 };
	int			i;

	for (i = 0; i < 8; i++, ymd /= 10)
		out[at[i]] = (char)('0' + ymd % 10);
	out[4] = out[7] = '-';
	out[10] = '\0';
}

static void
bulk_order_append_free(struct bulk_order *o)
{
	free(o->total);
	free(o->last);
	free(o->idoff);
	buf_free(&o->ids);
	memset(o, 0, sizeof *o);
}

static int
bulk_order_append(struct bulk *b, struct bulk_order *o)
{
	MDB_cursor	*c;
	char		 key[STORE_ID_MAX + 16], date[STORE_DATE_SIZE];
	const char	*id;
	size_t		 i, n;
	int		 k, rc = STORE_OK;

	bulk_rank_sort(o->total, o->n);
	bulk_rank_sort(o->last, o->n);
	for (k = 0; k < 2 && rc == STORE_OK; k++) {
		if ((rc = store_cursor(b->st, b->w.txn, k == 0 ? DB_BYTOTAL :
		    DB_BYLAST, &c)) != STORE_OK)
			break;
		for (i = 0; i < o->n && rc == STORE_OK; i++) {
			if (k == 0) {
				id = (const char *)o->ids.p +
				    o->idoff[o->total[i].i];
				n = idx_total_key(key, ~o->total[i].rank, id);
			} else {
				id = (const char *)o->ids.p +
				    o->idoff[o->last[i].i];
				date[0] = '\0';
				if (o->last[i].rank != UINT32_MAX)
					bulk_ymd_text(date,
					    99999999u - o->last[i].rank);
				n = idx_last_key(key, date, id);
			}
			rc = bulk_append(b, c, k == 0 ? DB_BYTOTAL : DB_BYLAST,
			    key, n, "", 0);
		}
		mdb_cursor_close(c);
	}
	bulk_order_append_free(o);
	return (rc);
}

/* Encode G without the fields at their defaults at the end (the codec
 * reads a value that ends early so): a member without records or past
 * takes the format byte alone, and member_stats a third of its pages. */
static void
bulk_agg_enc(struct buf *enc, const struct agg *g)
{
	codec_agg_enc(enc, g);
	/* a zero byte ends a field only as a zero or an empty string */
	while (enc->len > 1 && enc->p[enc->len - 1] == 0)
		enc->len--;
}

/* Every imported member of an empty database: aggregates appended. */
static int
bulk_aggregates_fast(struct bulk *b)
{
	struct bulk_order o;
	struct buf	 enc;
	struct agg	 g;
	MDB_cursor	*c;
	size_t		 i, j = 0;
	int		 rc = STORE_OK;

	memset(&o, 0, sizeof o);
	for (i = 0; i < b->nmem; i++)
		b->mem[i].id = (const char *)b->ids.p +
		    (uintptr_t)b->mem[i].id;
	for (i = 1; i < b->nmem; i++) {
		if (strcmp(b->mem[i - 1].id, b->mem[i].id) > 0) {
			qsort(b->mem, b->nmem, sizeof *b->mem, bulk_memcmp_id);
			break;
		}
	}
	buf_init(&enc);
	if ((rc = store_cursor(b->st, b->w.txn, DB_STATS, &c)) != STORE_OK)
		return (rc);
	for (i = 0; i < b->nmem && rc == STORE_OK; i++) {
		if (j < b->bymem.n && bulk_run_cmp(&b->bymem.e[j],
		    b->mem[i].id) < 0) {
			rc = bulk_unknown_member(b, &b->bymem.e[j]);
			break;
		}
		agg_init(&g, b->mem[i].past, b->mem[i].past_date);
		bulk_run_add(b, &j, b->mem[i].id, &g);
		agg_finish(&g);
		enc.len = 0;
		bulk_agg_enc(&enc, &g);
		rc = bulk_append(b, c, DB_STATS, b->mem[i].id,
		    strlen(b->mem[i].id), enc.p, enc.len);
		bulk_order_add(&o, b->mem[i].id, &g);
	}
	buf_free(&enc);
	mdb_cursor_close(c);
	if (rc == STORE_OK && j < b->bymem.n)
		rc = bulk_unknown_member(b, &b->bymem.e[j]);
	bulk_set_free(&b->bymem);
	if (rc == STORE_OK)
		rc = bulk_order_append(b, &o);
	else
		bulk_order_append_free(&o);
	return (rc);
}

/* Members of the database with records in the bulk run: each member's
 * aggregate once, from its whole history (the attendance database was
 * empty, so the run is all of it).  Few members: one lookup each.  Many:
 * one walk over member_stats, rewriting in place, and by_total and
 * by_last rebuilt from sorted runs rather than moved key by key. */
static int
bulk_aggregates_runs(struct bulk *b)
{
	struct store		*st = b->st;
	struct agg		 old, g;
	struct bulk_order	 o;
	const struct bulk_ent	*e;
	const unsigned char	*z;
	MDB_cursor		*c = NULL;
	MDB_val			 k, v;
	MDB_stat		 ms;
	struct buf		 enc;
	char			 id[STORE_ID_MAX + 1];
	size_t			 j = 0, runs = 0;
	int			 rc = STORE_OK, mrc, op;

	for (j = 0; j < b->bymem.n; j++) {
		if (j == 0 || bulk_run_cmp(&b->bymem.e[j], id) != 0) {
			e = &b->bymem.e[j];
			z = memchr(e->k, '\0', e->klen);
			codec_copy_text(id, sizeof id, (const char *)e->k,
			    z == NULL ? e->klen : (size_t)(z - e->k));
			runs++;
		}
	}
	if ((mrc = mdb_stat(b->w.txn, st->dbi[DB_STATS], &ms)) != 0)
		return (store_mdb(st, mrc, "member_stats"));
	j = 0;
	if (runs * 8 < ms.ms_entries) {
		while (j < b->bymem.n) {
			e = &b->bymem.e[j];
			z = memchr(e->k, '\0', e->klen);
			codec_copy_text(id, sizeof id, (const char *)e->k,
			    z == NULL ? e->klen : (size_t)(z - e->k));
			if ((rc = agg_get(&b->w, id, &old)) != STORE_OK)
				return (rc == STORE_NOTFOUND ?
				    bulk_unknown_member(b, e) : rc);
			agg_init(&g, old.past_count, old.past_last_date);
			bulk_run_add(b, &j, id, &g);
			agg_finish(&g);
			if ((rc = agg_put(&b->w, id, &old, &g)) != STORE_OK)
				return (rc);
		}
		bulk_set_free(&b->bymem);
		return (STORE_OK);
	}

	memset(&o, 0, sizeof o);
	buf_init(&enc);
	if ((mrc = mdb_drop(b->w.txn, st->dbi[DB_BYTOTAL], 0)) != 0 ||
	    (mrc = mdb_drop(b->w.txn, st->dbi[DB_BYLAST], 0)) != 0)
		return (store_mdb(st, mrc, "by_total"));
	if ((rc = store_cursor(st, b->w.txn, DB_STATS, &c)) != STORE_OK)
		return (rc);
	for (op = MDB_FIRST; (mrc = mdb_cursor_get(c, &k, &v, op)) == 0;
	    op = MDB_NEXT) {
		codec_copy_text(id, sizeof id, k.mv_data, k.mv_size);
		if (codec_agg_dec(&v, &old) != STORE_OK) {
			rc = store_err(st, STORE_IO, NULL,
			    _("member_stats %s: corrupt record"), id);
			break;
		}
		if (j < b->bymem.n && bulk_run_cmp(&b->bymem.e[j], id) < 0) {
			rc = bulk_unknown_member(b, &b->bymem.e[j]);
			break;
		}
		g = old;
		if (j < b->bymem.n && bulk_run_cmp(&b->bymem.e[j], id) == 0) {
			agg_init(&g, old.past_count, old.past_last_date);
			bulk_run_add(b, &j, id, &g);
			agg_finish(&g);
			if (!agg_equal(&old, &g)) {
				enc.len = 0;
				bulk_agg_enc(&enc, &g);
				v.mv_data = enc.p;
				v.mv_size = enc.len;
				/* the key from the page moves in the put */
				k.mv_data = id;
				k.mv_size = strlen(id);
				if ((mrc = mdb_cursor_put(c, &k, &v,
				    MDB_CURRENT)) != 0) {
					rc = store_mdb(st, mrc,
					    "member_stats");
					break;
				}
			}
		}
		bulk_order_add(&o, id, &g);
	}
	mdb_cursor_close(c);
	buf_free(&enc);
	if (rc == STORE_OK && mrc != MDB_NOTFOUND)
		rc = store_mdb(st, mrc, "member_stats");
	if (rc == STORE_OK && j < b->bymem.n)
		rc = bulk_unknown_member(b, &b->bymem.e[j]);
	bulk_set_free(&b->bymem);
	if (rc == STORE_OK)
		rc = bulk_order_append(b, &o);
	else
		bulk_order_append_free(&o);
	return (rc);
}

/* STORE_MF_PAST_IS_TOTAL: past_count = the total given - attended. */
static int
bulk_past_totals(struct bulk *b)
{
	struct store		*st = b->st;
	struct store_member	 old, m;
	struct agg		 g;
	const char		*id;
	int64_t			 past;
	size_t			 i;
	int			 rc;

	for (i = 0; i < b->nmem; i++) {
		if (b->mem[i].total < 0)
			continue;
		id = b->fast_members ? b->mem[i].id :
		    (const char *)b->ids.p + (uintptr_t)b->mem[i].id;
		if ((rc = agg_get(&b->w, id, &g)) != STORE_OK)
			return (rc);
		past = b->mem[i].total - (int64_t)g.s.attended;
		if (past < 0)
			return (store_err(st, STORE_INVALID, "past_count",
			    _("member %s: the total %lld is less than the %lu "
			    "attendances recorded"), id,
			    (long long)b->mem[i].total,
			    (unsigned long)g.s.attended));
		if (past == g.past_count)
			continue;
		if ((rc = member_read(st, b->w.txn, id, &old)) != STORE_OK)
			return (rc);
		if ((rc = member_norm(st, &old, &m)) != STORE_OK) {
			store_member_free(&old);
			return (rc);
		}
		m.past_count = (int32_t)past;
		if (b->mem[i].cls == BULK_UNCHANGED) {
			m.version = old.version + 1;
			m.updated_at = b->w.now;
			str_copy(m.updated_by, sizeof m.updated_by, st->actor);
			b->res->members.unchanged--;
			b->res->members.updated++;
			b->mem[i].cls = BULK_UPDATED;
		}
		rc = member_write(&b->w, &old, &m);
		store_member_free(&old);
		store_member_free(&m);
		if (rc != STORE_OK)
			return (rc);
	}
	return (STORE_OK);
}

static int
bulk_audit(struct bulk *b)
{
	const struct store_import_result	*r = b->res;
	struct buf				 t;
	int					 rc;

	buf_init(&t);
	buf_adds(&t, "what=");
	text_escape(&t, b->src->what);
	buf_printf(&t, "; events: added %zu, updated %zu, unchanged %zu"
	    "; members: added %zu, updated %zu, unchanged %zu"
	    "; records: added %zu, updated %zu, unchanged %zu",
	    r->events.added, r->events.updated, r->events.unchanged,
	    r->members.added, r->members.updated, r->members.unchanged,
	    r->records.added, r->records.updated, r->records.unchanged);
	buf_addc(&t, '\0');
	b->w.quiet = false;
	rc = audit_add(&b->w, "import", "import", "", "", "",
	    (const char *)t.p);
	buf_free(&t);
	return (rc);
}

int
store_import(struct store *st, const struct store_import_source *src,
    bool dry_run, struct store_import_result *res)
{
	struct store_import_result	 local;
	struct bulk			 b;
	bool				 e1, e2, e3, e4;
	int				 rc;

	store_err_clear(st);
	if (res == NULL)
		res = &local;
	memset(res, 0, sizeof *res);
	memset(&b, 0, sizeof b);
	b.st = st;
	b.src = src;
	b.res = res;
	buf_init(&b.ids);
	store_today(b.today);
	/* a bulk txn frees its dirty pages at commit: do not trim per page */
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	if ((rc = store_wbegin(st, &b.w)) != STORE_OK)
		return (rc);
	b.w.quiet = true;
	if ((rc = bulk_db_empty(&b, DB_MEMBERS, &e1)) != STORE_OK ||
	    (rc = bulk_db_empty(&b, DB_STATS, &e2)) != STORE_OK ||
	    (rc = bulk_db_empty(&b, DB_NAME, &e3)) != STORE_OK ||
	    (rc = bulk_db_empty(&b, DB_BYKANA, &e4)) != STORE_OK)
		goto fail;
	b.fast_members = e1 && e2 && e3 && e4;
	if ((rc = bulk_db_empty(&b, DB_ATT, &e1)) != STORE_OK ||
	    (rc = bulk_db_empty(&b, DB_BYMEM, &e2)) != STORE_OK ||
	    (rc = bulk_db_empty(&b, DB_PENDING, &e3)) != STORE_OK)
		goto fail;
	b.fast_records = e1 && e2 && e3;
	if (b.fast_members) {
		if ((rc = bulk_db_empty(&b, DB_BYTOTAL, &e1)) != STORE_OK ||
		    (rc = bulk_db_empty(&b, DB_BYLAST, &e2)) != STORE_OK)
			goto fail;
		b.fast_members = e1 && e2 && b.fast_records;
	}

	rc = bulk_events(&b);
	if (rc == STORE_OK)
		rc = bulk_members(&b);
	if (b.mcur != NULL) {
		mdb_cursor_close(b.mcur);
		b.mcur = NULL;
	}
	if (rc != STORE_OK || (rc = bulk_records(&b)) != STORE_OK)
		goto fail;
	/* the aggregates changed so far into member_stats: the bulk passes
	 * below read it directly */
	if ((rc = agg_flush(&b.w)) != STORE_OK)
		goto fail;
	if (b.fast_members)
		rc = bulk_aggregates_fast(&b);
	else if (b.fast_records)
		rc = bulk_aggregates_runs(&b);
	if (rc != STORE_OK || (rc = bulk_names(&b)) != STORE_OK ||
	    (rc = bulk_past_totals(&b)) != STORE_OK)
		goto fail;
	if (res->events.added + res->events.updated + res->members.added +
	    res->members.updated + res->records.added + res->records.updated ==
	    0 || dry_run) {
		store_wabort(&b.w);
		rc = STORE_OK;
		goto out;
	}
	if ((rc = bulk_audit(&b)) != STORE_OK)
		goto fail;
	rc = store_wcommit(&b.w);
	goto out;
fail:
	store_wabort(&b.w);
out:
	bulk_keys_end(&b, true);
	bulk_sorter_end(&b);
	keyset_free(&b.names);
	keyset_free(&b.kana);
	bulk_set_free(&b.att);
	bulk_set_free(&b.bymem);
	bulk_set_free(&b.pending);
	bulk_set_free(&b.seen);
	buf_free(&b.ids);
	buf_free(&b.enc);
	free(b.mem);
	free(b.ev);
	return (rc);
}
