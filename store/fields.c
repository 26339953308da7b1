/* fields.c -- the member field table (tmux's options-table.c): one row per
 * field of `show member`, and the accessors every layer reads it with. */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/i18n.h"
#include "store/store-int.h"

#define MEMBER_STR(f)	STORE_SLOT_STR, offsetof(struct store_member, f), 0
#define MEMBER_CHARS(f)	STORE_SLOT_CHARS, offsetof(struct store_member, f), \
			sizeof(((struct store_member *)0)->f)
#define MEMBER_AS(s, f)	(s), offsetof(struct store_member, f), 0
#define STATS_UINT(f)	STORE_SLOT_STATS_UINT32, \
			offsetof(struct store_stats, f), 0
#define STATS_CHARS(f)	STORE_SLOT_STATS_CHARS, \
			offsetof(struct store_stats, f), \
			sizeof(((struct store_stats *)0)->f)

#define LINE	STORE_KIND_LINE, STORE_LINE_MAX
#define ASIS	STORE_NORM_AS_WRITTEN
#define NFKC	STORE_NORM_NFKC
#define CSV	STORE_FIELD_CSV
#define LATE	STORE_FIELD_AFTER_ATTRS
#define DERIVED	STORE_FIELD_DERIVED

/* Table order is the order of the value encoding (tags ascend) and of the
 * CSV columns; `show` moves the AFTER_ATTRS rows behind attr.NAME. */
const struct store_field store_fields[] = {
	{ "id", "会員ID", N_("Member ID"), "member_id", "会員ID",
	    { "会員番号", "会員No", "会員コード", "ID" },
	    STORE_KIND_LINE, STORE_ID_MAX, NFKC,
	    CSV | STORE_FIELD_SEARCH | STORE_FIELD_REQUIRED, 0, 0,
	    MEMBER_AS(STORE_SLOT_ID, id) },
	{ "name", "氏名", N_("Name"), "name", "氏名",
	    { "名前", "お名前", "顧客名", "会員名" },
	    LINE, ASIS, CSV | STORE_FIELD_SEARCH | STORE_FIELD_REQUIRED, 1,
	    STORE_MF_NAME, MEMBER_STR(name) },
	{ "kana", "フリガナ", N_("Reading (kana)"), "kana", "フリガナ",
	    { "ふりがな", "カナ", "氏名カナ", "氏名フリガナ", "ヨミ",
	    "よみがな", "reading" },
	    LINE, NFKC, CSV | STORE_FIELD_SEARCH, 2, STORE_MF_KANA,
	    MEMBER_STR(kana) },
	{ "email", "メールアドレス", N_("E-mail"), "email", "メールアドレス",
	    { "メール", "Eメール", "mail" },
	    LINE, NFKC, CSV | STORE_FIELD_SEARCH, 3, STORE_MF_EMAIL,
	    MEMBER_STR(email) },
	{ "phone", "電話番号", N_("Phone"), "phone", "電話番号",
	    { "電話", "携帯電話", "携帯電話番号", "携帯番号", "TEL" },
	    LINE, NFKC, CSV | STORE_FIELD_SEARCH, 4, STORE_MF_PHONE,
	    MEMBER_STR(phone) },
	{ "postal_code", "郵便番号", N_("Postal code"), "postal_code",
	    "郵便番号", { "〒", "zip" },
	    LINE, NFKC, CSV, 5, STORE_MF_POSTAL_CODE,
	    MEMBER_STR(postal_code) },
	{ "address", "住所", N_("Address"), "address", "住所", { NULL },
	    LINE, ASIS, CSV, 6, STORE_MF_ADDRESS, MEMBER_STR(address) },
	{ "organization", "所属", N_("Organization"), "organization", "所属",
	    { "会社名", "団体名", "勤務先" },
	    LINE, ASIS, CSV, 7, STORE_MF_ORGANIZATION,
	    MEMBER_STR(organization) },
	{ "segment", "会員種別", N_("Segment"), "segment", "会員種別",
	    { "区分", "属性", "会員区分" },
	    LINE, ASIS, CSV, 8, STORE_MF_SEGMENT, MEMBER_STR(segment) },
	{ "status", "会員状態", N_("Status"), "status", "会員状態",
	    { "状態" },
	    STORE_KIND_ENUM, STORE_LINE_MAX, NFKC, CSV, 9, STORE_MF_STATUS,
	    MEMBER_AS(STORE_SLOT_STATUS, status) },
	{ "mail_opt_out", "配信停止", N_("No mail"), "mail_opt_out",
	    "配信停止", { "メール配信停止" },
	    STORE_KIND_BOOL, STORE_LINE_MAX, NFKC, CSV, 10,
	    STORE_MF_MAIL_OPT_OUT, MEMBER_AS(STORE_SLOT_BOOL, mail_opt_out) },
	{ "joined_on", "入会日", N_("Joined on"), "joined_on", "入会日",
	    { NULL },
	    STORE_KIND_DATE, STORE_LINE_MAX, NFKC, CSV, 11,
	    STORE_MF_JOINED_ON, MEMBER_CHARS(joined_on) },
	{ "notes", "備考", N_("Notes"), "notes", "備考", { "メモ", "note" },
	    STORE_KIND_TEXT, STORE_TEXT_MAX, ASIS, CSV | LATE, 12,
	    STORE_MF_NOTES, MEMBER_STR(notes) },
	{ "past_count", "過去の参加回数", N_("Past attendance count"),
	    "past_count", "過去の参加回数", { NULL },
	    STORE_KIND_NUMBER, STORE_LINE_MAX, NFKC, CSV, 13,
	    STORE_MF_PAST_COUNT, MEMBER_AS(STORE_SLOT_INT32, past_count) },
	{ "past_last_date", "過去の最終参加日", N_("Past last attended on"),
	    "past_last_date", "過去の最終参加日", { NULL },
	    STORE_KIND_DATE, STORE_LINE_MAX, NFKC, CSV, 14,
	    STORE_MF_PAST_LAST_DATE, MEMBER_CHARS(past_last_date) },
	{ "past_last_event", "過去の最終参加イベント", N_("Past last event"),
	    "past_last_event", "過去の最終参加イベント", { NULL },
	    LINE, ASIS, CSV, 15, STORE_MF_PAST_LAST_EVENT,
	    MEMBER_STR(past_last_event) },
	{ "version", "版", N_("Version"), NULL, NULL, { NULL },
	    STORE_KIND_NUMBER, 0, NFKC, DERIVED | LATE, 16, 0,
	    MEMBER_AS(STORE_SLOT_UINT32, version) },
	{ "updated_at", "更新日時", N_("Updated at"), NULL, NULL, { NULL },
	    STORE_KIND_LINE, 0, NFKC, DERIVED | LATE, 17, 0,
	    MEMBER_AS(STORE_SLOT_TIME, updated_at) },
	{ "updated_by", "更新者", N_("Updated by"), NULL, NULL, { NULL },
	    STORE_KIND_LINE, 0, ASIS, DERIVED | LATE, 18, 0,
	    MEMBER_CHARS(updated_by) },
	{ "attended", "参加数", N_("Attended"), "attended", "参加数(集計)",
	    { NULL },
	    STORE_KIND_NUMBER, 0, NFKC, DERIVED | CSV, 0, 0,
	    STATS_UINT(attended) },
	{ "total", "参加回数", N_("Attendance count"), "total",
	    "合計参加回数(集計)", { NULL },
	    STORE_KIND_NUMBER, 0, NFKC, DERIVED | CSV, 0, 0,
	    STATS_UINT(total) },
	{ "last_date", "直近参加日", N_("Last attended on"), "last_date",
	    "最終参加日(集計)", { NULL },
	    STORE_KIND_DATE, 0, NFKC, DERIVED | CSV, 0, 0,
	    STATS_CHARS(last_date) },
	{ "last_event", "直近イベント", N_("Last event"), "last_event",
	    "最終参加イベント(集計)", { NULL },
	    STORE_KIND_LINE, 0, ASIS, DERIVED | CSV, 0, 0,
	    STORE_SLOT_LAST_EVENT, 0, 0 },
	{ "accepted", "参加予定数", N_("Accepted"), NULL, NULL, { NULL },
	    STORE_KIND_NUMBER, 0, NFKC, DERIVED | LATE, 0, 0,
	    STATS_UINT(accepted) },
	{ "absent", "欠席数", N_("Absent"), NULL, NULL, { NULL },
	    STORE_KIND_NUMBER, 0, NFKC, DERIVED | LATE, 0, 0,
	    STATS_UINT(absent) },
	{ "no_show", "無断欠席数", N_("No-show"), NULL, NULL, { NULL },
	    STORE_KIND_NUMBER, 0, NFKC, DERIVED | LATE, 0, 0,
	    STATS_UINT(no_show) },
	{ "cancelled", "キャンセル数", N_("Cancelled"), NULL, NULL, { NULL },
	    STORE_KIND_NUMBER, 0, NFKC, DERIVED | LATE, 0, 0,
	    STATS_UINT(cancelled) },
};
const size_t store_nfields = sizeof store_fields / sizeof store_fields[0];

/* NAME folded for store_field_find: NFKC, ASCII lower case, '-' -> '_'. */
static void
fields_fold(const char *name, char *out, size_t size)
{
	size_t	i;

	if (store_nfkc(name, strlen(name), out, size) < 0)
		snprintf(out, size, "%s", name);
	for (i = 0; out[i] != '\0'; i++) {
		out[i] = (char)tolower((unsigned char)out[i]);
		if (out[i] == '-')
			out[i] = '_';
	}
}

static bool
fields_named(const char *want, const char *name)
{
	char	have[256];

	if (name == NULL)
		return (false);
	fields_fold(name, have, sizeof have);
	return (strcmp(want, have) == 0);
}

const struct store_field *
store_field_find(const char *name)
{
	const struct store_field	*f;
	char				 want[256];
	size_t				 i, k;

	if (name == NULL || *name == '\0')
		return (NULL);
	fields_fold(name, want, sizeof want);
	for (i = 0; i < store_nfields; i++) {
		f = &store_fields[i];
		if (fields_named(want, f->key) || fields_named(want, f->label) ||
		    fields_named(want, f->csv) || fields_named(want, f->csv_ja))
			return (f);
		for (k = 0; f->aliases[k] != NULL; k++)
			if (fields_named(want, f->aliases[k]))
				return (f);
	}
	return (NULL);
}

void
store_time_iso(int64_t t, char *buf, size_t size)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	if (t == 0 || localtime_r(&tt, &tm) == NULL) {
		if (size > 0)
			buf[0] = '\0';
		return;
	}
	strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
}

/* last_event: the event's code (and name when shown), or the past last
 * event when the past date wins. */
static const char *
fields_last_event(const struct store_member_view *v,
    enum store_field_style style, char *buf, size_t size)
{
	const struct store_stats	*s = v->s;
	const char			*name = v->last_event_name;

	if (s == NULL)
		return ("");
	if (s->last_event[0] != '\0') {
		if (style == STORE_STYLE_CSV || name == NULL || *name == '\0')
			return (s->last_event);
		snprintf(buf, size, "%s %s", s->last_event, name);
		return (buf);
	}
	if (style == STORE_STYLE_SHOW && s->last_date[0] != '\0' &&
	    v->m->past_last_event != NULL)
		return (v->m->past_last_event);
	return ("");
}

const char *
store_field_get(const struct store_field *f,
    const struct store_member_view *v, enum store_field_style style,
    char *buf, size_t size)
{
	static const struct store_stats	 zero;
	const char			*m = (const char *)v->m;
	const char			*s;
	const char			*str;
	uint32_t			 u;
	int32_t				 i;
	int64_t				 t;
	bool				 b;
	enum store_member_status	 st;

	s = (const char *)(v->s != NULL ? v->s : &zero);
	switch (f->slot) {
	case STORE_SLOT_ID:
	case STORE_SLOT_CHARS:
		return (m + f->offset);
	case STORE_SLOT_STR:
		memcpy(&str, m + f->offset, sizeof str);
		return (str != NULL ? str : "");
	case STORE_SLOT_INT32:
		memcpy(&i, m + f->offset, sizeof i);
		snprintf(buf, size, "%ld", (long)i);
		return (buf);
	case STORE_SLOT_UINT32:
		memcpy(&u, m + f->offset, sizeof u);
		snprintf(buf, size, "%lu", (unsigned long)u);
		return (buf);
	case STORE_SLOT_TIME:
		memcpy(&t, m + f->offset, sizeof t);
		store_time_iso(t, buf, size);
		return (buf);
	case STORE_SLOT_BOOL:
		memcpy(&b, m + f->offset, sizeof b);
		if (style == STORE_STYLE_CSV)
			return (b ? "1" : "0");
		return (b ? "yes" : "no");
	case STORE_SLOT_STATUS:
		memcpy(&st, m + f->offset, sizeof st);
		return (store_member_status_word(st));
	case STORE_SLOT_STATS_UINT32:
		memcpy(&u, s + f->offset, sizeof u);
		snprintf(buf, size, "%lu", (unsigned long)u);
		return (buf);
	case STORE_SLOT_STATS_CHARS:
		return (s + f->offset);
	case STORE_SLOT_LAST_EVENT:
		return (fields_last_event(v, style, buf, size));
	}
	return ("");
}

/* VALUE checked and normalised as text of F into a malloc'd *OUT. */
static int
fields_text(const struct store_field *f, const char *value, char **out,
    char *why, size_t whysize)
{
	char	*buf, *p, *q;
	size_t	 n = strlen(value);
	long	 k;

	buf = xmalloc(f->limit + 1);
	if (f->norm == STORE_NORM_NFKC)
		k = store_nfkc(value, n, buf, f->limit + 1);
	else if (n > f->limit)
		k = -2;
	else {
		memcpy(buf, value, n + 1);
		k = text_is_valid(buf) ? (long)n : -1;
	}
	if (k < 0) {
		free(buf);
		if (k == -2)
			snprintf(why, whysize, _("longer than %zu bytes"),
			    f->limit);
		else
			snprintf(why, whysize, _("not valid UTF-8"));
		return (-1);
	}
	for (p = q = buf; *p != '\0'; p++) {	/* CRLF -> LF */
		if (*p == '\r' && p[1] == '\n')
			continue;
		*q++ = *p;
	}
	*q = '\0';
	for (p = buf; *p != '\0'; p++) {
		if (((unsigned char)*p < 0x20 || *p == 0x7f) && !(f->kind ==
		    STORE_KIND_TEXT && (*p == '\n' || *p == '\t'))) {
			snprintf(why, whysize, "%s", *p == '\n' ? _("a line "
			    "break (only notes and custom text may hold one)") :
			    _("control characters are not allowed"));
			free(buf);
			return (-1);
		}
	}
	*out = buf;
	return (0);
}

int
store_field_set(const struct store_field *f, struct store_member *m,
    const char *value, unsigned how, char *why, size_t whysize)
{
	char			*mp = (char *)m, *text, *old, date[STORE_DATE_SIZE];
	char			 reason[256], id[STORE_ID_MAX + 1];
	struct store_error	 err;
	long			 n;
	int32_t			 i;
	bool			 b;
	int			 w;
	enum store_member_status st;

	if (value == NULL)
		value = "";
	if (f->flags & STORE_FIELD_DERIVED) {
		snprintf(why, whysize, "%s", _("kept by sanka, not set by "
		    "hand"));
		return (-1);
	}
	switch (f->kind) {
	case STORE_KIND_DATE:
		date[0] = '\0';
		if (*value != '\0' && store_date_parse(value, date, reason,
		    sizeof reason) != 0) {
			snprintf(why, whysize, "%s", reason);
			return (-1);
		}
		memcpy(mp + f->offset, date, sizeof date);
		return (0);
	case STORE_KIND_NUMBER:
		n = 0;
		if (*value != '\0' && store_int_parse(value, 0, INT32_MAX, &n,
		    reason, sizeof reason) != 0) {
			snprintf(why, whysize, "%s", reason);
			return (-1);
		}
		i = (int32_t)n;
		memcpy(mp + f->offset, &i, sizeof i);
		return (0);
	case STORE_KIND_BOOL:
		if (store_bool_parse(value, &b) != 0) {
			snprintf(why, whysize, _("\"%s\" is not yes or no"),
			    value);
			return (-1);
		}
		memcpy(mp + f->offset, &b, sizeof b);
		return (0);
	case STORE_KIND_ENUM:
		if ((w = store_member_status_parse(value)) < 0) {
			snprintf(why, whysize, _("\"%s\" is not a member "
			    "status (%s)"), value,
			    store_words(STORE_VOCAB_STATUS, ", ", reason,
			    sizeof reason));
			return (-1);
		}
		st = (enum store_member_status)w;
		memcpy(mp + f->offset, &st, sizeof st);
		return (0);
	case STORE_KIND_TEXT:
	case STORE_KIND_LINE:
		break;
	}
	if (f->slot == STORE_SLOT_ID) {
		memset(&err, 0, sizeof err);
		if (store_key_fold(value, id, f->key, &err) != STORE_OK) {
			snprintf(why, whysize, "%s", err.msg);
			return (-1);
		}
		memcpy(m->id, id, sizeof m->id);
		return (0);
	}
	if (how & STORE_SET_AS_TYPED)
		text = xstrdup(value);
	else if (fields_text(f, value, &text, why, whysize) != 0)
		return (-1);
	memcpy(&old, mp + f->offset, sizeof old);
	free(old);
	if (*text == '\0') {
		free(text);
		text = NULL;
	}
	memcpy(mp + f->offset, &text, sizeof text);
	return (0);
}
