/*
 * import-int.h -- private interfaces between the files of import/: the
 * diagnostics list, the encoding layer, the streaming CSV reader, the
 * header table, the value parsers, the row arena and the checks.
 */
#ifndef SANKA_IMPORT_INT_H
#define SANKA_IMPORT_INT_H

#include <iconv.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "import/import.h"
#include "store/sort.h"
#include "store/store.h"
#include "store/thread.h"
#include "store/xmalloc.h"

#define IMPORT_CHUNK		(64 * 1024)	/* bytes per read(2) */
#define IMPORT_ROW_MAX		(16u * 1024 * 1024) /* bytes of one row */
#define IMPORT_TEXT_MAX		STORE_LINE_MAX	/* bytes of a one-line value */
#define IMPORT_NOTE_MAX		STORE_TEXT_MAX	/* notes and custom text */
#define IMPORT_ATTR_NAME_MAX	64	/* bytes of a custom attribute name */
#define IMPORT_LIST_MAX		50	/* errors listed before "... and N more" */

/* --- util.c -------------------------------------------------------------- */

/* Grow *P (of *CAP bytes) to hold at least NEED bytes. */
void	 util_grow(void *p, size_t *cap, size_t need);

/* --- diag.c: FILE:LINE:FIELD messages ---------------------------------- */

struct diag_ent {
	uint32_t	 file;
	uint64_t	 line;
	uint64_t	 seq;
	char		*text;
};

struct diag {
	const char *const *files;	/* names, by file index */
	struct diag_ent	 err[IMPORT_LIST_MAX];
	size_t		 nerr_kept, err_worst;
	size_t		 nerrors;
	struct diag_ent	 warn[IMPORT_LIST_MAX];
	size_t		 nwarn_kept, warn_worst;
	size_t		 nwarnings;
	uint64_t	 seq;
	import_msg_fn	 msg;
	void		*msg_arg;
};

void	 diag_init(struct diag *, const char *const *files, import_msg_fn,
	    void *);
void	 diag_free(struct diag *);
/* Record an error or warning at FILE's LINE (0: the file as a whole) and
 * column COL (1-based; 0: no field), whose header is COLNAME. */
void	 diag_error(struct diag *, uint32_t file, uint64_t line, size_t col,
	    const char *colname, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));
void	 diag_warn(struct diag *, uint32_t file, uint64_t line, size_t col,
	    const char *colname, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));
/* Would a warning at FILE:LINE be listed?  When not, it is counted as
 * given: the caller need not format it. */
bool	 diag_warn_wanted(struct diag *, uint32_t file, uint64_t line);
/* Emit the kept messages in file and line order, then "... and N more". */
void	 diag_flush(struct diag *);
/* Send one line to the message callback (or stdout/stderr). */
void	 diag_say(import_msg_fn, void *, enum import_msg, const char *fmt,
	    ...) __attribute__((format(printf, 4, 5)));

/* --- encoding.c: detection and decoding to UTF-8 ----------------------- */

enum enc_sniff {
	ENC_SNIFF_PLAIN,	/* no byte order mark */
	ENC_SNIFF_BOM8,		/* EF BB BF: UTF-8, skip 3 bytes */
	ENC_SNIFF_UTF16,	/* FF FE, FE FF or NUL-heavy: refused */
};
enum enc_sniff	 enc_sniff(const unsigned char *, size_t);

/* An incremental UTF-8 validator (overlongs, surrogates, > U+10FFFF and
 * truncated sequences are invalid). */
struct enc_u8 {
	uint64_t	 off;		/* absolute offset of the next byte */
	uint64_t	 lines;		/* LFs before it */
	uint64_t	 seq_off;	/* where the open sequence started */
	uint32_t	 need;		/* continuation bytes still expected */
	unsigned char	 lo, hi;	/* range of the next continuation */
	uint64_t	 multibyte;	/* valid multi-byte characters seen */
};
void	 enc_u8_init(struct enc_u8 *);
/* Scan N bytes; returns true when valid so far, else false with *bad the
 * absolute offset of the invalid sequence.  FINAL: end of input. */
bool	 enc_u8_scan(struct enc_u8 *, const unsigned char *, size_t,
	    bool final, uint64_t *bad);

/* The result of a whole-file scan for IMPORT_ENC_AUTO. */
struct enc_guess {
	enum import_encoding enc;	/* UTF8 or CP932; AUTO: refused */
	bool		 bom;
	bool		 damaged_utf8;	/* mostly UTF-8 with invalid bytes */
	uint64_t	 bad_off;	/* first invalid UTF-8 byte */
	uint64_t	 bad_line;
	bool		 utf16;
};
/* Read FD from its start to its end (then rewind it) and guess. */
int	 enc_guess_fd(int fd, struct enc_guess *);

struct enc_dec {
	enum import_encoding enc;	/* UTF8 or CP932 */
	void		*cd;		/* iconv_t */
	struct enc_u8	 u8;
	unsigned char	*in;		/* carry + chunk (CP932) */
	size_t		 incap;
	size_t		 ncarry;
	char		*out;
	size_t		 outcap;
	uint64_t	 off;		/* absolute input offset consumed */
	uint64_t	 lines;		/* LFs in the input before off */
	uint64_t	 bad_off;	/* on error: where */
	uint64_t	 bad_line;	/* 1-based line of bad_off */
	unsigned char	 bad_byte;
};
/* Returns 0, or -1 when iconv lacks CP932. */
int	 enc_dec_init(struct enc_dec *, enum import_encoding, uint64_t off);
/* Decode N bytes (FINAL: nothing follows) to UTF-8 in *OUT, *OUTLEN
 * (valid until the next call).  Returns 0, or -1 on an invalid or
 * truncated sequence (bad_off, bad_line, bad_byte filled in). */
int	 enc_dec_feed(struct enc_dec *, const unsigned char *, size_t,
	    bool final, const char **out, size_t *outlen);
void	 enc_dec_free(struct enc_dec *);

/* --- csv-read.c: the streaming reader ---------------------------------- */

struct csvr_row {
	char		**cell;		/* N NUL-terminated cells ("" if empty) */
	size_t		 *len;
	size_t		  n;
	uint64_t	  line;		/* physical line where the row starts */
};

struct csvr_info {
	enum import_encoding enc;	/* UTF8 or CP932 */
	bool		 bom;
	uint64_t	 size;		/* bytes of the file */
	uint64_t	 done;		/* bytes read so far */
	uint64_t	 lines;		/* physical lines */
	uint64_t	 rows;		/* rows delivered, the header included */
};

/* Called per row; non-zero stops the reading (returned by csvr_read). */
typedef int	(*csvr_row_fn)(void *arg, const struct csvr_row *);
/* Called every chunk with what was read so far. */
typedef void	(*csvr_tick_fn)(void *arg, const struct csvr_info *);

/* Read FD (a regular file, read from its start) as CSV named FILE (index
 * in D).  Returns 0, -1 on a fatal problem of the file (reported to D:
 * encoding, UTF-16, tabs, broken quotes, an over-long row), or what ROW
 * returned. */
int	 csvr_read(int fd, uint32_t file, enum import_encoding,
	    csvr_row_fn row, csvr_tick_fn tick, void *arg,
	    struct csvr_info *, struct diag *d);

/* --- headers.c: the header-name table ---------------------------------- */

enum hfield {
	HF_NONE = 0,		/* unknown column */
	HF_SYSTEM,		/* kintone system column: ignored */
	HF_START,		/* kintone レコードの開始行, or a "*" header */
	HF_RECNO,		/* kintone レコード番号 */
	HF_AGG,			/* exported aggregates: ignored */
	HF_READONLY,		/* attendance: names for reading: ignored */
	HF_ATTR,		/* "attr.NAME": a custom attribute */
	HF_M_ID, HF_M_NAME, HF_M_SEI, HF_M_MEI, HF_M_KANA, HF_M_KSEI,
	HF_M_KMEI, HF_M_EMAIL, HF_M_PHONE, HF_M_POSTAL, HF_M_ADDRESS,
	HF_M_ORG, HF_M_SEGMENT, HF_M_STATUS, HF_M_OPTOUT, HF_M_JOINED,
	HF_M_NOTES, HF_M_PAST_COUNT, HF_M_PAST_DATE, HF_M_PAST_EVENT,
	HF_M_OLD_TOTAL, HF_M_OLD_DATE, HF_M_OLD_EVENT,
	HF_M_ATTENDED, HF_M_TOTAL, HF_M_LAST_DATE, HF_M_LAST_EVENT,
	HF_E_CODE, HF_E_NAME, HF_E_DATE, HF_E_VENUE, HF_E_CAPACITY,
	HF_E_NOTES,
	HF_A_EVENT, HF_A_EVNAME, HF_A_EVDATE, HF_A_MEMBER, HF_A_NAME,
	HF_A_KANA, HF_A_INVITED, HF_A_RESPONSE, HF_A_FINAL, HF_A_WALKIN,
	HF_A_NOTE, HF_A_CHECKED_AT, HF_A_CHECKED_BY,
};

/* Fold a header for matching: BOM dropped, NFKC, ASCII lower case,
 * spaces, '_', '-' and '.' removed.  Writes at most SIZE bytes. */
void		 hdr_fold(const char *, char *out, size_t size);
/* What header TEXT means in a file of KIND. */
enum hfield	 hdr_lookup(enum import_kind, const char *text);
/* The kind a header row shows (docs/DESIGN.md), or IMPORT_KIND_AUTO. */
enum import_kind hdr_detect(char *const *cells, size_t n);
/* The header export writes for FIELD; NULL when it has none. */
const char	*hdr_name(enum hfield, bool ja);
/* The columns export writes for KIND, ending in HF_NONE (members: the
 * custom attributes go where HF_ATTR stands). */
const enum hfield *hdr_export_columns(enum import_kind);	/* not members */

/* --- values.c: cell values --------------------------------------------- */

/* Trim U+0020, U+3000 and TAB at both ends; returns the new start. */
char	*val_trim(char *s, size_t *len);
/* CRLF and lone CR -> LF, in place. */
void	 val_crlf(char *s, size_t *len);
/* True when export guards S: after any leading ', it starts with one of
 * = + - @ TAB CR. */
bool	 val_guarded(const char *s);
/* Remove the ' export put in front of a guarded value, in place. */
void	 val_unguard(char *s, size_t *len);
/* A control character other than LF (and TAB) when ALLOW_LF. */
bool	 val_has_ctl(const char *s, size_t len, bool allow_lf);

/* --- rows.c: the arena, compact rows, string maps ----------------------- */

/* A row in the arena: this header, then one NUL-terminated string per
 * slot of its kind (see plan.c). */
struct rowhdr {
	uint32_t	 line;
	uint16_t	 file;
	uint16_t	 flags;
	uint32_t	 aux;		/* attendance: event reference or NONE */
};
#define ROW_NEEDS_EXISTING	0x1	/* no name/date column: must exist */
#define ROW_AUX_NONE		UINT32_MAX

struct arena_blk;
struct rowset {
	struct arena_blk *blk;		/* newest first */
	char		**row;		/* every row, in file order */
	size_t		 n, cap;
	size_t		 bytes;
	struct arena_blk **index;	/* blocks by address (release) */
	uintptr_t	*addr;		/* their addresses */
	size_t		 nindex;
};

void		 rowset_init(struct rowset *);
void		 rowset_free(struct rowset *);
/* Append a row of LEN bytes (header included); returns its memory. */
char		*rowset_add(struct rowset *, size_t len);
/* The row is no longer needed: a block is freed once all its rows are
 * (while the store's write transaction grows, the import's rows shrink).
 * No row may be added after the first release. */
void		 rowset_release(struct rowset *, const char *row);
static inline const struct rowhdr *
row_hdr(const char *r)
{
	return ((const struct rowhdr *)(const void *)r);
}
/* String SLOT of row R. */
const char	*row_slot(const char *r, size_t slot);
/* Fill V[0..N) with the first N slots of R. */
void		 row_slots(const char *r, const char **v, size_t n);

/* A map of strings (borrowed) to 32-bit values, open addressing. */
struct strmap {
	const char	**key;
	uint32_t	 *val;
	size_t		  n, cap;
};
void		 strmap_init(struct strmap *);
void		 strmap_free(struct strmap *);
/* Returns a pointer to the value for KEY, or NULL. */
uint32_t	*strmap_get(const struct strmap *, const char *key);
/* Insert KEY (kept as a pointer) with VAL unless present; returns the
 * value slot. */
uint32_t	*strmap_put(struct strmap *, const char *key, uint32_t val);
uint64_t	 hash_str(const char *);
/* The hash of the string hashed to H followed by S. */
uint64_t	 hash_more(uint64_t h, const char *s);

/* --- plan.c: header plans; plan-row.c: row conversion -------------------- */

enum { MS_ID, MS_NAME, MS_KANA, MS_EMAIL, MS_PHONE, MS_POSTAL, MS_ADDRESS,
	MS_ORG, MS_SEGMENT, MS_STATUS, MS_OPTOUT, MS_JOINED, MS_NOTES,
	MS_PAST_COUNT, MS_PAST_DATE, MS_PAST_EVENT, MS_NFIXED };
enum { ES_CODE, ES_NAME, ES_DATE, ES_VENUE, ES_CAPACITY, ES_NOTES, ES_N };
enum { AS_EVENT, AS_MEMBER, AS_EVNAME, AS_EVDATE, AS_INVITED, AS_RESPONSE,
	AS_FINAL, AS_WALKIN, AS_NOTE, AS_CHECKED_AT, AS_CHECKED_BY, AS_N };

enum conv {
	CV_KEY,			/* ID or code: store_key_fold */
	CV_TEXT,		/* one line, as written */
	CV_MULTI,		/* notes, custom text: line feeds kept */
	CV_NFKC,		/* one line, NFKC: e-mail, phone, reading */
	CV_DATE, CV_INT, CV_BOOL, CV_MSTATUS, CV_RESPONSE, CV_FINAL,
	CV_TIME,		/* a date and time: Unix seconds */
};

struct pslot {
	int		 col;		/* 0-based column, -1: absent */
	int		 col2;		/* second half (姓+名), -1: none */
	enum conv	 conv;
	uint32_t	 mask;		/* STORE_MF_* or STORE_EF_*; 0: none */
	const char	*what;		/* canonical name for messages */
	/* a word column (CV_BOOL, statuses): the words read last and their
	 * digits, as the same few words come row after row */
	struct {
		char	 in[24];
		char	 out;		/* '\0': unused */
	}		 memo[8];
	unsigned	 memo_next;
};

struct pcol {
	char		*header;	/* trimmed, as written */
	enum hfield	 field;
	int		 slot;		/* -1: not imported */
	bool		 blank_reported;
};

struct plan {
	enum import_kind kind;
	size_t		 ncols;
	struct pcol	*col;
	size_t		 nslots;	/* fixed slots + attributes */
	struct pslot	*slot;
	char		**attr;		/* attribute names, sorted */
	size_t		 nattrs;
	uint32_t	 fields;	/* STORE_MF_* / STORE_EF_* of the file */
	int		 start_col;	/* kintone start-row marker, -1 */
	bool		 need_existing;	/* no name / date column */
};

struct imp;
struct imp_file;
/* Build F's plan from its header row.  Returns 0 or -1 (reported). */
int	 plan_header(struct imp *, struct imp_file *, const struct csvr_row *);
/* Convert and check one data row, append it to the kind's rows. */
int	 plan_row(struct imp *, struct imp_file *, const struct csvr_row *);
/* End of F: flush a kintone record being merged. */
void	 plan_finish(struct imp *, struct imp_file *);
void	 plan_free(struct plan *);
/* The header of column COL; "" for none. */
const char *plan_colname(const struct plan *, int col);

/* --- import.c: the context shared by plan.c and checks.c ---------------- */

struct evref {
	const char	*name;		/* arena strings */
	const char	*date;
	char		 code[STORE_ID_MAX + 1];	/* resolved */
	uint32_t	 file;		/* where first named */
	uint32_t	 line;
	bool		 created;
	bool		 found;
};

struct stage {				/* a kintone record being merged */
	bool		 active;
	uint32_t	 line;
	uint16_t	 flags;
	char		*buf;		/* NSLOTS strings */
	size_t		 len, cap;
};

struct imp_file {
	const char	*path;
	uint32_t	 idx;
	enum import_kind kind;
	struct plan	 plan;
	bool		 have_header;
	bool		 failed;	/* fatal problem: stop reading */
	uint64_t	 rows;		/* data rows kept */
	uint64_t	 empty;		/* all-empty rows skipped */
	struct stage	 stage;		/* members, events: merged record */
	char		*startrow;	/* attendance: cells of the start row */
	size_t		 startlen;
	uint64_t	 startline;
	bool		 have_start;
	char		*scratch;	/* row conversion buffer */
	size_t		 scratchcap;
	size_t		*off;		/* per slot: offset in scratch */
	bool		*given;		/* per slot: a cell not blank */
	struct csvr_info info;
};

struct imp {
	struct store	*st;
	const struct import_opts *o;
	/* what the import takes away (store_import_alert), the first
	 * IMPORT_LIST_MAX lines kept */
	char		*alert[IMPORT_LIST_MAX];
	size_t		 nalert;
	struct diag	 d;
	struct imp_file	*f;
	size_t		 nf;
	struct rowset	 rs[4];		/* by enum import_kind */
	struct evref	*ev;		/* attendance events by name + date */
	size_t		 nev, evcap;
	struct strmap	 evmap;		/* "name\0date" -> ev index */
	char		*evkeys;	/* storage of evmap keys */
	struct rowset	 keystore;	/* strings the checks keep */
	struct strmap	 badkeys[4];	/* keys of rows refused: references
					   to them are not errors again */
	/* sorted row pointers, filled by checks.c */
	char		**sorted[4];
	size_t		 nsorted[4];
	size_t		 ncreated;
	bool		 store_empty;	/* no member in the database */
	bool		 refs_deferred;	/* member references: checks_refs_failed
					   (the attendance rows are kept) */
	bool		 progress_over;	/* IMPORT_STEP_END was sent */
};

/* Remember KEY of a refused row of KIND. */
void	 imp_badkey(struct imp *, enum import_kind, const char *key);
/* Index of the event reference NAME + DATE (added when new). */
uint32_t imp_evref(struct imp *, const char *name, const char *date,
	    uint32_t file, uint32_t line);
/* The event code of attendance row R (resolved references). */
const char *imp_row_event(const struct imp *, const char *r);
/* Column (1-based) and header of SLOT in FILE's plan, for messages. */
size_t	 imp_slot_col(const struct imp *, uint32_t file, size_t slot,
	    const char **name);

/* --- checks.c: checks across rows and files ---------------------------- */

/* Sort, find duplicates, resolve references, warn about likely
 * duplicates and zero-stripped IDs.  Errors go to the diag. */
int	 checks_run(struct imp *);
/* store_import failed: name the attendance rows of unknown members whose
 * check was left to the store.  -1 when there are errors to report. */
int	 checks_refs_failed(struct imp *);
void	 checks_free(struct imp *);

/* --- export.c: the CSV writer behind every export ---------------------- */

struct exp {
	struct store	*st;
	const struct export_opts *o;
	FILE		*fp;
	iconv_t		 cd;		/* UTF-8 -> CP932, or (iconv_t)-1 */
	struct diag	 d;
	const char	*names[1];	/* the output's name, for messages */
	char		*line;		/* the row, encoded */
	size_t		 len, cap;
	uint64_t	 lineno;	/* physical line of the row */
	uint64_t	 nextline;
	size_t		 col;		/* 1-based, of the cell being added */
	const char	*const *hdrs;	/* header names, by column */
	bool		 ioerr;
	bool		 to_stdout;
	char		*tmp;		/* the file before its rename */
	/* members: the custom attribute columns */
	char		**attr;
	size_t		 nattrs, attrcap;
	/* attendance: the full name of the last event looked up */
	char		 evcode[STORE_ID_MAX + 1];
	char		*evname;
};

int	 exp_open(struct exp *, struct store *, const struct export_opts *);
int	 exp_close(struct exp *, int src);
/* Append N bytes of UTF-8 to the row, converted to the output encoding. */
void	 exp_put(struct exp *, const char *, size_t);
/* One cell: quoted when needed; TEXT: guarded when a spreadsheet would
 * run it (a leading '). */
void	 exp_cell(struct exp *, const char *, bool text);
void	 exp_end_row(struct exp *);
void	 exp_header(struct exp *, const char *const *names, size_t n);

#endif
