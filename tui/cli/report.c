/* report.c -- report KIND [FILTER...]: the reports of DESIGN.md, as text
 * with bars fitting $COLUMNS or as CSV. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"
#include "tui/report-table.h"
#include "tui/width.h"

#define REPORT_TOP_LIMIT	10	/* top without --limit */

static int	cli_report(const struct cli_entry *, struct cli_args *,
		    const char *);

static const struct cli_opt cli_report_opts[] = {
	{ "calendar", NULL, NULL, N_("calendar years, not fiscal (April)"),
	    false },
	{ "year", NULL, "Y", N_("one year: 2025 or FY2025"), false },
	{ "months", NULL, "N", N_("lapsed: not within N months (12)"), false },
	{ "limit", NULL, "N", N_("member lists: at most N rows (top: 10)"),
	    false },
	{ "sort", NULL, "S", N_("events: date, attended, attendance_rate or "
	    "no_show_rate"), false },
	{ "format", NULL, "F", N_("text (bars, $COLUMNS wide) or csv"),
	    false },
	{ NULL, NULL, NULL, NULL, false }
};

const struct cli_entry cli_report_entry = {
	.name = "report",
	.usage = "range|yearly|events|lapsed|top|noshow|never [OPTION...] "
	    "[FILTER...]",
	.help = N_("a report over past events, of the members FILTER keeps"),
	.opts = cli_report_opts,
	.minargs = 1,
	.maxargs = -1,
	.exec = cli_report,
	.more = N_("range: members by total attendances; yearly: year on "
	    "year; events: each past\nevent's invited -> accepted -> "
	    "attended funnel; lapsed, top, noshow, never:\nmembers to "
	    "approach (members who left or are suspended are left out unless "
	    "the\nfilter names status).  Future events and pending records "
	    "are never counted;\nthe text report ends with a line saying "
	    "what was left out."),
	.example = "sanka report yearly --calendar segment=正会員",
};

/* Read the options into O; 0 or the usage exit status. */
static int
cli_report_opts_read(const struct cli_entry *e, struct cli_args *a,
    enum store_report_kind kind, struct store_report_opts *o, bool *csv)
{
	const char	*v;
	int32_t		 n;
	int		 rc;

	memset(o, 0, sizeof *o);
	o->calendar = cli_get(e, a, "calendar") != NULL;
	if ((v = cli_get(e, a, "year")) != NULL &&
	    store_report_year_parse(v, o->calendar, &o->year) != STORE_OK)
		return (cli_usage(e, _("--year: \"%s\" is not a year (2025, "
		    "FY2025; FY without --calendar)"), v));
	if ((v = cli_get(e, a, "months")) != NULL) {
		if ((rc = cli_opt_number(e, "months", v, &n)) != 0)
			return (rc);
		if (n == 0)
			return (cli_usage(e, _("--months: at least 1")));
		o->months = n;
	}
	o->limit = kind == STORE_REPORT_TOP ? REPORT_TOP_LIMIT : 0;
	if ((v = cli_get(e, a, "limit")) != NULL) {
		if ((rc = cli_opt_number(e, "limit", v, &n)) != 0)
			return (rc);
		o->limit = (size_t)n;
	}
	if ((v = cli_get(e, a, "sort")) != NULL &&
	    (rc = store_event_sort_parse(v)) < 0)
		return (cli_usage(e, _("--sort: \"%s\" is not one of date, "
		    "attended, attendance_rate, no_show_rate"), v));
	if (v != NULL)
		o->sort = (enum store_event_sort)rc;
	v = cli_get(e, a, "format");
	if (v != NULL && strcmp(v, "csv") != 0 && strcmp(v, "text") != 0)
		return (cli_usage(e, _("--format: \"%s\" is not text or csv"),
		    v));
	*csv = v != NULL && strcmp(v, "csv") == 0;
	return (0);
}

static int
cli_report_csv(struct store *st, const struct report_table *t)
{
	struct export_opts	 eo;
	struct export_list	*l;
	const char		**keys, **cells;
	bool			*text;
	size_t			 r, c;
	int			 rc;

	memset(&eo, 0, sizeof eo);
	eo.encoding = IMPORT_ENC_UTF8;
	keys = cli_xreallocarray(NULL, t->ncols, sizeof *keys);
	cells = cli_xreallocarray(NULL, t->ncols, sizeof *cells);
	text = cli_xreallocarray(NULL, t->ncols, sizeof *text);
	report_table_header(t, keys, text);
	l = export_list_open(st, &eo, keys, text, t->ncols);
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++)
			cells[c] = report_table_cell(t, r, c);
		export_list_row(l, cells);
	}
	rc = export_list_close(l, STORE_OK);
	free(keys);
	free(cells);
	free(text);
	return (rc);
}

static void
cli_report_line(const char *line, void *arg)
{
	(void)arg;
	printf("%s\n", line);
}

static int
cli_report(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store_report_opts o;
	struct report_table	 t;
	struct store_filter	*f = NULL;
	struct store		*st;
	const char		*cols;
	char			 note[256];
	bool			 csv = false;
	bool			*hidden;
	size_t			 c, nhidden = 0;
	int			 kind, rc, width;

	if ((kind = store_report_kind_parse(a->argv[0])) < 0)
		return (cli_usage(e, _("unknown report \"%s\""), a->argv[0]));
	if ((rc = cli_report_opts_read(e, a, kind, &o, &csv)) != 0)
		return (rc);
	if ((rc = sanka_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = cli_filter(e, st, a->argv + 1, (size_t)a->argc - 1,
	    &f)) != 0)
		goto out;
	o.filter = f;
	if ((rc = report_table_build(st, kind, &o, &t)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		report_table_free(&t);
		goto out;
	}
	if (store_report_is_list(kind))
		cli_left_out(t.rep.left_out[STORE_MEMBER_LEFT],
		    t.rep.left_out[STORE_MEMBER_SUSPENDED], 0, 0);
	if (csv)
		rc = cli_report_csv(st, &t);
	else {
		width_init();
		cols = getenv("COLUMNS");
		width = cols != NULL && atoi(cols) >= 20 ? atoi(cols) : 80;
		hidden = cli_xreallocarray(NULL, t.ncols, sizeof *hidden);
		report_table_text(&t, width, hidden, cli_report_line, NULL);
		report_table_note(&t, note, sizeof note);
		if (note[0] != '\0')
			printf("%s\n", note);
		for (c = 0; c < t.ncols; c++)
			nhidden += hidden[c];
		if (nhidden != 0)
			printf(_("%zu more columns: --format csv, or a wider "
			    "COLUMNS\n"), nhidden);
		free(hidden);
		rc = fflush(stdout) == 0 ? 0 : SANKA_EXIT_ENV;
	}
	report_table_free(&t);
out:
	store_filter_free(f);
	store_close(st);
	return (rc);
}
