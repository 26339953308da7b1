/* bulk-keys.c -- name_index and by_kana of an import's new members, built
 * and sorted by a second thread while the import writes, then appended. */

#define _GNU_SOURCE	/* mremap: a set grows without a copy */
#include <sys/mman.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "store/bulk-int.h"
#include "store/thread.h"

/* --- key sets ---------------------------------------------------------- */

void
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
 * pieces), or from malloc when mapping fails.  A mapped set is moved by
 * the kernel (mremap): a copy would touch every record again in fresh
 * pages, a million page faults' worth of memory at a million members. */
static void
keyset_grow(struct bulk_keyset *ks)
{
	struct krec	*r;
	size_t		 cap = ks->cap == 0 ? 65536 : 2 * ks->cap;
	bool		 mapped = true;

	if (ks->mapped && (r = mremap(ks->r, ks->cap * sizeof *r,
	    cap * sizeof *r, MREMAP_MAYMOVE)) != MAP_FAILED) {
		ks->r = r;
		ks->cap = cap;
		return;
	}
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
	struct cur		c;
	const unsigned char	*k, *pk = NULL;
	size_t			 i, len, plen = 0, upto;
	int			 rc;

	if ((rc = store_cursor(b->st, b->w.txn, db, &c)) != STORE_OK)
		return (rc);
	for (i = 0; i < ks->n && rc == STORE_OK; i++) {
		k = keyset_key(ks, &ks->r[i], &len);
		if (pk == NULL || len != plen || memcmp(k, pk, len) != 0)
			rc = bulk_append(b, &c, db, k, len, "", 0);
		pk = k;
		plen = len;
		/* the records before I are done with */
		upto = i * sizeof *ks->r / KREC_UNMAP * KREC_UNMAP;
		if (ks->mapped && upto > ks->gone) {
			munmap((char *)ks->r + ks->gone, upto - ks->gone);
			ks->gone = upto;
		}
	}
	cur_close(&c);
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
		m.phone = (char *)p;
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
	k->threaded = thread_start(&k->th, bulk_keys_main, k) == 0;
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
void
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
	buf_add(&k->fill, m->phone != NULL ? m->phone : "", m->phone != NULL ?
	    strlen(m->phone) + 1 : 1);
	if (k->fill.len >= BULK_BATCH)
		bulk_keys_push(k);
}

/* No more members: the thread may sort. */
void
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
void
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

/* name_index and by_kana of the new members, once sorted. */
int
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
