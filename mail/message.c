/* message.c -- the mail template (headers, blank line, body) and the bytes
 * of one message: RFC 2047 encoded headers, Date, Message-ID, a UTF-8
 * body. */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "mail/mail.h"
#include "store/i18n.h"
#include "store/xmalloc.h"

#define WORD_RAW	42	/* bytes of text per encoded word: 68 columns */
#define BODY_LINE_MAX	998	/* longer lines need base64 (RFC 5322 2.1.1) */

/* The headers a template may set. */
enum mt_header { MT_SUBJECT, MT_FROM, MT_REPLY_TO, MT_NHEADERS };
static const char *const mt_names[MT_NHEADERS] = {
	"Subject", "From", "Reply-To",
};

struct mail_template {
	struct print_template *subject, *body;
	char		*subject_text;	/* as written */
	char		*from_name, *from_addr;		/* the From: header */
	char		*reply_name, *reply_addr;	/* NULL: none */
};

/* A growable string. */
struct sbuf {
	char		*p;
	size_t		 len, cap;
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
sb_adds(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void
sb_base64(struct sbuf *b, const unsigned char *s, size_t n)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char	 q[4];
	size_t	 i;

	for (i = 0; i < n; i += 3) {
		unsigned v = s[i] << 16 | (i + 1 < n ? s[i + 1] << 8 : 0) |
		    (i + 2 < n ? s[i + 2] : 0);

		q[0] = tab[v >> 18 & 63];
		q[1] = tab[v >> 12 & 63];
		q[2] = i + 1 < n ? tab[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? tab[v & 63] : '=';
		sb_add(b, q, 4);
	}
}

char *
mail_header_encode(const char *name, const char *text)
{
	struct sbuf	 b = { NULL, 0, 0 };
	const unsigned char *s = (const unsigned char *)text;
	size_t		 n = strlen(text), i, k;
	bool		 plain = strlen(name) + 2 + n <= 78 &&
			    strstr(text, "=?") == NULL;

	for (i = 0; i < n && plain; i++)
		plain = s[i] >= 0x20 && s[i] < 0x7f;
	if (plain) {
		sb_add(&b, text, n);
		return (b.p == NULL ? xstrdup("") : b.p);
	}
	for (i = 0; i < n; i += k) {
		/* Cut at a character boundary: never before a UTF-8
		 * continuation byte. */
		k = n - i < WORD_RAW ? n - i : WORD_RAW;
		while (k > 1 && i + k < n && (s[i + k] & 0xc0) == 0x80)
			k--;
		if (i > 0)
			sb_adds(&b, "\n ");
		sb_adds(&b, "=?UTF-8?B?");
		sb_base64(&b, s + i, k);
		sb_adds(&b, "?=");
	}
	return (b.p);
}

/* Split "Name <addr>" or "addr" into its parts and check the address. */
static int
mt_mailbox(const char *value, char **name, char **addr, struct mail_error *e)
{
	const char	*lt = strrchr(value, '<');
	size_t		 n = strlen(value);
	int		 rc;

	if (lt != NULL && n > 0 && value[n - 1] == '>') {
		const char *a = value, *z = lt;

		while (*a == ' ')
			a++;
		while (z > a && z[-1] == ' ')
			z--;
		if (z - a >= 2 && *a == '"' && z[-1] == '"')
			a++, z--;
		*name = xstrndup(a, z - a);
		*addr = xstrndup(lt + 1, value + n - 1 - (lt + 1));
	} else {
		*name = xstrdup("");
		*addr = xstrdup(value);
	}
	if ((rc = mail_address_check(*addr, e)) != MAIL_OK) {
		free(*name);
		free(*addr);
		*name = *addr = NULL;
	}
	return (rc);
}

/* Read the header block into VALUE[] (borrowed from TEXT, lengths in
 * VLEN[]); *body is where the body starts, *body_line its line. */
static int
mt_headers(const char *text, size_t len, const char *what,
    const char *value[MT_NHEADERS], size_t vlen[MT_NHEADERS],
    int vline[MT_NHEADERS], const char **body, int *body_line,
    struct mail_error *e)
{
	const char	*p = text, *lim = text + len, *eol, *colon;
	int		 line = 1, h;

	for (; p < lim; p = eol + 1, line++) {
		if ((eol = memchr(p, '\n', lim - p)) == NULL)
			eol = lim;
		if (eol == p || (eol == p + 1 && *p == '\r')) {
			*body = eol < lim ? eol + 1 : lim;
			*body_line = line + 1;
			return (MAIL_OK);
		}
		colon = memchr(p, ':', eol - p);
		for (h = 0; colon != NULL && h < MT_NHEADERS; h++)
			if ((size_t)(colon - p) == strlen(mt_names[h]) &&
			    strncasecmp(p, mt_names[h], colon - p) == 0)
				break;
		if (colon == NULL || h == MT_NHEADERS || value[h] != NULL) {
			snprintf(e->msg, sizeof(e->msg), colon == NULL ?
			    _("%s:%d: a header (Subject:, From:, Reply-To:) "
			    "or a blank line expected") : h == MT_NHEADERS ?
			    _("%s:%d: unknown header; use Subject:, From:, "
			    "Reply-To:") : _("%s:%d: the header is repeated"),
			    what, line);
			return (MAIL_DATA);
		}
		for (colon++; colon < eol && *colon == ' '; colon++)
			;
		value[h] = colon;
		vlen[h] = eol - colon - (eol > colon && eol[-1] == '\r');
		vline[h] = line;
	}
	snprintf(e->msg, sizeof(e->msg),
	    _("%s: no blank line between the headers and the body"), what);
	return (MAIL_DATA);
}

static int
mt_parse_parts(struct mail_template *t, const char *what, const char *from,
    const struct print_source *src, const char *value[MT_NHEADERS],
    const size_t vlen[MT_NHEADERS], const int vline[MT_NHEADERS],
    const char *body, size_t blen, int bline, struct mail_error *e)
{
	struct print_error pe;
	char	*v;
	int	 rc;

	if (value[MT_SUBJECT] == NULL) {
		snprintf(e->msg, sizeof(e->msg), _("%s: no Subject: header"),
		    what);
		return (MAIL_DATA);
	}
	if (from == NULL && value[MT_FROM] == NULL) {
		snprintf(e->msg, sizeof(e->msg),
		    _("%s: no From: header and no --from"), what);
		return (MAIL_DATA);
	}
	if (print_template_parse(value[MT_SUBJECT], vlen[MT_SUBJECT], what,
	    vline[MT_SUBJECT], src, &t->subject, &pe) != PRINT_OK ||
	    print_template_parse(body, blen, what, bline, src, &t->body,
	    &pe) != PRINT_OK) {
		snprintf(e->msg, sizeof(e->msg), "%s", pe.msg);
		return (MAIL_DATA);
	}
	t->subject_text = xstrndup(value[MT_SUBJECT], vlen[MT_SUBJECT]);
	v = from != NULL ? xstrdup(from) :
	    xstrndup(value[MT_FROM], vlen[MT_FROM]);
	rc = mt_mailbox(v, &t->from_name, &t->from_addr, e);
	free(v);
	if (rc == MAIL_OK && value[MT_REPLY_TO] != NULL) {
		v = xstrndup(value[MT_REPLY_TO], vlen[MT_REPLY_TO]);
		rc = mt_mailbox(v, &t->reply_name, &t->reply_addr, e);
		free(v);
	}
	return (rc);
}

int
mail_template_parse(const char *text, size_t len, const char *what,
    const char *from, const struct print_source *src,
    struct mail_template **out, struct mail_error *e)
{
	const char	*value[MT_NHEADERS] = { NULL }, *body;
	size_t		 vlen[MT_NHEADERS] = { 0 };
	int		 vline[MT_NHEADERS] = { 0 }, bline, rc;
	struct mail_template *t;

	*out = NULL;
	if ((rc = mt_headers(text, len, what, value, vlen, vline, &body,
	    &bline, e)) != MAIL_OK)
		return (rc);
	t = xcalloc(1, sizeof(*t));
	if ((rc = mt_parse_parts(t, what, from, src, value, vlen, vline,
	    body, text + len - body, bline, e)) != MAIL_OK) {
		mail_template_free(t);
		return (rc);
	}
	*out = t;
	return (MAIL_OK);
}

void
mail_template_free(struct mail_template *t)
{
	if (t == NULL)
		return;
	print_template_free(t->subject);
	print_template_free(t->body);
	free(t->subject_text);
	free(t->from_name);
	free(t->from_addr);
	free(t->reply_name);
	free(t->reply_addr);
	free(t);
}

const char *
mail_template_sender(const struct mail_template *t)
{
	return (t->from_addr);
}

const char *
mail_template_subject(const struct mail_template *t)
{
	return (t->subject_text);
}

/* "Name <addr>" with the name encoded or quoted, or the bare address. */
static void
mb_mailbox(struct sbuf *b, const char *header, const char *name,
    const char *addr)
{
	char	*enc;
	size_t	 i;

	sb_adds(b, header);
	sb_adds(b, ": ");
	if (name != NULL && name[0] != '\0') {
		enc = mail_header_encode(header, name);
		if (strncmp(enc, "=?", 2) == 0)
			sb_adds(b, enc);
		else {
			sb_adds(b, "\"");
			for (i = 0; enc[i] != '\0'; i++) {
				if (enc[i] == '"' || enc[i] == '\\')
					sb_adds(b, "\\");
				sb_add(b, &enc[i], 1);
			}
			sb_adds(b, "\"");
		}
		free(enc);
		sb_adds(b, " <");
		sb_adds(b, addr);
		sb_adds(b, ">\n");
	} else {
		sb_adds(b, addr);
		sb_adds(b, "\n");
	}
}

/* RFC 5322 date of NOW in $TZ, Asia/Tokyo when TZ is unset (as
 * store_today), with English names whatever the locale. */
static void
mb_date(struct sbuf *b, int64_t now)
{
	static const char days[][4] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
	};
	static const char months[][4] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
		"Oct", "Nov", "Dec",
	};
	time_t	 t = (time_t)now;
	struct tm tm;
	long	 off;
	char	 s[64];

	if (getenv("TZ") == NULL) {
		t += 9 * 3600;
		gmtime_r(&t, &tm);
		off = 9 * 3600;
	} else {
		localtime_r(&t, &tm);
		off = tm.tm_gmtoff;
	}
	snprintf(s, sizeof(s), "Date: %s, %d %s %04d %02d:%02d:%02d %c%02ld%02ld\n",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+',
	    labs(off) / 3600, labs(off) % 3600 / 60);
	sb_adds(b, s);
}

/* S in a Message-ID: letters, digits, - and _ as they are, the rest %XX
 * (the dots between the parts stay unambiguous). */
static void
mb_msgid_part(struct sbuf *b, const char *s)
{
	char	 x[4];

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_')
			sb_add(b, s, 1);
		else {
			snprintf(x, sizeof(x), "%%%02X", c);
			sb_adds(b, x);
		}
	}
}

/* The body with LF line ends and a final LF; *enc its transfer encoding. */
static void
mb_body(struct sbuf *b, const char *text, bool *base64, bool *ascii)
{
	size_t	 line = 0;
	const char *s;

	*base64 = false;
	*ascii = true;
	for (s = text; *s != '\0'; s++) {
		if (*s == '\r' && s[1] == '\n')
			continue;
		sb_add(b, s, 1);
		line = *s == '\n' ? 0 : line + 1;
		*base64 |= line > BODY_LINE_MAX;
		*ascii &= (unsigned char)*s < 0x80;
	}
	if (b->len == 0 || b->p[b->len - 1] != '\n')
		sb_adds(b, "\n");
}

void
mail_build(const struct mail_template *t, const struct print_source *src,
    size_t i, const char *to, const char *mailing, const char *member,
    int64_t now, char **out, size_t *len)
{
	struct sbuf	 b = { NULL, 0, 0 }, body = { NULL, 0, 0 };
	char		*subject, *enc, *s;
	bool		 base64, ascii;
	size_t		 k;

	mb_mailbox(&b, "From", t->from_name, t->from_addr);
	sb_adds(&b, "To: ");
	sb_adds(&b, to);
	sb_adds(&b, "\n");
	if (t->reply_addr != NULL)
		mb_mailbox(&b, "Reply-To", t->reply_name, t->reply_addr);
	/* A line feed from a merged value must not start a header. */
	subject = print_template_expand(t->subject, src, i);
	for (s = subject; *s != '\0'; s++)
		if (*s == '\n' || *s == '\r' || *s == '\t')
			*s = ' ';
	enc = mail_header_encode("Subject", subject);
	sb_adds(&b, "Subject: ");
	sb_adds(&b, enc);
	sb_adds(&b, "\n");
	free(enc);
	free(subject);
	mb_date(&b, now);
	sb_adds(&b, "Message-ID: <");
	mb_msgid_part(&b, mailing);
	sb_adds(&b, ".");
	mb_msgid_part(&b, member);
	s = xasprintf(".%llx", (unsigned long long)now);
	sb_adds(&b, s);
	free(s);
	sb_adds(&b, strchr(t->from_addr, '@'));
	sb_adds(&b, ">\nMIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\n");
	s = print_template_expand(t->body, src, i);
	mb_body(&body, s, &base64, &ascii);
	free(s);
	sb_adds(&b, base64 ? "Content-Transfer-Encoding: base64\n\n" :
	    ascii ? "Content-Transfer-Encoding: 7bit\n\n" :
	    "Content-Transfer-Encoding: 8bit\n\n");
	if (!base64)
		sb_add(&b, body.p, body.len);
	else
		for (k = 0; k < body.len; k += 57) {
			sb_base64(&b, (const unsigned char *)body.p + k,
			    body.len - k < 57 ? body.len - k : 57);
			sb_adds(&b, "\n");
		}
	free(body.p);
	*out = b.p;
	*len = b.len;
}
