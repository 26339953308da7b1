/*
 * import.h -- CSV import and export: the only import header tui/ includes.
 *
 * import_files() reads members, events and attendance CSV files in 64 KiB
 * chunks (UTF-8, UTF-8 with BOM or CP932), maps their headers (English,
 * Japanese, kintone), checks every row outside any transaction and hands
 * the whole set to ONE store_import() call: all or nothing.  Every problem
 * is reported as "FILE:LINE:FIELD: message" through the message callback.
 *
 * export_table() writes exactly what import_files() reads.
 */
#ifndef SANKA_IMPORT_H
#define SANKA_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

enum import_kind {
	IMPORT_KIND_AUTO = 0,	/* recognised from the header row */
	IMPORT_KIND_MEMBERS,
	IMPORT_KIND_EVENTS,
	IMPORT_KIND_ATTENDANCE,
};

enum import_encoding {
	IMPORT_ENC_AUTO = 0,	/* import: BOM, UTF-16 refused, UTF-8, CP932 */
	IMPORT_ENC_UTF8,
	IMPORT_ENC_UTF8_BOM,	/* export only */
	IMPORT_ENC_CP932,
};

enum import_msg {
	IMPORT_MSG_SUMMARY,	/* one line of the summary (stdout) */
	IMPORT_MSG_WARNING,	/* a warning (stderr) */
	IMPORT_MSG_ERROR,	/* an error (stderr) */
};

/* Return codes: the exit status of docs/DESIGN.md. */
enum import_rc {
	IMPORT_OK = 0,
	IMPORT_BAD = 1,		/* bad rows, unreadable file, nothing written */
	IMPORT_USAGE = 2,
	IMPORT_ENV = 3,		/* database or disk trouble */
};

/* Receives each message line (no trailing newline).  NULL: summary lines
 * go to stdout, warnings and errors to stderr. */
typedef void	(*import_msg_fn)(enum import_msg, const char *line, void *arg);

/* Where an import is, for a progress bar (drawn by the caller). */
enum import_step {
	IMPORT_STEP_STAGE,	/* a new stage: LABEL is the path of the file
				   read, or "checking", "writing" ... */
	IMPORT_STEP_ADVANCE,	/* DONE of TOTAL (the file's bytes, or the
				   rows written), ROWS rows so far */
	IMPORT_STEP_END,	/* no more steps: the messages follow */
};
struct import_progress {
	enum import_step	 step;
	const char		*label;
	uint64_t		 done, total, rows;
};
typedef void	(*import_progress_fn)(const struct import_progress *,
		    void *arg);

struct import_opts {
	enum import_kind	 kind;		/* for every file; AUTO: by header */
	enum import_encoding	 encoding;	/* AUTO, UTF8 or CP932 */
	bool			 dry_run;	/* validate and report only */
	bool			 past_from_total; /* kintone 参加回数 = old total */
	bool			 blank_clear;	/* an empty cell clears the stored
						   value (default: keeps it) */
	import_progress_fn	 progress;	/* NULL: none */
	void			*progress_arg;
	import_msg_fn		 msg;
	void			*msg_arg;
};

/* The cell parsers are the store's (store_date_parse, store_int_parse,
 * store_bool_parse in store/store.h), shared by import, the command line
 * and the forms. */

/* Parse words as the command line spells them; -1 when unknown. */
int		 import_kind_parse(const char *);
int		 import_encoding_parse(const char *);
const char	*import_kind_word(enum import_kind);

/* Import the N files PATHS together in one store_import() transaction
 * (events and members before the attendance that refers to them).
 * Returns IMPORT_OK, IMPORT_BAD (any bad row or unreadable file: nothing
 * written), or IMPORT_ENV (the store failed: nothing written). */
int		 import_files(struct store *, const char *const *paths,
		    size_t n, const struct import_opts *);

struct export_opts {
	enum import_kind	 kind;		/* MEMBERS, EVENTS or ATTENDANCE */
	const char		*event;		/* attendance of one event, by
						   reading; NULL: every record */
	bool			 headers_ja;	/* Japanese header names */
	enum import_encoding	 encoding;	/* UTF8 (AUTO), UTF8_BOM, CP932 */
	const char		*path;		/* NULL or "-": stdout */
	import_msg_fn		 msg;		/* errors; NULL: stderr */
	void			*msg_arg;
};

/* Write one table as RFC 4180 CSV (CRLF, header row).  A file is
 * written to a temporary name (0640) and renamed, so a failure leaves no
 * half file; a character CP932 cannot hold is an error naming the row,
 * and nothing is written.  Returns IMPORT_OK, IMPORT_BAD (unknown event,
 * unencodable text), IMPORT_ENV (write or store failure). */
int		 export_table(struct store *, const struct export_opts *);

/* A CSV of the caller's rows, written like export_table() (O's encoding
 * and path; its kind and event are not used): NCOLS columns named HEADER,
 * TEXT[i] true for a free-text column (guarded against formulas).  Open
 * never fails: a file that cannot be made is reported at close. */
struct export_list;
struct export_list *export_list_open(struct store *,
		    const struct export_opts *o, const char *const *header,
		    const bool *text, size_t ncols);
void		 export_list_row(struct export_list *,
		    const char *const *cells);
/* Finish; SRC: the store's code for reading the rows (STORE_OK when they
 * were all given).  The file is in place only when IMPORT_OK is returned;
 * else IMPORT_BAD (a cell CP932 cannot hold, a data error in SRC) or
 * IMPORT_ENV, the message given. */
int		 export_list_close(struct export_list *, int src);

#endif
