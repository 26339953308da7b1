/* modal.c -- the modals over the screens: a dialog, a menu, a prompt, a
 * page of text and the list of keys. */
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/screen.h"
#include "tui/width.h"
#include "store/xmalloc.h"

static struct modal *
tui_modal_new(struct tui *t, enum modal_kind kind, const char *title,
    modal_done_fn done, void *arg, void (*free_arg)(void *))
{
	struct modal	*m = xcalloc(1, sizeof *m);

	m->kind = kind;
	m->title = xstrdup(title);
	m->done = done;
	m->arg = arg;
	m->free_arg = free_arg;
	field_init(&m->f);
	t->modal = m;
	t->dirty = 1;
	return (m);
}

void
tui_modal_free(struct modal *m)
{
	size_t	i;

	for (i = 0; i < m->nlines; i++)
		free(m->lines[i]);
	free(m->lines);
	free(m->title);
	free(m->buttons[0]);
	free(m->buttons[1]);
	field_free(&m->f);
	if (m->free_arg != NULL)
		m->free_arg(m->arg);
	free(m);
}

/* Close the modal, then run its callback (which may open another). */
static void
tui_modal_close(struct tui *t, int choice)
{
	struct modal	*m = t->modal;
	char		*text;

	t->modal = NULL;
	t->dirty = 1;
	if (m->done != NULL) {
		text = xstrdup(field_text(&m->f));
		m->done(t, m->arg, choice, text);
		free(text);
	}
	tui_modal_free(m);
}

static void
tui_modal_lines(struct modal *m, const char *text)
{
	const char	*p = text, *nl;

	for (;;) {
		nl = strchr(p, '\n');
		m->lines = xreallocarray(m->lines, m->nlines + 1,
		    sizeof *m->lines);
		m->lines[m->nlines++] = nl != NULL ?
		    xasprintf("%.*s", (int)(nl - p), p) : xstrdup(p);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

void
tui_dialog(struct tui *t, const char *text, const char *yes, const char *no,
    modal_done_fn done, void *arg, void (*free_arg)(void *))
{
	struct modal	*m;

	m = tui_modal_new(t, MODAL_DIALOG, "", done, arg, free_arg);
	tui_modal_lines(m, text);
	m->buttons[0] = xstrdup(yes);
	m->buttons[1] = xstrdup(no);
}

void
tui_menu(struct tui *t, const char *title, const char *const *items,
    size_t n, int sel, modal_done_fn done, void *arg)
{
	struct modal	*m;
	size_t		 i;

	m = tui_modal_new(t, MODAL_MENU, title, done, arg, NULL);
	m->lines = xcalloc(n, sizeof *m->lines);
	for (i = 0; i < n; i++)
		m->lines[i] = xasprintf("%zu  %s", i + 1, items[i]);
	m->nlines = n;
	m->sel = sel >= 0 && (size_t)sel < n ? sel : 0;
}

void
tui_prompt(struct tui *t, const char *title, const char *initial,
    modal_done_fn done, void *arg)
{
	struct modal	*m;

	m = tui_modal_new(t, MODAL_PROMPT, title, done, arg, NULL);
	field_set(&m->f, initial);
}

void
tui_prompt_secret(struct tui *t, const char *title, modal_done_fn done,
    void *arg)
{
	tui_prompt(t, title, "", done, arg);
	t->modal->secret = 1;
}

void
tui_page(struct tui *t, const char *title, char **lines, size_t n)
{
	struct modal	*m;

	m = tui_modal_new(t, MODAL_PAGE, title, NULL, NULL, NULL);
	m->lines = lines;
	m->nlines = n;
}

static void
tui_help_line(const char *keys, const char *label, void *arg)
{
	struct modal	*m = arg;

	m->lines = xreallocarray(m->lines, m->nlines + 1, sizeof *m->lines);
	m->lines[m->nlines++] = xasprintf("%-16s %s", keys, label);
}

/* `?`: every key of the current screen, from the key table. */
void
tui_help(struct tui *t)
{
	struct modal	*m;
	struct screen	*s = t->top[t->panel];

	m = tui_modal_new(t, MODAL_PAGE, _("Keys (Esc closes)"), NULL, NULL,
	    NULL);
	keys_help(s->ctx, tui_help_line, m);
}

unsigned
tui_modal_ctx(const struct modal *m)
{
	switch (m->kind) {
	case MODAL_DIALOG:
		return (KC_DIALOG);
	case MODAL_MENU:
		return (KC_MENU);
	case MODAL_PROMPT:
		return (KC_DIALOG | KC_FIELD);
	case MODAL_PAGE:
		break;
	}
	return (KC_HELP);
}

void
tui_modal_key(struct tui *t, int key)
{
	struct modal	*m = t->modal;
	enum action	 act;
	size_t		 last;
	int		 page;

	if (m->kind == MODAL_PROMPT && keys_is_text(key)) {
		field_insert(&m->f, (uint32_t)key);
		t->dirty = 1;
		return;
	}
	act = keys_lookup(tui_modal_ctx(m), key);
	if (act == ACT_REDRAW) {
		clearok(curscr, TRUE);
		t->dirty = 1;
		return;
	}
	t->dirty = 1;
	switch (m->kind) {
	case MODAL_DIALOG:
		if (act == ACT_YES)
			tui_modal_close(t, 0);
		else if (act == ACT_NO)
			tui_modal_close(t, -1);
		else if (act == ACT_CHOOSE)
			tui_modal_close(t, m->sel == 0 ? 0 : -1);
		else if (act == ACT_SWITCH)
			m->sel = !m->sel;
		break;
	case MODAL_PROMPT:
		if (tui_field_act(&m->f, act))
			break;
		if (act == ACT_CHOOSE)
			tui_modal_close(t, 0);
		else if (act == ACT_NO) {
			/* Esc clears the line, a second Esc closes. */
			if (*field_text(&m->f) != '\0')
				field_set(&m->f, "");
			else
				tui_modal_close(t, -1);
		}
		break;
	case MODAL_MENU:
		if (act == ACT_UP && m->sel > 0)
			m->sel--;
		else if (act == ACT_DOWN && (size_t)m->sel + 1 < m->nlines)
			m->sel++;
		else if (act == ACT_CHOOSE)
			tui_modal_close(t, m->sel);
		else if (act >= ACT_CHOICE1 && act <= ACT_CHOICE4 &&
		    (size_t)(act - ACT_CHOICE1) < m->nlines)
			tui_modal_close(t, (int)(act - ACT_CHOICE1));
		else if (act == ACT_NO)
			tui_modal_close(t, -1);
		break;
	case MODAL_PAGE:
		/* rows and shown: from the last draw (wrapped lines). */
		page = m->shown > 1 ? (int)m->shown - 1 : 1;
		last = m->rows > m->shown ? m->rows - m->shown : 0;
		if (act == ACT_UP && m->top > 0)
			m->top--;
		else if (act == ACT_DOWN && m->top < last)
			m->top++;
		else if (act == ACT_PGUP)
			m->top = m->top > (size_t)page ? m->top - (size_t)page :
			    0;
		else if (act == ACT_PGDN)
			m->top = m->top + (size_t)page < last ?
			    m->top + (size_t)page : last;
		else if (act == ACT_TOP)
			m->top = 0;
		else if (act == ACT_BOTTOM)
			m->top = last;
		else if (act == ACT_BACK)
			tui_modal_close(t, -1);
		break;
	}
}

/* A line of a modal as shown: LEN bytes at P, from line LINE. */
struct modal_row {
	const char	*p;
	size_t		 len, line;
};

/* The modal's lines wrapped to INNER columns (menus are not wrapped). */
static size_t
tui_modal_wrap(const struct modal *m, int inner, struct modal_row **out)
{
	struct modal_row	*r = NULL;
	const char		*p;
	size_t			 n = 0, i, k;

	for (i = 0; i < m->nlines; i++) {
		p = m->lines[i];
		do {
			k = m->kind == MODAL_MENU || *p == '\0' ? strlen(p) :
			    width_wrap(p, inner);
			r = xreallocarray(r, n + 1, sizeof *r);
			r[n].p = p;
			r[n].len = k;
			r[n++].line = i;
			p += k;
			while (*p == ' ')
				p++;
		} while (*p != '\0');
	}
	*out = r;
	return (n);
}

/* Draw the modal centred over the body; *CY, *CX: the cursor position
 * (screen coordinates) of a prompt, else left as they are. */
void
tui_draw_modal(struct tui *t, int *cy, int *cx)
{
	struct modal	*m = t->modal;
	struct modal_row *r;
	WINDOW		*w;
	char		 view[1024];
	size_t		 i, nr;
	int		 h, wd, maxw, y, bx, bw, col, inner, avail, th;

	maxw = width_str(m->title) + 4;
	for (i = 0; i < m->nlines; i++)
		if (width_str(m->lines[i]) + 4 > maxw)
			maxw = width_str(m->lines[i]) + 4;
	if (m->kind == MODAL_DIALOG) {
		bw = width_str(m->buttons[0]) + width_str(m->buttons[1]) + 10;
		if (bw + 4 > maxw)
			maxw = bw + 4;
	}
	if (m->kind == MODAL_PROMPT && maxw < 60)
		maxw = 60;
	wd = maxw < t->cols - 2 ? maxw : t->cols - 2;
	avail = t->lines - 4;
	nr = tui_modal_wrap(m, wd - 4 > 1 ? wd - 4 : 1, &r);
	h = (int)nr + 2;
	th = m->title[0] != '\0';
	h += th;
	if (m->kind == MODAL_DIALOG)
		h += 2;
	if (m->kind == MODAL_PROMPT)
		h += 1;
	if (h > avail)
		h = avail;
	if (h < 3 || wd < 6 || (w = tui_win(h, wd, 1 + (t->lines - 3 - h) / 2,
	    (t->cols - wd) / 2, &t->pmodal)) == NULL) {
		free(r);
		return;
	}
	t->wmodal = w;
	werase(w);
	if (width_ambiguous() == 2)
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
	else
		box(w, 0, 0);
	inner = wd - 4;
	y = 1;
	if (m->title[0] != '\0')
		draw_text(w, y++, 2, inner, m->title, A_BOLD);
	if (m->kind == MODAL_PAGE) {
		m->rows = nr;
		m->shown = (size_t)(h - 2 - th);
		if (m->top + m->shown > m->rows)
			m->top = m->rows > m->shown ? m->rows - m->shown : 0;
		for (i = m->top; i < nr && y < h - 1; i++) {
			snprintf(view, sizeof view, "%.*s", (int)r[i].len,
			    r[i].p);
			draw_text(w, y++, 2, inner, view, A_NORMAL);
		}
		if (m->rows > m->shown) {
			/* Where the page is: " 21-40 / 57 " on the frame. */
			snprintf(view, sizeof view, " %zu-%zu / %zu ",
			    m->top + 1, m->top + m->shown, m->rows);
			draw_text(w, h - 1, wd - 2 - width_str(view),
			    width_str(view), view, A_NORMAL);
		}
		free(r);
		return;
	}
	for (i = 0; i < nr && y < h - 1; i++) {
		snprintf(view, sizeof view, "%.*s", (int)r[i].len, r[i].p);
		draw_text(w, y++, 2, inner, view, m->kind == MODAL_MENU &&
		    (int)r[i].line == m->sel ? tui_attr(t, TA_CURSOR) :
		    A_NORMAL);
	}
	free(r);
	if (m->kind == MODAL_PROMPT && y < h - 1) {
		if (m->secret) {
			struct field	stars;
			const char	*p;

			field_init(&stars);
			for (p = field_text(&m->f); *p != '\0'; p++) {
				if (((unsigned char)*p & 0xc0) != 0x80)
					field_insert(&stars, '*');
			}
			field_view(&stars, inner, view, sizeof view, &col);
			field_free(&stars);
		} else
			field_view(&m->f, inner, view, sizeof view, &col);
		draw_text(w, y, 2, inner, view, A_UNDERLINE);
		*cy = 1 + (t->lines - 3 - h) / 2 + y;
		*cx = (t->cols - wd) / 2 + 2 + col;
	}
	if (m->kind == MODAL_DIALOG && h >= 5) {
		char	b0[128], b1[128];
		int	w0, w1;

		snprintf(b0, sizeof b0, "[%s]", m->buttons[0]);
		snprintf(b1, sizeof b1, "[%s]", m->buttons[1]);
		w0 = width_str(b0);
		w1 = width_str(b1);
		bx = (wd - w0 - w1 - 4) / 2;
		if (bx < 1)
			bx = 1;
		draw_text(w, h - 2, bx, w0, b0, m->sel == 0 ?
		    tui_attr(t, TA_BUTTON_CUR) | A_BOLD : A_NORMAL);
		draw_text(w, h - 2, bx + w0 + 4, w1, b1, m->sel == 1 ?
		    tui_attr(t, TA_BUTTON_CUR) | A_BOLD : A_NORMAL);
	}
}

