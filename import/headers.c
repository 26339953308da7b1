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

/* Every name a column may have.  For a field, the first row is the name
 * export writes in English; hdr_ja[] gives the Japanese one. */
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

	/* members */
	{ K_M, HF_M_ID, "member_id" },
	{ K_M, HF_M_ID, "会員ID" },
	{ K_M, HF_M_ID, "会員番号" },
	{ K_M, HF_M_ID, "会員No" },
	{ K_M, HF_M_ID, "会員コード" },
	{ K_M, HF_M_ID, "ID" },
	{ K_M, HF_M_NAME, "name" },
	{ K_M, HF_M_NAME, "氏名" },
	{ K_M, HF_M_NAME, "名前" },
	{ K_M, HF_M_NAME, "お名前" },
	{ K_M, HF_M_NAME, "顧客名" },
	{ K_M, HF_M_NAME, "会員名" },
	{ K_M, HF_M_SEI, "姓" },
	{ K_M, HF_M_SEI, "last_name" },
	{ K_M, HF_M_SEI, "family_name" },
	{ K_M, HF_M_MEI, "名" },
	{ K_M, HF_M_MEI, "first_name" },
	{ K_M, HF_M_MEI, "given_name" },
	{ K_M, HF_M_KANA, "kana" },
	{ K_M, HF_M_KANA, "フリガナ" },
	{ K_M, HF_M_KANA, "ふりがな" },
	{ K_M, HF_M_KANA, "カナ" },
	{ K_M, HF_M_KANA, "氏名カナ" },
	{ K_M, HF_M_KANA, "氏名フリガナ" },
	{ K_M, HF_M_KANA, "ヨミ" },
	{ K_M, HF_M_KANA, "よみがな" },
	{ K_M, HF_M_KANA, "reading" },
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
	{ K_M, HF_M_EMAIL, "email" },
	{ K_M, HF_M_EMAIL, "メールアドレス" },
	{ K_M, HF_M_EMAIL, "メール" },
	{ K_M, HF_M_EMAIL, "Eメール" },
	{ K_M, HF_M_EMAIL, "mail" },
	{ K_M, HF_M_PHONE, "phone" },
	{ K_M, HF_M_PHONE, "電話番号" },
	{ K_M, HF_M_PHONE, "電話" },
	{ K_M, HF_M_PHONE, "携帯電話" },
	{ K_M, HF_M_PHONE, "携帯電話番号" },
	{ K_M, HF_M_PHONE, "携帯番号" },
	{ K_M, HF_M_PHONE, "TEL" },
	{ K_M, HF_M_POSTAL, "postal_code" },
	{ K_M, HF_M_POSTAL, "郵便番号" },
	{ K_M, HF_M_POSTAL, "〒" },
	{ K_M, HF_M_POSTAL, "zip" },
	{ K_M, HF_M_ADDRESS, "address" },
	{ K_M, HF_M_ADDRESS, "住所" },
	{ K_M, HF_M_ORG, "organization" },
	{ K_M, HF_M_ORG, "所属" },
	{ K_M, HF_M_ORG, "会社名" },
	{ K_M, HF_M_ORG, "団体名" },
	{ K_M, HF_M_ORG, "勤務先" },
	{ K_M, HF_M_SEGMENT, "segment" },
	{ K_M, HF_M_SEGMENT, "会員種別" },
	{ K_M, HF_M_SEGMENT, "区分" },
	{ K_M, HF_M_SEGMENT, "属性" },
	{ K_M, HF_M_SEGMENT, "会員区分" },
	{ K_M, HF_M_STATUS, "status" },
	{ K_M, HF_M_STATUS, "会員状態" },
	{ K_M, HF_M_STATUS, "状態" },
	{ K_M, HF_M_OPTOUT, "mail_opt_out" },
	{ K_M, HF_M_OPTOUT, "配信停止" },
	{ K_M, HF_M_OPTOUT, "メール配信停止" },
	{ K_M, HF_M_JOINED, "joined_on" },
	{ K_M, HF_M_JOINED, "入会日" },
	{ K_M, HF_M_NOTES, "notes" },
	{ K_M, HF_M_NOTES, "備考" },
	{ K_M, HF_M_NOTES, "メモ" },
	{ K_M, HF_M_NOTES, "note" },
	{ K_M, HF_M_PAST_COUNT, "past_count" },
	{ K_M, HF_M_PAST_COUNT, "過去の参加回数" },
	{ K_M, HF_M_PAST_DATE, "past_last_date" },
	{ K_M, HF_M_PAST_DATE, "過去の最終参加日" },
	{ K_M, HF_M_PAST_EVENT, "past_last_event" },
	{ K_M, HF_M_PAST_EVENT, "過去の最終参加イベント" },
	/* the old Customine totals of a kintone 会員マスタ */
	{ K_M, HF_M_OLD_TOTAL, "参加回数" },
	{ K_M, HF_M_OLD_TOTAL, "イベント参加回数" },
	{ K_M, HF_M_OLD_TOTAL, "累計参加回数" },
	{ K_M, HF_M_OLD_DATE, "最終参加日" },
	{ K_M, HF_M_OLD_EVENT, "最終参加イベント" },
	{ K_M, HF_M_OLD_EVENT, "最終参加イベント名" },
	/* the aggregate export writes: read, never imported */
	{ K_M, HF_M_ATTENDED, "attended" },
	{ K_M, HF_M_ATTENDED, "参加数(集計)" },
	{ K_M, HF_M_TOTAL, "total" },
	{ K_M, HF_M_TOTAL, "合計参加回数(集計)" },
	{ K_M, HF_M_LAST_DATE, "last_date" },
	{ K_M, HF_M_LAST_DATE, "最終参加日(集計)" },
	{ K_M, HF_M_LAST_EVENT, "last_event" },
	{ K_M, HF_M_LAST_EVENT, "最終参加イベント(集計)" },

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

struct hdr_export {
	enum hfield	 field;
	const char	*ja;
};

/* The Japanese header export writes (--headers ja). */
static const struct hdr_export hdr_ja[] = {
	{ HF_M_ID, "会員ID" }, { HF_M_NAME, "氏名" }, { HF_M_KANA, "フリガナ" },
	{ HF_M_EMAIL, "メールアドレス" }, { HF_M_PHONE, "電話番号" },
	{ HF_M_POSTAL, "郵便番号" }, { HF_M_ADDRESS, "住所" },
	{ HF_M_ORG, "所属" }, { HF_M_SEGMENT, "会員種別" },
	{ HF_M_STATUS, "会員状態" }, { HF_M_OPTOUT, "配信停止" },
	{ HF_M_JOINED, "入会日" }, { HF_M_NOTES, "備考" },
	{ HF_M_PAST_COUNT, "過去の参加回数" },
	{ HF_M_PAST_DATE, "過去の最終参加日" },
	{ HF_M_PAST_EVENT, "過去の最終参加イベント" },
	{ HF_M_ATTENDED, "参加数(集計)" },
	{ HF_M_TOTAL, "合計参加回数(集計)" },
	{ HF_M_LAST_DATE, "最終参加日(集計)" },
	{ HF_M_LAST_EVENT, "最終参加イベント(集計)" },
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

static const enum hfield hdr_cols_members[] = {
	HF_M_ID, HF_M_NAME, HF_M_KANA, HF_M_EMAIL, HF_M_PHONE, HF_M_POSTAL,
	HF_M_ADDRESS, HF_M_ORG, HF_M_SEGMENT, HF_M_STATUS, HF_M_OPTOUT,
	HF_M_JOINED, HF_M_NOTES, HF_M_PAST_COUNT, HF_M_PAST_DATE,
	HF_M_PAST_EVENT, HF_ATTR, HF_M_ATTENDED, HF_M_TOTAL, HF_M_LAST_DATE,
	HF_M_LAST_EVENT, HF_NONE,
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
	n = val_nfkc(s, strlen(s), nf, sizeof nf);
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
	case IMPORT_KIND_MEMBERS:
		return (hdr_cols_members);
	case IMPORT_KIND_EVENTS:
		return (hdr_cols_events);
	case IMPORT_KIND_ATTENDANCE:
		return (hdr_cols_attendance);
	case IMPORT_KIND_AUTO:
		break;
	}
	return (NULL);
}
