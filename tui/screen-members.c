/* screen-members.c -- [1] the member list: pages of the store, sort, search. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/output.h"
#include "tui/member-filter.h"
#include "tui/screen.h"
#include "tui/width.h"
#include "store/xmalloc.h"

#define MEMBERS_CTX	(KC_GLOBAL | KC_LIST | KC_MEMBERS)
#define MEMBERS_QUERY	256

/* A row as shown: the store's row and its last event in words, read
 * when the row is fetched (drawing never reads the store). */
struct members_row {
	struct store_member_row	 m;	/* first: an anchor for the store */
	char			 ev[512];	/* "code name" */
};

struct members {
	struct tui		*t;
	struct listview		 lv;	/* struct members_row */
	enum store_order	 order;
	struct list_search	 search;
	char			 query[MEMBERS_QUERY];	/* the one applied */
	size_t			 count;
	char			 err[512];	/* why the last fetch failed */
	struct member_filter	 mf;		/* f: the filter line */
};

/* Where the list's rows come from. */
enum members_source { MS_PAGE, MS_SEARCH, MS_FILTER };

static const char *const members_orders[] = {
	N_("by ID"), N_("by reading"), N_("by attendance count"),
	N_("by last attended date"),
};

/* The store's rows of the order or the query after ANCHOR, made rows
 * as shown. */
static int
members_fetch_rows(struct members *ms, enum members_source src,
    const struct members_row *anchor, int backward, struct members_row *rows,
    size_t n, size_t *got)
{
	struct store_member_row	*m = xreallocarray(NULL, n, sizeof *m);
	const struct store_member_row *from = anchor != NULL ? &anchor->m :
	    NULL;
	size_t			 i;
	int			 rc;

	*got = 0;
	if (src == MS_FILTER)
		rc = member_filter_fetch(&ms->mf, ms->t->st, from, m, n, got);
	else if (src == MS_SEARCH)
		rc = store_member_search(ms->t->st, ms->query, from, m, n,
		    got);
	else
		rc = store_member_page(ms->t->st, ms->order, from,
		    backward != 0, m, n, got);
	if (rc != 0)
		snprintf(ms->err, sizeof ms->err, "%s",
		    store_last_error(ms->t->st)->msg);
	for (i = 0; i < *got; i++) {
		rows[i].m = m[i];
		if (m[i].last_event[0] != '\0')
			snprintf(rows[i].ev, sizeof rows[i].ev, "%s %s",
			    m[i].last_event, tui_event_name(ms->t,
			    m[i].last_event));
		else
			rows[i].ev[0] = '\0';
	}
	free(m);
	return (rc);
}

static int
members_fetch(void *arg, const void *anchor, int backward, void *rows,
    size_t n, size_t *got)
{
	return (members_fetch_rows(arg, MS_PAGE, anchor, backward, rows, n,
	    got));
}

static int
members_fetch_search(void *arg, const void *anchor, int backward,
    void *rows, size_t n, size_t *got)
{
	*got = 0;
	if (backward)
		return (0);	/* never asked: the source is forward only */
	return (members_fetch_rows(arg, MS_SEARCH, anchor, 0, rows, n, got));
}

static int
members_fetch_filter(void *arg, const void *anchor, int backward,
    void *rows, size_t n, size_t *got)
{
	*got = 0;
	if (backward)
		return (0);	/* never asked: the source is forward only */
	return (members_fetch_rows(arg, MS_FILTER, anchor, 0, rows, n, got));
}

static int
members_same(const void *a, const void *b)
{
	return (strcmp(((const struct members_row *)a)->m.id,
	    ((const struct members_row *)b)->m.id) == 0);
}

/* Show the list for the query typed (all members when it is empty). */
static void
members_apply(struct members *ms)
{
	snprintf(ms->query, sizeof ms->query, "%s", field_text(&ms->search.q));
	if (ms->mf.applied)
		listview_set_source(&ms->lv, members_fetch_filter, ms, 0);
	else if (ms->query[0] == '\0')
		listview_set_source(&ms->lv, members_fetch, ms, 1);
	else
		listview_set_source(&ms->lv, members_fetch_search, ms, 0);
	listview_home(&ms->lv);
}

/* The columns of the list and its header. */
static const struct column members_columns[] = {
	{ N_("ID"), 10, 0, 1, 0 },
	{ N_("Name"), 0, 3, 1, 0 },
	{ N_("Reading"), 0, 3, 1, 0 },
	{ N_("Count"), 8, 0, 1, 1 },
	{ N_("Last date"), 10, 0, 1, 0 },
	{ N_("Last event"), 0, 3, 1, 0 },
};
#define MEMBERS_NCOLUMNS	(sizeof members_columns / sizeof members_columns[0])

static void
members_row(struct tui *t, struct screen *s, const void *row, char *buf,
    size_t size, int cols, int *tagged)
{
	const struct members_row	*mr = row;
	const struct store_member_row	*r = &mr->m;
	char				 total[16];
	const char			*cells[MEMBERS_NCOLUMNS];

	(void)t;
	(void)s;
	(void)tagged;
	snprintf(total, sizeof total, "%u", r->total);
	cells[0] = r->id;
	cells[1] = r->name;
	cells[2] = r->kana;
	cells[3] = total;
	cells[4] = r->last_date;
	cells[5] = mr->ev;
	draw_columns(buf, size, members_columns, MEMBERS_NCOLUMNS, cells,
	    cols);
}

/* The list under its two header lines: the rows that will show are
 * fetched here, not while drawing. */
static void
members_fit(struct tui *t, struct screen *s, int h, int cols)
{
	struct members	*ms = s->data;

	(void)t;
	(void)cols;
	listview_set_height(&ms->lv, (size_t)(h > 2 ? h - 2 : 1));
}

/* Line 0 with a filter: the words (the cursor there while typed), how
 * many members it keeps, or which word is wrong. */
static void
members_draw_filter(struct tui *t, struct screen *s, WINDOW *w, int cols)
{
	struct members	*ms = s->data;
	char		 line[1024], view[1024];
	int		 lw, col;

	snprintf(line, sizeof line, "%s ", _("Filter:"));
	lw = width_str(line);
	draw_text(w, 0, 0, lw, line, A_BOLD);
	field_view(&ms->mf.q, cols / 2, view, sizeof view, &col);
	draw_text(w, 0, lw, cols / 2, view, A_UNDERLINE);
	if (ms->mf.open) {
		s->cur_y = 0;
		s->cur_x = lw + col;
	}
	if (ms->mf.err[0] != '\0')
		draw_text(w, 0, lw + cols / 2 + 1, cols - lw - cols / 2 - 1,
		    ms->mf.err, tui_attr(t, TA_ERROR));
	else {
		snprintf(line, sizeof line, _("%zu members (%zu left, %zu on "
		    "leave)  S saves"), ms->mf.n, ms->mf.left,
		    ms->mf.suspended);
		draw_text(w, 0, lw + cols / 2 + 1, cols - lw - cols / 2 - 1,
		    line, A_NORMAL);
	}
}

static void
members_draw(struct tui *t, struct screen *s, WINDOW *w, int h, int cols)
{
	struct members	*ms = s->data;
	char		 line[1024], head[4096];
	int		 lw;

	if (ms->mf.open || ms->mf.applied || ms->mf.err[0] != '\0')
		members_draw_filter(t, s, w, cols);
	else if (list_search_shown(&ms->search)) {
		lw = list_search_draw(s, &ms->search, w, 0, cols);
		if (ms->query[0] != '\0') {
			snprintf(line, sizeof line, _("%zu%s found"),
			    ms->lv.n, ms->lv.at_end ? "" : "+");
			draw_text(w, 0, lw + 2, cols - lw - 2, line,
			    A_NORMAL);
		}
	} else {
		snprintf(line, sizeof line, _("Members: %zu   order: %s   "
		    "(/ searches, s sorts)"), ms->count,
		    _(members_orders[ms->order]));
		draw_text(w, 0, 0, cols, line, A_BOLD);
	}
	head[0] = '\0';
	draw_columns(head, sizeof head, members_columns, MEMBERS_NCOLUMNS, NULL,
	    cols);
	draw_text(w, 1, 0, cols, head, tui_attr(t, TA_HEADER));
	if (ms->lv.err != 0) {
		draw_text(w, 2, 0, cols, ms->err, tui_attr(t, TA_ERROR));
		return;
	}
	if (ms->lv.n == 0) {
		if (ms->query[0] != '\0')
			snprintf(line, sizeof line, _("No member matches "
			    "\"%s\"."), ms->query);
		else
			snprintf(line, sizeof line, "%s", _("No members yet; "
			    "n adds one."));
		draw_text(w, 3, 2, cols - 2, line, A_NORMAL);
		listview_show(&ms->lv, (size_t)(h > 2 ? h - 2 : 1));
		return;
	}
	draw_list(t, w, 2, h - 2, cols, &ms->lv, members_row, s);
}

static void
members_unfocus(struct screen *s)
{
	struct members	*ms = s->data;

	list_search_focus(s, &ms->search, 0);
}

/* The filter's words changed: the list follows while they parse. */
static void
members_filter_changed(struct tui *t, struct members *ms)
{
	int	rc;

	if ((rc = member_filter_update(&ms->mf, t->st)) > 0)
		tui_store_error(t, rc);
	if (rc == 0)
		members_apply(ms);
}

static void
members_filter_focus(struct screen *s, struct members *ms, int open)
{
	ms->mf.open = open;
	s->ctx = open ? MEMBERS_CTX | KC_SEARCH | KC_FIELD : MEMBERS_CTX;
}

static void
members_save_done(struct tui *t, void *arg, int choice, const char *text)
{
	struct members	*ms = arg;
	int		 rc;

	if (choice != 0 || *text == '\0')
		return;
	if ((rc = member_filter_save(&ms->mf, t->st, text)) != STORE_OK)
		tui_store_error(t, rc);
	else
		tui_status(t, _("Saved as @%s for everyone (select @%s, "
		    "report ... @%s)."), text, text, text);
}

/* A key while the filter line has the focus; 0 when it is the list's. */
static int
members_filter_act(struct tui *t, struct screen *s, struct members *ms,
    enum action act)
{
	if (tui_field_act(&ms->mf.q, act)) {
		members_filter_changed(t, ms);
		return (1);
	}
	switch (act) {
	case ACT_OPEN:			/* Enter: to the list */
		members_filter_focus(s, ms, 0);
		return (1);
	case ACT_BACK:			/* Esc: clear, then leave */
		if (*field_text(&ms->mf.q) == '\0') {
			members_filter_focus(s, ms, 0);
			return (1);
		}
		field_set(&ms->mf.q, "");
		members_filter_changed(t, ms);
		return (1);
	default:
		return (0);
	}
}

static void
members_text(struct tui *t, struct screen *s, int key)
{
	struct members	*ms = s->data;

	if (ms->mf.open) {
		field_insert(&ms->mf.q, (uint32_t)key);
		members_filter_changed(t, ms);
		return;
	}
	list_search_text(&ms->search, key);
	members_apply(ms);
}

static void
members_act(struct tui *t, struct screen *s, enum action act, int key)
{
	struct members			*ms = s->data;
	const struct members_row	*r = listview_current(&ms->lv);
	struct screen			*n;

	(void)key;
	if (ms->mf.open && members_filter_act(t, s, ms, act))
		return;
	switch (list_act(s, &ms->lv, &ms->search, act)) {
	case LIST_QUERY:
		members_apply(ms);
		return;
	case LIST_DONE:
		return;
	case LIST_NONE:
		break;
	}
	switch (act) {
	case ACT_SORT:
		ms->order = (ms->order + 1) % 4;
		if (ms->query[0] == '\0')
			members_apply(ms);
		tui_status(t, _("Order: %s"), _(members_orders[ms->order]));
		break;
	case ACT_OPEN:
		if (r != NULL)
			tui_push(t, s->panel, screen_member_new(t, r->m.id));
		break;
	case ACT_FILTER:
		members_filter_focus(s, ms, 1);
		break;
	case ACT_SAVE:
		if (!ms->mf.applied)
			tui_status(t, "%s", _("f types a filter; S then saves "
			    "it by name."));
		else
			tui_prompt(t, _("Save this filter for everyone as "
			    "@NAME; NAME:"), "", members_save_done, ms);
		break;
	case ACT_ADD:
		if ((n = screen_form_member(t, NULL, NULL)) != NULL)
			tui_push(t, s->panel, n);
		break;
	case ACT_EDIT:
		if (r != NULL && (n = screen_form_member(t, r->m.id,
		    NULL)) != NULL)
			tui_push(t, s->panel, n);
		break;
	case ACT_OUTPUT:	/* for the filter shown, when one is */
		output_start(t, NULL, ms->mf.applied ? field_text(&ms->mf.q) :
		    "");
		break;
	default:
		break;
	}
}

static void
members_reload(struct tui *t, struct screen *s)
{
	struct members	*ms = s->data;

	ms->count = store_member_count(ms->t->st);
	if (ms->mf.applied && member_filter_update(&ms->mf, t->st) == 0)
		members_apply(ms);
	else
		listview_reload(&ms->lv, members_same);
}

static void
members_free(struct screen *s)
{
	struct members	*ms = s->data;

	listview_free(&ms->lv);
	list_search_free(&ms->search);
	member_filter_free(&ms->mf);
	free(ms);
}

static const struct screen_ops members_ops = {
	.name = "members",
	.fit = members_fit,
	.draw = members_draw,
	.act = members_act,
	.text = members_text,
	.reload = members_reload,
	.unfocus = members_unfocus,
	.free = members_free,
};

struct screen *
screen_members_new(struct tui *t)
{
	struct members	*ms = xcalloc(1, sizeof *ms);

	ms->t = t;
	ms->order = STORE_ORDER_ID;
	listview_init(&ms->lv, sizeof(struct members_row));
	list_search_init(&ms->search, MEMBERS_CTX, 0);
	member_filter_init(&ms->mf);
	/* A screen's worth now; the first draw knows the real height. */
	listview_set_height(&ms->lv, (size_t)(t->lines > 6 ? t->lines - 5 :
	    1));
	members_apply(ms);
	ms->count = store_member_count(ms->t->st);
	return (tui_screen_new(&members_ops, MEMBERS_CTX, ms));
}
