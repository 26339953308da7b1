/* filter.h -- member filters for inviting: "segment=正会員 total>=3".
 * No curses here. */
#ifndef SANKA_TUI_FILTER_H
#define SANKA_TUI_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

struct filter_cond {
	char	 field[STORE_ID_MAX + 8];	/* "segment", "attr.ランク" */
	char	 op;		/* '=' equal, '>' at least, '<' at most */
	char	*value;		/* folded (store_fold) for text */
	long	 num;		/* numeric fields */
};

struct filter {
	struct filter_cond	*c;
	size_t			 n;
	bool			 active_only;	/* status=active was implied */
};

/* Parse words FIELD=VALUE, FIELD>=N, FIELD<=N separated by spaces (all
 * must hold).  Fields: id name kana email phone postal_code address
 * organization segment status mail_opt_out joined_on past_count
 * past_last_date attended total last_date last_event attr.NAME.  Text
 * compares folded (width, kana, case); dates and IDs compare as text.
 * Without a status condition only active members match (active_only).
 * Returns 0, or -1 with a message in ERR. */
int	filter_parse(struct filter *, const char *text, char *err,
	    size_t size);
int	filter_match(const struct filter *, const struct store_member *,
	    const struct store_stats *);
void	filter_free(struct filter *);

#endif
