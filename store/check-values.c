/* check-values.c -- what `check` says of stored values besides the
 * aggregates and indexes: an ID or code holding an invisible (Unicode Cf)
 * or control character, a value over its field's limit, and events on
 * one date whose names match after store_fold (a split event). */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "store/store-int.h"

struct ckv {
	void		(*report)(const char *line, void *arg);
	void		*arg;
	struct kvset	 names;		/* date \0 folded name \0 code,
					   the length of the part before
					   the code (uint32_t) */
};

static void ckv_say(struct ckv *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static void
ckv_say(struct ckv *v, const char *fmt, ...)
{
	char	line[1024];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	v->report(line, v->arg);
}

struct ckv *
ckv_new(void (*report)(const char *, void *), void *arg)
{
	struct ckv	*v = xcalloc(1, sizeof *v);

	v->report = report;
	v->arg = arg;
	return (v);
}

/* KEY as printable text: each invisible or control character as \uXXXX
 * (what merge and delete accept), into OUT; the first one's code point
 * and 1-based character position into *CP and *POS (0: none). */
static void
ckv_escape(const char *key, char *out, size_t size, ucs4_t *cp, size_t *pos)
{
	const uint8_t	*p = (const uint8_t *)key, *end = p + strlen(key);
	size_t		 n = 0, at = 1;
	ucs4_t		 c;
	int		 k;

	*cp = 0;
	*pos = 0;
	out[0] = '\0';
	for (; p < end && n + 8 < size; p += k, at++) {
		if ((k = u8_mbtouc(&c, p, (size_t)(end - p))) < 1)
			k = 1;
		if (c < 0x20 || (c >= 0x7f && c < 0xa0) ||
		    uc_is_general_category(c, UC_CATEGORY_Cf)) {
			if (*pos == 0) {
				*cp = c;
				*pos = at;
			}
			n += (size_t)snprintf(out + n, size - n, "\\u%04X",
			    (unsigned)c);
			continue;
		}
		memcpy(out + n, p, (size_t)k);
		n += (size_t)k;
		out[n] = '\0';
	}
}

/* A stored key of KIND ("members", "events") with an invisible
 * character: store_key_fold refuses those now, so it can only be old. */
static void
ckv_key(struct ckv *v, const char *kind, const char *key)
{
	char	shown[4 * STORE_ID_MAX + 16];
	ucs4_t	cp;
	size_t	pos;

	ckv_escape(key, shown, sizeof shown, &cp, &pos);
	if (pos == 0)
		return;
	ckv_say(v, "%s %s: the key contains an invisible or control character "
	    "U+%04X at character %zu; merge or delete it as %s", kind, shown,
	    (unsigned)cp, pos, shown);
}

/* VALUE of FIELD over LIMIT bytes. */
static void
ckv_limit(struct ckv *v, const char *kind, const char *key,
    const char *field, const char *value, size_t limit)
{
	size_t	n = value != NULL ? strlen(value) : 0;

	if (n > limit)
		ckv_say(v, "%s %s: %s is %zu bytes, over its limit of %zu",
		    kind, key, field, n, limit);
}

void
ckv_member(struct ckv *v, const struct store_member *m)
{
	const struct store_field	*f;
	char				 field[STORE_ATTR_NAME_MAX + 64];
	size_t				 i;

	ckv_key(v, "members", m->id);
	for (f = store_fields; f < store_fields + store_nfields; f++)
		if (f->slot == STORE_SLOT_STR && f->limit > 0)
			ckv_limit(v, "members", m->id, f->key,
			    *(char *const *)((const char *)m + f->offset),
			    f->limit);
	for (i = 0; i < m->nattrs; i++) {
		if (strlen(m->attrs[i].name) > STORE_ATTR_NAME_MAX)
			ckv_say(v, "members %s: the attribute name \"%.40s...\" "
			    "is %zu bytes, over its limit of %d", m->id,
			    m->attrs[i].name, strlen(m->attrs[i].name),
			    STORE_ATTR_NAME_MAX);
		snprintf(field, sizeof field, "attr.%s", m->attrs[i].name);
		ckv_limit(v, "members", m->id, field, m->attrs[i].value,
		    STORE_TEXT_MAX);
	}
}

void
ckv_event(struct ckv *v, const struct store_event *e)
{
	struct buf	 k;
	char		*folded;
	uint32_t	 plen;

	ckv_key(v, "events", e->code);
	ckv_limit(v, "events", e->code, "name", e->name, STORE_LINE_MAX);
	ckv_limit(v, "events", e->code, "venue", e->venue, STORE_LINE_MAX);
	ckv_limit(v, "events", e->code, "notes", e->notes, STORE_TEXT_MAX);
	if ((folded = store_fold(e->name != NULL ? e->name : "")) == NULL)
		return;
	buf_init(&k);
	buf_adds(&k, e->date);
	buf_addc(&k, '\0');
	buf_adds(&k, folded);
	buf_addc(&k, '\0');
	plen = (uint32_t)k.len;
	buf_adds(&k, e->code);
	kvset_add(&v->names, k.p, k.len, &plen, sizeof plen);
	buf_free(&k);
	free(folded);
}

/* The part of names entry E before its code. */
static uint32_t
ckv_plen(const struct sort_key *e)
{
	uint32_t	plen;

	memcpy(&plen, e->k + e->len, sizeof plen);
	return (plen);
}

/* The events of one date and folded name: one line naming them all. */
void
ckv_end(struct ckv *v)
{
	const struct sort_key	*e;
	struct buf		 codes;
	size_t			 i, j;
	uint32_t		 plen;

	kvset_sort(&v->names);
	e = v->names.e;
	buf_init(&codes);
	for (i = 0; i < v->names.n; i = j) {
		plen = ckv_plen(&e[i]);
		for (j = i + 1; j < v->names.n && ckv_plen(&e[j]) == plen &&
		    memcmp(e[i].k, e[j].k, plen) == 0; j++)
			;
		if (j - i < 2)
			continue;
		codes.len = 0;
		for (; i < j; i++) {
			if (codes.len > 0)
				buf_adds(&codes, ", ");
			buf_add(&codes, e[i].k + plen, e[i].len - plen);
		}
		buf_addc(&codes, '\0');
		ckv_say(v, "events %s: the same name on %s after folding "
		    "(width, case, spaces): merge them with `sanka merge event "
		    "KEEP DROP`", (const char *)codes.p,
		    (const char *)e[j - 1].k);
	}
	buf_free(&codes);
	kvset_free(&v->names);
	free(v);
}
