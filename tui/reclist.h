/* reclist.h -- attendance records that can be marked (the pending panel, an
 * event's participants): rows, filter, tags, marking with undo. */
#ifndef SANKA_TUI_RECLIST_H
#define SANKA_TUI_RECLIST_H

#include "tui/pending.h"
#include "tui/screen.h"

struct reclist {
	struct tui		*t;
	struct pending_row	*all;	/* every record read, sorted */
	size_t			 nall, capall;
	struct listview		 lv;	/* shown: struct pending_row * */
	struct marker		 mk;
	int			 show_declined;
	struct list_search	 search;
	/* Read the records (reclist_add for each); a store code. */
	int			(*load)(struct reclist *);
	char			 event[STORE_ID_MAX + 1];	/* or "" */
};

/* CTX: the screen's contexts without the search line. */
void	reclist_init(struct reclist *, struct tui *,
	    int (*load)(struct reclist *), int show_declined, unsigned ctx);
void	reclist_free(struct reclist *);
/* A store_att_cb that adds a record. */
int	reclist_add(const struct store_att_row *, void *reclist);
/* Read again; the cursor stays on its record, or at its line when the
 * record left (marked records leave the pending list). */
void	reclist_reload(struct reclist *);
/* The tagged records still there (*OUT malloc'd when OUT is not NULL). */
size_t	reclist_tagged(struct reclist *, const struct pending_row ***out);
void	reclist_text(struct reclist *, int key);
/* Moving, searching, marking, tagging, undo; 0 when ACT is not one
 * (Esc outside a search: the caller backs out). */
int	reclist_act(struct tui *, struct screen *, struct reclist *,
	    enum action);

#endif
