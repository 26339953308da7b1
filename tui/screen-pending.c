/* screen-pending.c -- [3] every record whose final status is empty
 * (kintone's 最終ステータス更新用 view), marked one by one or tagged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/reclist.h"
#include "tui/screen.h"
#include "store/xmalloc.h"

#define PENDING_CTX	(KC_GLOBAL | KC_LIST | KC_MARK | KC_PENDING)

static int
pending_load(struct reclist *rl)
{
	return (store_pending_each(rl->t->st, reclist_add, rl));
}

/* The columns of the list and its header (the first: the tag). */
static const struct column pending_columns[] = {
	{ "", 2, 0, 0, 0 },
	{ N_("Date"), 10, 0, 0, 0 },
	{ N_("Event"), 0, 4, 1, 0 },
	{ N_("ID"), 10, 0, 1, 0 },
	{ N_("Name"), 0, 3, 1, 0 },
	{ N_("Reading"), 0, 3, 1, 0 },
	{ N_("Response"), 12, 0, 1, 0 },
};
#define PENDING_NCOLUMNS (sizeof pending_columns / sizeof pending_columns[0])

static void
pending_drawrow(struct tui *t, struct screen *s, const void *row, char *buf,
    size_t size, int cols, int *tagged)
{
	struct reclist			*rl = s->data;
	const struct pending_row	*p = *(const struct pending_row *const *)row;
	char				 key[2 * STORE_ID_MAX + 4], ev[512];
	const char			*cells[PENDING_NCOLUMNS];

	(void)t;
	pending_key(row, key, sizeof key);
	*tagged = listview_tagged(&rl->lv, key);
	snprintf(ev, sizeof ev, "%s %s", p->event, p->event_name);
	/* A tag is a "*" (and bold), never colour alone. */
	cells[0] = *tagged ? "*" : "";
	cells[1] = p->event_date;
	cells[2] = ev;
	cells[3] = p->member;
	cells[4] = p->member_name;
	cells[5] = p->member_kana;
	cells[6] = store_response_text(p->response);
	draw_columns(buf, size, pending_columns, PENDING_NCOLUMNS, cells,
	    cols);
}

static void
pending_draw(struct tui *t, struct screen *s, WINDOW *w, int h, int cols)
{
	struct reclist	*rl = s->data;
	char		 line[1024];
	size_t		 ntag;

	ntag = reclist_tagged(rl, NULL);
	if (list_search_shown(&rl->search))
		list_search_draw(s, &rl->search, w, 0, cols);
	else {
		snprintf(line, sizeof line, _("Pending: %zu of %zu shown;  "
		    "declined %s (d);  tagged %zu"), rl->lv.n, rl->nall,
		    rl->show_declined ? _("shown") : _("hidden"), ntag);
		draw_text(w, 0, 0, cols, line, A_BOLD);
	}
	line[0] = '\0';
	draw_columns(line, sizeof line, pending_columns, PENDING_NCOLUMNS, NULL,
	    cols);
	draw_text(w, 1, 0, cols, line, tui_attr(t, TA_HEADER));
	if (rl->lv.n == 0) {
		draw_text(w, 3, 2, cols - 2, rl->nall == 0 ?
		    _("No pending records: every final status is set.") :
		    _("No record shows (d shows declined ones)."), A_NORMAL);
		listview_show(&rl->lv, (size_t)(h > 2 ? h - 2 : 1));
		return;
	}
	draw_list(t, w, 2, h - 2, cols, &rl->lv, pending_drawrow, s);
}

static void
pending_text(struct tui *t, struct screen *s, int key)
{
	(void)t;
	reclist_text(s->data, key);
}

static void
pending_act(struct tui *t, struct screen *s, enum action act, int key)
{
	struct reclist		*rl = s->data;
	struct pending_row	**cur = listview_current(&rl->lv);

	(void)key;
	if (reclist_act(t, s, rl, act))
		return;
	if (act == ACT_OPEN && cur != NULL)
		tui_push(t, s->panel, screen_event_new(t, (*cur)->event));
}

static void
pending_reload(struct tui *t, struct screen *s)
{
	(void)t;
	store_today(((struct reclist *)s->data)->t->today);
	reclist_reload(s->data);
}

static void
pending_free(struct screen *s)
{
	reclist_free(s->data);
	free(s->data);
}

static void
pending_unfocus(struct screen *s)
{
	struct reclist	*rl = s->data;

	list_search_focus(s, &rl->search, 0);
}

static const struct screen_ops pending_ops = {
	.name = "pending",
	.draw = pending_draw,
	.act = pending_act,
	.text = pending_text,
	.reload = pending_reload,
	.unfocus = pending_unfocus,
	.free = pending_free,
};

struct screen *
screen_pending_new(struct tui *t)
{
	struct reclist	*rl = xcalloc(1, sizeof *rl);

	reclist_init(rl, t, pending_load, 0, PENDING_CTX);
	reclist_reload(rl);
	return (tui_screen_new(&pending_ops, PENDING_CTX, rl));
}
