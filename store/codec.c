/* codec.c -- the versioned value encoding: a format byte, then fields in a
 * fixed order, each a varint or a varint length and bytes.  A value that
 * ends early gives the remaining fields their defaults; fields after the
 * known ones (a later format) are ignored. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"

#define CODEC_FORMAT	1

struct codec_rd {
	const unsigned char	*p, *end;
	int			 bad;
};

void
buf_init(struct buf *b)
{
	b->p = NULL;
	b->len = b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->p);
	buf_init(b);
}

void
buf_grow(struct buf *b, size_t n)
{
	size_t	cap;

	if (b->len + n <= b->cap)
		return;
	cap = b->cap == 0 ? 256 : b->cap;
	while (cap < b->len + n)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n != 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
}

void
buf_addc(struct buf *b, int c)
{
	buf_reserve(b, 1);
	b->p[b->len++] = (unsigned char)c;
}

void
buf_adds(struct buf *b, const char *s)
{
	if (s != NULL)
		buf_add(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	buf_reserve(b, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf((char *)b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_uv(struct buf *b, uint64_t v)
{
	buf_reserve(b, 10);
	while (v >= 0x80) {
		b->p[b->len++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	b->p[b->len++] = (unsigned char)v;
}

void
buf_sv(struct buf *b, int64_t v)
{
	buf_uv(b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

void
buf_str(struct buf *b, const char *s)
{
	size_t	n;

	n = s == NULL ? 0 : strlen(s);
	buf_uv(b, n);
	buf_add(b, s, n);
}

static void
codec_rd_init(struct codec_rd *r, const MDB_val *v)
{
	r->p = v->mv_data;
	r->end = r->p + v->mv_size;
	r->bad = 0;
	if (r->p == r->end || *r->p < CODEC_FORMAT)
		r->bad = 1;
	else
		r->p++;
}

static uint64_t
codec_rd_uv(struct codec_rd *r)
{
	uint64_t	v = 0;
	unsigned	shift = 0;
	unsigned char	c;

	if (r->p >= r->end)
		return (0);
	for (;;) {
		if (r->p >= r->end || shift > 63) {
			r->bad = 1;
			return (0);
		}
		c = *r->p++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if ((c & 0x80) == 0)
			return (v);
		shift += 7;
	}
}

static int64_t
codec_rd_sv(struct codec_rd *r)
{
	uint64_t	u;

	u = codec_rd_uv(r);
	return ((int64_t)(u >> 1) ^ -(int64_t)(u & 1));
}

static const char *
codec_rd_str(struct codec_rd *r, size_t *len)
{
	uint64_t	 n;
	const char	*s;

	n = codec_rd_uv(r);
	if (n > (uint64_t)(r->end - r->p)) {
		r->bad = 1;
		n = 0;
	}
	s = (const char *)r->p;
	r->p += n;
	*len = (size_t)n;
	return (s);
}

static char *
codec_rd_dup(struct codec_rd *r)
{
	const char	*s;
	size_t		 n;

	s = codec_rd_str(r, &n);
	return (xstrndup(s, n));
}

static void
codec_rd_fixed(struct codec_rd *r, char *dst, size_t size)
{
	const char	*s;
	size_t		 n;

	s = codec_rd_str(r, &n);
	if (n >= size)
		n = size - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* Copy at most SIZE - 1 bytes of S (LEN bytes) into DST, never cutting a
 * UTF-8 character in half. */
void
codec_copy_text(char *dst, size_t size, const char *s, size_t len)
{
	if (len >= size) {
		len = size - 1;
		while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(dst, s, len);
	dst[len] = '\0';
}

/* The member value: the fields of store_fields[] that have a tag, in
 * table order (tags ascend), then the custom attributes. */
void
codec_member_enc(struct buf *b, const struct store_member *m)
{
	const struct store_field	*f;
	const char			*p = (const char *)m;
	const char			*str;
	uint32_t			 u;
	int32_t				 i32;
	int64_t				 t;
	bool				 yes;
	enum store_member_status	 st;
	size_t				 i;

	buf_addc(b, CODEC_FORMAT);
	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (f->tag == 0)
			continue;
		switch (f->slot) {
		case STORE_SLOT_STR:
			memcpy(&str, p + f->offset, sizeof str);
			buf_str(b, str);
			break;
		case STORE_SLOT_CHARS:
			buf_str(b, p + f->offset);
			break;
		case STORE_SLOT_INT32:
			memcpy(&i32, p + f->offset, sizeof i32);
			buf_sv(b, i32);
			break;
		case STORE_SLOT_UINT32:
			memcpy(&u, p + f->offset, sizeof u);
			buf_uv(b, u);
			break;
		case STORE_SLOT_TIME:
			memcpy(&t, p + f->offset, sizeof t);
			buf_sv(b, t);
			break;
		case STORE_SLOT_BOOL:
			memcpy(&yes, p + f->offset, sizeof yes);
			buf_uv(b, yes ? 1 : 0);
			break;
		case STORE_SLOT_STATUS:
			memcpy(&st, p + f->offset, sizeof st);
			buf_uv(b, (uint64_t)st);
			break;
		default:	/* the key and the aggregate have no tag */
			break;
		}
	}
	buf_uv(b, m->nattrs);
	for (i = 0; i < m->nattrs; i++) {
		buf_str(b, m->attrs[i].name);
		buf_str(b, m->attrs[i].value);
	}
}

/* Read the field F of a member value into M. */
static void
codec_member_field(struct codec_rd *r, const struct store_field *f,
    struct store_member *m)
{
	char				*p = (char *)m;
	char				*str;
	uint32_t			 u;
	int32_t				 i32;
	int64_t				 t;
	bool				 yes;
	enum store_member_status	 st;

	switch (f->slot) {
	case STORE_SLOT_STR:
		str = codec_rd_dup(r);
		memcpy(p + f->offset, &str, sizeof str);
		break;
	case STORE_SLOT_CHARS:
		codec_rd_fixed(r, p + f->offset, f->size);
		break;
	case STORE_SLOT_INT32:
		i32 = (int32_t)codec_rd_sv(r);
		memcpy(p + f->offset, &i32, sizeof i32);
		break;
	case STORE_SLOT_UINT32:
		u = (uint32_t)codec_rd_uv(r);
		memcpy(p + f->offset, &u, sizeof u);
		break;
	case STORE_SLOT_TIME:
		t = codec_rd_sv(r);
		memcpy(p + f->offset, &t, sizeof t);
		break;
	case STORE_SLOT_BOOL:
		yes = codec_rd_uv(r) != 0;
		memcpy(p + f->offset, &yes, sizeof yes);
		break;
	case STORE_SLOT_STATUS:
		st = (enum store_member_status)codec_rd_uv(r);
		memcpy(p + f->offset, &st, sizeof st);
		break;
	default:
		break;
	}
}

int
codec_member_dec(const MDB_val *v, const char *id, struct store_member *m)
{
	const struct store_field	*f;
	struct codec_rd			 r;
	uint64_t			 n, i;
	char				 key[STORE_ID_MAX + 1];

	snprintf(key, sizeof key, "%s", id);	/* ID may be m->id */
	memset(m, 0, sizeof *m);
	memcpy(m->id, key, sizeof m->id);
	codec_rd_init(&r, v);
	for (f = store_fields; f < store_fields + store_nfields; f++)
		if (f->tag != 0)
			codec_member_field(&r, f, m);
	n = codec_rd_uv(&r);
	if (n > (uint64_t)(r.end - r.p))
		r.bad = 1;
	if (!r.bad && n != 0) {
		m->attrs = xcalloc((size_t)n, sizeof *m->attrs);
		m->nattrs = (size_t)n;
		for (i = 0; i < n; i++) {
			m->attrs[i].name = codec_rd_dup(&r);
			m->attrs[i].value = codec_rd_dup(&r);
		}
	}
	if (r.bad) {
		store_member_free(m);
		return (STORE_IO);
	}
	return (STORE_OK);
}

/* What a list row shows of a member value: name, kana, e-mail and
 * status, read up to the status without decoding the rest. */
void
codec_member_row(const MDB_val *v, struct store_member_row *row)
{
	const struct store_field	*f;
	struct codec_rd			 r;
	const char			*s;
	size_t				 n;

	codec_rd_init(&r, v);
	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (f->tag == 0)
			continue;
		if (f->slot == STORE_SLOT_STATUS) {
			row->status = (enum store_member_status)codec_rd_uv(&r);
			return;
		}
		s = codec_rd_str(&r, &n);	/* every field before is text */
		if (f->offset == offsetof(struct store_member, name))
			codec_copy_text(row->name, sizeof row->name, s, n);
		else if (f->offset == offsetof(struct store_member, kana))
			codec_copy_text(row->kana, sizeof row->kana, s, n);
		else if (f->offset == offsetof(struct store_member, email))
			codec_copy_text(row->email, sizeof row->email, s, n);
	}
}

enum store_member_status
codec_member_status(const MDB_val *v)
{
	const struct store_field	*f;
	struct codec_rd			 r;
	size_t				 n;

	codec_rd_init(&r, v);
	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (f->tag == 0)
			continue;
		if (f->slot == STORE_SLOT_STATUS)
			return ((enum store_member_status)codec_rd_uv(&r));
		(void)codec_rd_str(&r, &n);	/* every field before is text */
	}
	return (STORE_MEMBER_ACTIVE);
}

void
codec_event_enc(struct buf *b, const struct store_event *e)
{
	buf_addc(b, CODEC_FORMAT);
	buf_str(b, e->name);
	buf_str(b, e->date);
	buf_str(b, e->venue);
	buf_sv(b, e->capacity);
	buf_str(b, e->notes);
	buf_uv(b, e->version);
	buf_sv(b, e->updated_at);
	buf_str(b, e->updated_by);
}

int
codec_event_dec(const MDB_val *v, const char *code, struct store_event *e)
{
	struct codec_rd	r;
	char		key[STORE_ID_MAX + 1];

	snprintf(key, sizeof key, "%s", code);	/* CODE may be e->code */
	memset(e, 0, sizeof *e);
	memcpy(e->code, key, sizeof e->code);
	codec_rd_init(&r, v);
	e->name = codec_rd_dup(&r);
	codec_rd_fixed(&r, e->date, sizeof e->date);
	e->venue = codec_rd_dup(&r);
	e->capacity = (int32_t)codec_rd_sv(&r);
	e->notes = codec_rd_dup(&r);
	e->version = (uint32_t)codec_rd_uv(&r);
	e->updated_at = codec_rd_sv(&r);
	codec_rd_fixed(&r, e->updated_by, sizeof e->updated_by);
	if (r.bad) {
		store_event_free(e);
		return (STORE_IO);
	}
	return (STORE_OK);
}

int
codec_event_date(const MDB_val *v, char date[STORE_DATE_SIZE])
{
	struct codec_rd	r;
	size_t		n;

	codec_rd_init(&r, v);
	(void)codec_rd_str(&r, &n);
	codec_rd_fixed(&r, date, STORE_DATE_SIZE);
	return (r.bad ? STORE_IO : STORE_OK);
}

void
codec_event_name(const MDB_val *v, char *dst, size_t size)
{
	struct codec_rd	 r;
	const char	*s;
	size_t		 n;

	codec_rd_init(&r, v);
	s = codec_rd_str(&r, &n);
	codec_copy_text(dst, size, s, n);
}

void
codec_att_enc(struct buf *b, const struct store_attendance *a)
{
	buf_addc(b, CODEC_FORMAT);
	buf_str(b, a->invited_on);
	buf_uv(b, (uint64_t)a->response);
	buf_uv(b, (uint64_t)a->final);
	buf_uv(b, a->walk_in ? 1 : 0);
	buf_sv(b, a->checked_in_at);
	buf_str(b, a->checked_in_by);
	buf_str(b, a->note);
	buf_uv(b, a->version);
	buf_sv(b, a->updated_at);
	buf_str(b, a->updated_by);
}

int
codec_att_peek(const MDB_val *v, struct att_peek *a)
{
	struct codec_rd	r;
	size_t		n;

	codec_rd_init(&r, v);
	(void)codec_rd_str(&r, &n);
	a->invited = n != 0;
	a->response = (int)codec_rd_uv(&r);
	a->final = (int)codec_rd_uv(&r);
	a->walk_in = codec_rd_uv(&r) != 0;
	return (r.bad ? STORE_IO : STORE_OK);
}

/* Decode into *A (event and member are the caller's); with NOTE false the
 * note is left NULL and nothing is allocated. */
int
codec_att_dec(const MDB_val *v, struct store_attendance *a, bool note)
{
	struct codec_rd	 r;
	const char	*s;
	size_t		 n;

	a->note = NULL;
	codec_rd_init(&r, v);
	codec_rd_fixed(&r, a->invited_on, sizeof a->invited_on);
	a->response = (enum store_response)codec_rd_uv(&r);
	a->final = (enum store_final)codec_rd_uv(&r);
	a->walk_in = codec_rd_uv(&r) != 0;
	a->checked_in_at = codec_rd_sv(&r);
	codec_rd_fixed(&r, a->checked_in_by, sizeof a->checked_in_by);
	s = codec_rd_str(&r, &n);
	a->version = (uint32_t)codec_rd_uv(&r);
	a->updated_at = codec_rd_sv(&r);
	codec_rd_fixed(&r, a->updated_by, sizeof a->updated_by);
	if (r.bad)
		return (STORE_IO);
	if (note)
		a->note = xstrndup(s, n);
	return (STORE_OK);
}

void
codec_agg_enc(struct buf *b, const struct agg *g)
{
	buf_addc(b, CODEC_FORMAT);
	buf_uv(b, g->s.attended);
	buf_uv(b, g->s.total);
	buf_uv(b, g->s.accepted);
	buf_uv(b, g->s.absent);
	buf_uv(b, g->s.no_show);
	buf_uv(b, g->s.cancelled);
	buf_str(b, g->s.last_date);
	buf_str(b, g->s.last_event);
	buf_sv(b, g->past_count);
	buf_str(b, g->past_last_date);
	buf_str(b, g->ev_date);
	buf_str(b, g->ev_code);
}

int
codec_agg_dec(const MDB_val *v, struct agg *g)
{
	struct codec_rd	r;

	memset(g, 0, sizeof *g);
	codec_rd_init(&r, v);
	g->s.attended = (uint32_t)codec_rd_uv(&r);
	g->s.total = (uint32_t)codec_rd_uv(&r);
	g->s.accepted = (uint32_t)codec_rd_uv(&r);
	g->s.absent = (uint32_t)codec_rd_uv(&r);
	g->s.no_show = (uint32_t)codec_rd_uv(&r);
	g->s.cancelled = (uint32_t)codec_rd_uv(&r);
	codec_rd_fixed(&r, g->s.last_date, sizeof g->s.last_date);
	codec_rd_fixed(&r, g->s.last_event, sizeof g->s.last_event);
	g->past_count = (int32_t)codec_rd_sv(&r);
	codec_rd_fixed(&r, g->past_last_date, sizeof g->past_last_date);
	codec_rd_fixed(&r, g->ev_date, sizeof g->ev_date);
	codec_rd_fixed(&r, g->ev_code, sizeof g->ev_code);
	return (r.bad ? STORE_IO : STORE_OK);
}
