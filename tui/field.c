/* field.c -- editing a one-line UTF-8 text field by characters and columns. */
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "tui/field.h"
#include "tui/width.h"
#include "store/xmalloc.h"

void
field_init(struct field *f)
{
	memset(f, 0, sizeof *f);
	f->cap = 16;
	f->buf = xcalloc(1, f->cap);
}

void
field_free(struct field *f)
{
	free(f->buf);
	memset(f, 0, sizeof *f);
}

static void
field_reserve(struct field *f, size_t n)
{
	if (n + 1 <= f->cap)
		return;
	while (f->cap < n + 1)
		f->cap *= 2;
	f->buf = xreallocarray(f->buf, f->cap, 1);
}

void
field_set(struct field *f, const char *s)
{
	size_t	n = s != NULL ? strlen(s) : 0;

	field_reserve(f, n);
	if (n > 0)
		memcpy(f->buf, s, n);
	f->buf[n] = '\0';
	f->len = f->cur = n;
}

const char *
field_text(const struct field *f)
{
	return (f->buf);
}

void
field_insert_str(struct field *f, const char *s)
{
	size_t	n = strlen(s);

	field_reserve(f, f->len + n);
	memmove(f->buf + f->cur + n, f->buf + f->cur, f->len - f->cur + 1);
	memcpy(f->buf + f->cur, s, n);
	f->len += n;
	f->cur += n;
}

void
field_insert(struct field *f, uint32_t uc)
{
	uint8_t	u[8];
	int	n;

	n = u8_uctomb(u, uc, 6);
	if (n <= 0)
		return;
	u[n] = '\0';
	field_insert_str(f, (const char *)u);
}

/* Byte offset of the character before offset AT. */
static size_t
field_prev_char(const struct field *f, size_t at)
{
	ucs4_t		 uc;
	const uint8_t	*p;

	if (at == 0)
		return (0);
	p = u8_prev(&uc, (const uint8_t *)f->buf + at,
	    (const uint8_t *)f->buf);
	if (p == NULL)
		return (at - 1);
	return ((size_t)((const char *)p - f->buf));
}

static size_t
field_next_char(const struct field *f, size_t at)
{
	uint32_t	uc;

	if (at >= f->len)
		return (f->len);
	return (at + width_next(f->buf + at, f->len - at, &uc));
}

static int
field_is_mark(const struct field *f, size_t at)
{
	uint32_t	uc;

	if (at >= f->len)
		return (0);
	width_next(f->buf + at, f->len - at, &uc);
	return (width_uc(uc) == 0);
}

void
field_left(struct field *f)
{
	/* Back over combining marks to their base character. */
	do
		f->cur = field_prev_char(f, f->cur);
	while (f->cur > 0 && field_is_mark(f, f->cur));
}

void
field_right(struct field *f)
{
	f->cur = field_next_char(f, f->cur);
	while (f->cur < f->len && field_is_mark(f, f->cur))
		f->cur = field_next_char(f, f->cur);
}

void
field_home(struct field *f)
{
	f->cur = 0;
}

void
field_end(struct field *f)
{
	f->cur = f->len;
}

static void
field_cut(struct field *f, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(f->buf + from, f->buf + to, f->len - to + 1);
	f->len -= to - from;
	if (f->cur >= to)
		f->cur -= to - from;
	else if (f->cur > from)
		f->cur = from;
}

void
field_backspace(struct field *f)
{
	field_cut(f, field_prev_char(f, f->cur), f->cur);
}

void
field_delete(struct field *f)
{
	size_t	end = field_next_char(f, f->cur);

	while (end < f->len && field_is_mark(f, end))
		end = field_next_char(f, end);
	field_cut(f, f->cur, end);
}

void
field_kill_line(struct field *f)
{
	field_cut(f, 0, f->len);
}

void
field_kill_end(struct field *f)
{
	field_cut(f, f->cur, f->len);
}

static int
field_is_space(const struct field *f, size_t at)
{
	/* ASCII space or U+3000 (E3 80 80). */
	return (f->buf[at] == ' ' || (at + 2 < f->len + 1 &&
	    memcmp(f->buf + at, "\xe3\x80\x80", 3) == 0));
}

void
field_kill_word(struct field *f)
{
	size_t	from = f->cur, p;

	while (from > 0 && field_is_space(f, p = field_prev_char(f, from)))
		from = p;
	while (from > 0 && !field_is_space(f, p = field_prev_char(f, from)))
		from = p;
	field_cut(f, from, f->cur);
}

void
field_view(const struct field *f, int cols, char *out, size_t outsz,
    int *curcol)
{
	size_t	 start = 0;
	int	 col;

	if (cols < 1)
		cols = 1;
	/* Leave a column for the cursor after the last character. */
	col = width_strn(f->buf, f->cur);
	while (col > cols - 1 && start < f->cur) {
		size_t	next = field_next_char(f, start);

		col -= width_strn(f->buf + start, next - start);
		start = next;
	}
	width_fit(out, outsz, f->buf + start, cols, WIDTH_PAD);
	*curcol = col;
}
