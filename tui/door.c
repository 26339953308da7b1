/* door.c -- the check-in door's model: input, matches, the undo list, the
 * outcome on show.  No curses: the door screen draws it, tests drive it. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/door.h"

void
door_init(struct door *d)
{
	memset(d, 0, sizeof *d);
	field_init(&d->input);
}

void
door_free(struct door *d)
{
	field_free(&d->input);
}

void
door_type(struct door *d, uint32_t uc)
{
	if (d->replace)
		field_set(&d->input, "");
	d->replace = false;
	field_insert(&d->input, uc);
}

void
door_edit(struct door *d)
{
	d->replace = false;
}

void
door_set_matches(struct door *d, const struct store_member_row *rows,
    size_t n)
{
	char	 keep[STORE_ID_MAX + 1];
	size_t	 i;

	keep[0] = '\0';
	if (d->sel < d->nmatch)
		memcpy(keep, d->match[d->sel].id, sizeof keep);
	if (n > DOOR_MATCH_MAX)
		n = DOOR_MATCH_MAX;
	memcpy(d->match, rows, n * sizeof *rows);
	d->nmatch = n;
	d->sel = 0;
	for (i = 0; i < n && keep[0] != '\0'; i++) {
		if (strcmp(d->match[i].id, keep) == 0) {
			d->sel = i;
			break;
		}
	}
	if (i == n)
		d->moved = false;	/* the member moved to is gone */
}

void
door_move(struct door *d, int delta)
{
	long	s = (long)d->sel + delta;

	if (d->nmatch == 0)
		return;
	if (s < 0)
		s = 0;
	if (s >= (long)d->nmatch)
		s = (long)d->nmatch - 1;
	d->sel = (size_t)s;
	d->moved = true;
}

/* True when ID starts with TEXT, both folded as the search folds. */
static bool
door_id_prefix(const char *text, const char *id)
{
	char	*ft = store_fold(text), *fi = store_fold(id);
	bool	 yes;

	yes = ft != NULL && fi != NULL && *ft != '\0' &&
	    strncmp(fi, ft, strlen(ft)) == 0;
	free(ft);
	free(fi);
	return (yes);
}

bool
door_enter(struct door *d, struct store_checkin *job)
{
	const char	*text = field_text(&d->input);

	memset(job, 0, sizeof *job);
	if (*text == '\0' && d->nmatch == 0)
		return (false);
	snprintf(job->text, sizeof job->text, "%s", text);
	if (d->sel < d->nmatch && (d->moved ||
	    !door_id_prefix(text, d->match[d->sel].id)))
		memcpy(job->fallback, d->match[d->sel].id,
		    sizeof job->fallback);
	field_set(&d->input, "");
	d->nmatch = d->sel = 0;
	d->moved = d->replace = false;
	return (true);
}

void
door_result(struct door *d, const struct store_checkin *ck)
{
	d->last = *ck;
	d->has_last = true;
	d->message[0] = '\0';
	if (ck->outcome == STORE_CHECKIN_OK) {
		memmove(&d->recent[1], &d->recent[0],
		    (DOOR_UNDO_MAX - 1) * sizeof d->recent[0]);
		d->recent[0] = *ck;
		if (d->nrecent < DOOR_UNDO_MAX)
			d->nrecent++;
	} else if (ck->outcome == STORE_CHECKIN_ERROR &&
	    *field_text(&d->input) == '\0') {
		field_set(&d->input, ck->text);
		d->replace = true;
	}
}

const struct store_checkin *
door_undo_next(const struct door *d)
{
	return (d->nrecent == 0 ? NULL : &d->recent[0]);
}

void
door_undone(struct door *d, const char *member)
{
	size_t	i;

	for (i = 0; i < d->nrecent; i++) {
		if (strcmp(d->recent[i].member, member) != 0)
			continue;
		memmove(&d->recent[i], &d->recent[i + 1],
		    (d->nrecent - i - 1) * sizeof d->recent[0]);
		d->nrecent--;
		break;
	}
	if (d->has_last && strcmp(d->last.member, member) == 0)
		d->has_last = false;
}

bool
door_waiting(int64_t queued_ms, int64_t now_ms)
{
	return (queued_ms >= 0 && now_ms - queued_ms >= DOOR_WAIT_MS);
}
