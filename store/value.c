/* value.c -- parse and normalise the values people type or import: NFKC,
 * dates (the CSV forms of DESIGN.md), whole numbers, yes/no.  import/,
 * the command line, the forms and the filter all read values here. */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <uninorm.h>

#include "store/i18n.h"
#include "store/store.h"


/* What NFKC makes of C (not ASCII) when C is a character it maps alone,
 * whatever stands next to it: hiragana, full-width katakana and
 * the marks between them, CJK ideographs (themselves), the ideographic
 * space (a space), full-width ASCII (ASCII).  0 for anything else (the
 * combining marks among them), which takes the full normalisation. */
static uint32_t
value_nfkc_char(uint32_t c)
{
	if ((c >= 0x3041 && c <= 0x3096) ||
	    (c >= 0x30a1 && c <= 0x30fa) || c == 0x30fc || c == 0x30fb ||
	    c == 0x3001 || c == 0x3002 || c == 0x3005 ||
	    (c >= 0x4e00 && c <= 0x9fff))
		return (c);
	if (c == 0x3000)
		return (' ');
	if (c >= 0xff01 && c <= 0xff5e)
		return (c - 0xfee0);
	return (0);
}

/* The common case of store_nfkc: every character maps alone.  Returns the
 * length written, or -1 to take the full normalisation. */
static long
value_nfkc_fast(const unsigned char *s, size_t len, char *out, size_t size)
{
	size_t		i = 0, o = 0;
	uint32_t	c, m;

	while (i < len) {
		c = s[i];
		if (c < 0x80) {
			if (o + 1 >= size)
				return (-1);
			out[o++] = (char)c;
			i++;
			continue;
		}
		if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < len &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			c = (c & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 |
			    (s[i + 2] & 0x3F);
			i += 3;
		} else
			return (-1);
		if ((m = value_nfkc_char(c)) == 0)
			return (-1);
		/* never longer than what it maps */
		if (o + 3 >= size)
			return (-1);
		if (m < 0x80)
			out[o++] = (char)m;
		else {
			out[o++] = (char)(0xE0 | m >> 12);
			out[o++] = (char)(0x80 | (m >> 6 & 0x3F));
			out[o++] = (char)(0x80 | (m & 0x3F));
		}
	}
	out[o] = '\0';
	return ((long)o);
}

long
store_nfkc(const char *s, size_t len, char *out, size_t size)
{
	uint8_t	*r;
	size_t	 i, n;
	long	 k;

	if (size == 0)
		return (-2);
	for (i = 0; i < len && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == len) {
		if (len + 1 > size)
			return (-2);
		memcpy(out, s, len);
		out[len] = '\0';
		return ((long)len);
	}
	if ((k = value_nfkc_fast((const unsigned char *)s, len, out, size)) >= 0)
		return (k);
	n = size - 1;
	r = u8_normalize(UNINORM_NFKC, (const uint8_t *)s, len,
	    (uint8_t *)out, &n);
	if (r == NULL)
		return (-1);
	if (r != (uint8_t *)out) {
		free(r);
		return (-2);
	}
	out[n] = '\0';
	return ((long)n);
}


bool
store_digits(const char *s)
{
	if (*s == '\0')
		return (false);
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s))
			return (false);
	return (true);
}

/* --- dates ------------------------------------------------------------ */

static bool
value_leap(long y)
{
	return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

static int
value_mdays(long y, long m)
{
	static const int	days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };

	return (m == 2 && value_leap(y) ? 29 : days[m - 1]);
}

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long
value_days(long y, long m, long d)
{
	long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468);
}

static void
value_civil(long z, long *y, long *m, long *d)
{
	long	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* Read 1..MAX digits at *P. */
static bool
value_num(const char **p, int min, int max, long *out)
{
	const char	*s = *p;
	long		 v = 0;
	int		 n = 0;

	while (isdigit((unsigned char)*s) && n < max) {
		v = v * 10 + (*s++ - '0');
		n++;
	}
	if (n < min || isdigit((unsigned char)*s))
		return (false);
	*p = s;
	*out = v;
	return (true);
}

static bool
value_lit(const char **p, const char *lit)
{
	size_t	n = strlen(lit);

	if (strncmp(*p, lit, n) != 0)
		return (false);
	*p += n;
	return (true);
}

static void
value_spaces(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

struct value_era {
	const char	*name;
	char		 letter;
	long		 base;		/* year 1 of the era - 1 */
	const char	*from, *to;	/* first and last day */
};

static const struct value_era value_eras[] = {
	{ "令和", 'r', 2018, "2019-05-01", "9999-12-31" },
	{ "平成", 'h', 1988, "1989-01-08", "2019-04-30" },
	{ "昭和", 's', 1925, "1926-12-25", "1989-01-07" },
};

static const char *const value_wday_ja[] = { "日", "月", "火", "水", "木", "金",
    "土" };
static const char *const value_wday_en[] = { "sun", "mon", "tue", "wed", "thu",
    "fri", "sat" };

/* An optional weekday in parentheses: "(金)", "(金曜日)", "(Fri)".  -1: no
 * weekday, -2: malformed, else 0..6. */
static int
value_weekday(const char **p)
{
	const char	*s = *p;
	int		 i, w = -1;

	if (*s != '(')
		return (-1);
	s++;
	for (i = 0; i < 7 && w < 0; i++) {
		if (value_lit(&s, value_wday_ja[i])) {
			w = i;
			if (value_lit(&s, "曜"))
				(void)value_lit(&s, "日");
		} else if (strncasecmp(s, value_wday_en[i], 3) == 0) {
			w = i;
			s += 3;
		}
	}
	if (w < 0 || *s != ')')
		return (-2);
	*p = s + 1;
	return (w);
}

/* "H:MM[:SS[.fff]]" and an optional zone; *zone set when one was given. */
static bool
value_time(const char **p, long *secs, bool *zone, long *zoff)
{
	const char	*s = *p;
	long		 h, mi, sec = 0, zh, zm = 0;

	*zone = false;
	*zoff = 0;
	if (!value_num(&s, 1, 2, &h) || *s++ != ':' || !value_num(&s, 2, 2, &mi))
		return (false);
	if (*s == ':') {
		s++;
		if (!value_num(&s, 2, 2, &sec))
			return (false);
		if (*s == '.') {
			s++;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	if (h > 24 || mi > 59 || sec > 60)
		return (false);
	if (*s == 'Z' || *s == 'z') {
		*zone = true;
		s++;
	} else if (*s == '+' || *s == '-') {
		int	sign = *s++ == '-' ? -1 : 1;

		if (!value_num(&s, 2, 2, &zh))
			return (false);
		if (*s == ':')
			s++;
		if (isdigit((unsigned char)*s) && !value_num(&s, 2, 2, &zm))
			return (false);
		if (zh > 14 || zm > 59)
			return (false);
		*zone = true;
		*zoff = sign * (zh * 3600 + zm * 60);
	}
	*secs = h * 3600 + mi * 60 + sec;
	*p = s;
	return (true);
}

/* The local date of a UTC instant: $TZ, or Asia/Tokyo when TZ is unset. */
static void
value_local(long long utc, long *y, long *m, long *d)
{
	struct tm	tm;
	time_t		t;

	if (getenv("TZ") == NULL) {
		long long	local = utc + 9 * 3600;
		long		days = (long)(local >= 0 ? local / 86400 :
				    -((-local + 86399) / 86400));

		value_civil(days, y, m, d);
		return;
	}
	t = (time_t)utc;
	tzset();	/* localtime_r need not notice a changed TZ */
	localtime_r(&t, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

int
store_date_parse(const char *in, char out[STORE_DATE_SIZE], char *why,
    size_t whysize)
{
	char			 b[128], iso[64];
	const char		*p;
	const struct value_era	*era = NULL;
	long			 y, m, d, secs = 0, zoff;
	int			 w;
	bool			 ja, zone = false;
	char			 sep = 0;
	size_t			 i;

	/* the common case: already YYYY-MM-DD */
	if (strlen(in) == 10 && in[4] == '-' && in[7] == '-') {
		for (i = 0; i < 10 && (i == 4 || i == 7 ||
		    isdigit((unsigned char)in[i])); i++)
			;
		y = (in[0] - '0') * 1000 + (in[1] - '0') * 100 +
		    (in[2] - '0') * 10 + (in[3] - '0');
		m = (in[5] - '0') * 10 + (in[6] - '0');
		d = (in[8] - '0') * 10 + (in[9] - '0');
		if (i == 10 && y >= 1000 && m >= 1 && m <= 12 && d >= 1 &&
		    d <= value_mdays(y, m)) {
			memcpy(out, in, 10);
			out[10] = '\0';
			return (0);
		}
	}
	if (store_nfkc(in, strlen(in), b, sizeof b) < 0)
		goto bad;
	p = b;
	value_spaces(&p);
	for (i = 0; i < sizeof value_eras / sizeof value_eras[0]; i++) {
		const char	*q = p;

		if (value_lit(&q, value_eras[i].name)) {
			era = &value_eras[i];
			p = q;
			break;
		}
		/* R8.2.20, H31/4/30 */
		if (tolower((unsigned char)*q) == value_eras[i].letter &&
		    (isdigit((unsigned char)q[1]) ||
		    strncmp(q + 1, "元", 3) == 0)) {
			era = &value_eras[i];
			p = q + 1;
			break;
		}
	}
	if (era != NULL) {
		value_spaces(&p);
		if (value_lit(&p, "元"))
			y = 1;
		else if (!value_num(&p, 1, 2, &y) || y == 0)
			goto bad;
		y += era->base;
	} else if (!value_num(&p, 4, 4, &y)) {
		if (store_digits(b) && strlen(b) == 5)
			goto serial;
		goto bad;
	}
	ja = value_lit(&p, "年");
	if (!ja) {
		if (*p != '-' && *p != '/' && *p != '.')
			goto bad;
		sep = *p++;
	}
	if (!value_num(&p, 1, 2, &m))
		goto bad;
	if (ja ? !value_lit(&p, "月") : *p++ != sep)
		goto bad;
	if (!value_num(&p, 1, 2, &d))
		goto bad;
	if (ja && !value_lit(&p, "日"))
		goto bad;
	if (m < 1 || m > 12 || d < 1 || d > value_mdays(y, m) || y < 1000 ||
	    y > 9999)
		goto bad;
	value_spaces(&p);
	if ((w = value_weekday(&p)) == -2)
		goto bad;
	if (w >= 0 && ((value_days(y, m, d) % 7 + 11) % 7) != w) {
		snprintf(why, whysize, _("\"%s\" is not a date: %04ld-%02ld-%02ld "
		    "is not a %s"), in, y, m, d, value_wday_ja[w]);
		return (-1);
	}
	value_spaces(&p);
	if (*p == 'T' || *p == 't')
		p++;
	if (*p != '\0' && !value_time(&p, &secs, &zone, &zoff))
		goto bad;
	value_spaces(&p);
	if (*p != '\0')
		goto bad;
	snprintf(iso, sizeof iso, "%04ld-%02ld-%02ld", y, m, d);
	if (era != NULL && (strcmp(iso, era->from) < 0 ||
	    strcmp(iso, era->to) > 0)) {
		snprintf(why, whysize, _("\"%s\" is not a date: %s runs from "
		    "%s to %s"), in, era->name, era->from, era->to);
		return (-1);
	}
	if (zone) {
		long long	utc = (long long)value_days(y, m, d) * 86400 + secs -
				    zoff;

		value_local(utc, &y, &m, &d);
		if (y < 1000 || y > 9999)
			goto bad;
		snprintf(iso, sizeof iso, "%04ld-%02ld-%02ld", y, m, d);
	}
	memcpy(out, iso, STORE_DATE_SIZE - 1);
	out[STORE_DATE_SIZE - 1] = '\0';
	return (0);
serial:
	snprintf(why, whysize, _("\"%s\" is not a date (an Excel serial "
	    "number? format the column as a date before saving)"), in);
	return (-1);
bad:
	snprintf(why, whysize, _("\"%s\" is not a date"), in);
	return (-1);
}

/* --- numbers and booleans --------------------------------------------- */

int
store_int_parse(const char *in, long min, long max, long *out, char *why,
    size_t whysize)
{
	char		 b[128], digits[64];
	const char	*p;
	size_t		 n, o = 0, group = 0;
	long		 v = 0;
	bool		 comma = false;

	if (store_nfkc(in, strlen(in), b, sizeof b) < 0)
		goto bad;
	n = strlen(b);
	while (n > 0 && b[n - 1] == ' ')
		b[--n] = '\0';
	/* A unit: 3回, 50人, 30名. */
	if (n > 3 && (strcmp(b + n - 3, "回") == 0 ||
	    strcmp(b + n - 3, "人") == 0 || strcmp(b + n - 3, "名") == 0))
		b[n -= 3] = '\0';
	for (p = b; *p != '\0'; p++) {
		if (isdigit((unsigned char)*p)) {
			if (o + 1 >= sizeof digits)
				goto range;
			digits[o++] = *p;
			group++;
		} else if (*p == ',' && o > 0 && (comma ? group == 3 :
		    group <= 3)) {
			comma = true;
			group = 0;
		} else
			goto bad;
	}
	if (o == 0 || (comma && group != 3))
		goto bad;
	digits[o] = '\0';
	for (p = digits; *p != '\0'; p++) {
		v = v * 10 + (*p - '0');
		if (v > max)
			goto range;
	}
	if (v < min)
		goto range;
	*out = v;
	return (0);
range:
	snprintf(why, whysize, _("\"%s\" is out of range (%ld to %ld)"), in,
	    min, max);
	return (-1);
bad:
	snprintf(why, whysize, _("\"%s\" is not a number"), in);
	return (-1);
}

int
store_bool_parse(const char *in, bool *out)
{
	static const char *const yes[] = { "1", "true", "yes", "y", "on",
	    "はい", "○", "〇", "✓", "✔", "する", "あり", "有", "停止",
	    "配信停止", NULL };
	static const char *const no[] = { "", "0", "false", "no", "n", "off",
	    "いいえ", "×", "✕", "しない", "なし", "無", "-", NULL };
	char	 b[64];
	size_t	 i;

	if (store_nfkc(in, strlen(in), b, sizeof b) < 0)
		return (-1);
	for (i = 0; b[i] != '\0'; i++)
		b[i] = (char)tolower((unsigned char)b[i]);
	for (i = 0; yes[i] != NULL; i++)
		if (strcmp(b, yes[i]) == 0) {
			*out = true;
			return (0);
		}
	for (i = 0; no[i] != NULL; i++)
		if (strcmp(b, no[i]) == 0) {
			*out = false;
			return (0);
		}
	return (-1);
}
