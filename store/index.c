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
	char		*f;
	size_t		 n;

	b->len = 0;
	src = m->kana != NULL && *m->kana != '\0' ? m->kana : m->name;
	if (src == NULL)
		src = "";
	if ((f = text_fold_n(src, strlen(src), &n)) == NULL) {
		f = xstrdup("");
		n = 0;
	}
	buf_add(b, f, idx_cut(f, n));
	buf_addc(b, '\0');
	buf_adds(b, m->id);
	free(f);
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

static void
idx_texts_add(struct buf *list, size_t *n, const char *s, size_t len)
{
	char	*f;
	size_t	 flen;

	if (len == 0)
		return;
	if ((f = text_fold_n(s, len, &flen)) == NULL)
		return;
	flen = idx_cut(f, flen);
	if (flen != 0) {
		buf_add(list, f, flen);
		buf_addc(list, '\0');
		(*n)++;
	}
	free(f);
}

/* S whole, then each part split on ASCII and ideographic spaces. */
static void
idx_texts_parts(struct buf *list, size_t *n, const char *s)
{
	const char	*p, *start;
	size_t		 parts = 0;

	if (s == NULL || *s == '\0')
		return;
	idx_texts_add(list, n, s, strlen(s));
	for (p = start = s;; ) {
		if (*p == '\0' || *p == ' ' || *p == '\t' ||
		    strncmp(p, "\xe3\x80\x80", 3) == 0) {
			if (p > start && (parts > 0 || *p != '\0'))
				idx_texts_add(list, n, start, (size_t)(p - start));
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

static int
idx_strcmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

size_t
idx_name_texts(struct buf *out, const struct store_member *m)
{
	struct buf	 list;
	char		**v, *p;
	const char	*at;
	size_t		 n = 0, i, k, len;

	buf_init(&list);
	idx_texts_parts(&list, &n, m->name);
	idx_texts_parts(&list, &n, m->kana);
	idx_texts_add(&list, &n, m->id, strlen(m->id));
	if (m->email != NULL && *m->email != '\0') {
		at = strchr(m->email, '@');
		idx_texts_add(&list, &n, m->email, at == NULL ?
		    strlen(m->email) : (size_t)(at - m->email));
	}
	out->len = 0;
	if (n == 0) {
		buf_free(&list);
		return (0);
	}
	v = xcalloc(n, sizeof *v);
	for (i = 0, p = (char *)list.p; i < n; i++) {
		v[i] = p;
		p += strlen(p) + 1;
	}
	qsort(v, n, sizeof *v, idx_strcmp);
	/* drop duplicates and prefixes of the next (longer) entry */
	for (i = 0, k = 0; i < n; i++) {
		len = strlen(v[i]);
		if (i + 1 < n && strncmp(v[i], v[i + 1], len) == 0)
			continue;
		buf_add(out, v[i], len + 1);
		k++;
	}
	free(v);
	buf_free(&list);
	return (k);
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
		idx_name_texts(&a, old);
	if (nw != NULL)
		idx_name_texts(&b, nw);
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
