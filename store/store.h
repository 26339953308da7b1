/*
 * store.h -- sanka's data model over LMDB: the only store header that tui/
 * and import/ include.  No LMDB type crosses it.
 *
 * Every write function below runs ONE short write transaction that changes
 * the record, its indexes, every aggregate it touches (member_stats, the
 * pending set, the sort indexes) and appends one audit record; on any error
 * nothing was written.  No function keeps a transaction open after it
 * returns, so callers may wait for the user between calls.
 *
 * Ownership: `const char *` arguments are borrowed for the call.  Structs
 * filled by a get function own their `char *` fields; release them with the
 * matching _free() (which frees the fields, not the struct).  Structs passed
 * to a callback are borrowed until the callback returns.  A NULL `char *`
 * field means the same as "".
 *
 * Errors: every int-returning function returns an enum store_rc.  Details
 * (the field refused, a human message, who holds a conflicting version) are
 * in store_last_error().  store_exit_code() maps a code to the exit status
 * of docs/DESIGN.md.
 */
#ifndef SANKA_STORE_H
#define SANKA_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STORE_ID_MAX	64	/* bytes of a member ID or an event code */
#define STORE_DATE_SIZE	11	/* "YYYY-MM-DD" and its NUL */
#define STORE_USER_SIZE	128	/* "unix-user" or "unix-user (staff name)" */
#define STORE_ROWTEXT_SIZE 192	/* name/kana copies in list rows (cut whole) */
#define STORE_KEY_SIZE	512	/* an opaque list position (an index key) */

enum store_rc {
	STORE_OK = 0,
	STORE_NOTFOUND,		/* no such member, event or record	(exit 1) */
	STORE_EXISTS,		/* add: the key is already there	(exit 1) */
	STORE_CONFLICT,		/* stale version; see error.by/.at	(exit 1) */
	STORE_INVALID,		/* a field refused; see error.field	(exit 1) */
	STORE_HASREFS,		/* delete: attendance exists, not forced (exit 1) */
	STORE_FULL,		/* map or disk full; nothing written	(exit 3) */
	STORE_SCHEMA,		/* database of a newer schema		(exit 3) */
	STORE_PERM,		/* permission denied			(exit 3) */
	STORE_NODB,		/* read-only open of a missing database	(exit 3) */
	STORE_IO,		/* any other environment failure	(exit 3) */
	STORE_DAMAGED,		/* an entry or the file is damaged	(exit 3) */
};

struct store;

struct store_error {
	int		rc;
	char		field[32];	/* e.g. "joined_on"; "" when none */
	char		msg[512];	/* one line, translated */
	char		by[STORE_USER_SIZE];	/* STORE_CONFLICT: last writer */
	int64_t		at;		/* STORE_CONFLICT: when (Unix time) */
};

/* --- vocabulary (store/words.c) ------------------------------------- */

enum store_response {
	STORE_RESP_NONE = 0,	/* 未回答 */
	STORE_RESP_ACCEPTED,	/* 参加予定, 出席予定 */
	STORE_RESP_DECLINED,	/* 不参加 */
	STORE_RESP_TENTATIVE,	/* 未定 */
};

enum store_final {
	STORE_FINAL_PENDING = 0, /* empty: 未確定 */
	STORE_FINAL_ATTENDED,	/* 参加, 出席 */
	STORE_FINAL_ABSENT,	/* 欠席 (notified) */
	STORE_FINAL_NO_SHOW,	/* 無断欠席 */
	STORE_FINAL_CANCELLED,	/* キャンセル */
};

enum store_member_status {
	STORE_MEMBER_ACTIVE = 0,	/* active, 有効 */
	STORE_MEMBER_SUSPENDED,		/* suspended, 休会 */
	STORE_MEMBER_LEFT,		/* left, 退会 */
};

#define STORE_KEEP	(-1)	/* in a change: leave this field as it is */

/* Parse an English or Japanese word (docs/DESIGN.md "Statuses"; surrounding
 * spaces and NFKC width folded).  "" parses as pending / none / active.
 * Return the enum value, or -1 for an unknown word. */
int		 store_final_parse(const char *);
int		 store_response_parse(const char *);
int		 store_member_status_parse(const char *);
/* The English word `show` and CSV export print ("" for pending), and the
 * Japanese label the screens show.  Static strings. */
const char	*store_final_word(enum store_final);
const char	*store_final_label(enum store_final);
const char	*store_response_word(enum store_response);
const char	*store_response_label(enum store_response);
const char	*store_member_status_word(enum store_member_status);
const char	*store_member_status_label(enum store_member_status);
/* The screens' words, translated (未確定, 参加 ...; pending, attended ...
 * in English).  Static strings. */
const char	*store_final_text(enum store_final);
const char	*store_response_text(enum store_response);
const char	*store_member_status_text(enum store_member_status);

enum store_vocab {
	STORE_VOCAB_FINAL,
	STORE_VOCAB_RESPONSE,
	STORE_VOCAB_STATUS,
};
/* Word N (0, 1, ...) of every word the parser of V takes, its value into
 * *VALUE; NULL after the last. */
const char	*store_word_nth(enum store_vocab, size_t n, int *value);
/* Every word of V for a message, one value per group joined by SEP:
 * "attended (参加, 出席), absent (欠席), no_show/no-show/noshow (無断欠席)"
 * into BUF (cut to SIZE); returns BUF. */
const char	*store_words(enum store_vocab, const char *sep, char *buf,
		    size_t size);

/* --- text helpers (store/text.c) ------------------------------------ */

/* Fold text for search and duplicate keys: NFKC, case, katakana ->
 * hiragana, spaces removed, wave dash and minus families unified, common
 * variant kanji (髙→高, 﨑→崎, 邊/邉→辺, 齋/齊→斎).  Returns a malloc'd
 * string the caller frees; NULL when S is not valid UTF-8. */
char		*store_fold(const char *s);
/* NFKC-fold an ID or event code as users type it (Ｍ００１ -> M001) into
 * OUT.  Returns STORE_OK or STORE_INVALID (empty, over 64 bytes, a space,
 * a control or an invisible format character (Unicode Cf: zero-width,
 * BOM, direction marks) with its position, invalid UTF-8) with a message
 * naming FIELD. */
int		 store_key_fold(const char *in, char out[STORE_ID_MAX + 1],
		    const char *field, struct store_error *);
/* The same fold for finding a key that exists: format characters pass, so
 * an ID stored before they were refused can be shown, merged or deleted. */
int		 store_key_lookup(const char *in, char out[STORE_ID_MAX + 1],
		    const char *field, struct store_error *);
/* True when S is "YYYY-MM-DD" naming a real calendar day. */
bool		 store_date_valid(const char *s);
/* Today's local date in $TZ (Asia/Tokyo when TZ is unset), or
 * $SANKA_TODAY when set. */
void		 store_today(char out[STORE_DATE_SIZE]);

/* --- values as typed or imported (store/value.c) -------------------- */

/* NFKC of S[LEN] into OUT (SIZE bytes, NUL-terminated).  Returns the
 * length, -1 for invalid UTF-8, -2 when it does not fit. */
long		 store_nfkc(const char *s, size_t len, char *out, size_t size);
/* Parse a date as CSV files write it (2026-02-20, 2026/2/20, 2026年2月20日,
 * 令和8年2月20日, with or without a time; a zone converts to the local
 * date) into "YYYY-MM-DD".  Returns 0, or -1 with a reason in WHY. */
int		 store_date_parse(const char *s, char out[STORE_DATE_SIZE],
		    char *why, size_t whysize);
/* A whole number in [MIN, MAX]; full-width digits, thousands commas and
 * a trailing 回/人/名 accepted.  Returns 0 or -1 (WHY filled in). */
int		 store_int_parse(const char *s, long min, long max, long *out,
		    char *why, size_t whysize);
/* 1/0, true/false, yes/no, はい/いいえ, ○/× ...: 0 or -1. */
int		 store_bool_parse(const char *s, bool *out);
/* True when S is all ASCII digits (and not empty). */
bool		 store_digits(const char *s);

/* --- environment (store/env.c) -------------------------------------- */

#define STORE_READONLY	0x1	/* never create; a missing database is STORE_NODB;
				   write functions return STORE_PERM */
#define STORE_SHARED	0x2	/* the shared directory of a setgid sanka: no
				   environment read, no file created (a missing
				   one is STORE_PERM: ask root to run sanka
				   init), both files regular and owned
				   root:<the effective group> */

/* Open (and with flags 0 create) the database in directory DIR, creating
 * the directory 0770 (group-shared when its parent is setgid) and files
 * 0660.  Clears stale reader slots, opens every named database once,
 * refuses a newer schema.  The map size is STORE_MAP_SIZE, or
 * $SANKA_MAP_SIZE (bytes) when set, for tests.  The actor recorded in the
 * audit trail is the Unix user plus $SANKA_USER when set.
 * Always sets *out (check store_last_error() and store_close() it even on
 * failure).  Returns STORE_OK, STORE_NODB, STORE_SCHEMA, STORE_PERM,
 * STORE_IO. */
int		 store_open(const char *dir, unsigned flags, struct store **out);
/* After a STORE_SHARED open, once the privilege is dropped: the audit
 * actor's user name and $SANKA_USER read now, and the refusal of a user
 * with no role (STORE_PERM naming an admin) made now, when the name
 * service may be read. */
int		 store_privilege_dropped(struct store *);
void		 store_close(struct store *);
/* Whether a database exists in directory DIR (without opening it). */
bool		 store_exists(const char *dir);
/* Delete the closed database in DIR and DIR itself, which held nothing
 * else (a temporary database); what cannot be deleted is left. */
void		 store_remove(const char *dir);
const struct store_error *store_last_error(const struct store *);
/* Whether store_open made a new database (data.mdb did not exist). */
bool		 store_created(const struct store *);
/* Whether store_open migrated a schema-1 database to schema 2. */
bool		 store_migrated(const struct store *);
int		 store_exit_code(int rc);	/* 0, 1 or 3 */
/* The id of the last committed write transaction of any process; a
 * screen polls it to notice other staff's changes.  Cheap. */
uint64_t	 store_txnid(struct store *);
/* A hot, compacted copy of the whole database into the new file PATH
 * (0640), consistent as of one moment while others keep writing; every
 * entry's checksum is verified first (no file is written when one fails).
 * Returns STORE_OK, STORE_EXISTS (PATH exists), STORE_PERM, STORE_IO,
 * STORE_DAMAGED. */
int		 store_backup(struct store *, const char *path);

/* --- members (store/member.c) --------------------------------------- */

struct store_attr {
	char		*name;
	char		*value;
};

struct store_member {
	char		 id[STORE_ID_MAX + 1];
	char		*name;		/* 氏名, as written */
	char		*kana;		/* フリガナ */
	char		*email;
	char		*phone;
	char		*postal_code;
	char		*address;
	char		*organization;
	char		*segment;	/* 会員種別 */
	enum store_member_status status;
	bool		 mail_opt_out;
	char		 joined_on[STORE_DATE_SIZE];	/* "" or YYYY-MM-DD */
	char		*notes;		/* may hold line feeds */
	int32_t		 past_count;	/* attendances before sanka, >= 0 */
	char		 past_last_date[STORE_DATE_SIZE];
	char		*past_last_event;	/* free text: a name from before */
	struct store_attr *attrs;	/* custom attributes, sorted by name */
	size_t		 nattrs;
	/* kept by the store; ignored on add and update */
	uint32_t	 version;
	int64_t		 updated_at;
	char		 updated_by[STORE_USER_SIZE];
};

/* The member's aggregate (member_stats), always equal to what the
 * attendance records say (docs/DESIGN.md "The aggregate invariant"). */
struct store_stats {
	uint32_t	 attended;
	uint32_t	 total;		/* past_count + attended */
	uint32_t	 accepted;
	uint32_t	 absent;
	uint32_t	 no_show;
	uint32_t	 cancelled;
	char		 last_date[STORE_DATE_SIZE];
	char		 last_event[STORE_ID_MAX + 1]; /* "" when the past wins */
};

void		 store_member_free(struct store_member *);
/* Set *dst = strdup(value) after freeing the old one ("" -> NULL). */
void		 store_str_set(char **dst, const char *value);
/* Add or replace custom attribute NAME (VALUE NULL or "": remove it). */
void		 store_attr_set(struct store_member *, const char *name,
		    const char *value);

/* Read member ID (folded) into *m (and its aggregate into *stats when not
 * NULL).  Returns STORE_OK, STORE_NOTFOUND, STORE_IO. */
int		 store_member_get(struct store *, const char *id,
		    struct store_member *m, struct store_stats *stats);
/* Set EXISTS[i] when member IDS[i] (folded as store_member_get does) is
 * in the database, for i < N; one read txn, no record decoded (sorted IDS
 * read the fewest pages).  Returns STORE_OK or STORE_IO. */
int		 store_members_exist(struct store *, const char *const *ids,
		    size_t n, bool *exists);
/* Add M (m->id folded first).  Returns STORE_OK, STORE_EXISTS,
 * STORE_INVALID, STORE_FULL, STORE_IO. */
int		 store_member_add(struct store *, const struct store_member *m);
/* Replace every field of member m->id; EXPECT is the version the caller
 * read (0: no check).  past_count/past_last_date changes recompute the
 * aggregate.  Returns STORE_OK, STORE_NOTFOUND, STORE_CONFLICT,
 * STORE_INVALID, STORE_FULL, STORE_IO. */
int		 store_member_update(struct store *, const struct store_member *m,
		    uint32_t expect);
/* Set the fields of member patch->id named in FIELDS (STORE_MF_*) to
 * PATCH's, in ONE write txn over the member as it is then: no version to
 * expect, so edits of other fields never conflict.  With STORE_MF_ATTRS
 * the attributes PATCH gives are set ("" removes one), the others kept.
 * *RESULT (when not NULL; store_member_free) receives the member as
 * saved.  Returns STORE_OK, STORE_NOTFOUND, STORE_INVALID, STORE_FULL,
 * STORE_IO. */
int		 store_member_patch(struct store *,
		    const struct store_member *patch, uint32_t fields,
		    struct store_member *result);
/* Delete member ID.  With attendance records it is STORE_HASREFS unless
 * FORCE, which deletes them too and redacts the member's personal data in
 * the audit trail (the fact of each change stays). */
int		 store_member_delete(struct store *, const char *id, bool force,
		    uint32_t expect);
/* Move DROP's attendance history and past count onto KEEP (an event both
 * have counts once: the more final status wins, attended first), delete
 * DROP, recompute KEEP; one transaction.  STORE_NOTFOUND, STORE_INVALID
 * (KEEP == DROP). */
int		 store_member_merge(struct store *, const char *keep,
		    const char *drop);

/* --- the member field table (store/fields.c) ------------------------ */

/* One row per member field, as `show member` names it: the one place that
 * says how a field is named (English key, Japanese label, CSV headers),
 * typed, limited, normalised, searched and encoded.  Adding a field is a
 * row here plus its storage in struct store_member. */
enum store_field_kind {
	STORE_KIND_TEXT,	/* free text; keeps line feeds */
	STORE_KIND_LINE,	/* one line of text */
	STORE_KIND_DATE,	/* YYYY-MM-DD; CSV date forms are read */
	STORE_KIND_NUMBER,	/* a whole number >= 0 */
	STORE_KIND_BOOL,	/* yes/no */
	STORE_KIND_ENUM,	/* a word of store/words.c (status) */
};

enum store_field_norm {
	STORE_NORM_AS_WRITTEN,	/* names and notes: stored as typed */
	STORE_NORM_NFKC,	/* IDs, numbers, dates, phone, readings */
};

/* Where the value lives (the accessor of store_field_get/_set). */
enum store_field_slot {
	STORE_SLOT_ID,		/* char[STORE_ID_MAX + 1] of the member */
	STORE_SLOT_STR,		/* char * of the member */
	STORE_SLOT_CHARS,	/* char[size] of the member */
	STORE_SLOT_INT32,	/* int32_t of the member */
	STORE_SLOT_UINT32,	/* uint32_t of the member */
	STORE_SLOT_TIME,	/* int64_t Unix time of the member */
	STORE_SLOT_BOOL,	/* bool of the member */
	STORE_SLOT_STATUS,	/* enum store_member_status of the member */
	STORE_SLOT_STATS_UINT32,	/* uint32_t of struct store_stats */
	STORE_SLOT_STATS_CHARS,	/* char[size] of struct store_stats */
	STORE_SLOT_LAST_EVENT,	/* stats.last_event (+ name), else the past */
};

#define STORE_FIELD_DERIVED	0x01	/* kept by the store: read-only */
#define STORE_FIELD_CSV		0x02	/* a column of the member CSV */
#define STORE_FIELD_AFTER_ATTRS	0x04	/* show prints it after attr.NAME */
#define STORE_FIELD_SEARCH	0x08	/* search finds it (store/index.c):
					 * e-mail whole and its domain, phone
					 * as written, digits, last four */
#define STORE_FIELD_REQUIRED	0x10	/* a member needs it */

#define STORE_LINE_MAX		1024	/* bytes of a one-line value */
#define STORE_TEXT_MAX		65536	/* bytes of notes and custom text */
#define STORE_ATTR_NAME_MAX	64	/* bytes of a custom attribute name */

struct store_field {
	const char	*key;		/* as `show member` prints it */
	const char	*label;		/* Japanese label (filters, screens) */
	const char	*ui;		/* English msgid the screens translate */
	const char	*csv;		/* the header export writes */
	const char	*csv_ja;	/* ... with --headers ja */
	const char	*aliases[9];	/* other headers import reads */
	enum store_field_kind kind;
	size_t		 limit;		/* bytes */
	enum store_field_norm norm;
	unsigned	 flags;		/* STORE_FIELD_* */
	int		 tag;		/* 1..: place in the member value
					   encoding, fixed forever; 0: none */
	uint32_t	 mask;		/* STORE_MF_* of an import; 0: none */
	enum store_field_slot slot;
	size_t		 offset;	/* in struct store_member or _stats */
	size_t		 size;		/* of a char[] slot */
};

/* In `show member` order, save that rows with STORE_FIELD_AFTER_ATTRS
 * come after the attr.NAME lines; tags ascend along the table. */
extern const struct store_field store_fields[];
extern const size_t store_nfields;

/* The field named NAME: its key, Japanese label, CSV header or an alias,
 * compared after NFKC and ASCII case folding, '-' read as '_'
 * (postal-code).  NULL when no field has that name (attr.NAME included:
 * custom attributes are not rows). */
const struct store_field *store_field_find(const char *name);

enum store_field_style {
	STORE_STYLE_SHOW,	/* as `show member` prints it (yes/no) */
	STORE_STYLE_CSV,	/* as export writes it (1/0, the code) */
};

/* What a value is read from. */
struct store_member_view {
	const struct store_member *m;
	const struct store_stats *s;	/* NULL: an empty aggregate */
	const char	*last_event_name;	/* NULL: the code alone */
};

/* The value of field F as STYLE prints it: a pointer into the member or
 * into BUF (SIZE bytes, 64 are always enough for numbers and times);
 * never NULL. */
const char	*store_field_get(const struct store_field *,
		    const struct store_member_view *, enum store_field_style,
		    char *buf, size_t size);
/* Parse VALUE as typed or imported (dates in CSV forms, numbers with
 * full-width digits, yes/no and status words in English or Japanese),
 * normalise it as the row says and store it in M.  Returns 0, or -1 with
 * the reason in WHY (a derived field, too long, control characters, not a
 * date ...; the caller names the field or column); M is unchanged then. */
#define STORE_SET_AS_TYPED 0x1	/* text (not the ID) kept as typed, only
				   checked when written (screens, command line) */
int		 store_field_set(const struct store_field *,
		    struct store_member *m, const char *value, unsigned how,
		    char *why, size_t whysize);
/* "2026-02-21T10:00:00" in local time; "" for 0. */
void		 store_time_iso(int64_t t, char *buf, size_t size);

/* --- member lists and search (store/list.c) ------------------------- */

enum store_order {
	STORE_ORDER_ID = 0,
	STORE_ORDER_KANA,	/* folded reading, then ID */
	STORE_ORDER_TOTAL,	/* total descending, then ID */
	STORE_ORDER_LAST_DATE,	/* last date descending (never last), then ID */
};

/* One line of a member list; a fixed-size copy, no allocation. */
struct store_member_row {
	char		 key[STORE_KEY_SIZE];	/* opaque position in its order */
	size_t		 keylen;
	char		 id[STORE_ID_MAX + 1];
	char		 name[STORE_ROWTEXT_SIZE];
	char		 kana[STORE_ROWTEXT_SIZE];
	char		 email[STORE_ROWTEXT_SIZE];
	enum store_member_status status;
	uint32_t	 total;
	char		 last_date[STORE_DATE_SIZE];
	char		 last_event[STORE_ID_MAX + 1];
};

size_t		 store_member_count(struct store *);
/* Up to N rows of ORDER after position FROM (rows[i].key; NULL: from the
 * start), or before it when BACKWARD (NULL: from the end; rows still come
 * in list order).  One read transaction.  *got rows were filled. */
int		 store_member_page(struct store *, enum store_order,
		    const struct store_member_row *from, bool backward,
		    struct store_member_row *rows, size_t n, size_t *got);
/* Members whose ID, name, surname, given name, reading, e-mail address,
 * its domain, phone number (as written, its digits, their last four)
 * starts with QUERY once both are folded (store_fold), each once, in index
 * order; a phone-like query that finds no one as typed is searched by its
 * digits (090-1234 finds 09012345678).  AFTER continues a previous page
 * (NULL: the first).  An empty query lists nothing. */
int		 store_member_search(struct store *, const char *query,
		    const struct store_member_row *after,
		    struct store_member_row *rows, size_t n, size_t *got);

/* --- member filters (store/filter.c) -------------------------------- */

/* DESIGN.md's filter language: words joined by AND, each FIELD=VALUE,
 * FIELD=V1,V2 (any of them), FIELD!=VALUE, FIELD>=N, <=, >, <,
 * attended=EVENT, not-attended=EVENT, invited=EVENT (any of EVENT,EVENT)
 * or never.  A FIELD is a key of `show member`, its Japanese label or a
 * CSV header of the field table, or attr.NAME; full-width forms are
 * folded (＝ ＞＝); "..." quotes spaces and commas; FIELD= matches an
 * empty value.  Text compares after store_fold, dates as dates (CSV forms
 * read), numbers as numbers; yes/no and status take = and != only.
 * attended=N is the count when no event N exists. */
struct store_filter;

struct store_filter_error {
	int		 rc;		/* as returned */
	size_t		 word;		/* 1-based index of the bad word */
	char		 text[256];	/* that word as given */
	char		 msg[512];	/* what is wrong with it, translated */
};

/* Parse N WORDS (the command line's arguments) into *OUT, reading the
 * records of the events named (ST may be NULL when none is).  A word
 * @NAME (＠NAME) stands for the words saved as NAME (store_filter_save).
 * No words is a filter that keeps every member.  Returns STORE_OK;
 * STORE_INVALID for a bad word (a usage error, exit 2); STORE_NOTFOUND
 * for an unknown event or saved filter; or a store error reading the
 * events.  E names the word as given. */
int		 store_filter_parse(struct store *st, char *const *words,
		    size_t n, struct store_filter **out,
		    struct store_filter_error *e);
/* Split one line as typed in a screen into words: at spaces (U+3000
 * too) outside double quotes.  *WORDS: free with store_words_free. */
void		 store_filter_words(const char *text, char ***words,
		    size_t *n);
/* store_filter_parse over the words of one line (store_filter_words). */
int		 store_filter_parse_line(struct store *st, const char *text,
		    struct store_filter **out, struct store_filter_error *e);
void		 store_filter_free(struct store_filter *);
/* Does the filter keep member M with aggregate S? */
bool		 store_filter_match(const struct store_filter *,
		    const struct store_member *m, const struct store_stats *s);
/* Does a condition name field KEY?  Actions leave out members who left
 * or are suspended unless the filter names "status". */
bool		 store_filter_names(const struct store_filter *,
		    const char *key);
bool		 store_filter_empty(const struct store_filter *);

/* --- events (store/event.c) ----------------------------------------- */

struct store_event {
	char		 code[STORE_ID_MAX + 1];
	char		*name;
	char		 date[STORE_DATE_SIZE];
	char		*venue;
	int32_t		 capacity;	/* 0: no limit */
	char		*notes;
	uint32_t	 version;
	int64_t		 updated_at;
	char		 updated_by[STORE_USER_SIZE];
};

struct store_event_counts {
	uint32_t	 invited;	/* invited records (invited_on set) */
	uint32_t	 accepted, declined, tentative, no_response;
	uint32_t	 attended, absent, no_show, cancelled, pending;
	uint32_t	 walk_in;
};

void		 store_event_free(struct store_event *);
int		 store_event_get(struct store *, const char *code,
		    struct store_event *, struct store_event_counts *);
int		 store_event_add(struct store *, const struct store_event *);
/* A date change moves the history and pending keys of every record of the
 * event and recomputes each participant's aggregate, in the same txn. */
int		 store_event_update(struct store *, const struct store_event *,
		    uint32_t expect);
int		 store_event_delete(struct store *, const char *code, bool force,
		    uint32_t expect);
/* Every event, newest date first (ties: larger code first). */
int		 store_event_each(struct store *,
		    int (*cb)(const struct store_event *,
		    const struct store_event_counts *, void *), void *arg);
/* Find the event named NAME on DATE, names compared after store_fold
 * (width, case, kana, every kind of space); code into CODE.  STORE_OK,
 * STORE_NOTFOUND, or STORE_INVALID when two events match (the message
 * names two of their codes). */
int		 store_event_find(struct store *, const char *name,
		    const char *date, char code[STORE_ID_MAX + 1]);
/* An event on DATE whose folded name differs from NAME's by one or two
 * characters (a likely duplicate to warn about); code into CODE.
 * STORE_OK or STORE_NOTFOUND. */
int		 store_event_similar(struct store *, const char *name,
		    const char *date, char code[STORE_ID_MAX + 1]);
/* Move event DROP's records onto KEEP (a member with a record at both
 * keeps one: the more final status wins, attended first), delete DROP,
 * recompute every moved member's aggregate; one transaction.
 * STORE_NOTFOUND, STORE_INVALID (KEEP == DROP). */
int		 store_event_merge(struct store *, const char *keep,
		    const char *drop);

/* --- attendance (store/attendance.c) -------------------------------- */

struct store_attendance {
	char		 event[STORE_ID_MAX + 1];
	char		 member[STORE_ID_MAX + 1];
	char		 invited_on[STORE_DATE_SIZE];
	enum store_response response;
	enum store_final final;
	bool		 walk_in;	/* came without an invitation */
	int64_t		 checked_in_at;	/* 0: not checked in at the door */
	char		 checked_in_by[STORE_USER_SIZE];
	char		*note;
	uint32_t	 version;
	int64_t		 updated_at;
	char		 updated_by[STORE_USER_SIZE];
};

/* A record joined with what a list shows of its event and member. */
struct store_att_row {
	struct store_attendance a;	/* a.note borrowed like the rest */
	char		 event_name[STORE_ROWTEXT_SIZE];
	char		 event_date[STORE_DATE_SIZE];
	char		 member_name[STORE_ROWTEXT_SIZE];
	char		 member_kana[STORE_ROWTEXT_SIZE];
};

/* One change to one attendance record.  Fields left at STORE_KEEP (or
 * NULL) stay as they are; a record that does not exist is created
 * (response none, final pending) unless ONLY_EXISTING.  invited_on is the
 * date given, else today when the change sets neither response nor final
 * (an invitation), else empty (a mark or response without an invitation).
 * A record that a change setting final = attended creates, without an
 * invitation date or a walk_in of its own, is a walk-in (DESIGN.md
 * "Statuses"); an import's records are walk-ins only when it says so.
 * EXPECT: the version the caller read (0: no check). */
struct store_change {
	const char	*event;
	const char	*member;
	int		 response;	/* enum store_response or STORE_KEEP */
	int		 final;		/* enum store_final or STORE_KEEP */
	int		 walk_in;	/* 0, 1 or STORE_KEEP */
	bool		 checkin;	/* stamp checked_in_at/_by */
	int64_t		 checkin_at;	/* checkin: the time; 0: now */
	const char	*checkin_by;	/* checkin: who; NULL: the actor */
	bool		 clear_checkin;	/* undo of a check-in */
	const char	*invited_on;	/* NULL: keep */
	const char	*note;		/* NULL: keep */
	bool		 only_existing;	/* STORE_NOTFOUND instead of creating */
	bool		 not_invited;	/* a record this creates is no
					   invitation: no invited_on unless
					   given (import) */
	uint32_t	 expect;
};

void		 store_attendance_free(struct store_attendance *);
/* Initialise C to "keep everything" for EVENT/MEMBER. */
void		 store_change_init(struct store_change *c, const char *event,
		    const char *member);
/* Apply N changes in ONE write transaction: all or nothing.  Unknown event
 * or member is STORE_NOTFOUND, a stale version STORE_CONFLICT; the error
 * names the record.  When RESULT is not NULL it receives each record as
 * committed (N entries; free each with store_attendance_free). */
int		 store_attendance_apply(struct store *,
		    const struct store_change *changes, size_t n,
		    struct store_attendance *result);
/* Convenience wrappers over store_attendance_apply for one record.
 * store_invite leaves an existing record as it is. */
int		 store_invite(struct store *, const char *event,
		    const char *member);
int		 store_respond(struct store *, const char *event,
		    const char *member, enum store_response, uint32_t expect);
int		 store_mark(struct store *, const char *event,
		    const char *member, enum store_final, uint32_t expect);
int		 store_attendance_get(struct store *, const char *event,
		    const char *member, struct store_attendance *);

typedef int	(*store_att_cb)(const struct store_att_row *, void *arg);
/* Iterate in one read transaction; a callback returning non-zero stops
 * the walk (that value is returned).  Callbacks must not call store write
 * functions. */
/* The member's records, newest event first (ties: larger code first). */
int		 store_member_history(struct store *, const char *member,
		    store_att_cb, void *arg);
/* The event's records, by member ID. */
int		 store_event_records(struct store *, const char *event,
		    store_att_cb, void *arg);
/* Every record whose final status is empty, by event date, event code,
 * member ID (the pending index order; screens re-sort). */
int		 store_pending_each(struct store *, store_att_cb, void *arg);
/* Every record, by event code then member ID (export). */
int		 store_attendance_each(struct store *, store_att_cb, void *arg);
/* Every member in ID order with its aggregate (export, select). */
int		 store_member_each(struct store *,
		    int (*cb)(const struct store_member *,
		    const struct store_stats *, void *), void *arg);

/* --- audit trail (store/audit.c) ------------------------------------ */

struct store_audit {
	uint64_t	 seq;
	int64_t		 at;		/* Unix time */
	char		 user[STORE_USER_SIZE];	/* unix user (staff) */
	char		 entity[16];	/* member event attendance import */
	char		 action[16];	/* add edit delete invite respond mark
					   merge import redacted */
	char		 member[STORE_ID_MAX + 1];	/* "" when none */
	char		 event[STORE_ID_MAX + 1];	/* "" when none */
	const char	*old;	/* "field=value; ..." or "" (borrowed) */
	const char	*new;
};

/* The audit trail newest first, only records naming MEMBER and/or EVENT
 * when given (NULL: all), at most LIMIT (0: all). */
int		 store_audit_each(struct store *, const char *member,
		    const char *event, size_t limit,
		    int (*cb)(const struct store_audit *, void *), void *arg);

/* --- verification (store/check.c) ----------------------------------- */

/* Check every entry against its checksum, then recompute every aggregate
 * and index from the attendance records and compare.  Each damaged entry
 * ("damaged members M001") and each difference (e.g. "member_stats M001:
 * total 5, expected 6") is one English line passed to CB; *ndiff counts
 * them.  A damaged entry or file: STORE_DAMAGED (the comparisons are not
 * run); otherwise STORE_OK with *ndiff differences. */
int		 store_check(struct store *, void (*cb)(const char *line,
		    void *), void *arg, size_t *ndiff);
/* Only the checksums and the tree walks of store_check (backup's check);
 * CB may be NULL.  STORE_OK or STORE_DAMAGED with *nbad entries. */
int		 store_verify(struct store *, void (*cb)(const char *line,
		    void *), void *arg, size_t *nbad);

/* --- bulk import (store/bulk.c) ------------------------------------- */

/* Which fields of an imported member, event or record the file carries;
 * absent fields of an existing record are kept. */
enum store_member_field {
	STORE_MF_NAME = 1u << 0, STORE_MF_KANA = 1u << 1,
	STORE_MF_EMAIL = 1u << 2, STORE_MF_PHONE = 1u << 3,
	STORE_MF_POSTAL_CODE = 1u << 4, STORE_MF_ADDRESS = 1u << 5,
	STORE_MF_ORGANIZATION = 1u << 6, STORE_MF_SEGMENT = 1u << 7,
	STORE_MF_STATUS = 1u << 8, STORE_MF_MAIL_OPT_OUT = 1u << 9,
	STORE_MF_JOINED_ON = 1u << 10, STORE_MF_NOTES = 1u << 11,
	STORE_MF_PAST_COUNT = 1u << 12, STORE_MF_PAST_LAST_DATE = 1u << 13,
	STORE_MF_PAST_LAST_EVENT = 1u << 14,
	STORE_MF_ATTRS = 1u << 15,	/* the attrs given are set, others kept */
	STORE_MF_PAST_IS_TOTAL = 1u << 16, /* past_count holds the old total:
					   store past_count = it - attended */
};
enum store_event_field {
	STORE_EF_NAME = 1u << 0, STORE_EF_DATE = 1u << 1,
	STORE_EF_VENUE = 1u << 2, STORE_EF_CAPACITY = 1u << 3,
	STORE_EF_NOTES = 1u << 4,
};

/* What an import takes away, told before it commits (and in a dry run):
 * a record whose final status changes from one that was set (EVENT not
 * ""), or a member whose total goes down or whose last date moves back
 * (EVENT ""; OLD_FINAL and NEW_FINAL STORE_KEEP).  Borrowed for the
 * call. */
struct store_import_alert {
	const char	*member;
	const char	*event;
	int		 old_final, new_final;	/* enum store_final */
	uint32_t	 old_total, new_total;
	char		 old_last[STORE_DATE_SIZE], new_last[STORE_DATE_SIZE];
};

/* The rows an import brings, pulled by the store in this order: every
 * event, every member, then every record.  Each next_* fills *out with
 * borrowed pointers valid until the next call and returns 1, or returns 0
 * at the end.  Rows need not be sorted; keys must be unique per kind. */
struct store_import_source {
	void	*arg;
	int	(*next_event)(void *arg, struct store_event *out,
		    uint32_t *fields);
	int	(*next_member)(void *arg, struct store_member *out,
		    uint32_t *fields);
	int	(*next_record)(void *arg, struct store_change *out);
	const char *what;	/* for the one audit record: file names */
	/* NULL, or told each record and member the import takes from */
	void	(*alert)(void *arg, const struct store_import_alert *);
};

struct store_import_counts {
	size_t	 added, updated, unchanged;
};
struct store_import_result {
	struct store_import_counts events, members, records;
};

/* Apply a whole import in ONE write transaction (all or nothing), with one
 * audit record, and before it one entry (action "import") per event,
 * member and record it changed, save additions into an empty database.  Re-importing the same rows changes nothing: no version
 * moves and, when no row changed at all, nothing is written (no audit
 * record, no transaction).  Into an
 * empty database it takes a sorted bulk path (appended keys, index builds
 * from sorted runs) that shares the aggregate code with every other write.
 * Records referring to an unknown event or member: STORE_NOTFOUND naming
 * it.  DRY_RUN: do everything, then abort. */
int		 store_import(struct store *, const struct store_import_source *,
		    bool dry_run, struct store_import_result *);

/* --- roles and access (store/access.c) ------------------------------ */

/* docs/DESIGN.md "Roles and access": every function of this header applies
 * the role of the caller (the real uid) chosen at store_open.  A missing
 * right is STORE_PERM (exit 3) naming the role and the right, with one
 * audit record when the database is open for writing; a member outside
 * the role's rows is STORE_NOTFOUND; a hidden field reads as empty and
 * store_field_hidden() says which to leave out. */
enum store_area {
	STORE_AREA_MEMBERS, STORE_AREA_EVENTS, STORE_AREA_ATTENDANCE,
	STORE_AREA_REPORTS, STORE_AREA_IMPORT, STORE_AREA_EXPORT,
	STORE_AREA_PRINT, STORE_AREA_MAIL, STORE_AREA_ADMIN,
	STORE_AREA_COUNT
};
#define STORE_ACT_VIEW		0x01	/* for import ... mail: may use */
#define STORE_ACT_ADD		0x02
#define STORE_ACT_EDIT		0x04
#define STORE_ACT_DELETE	0x08
#define STORE_ACT_CHECKIN	0x10	/* check-in, walk-ins, its undo */
#define STORE_ACT_ALL		0x1f
#define STORE_ROLE_NAME_MAX	32

struct store_role {
	char		 name[STORE_ROLE_NAME_MAX + 1];
	unsigned	 allow[STORE_AREA_COUNT];	/* STORE_ACT_* */
	char		 rows[512];	/* a filter line; "" keeps every member */
	uint64_t	 hide;		/* bit i: store_fields[i] */
	uint64_t	 read_only;
	bool		 builtin;
};

/* The role the caller acts in (after store_open). */
const struct store_role *store_role_current(const struct store *);
/* Is member field F hidden from the caller? */
bool		 store_field_hidden(const struct store *,
		    const struct store_field *);
/* The caller may use AREA:ACTION (e.g. export:view before an export), or
 * STORE_PERM with the refusal audited. */
int		 store_access(struct store *, enum store_area, unsigned action);
/* "members:view,members:add,..." / "email,phone" of a role, into BUF. */
const char	*store_role_allow_text(const struct store_role *, char *buf,
		    size_t size);
const char	*store_role_fields_text(uint64_t mask, char *buf, size_t size);

/* Roles (admin:view to read them, admin:edit to change them).  Built-in
 * roles (admin, staff, viewer, door) can be copied, not changed. */
int		 store_role_get(struct store *, const char *name,
		    struct store_role *);
int		 store_role_each(struct store *,
		    int (*cb)(const struct store_role *, void *), void *arg);
/* Add role NAME, a copy of FROM (NULL: no rights).  STORE_EXISTS. */
int		 store_role_add(struct store *, const char *name,
		    const char *from);
/* Apply N options (--allow A:ACT,..., --rows FILTER, --hide F,...,
 * --read-only F,...; each pair OPTS[2i], OPTS[2i+1]) to role NAME, all or
 * nothing.  STORE_INVALID naming the bad option or word. */
int		 store_role_set(struct store *, const char *name,
		    char *const *opts, size_t n);
/* STORE_HASREFS when a user still has the role. */
int		 store_role_delete(struct store *, const char *name);

/* Users by uid. */
int		 store_user_set(struct store *, uint32_t uid, const char *role);
int		 store_user_delete(struct store *, uint32_t uid);
int		 store_user_each(struct store *,
		    int (*cb)(uint32_t uid, const char *role, void *), void *arg);

/* --- check-in at the door (store/checkin.c) ------------------------- */

#define STORE_CHECKIN_TEXT 256	/* bytes of a scanned or typed text kept */

enum store_checkin_outcome {
	STORE_CHECKIN_OK = 0,	/* 受付完了: now attended, counted once */
	STORE_CHECKIN_ALREADY,	/* 受付済み: was attended; nothing written */
	STORE_CHECKIN_ERROR,	/* エラー: see reason; nothing written */
};

enum store_checkin_reason {
	STORE_CHECKIN_UNKNOWN = 1,	/* no member by that ID */
	STORE_CHECKIN_LEFT,		/* the member left (退会) */
	STORE_CHECKIN_INVALID,		/* not an ID (empty, too long, ...) */
	STORE_CHECKIN_REFUSED,		/* the write was refused */
};

/* One scan: the text in, the outcome out.  Fill `text` (and `fallback`,
 * `at` when wanted), zero the rest. */
struct store_checkin {
	char		 text[STORE_CHECKIN_TEXT];	/* as typed or scanned */
	char		 fallback[STORE_ID_MAX + 1];	/* the match selected
							   on screen; "" none */
	int64_t		 at;		/* checked_in_at to record; 0: now */
	/* filled by the store */
	enum store_checkin_outcome outcome;
	enum store_checkin_reason reason;	/* ERROR only */
	char		 member[STORE_ID_MAX + 1];	/* the ID found */
	char		 name[STORE_ROWTEXT_SIZE];
	char		 kana[STORE_ROWTEXT_SIZE];
	bool		 suspended;	/* OK, with a warning (休会) */
	uint32_t	 total_before, total_after;	/* OK: 参加回数 5 → 6 */
	bool		 first_time;	/* OK: total before was 0 (初参加) */
	bool		 over_capacity;	/* OK: attended now exceeds capacity */
	bool		 created;	/* OK: no record before: a walk-in */
	enum store_final previous;	/* OK: final before (欠席 → 参加) */
	int64_t		 prev_at;	/* OK: checked_in_at/_by before, */
	char		 prev_by[STORE_USER_SIZE];	/* for an undo */
	uint32_t	 version;	/* OK: the record's version after */
	int64_t		 checked_in_at;	/* OK: now; ALREADY: when (0: marked
					   without a check-in) */
	char		 door[STORE_USER_SIZE];	/* ALREADY: at which door */
};

/* The checked_in_by a door records: "unixuser (DOOR)", or the Unix user
 * alone when DOOR is NULL or "". */
void		 store_checkin_by(const struct store *, const char *door,
		    char out[STORE_USER_SIZE]);
/* Check in the N scans of ITEMS at EVENT in ONE durable write transaction
 * (DESIGN.md "The door"): each text is resolved to a member by its exact
 * ID (NFKC-folded; a single case-folded match counts as exact), else by
 * its fallback; final = attended, checked_in_at, checked_in_by (for DOOR,
 * see store_checkin_by) and the aggregate; a member without a record
 * becomes a walk-in.  An ID twice in ITEMS is ALREADY the second time.
 * Each item gets its outcome; ALREADY and ERROR write nothing.  Returns
 * STORE_OK (even when some items are ERROR), STORE_NOTFOUND (no such
 * event), STORE_FULL, STORE_PERM or STORE_IO; on an error nothing was
 * written and the outcomes are not filled. */
int		 store_checkin_run(struct store *, const char *event,
		    const char *door, struct store_checkin *items, size_t n);
/* Undo the check-in DONE (an OK of store_checkin_run at EVENT) in one
 * write transaction: the record goes back to its final and check-in
 * before, and a walk-in record the check-in created is removed (a guest
 * member stays).  Returns STORE_OK, STORE_CONFLICT when the record
 * changed since (error.by/.at say who), STORE_NOTFOUND when it is gone,
 * STORE_FULL, STORE_IO. */
int		 store_checkin_undo(struct store *, const char *event,
		    const struct store_checkin *done);
/* The ID the next guest would get (shown as provisional): the next
 * number of the most common ID pattern of the database (prefix and digit
 * count, M001 -> M002), else G0001.  One read transaction. */
int		 store_guest_next_id(struct store *, char out[STORE_ID_MAX + 1]);
/* Add GUEST (its id ignored: assigned as store_guest_next_id does, inside
 * the transaction) and check it in at EVENT, one write transaction; *OUT
 * is the check-in's outcome, out->member the ID given.  Returns what
 * store_checkin_run does, and STORE_INVALID for a refused field. */
int		 store_checkin_guest(struct store *, const char *event,
		    const char *door, const struct store_member *guest,
		    struct store_checkin *out);
/* A second handle on the environment of ST for another thread (a writer
 * thread): its own errors, the same LMDB environment (an environment is
 * opened once per process).  Free it with store_share_close() before
 * store_close(ST); never store_close() it. */
struct store	*store_share(struct store *);
void		 store_share_close(struct store *);
/* "HH:MM", "HH:MM:SS" on DATE (YYYY-MM-DD), or ISO 8601 date and time
 * ("2026-02-21T18:04[:SS]", optional "Z" or "+09:00"; without a zone the
 * local time of $TZ, Asia/Tokyo when unset) into Unix time.  STORE_OK or
 * STORE_INVALID. */
int		 store_time_parse(const char *text, const char *date,
		    int64_t *out);

/* --- reports (store/report.c, store/report-list.c) ------------------ */

enum store_report_kind {
	STORE_REPORT_RANGE, STORE_REPORT_YEARLY, STORE_REPORT_EVENTS,
	STORE_REPORT_LAPSED, STORE_REPORT_TOP, STORE_REPORT_NOSHOW,
	STORE_REPORT_NEVER, STORE_REPORT_COUNT
};
enum store_event_sort {
	STORE_SORT_DATE, STORE_SORT_ATTENDED, STORE_SORT_ATTENDANCE_RATE,
	STORE_SORT_NO_SHOW_RATE
};
/* The words of the command line (range, yearly, ...; date, attended,
 * ...): the value, or -1 for an unknown word.  Static strings back. */
int		 store_report_kind_parse(const char *);
const char	*store_report_kind_word(enum store_report_kind);
int		 store_event_sort_parse(const char *);
/* Is KIND a member list (lapsed, top, noshow, never)? */
bool		 store_report_is_list(enum store_report_kind);

#define STORE_LABEL_SIZE 8	/* "FY2025" and its NUL */
#define STORE_RATE_SIZE	 24
/* Read a --year value, "2025" or "FY2025" (full-width folded), into
 * *YEAR; "FY" with CALENDAR is refused.  STORE_OK or STORE_INVALID. */
int		 store_report_year_parse(const char *, bool calendar,
		    int *year);
/* "FY2025" (April 2025 - March 2026), or "2025" when CALENDAR. */
void		 store_year_label(int year, bool calendar,
		    char out[STORE_LABEL_SIZE]);
/* NUM / DEN as a percentage with one decimal, rounded half away from
 * zero ("54.5", "-12.5"); "" when DEN is 0. */
void		 store_rate_text(int64_t num, int64_t den,
		    char out[STORE_RATE_SIZE]);

struct store_report_opts {
	bool		 calendar;	/* years January-December */
	int		 year;		/* 0: every year (top: lifetime) */
	int		 months;	/* lapsed: not within N months (0: 12) */
	size_t		 limit;		/* member lists: rows at most (0: all) */
	enum store_event_sort sort;	/* events */
	/* the members counted (NULL: every member); a filter naming
	 * status keeps members who left or are suspended in the lists */
	const struct store_filter *filter;
};

/* range: buckets of total 0, 1, 2, 3-5, 6-9, 10-19, 20+. */
#define STORE_RANGE_BUCKETS 7
struct store_range_row {
	const char	*bucket;	/* "3-5" (static) */
	uint64_t	 members;
	uint64_t	 attendances;	/* the sum of their totals */
};

/* yearly: one year.  Counts are of records of past events whose final
 * status is set; rates: store_rate_text(no_show, attended + no_show) and
 * store_rate_text(attended - prev_attended, prev_attended). */
struct store_year_row {
	int		 year;
	char		 label[STORE_LABEL_SIZE];
	uint64_t	 events;	/* past events that year */
	uint64_t	 invited, accepted, attended, no_show;
	uint64_t	 attendees;	/* distinct members who attended */
	uint64_t	 first_time;	/* first attendance ever, past count 0 */
	uint64_t	 repeat;	/* attended this and the previous year */
	uint64_t	 lapsed;	/* the previous year, not this one */
	bool		 has_prev;	/* the previous year is a row too */
	uint64_t	 prev_attended;
};

/* events: one past event's funnel (DESIGN.md "Reports" gives the rates:
 * acceptance accepted/invited, attendance attended_invited/invited,
 * no_show no_show/(attended + no_show), cancellation cancelled/invited). */
struct store_event_row {
	char		 code[STORE_ID_MAX + 1];
	char		 name[STORE_ROWTEXT_SIZE];
	char		 date[STORE_DATE_SIZE];
	int32_t		 capacity;	/* 0: no limit */
	uint64_t	 invited;	/* records with invited_on set */
	uint64_t	 accepted, attended, walk_in, no_show, cancelled;
	uint64_t	 attended_invited;	/* attended among the invited */
	bool		 over_capacity;	/* attended > capacity > 0 */
};

/* lapsed, top, noshow, never: one member, borrowed for the callback. */
struct store_report_member {
	const char	*id, *name, *kana, *segment;
	uint32_t	 total;		/* top with a year: attendances in it */
	uint32_t	 no_show;
	const char	*last_date;
	const char	*last_event;	/* "CODE NAME", or the past event text */
	enum store_member_status status;
};

struct store_report {
	enum store_report_kind kind;
	struct store_range_row range[STORE_RANGE_BUCKETS];
	uint64_t	 members;	/* range: the members counted */
	struct store_year_row *years;	/* yearly, oldest first */
	size_t		 nyears;
	struct store_event_row *events;	/* events, in the order asked */
	size_t		 nevents;
	size_t		 listed;	/* member lists: rows before --limit
					   (lifetime top with a limit: the
					   rows listed, read from the top) */
	/* left out: by the action rule (member lists; lifetime top with a
	 * limit: those met above the last row listed), and */
	size_t		 left_out[3];	/* by enum store_member_status */
	size_t		 future_events;	/* events after today */
	size_t		 pending_records;	/* past events' records, final
						   status still empty */
};

/* Compute report KIND in one read transaction.  Member lists call MEMBER
 * for each row (inside the transaction: no store write there); a non-zero
 * return stops and is returned.  Free OUT with store_report_free even on
 * error.  Returns STORE_OK, STORE_IO. */
int		 store_report_run(struct store *, enum store_report_kind,
		    const struct store_report_opts *, struct store_report *out,
		    int (*member)(const struct store_report_member *, void *),
		    void *arg);
void		 store_report_free(struct store_report *);

/* --- selections, saved filters, invitations (store/select.c) -------- */

enum store_select_use {
	STORE_USE_LIST,		/* select: the action rule only */
	STORE_USE_INVITE,	/* also skip members with a record at EVENT */
	STORE_USE_MAIL_MERGE,	/* also leave out mail_opt_out */
	STORE_USE_INVITED,	/* only members with a record at EVENT */
	STORE_USE_VIEW,		/* a list to look at: no action rule */
};
struct store_select_counts {
	size_t	 kept;		/* members passed to the callback */
	size_t	 left, suspended;	/* left out by the action rule */
	size_t	 mail_opt_out;	/* MAIL_MERGE: left out; INVITE: kept */
	size_t	 already;	/* INVITE: already have a record, skipped */
};
/* Every member FILTER keeps (NULL: all), in ID order, minus those USE
 * leaves out: members who left or are suspended unless the filter names
 * status (counted), and what USE says.  CB (NULL: count only) sees each
 * inside one read transaction: no store call there.  EVENT: the event of
 * USE_INVITE and USE_INVITED.  Returns STORE_OK, STORE_NOTFOUND (unknown
 * event), STORE_IO, or CB's non-zero return. */
int		 store_select(struct store *, const struct store_filter *,
		    enum store_select_use, const char *event,
		    int (*cb)(const struct store_member *,
		    const struct store_stats *, void *), void *arg,
		    struct store_select_counts *);

/* Invite N members to EVENT in ONE write transaction (all or nothing); a
 * member who already has a record there is left as is.  CREATED (N
 * entries, when not NULL) says which records were made.  Returns
 * STORE_OK, STORE_NOTFOUND, STORE_FULL, STORE_IO. */
int		 store_invite_members(struct store *, const char *event,
		    const char *const *members, size_t n, bool *created);
/* Remove N members' invitations to EVENT in ONE write transaction with
 * their audit records: each record must exist with no response, no final
 * status and no check-in.  All or nothing: otherwise nothing is written,
 * REFUSED (when not NULL) hears each member that cannot be removed and
 * why, and the error names them.  Returns STORE_OK, STORE_NOTFOUND (no
 * such event), STORE_INVALID (some cannot be removed), STORE_FULL,
 * STORE_IO. */
int		 store_uninvite(struct store *, const char *event,
		    const char *const *members, size_t n,
		    void (*refused)(const char *member, const char *why,
		    void *), void *arg);

/* Saved filters, shared by every staff member: NAME (folded like a key)
 * maps to the filter's words.  Save replaces one of the same name, with
 * an audit record; a word naming another saved filter (@NAME) is refused
 * (save its words instead).  Returns STORE_OK, STORE_INVALID, STORE_FULL,
 * STORE_IO. */
int		 store_filter_save(struct store *, const char *name,
		    const char *const *words, size_t n);
/* The words of saved filter NAME: *WORDS is a malloc'd array of malloc'd
 * strings; free with store_words_free.  STORE_OK, STORE_NOTFOUND. */
int		 store_filter_load(struct store *, const char *name,
		    char ***words, size_t *n);
int		 store_filter_delete(struct store *, const char *name);
/* Every saved filter by name; CB's non-zero return stops the walk. */
int		 store_filter_each(struct store *, int (*cb)(const char *name,
		    const char *const *words, size_t n, void *), void *arg);
/* WORDS with each "@NAME" (＠ too) replaced by the words saved as NAME,
 * into a new array (free with store_words_free).  An unknown name is
 * STORE_NOTFOUND with the word in the message. */
int		 store_filter_expand(struct store *, const char *const *words,
		    size_t n, char ***out, size_t *nout);
void		 store_words_free(char **words, size_t n);
/* --- mailings (store/mailing.c) ------------------------------------ */

/* What became of one recipient of a mailing. */
enum store_mail_state {
	STORE_MAIL_QUEUED = 0,	/* not handed off yet */
	STORE_MAIL_SENDING,	/* being handed off (recorded before) */
	STORE_MAIL_SENT,	/* sendmail took it */
	STORE_MAIL_FAILED,	/* sendmail refused it; error says why */
	STORE_MAIL_UNCERTAIN,	/* was sending when a run stopped */
};
#define STORE_MAILING_ID_SIZE	32	/* "YYYYMMDD-N" and its NUL */

struct store_mailing {
	char		 id[STORE_MAILING_ID_SIZE];
	int64_t		 created_at;
	char		 created_by[STORE_USER_SIZE];
	char		*subject;	/* the template's, placeholders kept */
	char		*sender;	/* the envelope sender */
	char		*event;		/* "" or NULL: none */
	char		*template_text;	/* the whole template, for --resume */
	size_t		 recipients;
};

struct store_recipient {
	char		 member[STORE_ID_MAX + 1];
	char		*address;
	enum store_mail_state state;
	bool		 resent;	/* sent again after being uncertain */
	int64_t		 at;		/* when the state was recorded */
	char		*error;		/* STORE_MAIL_FAILED: why */
};

/* The English word of a state ("queued", ..., "uncertain"); static. */
const char	*store_mail_state_word(enum store_mail_state);
void		 store_mailing_free(struct store_mailing *);
void		 store_recipient_free(struct store_recipient *);
/* Record a new mailing M (created_at and created_by are set here) with
 * its N recipients R (member, address) all queued, and one audit record
 * (entity mail, action create); one write transaction.  ID receives the
 * new mailing's ID.  STORE_OK, STORE_INVALID (a member listed twice),
 * STORE_FULL, STORE_IO. */
int		 store_mailing_create(struct store *,
		    const struct store_mailing *m,
		    const struct store_recipient *r, size_t n,
		    char id[STORE_MAILING_ID_SIZE]);
/* Set the state (and error; resent is only ever set, never cleared) of
 * N recipients of mailing ID in one write transaction.  STORE_NOTFOUND
 * naming a member that is no recipient. */
int		 store_mailing_mark(struct store *, const char *id,
		    const struct store_recipient *r, size_t n);
/* Before resuming mailing ID: every recipient still "sending" (its
 * hand-off was cut off) becomes "uncertain"; *uncertain counts them all,
 * earlier ones included.  One write transaction.  STORE_NOTFOUND. */
int		 store_mailing_recover(struct store *, const char *id,
		    size_t *uncertain);
/* Read mailing ID (free with store_mailing_free).  STORE_NOTFOUND. */
int		 store_mailing_get(struct store *, const char *id,
		    struct store_mailing *);
/* Every recipient of mailing ID by member ID (borrowed for the call). */
int		 store_mailing_recipients(struct store *, const char *id,
		    int (*cb)(const struct store_recipient *, void *),
		    void *arg);
/* The mailings MEMBER received or was queued for, oldest first. */
int		 store_member_mailings(struct store *, const char *member,
		    int (*cb)(const struct store_mailing *,
		    const struct store_recipient *, void *), void *arg);

#endif
