/* member-filter.h -- the members panel's filter line (f): the members a
 * filter keeps, read again as it is typed, and a listview source over
 * them; saving it by name.  No curses here. */
#ifndef SANKA_TUI_MEMBER_FILTER_H
#define SANKA_TUI_MEMBER_FILTER_H

#include "store/store.h"
#include "tui/field.h"

struct member_filter {
	struct field	 q;		/* the words as typed */
	int		 open;		/* the line has the focus */
	int		 applied;	/* the list shows IDS */
	char		 err[512];	/* why the words do not parse, or "" */
	char		**ids;		/* the members kept, by ID */
	size_t		 n;
	size_t		 left, suspended;	/* among them */
};

void	 member_filter_init(struct member_filter *);
void	 member_filter_free(struct member_filter *);
/* Read the typed words again.  Words that parse replace IDS (no words:
 * nothing applied); words that do not keep IDS and set ERR naming the
 * word.  Returns 0, -1 for bad words, or a store code. */
int	 member_filter_update(struct member_filter *, struct store *);
/* A listview source (listview_fetch_fn) over IDS, forward only: each row
 * a struct store_member_row read from the store. */
int	 member_filter_fetch(struct member_filter *, struct store *,
	    const struct store_member_row *after,
	    struct store_member_row *rows, size_t n, size_t *got);
/* Save the typed words as @NAME (store_filter_save). */
int	 member_filter_save(struct member_filter *, struct store *,
	    const char *name);

#endif
