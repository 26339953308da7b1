/* text.c -- text rules: search folding, key folding, field validation,
 * dates and today. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "store/store-int.h"

/* Variant kanji folded to their common form. */
static inline ucs4_t
text_variant(ucs4_t c)
{
	switch (c) {
	case 0x9AD9: return (0x9AD8);	/* 髙 -> 高 */
	case 0xFA11: return (0x5D0E);	/* 﨑 -> 崎 */
	case 0x908A: return (0x8FBA);	/* 邊 -> 辺 */
	case 0x9089: return (0x8FBA);	/* 邉 -> 辺 */
	case 0x9F4B: return (0x658E);	/* 齋 -> 斎 */
	case 0x9F4A: return (0x658E);	/* 齊 -> 斎 */
	case 0x6589: return (0x658E);	/* 斉 -> 斎 */
	case 0x6FF1: return (0x6D5C);	/* 濱 -> 浜 */
	case 0x6FF5: return (0x6D5C);	/* 濵 -> 浜 */
	case 0x6FA4: return (0x6CA2);	/* 澤 -> 沢 */
	case 0x6AFB: return (0x685C);	/* 櫻 -> 桜 */
	case 0x5EE3: return (0x5E83);	/* 廣 -> 広 */
	case 0x570B: return (0x56FD);	/* 國 -> 国 */
	case 0x5D8B: return (0x5CF6);	/* 嶋 -> 島 */
	case 0x5D8C: return (0x5CF6);	/* 嶌 -> 島 */
	case 0x51A8: return (0x5BCC);	/* 冨 -> 富 */
	case 0x60E0: return (0x6075);	/* 惠 -> 恵 */
	case 0x5FB7: return (0x5FB3);	/* 德 -> 徳 */
	}
	return (c);
}

/* Fold one character of NFKC- and case-folded text; 0 drops it. */
static inline ucs4_t
text_fold_char(ucs4_t c)
{
	if (c <= 0x20 || c == 0x7f || c == 0x3000 || c == 0x00a0 ||
	    (c >= 0x2000 && c <= 0x200b) || c == 0x202f || c == 0x205f ||
	    c == 0xfeff)
		return (0);
	if (c >= 0x30a1 && c <= 0x30f6)		/* katakana -> hiragana */
		return (c - 0x60);
	switch (c) {
	case 0x301c: case 0xff5e: case 0x223c: case 0x2053:
		return ('~');			/* wave dash family */
	case 0x2212: case 0xff0d: case 0x2010: case 0x2011: case 0x2012:
	case 0x2013: case 0x2014: case 0x2015: case 0xfe63: case 0xfe58:
		return ('-');			/* minus and dash family */
	}
	return (text_variant(c));
}

/* True when C is unchanged by NFKC and case folding in any context. */
static bool
text_fast_char(ucs4_t c)
{
	return ((c >= 0x20 && c < 0x7f) || c == 0x3000 || c == 0x3005 ||
	    (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) ||
	    c == 0x30fc || (c >= 0x4e00 && c <= 0x9fff));
}

/* Decode the UTF-8 character at P (before END) into *C: its length, or 0
 * when the bytes are not valid UTF-8. */
static inline int
text_dec(const uint8_t *p, const uint8_t *end, ucs4_t *c)
{
	size_t	left = (size_t)(end - p);

	if (p[0] < 0x80) {
		*c = p[0];
		return (1);
	}
	if (p[0] < 0xc2)
		return (0);
	if (p[0] < 0xe0) {
		if (left < 2 || (p[1] & 0xc0) != 0x80)
			return (0);
		*c = (ucs4_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
		return (2);
	}
	if (p[0] < 0xf0) {
		if (left < 3 || (p[1] & 0xc0) != 0x80 ||
		    (p[2] & 0xc0) != 0x80)
			return (0);
		*c = (ucs4_t)(p[0] & 0x0f) << 12 | (ucs4_t)(p[1] & 0x3f) << 6 |
		    (p[2] & 0x3f);
		if (*c < 0x800 || (*c >= 0xd800 && *c <= 0xdfff))
			return (0);
		return (3);
	}
	if (p[0] < 0xf5) {
		if (left < 4 || (p[1] & 0xc0) != 0x80 ||
		    (p[2] & 0xc0) != 0x80 || (p[3] & 0xc0) != 0x80)
			return (0);
		*c = (ucs4_t)(p[0] & 0x07) << 18 | (ucs4_t)(p[1] & 0x3f) << 12 |
		    (ucs4_t)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
		if (*c < 0x10000 || *c > 0x10ffff)
			return (0);
		return (4);
	}
	return (0);
}

/* Encode C at P (room for 4 bytes); its length. */
static inline size_t
text_put(uint8_t *p, ucs4_t c)
{
	if (c < 0x80) {
		p[0] = (uint8_t)c;
		return (1);
	}
	if (c < 0x800) {
		p[0] = (uint8_t)(0xc0 | c >> 6);
		p[1] = (uint8_t)(0x80 | (c & 0x3f));
		return (2);
	}
	if (c < 0x10000) {
		p[0] = (uint8_t)(0xe0 | c >> 12);
		p[1] = (uint8_t)(0x80 | (c >> 6 & 0x3f));
		p[2] = (uint8_t)(0x80 | (c & 0x3f));
		return (3);
	}
	p[0] = (uint8_t)(0xf0 | c >> 18);
	p[1] = (uint8_t)(0x80 | (c >> 12 & 0x3f));
	p[2] = (uint8_t)(0x80 | (c >> 6 & 0x3f));
	p[3] = (uint8_t)(0x80 | (c & 0x3f));
	return (4);
}

static inline void
text_enc(struct buf *b, ucs4_t c)
{
	buf_reserve(b, 4);
	b->len += text_put(b->p + b->len, c);
}

/* Append the fold of N bytes at S to OUT (store_fold).  -1 when S is not
 * valid UTF-8 (OUT unchanged).  When CUTS is not NULL and the text folds
 * character by character, the length of the fold before each space
 * (U+0020, U+3000) of S goes to CUTS (up to MAXCUTS) and 0 is returned;
 * else 1. */
static int
text_fold_run(struct buf *out, const char *s, size_t n, size_t *cuts,
    size_t maxcuts, size_t *ncuts)
{
	const uint8_t	*u = (const uint8_t *)s, *p, *end = u + n;
	uint8_t		*nf;
	size_t		 start = out->len, len;
	ucs4_t		 c;
	int		 k, rc = 0;

	/* the common case: kana, kanji and ASCII need no normalisation (a
	 * fast character never folds longer) */
	buf_reserve(out, n + 4);
	for (p = u; p < end; p += k) {
		/* kana (U+3000..U+30FF) and kanji (U+4E00..U+9FFF), whole */
		if (*p >= 0xE3 && *p <= 0xE9 && end - p >= 3 &&
		    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
			k = 3;
			c = (ucs4_t)(p[0] & 0x0f) << 12 |
			    (ucs4_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
			if ((c >= 0x3041 && c <= 0x3096) || c == 0x30fc ||
			    (c >= 0x30f7 && c <= 0x30fa) || c == 0x3005 ||
			    (c >= 0x4e00 && c <= 0x9fff && text_variant(c) == c)) {
				memcpy(out->p + out->len, p, 3);
				out->len += 3;
				continue;
			}
			if (c >= 0x30a1 && c <= 0x30f6) {
				out->len += text_put(out->p + out->len,
				    c - 0x60);
				continue;
			}
			if (c == 0x3000) {
				if (cuts != NULL && *ncuts < maxcuts)
					cuts[(*ncuts)++] = out->len - start;
				else
					rc = 1;
				continue;
			}
		}
		if (*p < 0x80) {
			k = 1;
			c = *p;
			if (c < 0x20 || c == 0x7f)
				goto slow;
			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			if (c != ' ')
				out->p[out->len++] = (uint8_t)c;
			else if (cuts != NULL && *ncuts < maxcuts)
				cuts[(*ncuts)++] = out->len - start;
			else
				rc = 1;
			continue;
		}
		if ((k = text_dec(p, end, &c)) == 0) {
			out->len = start;
			return (-1);
		}
		if (!text_fast_char(c))
			goto slow;
		if ((c = text_fold_char(c)) != 0)
			out->len += text_put(out->p + out->len, c);
	}
	return (cuts != NULL ? rc : 0);
slow:
	out->len = start;
	if (u8_check(u, n) != NULL)
		return (-1);
	if ((nf = u8_casefold(u, n, NULL, UNINORM_NFKC, NULL, &len)) == NULL)
		return (-1);
	for (p = nf, end = nf + len; p < end; p += k) {
		if ((k = text_dec(p, end, &c)) == 0)
			break;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if ((c = text_fold_char(c)) != 0)
			text_enc(out, c);
	}
	free(nf);
	return (cuts != NULL ? 1 : 0);
}

int
text_fold_append(struct buf *out, const char *s, size_t n)
{
	return (text_fold_run(out, s, n, NULL, 0, NULL));
}

int
text_fold_cut(struct buf *out, const char *s, size_t n, size_t *cuts,
    size_t maxcuts, size_t *ncuts)
{
	*ncuts = 0;
	return (text_fold_run(out, s, n, cuts, maxcuts, ncuts));
}

/* Fold N bytes at S (store_fold).  NULL when S is not valid UTF-8. */
char *
text_fold_n(const char *s, size_t n, size_t *outlen)
{
	struct buf	b;

	buf_init(&b);
	if (text_fold_append(&b, s, n) != 0) {
		buf_free(&b);
		return (NULL);
	}
	buf_addc(&b, '\0');
	if (outlen != NULL)
		*outlen = b.len - 1;
	return ((char *)b.p);
}

char *
store_fold(const char *s)
{
	if (s == NULL)
		s = "";
	return (text_fold_n(s, strlen(s), NULL));
}

bool
text_is_valid(const char *s)
{
	return (s == NULL || u8_check((const uint8_t *)s, strlen(s)) == NULL);
}

static bool
text_is_control(ucs4_t c)
{
	return (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
	    c == 0x2028 || c == 0x2029);
}

static int
text_fail(struct store_error *err, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
text_fail(struct store_error *err, const char *field, const char *fmt, ...)
{
	va_list	ap;

	if (err == NULL)
		return (STORE_INVALID);
	err->rc = STORE_INVALID;
	snprintf(err->field, sizeof err->field, "%s", field);
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return (STORE_INVALID);
}

/* The fold of store_key_fold; LOOKUP lets format characters through, to
 * find a key stored before they were refused. */
static int
text_key_fold(const char *in, char out[STORE_ID_MAX + 1], const char *field,
    struct store_error *err, bool lookup)
{
	const uint8_t	*u, *p, *end;
	uint8_t		*nf = NULL;
	size_t		 n, len, pos;
	ucs4_t		 c;
	bool		 ascii = true;
	int		 k;

	out[0] = '\0';
	if (field == NULL)
		field = "id";
	if (in == NULL)
		in = "";
	u = (const uint8_t *)in;
	/* the common case: printable ASCII, nothing to fold or trim */
	for (n = 0; u[n] > 0x20 && u[n] < 0x7f; n++)
		;
	if (u[n] == '\0' && n > 0 && n <= STORE_ID_MAX) {
		memcpy(out, in, n + 1);
		return (STORE_OK);
	}
	n = strlen(in);
	if (u8_check(u, n) != NULL)
		return (text_fail(err, field, _("%s is not valid UTF-8"),
		    field));
	for (p = u; p < u + n; p++) {
		if (*p >= 0x80) {
			ascii = false;
			break;
		}
	}
	if (!ascii) {
		if ((nf = u8_normalize(UNINORM_NFKC, u, n, NULL, &len)) == NULL)
			return (text_fail(err, field,
			    _("%s is not valid UTF-8"), field));
		u = nf;
		n = len;
	}
	while (n > 0 && (*u == ' ' || *u == '\t')) {
		u++;
		n--;
	}
	while (n > 0 && (u[n - 1] == ' ' || u[n - 1] == '\t'))
		n--;
	if (n == 0) {
		free(nf);
		return (text_fail(err, field, _("%s is empty"), field));
	}
	for (p = u, end = u + n, pos = 1; p < end; p += k, pos++) {
		k = u8_mbtouc_unsafe(&c, p, end - p);
		if (text_is_control(c)) {
			free(nf);
			return (text_fail(err, field, _("%s contains a "
			    "control character U+%04X at character %zu"),
			    field, (unsigned)c, pos));
		}
		/* zero-width and direction marks make look-alike keys */
		if (!lookup && uc_is_general_category(c, UC_CATEGORY_Cf)) {
			free(nf);
			return (text_fail(err, field, _("%s contains an "
			    "invisible character U+%04X at character %zu"),
			    field, (unsigned)c, pos));
		}
		/* a stray space typed at the door would name another key */
		if (c == ' ') {
			free(nf);
			return (text_fail(err, field,
			    _("%s contains a space"), field));
		}
	}
	if (n > STORE_ID_MAX) {
		free(nf);
		return (text_fail(err, field,
		    _("%s is longer than %d bytes"), field, STORE_ID_MAX));
	}
	memcpy(out, u, n);
	out[n] = '\0';
	free(nf);
	return (STORE_OK);
}

int
store_key_fold(const char *in, char out[STORE_ID_MAX + 1], const char *field,
    struct store_error *err)
{
	return (text_key_fold(in, out, field, err, false));
}

int
store_key_lookup(const char *in, char out[STORE_ID_MAX + 1],
    const char *field, struct store_error *err)
{
	return (text_key_fold(in, out, field, err, true));
}

/* Cut spaces, tabs and ideographic spaces off both ends of S[0..*N). */
static const char *
text_trim(const char *s, size_t *n)
{
	for (;;) {
		if (*n >= 1 && (s[0] == ' ' || s[0] == '\t')) {
			s++;
			(*n)--;
		} else if (*n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
			s += 3;
			*n -= 3;
		} else
			break;
	}
	for (;;) {
		if (*n >= 1 && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
			(*n)--;
		else if (*n >= 3 && memcmp(s + *n - 3, "\xE3\x80\x80", 3) == 0)
			*n -= 3;
		else
			break;
	}
	return (s);
}

int
text_value(struct store *st, const char *field, const char *in,
    const struct text_rule *rule, char **out)
{
	const char	*v;
	char		*nf = NULL;
	size_t		 n;
	long		 k;
	int		 rc;

	*out = NULL;
	n = in == NULL ? 0 : strlen(in);
	v = text_trim(in == NULL ? "" : in, &n);
	if (u8_check((const uint8_t *)v, n) != NULL)
		return (text_fail(&st->err, field, _("%s is not valid UTF-8"),
		    field));
	if (rule->nfkc && n > 0) {
		nf = xmalloc(rule->limit + 1);
		if ((k = store_nfkc(v, n, nf, rule->limit + 1)) == -2)
			goto toolong;
		if (k < 0) {
			free(nf);
			return (text_fail(&st->err, field,
			    _("%s is not valid UTF-8"), field));
		}
		n = (size_t)k;
		v = text_trim(nf, &n);
	}
	if (n > rule->limit)
		goto toolong;
	nf = nf == NULL ? xstrndup(v, n) : memmove(nf, v, n);
	nf[n] = '\0';
	if (rule->multi)
		rc = text_norm_multi(st, field, nf, out);
	else if ((rc = text_check_line(st, field, nf)) == STORE_OK)
		*out = xstrdup(nf);
	free(nf);
	return (rc);
toolong:
	free(nf);
	return (text_fail(&st->err, field, _("%s is longer than %zu bytes "
	    "(sanka keeps at most that much, in every way a value arrives)"),
	    field, rule->limit));
}

/* A one-line field: valid UTF-8 without control characters. */
int
text_check_line(struct store *st, const char *field, const char *s)
{
	const uint8_t	*p, *end;
	ucs4_t		 c;
	int		 k;

	if (s == NULL)
		return (STORE_OK);
	p = (const uint8_t *)s;
	end = p + strlen(s);
	for (; p < end; p += k) {
		if (*p >= 0x20 && *p < 0x7f) {
			k = 1;
			/* printable ASCII 8 bytes a step */
			while (end - p >= 9) {
				uint64_t	w;

				memcpy(&w, p + 1, 8);
				if (((w | (w + 0x0101010101010101ULL) |
				    (w - 0x2020202020202020ULL)) &
				    0x8080808080808080ULL) != 0)
					break;
				p += 8;
			}
			continue;
		}
		/* U+3000..U+CFFF, U+E000..U+FFFF: kana, kanji, no control */
		if (((*p >= 0xE3 && *p <= 0xEC) || *p >= 0xEE) && *p <= 0xEF &&
		    end - p >= 3 && (p[1] & 0xC0) == 0x80 &&
		    (p[2] & 0xC0) == 0x80) {
			k = 3;
			continue;
		}
		if ((k = text_dec(p, end, &c)) == 0)
			return (text_fail(&st->err, field,
			    _("%s is not valid UTF-8"), field));
		if (text_is_control(c))
			return (text_fail(&st->err, field,
			    _("%s contains a control character (one line "
			    "only)"), field));
	}
	return (STORE_OK);
}

/* A multi-line field: CRLF and lone CR become LF; tabs and line feeds are
 * the only control characters kept.  *OUT is malloc'd. */
int
text_norm_multi(struct store *st, const char *field, const char *s,
    char **out)
{
	const uint8_t	*p, *end;
	struct buf	 b;
	ucs4_t		 c;
	int		 k;

	*out = NULL;
	if (s == NULL)
		s = "";
	p = (const uint8_t *)s;
	end = p + strlen(s);
	if (u8_check(p, end - p) != NULL)
		return (text_fail(&st->err, field, _("%s is not valid UTF-8"),
		    field));
	buf_init(&b);
	for (; p < end; p += k) {
		k = u8_mbtouc_unsafe(&c, p, end - p);
		if (c == '\r') {
			if (p + 1 < end && p[1] == '\n')
				continue;
			c = '\n';
		}
		if (c != '\n' && c != '\t' && text_is_control(c)) {
			buf_free(&b);
			return (text_fail(&st->err, field,
			    _("%s contains a control character"), field));
		}
		buf_add(&b, p, c == '\n' ? 0 : (size_t)k);
		if (c == '\n')
			buf_addc(&b, '\n');
	}
	buf_addc(&b, '\0');
	*out = (char *)b.p;
	return (STORE_OK);
}

bool
store_date_valid(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	i, y, m, d, max;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return (false);
	for (i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return (false);
	}
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return (false);
	max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return (d <= max);
}

/* A date field: "" or a real YYYY-MM-DD. */
int
text_date_field(struct store *st, const char *field, const char *s)
{
	if (s == NULL || *s == '\0' || store_date_valid(s))
		return (STORE_OK);
	if (!text_is_valid(s))
		return (text_fail(&st->err, field, _("%s is not valid UTF-8"),
		    field));
	return (text_fail(&st->err, field,
	    _("%s \"%.20s\" is not a date (YYYY-MM-DD)"), field, s));
}

void
store_today(char out[STORE_DATE_SIZE])
{
	const char	*s;
	struct tm	 tm;
	time_t		 t;

	if ((s = getenv("SANKA_TODAY")) != NULL && store_date_valid(s)) {
		memcpy(out, s, STORE_DATE_SIZE);
		return;
	}
	t = time(NULL);
	if (getenv("TZ") == NULL) {
		t += 9 * 3600;		/* Asia/Tokyo: no daylight saving */
		gmtime_r(&t, &tm);
	} else
		localtime_r(&t, &tm);
	if (strftime(out, STORE_DATE_SIZE, "%Y-%m-%d", &tm) == 0)
		out[0] = '\0';
}

/* Audit text: a line feed as \n, a backslash doubled. */
void
text_escape(struct buf *b, const char *s)
{
	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			buf_adds(b, "\\n");
		else if (*s == '\\')
			buf_adds(b, "\\\\");
		else
			buf_addc(b, *s);
	}
}
