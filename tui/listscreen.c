/* listscreen.c -- what every list screen shares, as tmux's mode-tree.c is
 * for its modes: the keys that move in a list and the `/` search line.
 * The screens keep their rows, their drawing and their own keys. */
#include <stdio.h>

#include "store/i18n.h"
#include "tui/screen.h"
#include "tui/width.h"

void
list_search_init(struct list_search *ls, unsigned ctx, int open)
{
	field_init(&ls->q);
	ls->ctx = ctx;
	ls->open = open;
}

void
list_search_free(struct list_search *ls)
{
	field_free(&ls->q);
}

void
list_search_focus(struct screen *s, struct list_search *ls, int open)
{
	ls->open = open;
	s->ctx = open ? ls->ctx | KC_SEARCH | KC_FIELD : ls->ctx;
}

int
list_search_shown(const struct list_search *ls)
{
	return (ls->open || *field_text(&ls->q) != '\0');
}

void
list_search_text(struct list_search *ls, int key)
{
	field_insert(&ls->q, (uint32_t)key);
}

static int
list_move(struct listview *lv, enum action act)
{
	switch (act) {
	case ACT_UP:
		listview_move(lv, -1);
		break;
	case ACT_DOWN:
		listview_move(lv, 1);
		break;
	case ACT_PGUP:
		listview_page(lv, -1);
		break;
	case ACT_PGDN:
		listview_page(lv, 1);
		break;
	case ACT_TOP:
		listview_home(lv);
		break;
	case ACT_BOTTOM:
		listview_end(lv);
		break;
	default:
		return (0);
	}
	return (1);
}

enum list_result
list_act(struct screen *s, struct listview *lv, struct list_search *ls,
    enum action act)
{
	if (list_move(lv, act))
		return (LIST_DONE);
	if (ls == NULL)
		return (LIST_NONE);
	if (ls->open && tui_field_act(&ls->q, act))
		return (LIST_QUERY);
	switch (act) {
	case ACT_SEARCH:
		list_search_focus(s, ls, 1);
		return (LIST_DONE);
	case ACT_BACK:
		/* Esc clears the search; a second Esc leaves the line, a
		 * third is the screen's. */
		if (*field_text(&ls->q) != '\0') {
			field_set(&ls->q, "");
			return (LIST_QUERY);
		}
		if (!ls->open)
			return (LIST_NONE);
		list_search_focus(s, ls, 0);
		return (LIST_DONE);
	default:
		break;
	}
	return (LIST_NONE);
}

int
list_search_draw(struct screen *s, const struct list_search *ls, WINDOW *w,
    int y, int cols)
{
	char	line[256], view[1024];
	int	lw, col;

	snprintf(line, sizeof line, "%s ", _("Search:"));
	lw = width_str(line);
	draw_text(w, y, 0, lw, line, A_BOLD);
	field_view(&ls->q, cols / 2, view, sizeof view, &col);
	draw_text(w, y, lw, cols / 2, view, A_UNDERLINE);
	if (ls->open) {
		s->cur_y = y;
		s->cur_x = lw + col;
	}
	return (lw + cols / 2);
}
