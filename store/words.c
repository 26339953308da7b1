/* words.c -- the status vocabulary: English and Japanese words, parsed and
 * printed. */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uninorm.h>
#include <unistr.h>

#include "store/store-int.h"

struct words_entry {
	const char	*word;
	int		 value;
};

static const struct words_entry words_final[] = {
	{ "", STORE_FINAL_PENDING }, { "pending", STORE_FINAL_PENDING },
	{ "未確定", STORE_FINAL_PENDING },
	{ "attended", STORE_FINAL_ATTENDED }, { "参加", STORE_FINAL_ATTENDED },
	{ "出席", STORE_FINAL_ATTENDED },
	{ "absent", STORE_FINAL_ABSENT }, { "欠席", STORE_FINAL_ABSENT },
	{ "no_show", STORE_FINAL_NO_SHOW }, { "no-show", STORE_FINAL_NO_SHOW },
	{ "noshow", STORE_FINAL_NO_SHOW }, { "無断欠席", STORE_FINAL_NO_SHOW },
	{ "cancelled", STORE_FINAL_CANCELLED },
	{ "canceled", STORE_FINAL_CANCELLED },
	{ "キャンセル", STORE_FINAL_CANCELLED },
	{ NULL, 0 }
};

static const struct words_entry words_response[] = {
	{ "", STORE_RESP_NONE }, { "none", STORE_RESP_NONE },
	{ "未回答", STORE_RESP_NONE },
	{ "accepted", STORE_RESP_ACCEPTED }, { "参加予定", STORE_RESP_ACCEPTED },
	{ "出席予定", STORE_RESP_ACCEPTED },
	{ "declined", STORE_RESP_DECLINED }, { "不参加", STORE_RESP_DECLINED },
	{ "tentative", STORE_RESP_TENTATIVE }, { "未定", STORE_RESP_TENTATIVE },
	{ NULL, 0 }
};

static const struct words_entry words_status[] = {
	{ "", STORE_MEMBER_ACTIVE }, { "active", STORE_MEMBER_ACTIVE },
	{ "有効", STORE_MEMBER_ACTIVE },
	{ "suspended", STORE_MEMBER_SUSPENDED },
	{ "休会", STORE_MEMBER_SUSPENDED },
	{ "left", STORE_MEMBER_LEFT }, { "退会", STORE_MEMBER_LEFT },
	{ NULL, 0 }
};

static int
words_parse(const struct words_entry *t, const char *s)
{
	uint8_t		*nf;
	const char	*p;
	size_t		 n, len;
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
	for (; t->word != NULL; t++) {
		if (strlen(t->word) == len && strncasecmp(t->word, p, len) == 0) {
			rc = t->value;
			break;
		}
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

const char *
store_final_word(enum store_final f)
{
	static const char *const w[] = { "", "attended", "absent", "no_show",
	    "cancelled" };

	return ((unsigned)f < 5 ? w[f] : "");
}

const char *
store_final_label(enum store_final f)
{
	static const char *const w[] = { "未確定", "参加", "欠席", "無断欠席",
	    "キャンセル" };

	return ((unsigned)f < 5 ? w[f] : "");
}

const char *
store_response_word(enum store_response r)
{
	static const char *const w[] = { "none", "accepted", "declined",
	    "tentative" };

	return ((unsigned)r < 4 ? w[r] : "");
}

const char *
store_response_label(enum store_response r)
{
	static const char *const w[] = { "未回答", "参加予定", "不参加",
	    "未定" };

	return ((unsigned)r < 4 ? w[r] : "");
}

const char *
store_member_status_word(enum store_member_status s)
{
	static const char *const w[] = { "active", "suspended", "left" };

	return ((unsigned)s < 3 ? w[s] : "");
}

const char *
store_member_status_label(enum store_member_status s)
{
	static const char *const w[] = { "有効", "休会", "退会" };

	return ((unsigned)s < 3 ? w[s] : "");
}
