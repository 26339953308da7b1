/* cli-log.c -- log: the audit trail, newest first, one line per record. */

#include <stdio.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli.h"

static int
cli_log_line(const struct store_audit *r, void *arg)
{
	char	when[32];

	(void)arg;
	cli_time(r->at, when, sizeof when);
	printf("%s\t%s\t%s\t%s\t", when, r->user, r->action, r->entity);
	if (r->event[0] != '\0' && r->member[0] != '\0')
		printf("%s/%s", r->event, r->member);
	else
		printf("%s%s", r->event, r->member);
	putchar('\t');
	if ((r->old != NULL && *r->old != '\0') ||
	    (r->new != NULL && *r->new != '\0')) {
		cli_put(r->old);
		fputs(" -> ", stdout);
		cli_put(r->new);
	}
	putchar('\n');
	return (0);
}

int
cli_log(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store	*st;
	const char	*v;
	int32_t		 limit = 0;
	int		 rc;

	if ((v = cli_get(e, a, "limit")) != NULL && !cli_number(v, &limit)) {
		cli_warnx(_("--limit: \"%s\" is not a number (0 or more)"), v);
		return (CLI_EXIT_DATA);
	}
	if ((rc = cli_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = store_audit_each(st, cli_get(e, a, "member"),
	    cli_get(e, a, "event"), (size_t)limit, cli_log_line,
	    NULL)) != STORE_OK)
		rc = cli_store_error(st, rc);
	store_close(st);
	return (rc);
}
