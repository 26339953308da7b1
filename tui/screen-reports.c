/* screen-reports.c -- [4] the reports of DESIGN.md "Reports": one at a
 * time (Left/Right), drawn as report_table's text with bars fitting the
 * panel, over the members a filter keeps (f); Enter on a member of a list
 * opens the member's page, x exports the report as CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "store/i18n.h"
#include "store/xmalloc.h"
#include "tui/report-table.h"
#include "tui/screen.h"

#define REPORTS_CTX	(KC_GLOBAL | KC_LIST | KC_REPORTS)
#define REPORTS_LIST_MAX 500	/* member rows shown; x exports them all */

/* The reports in the order Left/Right walk them, with their tab labels. */
static const struct {
	enum store_report_kind	 kind;
	const char		*label;
} reports_tabs[] = {
	{ STORE_REPORT_RANGE, N_("Range") },
	{ STORE_REPORT_YEARLY, N_("Year on year") },
	{ STORE_REPORT_EVENTS, N_("Events") },
	{ STORE_REPORT_LAPSED, N_("Lapsed") },
	{ STORE_REPORT_TOP, N_("Top") },
	{ STORE_REPORT_NOSHOW, N_("No-shows") },
	{ STORE_REPORT_NEVER, N_("Never came") },
};
#define REPORTS_NTABS	(sizeof reports_tabs / sizeof reports_tabs[0])

struct rline {
	char	text[1024];
	int	bold;
	char	id[STORE_ID_MAX + 1];	/* a member's row: Enter opens it */
};

struct reports {
	struct tui		*t;
	struct listview		 lv;	/* struct rline */
	struct report_table	 tab;
	size_t			 tabi;	/* reports_tabs[] */
	bool			 calendar;
	char			*filter;	/* the words as typed */
	bool			 filter_bad;	/* they do not parse */
	int			 cols;	/* the width of the laid out lines */
};

static void
reports_line(struct reports *rp, int bold, const char *text, const char *id)
{
	struct rline	l;

	memset(&l, 0, sizeof l);
	snprintf(l.text, sizeof l.text, "%s", text);
	snprintf(l.id, sizeof l.id, "%s", id != NULL ? id : "");
	l.bold = bold;
	listview_push(&rp->lv, &l);
}

/* Compute the report shown into TAB, member lists cut at LIMIT rows (0:
 * all).  A filter that does not parse keeps TAB as it was and says which
 * word is wrong; the typed words stay, for f to correct them. */
static int
reports_compute(struct reports *rp, size_t limit, struct report_table *tab)
{
	struct store_report_opts	 o;
	struct store_filter_error	 e;
	struct store_filter		*f = NULL;
	int				 rc;

	if (store_filter_parse_line(rp->t->st, rp->filter, &f, &e) !=
	    STORE_OK) {
		rp->filter_bad = true;
		tui_error(rp->t, _("Filter word %zu \"%s\": %s"), e.word,
		    e.text, e.msg);
		return (-1);
	}
	rp->filter_bad = false;
	memset(&o, 0, sizeof o);
	o.calendar = rp->calendar;
	o.filter = f;
	o.limit = limit;
	report_table_free(tab);
	rc = report_table_build(rp->t->st, reports_tabs[rp->tabi].kind, &o,
	    tab);
	if (rc != STORE_OK)
		tui_store_error(rp->t, rc);
	store_filter_free(f);
	return (rc);
}

/* The report shown (the store is read here, never in a draw). */
static void
reports_build(struct reports *rp)
{
	(void)reports_compute(rp, REPORTS_LIST_MAX, &rp->tab);
	rp->cols = 0;		/* lay out again */
}

struct reports_text {
	struct reports	*rp;
	size_t		 row;	/* -1 before the header line */
};

static void
reports_text_line(const char *line, void *arg)
{
	struct reports_text	*x = arg;
	struct reports		*rp = x->rp;
	const char		*id = NULL;

	if (x->row != (size_t)-1 && store_report_is_list(rp->tab.kind))
		id = report_table_cell(&rp->tab, x->row, 0);
	reports_line(rp, x->row == (size_t)-1, line, id);
	x->row++;
}

/* The head lines: the reports with the shown one marked, the years and
 * the filter. */
static void
reports_head(struct reports *rp)
{
	char	buf[1024];
	size_t	i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < REPORTS_NTABS && len < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len,
		    i == rp->tabi ? "[%s] " : " %s  ",
		    _(reports_tabs[i].label));
	reports_line(rp, 1, buf, NULL);
	snprintf(buf, sizeof buf, _("%s  Filter: %s%s"), rp->calendar ?
	    _("Calendar years (c: fiscal)") :
	    _("Fiscal years, April to March (c: calendar)"),
	    rp->filter[0] != '\0' ? rp->filter : _("(every member; f)"),
	    rp->filter_bad ? _("  <- not read") : "");
	reports_line(rp, 0, buf, NULL);
	reports_line(rp, 0, "", NULL);
}

/* Lay the report out in COLS columns, the cursor kept where it was. */
static void
reports_layout(struct reports *rp, int cols)
{
	struct reports_text	 x;
	const struct store_report *r = &rp->tab.rep;
	char			 buf[512];
	bool			*hidden;
	size_t			 i, n = 0, cur = rp->lv.cur, top = rp->lv.top;

	listview_clear(&rp->lv);
	reports_head(rp);
	x.rp = rp;
	x.row = (size_t)-1;
	hidden = xcalloc(rp->tab.ncols + 1, sizeof *hidden);
	if (rp->tab.cols != NULL)
		report_table_text(&rp->tab, cols, hidden, reports_text_line,
		    &x);
	for (i = 0; i < rp->tab.ncols; i++)
		n += hidden[i];
	free(hidden);
	report_table_note(&rp->tab, buf, sizeof buf);
	if (buf[0] != '\0')
		reports_line(rp, 0, buf, NULL);
	if (r->left_out[STORE_MEMBER_LEFT] + r->left_out[STORE_MEMBER_SUSPENDED]
	    != 0) {
		snprintf(buf, sizeof buf, _("Left out: %zu left, %zu on leave "
		    "(a filter naming status keeps them)"),
		    r->left_out[STORE_MEMBER_LEFT],
		    r->left_out[STORE_MEMBER_SUSPENDED]);
		reports_line(rp, 0, buf, NULL);
	}
	if (n != 0) {
		snprintf(buf, sizeof buf, _("%zu more columns: x exports them "
		    "all"), n);
		reports_line(rp, 0, buf, NULL);
	}
	if (r->listed > rp->tab.nrows) {
		snprintf(buf, sizeof buf, _("%zu of %zu members shown: x "
		    "exports them all"), rp->tab.nrows, r->listed);
		reports_line(rp, 0, buf, NULL);
	}
	rp->cols = cols;
	listview_reselect(&rp->lv, NULL, NULL, NULL, cur, top);
}

static void
reports_fit(struct tui *t, struct screen *s, int h, int cols)
{
	struct reports	*rp = s->data;

	(void)t;
	(void)h;
	if (cols != rp->cols)
		reports_layout(rp, cols);
}

static void
reports_row(struct tui *t, struct screen *s, const void *row, char *buf,
    size_t size, int cols, int *tagged)
{
	const struct rline	*l = row;

	(void)t;
	(void)s;
	(void)cols;
	*tagged = l->bold;
	snprintf(buf, size, "%s", l->text);
}

static void
reports_draw(struct tui *t, struct screen *s, WINDOW *w, int h, int cols)
{
	struct reports	*rp = s->data;

	draw_list(t, w, 0, h, cols, &rp->lv, reports_row, s);
}

static void
reports_filter_done(struct tui *t, void *arg, int choice, const char *text)
{
	struct reports	*rp = arg;

	(void)t;
	if (choice != 0)
		return;
	free(rp->filter);
	rp->filter = xstrdup(text);
	reports_build(rp);
}

/* An export's message goes to the status line (stderr is the screen). */
static void
reports_export_msg(enum import_msg kind, const char *line, void *arg)
{
	if (kind != IMPORT_MSG_SUMMARY)
		tui_error(arg, "%s", line);
}

static void
reports_export_done(struct tui *t, void *arg, int choice, const char *text)
{
	struct reports		*rp = arg;
	struct report_table	 all, *tab = &all;
	struct export_opts	 eo;
	struct export_list	*l;
	const char		**keys, **cells;
	bool			*textcol;
	size_t			 r, c;

	memset(&all, 0, sizeof all);
	if (choice != 0 || *text == '\0' ||
	    reports_compute(rp, 0, &all) != STORE_OK) {
		report_table_free(&all);
		return;
	}
	memset(&eo, 0, sizeof eo);
	eo.encoding = IMPORT_ENC_UTF8_BOM;	/* Excel reads it as UTF-8 */
	eo.path = text;
	eo.msg = reports_export_msg;
	eo.msg_arg = t;
	keys = xcalloc(tab->ncols, sizeof *keys);
	cells = xcalloc(tab->ncols, sizeof *cells);
	textcol = xcalloc(tab->ncols, sizeof *textcol);
	report_table_header(tab, keys, textcol);
	l = export_list_open(t->st, &eo, keys, textcol, tab->ncols);
	for (r = 0; r < tab->nrows; r++) {
		for (c = 0; c < tab->ncols; c++)
			cells[c] = report_table_cell(tab, r, c);
		export_list_row(l, cells);
	}
	if (export_list_close(l, STORE_OK) == IMPORT_OK)
		tui_status(t, _("Wrote %zu rows to %s (UTF-8 with BOM)."),
		    tab->nrows, text);
	report_table_free(&all);
	free(keys);
	free(cells);
	free(textcol);
}

static void
reports_act(struct tui *t, struct screen *s, enum action act, int key)
{
	struct reports		*rp = s->data;
	const struct rline	*l;
	char			 name[64];

	(void)key;
	if (list_act(s, &rp->lv, NULL, act) != LIST_NONE)
		return;
	switch (act) {
	case ACT_OPEN:
		if ((l = listview_current(&rp->lv)) != NULL && l->id[0] != '\0')
			tui_push(t, s->panel, screen_member_new(t, l->id));
		else
			tui_status(t, "%s", _("Enter opens a member of the "
			    "member lists (Right: the next report)."));
		break;
	case ACT_REPORT_NEXT:
	case ACT_REPORT_PREV:
		rp->tabi = (rp->tabi + (act == ACT_REPORT_NEXT ? 1 :
		    REPORTS_NTABS - 1)) % REPORTS_NTABS;
		rp->lv.cur = rp->lv.top = 0;
		reports_build(rp);
		break;
	case ACT_CALENDAR:
		rp->calendar = !rp->calendar;
		reports_build(rp);
		break;
	case ACT_FILTER:
		tui_prompt(t, _("Filter (e.g. 会員種別=正会員 total>=3, "
		    "@NAME):"), rp->filter, reports_filter_done, rp);
		break;
	case ACT_EXPORT:
		snprintf(name, sizeof name, "report-%s.csv",
		    store_report_kind_word(reports_tabs[rp->tabi].kind));
		tui_prompt(t, _("Export this report as CSV to:"), name,
		    reports_export_done, rp);
		break;
	case ACT_SEARCH:
		tui_status(t, "%s", _("f filters the members a report "
		    "counts."));
		break;
	default:
		break;
	}
}

static void
reports_reload(struct tui *t, struct screen *s)
{
	(void)t;
	reports_build(s->data);
}

static void
reports_free(struct screen *s)
{
	struct reports	*rp = s->data;

	listview_free(&rp->lv);
	report_table_free(&rp->tab);
	free(rp->filter);
	free(rp);
}

static const struct screen_ops reports_ops = {
	.name = "reports",
	.draw = reports_draw,
	.fit = reports_fit,
	.act = reports_act,
	.reload = reports_reload,
	.free = reports_free,
};

struct screen *
screen_reports_new(struct tui *t)
{
	struct reports	*rp = xcalloc(1, sizeof *rp);

	rp->t = t;
	rp->filter = xstrdup("");
	listview_init(&rp->lv, sizeof(struct rline));
	reports_build(rp);
	return (tui_screen_new(&reports_ops, REPORTS_CTX, rp));
}
