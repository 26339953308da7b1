/* headers.c -- the header-name table: English, Japanese, kintone columns. */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "import/import-int.h"

#define K_M	(1u << IMPORT_KIND_MEMBERS)
#define K_E	(1u << IMPORT_KIND_EVENTS)
#define K_A	(1u << IMPORT_KIND_ATTENDANCE)
#define K_ALL	(K_M | K_E | K_A)

struct hdr_alias {
	unsigned	 kinds;
	enum hfield	 field;
	const char	*name;
};

/* Every name a column may have, besides the member fields' (their rows
 * in store/fields.c).  For a field, the first row is the name export
 * writes in English; hdr_ja[] gives the Japanese one. */
static const struct hdr_alias hdr_aliases[] = {
	/* kintone system columns, any kind */
	{ K_ALL, HF_RECNO, "レコード番号" },
	{ K_ALL, HF_RECNO, "$id" },
	{ K_ALL, HF_START, "レコードの開始行" },
	{ K_ALL, HF_START, "*" },
	{ K_ALL, HF_SYSTEM, "作成者" },
	{ K_ALL, HF_SYSTEM, "作成日時" },
	{ K_ALL, HF_SYSTEM, "更新者" },
	{ K_ALL, HF_SYSTEM, "更新日時" },
	{ K_ALL, HF_SYSTEM, "$revision" },
	{ K_ALL, HF_SYSTEM, "作業者" },
	{ K_ALL, HF_SYSTEM, "カテゴリー" },

	/* members: the fields' own headers are in store/fields.c; these
	 * build a field from two columns or carry the old totals */
	{ K_M, HF_M_SEI, "姓" },
	{ K_M, HF_M_SEI, "last_name" },
	{ K_M, HF_M_SEI, "family_name" },
	{ K_M, HF_M_MEI, "名" },
	{ K_M, HF_M_MEI, "first_name" },
	{ K_M, HF_M_MEI, "given_name" },
	{ K_M, HF_M_KSEI, "セイ" },
	{ K_M, HF_M_KSEI, "姓カナ" },
	{ K_M, HF_M_KSEI, "姓フリガナ" },
	{ K_M, HF_M_KSEI, "姓(カナ)" },
	{ K_M, HF_M_KSEI, "姓(フリガナ)" },
	{ K_M, HF_M_KMEI, "メイ" },
	{ K_M, HF_M_KMEI, "名カナ" },
	{ K_M, HF_M_KMEI, "名フリガナ" },
	{ K_M, HF_M_KMEI, "名(カナ)" },
	{ K_M, HF_M_KMEI, "名(フリガナ)" },
	/* the old Customine totals of a kintone 会員マスタ */
	{ K_M, HF_M_OLD_TOTAL, "参加回数" },
	{ K_M, HF_M_OLD_TOTAL, "イベント参加回数" },
	{ K_M, HF_M_OLD_TOTAL, "累計参加回数" },
	{ K_M, HF_M_OLD_DATE, "最終参加日" },
	{ K_M, HF_M_OLD_EVENT, "最終参加イベント" },
	{ K_M, HF_M_OLD_EVENT, "最終参加イベント名" },

	/* events */
	{ K_E, HF_E_CODE, "event_code" },
	{ K_E, HF_E_CODE, "イベントコード" },
	{ K_E, HF_E_CODE, "イベントID" },
	{ K_E, HF_E_CODE, "code" },
	{ K_E, HF_E_NAME, "name" },
	{ K_E, HF_E_NAME, "イベント名" },
	{ K_E, HF_E_NAME, "event_name" },
	{ K_E, HF_E_DATE, "date" },
	{ K_E, HF_E_DATE, "開催日" },
	{ K_E, HF_E_DATE, "日付" },
	{ K_E, HF_E_DATE, "event_date" },
	{ K_E, HF_E_VENUE, "venue" },
	{ K_E, HF_E_VENUE, "会場" },
	{ K_E, HF_E_VENUE, "場所" },
	{ K_E, HF_E_CAPACITY, "capacity" },
	{ K_E, HF_E_CAPACITY, "定員" },
	{ K_E, HF_E_NOTES, "notes" },
	{ K_E, HF_E_NOTES, "備考" },
	{ K_E, HF_E_NOTES, "note" },

	/* attendance */
	{ K_A, HF_A_EVENT, "event_code" },
	{ K_A, HF_A_EVENT, "イベントコード" },
	{ K_A, HF_A_EVENT, "イベントID" },
	{ K_A, HF_A_EVNAME, "event_name" },
	{ K_A, HF_A_EVNAME, "イベント名" },
	{ K_A, HF_A_EVDATE, "event_date" },
	{ K_A, HF_A_EVDATE, "開催日" },
	{ K_A, HF_A_EVDATE, "日付" },
	{ K_A, HF_A_EVDATE, "date" },
	{ K_A, HF_A_MEMBER, "member_id" },
	{ K_A, HF_A_MEMBER, "会員ID" },
	{ K_A, HF_A_MEMBER, "会員番号" },
	{ K_A, HF_A_MEMBER, "会員No" },
	{ K_A, HF_A_MEMBER, "会員コード" },
	{ K_A, HF_A_MEMBER, "ID" },
	{ K_A, HF_A_NAME, "name" },
	{ K_A, HF_A_NAME, "氏名" },
	{ K_A, HF_A_NAME, "名前" },
	{ K_A, HF_A_NAME, "member_name" },
	{ K_A, HF_A_KANA, "kana" },
	{ K_A, HF_A_KANA, "フリガナ" },
	{ K_A, HF_A_KANA, "ふりがな" },
	{ K_A, HF_A_KANA, "member_kana" },
	{ K_A, HF_A_INVITED, "invited_on" },
	{ K_A, HF_A_INVITED, "招待日" },
	{ K_A, HF_A_RESPONSE, "response" },
	{ K_A, HF_A_RESPONSE, "回答" },
	{ K_A, HF_A_FINAL, "status" },
	{ K_A, HF_A_FINAL, "最終ステータス" },
	{ K_A, HF_A_FINAL, "参加状況" },
	{ K_A, HF_A_FINAL, "出欠" },
	{ K_A, HF_A_FINAL, "出欠状況" },
	{ K_A, HF_A_FINAL, "final" },
	{ K_A, HF_A_WALKIN, "walk_in" },
	{ K_A, HF_A_WALKIN, "当日参加" },
	{ K_A, HF_A_WALKIN, "飛び入り" },
	{ K_A, HF_A_NOTE, "note" },
	{ K_A, HF_A_NOTE, "備考" },
	{ K_A, HF_A_NOTE, "notes" },
	{ K_A, HF_A_CHECKED_AT, "checked_in_at" },
	{ K_A, HF_A_CHECKED_AT, "受付日時" },
	{ K_A, HF_A_CHECKED_BY, "checked_in_by" },
	{ K_A, HF_A_CHECKED_BY, "受付者" },
};

/* Which column of a members file each member field is (import's slots
 * are enum hfield; the names are the field table's). */
static const struct {
	const char	*key;
	enum hfield	 field;
} hdr_member_fields[] = {
	{ "id", HF_M_ID }, { "name", HF_M_NAME }, { "kana", HF_M_KANA },
	{ "email", HF_M_EMAIL }, { "phone", HF_M_PHONE },
	{ "postal_code", HF_M_POSTAL }, { "address", HF_M_ADDRESS },
	{ "organization", HF_M_ORG }, { "segment", HF_M_SEGMENT },
	{ "status", HF_M_STATUS }, { "mail_opt_out", HF_M_OPTOUT },
	{ "joined_on", HF_M_JOINED }, { "notes", HF_M_NOTES },
	{ "past_count", HF_M_PAST_COUNT }, { "past_last_date", HF_M_PAST_DATE },
	{ "past_last_event", HF_M_PAST_EVENT },
	{ "attended", HF_M_ATTENDED }, { "total", HF_M_TOTAL },
	{ "last_date", HF_M_LAST_DATE }, { "last_event", HF_M_LAST_EVENT },
};

struct hdr_export {
	enum hfield	 field;
	const char	*ja;
};

/* The Japanese header export writes (--headers ja). */
static const struct hdr_export hdr_ja[] = {
	{ HF_E_CODE, "イベントコード" }, { HF_E_NAME, "イベント名" },
	{ HF_E_DATE, "開催日" }, { HF_E_VENUE, "会場" },
	{ HF_E_CAPACITY, "定員" }, { HF_E_NOTES, "備考" },
	{ HF_A_EVENT, "イベントコード" }, { HF_A_EVNAME, "イベント名" },
	{ HF_A_EVDATE, "開催日" }, { HF_A_MEMBER, "会員ID" },
	{ HF_A_NAME, "氏名" }, { HF_A_KANA, "フリガナ" },
	{ HF_A_INVITED, "招待日" }, { HF_A_RESPONSE, "回答" },
	{ HF_A_FINAL, "最終ステータス" }, { HF_A_WALKIN, "当日参加" },
	{ HF_A_NOTE, "備考" }, { HF_A_CHECKED_AT, "受付日時" },
	{ HF_A_CHECKED_BY, "受付者" },
};

static const enum hfield hdr_cols_events[] = {
	HF_E_CODE, HF_E_NAME, HF_E_DATE, HF_E_VENUE, HF_E_CAPACITY,
	HF_E_NOTES, HF_NONE,
};
static const enum hfield hdr_cols_attendance[] = {
	HF_A_EVENT, HF_A_EVNAME, HF_A_EVDATE, HF_A_MEMBER, HF_A_NAME,
	HF_A_KANA, HF_A_INVITED, HF_A_RESPONSE, HF_A_FINAL, HF_A_WALKIN,
	HF_A_NOTE, HF_A_CHECKED_AT, HF_A_CHECKED_BY, HF_NONE,
};

void
hdr_fold(const char *s, char *out, size_t size)
{
	char	 nf[1024];
	long	 n;
	size_t	 i, o = 0;

	if (size == 0)
		return;
	/* A byte order mark left at the start (U+FEFF). */
	while (strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	n = store_nfkc(s, strlen(s), nf, sizeof nf);
	if (n < 0) {
		snprintf(nf, sizeof nf, "%s", s);
		n = (long)strlen(nf);
	}
	for (i = 0; i < (size_t)n && o + 1 < size; i++) {
		unsigned char	c = (unsigned char)nf[i];

		if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '.' ||
		    c == '\r' || c == '\n')
			continue;
		out[o++] = (char)tolower(c);
	}
	out[o] = '\0';
}

/* The column of member field F, or HF_NONE. */
static enum hfield
hdr_member_field(const struct store_field *f)
{
	size_t	i;

	for (i = 0; i < sizeof hdr_member_fields /
	    sizeof hdr_member_fields[0]; i++)
		if (strcmp(hdr_member_fields[i].key, f->key) == 0)
			return (hdr_member_fields[i].field);
	return (HF_NONE);
}

static bool
hdr_is(const char *want, const char *name)
{
	char	have[512];

	if (name == NULL)
		return (false);
	hdr_fold(name, have, sizeof have);
	return (strcmp(want, have) == 0);
}

/* A member field's header (folded WANT): its CSV headers, aliases and,
 * for a field import writes, its label. */
static enum hfield
hdr_member_lookup(const char *want)
{
	const struct store_field	*f;
	size_t				 k;

	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (!(f->flags & STORE_FIELD_CSV))
			continue;
		if (hdr_is(want, f->csv) || hdr_is(want, f->csv_ja) ||
		    (!(f->flags & STORE_FIELD_DERIVED) &&
		    hdr_is(want, f->label)))
			return (hdr_member_field(f));
		for (k = 0; f->aliases[k] != NULL; k++)
			if (hdr_is(want, f->aliases[k]))
				return (hdr_member_field(f));
	}
	return (HF_NONE);
}

enum hfield
hdr_lookup(enum import_kind kind, const char *text)
{
	char	 want[512], have[512];
	size_t	 i;
	unsigned mask = 1u << kind;

	hdr_fold(text, want, sizeof want);
	if (want[0] == '\0')
		return (HF_NONE);
	if (strncmp(want, "attr", 4) == 0 && strlen(want) > 4 &&
	    kind == IMPORT_KIND_MEMBERS) {
		/* "attr.NAME" as `show` prints it (the dot folds away). */
		const char	*t = text;

		while (*t == ' ')
			t++;
		if (strncmp(t, "attr.", 5) == 0 && t[5] != '\0')
			return (HF_ATTR);
	}
	for (i = 0; i < sizeof hdr_aliases / sizeof hdr_aliases[0]; i++) {
		if ((hdr_aliases[i].kinds & mask) == 0)
			continue;
		hdr_fold(hdr_aliases[i].name, have, sizeof have);
		if (strcmp(want, have) == 0)
			return (hdr_aliases[i].field);
	}
	if (kind == IMPORT_KIND_MEMBERS)
		return (hdr_member_lookup(want));
	return (HF_NONE);
}

enum import_kind
hdr_detect(char *const *cells, size_t n)
{
	bool	 member = false, event = false, evcode = false, name = false;
	bool	 recno = false;
	size_t	 i;

	for (i = 0; i < n; i++) {
		enum hfield	a = hdr_lookup(IMPORT_KIND_ATTENDANCE, cells[i]);
		enum hfield	m = hdr_lookup(IMPORT_KIND_MEMBERS, cells[i]);

		if (a == HF_A_MEMBER)
			member = true;
		if (a == HF_A_EVENT)
			event = evcode = true;
		if (a == HF_A_EVNAME)
			event = true;
		if (m == HF_M_NAME || m == HF_M_SEI)
			name = true;
		if (m == HF_RECNO)
			recno = true;
	}
	if (member && event)
		return (IMPORT_KIND_ATTENDANCE);
	if (evcode)
		return (IMPORT_KIND_EVENTS);
	if (member || (recno && name))
		return (IMPORT_KIND_MEMBERS);
	return (IMPORT_KIND_AUTO);
}

const char *
hdr_name(enum hfield field, bool ja)
{
	size_t	i;

	for (i = 0; i < sizeof hdr_member_fields /
	    sizeof hdr_member_fields[0]; i++)
		if (hdr_member_fields[i].field == field) {
			const struct store_field *f =
			    store_field_find(hdr_member_fields[i].key);

			return (ja ? f->csv_ja : f->csv);
		}

	if (ja) {
		for (i = 0; i < sizeof hdr_ja / sizeof hdr_ja[0]; i++)
			if (hdr_ja[i].field == field)
				return (hdr_ja[i].ja);
		return (NULL);
	}
	for (i = 0; i < sizeof hdr_aliases / sizeof hdr_aliases[0]; i++)
		if (hdr_aliases[i].field == field)
			return (hdr_aliases[i].name);
	return (NULL);
}

const enum hfield *
hdr_export_columns(enum import_kind kind)
{
	switch (kind) {
	case IMPORT_KIND_EVENTS:
		return (hdr_cols_events);
	case IMPORT_KIND_ATTENDANCE:
		return (hdr_cols_attendance);
	case IMPORT_KIND_MEMBERS:	/* the field table's CSV rows */
	case IMPORT_KIND_AUTO:
		break;
	}
	return (NULL);
}
