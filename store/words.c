/* words.c -- the status vocabulary: English and Japanese words, parsed and
 * printed. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uninorm.h>
#include <unistr.h>

#include "store/store-int.h"

/* One row per value: the English word `show`, CSV export and tests use,
 * the Japanese label the screens show, and other words accepted. */
struct words_row {
	int		 value;
	const char	*word;
	const char	*label;
	const char	*also[4];
};

static const struct words_row words_final[] = {
	{ STORE_FINAL_PENDING, "", "未確定", { "pending" } },
	{ STORE_FINAL_ATTENDED, "attended", "参加", { "出席" } },
	{ STORE_FINAL_ABSENT, "absent", "欠席", { NULL } },
	{ STORE_FINAL_NO_SHOW, "no_show", "無断欠席", { "no-show", "noshow" } },
	{ STORE_FINAL_CANCELLED, "cancelled", "キャンセル", { "canceled" } },
	{ -1, NULL, NULL, { NULL } }
};

static const struct words_row words_response[] = {
	{ STORE_RESP_NONE, "none", "未回答", { "" } },
	{ STORE_RESP_ACCEPTED, "accepted", "参加予定", { "出席予定" } },
	{ STORE_RESP_DECLINED, "declined", "不参加", { NULL } },
	{ STORE_RESP_TENTATIVE, "tentative", "未定", { NULL } },
	{ -1, NULL, NULL, { NULL } }
};

static const struct words_row words_status[] = {
	{ STORE_MEMBER_ACTIVE, "active", "有効", { "" } },
	{ STORE_MEMBER_SUSPENDED, "suspended", "休会", { NULL } },
	{ STORE_MEMBER_LEFT, "left", "退会", { NULL } },
	{ -1, NULL, NULL, { NULL } }
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

/* "w1, w2, w3 (l1, l2, l3)" of a table into BUF. */
static const char *
words_list(const struct words_row *t, char *buf, size_t size)
{
	const struct words_row	*r;
	size_t			 o = 0;
	int			 pass;

	buf[0] = '\0';
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1)
			o += (size_t)snprintf(buf + o, size - o, " (");
		for (r = t; r->word != NULL && o < size; r++) {
			if (*r->word == '\0')
				continue;
			o += (size_t)snprintf(buf + o, size - o, "%s%s",
			    r == t || (r == t + 1 && *t->word == '\0') ? "" :
			    ", ", pass == 0 ? r->word : r->label);
		}
	}
	if (o < size)
		snprintf(buf + o, size - o, ")");
	return (buf);
}

const char *
store_member_status_words(char *buf, size_t size)
{
	return (words_list(words_status, buf, size));
}

const char *
store_final_words(char *buf, size_t size)
{
	return (words_list(words_final, buf, size));
}

const char *
store_response_words(char *buf, size_t size)
{
	return (words_list(words_response, buf, size));
}
