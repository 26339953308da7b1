/* screen-event.c -- an event's page: details, the invited -> accepted ->
 * attended funnel, the participants (marked like the pending panel). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/reclist.h"
#include "tui/output.h"
#include "tui/screen.h"
#include "store/xmalloc.h"

#define EVENT_CTX	(KC_GLOBAL | KC_LIST | KC_MARK | KC_EVENT)

struct event_page {
	struct reclist		 rl;	/* first: the row drawer reads it */
	struct store_event	 ev;
	struct store_event_counts c;
	int			 found;
};

static int
event_load(struct reclist *rl)
{
	struct event_page	*ep = (struct event_page *)rl;
	int			 rc;

	store_event_free(&ep->ev);
	memset(&ep->ev, 0, sizeof ep->ev);
	memset(&ep->c, 0, sizeof ep->c);
	rc = store_event_get(rl->t->st, rl->event, &ep->ev, &ep->c);
	ep->found = rc == STORE_OK;
	if (rc != STORE_OK)
		return (rc == STORE_NOTFOUND ? STORE_OK : rc);
	return (store_event_records(rl->t->st, rl->event, reclist_add, rl));
}

/* The columns of the participants and their header (the first: the
 * tag). */
static const struct column event_columns[] = {
	{ "", 2, 0, 0, 0 },
	{ N_("ID"), 10, 0, 0, 0 },
	{ N_("Name"), 0, 1, 1, 0 },
	{ N_("Reading"), 0, 1, 1, 0 },
	{ N_("Response"), 12, 0, 1, 0 },
	{ N_("Final"), 14, 0, 1, 0 },
	{ N_("Invited on"), 10, 0, 1, 0 },
};
#define EVENT_NCOLUMNS	(sizeof event_columns / sizeof event_columns[0])

static void
event_drawrow(struct tui *t, struct screen *s, const void *row, char *buf,
    size_t size, int cols, int *tagged)
{
	struct reclist			*rl = s->data;
	const struct pending_row	*p = *(const struct pending_row *const *)row;
	char				 key[2 * STORE_ID_MAX + 4];
	const char			*cells[EVENT_NCOLUMNS];

	(void)t;
	pending_key(row, key, sizeof key);
	*tagged = listview_tagged(&rl->lv, key);
	cells[0] = *tagged ? "*" : "";
	cells[1] = p->member;
	cells[2] = p->member_name;
	cells[3] = p->member_kana;
	cells[4] = store_response_text(p->response);
	cells[5] = store_final_text(p->final);
	cells[6] = p->invited_on;
	draw_columns(buf, size, event_columns, EVENT_NCOLUMNS, cells, cols);
}

static void
event_draw(struct tui *t, struct screen *s, WINDOW *w, int h, int cols)
{
	struct event_page	*ep = s->data;
	struct reclist		*rl = &ep->rl;
	const char		*ar = tui_arrow();
	char			 line[2048], cap[64];
	int			 y = 0;

	if (!ep->found) {
		snprintf(line, sizeof line, _("Event %s does not exist (any "
		    "more)."), rl->event);
		draw_text(w, 0, 0, cols, line, tui_attr(t, TA_ERROR));
		return;
	}
	if (ep->ev.capacity > 0)
		snprintf(cap, sizeof cap, "%" PRId32, ep->ev.capacity);
	else
		snprintf(cap, sizeof cap, "%s", _("no limit"));
	snprintf(line, sizeof line, "%s  %s  %s   %s: %s   %s: %s",
	    ep->ev.code, ep->ev.name != NULL ? ep->ev.name : "", ep->ev.date,
	    _("Venue"), ep->ev.venue != NULL ? ep->ev.venue : "",
	    _("Capacity"), cap);
	draw_text(w, y++, 0, cols, line, A_BOLD);
	/* The funnel: invited -> accepted -> attended. */
	snprintf(line, sizeof line, _("Invited %u %s accepted %u %s attended "
	    "%u    (pending %u, declined %u, absent %u, no-show %u, "
	    "cancelled %u, walk-in %u)"), ep->c.invited, ar, ep->c.accepted,
	    ar, ep->c.attended, ep->c.pending, ep->c.declined, ep->c.absent,
	    ep->c.no_show, ep->c.cancelled, ep->c.walk_in);
	draw_text(w, y++, 0, cols, line, A_NORMAL);
	if (list_search_shown(&rl->search))
		list_search_draw(s, &rl->search, w, y++, cols);
	else {
		snprintf(line, sizeof line, "%s: %s", _("Notes"),
		    ep->ev.notes != NULL ? ep->ev.notes : "");
		draw_text(w, y++, 0, cols, line, A_NORMAL);
	}
	line[0] = '\0';
	draw_columns(line, sizeof line, event_columns, EVENT_NCOLUMNS, NULL,
	    cols);
	draw_text(w, y++, 0, cols, line, tui_attr(t, TA_HEADER));
	if (rl->lv.n == 0) {
		draw_text(w, y + 1, 2, cols - 2, rl->nall == 0 ?
		    _("Nobody is invited yet: i invites from a search, I by a "
		    "filter.") : _("No participant matches the search."),
		    A_NORMAL);
		return;
	}
	draw_list(t, w, y, h - y, cols, &rl->lv, event_drawrow, s);
}

static void
event_text(struct tui *t, struct screen *s, int key)
{
	(void)t;
	reclist_text(s->data, key);
}

static void
event_act(struct tui *t, struct screen *s, enum action act, int key)
{
	struct event_page	*ep = s->data;
	struct screen		*n;

	(void)key;
	if (reclist_act(t, s, &ep->rl, act))
		return;
	switch (act) {
	case ACT_BACK:
		tui_pop(t);
		break;
	case ACT_OPEN: {
		struct pending_row	**cur = listview_current(&ep->rl.lv);

		if (cur != NULL)
			tui_push(t, t->panel, screen_member_new(t,
			    (*cur)->member));
		break;
	}
	case ACT_EDIT:
		if (ep->found && (n = screen_form_event(t, ep->rl.event,
		    NULL)) != NULL)
			tui_push(t, t->panel, n);
		break;
	case ACT_INVITE:
		if (ep->found)
			tui_push(t, t->panel, screen_pick_new(t, ep->rl.event));
		break;
	case ACT_CHECKIN:
		if (ep->found && (n = screen_checkin_new(t, ep->rl.event, NULL,
		    false, true)) != NULL)
			tui_push(t, t->panel, n);
		break;
	case ACT_INVITE_FILTER:
		if (ep->found)
			invite_filter(t, &ep->rl.mk, ep->rl.event, ep->ev.name);
		break;
	case ACT_OUTPUT:
		if (ep->found)
			output_start(t, ep->rl.event, NULL);
		break;
	default:
		break;
	}
}

static void
event_reload(struct tui *t, struct screen *s)
{
	(void)t;
	reclist_reload(s->data);
}

static void
event_free(struct screen *s)
{
	struct event_page	*ep = s->data;

	reclist_free(&ep->rl);
	store_event_free(&ep->ev);
	free(ep);
}

static void
event_unfocus(struct screen *s)
{
	struct event_page	*ep = s->data;

	list_search_focus(s, &ep->rl.search, 0);
}

static const struct screen_ops event_ops = {
	.name = "event",
	.draw = event_draw,
	.act = event_act,
	.text = event_text,
	.reload = event_reload,
	.unfocus = event_unfocus,
	.free = event_free,
};

struct screen *
screen_event_new(struct tui *t, const char *code)
{
	struct event_page	*ep = xcalloc(1, sizeof *ep);

	reclist_init(&ep->rl, t, event_load, 1, EVENT_CTX);
	snprintf(ep->rl.event, sizeof ep->rl.event, "%s", code);
	reclist_reload(&ep->rl);
	return (tui_screen_new(&event_ops, EVENT_CTX, ep));
}
