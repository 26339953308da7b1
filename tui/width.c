/* width.c -- display columns of UTF-8 text: libunistring, ambiguous 1 or 2. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>
#include <uniwidth.h>

#include "tui/width.h"

static int	width_amb = 1;

void
width_init(void)
{
	const char	*v = getenv("SANKA_AMBIGUOUS");

	width_set_ambiguous(v != NULL && strcmp(v, "2") == 0 ? 2 : 1);
}

void
width_set_ambiguous(int w)
{
	width_amb = w == 2 ? 2 : 1;
}

int
width_ambiguous(void)
{
	return (width_amb);
}

int
width_uc(uint32_t uc)
{
	int	w;

	/* printable ASCII without the table: most cells of a list row */
	if (uc >= 0x20 && uc < 0x7f)
		return (1);
	/* "EUC-JP" makes libunistring count ambiguous characters as 2. */
	w = uc_width(uc, width_amb == 2 ? "EUC-JP" : "UTF-8");
	return (w < 0 ? 1 : w);
}

size_t
width_next(const char *s, size_t n, uint32_t *uc)
{
	ucs4_t	c;
	int	len;

	if (n > 0 && (unsigned char)s[0] < 0x80) {
		*uc = (unsigned char)s[0];
		return (1);
	}
	len = u8_mbtouc(&c, (const uint8_t *)s, n);
	if (len <= 0)
		len = 1;
	*uc = c;
	return ((size_t)len);
}

int
width_strn(const char *s, size_t n)
{
	size_t		i = 0;
	uint32_t	uc;
	int		cols = 0;

	while (i < n && s[i] != '\0') {
		i += width_next(s + i, n - i, &uc);
		cols += width_uc(uc);
	}
	return (cols);
}

size_t
width_wrap(const char *s, int cols)
{
	size_t		i = 0, n = strlen(s), len, brk = 0;
	uint32_t	uc;
	int		w = 0, cw;

	while (i < n) {
		len = width_next(s + i, n - i, &uc);
		cw = width_uc(uc);
		if (w + cw > cols && i > 0)
			break;
		w += cw;
		i += len;
		if (uc == ' ')
			brk = i;
	}
	/* Break after a space when one is in the second half of the line
	 * (English text); Japanese breaks anywhere. */
	if (i < n && brk > 0 && width_strn(s, brk) > cols / 2)
		return (brk);
	return (i);
}

int
width_str(const char *s)
{
	return (s == NULL ? 0 : width_strn(s, strlen(s)));
}

const char *
width_ellipsis(void)
{
	return (width_amb == 2 ? ".." : "\xe2\x80\xa6");
}

/* Append N bytes of P to OUT if they fit; returns 0 when they do not. */
static int
width_put(char *out, size_t outsz, size_t *o, const char *p, size_t n)
{
	if (*o + n + 1 > outsz)
		return (0);
	memcpy(out + *o, p, n);
	*o += n;
	out[*o] = '\0';
	return (1);
}

/* The bytes to write for code point UC at S (LEN bytes): controls and
 * invalid bytes are replaced.  Sets *P and returns the byte count. */
static size_t
width_shown(const char *s, size_t len, uint32_t uc, const char **p)
{
	if (uc == '\t' || uc == '\n' || uc == '\r') {
		*p = " ";
		return (1);
	}
	if (uc < 0x20 || (uc >= 0x7f && uc < 0xa0) || uc == 0xfffd) {
		*p = "?";
		return (1);
	}
	*p = s;
	return (len);
}

int
width_fit(char *out, size_t outsz, const char *s, int cols, unsigned flags)
{
	const char	*ell = width_ellipsis(), *p;
	size_t		 i = 0, n, o = 0, len, plen, cut_o = 0;
	uint32_t	 uc;
	int		 used = 0, w, ew, cut_used = -1;
	bool		 over = false;

	if (outsz == 0)
		return (0);
	out[0] = '\0';
	if (s == NULL)
		s = "";
	if (cols < 0)
		cols = 0;
	n = strlen(s);
	ew = width_str(ell);
	/* One pass: fit COLS, noting where the text that fits COLS - EW
	 * ends, the cut when an ellipsis is wanted. */
	while (i < n) {
		len = width_next(s + i, n - i, &uc);
		w = width_uc(uc);
		if (cut_used < 0 && used + w > cols - ew) {
			cut_o = o;
			cut_used = used;
		}
		if ((over = used + w > cols))
			break;
		plen = width_shown(s + i, len, uc, &p);
		if (!width_put(out, outsz, &o, p, plen))
			break;
		used += w;
		i += len;
	}
	/* out of room in OUT: whether the text is wider than COLS */
	if (!over && i < n)
		over = used + width_strn(s + i, n - i) > cols;
	if (over && (flags & WIDTH_ELLIPSIS) && cols >= ew) {
		if (cut_used >= 0) {
			o = cut_o;
			used = cut_used;
			out[o] = '\0';
		}
		if (width_put(out, outsz, &o, ell, strlen(ell)))
			used += ew;
	}
	if (flags & WIDTH_PAD) {
		while (used < cols && width_put(out, outsz, &o, " ", 1))
			used++;
	}
	return (used);
}
