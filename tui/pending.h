/* pending.h -- attendance records as the screens list them (the pending
 * panel, an event's participants): the order, the filter, the key.
 * No curses here. */
#ifndef SANKA_TUI_PENDING_H
#define SANKA_TUI_PENDING_H

#include <stdint.h>

#include "store/store.h"

/* A record copied out of the store's callback, with its sort keys. */
struct pending_row {
	char		 event[STORE_ID_MAX + 1];
	char		 member[STORE_ID_MAX + 1];
	char		 event_name[STORE_ROWTEXT_SIZE];
	char		 event_date[STORE_DATE_SIZE];
	char		 member_name[STORE_ROWTEXT_SIZE];
	char		 member_kana[STORE_ROWTEXT_SIZE];
	char		 invited_on[STORE_DATE_SIZE];
	int		 response, final;
	uint32_t	 version;
	int		 past;	/* the event is today or earlier */
	char		 fold[STORE_ROWTEXT_SIZE];	/* folded reading */
};

/* Fill P from R for the day TODAY (YYYY-MM-DD). */
void	pending_row_set(struct pending_row *p, const struct store_att_row *r,
	    const char *today);
/* Events up to today newest first, then future events soonest first;
 * one event's records together; inside an event by folded reading, then
 * member ID.  On rows (pending_cmp) or pointers to rows (pending_pcmp). */
int	pending_cmp(const void *, const void *);
int	pending_pcmp(const void *, const void *);
/* Whether the row shows: declined invitations only when SHOW_DECLINED;
 * with a QUERY (folded by store_fold; NULL or "": all) only rows whose
 * member ID, name, reading, event code or event name contain it once
 * folded. */
int	pending_visible(const struct pending_row *, int show_declined,
	    const char *fquery);
/* "EVENT\tMEMBER" of a pointer to a row: the key of tags and cursor. */
void	pending_key(const void *prow, char *buf, size_t size);
int	pending_same(const void *, const void *);	/* pointers too */
/* Folded TEXT contains the folded query FQUERY. */
int	pending_match(const char *text, const char *fquery);

#endif
