/* screen-events.c -- [2] the event list, newest first, with counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/pending.h"
#include "tui/screen.h"
#include "tui/width.h"
#include "store/xmalloc.h"

#define EVENTS_CTX	(KC_GLOBAL | KC_LIST | KC_EVENTS)

struct evrow {
	char			 code[STORE_ID_MAX + 1];
	char			 name[STORE_ROWTEXT_SIZE];
	char			 date[STORE_DATE_SIZE];
	char			 venue[STORE_ROWTEXT_SIZE];
	struct store_event_counts c;
};

struct events {
	struct tui	*t;
	struct evrow	*all;
	size_t		 nall;
	struct listview	 lv;	/* the rows shown: struct evrow */
	struct list_search search;
	int		 codew;	/* the code column: the longest code held */
};

#define EVENTS_CODEW_MIN	10
#define EVENTS_CODEW_MAX	20

static int
events_add(const struct store_event *ev, const struct store_event_counts *c,
    void *arg)
{
	struct events	*es = arg;
	struct evrow	*r;

	es->all = xreallocarray(es->all, es->nall + 1, sizeof *es->all);
	r = &es->all[es->nall++];
	memset(r, 0, sizeof *r);
	if (width_str(ev->code) > es->codew)
		es->codew = width_str(ev->code) > EVENTS_CODEW_MAX ?
		    EVENTS_CODEW_MAX : width_str(ev->code);
	snprintf(r->code, sizeof r->code, "%s", ev->code);
	snprintf(r->name, sizeof r->name, "%s", ev->name != NULL ?
	    ev->name : "");
	snprintf(r->date, sizeof r->date, "%s", ev->date);
	snprintf(r->venue, sizeof r->venue, "%s", ev->venue != NULL ?
	    ev->venue : "");
	r->c = *c;
	return (0);
}

static int
events_same(const void *a, const void *b)
{
	return (strcmp(((const struct evrow *)a)->code,
	    ((const struct evrow *)b)->code) == 0);
}

/* The rows matching the query into the list, the cursor kept. */
static void
events_filter(struct events *es)
{
	struct evrow	 key, tkey, *cur = listview_current(&es->lv);
	struct evrow	*top = listview_row(&es->lv, es->lv.top);
	size_t		 i, oc = es->lv.cur, ot = es->lv.top;
	char		*fq = store_fold(field_text(&es->search.q));
	int		 have = cur != NULL;

	if (have)
		key = *cur;
	if (top != NULL)
		tkey = *top;
	listview_clear(&es->lv);
	for (i = 0; i < es->nall; i++) {
		const struct evrow	*r = &es->all[i];

		if (fq == NULL || *fq == '\0' || pending_match(r->code, fq) ||
		    pending_match(r->name, fq) || pending_match(r->venue, fq) ||
		    strstr(r->date, field_text(&es->search.q)) != NULL)
			listview_push(&es->lv, r);
	}
	free(fq);
	listview_reselect(&es->lv, events_same, have ? &key : NULL,
	    top != NULL ? &tkey : NULL, oc, ot);
}

static void
events_load(struct events *es)
{
	int	rc;

	free(es->all);
	es->all = NULL;
	es->nall = 0;
	es->codew = EVENTS_CODEW_MIN;
	if ((rc = store_event_each(es->t->st, events_add, es)) != STORE_OK)
		tui_store_error(es->t, rc);
	events_filter(es);
}

/* The columns of the list and its header; the code's width is the
 * longest code held. */
static const struct column events_columns[] = {
	{ N_("Date"), 10, 0, 1, 0 },
	{ N_("Code"), EVENTS_CODEW_MIN, 0, 1, 0 },
	{ N_("Event"), 0, 3, 1, 0 },
	{ N_("Venue"), 0, 1, 1, 0 },
	{ N_("Invited"), 6, 0, 0, 1 },
	{ N_("Accepted"), 8, 0, 1, 1 },
	{ N_("Came"), 6, 0, 1, 1 },
};
#define EVENTS_NCOLUMNS	(sizeof events_columns / sizeof events_columns[0])

/* A row of the list (CELLS NULL: the header) into BUF. */
static void
events_columns_draw(const struct events *es, char *buf, size_t size,
    const char *const *cells, int cols)
{
	struct column	c[EVENTS_NCOLUMNS];

	memcpy(c, events_columns, sizeof c);
	c[1].width = es->codew;
	draw_columns(buf, size, c, EVENTS_NCOLUMNS, cells, cols);
}

static void
events_row(struct tui *t, struct screen *s, const void *row, char *buf,
    size_t size, int cols, int *tagged)
{
	const struct evrow	*r = row;
	char			 n1[16], n2[16], n3[16];
	const char		*cells[EVENTS_NCOLUMNS];

	(void)t;
	(void)tagged;
	snprintf(n1, sizeof n1, "%u", r->c.invited);
	snprintf(n2, sizeof n2, "%u", r->c.accepted);
	snprintf(n3, sizeof n3, "%u", r->c.attended);
	cells[0] = r->date;
	cells[1] = r->code;
	cells[2] = r->name;
	cells[3] = r->venue;
	cells[4] = n1;
	cells[5] = n2;
	cells[6] = n3;
	events_columns_draw(s->data, buf, size, cells, cols);
}

static void
events_draw(struct tui *t, struct screen *s, WINDOW *w, int h, int cols)
{
	struct events	*es = s->data;
	char		 line[1024];

	if (list_search_shown(&es->search)) {
		list_search_draw(s, &es->search, w, 0, cols);
	} else {
		snprintf(line, sizeof line, _("Events: %zu, newest first"),
		    es->nall);
		draw_text(w, 0, 0, cols, line, A_BOLD);
	}
	line[0] = '\0';
	events_columns_draw(es, line, sizeof line, NULL, cols);
	draw_text(w, 1, 0, cols, line, tui_attr(t, TA_HEADER));
	if (es->lv.n == 0) {
		draw_text(w, 3, 2, cols - 2, es->nall == 0 ?
		    _("No events yet; n adds one.") :
		    _("No event matches the search."), A_NORMAL);
		return;
	}
	draw_list(t, w, 2, h - 2, cols, &es->lv, events_row, s);
}

static void
events_text(struct tui *t, struct screen *s, int key)
{
	struct events	*es = s->data;

	(void)t;
	list_search_text(&es->search, key);
	events_filter(es);
}

static void
events_act(struct tui *t, struct screen *s, enum action act, int key)
{
	struct events		*es = s->data;
	const struct evrow	*r = listview_current(&es->lv);
	struct screen		*n;

	(void)key;
	switch (list_act(s, &es->lv, &es->search, act)) {
	case LIST_QUERY:
		events_filter(es);
		return;
	case LIST_DONE:
		return;
	case LIST_NONE:
		break;
	}
	switch (act) {
	case ACT_OPEN:
		if (r != NULL)
			tui_push(t, s->panel, screen_event_new(t, r->code));
		break;
	case ACT_ADD:
		if ((n = screen_form_event(t, NULL, NULL)) != NULL)
			tui_push(t, s->panel, n);
		break;
	case ACT_EDIT:
		if (r != NULL && (n = screen_form_event(t, r->code,
		    NULL)) != NULL)
			tui_push(t, s->panel, n);
		break;
	case ACT_CHECKIN:
		if (r != NULL && (n = screen_checkin_new(t, r->code, NULL,
		    false, true)) != NULL)
			tui_push(t, s->panel, n);
		break;
	default:
		break;
	}
}

static void
events_reload(struct tui *t, struct screen *s)
{
	(void)t;
	events_load(s->data);
}

static void
events_free(struct screen *s)
{
	struct events	*es = s->data;

	free(es->all);
	listview_free(&es->lv);
	list_search_free(&es->search);
	free(es);
}

static void
events_unfocus(struct screen *s)
{
	struct events	*es = s->data;

	list_search_focus(s, &es->search, 0);
}

static const struct screen_ops events_ops = {
	.name = "events",
	.draw = events_draw,
	.act = events_act,
	.text = events_text,
	.reload = events_reload,
	.unfocus = events_unfocus,
	.free = events_free,
};

struct screen *
screen_events_new(struct tui *t)
{
	struct events	*es = xcalloc(1, sizeof *es);

	es->t = t;
	listview_init(&es->lv, sizeof(struct evrow));
	list_search_init(&es->search, EVENTS_CTX, 0);
	events_load(es);
	return (tui_screen_new(&events_ops, EVENTS_CTX, es));
}
