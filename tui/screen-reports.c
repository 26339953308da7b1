/* screen-reports.c -- [4] a summary: counts per fiscal year, top members. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/screen.h"
#include "store/xmalloc.h"

#define REPORTS_CTX	(KC_GLOBAL | KC_LIST | KC_REPORTS)
#define REPORTS_TOP	10

struct rline {
	char	text[1024];
	int	bold;
};

struct fyear {
	int		 year;	/* April to March */
	unsigned	 events, invited, accepted, attended;
};

struct reports {
	struct tui	*t;
	struct listview	 lv;	/* struct rline */
	struct fyear	*fy;
	size_t		 nfy;
	unsigned	 events, pending;
};

static void
reports_line(struct reports *rp, int bold, const char *text)
{
	struct rline	l;

	memset(&l, 0, sizeof l);
	snprintf(l.text, sizeof l.text, "%s", text);
	l.bold = bold;
	listview_push(&rp->lv, &l);
}

static int
reports_event(const struct store_event *ev,
    const struct store_event_counts *c, void *arg)
{
	struct reports	*rp = arg;
	struct fyear	*f = NULL;
	size_t		 i;
	int		 y, m;

	rp->events++;
	rp->pending += c->pending;
	if (sscanf(ev->date, "%d-%d", &y, &m) != 2)
		return (0);
	if (m < 4)
		y--;
	for (i = 0; i < rp->nfy; i++)
		if (rp->fy[i].year == y)
			f = &rp->fy[i];
	if (f == NULL) {
		rp->fy = xreallocarray(rp->fy, rp->nfy + 1, sizeof *rp->fy);
		f = &rp->fy[rp->nfy++];
		memset(f, 0, sizeof *f);
		f->year = y;
	}
	f->events++;
	f->invited += c->invited;
	f->accepted += c->accepted;
	f->attended += c->attended;
	return (0);
}

static int
reports_fycmp(const void *a, const void *b)
{
	return (((const struct fyear *)b)->year -
	    ((const struct fyear *)a)->year);
}

/* The per fiscal year table: its header and rows. */
static const struct column reports_fy_columns[] = {
	{ N_("Year"), 12, 0, 0, 0 },
	{ N_("Events"), 8, 0, 0, 1 },
	{ N_("Invited"), 10, 0, 0, 1 },
	{ N_("Accepted"), 10, 0, 0, 1 },
	{ N_("Attended"), 10, 0, 0, 1 },
	{ N_("Rate"), 8, 0, 0, 1 },
};
#define REPORTS_FY_NCOLUMNS \
	(sizeof reports_fy_columns / sizeof reports_fy_columns[0])

static void
reports_load(struct reports *rp)
{
	struct store_member_row	 rows[REPORTS_TOP];
	char			 buf[1024], n[6][32];
	const char		*cells[6] = { n[0], n[1], n[2], n[3], n[4], n[5] };
	size_t			 i, got = 0, len;
	int			 rc;

	listview_clear(&rp->lv);
	free(rp->fy);
	rp->fy = NULL;
	rp->nfy = 0;
	rp->events = rp->pending = 0;
	if ((rc = store_event_each(rp->t->st, reports_event, rp)) !=
	    STORE_OK) {
		tui_store_error(rp->t, rc);
		return;
	}
	if (rp->nfy > 1)
		qsort(rp->fy, rp->nfy, sizeof *rp->fy, reports_fycmp);
	snprintf(buf, sizeof buf, _("Members %zu, events %u, pending records "
	    "%u"), store_member_count(rp->t->st), rp->events, rp->pending);
	reports_line(rp, 1, buf);
	reports_line(rp, 0, "");
	reports_line(rp, 1, _("Per fiscal year (April to March)"));
	buf[0] = '\0';
	draw_columns(buf, sizeof buf, reports_fy_columns, REPORTS_FY_NCOLUMNS,
	    NULL, 0);
	reports_line(rp, 0, buf);
	for (i = 0; i < rp->nfy; i++) {
		const struct fyear	*f = &rp->fy[i];

		snprintf(n[0], sizeof n[0], _("FY%d"), f->year);
		snprintf(n[1], sizeof n[1], "%u", f->events);
		snprintf(n[2], sizeof n[2], "%u", f->invited);
		snprintf(n[3], sizeof n[3], "%u", f->accepted);
		snprintf(n[4], sizeof n[4], "%u", f->attended);
		if (f->invited > 0)
			snprintf(n[5], sizeof n[5], "%u%%",
			    f->attended * 100 / f->invited);
		else
			snprintf(n[5], sizeof n[5], "-");
		buf[0] = '\0';
		draw_columns(buf, sizeof buf, reports_fy_columns,
		    REPORTS_FY_NCOLUMNS, cells, 0);
		reports_line(rp, 0, buf);
	}
	if (rp->nfy == 0)
		reports_line(rp, 0, _("(no events yet)"));
	reports_line(rp, 0, "");
	reports_line(rp, 1, _("Members who came most"));
	if (store_member_page(rp->t->st, STORE_ORDER_TOTAL, NULL, false, rows,
	    REPORTS_TOP, &got) != STORE_OK)
		got = 0;
	for (i = 0; i < got; i++) {
		snprintf(n[0], sizeof n[0], "%zu.", i + 1);
		snprintf(n[1], sizeof n[1], "%u", rows[i].total);
		len = 0;
		buf[0] = '\0';
		draw_cell(buf, sizeof buf, &len, n[0], 4, 1);
		draw_cell(buf, sizeof buf, &len, "", 1, 0);
		draw_cell(buf, sizeof buf, &len, rows[i].id, 10, 0);
		draw_cell(buf, sizeof buf, &len, "", 1, 0);
		draw_cell(buf, sizeof buf, &len, rows[i].name, 24, 0);
		draw_cell(buf, sizeof buf, &len, n[1], 6, 1);
		draw_cell(buf, sizeof buf, &len, "", 2, 0);
		draw_cell(buf, sizeof buf, &len, rows[i].last_date, 10, 0);
		reports_line(rp, 0, buf);
	}
	if (got == 0)
		reports_line(rp, 0, _("(no members yet)"));
}

static void
reports_row(struct tui *t, struct screen *s, const void *row, char *buf,
    size_t size, int cols, int *tagged)
{
	const struct rline	*l = row;

	(void)t;
	(void)s;
	(void)cols;
	(void)tagged;
	snprintf(buf, size, "%s", l->text);
}

static void
reports_draw(struct tui *t, struct screen *s, WINDOW *w, int h, int cols)
{
	struct reports	*rp = s->data;

	draw_list(t, w, 0, h, cols, &rp->lv, reports_row, s);
}

static void
reports_act(struct tui *t, struct screen *s, enum action act, int key)
{
	struct reports	*rp = s->data;

	(void)key;
	if (list_act(s, &rp->lv, NULL, act) != LIST_NONE)
		return;
	switch (act) {
	case ACT_OPEN:
	case ACT_SEARCH:
		tui_status(t, "%s", _("The summary has nothing to open or "
		    "search."));
		break;
	default:
		break;
	}
}

static void
reports_reload(struct tui *t, struct screen *s)
{
	struct reports	*rp = s->data;
	size_t		 cur = rp->lv.cur, top = rp->lv.top;

	(void)t;
	reports_load(rp);
	listview_reselect(&rp->lv, NULL, NULL, NULL, cur, top);
}

static void
reports_free(struct screen *s)
{
	struct reports	*rp = s->data;

	listview_free(&rp->lv);
	free(rp->fy);
	free(rp);
}

static const struct screen_ops reports_ops = {
	.name = "reports",
	.draw = reports_draw,
	.act = reports_act,
	.reload = reports_reload,
	.free = reports_free,
};

struct screen *
screen_reports_new(struct tui *t)
{
	struct reports	*rp = xcalloc(1, sizeof *rp);

	rp->t = t;
	listview_init(&rp->lv, sizeof(struct rline));
	reports_load(rp);
	return (tui_screen_new(&reports_ops, REPORTS_CTX, rp));
}
