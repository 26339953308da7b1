/* index.c -- index keys: attendance, history, pending, the name index
 * that search ranges over, and the sort indexes of the member list. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

static size_t
idx_join(char *out, const char *a, const char *b, const char *c)
{
	size_t	n, len = 0;

	n = strlen(a);
	memcpy(out, a, n);
	len = n;
	out[len++] = '\0';
	n = strlen(b);
	memcpy(out + len, b, n);
	len += n;
	if (c != NULL) {
		out[len++] = '\0';
		n = strlen(c);
		memcpy(out + len, c, n);
		len += n;
	}
	return (len);
}

/* event \0 member */
size_t
idx_att_key(char *out, const char *event, const char *member)
{
	return (idx_join(out, event, member, NULL));
}

/* member \0 date \0 event */
size_t
idx_bymem_key(char *out, const char *member, const char *date,
    const char *event)
{
	return (idx_join(out, member, date, event));
}

/* date \0 event \0 member */
size_t
idx_pending_key(char *out, const char *date, const char *event,
    const char *member)
{
	return (idx_join(out, date, event, member));
}

/* Cut folded text to the index limit at a character boundary. */
static size_t
idx_cut(const char *s, size_t n)
{
	if (n <= STORE_TEXT_KEY_MAX)
		return (n);
	n = STORE_TEXT_KEY_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return (n);
}

/* folded reading (the name when there is none) \0 id */
size_t
idx_kana_key(struct buf *b, const struct store_member *m)
{
	const char	*src;

	b->len = 0;
	src = m->kana != NULL && *m->kana != '\0' ? m->kana : m->name;
	if (src == NULL)
		src = "";
	if (text_fold_append(b, src, strlen(src)) != 0)
		b->len = 0;
	b->len = idx_cut((const char *)b->p, b->len);
	buf_addc(b, '\0');
	buf_adds(b, m->id);
	return (b->len);
}

/* inverted big-endian total, id: the largest total first */
size_t
idx_total_key(char *out, uint32_t total, const char *id)
{
	uint32_t	inv = ~total;
	size_t		n;

	out[0] = (char)(inv >> 24);
	out[1] = (char)(inv >> 16);
	out[2] = (char)(inv >> 8);
	out[3] = (char)inv;
	n = strlen(id);
	memcpy(out + 4, id, n);
	return (4 + n);
}

/* inverted last date, id: the latest first, no date last */
size_t
idx_last_key(char *out, const char *last_date, const char *id)
{
	size_t	i, n;

	for (i = 0; i < 10; i++) {
		if (last_date[0] == '\0')
			out[i] = (char)0xff;
		else
			out[i] = (char)(0xff - (unsigned char)last_date[i]);
	}
	n = strlen(id);
	memcpy(out + 10, id, n);
	return (10 + n);
}

/* Where the member ID is inside a key of DB. */
const char *
idx_key_id(enum store_db db, const char *key, size_t len, size_t *idlen)
{
	const char	*p;

	switch (db) {
	case DB_BYKANA:
	case DB_NAME:
		if ((p = memchr(key, '\0', len)) == NULL)
			p = key + len;
		else
			p++;
		break;
	case DB_BYTOTAL:
		p = key + (len < 4 ? len : 4);
		break;
	case DB_BYLAST:
		p = key + (len < 10 ? len : 10);
		break;
	default:
		p = key;
		break;
	}
	*idlen = len - (size_t)(p - key);
	return (p);
}

#define IDX_TEXTS_MAX	64

/* Is T the ASCII lower-case of ID (same length)? */
static bool
idx_lower_eq(const char *t, const char *id)
{
	for (; *id != '\0'; t++, id++) {
		if (*t != ((*id >= 'A' && *id <= 'Z') ? *id + 'a' - 'A' : *id))
			return (false);
	}
	return (true);
}

struct idx_texts {
	struct buf	 b;		/* folded texts, each \0-terminated */
	size_t		 off[IDX_TEXTS_MAX];
	size_t		 n;
};

static void
idx_texts_add(struct idx_texts *t, const char *s, size_t len)
{
	size_t	start = t->b.len, i;
	int	c;

	if (len == 0 || t->n == IDX_TEXTS_MAX)
		return;
	/* printable ASCII without spaces (IDs, e-mail addresses) folds to
	 * its lower case */
	buf_reserve(&t->b, len + 1);
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c <= 0x20 || c >= 0x7f)
			break;
		t->b.p[start + i] = (unsigned char)(c >= 'A' && c <= 'Z' ?
		    c + 'a' - 'A' : c);
	}
	if (i == len)
		t->b.len = start + len;
	else if (text_fold_append(&t->b, s, len) != 0)
		return;
	t->b.len = start + idx_cut((const char *)t->b.p + start,
	    t->b.len - start);
	if (t->b.len == start)
		return;
	buf_addc(&t->b, '\0');
	t->off[t->n++] = start;
}

/* The N bytes at AT of the folded texts again, as a text of their own. */
static void
idx_texts_piece(struct idx_texts *t, size_t at, size_t n)
{
	size_t	start = t->b.len;

	buf_reserve(&t->b, n + 1);
	memcpy(t->b.p + start, t->b.p + at, n);
	t->b.len = start + idx_cut((const char *)t->b.p + start, n);
	buf_addc(&t->b, '\0');
	t->off[t->n++] = start;
}

/* S whole, then each part split on ASCII and ideographic spaces. */
static void
idx_texts_parts(struct idx_texts *t, const char *s)
{
	const char	*p, *start;
	size_t		 parts = 0, cuts[IDX_TEXTS_MAX], ncuts, i, a, e, whole;
	size_t		 len;

	if (s == NULL || *s == '\0')
		return;
	/* The whole text folded once; when it folds character by character
	 * each part's fold is a piece of it, between the spaces. */
	whole = t->b.len;
	len = strlen(s);
	if (t->n < IDX_TEXTS_MAX && text_fold_cut(&t->b, s, len, cuts,
	    IDX_TEXTS_MAX, &ncuts) == 0 &&
	    (e = t->b.len - whole) <= STORE_TEXT_KEY_MAX) {
		t->b.len = whole + idx_cut((const char *)t->b.p + whole, e);
		if (t->b.len > whole) {
			buf_addc(&t->b, '\0');
			t->off[t->n++] = whole;
		}
		cuts[ncuts] = e;
		for (i = 0, a = 0; i <= ncuts; a = cuts[i++]) {
			/* a part unless the only one */
			if (cuts[i] > a && (parts > 0 || i < ncuts) &&
			    t->n < IDX_TEXTS_MAX) {
				idx_texts_piece(t, whole + a, cuts[i] - a);
			}
			if (cuts[i] > a)
				parts++;
		}
		return;
	}
	t->b.len = whole;
	idx_texts_add(t, s, len);
	for (p = start = s;; ) {
		if (*p == '\0' || *p == ' ' || *p == '\t' ||
		    strncmp(p, "\xe3\x80\x80", 3) == 0) {
			if (p > start && (parts > 0 || *p != '\0'))
				idx_texts_add(t, start, (size_t)(p - start));
			if (p > start)
				parts++;
			if (*p == '\0')
				break;
			p += *p == ' ' || *p == '\t' ? 1 : 3;
			start = p;
		} else
			p++;
	}
}

/* A phone number as written (hyphens and all), its digits alone (a
 * prefix of them finds it) and their last four. */
static void
idx_texts_phone(struct idx_texts *t, const char *phone)
{
	char	digits[STORE_TEXT_KEY_MAX];
	size_t	n = 0;

	if (phone == NULL || *phone == '\0')
		return;
	idx_texts_add(t, phone, strlen(phone));
	for (; *phone != '\0' && n < sizeof digits; phone++) {
		if (*phone >= '0' && *phone <= '9')
			digits[n++] = *phone;
	}
	idx_texts_add(t, digits, n);
	if (n > 4)
		idx_texts_add(t, digits + n - 4, 4);
}

/* A "plain" ID (ASCII without lower-case letters, spaces or [\\]^_`)
 * folds by lower-casing, which keeps the order of IDs: search finds it
 * in members itself, so the name index need not hold it. */
bool
idx_id_plain(const char *id, size_t len)
{
	size_t	i;
	int	c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)id[i];
		if (c <= 0x20 || c >= 0x7f || (c >= 'a' && c <= 'z') ||
		    (c >= 0x5b && c <= 0x60))
			return (false);
	}
	return (len > 0);
}

/* The folded texts a member is found by: name, reading, their parts, ID,
 * e-mail address and its domain, phone as written, its digits and their
 * last four; sorted, a prefix of another entry left out (a
 * prefix search finds the longer one). */
size_t
idx_search_texts(struct buf *out, const struct store_member *m)
{
	struct buf	tmp;
	size_t		n;

	buf_init(&tmp);
	n = idx_search_texts_in(out, &tmp, m);
	buf_free(&tmp);
	return (n);
}

/* idx_search_texts with TMP as its working buffer (kept for the next
 * call: an import builds a million members' keys). */
size_t
idx_search_texts_in(struct buf *out, struct buf *tmp,
    const struct store_member *m)
{
	struct idx_texts	 t;
	const char		*a, *b;
	size_t			 i, j, k, o, len;

	t.n = 0;
	t.b = *tmp;
	t.b.len = 0;
	idx_texts_parts(&t, m->name);
	idx_texts_parts(&t, m->kana);
	idx_texts_add(&t, m->id, strlen(m->id));
	if (m->email != NULL && *m->email != '\0') {
		/* the whole address (its local part is a prefix) and the
		 * domain */
		idx_texts_add(&t, m->email, strlen(m->email));
		if ((a = strrchr(m->email, '@')) != NULL)
			idx_texts_add(&t, a + 1, strlen(a + 1));
	}
	idx_texts_phone(&t, m->phone);
	/* a few entries: insertion sort */
	for (i = 1; i < t.n; i++) {
		o = t.off[i];
		for (j = i; j > 0 && strcmp((const char *)t.b.p + t.off[j - 1],
		    (const char *)t.b.p + o) > 0; j--)
			t.off[j] = t.off[j - 1];
		t.off[j] = o;
	}
	/* drop duplicates and prefixes of the next (longer) entry */
	out->len = 0;
	for (i = 0, k = 0; i < t.n; i++) {
		a = (const char *)t.b.p + t.off[i];
		len = strlen(a);
		if (i + 1 < t.n) {
			b = (const char *)t.b.p + t.off[i + 1];
			if (strncmp(a, b, len) == 0)
				continue;
		}
		buf_add(out, a, len + 1);
		k++;
	}
	*tmp = t.b;
	return (k);
}

/* What name_index holds of a member: its search texts but the reading
 * (by_kana holds it) and a plain ID (members holds it). */
size_t
idx_name_texts(struct buf *out, const struct store_member *m,
    const struct buf *kanakey)
{
	struct buf	 all, tmp, kana;
	size_t		 n;

	buf_init(&all);
	buf_init(&tmp);
	buf_init(&kana);
	if (kanakey == NULL) {
		idx_kana_key(&kana, m);
		kanakey = &kana;
	}
	n = idx_name_texts_in(out, m, kanakey, &all, &tmp);
	buf_free(&all);
	buf_free(&tmp);
	buf_free(&kana);
	return (n);
}

/* idx_name_texts with ALL and TMP as working buffers, KANAKEY given. */
size_t
idx_name_texts_in(struct buf *out, const struct store_member *m,
    const struct buf *kanakey, struct buf *all, struct buf *tmp)
{
	const char	*t, *kt;
	size_t		 n = 0, len, klen, idlen;
	bool		 plain;

	all->len = 0;
	idx_search_texts_in(all, tmp, m);
	kt = (const char *)kanakey->p;
	klen = strlen(kt);
	idlen = strlen(m->id);
	plain = idx_id_plain(m->id, idlen);
	out->len = 0;
	for (t = (const char *)all->p; t < (const char *)all->p + all->len;
	    t += len + 1) {
		len = strlen(t);
		if (len == klen && memcmp(t, kt, len) == 0)
			continue;
		if (plain && len == idlen && idx_lower_eq(t, m->id))
			continue;
		buf_add(out, t, len + 1);
		n++;
	}
	return (n);
}

static int
idx_name_key(struct buf *key, const char *text, const char *id)
{
	key->len = 0;
	buf_adds(key, text);
	buf_addc(key, '\0');
	buf_adds(key, id);
	return (0);
}

/* Bring name_index and by_kana from OLD's entries to NW's (either may be
 * NULL: an added or a deleted member). */
int
idx_member_put(struct wtx *w, const struct store_member *old,
    const struct store_member *nw)
{
	struct store	*st = w->st;
	struct buf	 a, b, key, ka, kb;
	const char	*pa, *pb, *ea, *eb;
	int		 cmp, rc = STORE_OK;

	buf_init(&a);
	buf_init(&b);
	buf_init(&key);
	buf_init(&ka);
	buf_init(&kb);
	if (old != NULL)
		idx_name_texts(&a, old, NULL);
	if (nw != NULL)
		idx_name_texts(&b, nw, NULL);
	pa = (const char *)a.p;
	ea = pa + a.len;
	pb = (const char *)b.p;
	eb = pb + b.len;
	while (rc == STORE_OK && (pa < ea || pb < eb)) {
		if (pa >= ea)
			cmp = 1;
		else if (pb >= eb)
			cmp = -1;
		else
			cmp = strcmp(pa, pb);
		if (cmp == 0 && strcmp(old->id, nw->id) == 0) {
			pa += strlen(pa) + 1;
			pb += strlen(pb) + 1;
			continue;
		}
		if (cmp <= 0) {
			idx_name_key(&key, pa, old->id);
			rc = store_del(st, w->txn, DB_NAME, key.p, key.len);
			if (rc == STORE_NOTFOUND)
				rc = STORE_OK;
			pa += strlen(pa) + 1;
		}
		if (rc == STORE_OK && cmp >= 0) {
			idx_name_key(&key, pb, nw->id);
			rc = store_put(st, w->txn, DB_NAME, key.p, key.len, "",
			    0, 0);
			pb += strlen(pb) + 1;
		}
	}
	if (rc == STORE_OK) {
		if (old != NULL)
			idx_kana_key(&ka, old);
		if (nw != NULL)
			idx_kana_key(&kb, nw);
		if (ka.len != kb.len || (ka.len != 0 &&
		    memcmp(ka.p, kb.p, ka.len) != 0)) {
			if (old != NULL) {
				rc = store_del(st, w->txn, DB_BYKANA, ka.p,
				    ka.len);
				if (rc == STORE_NOTFOUND)
					rc = STORE_OK;
			}
			if (rc == STORE_OK && nw != NULL)
				rc = store_put(st, w->txn, DB_BYKANA, kb.p,
				    kb.len, "", 0, 0);
		}
	}
	buf_free(&a);
	buf_free(&b);
	buf_free(&key);
	buf_free(&ka);
	buf_free(&kb);
	return (rc);
}

/* Bring by_total and by_last of member ID from OLD to NW (either NULL). */
int
idx_sort_put(struct wtx *w, const char *id, const struct agg *old,
    const struct agg *nw)
{
	struct store	*st = w->st;
	char		 k[4 + STORE_ID_MAX + 10];
	size_t		 n;
	int		 rc;

	if (old == NULL || nw == NULL || old->s.total != nw->s.total) {
		if (old != NULL) {
			n = idx_total_key(k, old->s.total, id);
			rc = store_del(st, w->txn, DB_BYTOTAL, k, n);
			if (rc != STORE_OK && rc != STORE_NOTFOUND)
				return (rc);
		}
		if (nw != NULL) {
			n = idx_total_key(k, nw->s.total, id);
			if ((rc = store_put(st, w->txn, DB_BYTOTAL, k, n, "", 0,
			    0)) != STORE_OK)
				return (rc);
		}
	}
	if (old == NULL || nw == NULL ||
	    strcmp(old->s.last_date, nw->s.last_date) != 0) {
		if (old != NULL) {
			n = idx_last_key(k, old->s.last_date, id);
			rc = store_del(st, w->txn, DB_BYLAST, k, n);
			if (rc != STORE_OK && rc != STORE_NOTFOUND)
				return (rc);
		}
		if (nw != NULL) {
			n = idx_last_key(k, nw->s.last_date, id);
			if ((rc = store_put(st, w->txn, DB_BYLAST, k, n, "", 0,
			    0)) != STORE_OK)
				return (rc);
		}
	}
	return (STORE_OK);
}

/* A key of DB as one line of text: \0 shown as "\0", numbers decoded. */
size_t
idx_render(enum store_db db, const char *key, size_t len, char *out,
    size_t size)
{
	const unsigned char	*u = (const unsigned char *)key;
	struct buf		 b;
	char			 date[11];
	size_t			 i, n;

	buf_init(&b);
	if (db == DB_BYTOTAL && len >= 4) {
		buf_printf(&b, "%lu\\0", (unsigned long)(~((uint32_t)u[0] << 24 |
		    (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3]) &
		    0xffffffffu));
		i = 4;
	} else if (db == DB_BYLAST && len >= 10) {
		if (u[0] == 0xff)
			buf_adds(&b, "-");
		else {
			for (n = 0; n < 10; n++)
				date[n] = (char)(0xff - u[n]);
			date[10] = '\0';
			buf_adds(&b, date);
		}
		buf_adds(&b, "\\0");
		i = 10;
	} else
		i = 0;
	for (; i < len; i++) {
		if (key[i] == '\0')
			buf_adds(&b, "\\0");
		else
			buf_addc(&b, key[i]);
	}
	codec_copy_text(out, size, b.p == NULL ? "" : (const char *)b.p, b.len);
	n = strlen(out);
	buf_free(&b);
	return (n);
}
