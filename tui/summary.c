/* summary.c -- tui_main until the screens exist: -i imports, then a summary. */

#include <stdio.h>
#include <string.h>

#include <uniwidth.h>

#include "import/import.h"
#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli.h"
#include "tui/tui.h"

#define SUMMARY_TOP	5

static int
summary_count_event(const struct store_event *ev,
    const struct store_event_counts *c, void *arg)
{
	(void)ev;
	(void)c;
	(*(size_t *)arg)++;
	return (0);
}

static int
summary_count_row(const struct store_att_row *r, void *arg)
{
	(void)r;
	(*(size_t *)arg)++;
	return (0);
}

/* Print S left-aligned in COLS terminal columns (wide characters are 2). */
static void
summary_pad(const char *s, int cols)
{
	int	w = u8_strwidth((const uint8_t *)s, "UTF-8");

	fputs(s, stdout);
	for (; w < cols; w++)
		putchar(' ');
}

int
tui_main(const char *dbdir, char *const *imports, size_t nimports)
{
	struct store_member_row	 rows[SUMMARY_TOP];
	struct import_opts	 o;
	struct store		*st;
	size_t			 nevents = 0, nrecords = 0, npending = 0, got = 0;
	size_t			 i;
	int			 rc;

	if ((rc = cli_open(dbdir, false, &st)) != 0)
		return (rc);
	if (nimports != 0) {
		memset(&o, 0, sizeof o);
		o.progress = true;
		fflush(stdout);
		if ((rc = import_files(st, (const char *const *)imports,
		    nimports, &o)) != 0)
			goto out;
	}
	if ((rc = store_event_each(st, summary_count_event,
	    &nevents)) != STORE_OK ||
	    (rc = store_attendance_each(st, summary_count_row,
	    &nrecords)) != STORE_OK ||
	    (rc = store_pending_each(st, summary_count_row,
	    &npending)) != STORE_OK ||
	    (rc = store_member_page(st, STORE_ORDER_TOTAL, NULL, false, rows,
	    SUMMARY_TOP, &got)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	printf("sanka: %s\n", dbdir);
	printf(_("members %zu, events %zu, records %zu, pending %zu\n"),
	    store_member_count(st), nevents, nrecords, npending);
	if (got != 0)
		printf("%s", _("Top members by total:\n"));
	for (i = 0; i < got; i++) {
		fputs("  ", stdout);
		summary_pad(rows[i].id, 8);
		putchar(' ');
		summary_pad(rows[i].name, 20);
		printf(" %4u  %s\n", rows[i].total, rows[i].last_date);
	}
	printf("%s", _("(The screens are not built yet; 'sanka --help' lists "
	    "the commands.)\n"));
out:
	store_close(st);
	return (rc);
}
