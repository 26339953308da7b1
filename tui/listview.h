/* listview.h -- the model of every list: rows held, cursor, top row, tags.
 * No curses here; tests/unit/test-tui-listview.c drives it. */
#ifndef SANKA_TUI_LISTVIEW_H
#define SANKA_TUI_LISTVIEW_H

#include <stddef.h>

/*
 * A list either holds all its rows (the screen clears it and pushes every
 * row, e.g. the pending records), or holds a window of a list too big to
 * hold (a million members) and fetches rows through a source as the
 * cursor moves.  Indexes (cur, top) are into the rows held.
 */

/* Fetch up to N rows after ANCHOR (a row held; NULL: from the start), or
 * before it when BACKWARD (NULL: from the end), into ROWS in list order.
 * *GOT < N means the list ends there.  Returns 0 or an error code. */
typedef int	(*listview_fetch_fn)(void *arg, const void *anchor,
		    int backward, void *rows, size_t n, size_t *got);
/* True when rows A and B are the same record (same key, not same
 * position). */
typedef int	(*listview_same_fn)(const void *a, const void *b);

struct listview {
	char		*rows;
	size_t		 rowsize;
	size_t		 n, cap;	/* rows held, allocated */
	size_t		 cur;		/* cursor */
	size_t		 top;		/* first visible row */
	size_t		 height;	/* visible rows (at least 1) */
	int		 at_start;	/* rows[0] is the list's first */
	int		 at_end;	/* rows[n-1] is the list's last */
	listview_fetch_fn fetch;
	void		*arg;
	int		 backward_ok;	/* the source fetches backward */
	size_t		 keep;		/* paged: trim beyond this many rows */
	int		 err;		/* the last fetch error, 0 */
	char		**tags;		/* tagged keys, sorted */
	size_t		 ntags;
};

void	 listview_init(struct listview *, size_t rowsize);
void	 listview_free(struct listview *);
/* Page through FETCH from now on (BACKWARD_OK: it can fetch backward;
 * otherwise rows are never dropped from the front).  The list is empty
 * until listview_home(). */
void	 listview_set_source(struct listview *, listview_fetch_fn, void *arg,
	    int backward_ok);
/* Forget every row (the cursor stays where it was, to be clamped). */
void	 listview_clear(struct listview *);
/* Append a copy of ROW to a list that holds all its rows; returns the
 * copy. */
void	*listview_push(struct listview *, const void *row);
void	*listview_row(const struct listview *, size_t i);
void	*listview_current(const struct listview *);	/* NULL when empty */
/* The visible rows: a paged list fetches the rows that now show. */
void	 listview_set_height(struct listview *, size_t);
/* The same as drawn: never fetches (drawing only reads), so a paged list
 * is sized with listview_set_height before it is drawn. */
void	 listview_show(struct listview *, size_t);
void	 listview_move(struct listview *, long delta);
void	 listview_page(struct listview *, int dir);	/* +1 down, -1 up */
void	 listview_home(struct listview *);
void	 listview_end(struct listview *);
/* After the rows were reloaded: put the cursor on the row SAME as KEY,
 * else on row OLD_CUR clamped.  The first row shown stays TOP_KEY (the
 * row that was first before) while the cursor shows below it, else the
 * top stays OLD_TOP while the cursor shows, else the cursor keeps its
 * line: rows above the cursor never vanish for no reason. */
void	 listview_reselect(struct listview *, listview_same_fn,
	    const void *key, const void *top_key, size_t old_cur,
	    size_t old_top);
/* Paged lists: fetch again around the cursor row and keep the cursor on
 * the same record (SAME), else at the position it had in the order. */
void	 listview_reload(struct listview *, listview_same_fn);

/* Tags are keys (strings) so they survive a reload. */
int	 listview_tag_toggle(struct listview *, const char *key);
int	 listview_tagged(const struct listview *, const char *key);
void	 listview_tag_clear(struct listview *);

#endif
