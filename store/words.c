/* words.c -- the status vocabulary: English and Japanese words, parsed and
 * printed. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uninorm.h>
#include <unistr.h>

#include "store/i18n.h"
#include "store/store-int.h"

/* One row per value, in the order messages list them: the English word `show`, CSV export and tests use,
 * the Japanese label, the screens' words (an English msgid whose Japanese
 * translation is the label), and other words accepted. */
struct words_row {
	int		 value;
	const char	*word;
	const char	*label;
	const char	*ui;
	const char	*also[4];
};

static const struct words_row words_final[] = {
	{ STORE_FINAL_ATTENDED, "attended", "参加", N_("attended"), { "出席" } },
	{ STORE_FINAL_ABSENT, "absent", "欠席", N_("absent"), { NULL } },
	{ STORE_FINAL_NO_SHOW, "no_show", "無断欠席", N_("no-show"),
	    { "no-show", "noshow" } },
	{ STORE_FINAL_CANCELLED, "cancelled", "キャンセル", N_("cancelled"),
	    { "canceled" } },
	{ STORE_FINAL_PENDING, "", "未確定", N_("pending"), { "pending" } },
	{ -1, NULL, NULL, NULL, { NULL } }
};

static const struct words_row words_response[] = {
	{ STORE_RESP_ACCEPTED, "accepted", "参加予定", N_("accepted"), { "出席予定" } },
	{ STORE_RESP_DECLINED, "declined", "不参加", N_("declined"), { NULL } },
	{ STORE_RESP_TENTATIVE, "tentative", "未定", N_("tentative"), { NULL } },
	{ STORE_RESP_NONE, "none", "未回答", N_("no response"), { "" } },
	{ -1, NULL, NULL, NULL, { NULL } }
};

static const struct words_row words_status[] = {
	{ STORE_MEMBER_ACTIVE, "active", "有効", N_("active"), { "" } },
	{ STORE_MEMBER_SUSPENDED, "suspended", "休会", N_("suspended"), { NULL } },
	{ STORE_MEMBER_LEFT, "left", "退会", N_("left"), { NULL } },
	{ -1, NULL, NULL, NULL, { NULL } }
};

static bool
words_is(const char *word, const char *p, size_t len)
{
	return (word != NULL && strlen(word) == len &&
	    strncasecmp(word, p, len) == 0);
}

static int
words_parse(const struct words_row *t, const char *s)
{
	uint8_t		*nf;
	const char	*p;
	size_t		 n, len, i;
	int		 rc = -1;

	if (s == NULL)
		s = "";
	n = strlen(s);
	if (u8_check((const uint8_t *)s, n) != NULL)
		return (-1);
	nf = u8_normalize(UNINORM_NFKC, (const uint8_t *)s, n, NULL, &len);
	if (nf == NULL)
		return (-1);
	p = (const char *)nf;
	while (len > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	for (; t->word != NULL && rc < 0; t++) {
		if (words_is(t->word, p, len) || words_is(t->label, p, len))
			rc = t->value;
		for (i = 0; rc < 0 && t->also[i] != NULL; i++)
			if (words_is(t->also[i], p, len))
				rc = t->value;
	}
	free(nf);
	return (rc);
}

int
store_final_parse(const char *s)
{
	return (words_parse(words_final, s));
}

int
store_response_parse(const char *s)
{
	return (words_parse(words_response, s));
}

int
store_member_status_parse(const char *s)
{
	return (words_parse(words_status, s));
}

/* The row of VALUE, or the terminator (word NULL). */
static const struct words_row *
words_row(const struct words_row *t, int value)
{
	while (t->word != NULL && t->value != value)
		t++;
	return (t);
}

static const char *
words_word(const struct words_row *t, int value)
{
	t = words_row(t, value);
	return (t->word != NULL ? t->word : "");
}

static const char *
words_label(const struct words_row *t, int value)
{
	t = words_row(t, value);
	return (t->label != NULL ? t->label : "");
}

const char *
store_final_word(enum store_final f)
{
	return (words_word(words_final, (int)f));
}

const char *
store_final_label(enum store_final f)
{
	return (words_label(words_final, (int)f));
}

const char *
store_response_word(enum store_response r)
{
	return (words_word(words_response, (int)r));
}

const char *
store_response_label(enum store_response r)
{
	return (words_label(words_response, (int)r));
}

const char *
store_member_status_word(enum store_member_status s)
{
	return (words_word(words_status, (int)s));
}

const char *
store_member_status_label(enum store_member_status s)
{
	return (words_label(words_status, (int)s));
}

static const struct words_row *
words_table(enum store_vocab v)
{
	switch (v) {
	case STORE_VOCAB_FINAL:
		return (words_final);
	case STORE_VOCAB_RESPONSE:
		return (words_response);
	case STORE_VOCAB_STATUS:
		break;
	}
	return (words_status);
}

/* The screens' word of VALUE, translated; "?" for no such value. */
static const char *
words_text(const struct words_row *t, int value)
{
	t = words_row(t, value);
	return (t->ui != NULL ? _(t->ui) : "?");
}

const char *
store_final_text(enum store_final f)
{
	return (words_text(words_final, (int)f));
}

const char *
store_response_text(enum store_response r)
{
	return (words_text(words_response, (int)r));
}

const char *
store_member_status_text(enum store_member_status s)
{
	return (words_text(words_status, (int)s));
}

/* Word K of row R: its word, its label, then the others; NULL after. */
static const char *
words_of(const struct words_row *r, size_t k)
{
	if (k == 0)
		return (r->word);
	if (k == 1)
		return (r->label);
	return (k - 2 < 4 ? r->also[k - 2] : NULL);
}

const char *
store_word_nth(enum store_vocab v, size_t n, int *value)
{
	const struct words_row	*r;
	const char		*w;
	size_t			 k;

	for (r = words_table(v); r->word != NULL; r++) {
		for (k = 0; (w = words_of(r, k)) != NULL; k++) {
			if (*w == '\0')
				continue;
			if (n-- == 0) {
				*value = r->value;
				return (w);
			}
		}
	}
	return (NULL);
}

/* Append S to BUF (SIZE bytes) at *OFF, cut when full. */
static void
words_cat(char *buf, size_t size, size_t *off, const char *s)
{
	int	n;

	if (*off >= size)
		return;
	n = snprintf(buf + *off, size - *off, "%s", s);
	if (n > 0)
		*off += (size_t)n;
}

const char *
store_words(enum store_vocab v, const char *sep, char *buf, size_t size)
{
	const struct words_row	*r, *t = words_table(v);
	const char		*w;
	size_t			 off = 0, k;
	bool			 first;
	int			 ascii;

	if (size > 0)
		buf[0] = '\0';
	for (r = t; r->word != NULL; r++) {
		if (r != t)
			words_cat(buf, size, &off, sep);
		for (ascii = 1; ascii >= 0; ascii--) {
			first = true;
			for (k = 0; (w = words_of(r, k)) != NULL; k++) {
				if (*w == '\0' ||
				    ((unsigned char)*w < 0x80) != ascii)
					continue;
				words_cat(buf, size, &off, first ? (ascii ? "" :
				    " (") : (ascii ? "/" : ", "));
				words_cat(buf, size, &off, w);
				first = false;
			}
			if (!ascii && !first)
				words_cat(buf, size, &off, ")");
		}
	}
	return (buf);
}
