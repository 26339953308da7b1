/*
 * reach.h -- the members print and mail reach, for the command line and
 * the screens alike: those a filter keeps (or an event's participants),
 * minus those the action rule of docs/DESIGN.md leaves out, and their
 * merge values as `show member` prints them (the field table) for print/
 * and mail/.  No curses and no printing here: errors are store codes with
 * store_last_error(), the left-out line is text the caller shows.
 */
#ifndef SANKA_TUI_REACH_H
#define SANKA_TUI_REACH_H

#include <stdbool.h>
#include <stddef.h>

#include "print/print.h"
#include "store/store.h"

enum reach_need {
	REACH_ANY,	/* badges, the door list */
	REACH_POSTAL,	/* labels, letters: not opted out, 〒 + address */
	REACH_EMAIL,	/* mail: not opted out, an e-mail address */
};

#define REACH_BUF	4096	/* a value as show prints it */

struct reach {
	struct store_member *m;		/* the members */
	struct store_stats *s;
	char		**last_event;	/* names of s[i].last_event */
	size_t		 n, cap;
	size_t		 left, suspended, opt_out, no_address;	/* left out */
	size_t		 gone;		/* reach_ids: no such member now */
	size_t		*index;		/* reach_ids: m[i] is ids[index[i]] */
	const struct store_filter *filter;	/* borrowed */
	bool		 status_rule;	/* leave out who left, suspended */
	enum reach_need	 need;
	struct store_event event;	/* with an event: has_event */
	bool		 has_event;
	struct store	*st;		/* whose role hides fields */
	char		*buf;
};

/* The members FILTER (borrowed, NULL: all) keeps in ID order, minus who
 * left or is suspended unless the filter names status, and for NEED those
 * with mail_opt_out or without the address; with EVENT and PARTICIPANTS
 * the event's participants that the filter keeps, whatever their status.
 * EVENT (NULL: none) supplies event.*.  Returns STORE_OK or a store error
 * (store_last_error names it: an unknown event is STORE_NOTFOUND).  Free
 * with reach_free, whatever it returned. */
int		 reach_filter(struct store *, const struct store_filter *filter,
		    const char *event, bool participants, enum reach_need need,
		    struct reach *r);
/* The members IDS (a mailing's recipients) for mail, minus those who no
 * longer exist (counted in gone) or whom the rule now leaves out; index
 * maps r->m back to IDS. */
int		 reach_ids(struct store *, const char *const *ids, size_t n,
		    const char *event, struct reach *r);
void		 reach_free(struct reach *r);
/* "left out N members: A left, B suspended, C mail_opt_out, D without
 * address" (the parts that are not 0; DESIGN.md's words, never
 * translated) into BUF; false (BUF "") when no one was left out. */
bool		 reach_left_out_text(size_t left, size_t suspended,
		    size_t opt_out, size_t no_address, char *buf, size_t size);
/* The merge values of R's members: every `show member` key, attr.NAME,
 * event.code/name/date/venue with an event.  Borrows R. */
struct print_source reach_source(struct reach *r);

#endif
