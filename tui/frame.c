/* frame.c -- the frame around the screens: windows, title line with the
 * panels, status line and footer, colours, and drawing a frame. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/screen.h"
#include "tui/width.h"

attr_t
tui_attr(const struct tui *t, enum tui_attr which)
{
	switch (which) {
	case TA_TITLE:
		return (A_REVERSE);
	case TA_TAB_CUR:
		return (A_BOLD | A_UNDERLINE | (t->color ? COLOR_PAIR(3) : 0));
	case TA_HEADER:
		return (A_BOLD | A_UNDERLINE);
	case TA_CURSOR:
	case TA_FOCUS:
	case TA_BUTTON_CUR:
		return (A_REVERSE);
	case TA_TAGGED:
		return (A_BOLD | (t->color ? COLOR_PAIR(4) : 0));
	case TA_ERROR:
		return (A_BOLD | (t->color ? COLOR_PAIR(1) : 0));
	case TA_OK:
		return (t->color ? COLOR_PAIR(2) : A_NORMAL);
	case TA_WARN:
		return (t->color ? COLOR_PAIR(5) : A_NORMAL);
	case TA_DIM:
		return (A_DIM);
	case TA_NORMAL:
		break;
	}
	return (A_NORMAL);
}

void
tui_windows_free(struct tui *t)
{
	PANEL	**p[] = { &t->ptitle, &t->pbody, &t->pmsg, &t->pfoot,
	    &t->pmodal };
	WINDOW	**w[] = { &t->wtitle, &t->wbody, &t->wmsg, &t->wfoot,
	    &t->wmodal };
	size_t	  i;

	for (i = 0; i < sizeof p / sizeof p[0]; i++) {
		if (*p[i] != NULL)
			del_panel(*p[i]);
		if (*w[i] != NULL)
			delwin(*w[i]);
		*p[i] = NULL;
		*w[i] = NULL;
	}
	t->shown_title[0] = t->shown_status[0] = '\0';
}

/* Whether a line whose content is described by KEY must be drawn: not
 * when SHOWN, what it was last drawn from, is KEY (an untouched window
 * costs the next doupdate nothing).  Remembers KEY. */
static bool
tui_line_stale(char *shown, size_t size, const char *key)
{
	if (strcmp(shown, key) == 0)
		return (false);
	snprintf(shown, size, "%s", key);
	return (true);
}

WINDOW *
tui_win(int h, int w, int y, int x, PANEL **pp)
{
	WINDOW	*win;

	if ((win = newwin(h, w, y, x)) == NULL)
		return (NULL);
	*pp = new_panel(win);
	return (win);
}

/* Build the windows for the terminal's size (again after a resize). */
void
tui_layout(struct tui *t)
{
	tui_windows_free(t);
	getmaxyx(stdscr, t->lines, t->cols);
	t->small = t->cols < TUI_MIN_COLS || t->lines < TUI_MIN_LINES;
	if (t->small) {
		t->wbody = tui_win(t->lines > 0 ? t->lines : 1,
		    t->cols > 0 ? t->cols : 1, 0, 0, &t->pbody);
	} else {
		t->wtitle = tui_win(1, t->cols, 0, 0, &t->ptitle);
		t->wbody = tui_win(t->lines - 3, t->cols, 1, 0, &t->pbody);
		t->wmsg = tui_win(1, t->cols, t->lines - 2, 0, &t->pmsg);
		t->wfoot = tui_win(1, t->cols, t->lines - 1, 0, &t->pfoot);
	}
	if (t->wbody != NULL) {
		keypad(t->wbody, TRUE);
		wtimeout(t->wbody, TUI_TIMEOUT_MS);
	}
	t->dirty = 1;
}

static void
tui_draw_title(struct tui *t)
{
	WINDOW	*w = t->wtitle;
	char	 item[512], key[sizeof t->shown_title];
	int	 i, x, uw;

	/* the rest of the line is fixed while the windows live */
	snprintf(key, sizeof key, "%d", t->panel);
	if (!tui_line_stale(t->shown_title, sizeof t->shown_title, key))
		return;
	wbkgdset(w, ' ' | tui_attr(t, TA_TITLE));
	werase(w);
	draw_text(w, 0, 0, 6, " sanka", tui_attr(t, TA_TITLE) | A_BOLD);
	x = 7;
	/* the kiosk reaches no panel: none is offered */
	for (i = 0; i < tui_npanels && x < t->cols && !t->kiosk; i++) {
		/* The current panel is not reversed and bold: seen without
		 * colour. */
		snprintf(item, sizeof item, "[%d] %s", i + 1, _(tui_panels[i].label));
		uw = width_str(item);
		if (x + uw > t->cols)
			break;
		draw_text(w, 0, x, uw, item, i == t->panel ?
		    tui_attr(t, TA_TAB_CUR) : tui_attr(t, TA_TITLE));
		x += uw + 1;
	}
	/* which database is open, then who works on it; the path goes
	 * first when the line is short */
	snprintf(item, sizeof item, "%s  %s", t->dbshow, t->user);
	uw = width_str(item);
	if (x + uw + 1 > t->cols) {
		snprintf(item, sizeof item, "%s", t->user);
		uw = width_str(item);
	}
	if (x + uw + 1 <= t->cols)
		draw_text(w, 0, t->cols - uw - 1, uw, item,
		    tui_attr(t, TA_TITLE));
}

static void
tui_draw_status(struct tui *t, struct screen *s)
{
	char	foot[1024], key[sizeof t->shown_status];
	unsigned ctx = t->modal != NULL ? tui_modal_ctx(t->modal) : s->ctx;

	snprintf(key, sizeof key, "%u %d %s", ctx, t->msg_err, t->msg);
	if (!tui_line_stale(t->shown_status, sizeof t->shown_status, key))
		return;
	werase(t->wmsg);
	if (t->msg[0] != '\0')
		draw_text(t->wmsg, 0, 0, t->cols, t->msg, t->msg_err ?
		    tui_attr(t, TA_ERROR) : tui_attr(t, TA_OK));
	werase(t->wfoot);
	keys_footer(ctx, t->cols, foot, sizeof foot);
	draw_text(t->wfoot, 0, 0, t->cols, foot, tui_attr(t, TA_DIM));
}

/* Before a draw, in the loop: the screen sizes its list to the body and
 * fetches what will show, so that drawing only reads. */
void
tui_fit(struct tui *t)
{
	struct screen	*s = t->top[t->panel];

	if (!t->small && s->ops->fit != NULL)
		s->ops->fit(t, s, t->lines - 3, t->cols);
}

void
tui_draw(struct tui *t)
{
	struct screen	*s = t->top[t->panel];
	int		 cy = -1, cx = -1, bh;

	if (t->pmodal != NULL) {
		del_panel(t->pmodal);
		delwin(t->wmodal);
		t->pmodal = NULL;
		t->wmodal = NULL;
	}
	if (t->small) {
		werase(t->wbody);
		draw_text(t->wbody, t->lines / 2, 0, t->cols,
		    _("The screen is too small"), A_BOLD);
		if (t->lines / 2 + 1 < t->lines)
			draw_text(t->wbody, t->lines / 2 + 1, 0, t->cols,
			    _("(q quits)"), A_NORMAL);
		curs_set(0);
		update_panels();
		doupdate();
		t->dirty = 0;
		return;
	}
	tui_draw_title(t);
	werase(t->wbody);
	bh = t->lines - 3;
	s->cur_y = s->cur_x = -1;
	s->ops->draw(t, s, t->wbody, bh, t->cols);
	if (s->cur_y >= 0 && s->cur_y < bh) {
		cy = 1 + s->cur_y;
		cx = s->cur_x < t->cols ? s->cur_x : t->cols - 1;
	}
	tui_draw_status(t, s);
	if (t->modal != NULL) {
		cy = cx = -1;
		tui_draw_modal(t, &cy, &cx);
	}
	update_panels();
	if (cy >= 0) {
		/* The terminal's cursor where text goes (IME windows). */
		setsyx(cy, cx);
		curs_set(1);
	} else
		curs_set(0);
	doupdate();
	t->dirty = 0;
}
void
tui_colors(struct tui *t)
{
	const char	*nc = getenv("NO_COLOR");

	t->color = 0;
	if ((nc != NULL && *nc != '\0') || !has_colors())
		return;
	if (start_color() != OK)
		return;
	use_default_colors();
	init_pair(1, COLOR_RED, -1);
	init_pair(2, COLOR_GREEN, -1);
	init_pair(3, COLOR_YELLOW, COLOR_BLUE);
	init_pair(4, COLOR_CYAN, -1);
	init_pair(5, COLOR_YELLOW, -1);
	t->color = 1;
}

