/* tui.c -- the screens' main loop: terminal, panels, keys, signals.  The
 * frame is drawn by frame.c, the modals are modal.c, drafts restore.c. */
#include <sys/types.h>

#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <poll.h>
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
#include "tui/crash.h"
#include "tui/draft.h"
#include "tui/locale.h"
#include "tui/progress.h"
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

/*
 * The panels, in the order of the title line and of Tab.  Adding one is
 * a row here plus its screen file (screen-*.c, whose constructor builds
 * the panel's own screen); its digit key is a row of the key table in
 * keys.c (ACT_PANEL1 + its index), where every key is.
 */
const struct tui_panel tui_panels[] = {
	{ N_("Members"), screen_members_new },
	{ N_("Events"), screen_events_new },
	{ N_("Pending"), screen_pending_new },
	{ N_("Reports"), screen_reports_new },
};
const int	tui_npanels = sizeof tui_panels / sizeof tui_panels[0];

/* The panel whose own screen BASE builds. */
int
tui_panel_of(struct screen *(*base)(struct tui *))
{
	int	i;

	for (i = 0; i < tui_npanels; i++)
		if (tui_panels[i].base == base)
			return (i);
	return (0);
}

/* A panel's own screen, built when the panel is first shown: the first
 * frame reads only what [1] shows. */
static void
tui_base(struct tui *t, int panel)
{
	struct screen	*s;

	if (t->top[panel] != NULL)
		return;
	s = tui_panels[panel].base(t);
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

void
tui_panel(struct tui *t, int panel)
{
	if (panel < 0 || panel >= tui_npanels)
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

int
tui_unsaved(struct tui *t, struct screen **which)
{
	struct screen	*s;
	int		 i;

	for (i = 0; i < tui_npanels; i++) {
		/* The current panel first: its form is the one in use. */
		int	p = (t->panel + i) % tui_npanels;

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
		if (act == ACT_QUIT && !t->kiosk)
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
	case ACT_ACCESS:
		tui_access_page(t);
		return;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		t->dirty = 1;
		return;
	case ACT_PANEL_NEXT:
		tui_panel(t, (t->panel + 1) % tui_npanels);
		return;
	case ACT_PANEL_PREV:
		tui_panel(t, (t->panel + tui_npanels - 1) % tui_npanels);
		return;
	case ACT_PANEL1: case ACT_PANEL2: case ACT_PANEL3: case ACT_PANEL4:
		/* tui_panel ignores a key without a panel. */
		tui_panel(t, (int)(act - ACT_PANEL1));
		return;
	default:
		break;
	}
	s->ops->act(t, s, act, key);
	t->dirty = 1;
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
	struct import_opts	 opts;
	struct progress		*bar;
	int			 rc;

	memset(&opts, 0, sizeof opts);
	opts.kind = IMPORT_KIND_AUTO;
	opts.encoding = IMPORT_ENC_AUTO;
	opts.msg = tui_import_msg;
	opts.msg_arg = imp;
	bar = progress_attach(&opts);
	rc = import_files(t->st, (const char *const *)paths, n, &opts);
	progress_free(bar);
	return (rc);
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
	tui_fit(t);
	tui_draw(t);
	trace_event("refresh", t0);
}

void
tui_trace_late(struct tui *t, const char *kind, uint64_t since)
{
	t->late_kind = kind;
	if (t->nlate == t->late_cap) {
		t->late_cap = t->late_cap == 0 ? 64 : t->late_cap * 2;
		t->late_since = xreallocarray(t->late_since, t->late_cap,
		    sizeof *t->late_since);
	}
	t->late_since[t->nlate++] = since;
}

int
tui_typeahead(void)
{
	struct pollfd	p = { STDIN_FILENO, POLLIN, 0 };

	return (poll(&p, 1, 0) > 0 && (p.revents & POLLIN));
}

/* The wait for the next key: the usual, or shorter when the screen has
 * work between keys (it may have waited for it already). */
static int
tui_tick(struct tui *t)
{
	struct screen	*s = t->top[t->panel];
	int		 ms;

	if (s->ops->tick == NULL ||
	    (ms = s->ops->tick(t, s)) < 0 || ms > TUI_TIMEOUT_MS)
		ms = TUI_TIMEOUT_MS;
	wtimeout(t->wbody, ms);
	return (ms);
}

static int
tui_loop(struct tui *t)
{
	uint64_t	 t0 = 0, before;
	const char	*kind = NULL;
	struct screen	*shown;
	wint_t		 wc;
	unsigned	 gen;
	size_t		 i;
	int		 rc, ms, fast = 0, first = 1;

	while (!t->quit && tui_signal == 0) {
		/* keys already waiting (a paste, a scanner's ID) are read
		 * before the screen is drawn again */
		if (t->dirty && (first || !tui_typeahead())) {
			tui_fit(t);
			tui_draw(t);
			if (first)
				trace_event("start", trace_started());
			else if (kind != NULL)
				trace_event(kind, t0);
			for (i = 0; i < t->nlate; i++)
				trace_event(t->late_kind, t->late_since[i]);
			t->nlate = 0;
			first = 0;
		}
		kind = NULL;
		ms = tui_tick(t);
		if (t->dirty && !tui_typeahead())
			continue;
		before = trace_now();
		errno = 0;
		rc = wget_wch(t->wbody, &wc);
		if (rc == ERR) {
			/* A timeout, a signal, or the terminal is gone. */
			if (errno == EIO || errno == EBADF || errno == ENXIO)
				return (SIGHUP);
			if (ms > 5 && trace_now() - before < 5000) {
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

	const char	*home = getenv("HOME");
	size_t		 n;

	snprintf(t->user, sizeof t->user, "%s%s%s%s",
	    pw != NULL ? pw->pw_name : "?",
	    staff != NULL && *staff != '\0' ? " (" : "",
	    staff != NULL ? staff : "",
	    staff != NULL && *staff != '\0' ? ")" : "");
	n = home != NULL ? strlen(home) : 0;
	if (n > 1 && strncmp(t->dbdir, home, n) == 0 && t->dbdir[n] == '/')
		snprintf(t->dbshow, sizeof t->dbshow, "~%s", t->dbdir + n);
	else
		snprintf(t->dbshow, sizeof t->dbshow, "%s", t->dbdir);
}

/* The screens never create a database unseen: without one in DIR they
 * ask on the terminal, naming the path.  0 to go on, else the exit. */
static int
tui_ask_create(const char *dir)
{
	struct store	*st;
	char		 answer[16];
	int		 rc;

	rc = store_open(dir, STORE_READONLY, &st);
	store_close(st);
	if (rc != STORE_NODB)
		return (0);
	printf(_("There is no sanka database in %s.\nCreate a new one "
	    "there? [y/N] "), dir);
	fflush(stdout);
	if (fgets(answer, sizeof answer, stdin) == NULL ||
	    (answer[0] != 'y' && answer[0] != 'Y')) {
		sanka_warnx(_("nothing was created (sanka -d DIR opens another "
		    "database)"));
		return (SANKA_EXIT_ENV);
	}
	return (0);
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

	crash_screens_begin();	/* the terminal as it was, for a crash */
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
tui_free(struct tui *t)
{
	struct screen	*s, *below;
	int		 i;

	if (t->modal != NULL)
		tui_modal_free(t->modal);
	t->modal = NULL;
	for (i = 0; i < tui_npanels; i++) {
		for (s = t->top[i]; s != NULL; s = below) {
			below = s->below;
			tui_screen_free(s);
		}
		t->top[i] = NULL;
	}
	free(t->top);
	free(t->late_since);
	tui_evnames_free(t);
	free(t->draft_path);
}

/* The screens, after the imports of -i or opening the door of DOOR. */
static int
tui_run(const char *dbdir, char *const *imports, size_t nimports,
    const struct tui_door_opts *door)
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
	if ((rc = tui_ask_create(dbdir)) != 0 ||
	    (rc = sanka_open(dbdir, false, &t.st)) != 0)
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
	t.top = xcalloc(tui_npanels, sizeof *t.top);
	t.panel = 0;
	tui_base(&t, 0);
	/* The warnings say 警告 themselves; shown like errors. */
	if (warn[0] != '\0' || tw[0] != '\0') {
		tui_status(&t, "%s", warn[0] != '\0' ? warn : tw);
		t.msg_err = 1;
	}
	if (door != NULL)
		screen_checkin_begin(&t, door);
	else
		tui_offer_draft(&t);
	if (nimports > 0)
		tui_import_show(&t, irc, &imp);

	sig = tui_loop(&t);
	if (sig != 0)
		tui_save_draft(&t);
	/* The terminal may be gone (SIGHUP): endwin then fails, harmless. */
	tui_windows_free(&t);
	endwin();
	crash_screens_end();
	delscreen(sp);
	tui_free(&t);
	store_close(t.st);
	trace_close();
	return (irc == IMPORT_OK ? SANKA_EXIT_OK : irc);
}

int
tui_main(const char *dbdir, char *const *imports, size_t nimports)
{
	return (tui_run(dbdir, imports, nimports, NULL));
}

int
tui_checkin_main(const char *dbdir, const struct tui_door_opts *o)
{
	struct store	*st;
	char		 msg[512];
	int		 rc;

	/* the event first, with or without a terminal; never a new database */
	if ((rc = sanka_open(dbdir, true, &st)) != 0)
		return (rc);
	rc = screen_checkin_check(st, o, msg, sizeof msg);
	store_close(st);
	if (rc != 0) {
		sanka_warnx("%s", msg);
		return (rc);
	}
	return (tui_run(dbdir, NULL, 0, o));
}
