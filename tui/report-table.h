/* report-table.h -- a report (store_report_run) as a table of text cells
 * with DESIGN.md's columns: the rows `sanka report` prints as CSV or as
 * text with bars, and panel [4] draws.  No curses here. */
#ifndef SANKA_TUI_REPORT_TABLE_H
#define SANKA_TUI_REPORT_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct report_col {
	const char	*key;		/* the CSV header, never translated */
	const char	*label;		/* the text header, N_() */
	bool		 text;		/* free text: left-aligned, guarded */
	bool		 squeeze;	/* may be cut to fit the width */
	int		 drop;		/* narrow text leaves out the highest
					   first (0: never) */
};

struct report_table {
	enum store_report_kind	 kind;
	const struct report_col	*cols;
	size_t			 ncols;
	char			**cells;	/* nrows * ncols, by row */
	size_t			 nrows, caprows;
	uint64_t		*bar;		/* each row's bar value */
	uint64_t		 barmax;
	struct store_report	 rep;		/* its counts: left out ... */
};

/* Compute report KIND into T (report_table_free it even on error).
 * Returns store_report_run's code. */
int		 report_table_build(struct store *, enum store_report_kind,
		    const struct store_report_opts *, struct report_table *t);
void		 report_table_free(struct report_table *);
const char	*report_table_cell(const struct report_table *, size_t row,
		    size_t col);
/* The CSV headers and which columns are free text, for export_list. */
void		 report_table_header(const struct report_table *,
		    const char **keys, bool *text);
/* What was left out, one line ("left out: 1 future event, 3 pending
 * records"), or "" when nothing was. */
void		 report_table_note(const struct report_table *, char *buf,
		    size_t len);
/* The text report fitting COLS columns: a header line, then one line per
 * row, each ending with a bar of block characters (#s when ambiguous
 * characters are two columns wide) when there is room.  Narrow screens
 * cut the name columns, then leave out columns by their drop rank,
 * marked in HIDDEN (ncols entries).  LINE receives each line (no
 * newline, no trailing space). */
void		 report_table_text(const struct report_table *, int cols,
		    bool *hidden, void (*line)(const char *, void *),
		    void *arg);

#endif
