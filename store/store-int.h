/*
 * store-int.h -- private to store/: LMDB handles, the write context, the
 * value codec, the aggregate and index helpers shared by every write path.
 *
 * Internal functions return enum store_rc codes; an LMDB code is turned
 * into one (and the message set) at the call that received it, so MDB_*
 * codes never travel further than one line.
 */
#ifndef SANKA_STORE_INT_H
#define SANKA_STORE_INT_H

#include <sys/stat.h>

#include <lmdb.h>
#include <stdarg.h>
#include <string.h>

#include "store/store.h"
#include "store/i18n.h"
#include "store/sort.h"
#include "store/xmalloc.h"

#define STORE_SCHEMA_VERSION	2	/* 2: every value sealed (seal.c) */
#if SIZE_MAX > 0xffffffffu
#define STORE_MAP_SIZE	((size_t)64 << 30)	/* grows only as used */
#else
#define STORE_MAP_SIZE	((size_t)1 << 30)
#endif
#define STORE_MAXREADERS	512
#define STORE_TEXT_KEY_MAX	400	/* folded text in an index key, bytes */

enum store_db {
	DB_MEMBERS, DB_STATS, DB_EVENTS, DB_ATT, DB_BYMEM, DB_PENDING,
	DB_NAME, DB_AUDIT, DB_META, DB_BYKANA, DB_BYTOTAL, DB_BYLAST,
	DB_MAILINGS,
	DB_COUNT
};

struct store {
	MDB_env		*env;
	MDB_dbi		 dbi[DB_COUNT];
	unsigned	 flags;
	bool		 created;	/* this open made data.mdb */
	bool		 audit_rw;	/* read-only, but may audit a refusal */
	bool		 auditing;	/* writing that audit record now */
	bool		 sealed;	/* the snapshot's values carry a CRC */
	bool		 migrated;	/* this open migrated schema 1 */
	char		 actor[STORE_USER_SIZE];
	struct store_error err;
	/* access.c: the caller's role, its rows, a refusal to audit */
	struct store_role role;
	struct store_filter *rows;
	bool		 refused;
	char		 refusal[160];
	bool		 deferred;	/* a STORE_SHARED open: no right until
					   store_privilege_dropped */
	bool		 norole;	/* ... which then refuses the user */
	uint32_t	 norole_admin;	/* the admin to name then */
};

/* A growable byte buffer. */
struct buf {
	unsigned char	*p;
	size_t		 len, cap;
};

struct agg_cache;

/* One write transaction in progress. */
struct wtx {
	struct agg_cache *cache;	/* aggregates changed, written at commit */
	struct store	*st;
	MDB_txn		*txn;
	int64_t		 now;
	uint64_t	 seq;		/* next audit sequence; 0: not read yet */
	bool		 quiet;		/* no audit record per row */
	bool		 import;	/* each record's action is "import" */
	size_t		 naudit;	/* audit records added */
	struct buf	 scratch[3];	/* reused by each change of a batch */
	char		 ev_code[STORE_ID_MAX + 1];	/* one-entry cache */
	char		 ev_date[STORE_DATE_SIZE];
};

/* The stored aggregate: the public part plus what makes updates cheap. */
struct agg {
	struct store_stats s;
	int32_t		 past_count;		/* copies of the member's */
	char		 past_last_date[STORE_DATE_SIZE];
	char		 ev_date[STORE_DATE_SIZE];	/* latest attended event, */
	char		 ev_code[STORE_ID_MAX + 1];	/* past ignored */
};

/* Copy string SRC (NULL: "") into DST of SIZE bytes, cut if longer. */
static inline void
str_copy(char *dst, size_t size, const char *src)
{
	size_t	n = src == NULL ? 0 : strlen(src);

	if (n >= size)
		n = size - 1;
	if (n != 0)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

/* env.c */
/* files.c: the database files checked around LMDB's open by path. */
enum { FILES_DATA, FILES_LOCK, FILES_COUNT };
struct files_seen {
	struct stat	 sb[FILES_COUNT];
	bool		 existed[FILES_COUNT];
	bool		 created[FILES_COUNT];
	uid_t		 dir_uid;
};
/* Before mdb_env_open: refuse links and foreign files (and, for root, a
 * directory others can write to); with CREATE, make the lock file with its
 * space allocated (0660, group-shared when SHARED).  STORE_OK, STORE_PERM, STORE_FULL, STORE_IO. */
int	 files_before_open(struct store *, const char *dir, bool create,
	    bool shared, struct files_seen *);
/* After: the files LMDB holds open are the ones checked.  STORE_OK or
 * STORE_PERM. */
int	 files_after_open(struct store *, const char *dir, int datafd,
	    struct files_seen *);
/* Remove the files that did not exist before (a failed creation). */
void	 files_undo(const char *dir, const struct files_seen *);

void	 store_actor_refresh(struct store *);
int	 store_err(struct store *, int rc, const char *field,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
int	 store_mdb(struct store *, int mdb_rc, const char *what);
void	 store_err_clear(struct store *);
int	 store_wbegin(struct store *, struct wtx *);
int	 store_wcommit(struct wtx *);
void	 store_wabort(struct wtx *);
int	 store_rbegin(struct store *, MDB_txn **);
long	 store_schema_parse(const char *);
void	 store_time_text(int64_t, char *, size_t);
const char *store_db_name(enum store_db);
int	 store_conflict(struct store *, const char *what, const char *key,
	    uint32_t version, uint32_t expect, const char *by, int64_t at);

/* seal.c: the only LMDB reads and writes of entries.  A damaged entry is
 * STORE_DAMAGED (its database and key in the message); a cursor call
 * returns LMDB codes and STORE_MDB_DAMAGED, which store_mdb maps to
 * STORE_DAMAGED keeping the message. */
#define STORE_MDB_DAMAGED	(-30700)	/* outside LMDB's codes */
struct cur {
	MDB_cursor	*c;
	struct store	*st;
	enum store_db	 db;
	size_t		 steps, bound;
};
int	 store_get(struct store *, MDB_txn *, enum store_db, const void *,
	    size_t, MDB_val *);
int	 store_put(struct store *, MDB_txn *, enum store_db, const void *,
	    size_t, const void *, size_t, unsigned);
int	 store_del(struct store *, MDB_txn *, enum store_db, const void *,
	    size_t);
int	 store_cursor(struct store *, MDB_txn *, enum store_db, struct cur *);
int	 cur_get(struct cur *, MDB_val *k, MDB_val *v, MDB_cursor_op);
int	 cur_put(struct cur *, MDB_val *k, const MDB_val *v, unsigned flags);
void	 cur_close(struct cur *);
bool	 seal_ok(const MDB_val *k, const MDB_val *v);
/* Each meta entry whose key starts with PREFIX, in key order, in TXN: CB
 * gets the key after the prefix and the value; a non-zero return stops the
 * walk and is returned.  STORE_OK at the end, or a store code. */
int	 meta_each(struct store *, MDB_txn *, const char *prefix,
	    int (*cb)(const char *rest, size_t restlen, const MDB_val *v,
	    void *), void *arg);
void	 seal_key_text(enum store_db, const MDB_val *k, char *, size_t);
int	 seal_schema_read(struct store *, MDB_txn *, long *ver);
int	 seal_schema_write(struct store *, MDB_txn *, long ver);
int	 seal_begin(struct store *, MDB_txn *);
int	 seal_walk(struct store *, MDB_txn *, enum store_db,
	    void (*bad)(enum store_db, const MDB_val *, void *), void *arg,
	    size_t *nbad);

/* migrate.c: schema 1 -> 2 in one write transaction (a writer's open). */
int	 migrate_schema1(struct store *);

/* kvset.c: keys, each with its value right after it in one arena (the
 * sorted import path, the check).  Until kvset_sort an entry's k is an
 * arena offset; its tag is always the value's length, so equal keys sort
 * by it (they are refused or written once). */
struct kvset {
	struct buf	 arena;
	struct sort_key	*e;
	size_t		 n, cap;
};
void	 kvset_add(struct kvset *, const void *k, size_t klen, const void *v,
	    size_t vlen);
/* Sort by key; then e[i].k points at the key, its value at k + len. */
void	 kvset_sort(struct kvset *);
bool	 kvset_same_key(const struct sort_key *, const struct sort_key *);
void	 kvset_free(struct kvset *);

/* codec.c */
void	 buf_init(struct buf *);
void	 buf_free(struct buf *);
void	 buf_grow(struct buf *, size_t);
static inline void
buf_reserve(struct buf *b, size_t n)
{
	if (b->len + n > b->cap)
		buf_grow(b, n);
}
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_addc(struct buf *, int);
void	 buf_adds(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_uv(struct buf *, uint64_t);
void	 buf_sv(struct buf *, int64_t);
void	 buf_str(struct buf *, const char *);
void	 codec_member_enc(struct buf *, const struct store_member *);
int	 codec_member_dec(const MDB_val *, const char *id,
	    struct store_member *);
void	 codec_member_row(const MDB_val *, struct store_member_row *);
/* The status of an encoded member, read without decoding the rest. */
enum store_member_status codec_member_status(const MDB_val *);
void	 codec_event_enc(struct buf *, const struct store_event *);
int	 codec_event_dec(const MDB_val *, const char *code,
	    struct store_event *);
int	 codec_event_date(const MDB_val *, char date[STORE_DATE_SIZE]);
void	 codec_event_name(const MDB_val *, char *, size_t);
void	 codec_att_enc(struct buf *, const struct store_attendance *);
int	 codec_att_dec(const MDB_val *, struct store_attendance *, bool note);
/* What the reports count of an encoded record, read without the rest. */
struct att_peek {
	bool	invited;	/* invited_on set */
	int	response, final;
	bool	walk_in;
};
int	 codec_att_peek(const MDB_val *, struct att_peek *);
void	 codec_agg_enc(struct buf *, const struct agg *);
int	 codec_agg_dec(const MDB_val *, struct agg *);
void	 codec_copy_text(char *dst, size_t size, const char *, size_t);

/* text.c */
char	*text_fold_n(const char *, size_t, size_t *outlen);
int	 text_fold_append(struct buf *, const char *, size_t);
/* text_fold_append, and where each space of the text falls in its fold
 * (CUTS, *NCUTS): 0 when those are right (the text folds character by
 * character), 1 when not, -1 for invalid UTF-8. */
int	 text_fold_cut(struct buf *, const char *, size_t, size_t *cuts,
	    size_t maxcuts, size_t *ncuts);
bool	 text_is_valid(const char *);
/* How a text value is kept: the field table's rule for member fields,
 * the same shape for events and attributes. */
struct text_rule {
	bool	 multi;		/* may hold line feeds and tabs */
	bool	 nfkc;		/* folded to NFKC (readings, phone, ...) */
	size_t	 limit;		/* bytes */
};
/* IN checked and normalised as every write path keeps a value (import,
 * command line, forms): ends trimmed of spaces, tabs and U+3000, NFKC by
 * RULE, CRLF -> LF, no control characters, at most RULE->limit bytes.
 * *OUT malloc'd.  STORE_OK or STORE_INVALID naming FIELD. */
int	 text_value(struct store *, const char *field, const char *in,
	    const struct text_rule *, char **out);
int	 text_check_line(struct store *, const char *field, const char *);
int	 text_norm_multi(struct store *, const char *field, const char *,
	    char **out);
int	 text_date_field(struct store *, const char *field, const char *);
void	 text_escape(struct buf *, const char *);

/* attendance.c */
void	 att_created_invited_on(const struct store_change *,
	    const char *today, char out[STORE_DATE_SIZE]);

/* aggregate.c */
void	 agg_init(struct agg *, int32_t past_count, const char *past_date);
void	 agg_add(struct agg *, const char *date, const char *code,
	    int final, int response);
void	 agg_finish(struct agg *);
int	 agg_get(struct wtx *, const char *member, struct agg *);
int	 agg_put(struct wtx *, const char *member, const struct agg *old,
	    const struct agg *nw);
int	 agg_compute(struct store *, MDB_txn *, const char *member,
	    int32_t past_count, const char *past_date, struct agg *);
int	 agg_recompute(struct wtx *, const char *member);
int	 agg_delta(struct wtx *, const char *member, const char *date,
	    const char *code, int old_final, int old_resp, int new_final,
	    int new_resp);
int	 agg_set_past(struct wtx *, const char *member, int32_t past_count,
	    const char *past_date);
int	 agg_drop(struct wtx *, const char *member);
int	 agg_flush(struct wtx *);
void	 agg_cache_free(struct wtx *);
bool	 agg_equal(const struct agg *, const struct agg *);

/* index.c */
size_t	 idx_att_key(char *, const char *event, const char *member);
size_t	 idx_bymem_key(char *, const char *member, const char *date,
	    const char *event);
size_t	 idx_pending_key(char *, const char *date, const char *event,
	    const char *member);
size_t	 idx_kana_key(struct buf *, const struct store_member *);
size_t	 idx_total_key(char *, uint32_t total, const char *id);
size_t	 idx_last_key(char *, const char *last_date, const char *id);
const char *idx_key_id(enum store_db, const char *, size_t, size_t *);
/* The folded texts a member is found by; a \0-separated sorted list in
 * BUF, prefixes of another entry left out (a prefix search finds them).
 * name_index holds them but the reading (in by_kana) and a plain ID
 * (in members). */
size_t	 idx_search_texts(struct buf *, const struct store_member *);
size_t	 idx_name_texts(struct buf *, const struct store_member *,
	    const struct buf *kanakey);
/* The same with working buffers kept between calls. */
size_t	 idx_search_texts_in(struct buf *, struct buf *tmp,
	    const struct store_member *);
size_t	 idx_name_texts_in(struct buf *, const struct store_member *,
	    const struct buf *kanakey, struct buf *all, struct buf *tmp);
bool	 idx_id_plain(const char *, size_t);
int	 idx_member_put(struct wtx *, const struct store_member *old,
	    const struct store_member *nw);
int	 idx_sort_put(struct wtx *, const char *id, const struct agg *old,
	    const struct agg *nw);
size_t	 idx_render(enum store_db, const char *, size_t, char *, size_t);

/* member.c */
int	 member_norm(struct store *, const struct store_member *,
	    struct store_member *);
int	 member_plain(struct store *, const struct store_member *);
int	 member_read(struct store *, MDB_txn *, const char *id,
	    struct store_member *);
void	 member_diff(struct buf *old, struct buf *nw,
	    const struct store_member *a, const struct store_member *b);
bool	 member_same(const struct store_member *, const struct store_member *);
int	 member_write(struct wtx *, const struct store_member *old,
	    struct store_member *nw);
int	 member_drop(struct wtx *, const struct store_member *, size_t *nrec);

/* event.c */
int	 event_norm(struct store *, const struct store_event *,
	    struct store_event *);
int	 event_date(struct wtx *, const char *code, char date[STORE_DATE_SIZE]);
int	 event_read(struct store *, MDB_txn *, const char *code,
	    struct store_event *);
/* Members with a record at CODE: per record its final and response bytes,
 * then its member ID and a NUL, into OUT; *N records. */
int	 event_scan(struct store *, MDB_txn *, const char *code,
	    struct buf *out, size_t *n);
/* The audit record of a member's change A -> B (NULL: none). */
int	 member_audit(struct wtx *, const char *action,
	    const struct store_member *a, const struct store_member *b);
int	 event_audit(struct wtx *, const char *action,
	    const struct store_event *old, const struct store_event *nw,
	    const char *extra);
int	 event_write(struct wtx *, const struct store_event *old,
	    struct store_event *nw);
bool	 event_same(const struct store_event *, const struct store_event *);
void	 event_diff(struct buf *, struct buf *, const struct store_event *,
	    const struct store_event *);

/* attendance.c */
struct att_norm {
	char		 event[STORE_ID_MAX + 1];
	char		 member[STORE_ID_MAX + 1];
	char		*note;
};
int	 att_change_norm(struct store *, const struct store_change *,
	    struct att_norm *);
int	 att_apply_one(struct wtx *, const struct store_change *,
	    struct store_attendance *result, int *changed);
int	 att_write(struct wtx *, const char *date,
	    const struct store_attendance *old, struct store_attendance *nw);
int	 att_drop(struct wtx *, const char *event, const char *member,
	    const char *date, int final);

/* access.c: roles (docs/DESIGN.md "Roles and access").  Refusals set the
 * error and are audited by access_flush once no transaction is open. */
int	 access_load(struct store *, uid_t data_owner);
void	 access_free(struct store *);
int	 access_need(struct store *, enum store_area, unsigned action);
int	 access_refuse(struct store *, const char *right, const char *fmt,
	    ...) __attribute__((format(printf, 3, 4)));
void	 access_flush(struct store *);
/* access-rows.c: what the role sees of members */
bool	 access_restricted(const struct store *);
bool	 access_row_ok(const struct store *, const struct store_member *,
	    const struct store_stats *);
/* Is member ID (its record read in TXN) inside the rows? */
bool	 access_id_ok(struct store *, MDB_txn *, const char *id);
void	 access_hide_member(const struct store *, struct store_member *,
	    struct store_stats *);
void	 access_hide_row(const struct store *, struct store_member_row *);
/* A list row read from MV: false when outside the rows, or (PREFIX not
 * NULL) found only through a hidden field. */
bool	 access_list_ok(struct store *, const MDB_val *mv, const char *id,
	    const struct agg *, const char *prefix, size_t plen);
int	 access_member_add(struct store *, const struct store_member *);
/* NW keeps OLD's hidden values; a read-only change or a member moved out
 * of the rows is refused. */
int	 access_member_update(struct store *, MDB_txn *,
	    const struct store_member *old, struct store_member *nw);
int	 access_filter(struct store *, const struct store_filter *);
int	 access_import_member(struct store *, uint32_t fields,
	    const struct store_member *);
/* TEXT ("field=value; ...") with hidden values as (hidden); malloc'd. */
char	*access_audit_text(const struct store *, const char *text);
/* check-values.c: store_check's lines on values (an ID with an invisible
 * character, a value over its limit, same-date events whose folded names
 * match), each one line to REPORT. */
struct ckv;
struct ckv *ckv_new(void (*report)(const char *line, void *), void *arg);
void	 ckv_member(struct ckv *, const struct store_member *);
void	 ckv_event(struct ckv *, const struct store_event *);
/* Report the same-name events and free. */
void	 ckv_end(struct ckv *);

/* audit.c */
int	 audit_add(struct wtx *, const char *entity, const char *action,
	    const char *member, const char *event, const char *old,
	    const char *nw);
int	 audit_redact(struct wtx *, const char *member);

/* A read transaction and its store. */
struct rtx {
	struct store	*st;
	MDB_txn		*txn;
};

/* walk.c: every member in ID order with its aggregate; WALK_MEMBER
 * decodes the member record too (implied by a filter), WALK_HISTORY
 * lists the dates of its attended records of events up to today, oldest
 * first.  Members the filter drops are skipped.  CB's non-zero return
 * stops the walk and is returned. */
#define WALK_MEMBER	0x1
#define WALK_HISTORY	0x2
struct walk_member {
	char		 id[STORE_ID_MAX + 1];
	struct agg	 g;
	struct store_member m;		/* WALK_MEMBER */
	bool		 have_m;
	char		(*dates)[STORE_DATE_SIZE];	/* WALK_HISTORY */
	size_t		 ndates, capdates;
};
int	 walk_members(struct rtx *, unsigned need,
	    const struct store_filter *,
	    int (*cb)(const struct walk_member *, void *), void *arg);

#endif
