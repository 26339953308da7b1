/* tui.c -- the screens' main loop: terminal, frame, keys, modals, signals. */
#include <sys/types.h>

#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/i18n.h"
#include "tui/sanka.h"
#include "import/import.h"
#include "tui/draft.h"
#include "tui/form.h"
#include "tui/locale.h"
#include "tui/screen.h"
#include "tui/trace.h"
#include "tui/tui.h"
#include "tui/width.h"
#include "store/xmalloc.h"

#define TUI_FAST_ERR_MAX	100	/* instant ERRs in a row: tty gone */

static volatile sig_atomic_t	tui_signal;

static void
tui_on_signal(int sig)
{
	tui_signal = sig;
}

/* Before the terminal is set up: SIGHUP (dropped SSH), SIGTERM and
 * SIGINT only set a flag the loop checks; ncurses then leaves them. */
static void
tui_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: get_wch returns at once */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

/* --- attributes and messages -------------------------------------- */

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
	case TA_DIM:
		return (A_DIM);
	case TA_NORMAL:
		break;
	}
	return (A_NORMAL);
}

void
tui_status(struct tui *t, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_err = 0;
	t->msg_gen++;
	t->dirty = 1;
}

void
tui_error(struct tui *t, const char *fmt, ...)
{
	va_list	ap;
	char	buf[sizeof t->msg];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	/* The words say it is an error; the colour only adds to that. */
	snprintf(t->msg, sizeof t->msg, _("Error: %s"), buf);
	t->msg_err = 1;
	t->msg_gen++;
	t->dirty = 1;
}

void
tui_time(int64_t at, char *buf, size_t size)
{
	time_t		tt = (time_t)at;
	struct tm	tm;

	if (at == 0 || localtime_r(&tt, &tm) == NULL) {
		snprintf(buf, size, "-");
		return;
	}
	strftime(buf, size, "%Y-%m-%d %H:%M:%S", &tm);
}

const char *
tui_arrow(void)
{
	return (width_ambiguous() == 2 ? "->" : "\xe2\x86\x92");
}

void
tui_conflict_text(struct tui *t, char *buf, size_t size)
{
	const struct store_error	*e = store_last_error(t->st);
	char				 when[32];

	tui_time(e->at, when, sizeof when);
	snprintf(buf, size, _("%s changed it at %s, after you read it; "
	    "nothing was saved and the fresh state is shown"),
	    e->by[0] != '\0' ? e->by : _("someone"), when);
}

void
tui_store_error(struct tui *t, int rc)
{
	const struct store_error	*e = store_last_error(t->st);
	char				 buf[768];

	if (rc == STORE_CONFLICT) {
		tui_conflict_text(t, buf, sizeof buf);
		tui_error(t, "%s", buf);
	} else if (e->msg[0] != '\0')
		tui_error(t, "%s", e->msg);
	else
		tui_error(t, _("the database refused the change (%d)"), rc);
}

/* --- screens and panels --------------------------------------------- */

struct screen *
tui_screen_new(const struct screen_ops *ops, unsigned ctx, void *data)
{
	struct screen	*s = xcalloc(1, sizeof *s);

	s->ops = ops;
	s->ctx = ctx;
	s->data = data;
	s->cur_y = s->cur_x = -1;
	return (s);
}

static void
tui_screen_free(struct screen *s)
{
	if (s->ops->free != NULL)
		s->ops->free(s);
	free(s);
}

void
tui_refresh(struct tui *t, struct screen *s)
{
	uint64_t	id = store_txnid(t->st);

	if (s->seen != id && s->ops->reload != NULL) {
		s->ops->reload(t, s);
		t->dirty = 1;
	}
	s->seen = id;
}

/* A panel's own screen (the list), built when the panel is first shown:
 * the first frame reads only what [1] shows. */
static void
tui_base(struct tui *t, int panel)
{
	struct screen	*s;

	if (t->top[panel] != NULL)
		return;
	switch (panel) {
	case 0:
		s = screen_members_new(t);
		break;
	case 1:
		s = screen_events_new(t);
		break;
	case 2:
		s = screen_pending_new(t);
		break;
	default:
		s = screen_reports_new(t);
		break;
	}
	s->panel = panel;
	s->below = NULL;
	s->seen = store_txnid(t->st);
	t->top[panel] = s;
}

void
tui_push(struct tui *t, int panel, struct screen *s)
{
	tui_base(t, panel);
	s->panel = panel;
	s->below = t->top[panel];
	s->seen = store_txnid(t->st);
	t->top[panel] = s;
	t->panel = panel;
	t->dirty = 1;
}

void
tui_pop(struct tui *t)
{
	struct screen	*s = t->top[t->panel];

	if (s == NULL || s->below == NULL)
		return;
	t->top[t->panel] = s->below;
	tui_screen_free(s);
	if (t->top[t->panel]->ops->unfocus != NULL)
		t->top[t->panel]->ops->unfocus(t->top[t->panel]);
	tui_refresh(t, t->top[t->panel]);
	t->dirty = 1;
}

void
tui_wrote(struct tui *t)
{
	struct screen	*s = t->top[t->panel];

	t->txnid = store_txnid(t->st);
	if (s != NULL)
		tui_refresh(t, s);
	t->dirty = 1;
}

static void
tui_panel(struct tui *t, int panel)
{
	if (panel < 0 || panel >= TUI_NPANELS)
		return;
	t->panel = panel;
	tui_base(t, panel);
	tui_refresh(t, t->top[panel]);
	t->dirty = 1;
}

static int
tui_evname_cmp(const void *a, const void *b)
{
	return (strcmp(((const struct evname *)a)->code,
	    ((const struct evname *)b)->code));
}

static void
tui_evnames_free(struct tui *t)
{
	size_t	i;

	for (i = 0; i < t->nevnames; i++)
		free(t->evnames[i].name);
	free(t->evnames);
	t->evnames = NULL;
	t->nevnames = 0;
}

/* An event's name by its code: one point read per code shown, kept
 * until the store changes (store_event_each would count every record). */
const char *
tui_event_name(struct tui *t, const char *code)
{
	struct evname		 key, *hit;
	struct store_event	 ev;
	uint64_t		 id = store_txnid(t->st);
	size_t			 lo = 0, hi, mid;

	if (code == NULL || *code == '\0')
		return ("");
	if (t->evseen != id) {
		tui_evnames_free(t);
		t->evseen = id;
	}
	snprintf(key.code, sizeof key.code, "%s", code);
	hit = t->nevnames == 0 ? NULL : bsearch(&key, t->evnames,
	    t->nevnames, sizeof *t->evnames, tui_evname_cmp);
	if (hit != NULL)
		return (hit->name);
	memset(&ev, 0, sizeof ev);
	key.name = xstrdup(store_event_get(t->st, code, &ev, NULL) ==
	    STORE_OK && ev.name != NULL ? ev.name : "");
	store_event_free(&ev);
	for (hi = t->nevnames; lo < hi;) {
		mid = (lo + hi) / 2;
		if (tui_evname_cmp(&t->evnames[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	t->evnames = xreallocarray(t->evnames, t->nevnames + 1,
	    sizeof *t->evnames);
	memmove(t->evnames + lo + 1, t->evnames + lo,
	    (t->nevnames - lo) * sizeof *t->evnames);
	t->evnames[lo] = key;
	t->nevnames++;
	return (key.name);
}

int
tui_field_act(struct field *f, enum action act)
{
	switch (act) {
	case ACT_LEFT:
		field_left(f);
		break;
	case ACT_RIGHT:
		field_right(f);
		break;
	case ACT_LINE_START:
		field_home(f);
		break;
	case ACT_LINE_END:
		field_end(f);
		break;
	case ACT_BACKSPACE:
		field_backspace(f);
		break;
	case ACT_DELETE:
		field_delete(f);
		break;
	case ACT_KILL_LINE:
		field_kill_line(f);
		break;
	case ACT_KILL_END:
		field_kill_end(f);
		break;
	case ACT_KILL_WORD:
		field_kill_word(f);
		break;
	default:
		return (0);
	}
	return (1);
}

/* --- modals ----------------------------------------------------------- */

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

static void
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
static void
tui_help(struct tui *t)
{
	struct modal	*m;
	struct screen	*s = t->top[t->panel];

	m = tui_modal_new(t, MODAL_PAGE, _("Keys (Esc closes)"), NULL, NULL,
	    NULL);
	keys_help(s->ctx, tui_help_line, m);
}

static unsigned
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

static void
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

/* --- the frame ---------------------------------------------------------- */

static void
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
}

static WINDOW *
tui_win(int h, int w, int y, int x, PANEL **pp)
{
	WINDOW	*win;

	if ((win = newwin(h, w, y, x)) == NULL)
		return (NULL);
	*pp = new_panel(win);
	return (win);
}

/* Build the windows for the terminal's size (again after a resize). */
static void
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
	static const char *const names[TUI_NPANELS] = {
		N_("Members"), N_("Events"), N_("Pending"), N_("Reports"),
	};
	WINDOW	*w = t->wtitle;
	char	 item[128];
	int	 i, x, uw;

	wbkgdset(w, ' ' | tui_attr(t, TA_TITLE));
	werase(w);
	draw_text(w, 0, 0, 6, " sanka", tui_attr(t, TA_TITLE) | A_BOLD);
	x = 7;
	for (i = 0; i < TUI_NPANELS && x < t->cols; i++) {
		/* The current panel is not reversed and bold: seen without
		 * colour. */
		snprintf(item, sizeof item, "[%d] %s", i + 1, _(names[i]));
		uw = width_str(item);
		if (x + uw > t->cols)
			break;
		draw_text(w, 0, x, uw, item, i == t->panel ?
		    tui_attr(t, TA_TAB_CUR) : tui_attr(t, TA_TITLE));
		x += uw + 1;
	}
	uw = width_str(t->user);
	if (x + uw + 1 <= t->cols)
		draw_text(w, 0, t->cols - uw - 1, uw, t->user,
		    tui_attr(t, TA_TITLE));
}

static void
tui_draw_status(struct tui *t, struct screen *s)
{
	char	foot[1024];
	unsigned ctx = t->modal != NULL ? tui_modal_ctx(t->modal) : s->ctx;

	werase(t->wmsg);
	if (t->msg[0] != '\0')
		draw_text(t->wmsg, 0, 0, t->cols, t->msg, t->msg_err ?
		    tui_attr(t, TA_ERROR) : tui_attr(t, TA_OK));
	werase(t->wfoot);
	keys_footer(ctx, t->cols, foot, sizeof foot);
	draw_text(t->wfoot, 0, 0, t->cols, foot, tui_attr(t, TA_DIM));
}

/* Draw the modal centred over the body; returns the cursor position
 * (screen coordinates) of a prompt, else -1. */
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

static void
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

static void
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

/* --- keys --------------------------------------------------------------- */

/* What get_wch() returned, as a key of keys.h. */
static int
tui_map(int rc, wint_t wc)
{
	if (rc == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP:		return (TK_UP);
		case KEY_DOWN:		return (TK_DOWN);
		case KEY_LEFT:		return (TK_LEFT);
		case KEY_RIGHT:		return (TK_RIGHT);
		case KEY_PPAGE:		return (TK_PGUP);
		case KEY_NPAGE:		return (TK_PGDN);
		case KEY_HOME:		return (TK_HOME);
		case KEY_END:		return (TK_END);
		case KEY_ENTER:		return (TK_ENTER);
		case KEY_BACKSPACE:	return (TK_BS);
		case KEY_DC:		return (TK_DEL);
		case KEY_BTAB:		return (TK_BTAB);
		case KEY_RESIZE:	return (TK_RESIZE);
		default:
			if (wc >= (wint_t)KEY_F(1) && wc <= (wint_t)KEY_F(12))
				return (TK_F1 + (int)(wc - KEY_F(1)));
			return (TK_UNKNOWN);
		}
	}
	switch (wc) {
	case '\n':
	case '\r':
		return (TK_ENTER);
	case 0x7f:
	case 0x08:
		return (TK_BS);
	case '\t':
		return (TK_TAB);
	case 0x1b:
		return (TK_ESC);
	}
	return ((int)wc);
}

/* The trace's name for what a key did. */
static const char *
tui_kind(unsigned ctx, int key, enum action act)
{
	if ((ctx & KC_SEARCH) && (keys_is_text(key) || act == ACT_BACKSPACE))
		return ("search");
	switch (act) {
	case ACT_DOWN:		return ("down");
	case ACT_UP:		return ("up");
	case ACT_PGDN:		return ("pgdn");
	case ACT_PGUP:		return ("pgup");
	case ACT_TOP:		return ("top");
	case ACT_BOTTOM:	return ("bottom");
	case ACT_OPEN:		return ("open");
	case ACT_BACK:		return ("back");
	case ACT_SORT:		return ("sort");
	case ACT_SEARCH:	return ("search");
	case ACT_UNDO:		return ("undo");
	case ACT_PANEL_NEXT: case ACT_PANEL_PREV: case ACT_PANEL1:
	case ACT_PANEL2: case ACT_PANEL3: case ACT_PANEL4:
		return ("panel");
	case ACT_ATTENDED: case ACT_ABSENT: case ACT_NO_SHOW:
	case ACT_CANCELLED: case ACT_ATTEND_TAGGED: case ACT_YES:
	case ACT_CHOOSE:
		return ("mark");
	default:
		break;
	}
	return ("key");
}

static int
tui_unsaved(struct tui *t, struct screen **which)
{
	struct screen	*s;
	int		 i;

	for (i = 0; i < TUI_NPANELS; i++) {
		/* The current panel first: its form is the one in use. */
		int	p = (t->panel + i) % TUI_NPANELS;

		for (s = t->top[p]; s != NULL; s = s->below) {
			if (s->ops->unsaved != NULL && s->ops->unsaved(s)) {
				if (which != NULL)
					*which = s;
				return (1);
			}
		}
	}
	return (0);
}

static void
tui_quit_done(struct tui *t, void *arg, int choice, const char *text)
{
	(void)arg;
	(void)text;
	if (choice == 0)
		t->quit = 1;
}

static void
tui_quit(struct tui *t)
{
	if (tui_unsaved(t, NULL))
		tui_dialog(t, _("A form has input that is not saved.\n"
		    "Quit and lose it?"), _("Quit"), _("Cancel"),
		    tui_quit_done, NULL, NULL);
	else
		t->quit = 1;
}

/* One key: a modal takes it first, then a focused text field takes
 * printable keys, then the key table. */
static void
tui_key(struct tui *t, int key, const char **kind)
{
	struct screen	*s = t->top[t->panel];
	enum action	 act;

	*kind = "key";
	if (key == TK_RESIZE) {
		tui_layout(t);
		*kind = "resize";
		return;
	}
	if (t->small) {
		act = keys_lookup(KC_GLOBAL, key);
		if (act == ACT_QUIT)
			tui_quit(t);
		return;
	}
	if (t->modal != NULL) {
		*kind = t->modal->kind == MODAL_DIALOG ? "dialog" : "key";
		if (keys_lookup(tui_modal_ctx(t->modal), key) == ACT_CHOOSE ||
		    keys_lookup(tui_modal_ctx(t->modal), key) == ACT_YES)
			*kind = "mark";
		tui_modal_key(t, key);
		return;
	}
	if ((s->ctx & KC_FIELD) && keys_is_text(key) && s->ops->text != NULL) {
		*kind = tui_kind(s->ctx, key, ACT_NONE);
		s->ops->text(t, s, key);
		t->dirty = 1;
		return;
	}
	act = keys_lookup(s->ctx, key);
	*kind = tui_kind(s->ctx, key, act);
	switch (act) {
	case ACT_NONE:
		return;
	case ACT_QUIT:
		tui_quit(t);
		return;
	case ACT_HELP:
		tui_help(t);
		return;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		t->dirty = 1;
		return;
	case ACT_PANEL_NEXT:
		tui_panel(t, (t->panel + 1) % TUI_NPANELS);
		return;
	case ACT_PANEL_PREV:
		tui_panel(t, (t->panel + TUI_NPANELS - 1) % TUI_NPANELS);
		return;
	case ACT_PANEL1: case ACT_PANEL2: case ACT_PANEL3: case ACT_PANEL4:
		tui_panel(t, (int)(act - ACT_PANEL1));
		return;
	default:
		break;
	}
	s->ops->act(t, s, act, key);
	t->dirty = 1;
}

/* --- drafts ------------------------------------------------------------- */

/* Save the unsaved form (if any) as this user's draft for the database. */
static void
tui_save_draft(struct tui *t)
{
	struct screen	*s;
	char		*text;

	if (t->draft_path == NULL || !tui_unsaved(t, &s) ||
	    s->ops->draft == NULL)
		return;
	if ((text = s->ops->draft(s)) != NULL) {
		draft_save(t->draft_path, text);
		free(text);
	}
}

struct tui_draft {
	char		*text;
	enum form_kind	 kind;
	char		 key[STORE_ID_MAX + 1];
};

static void
tui_draft_free(void *arg)
{
	struct tui_draft	*d = arg;

	free(d->text);
	free(d);
}

static void
tui_draft_done(struct tui *t, void *arg, int choice, const char *text)
{
	struct tui_draft	*d = arg;
	struct screen		*s = NULL;
	int			 member;

	(void)text;
	draft_remove(t->draft_path);
	if (choice != 0) {
		tui_status(t, "%s", _("The draft was discarded."));
		return;
	}
	member = d->kind == FORM_MEMBER_ADD || d->kind == FORM_MEMBER_EDIT;
	if (member)
		s = screen_form_member(t, d->kind == FORM_MEMBER_EDIT ?
		    d->key : NULL, d->text);
	else
		s = screen_form_event(t, d->kind == FORM_EVENT_EDIT ?
		    d->key : NULL, d->text);
	if (s == NULL)
		return;
	tui_push(t, member ? 0 : 1, s);
	tui_status(t, "%s", _("The draft is back in the form; Ctrl-S saves "
	    "it."));
}

/* At start: offer the draft a dropped session left. */
static void
tui_offer_draft(struct tui *t)
{
	struct tui_draft	*d;
	char			*text, *q;
	char			 subject[128];

	if (t->draft_path == NULL ||
	    (text = draft_load(t->draft_path)) == NULL)
		return;
	d = xcalloc(1, sizeof *d);
	d->text = text;
	if (form_draft_kind(text, &d->kind, d->key) != 0) {
		draft_remove(t->draft_path);
		tui_draft_free(d);
		return;
	}
	switch (d->kind) {
	case FORM_MEMBER_ADD:
		snprintf(subject, sizeof subject, "%s", _("a new member"));
		break;
	case FORM_MEMBER_EDIT:
		snprintf(subject, sizeof subject, _("member %s"), d->key);
		break;
	case FORM_EVENT_ADD:
		snprintf(subject, sizeof subject, "%s", _("a new event"));
		break;
	case FORM_EVENT_EDIT:
		snprintf(subject, sizeof subject, _("event %s"), d->key);
		break;
	}
	q = xasprintf(_("A form of %s was not saved when the last session "
	    "ended.\nRestore it?"), subject);
	tui_dialog(t, q, _("Restore"), _("Discard"), tui_draft_done, d,
	    tui_draft_free);
	free(q);
}

/* --- sanka -i FILE... ---------------------------------------------------- */

struct tui_import {
	char		**lines;
	size_t		  n;
	size_t		  nwarn;
};

static void
tui_import_msg(enum import_msg kind, const char *line, void *arg)
{
	struct tui_import	*imp = arg;

	imp->lines = xreallocarray(imp->lines, imp->n + 1,
	    sizeof *imp->lines);
	imp->lines[imp->n++] = xstrdup(line);
	if (kind == IMPORT_MSG_WARNING)
		imp->nwarn++;
}

/* Before the screens: the import with its progress bar on the terminal;
 * its messages are kept for the screens.  Returns the import's code. */
static int
tui_import(struct tui *t, char *const *paths, size_t n,
    struct tui_import *imp)
{
	struct import_opts	opts;

	memset(&opts, 0, sizeof opts);
	opts.kind = IMPORT_KIND_AUTO;
	opts.encoding = IMPORT_ENC_AUTO;
	opts.progress = true;
	opts.msg = tui_import_msg;
	opts.msg_arg = imp;
	return (import_files(t->st, (const char *const *)paths, n, &opts));
}

/* The outcome: a failure is a scrollable page of every message (nothing
 * was written); success is the status line, or a page with warnings. */
static void
tui_import_show(struct tui *t, int rc, struct tui_import *imp)
{
	char	*line;
	size_t	 i, len = 0;

	if (rc != IMPORT_OK || imp->nwarn > 0) {
		tui_page(t, rc != IMPORT_OK ? _("The import failed; nothing was "
		    "written (Esc closes)") : _("Imported, with warnings (Esc "
		    "closes)"), imp->lines, imp->n);
		if (rc != IMPORT_OK)
			tui_error(t, "%s", _("The import failed; nothing was "
			    "written."));
		imp->lines = NULL;
		imp->n = 0;
		return;
	}
	line = xstrdup("");
	for (i = 0; i < imp->n; i++) {
		len = strlen(line);
		line = xreallocarray(line, len + strlen(imp->lines[i]) + 4,
		    1);
		snprintf(line + len, strlen(imp->lines[i]) + 4, "%s%s",
		    i > 0 ? " / " : "", imp->lines[i]);
		free(imp->lines[i]);
	}
	free(imp->lines);
	imp->lines = NULL;
	imp->n = 0;
	tui_status(t, "%s", line);
	free(line);
	t->txnid = store_txnid(t->st);
}

/* --- the loop ----------------------------------------------------------- */

/* Another process committed: the visible screen reads again. */
static void
tui_poll(struct tui *t)
{
	struct screen	*s = t->top[t->panel];
	uint64_t	 id = store_txnid(t->st), t0;

	if (id == t->txnid)
		return;
	t->txnid = id;
	if (s->seen == id || s->ops->reload == NULL)
		return;
	t0 = trace_now();
	s->ops->reload(t, s);
	s->seen = id;
	tui_draw(t);
	trace_event("refresh", t0);
}

static int
tui_loop(struct tui *t)
{
	uint64_t	 t0 = 0, before;
	const char	*kind = NULL;
	struct screen	*shown;
	wint_t		 wc;
	unsigned	 gen;
	int		 rc, fast = 0, first = 1;

	while (!t->quit && tui_signal == 0) {
		if (t->dirty) {
			tui_draw(t);
			if (first)
				trace_event("start", trace_started());
			else if (kind != NULL)
				trace_event(kind, t0);
			first = 0;
		}
		kind = NULL;
		before = trace_now();
		errno = 0;
		rc = wget_wch(t->wbody, &wc);
		if (rc == ERR) {
			/* A timeout, a signal, or the terminal is gone. */
			if (errno == EIO || errno == EBADF || errno == ENXIO)
				return (SIGHUP);
			if (trace_now() - before < 5000) {
				if (++fast > TUI_FAST_ERR_MAX)
					return (SIGHUP);
			} else
				fast = 0;
			if (tui_signal == 0)
				tui_poll(t);
			continue;
		}
		fast = 0;
		t0 = trace_now();
		shown = t->top[t->panel];
		gen = t->msg_gen;
		tui_key(t, tui_map(rc, wc), &kind);
		/* Another panel or screen: the old message was about the
		 * last one (a message this key set stays). */
		if (t->top[t->panel] != shown && t->msg_gen == gen &&
		    t->msg[0] != '\0') {
			t->msg[0] = '\0';
			t->dirty = 1;
		}
	}
	return (tui_signal);
}

/* --- setup -------------------------------------------------------------- */

static void
tui_user(struct tui *t)
{
	struct passwd	*pw = getpwuid(getuid());
	const char	*staff = getenv("SANKA_USER");

	snprintf(t->user, sizeof t->user, "%s%s%s%s",
	    pw != NULL ? pw->pw_name : "?",
	    staff != NULL && *staff != '\0' ? " (" : "",
	    staff != NULL ? staff : "",
	    staff != NULL && *staff != '\0' ? ")" : "");
}

/* newterm, with a TERM fallback when terminfo lacks the entry. */
static SCREEN *
tui_term(char *warn, size_t size)
{
	static const char *const fallback[] = { "xterm-256color", "xterm",
	    "vt100" };
	const char	*term = getenv("TERM");
	SCREEN		*sp;
	size_t		 i;

	if ((sp = newterm(NULL, stdout, stdin)) != NULL)
		return (sp);
	for (i = 0; i < sizeof fallback / sizeof fallback[0]; i++) {
		if ((sp = newterm(fallback[i], stdout, stdin)) != NULL) {
			snprintf(warn, size, _("Warning: the terminal type %s "
			    "is unknown here; using %s"),
			    term != NULL ? term : "", fallback[i]);
			return (sp);
		}
	}
	return (NULL);
}

static void
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
	t->color = 1;
}

static void
tui_free(struct tui *t)
{
	struct screen	*s, *below;
	int		 i;

	if (t->modal != NULL)
		tui_modal_free(t->modal);
	t->modal = NULL;
	for (i = 0; i < TUI_NPANELS; i++) {
		for (s = t->top[i]; s != NULL; s = below) {
			below = s->below;
			tui_screen_free(s);
		}
		t->top[i] = NULL;
	}
	tui_evnames_free(t);
	free(t->draft_path);
}

int
tui_main(const char *dbdir, char *const *imports, size_t nimports)
{
	struct tui		 t;
	struct tui_import	 imp;
	SCREEN			*sp;
	char			 warn[512], tw[256];
	int			 rc, sig, irc = IMPORT_OK;

	memset(&t, 0, sizeof t);
	width_init();
	tui_locale_init(warn, sizeof warn);
	trace_open();
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		sanka_warnx("%s", _("the screens need a terminal; 'sanka "
		    "--help' lists the commands"));
		return (SANKA_EXIT_USAGE);
	}
	if ((rc = sanka_open(dbdir, false, &t.st)) != 0)
		return (rc);
	t.dbdir = dbdir;
	memset(&imp, 0, sizeof imp);
	if (nimports > 0)
		irc = tui_import(&t, imports, nimports, &imp);
	t.draft_path = draft_path(dbdir);
	store_today(t.today);
	tui_user(&t);
	tui_signals();

	tw[0] = '\0';
	if ((sp = tui_term(tw, sizeof tw)) == NULL) {
		sanka_warnx(_("cannot use the terminal type %s"),
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		store_close(t.st);
		free(t.draft_path);
		return (SANKA_EXIT_ENV);
	}
	set_term(sp);
	raw();
	noecho();
	nonl();
	set_escdelay(100);
	curs_set(0);
	tui_colors(&t);
	tui_layout(&t);

	t.txnid = store_txnid(t.st);
	t.panel = 0;
	tui_base(&t, 0);
	/* The warnings say 警告 themselves; shown like errors. */
	if (warn[0] != '\0' || tw[0] != '\0') {
		tui_status(&t, "%s", warn[0] != '\0' ? warn : tw);
		t.msg_err = 1;
	}
	tui_offer_draft(&t);
	if (nimports > 0)
		tui_import_show(&t, irc, &imp);

	sig = tui_loop(&t);
	if (sig != 0)
		tui_save_draft(&t);
	/* The terminal may be gone (SIGHUP): endwin then fails, harmless. */
	tui_windows_free(&t);
	endwin();
	delscreen(sp);
	tui_free(&t);
	store_close(t.st);
	trace_close();
	return (irc == IMPORT_OK ? SANKA_EXIT_OK : irc);
}

const char *
tui_final_label(int final)
{
	static const char *const labels[] = {
		N_("pending"), N_("attended"), N_("absent"), N_("no-show"),
		N_("cancelled"),
	};

	if (final < 0 || (size_t)final >= sizeof labels / sizeof labels[0])
		return ("?");
	return (_(labels[final]));
}

const char *
tui_response_label(int response)
{
	static const char *const labels[] = {
		N_("no response"), N_("accepted"), N_("declined"),
		N_("tentative"),
	};

	if (response < 0 ||
	    (size_t)response >= sizeof labels / sizeof labels[0])
		return ("?");
	return (_(labels[response]));
}

const char *
tui_member_status_label(int status)
{
	static const char *const labels[] = {
		N_("active"), N_("suspended"), N_("left"),
	};

	if (status < 0 || (size_t)status >= sizeof labels / sizeof labels[0])
		return ("?");
	return (_(labels[status]));
}
