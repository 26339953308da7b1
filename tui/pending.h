/* pending.h -- the order and filter of the pending panel (kintone's
 * 最終ステータス更新用 view).  No curses here. */
#ifndef SANKA_TUI_PENDING_H
#define SANKA_TUI_PENDING_H

#include "store/store.h"

/* A record of the pending panel, copied out of the store's callback (the
 * borrowed note is dropped) with its sort keys. */
struct pending_row {
	struct store_att_row	 r;
	int			 past;	/* the event is today or earlier */
	char			 fold[STORE_ROWTEXT_SIZE]; /* folded reading */
};

/* Fill P from R for the day TODAY (YYYY-MM-DD). */
void	pending_row_set(struct pending_row *p, const struct store_att_row *r,
	    const char *today);
/* Events up to today newest first, then future events soonest first;
 * one event's records together; inside an event by folded reading, then
 * member ID. */
int	pending_cmp(const void *, const void *);
/* Whether the row shows: declined invitations only when SHOW_DECLINED;
 * with a QUERY (folded, may be NULL or "") only rows whose member ID,
 * name, reading, event code or event name contain it once folded. */
int	pending_visible(const struct pending_row *, int show_declined,
	    const char *fquery);
/* "EVENT\tMEMBER", the key tags and the cursor keep. */
void	pending_key(const void *row, char *buf, size_t size);
int	pending_same(const void *, const void *);
/* Folded text contains the folded query (both from store_fold). */
int	pending_match(const char *text, const char *fquery);

#endif
