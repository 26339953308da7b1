/* report-table.c -- a report as text cells in DESIGN.md's columns, and
 * its text layout with bars fitting a width.  No curses. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/xmalloc.h"
#include "tui/report-table.h"
#include "tui/width.h"

#define REPORT_GAP	2	/* spaces between columns */
#define REPORT_BAR_MIN	8	/* the narrowest bar worth drawing */
#define REPORT_SQUEEZE	8	/* the narrowest a name column is cut to */

static const struct report_col report_cols_range[] = {
	{ "bucket", N_("total"), false, false, 0 },
	{ "members", N_("members"), false, false, 0 },
	{ "share", N_("share"), false, false, 0 },
	{ "cumulative_share", N_("cumul."), false, false, 0 },
	{ "attendances", N_("attendances"), false, false, 0 },
};

static const struct report_col report_cols_yearly[] = {
	{ "year", N_("year"), false, false, 0 },
	{ "events", N_("events"), false, false, 2 },
	{ "invited", N_("invited"), false, false, 1 },
	{ "accepted", N_("accepted"), false, false, 2 },
	{ "attended", N_("attended"), false, false, 0 },
	{ "attendees", N_("attendees"), false, false, 1 },
	{ "first_time", N_("first"), false, false, 2 },
	{ "repeat", N_("repeat"), false, false, 1 },
	{ "lapsed", N_("lapsed"), false, false, 1 },
	{ "no_show_rate", N_("no-show%"), false, false, 2 },
	{ "change", N_("change%"), false, false, 1 },
};

static const struct report_col report_cols_events[] = {
	{ "code", N_("code"), true, false, 0 },
	{ "name", N_("name"), true, true, 0 },
	{ "date", N_("date"), false, false, 1 },
	{ "capacity", N_("cap."), false, false, 3 },
	{ "invited", N_("invited"), false, false, 0 },
	{ "accepted", N_("accepted"), false, false, 1 },
	{ "attended", N_("attended"), false, false, 0 },
	{ "walk_in", N_("walk-in"), false, false, 2 },
	{ "no_show", N_("no-show"), false, false, 2 },
	{ "cancelled", N_("cancelled"), false, false, 3 },
	{ "acceptance_rate", N_("accept%"), false, false, 2 },
	{ "attendance_rate", N_("attend%"), false, false, 1 },
	{ "no_show_rate", N_("no-show%"), false, false, 2 },
	{ "cancellation_rate", N_("cancel%"), false, false, 3 },
	{ "over_capacity", N_("over"), false, false, 2 },
};

static const struct report_col report_cols_members[] = {
	{ "id", N_("id"), true, false, 0 },
	{ "name", N_("name"), true, true, 0 },
	{ "kana", N_("kana"), true, true, 2 },
	{ "segment", N_("segment"), true, true, 1 },
	{ "total", N_("total"), false, false, 0 },
	{ "last_date", N_("last date"), false, false, 1 },
	{ "last_event", N_("last event"), true, true, 1 },
};

#define NCOLS(a)	(sizeof (a) / sizeof (a)[0])

/* Start a new row whose bar shows BAR; its cells are set one by one. */
static char **
report_row(struct report_table *t, uint64_t bar)
{
	if (t->nrows == t->caprows) {
		t->caprows = t->caprows * 2 + 16;
		t->cells = xreallocarray(t->cells, t->caprows * t->ncols,
		    sizeof *t->cells);
		t->bar = xreallocarray(t->bar, t->caprows, sizeof *t->bar);
	}
	t->bar[t->nrows] = bar;
	if (bar > t->barmax)
		t->barmax = bar;
	memset(&t->cells[t->nrows * t->ncols], 0, t->ncols * sizeof *t->cells);
	return (&t->cells[t->nrows++ * t->ncols]);
}

static char *
report_num(uint64_t v)
{
	char	buf[32];

	snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
	return (xstrdup(buf));
}

static char *
report_rate(int64_t num, int64_t den)
{
	char	buf[STORE_RATE_SIZE];

	store_rate_text(num, den, buf);
	return (xstrdup(buf));
}

static void
report_range(struct report_table *t)
{
	const struct store_report	*r = &t->rep;
	uint64_t			 cum = 0;
	char				**c;
	size_t				 i;

	for (i = 0; i < STORE_RANGE_BUCKETS; i++) {
		cum += r->range[i].members;
		c = report_row(t, r->range[i].members);
		c[0] = xstrdup(r->range[i].bucket);
		c[1] = report_num(r->range[i].members);
		c[2] = report_rate((int64_t)r->range[i].members,
		    (int64_t)r->members);
		c[3] = report_rate((int64_t)cum, (int64_t)r->members);
		c[4] = report_num(r->range[i].attendances);
	}
}

static void
report_yearly(struct report_table *t)
{
	const struct store_year_row	*y;
	char				**c;
	size_t				 i;

	for (i = 0; i < t->rep.nyears; i++) {
		y = &t->rep.years[i];
		c = report_row(t, y->attended);
		c[0] = xstrdup(y->label);
		c[1] = report_num(y->events);
		c[2] = report_num(y->invited);
		c[3] = report_num(y->accepted);
		c[4] = report_num(y->attended);
		c[5] = report_num(y->attendees);
		c[6] = report_num(y->first_time);
		c[7] = report_num(y->repeat);
		c[8] = report_num(y->lapsed);
		c[9] = report_rate((int64_t)y->no_show,
		    (int64_t)(y->attended + y->no_show));
		c[10] = y->has_prev ? report_rate((int64_t)y->attended -
		    (int64_t)y->prev_attended, (int64_t)y->prev_attended) :
		    xstrdup("");
	}
}

static void
report_events(struct report_table *t)
{
	const struct store_event_row	*e;
	char				**c;
	size_t				 i;

	for (i = 0; i < t->rep.nevents; i++) {
		e = &t->rep.events[i];
		c = report_row(t, e->attended);
		c[0] = xstrdup(e->code);
		c[1] = xstrdup(e->name);
		c[2] = xstrdup(e->date);
		c[3] = report_num((uint64_t)(e->capacity > 0 ? e->capacity : 0));
		c[4] = report_num(e->invited);
		c[5] = report_num(e->accepted);
		c[6] = report_num(e->attended);
		c[7] = report_num(e->walk_in);
		c[8] = report_num(e->no_show);
		c[9] = report_num(e->cancelled);
		c[10] = report_rate((int64_t)e->accepted, (int64_t)e->invited);
		c[11] = report_rate((int64_t)e->attended_invited,
		    (int64_t)e->invited);
		c[12] = report_rate((int64_t)e->no_show,
		    (int64_t)(e->attended + e->no_show));
		c[13] = report_rate((int64_t)e->cancelled,
		    (int64_t)e->invited);
		c[14] = xstrdup(e->over_capacity ? "yes" : "no");
	}
}

static int
report_member_cb(const struct store_report_member *m, void *arg)
{
	struct report_table	*t = arg;
	char			**c;

	c = report_row(t, m->total);
	c[0] = xstrdup(m->id);
	c[1] = xstrdup(m->name);
	c[2] = xstrdup(m->kana);
	c[3] = xstrdup(m->segment);
	c[4] = report_num(m->total);
	c[5] = xstrdup(m->last_date);
	c[6] = xstrdup(m->last_event);
	return (0);
}

int
report_table_build(struct store *st, enum store_report_kind kind,
    const struct store_report_opts *o, struct report_table *t)
{
	int	rc;

	memset(t, 0, sizeof *t);
	t->kind = kind;
	switch (kind) {
	case STORE_REPORT_RANGE:
		t->cols = report_cols_range;
		t->ncols = NCOLS(report_cols_range);
		break;
	case STORE_REPORT_YEARLY:
		t->cols = report_cols_yearly;
		t->ncols = NCOLS(report_cols_yearly);
		break;
	case STORE_REPORT_EVENTS:
		t->cols = report_cols_events;
		t->ncols = NCOLS(report_cols_events);
		break;
	default:
		t->cols = report_cols_members;
		t->ncols = NCOLS(report_cols_members);
		break;
	}
	if ((rc = store_report_run(st, kind, o, &t->rep, report_member_cb,
	    t)) != STORE_OK)
		return (rc);
	if (kind == STORE_REPORT_RANGE)
		report_range(t);
	else if (kind == STORE_REPORT_YEARLY)
		report_yearly(t);
	else if (kind == STORE_REPORT_EVENTS)
		report_events(t);
	return (STORE_OK);
}

void
report_table_free(struct report_table *t)
{
	size_t	i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->bar);
	store_report_free(&t->rep);
	memset(t, 0, sizeof *t);
}

const char *
report_table_cell(const struct report_table *t, size_t row, size_t col)
{
	const char	*s = t->cells[row * t->ncols + col];

	return (s != NULL ? s : "");
}

void
report_table_header(const struct report_table *t, const char **keys,
    bool *text)
{
	size_t	i;

	for (i = 0; i < t->ncols; i++) {
		keys[i] = t->cols[i].key;
		text[i] = t->cols[i].text;
	}
}

void
report_table_note(const struct report_table *t, char *buf, size_t len)
{
	const struct store_report	*r = &t->rep;
	int				 n;

	buf[0] = '\0';
	if (r->future_events == 0 && r->pending_records == 0)
		return;
	n = snprintf(buf, len, "%s", _("left out:"));
	if (r->future_events != 0 && n >= 0 && (size_t)n < len)
		n += snprintf(buf + n, len - (size_t)n, " %zu %s%s",
		    r->future_events, r->future_events == 1 ?
		    _("future event") : _("future events"),
		    r->pending_records != 0 ? "," : "");
	if (r->pending_records != 0 && n >= 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, " %zu %s",
		    r->pending_records, r->pending_records == 1 ?
		    _("pending record") : _("pending records"));
}

/* The column to leave out next: the rightmost of the highest drop
 * rank; -1 when none may go. */
static int
report_drop_next(const struct report_table *t, const bool *hidden)
{
	int	c, best = -1;

	for (c = 0; c < (int)t->ncols; c++) {
		if (!hidden[c] && t->cols[c].drop > 0 && (best < 0 ||
		    t->cols[c].drop >= t->cols[best].drop))
			best = c;
	}
	return (best);
}

/* Column widths for COLS: the cells' widths, name columns cut, then
 * columns left out by rank (HIDDEN); *BARW is the bar's room (0: none). */
static void
report_layout(const struct report_table *t, int cols, int *w, bool *hidden,
    int *barw)
{
	size_t	r, c, widest = 0;
	int	total, cw, drop;
	bool	cut, first;

	for (c = 0; c < t->ncols; c++) {
		w[c] = width_str(_(t->cols[c].label));
		for (r = 0; r < t->nrows; r++) {
			cw = width_str(report_table_cell(t, r, c));
			if (cw > w[c])
				w[c] = cw;
		}
	}
	for (;;) {
		for (c = 0, total = 0, first = true; c < t->ncols; c++) {
			if (hidden[c])
				continue;
			total += w[c] + (first ? 0 : REPORT_GAP);
			first = false;
		}
		if (total + REPORT_GAP + REPORT_BAR_MIN <= cols)
			break;
		/* cut the widest name column a little, else drop one */
		for (c = 0, cut = false; c < t->ncols; c++) {
			if (!hidden[c] && t->cols[c].squeeze &&
			    w[c] > REPORT_SQUEEZE &&
			    (!cut || w[c] > w[widest])) {
				widest = c;
				cut = true;
			}
		}
		if (cut)
			w[widest]--;
		else if ((drop = report_drop_next(t, hidden)) >= 0)
			hidden[drop] = true;
		else
			break;
	}
	*barw = cols - total - REPORT_GAP;
	if (*barw < REPORT_BAR_MIN / 2)
		*barw = 0;
}

/* Append cell S to LINE in W columns, left or right aligned. */
static void
report_put(char *line, size_t size, const char *s, int w, bool left)
{
	char	cell[512];
	size_t	len = strlen(line);
	int	sw;

	sw = width_fit(cell, sizeof cell, s, w, WIDTH_ELLIPSIS);
	if (left)
		snprintf(line + len, size - len, "%s%*s", cell, w - sw, "");
	else
		snprintf(line + len, size - len, "%*s%s", w - sw, "", cell);
}

static void
report_bar(char *line, size_t size, uint64_t v, uint64_t max, int barw)
{
	const char	*block = width_ambiguous() == 2 ? "#" : "\xe2\x96\x88";
	size_t		 len = strlen(line), bl = strlen(block);
	uint64_t	 n;

	if (barw <= 0 || max == 0 || v == 0)
		return;
	n = (v * (uint64_t)barw + max / 2) / max;
	if (n == 0)
		n = 1;		/* something is never drawn as nothing */
	snprintf(line + len, size - len, "%*s", REPORT_GAP, "");
	len += REPORT_GAP;
	while (n-- > 0 && len + bl < size) {
		memcpy(line + len, block, bl);
		len += bl;
	}
	line[len] = '\0';
}

/* LINE gets BUF without its trailing spaces. */
static void
report_emit(char *buf, void (*line)(const char *, void *), void *arg)
{
	size_t	n = strlen(buf);

	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
	line(buf, arg);
}

void
report_table_text(const struct report_table *t, int cols, bool *hidden,
    void (*line)(const char *, void *), void *arg)
{
	char	*buf;
	int	*w, barw;
	size_t	 size, r, c;
	bool	 first;

	w = xcalloc(t->ncols + 1, sizeof *w);
	memset(hidden, 0, t->ncols * sizeof *hidden);
	report_layout(t, cols, w, hidden, &barw);
	size = (size_t)cols * 4 + 64;
	buf = xmalloc(size);
	buf[0] = '\0';
	for (c = 0, first = true; c < t->ncols; c++) {
		if (hidden[c])
			continue;
		if (!first)
			report_put(buf, size, "", REPORT_GAP, true);
		first = false;
		report_put(buf, size, _(t->cols[c].label), w[c],
		    t->cols[c].text);
	}
	report_emit(buf, line, arg);
	for (r = 0; r < t->nrows; r++) {
		buf[0] = '\0';
		for (c = 0, first = true; c < t->ncols; c++) {
			if (hidden[c])
				continue;
			if (!first)
				report_put(buf, size, "", REPORT_GAP, true);
			first = false;
			report_put(buf, size, report_table_cell(t, r, c), w[c],
			    t->cols[c].text);
		}
		report_bar(buf, size, t->bar[r], t->barmax, barw);
		report_emit(buf, line, arg);
	}
	free(buf);
	free(w);
}
