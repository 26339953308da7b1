/* log.c -- log: the audit trail, newest first, one line per record. */

#include <stdio.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_log(const struct cli_entry *, struct cli_args *,
		    const char *);

static const struct cli_opt cli_log_opts[] = {
	{ "member", NULL, "ID", N_("only changes of this member"), false },
	{ "event", NULL, "CODE", N_("only changes of this event"), false },
	{ "limit", NULL, "N", N_("at most N lines (default: all)"), false },
	{ NULL, NULL, NULL, NULL, false }
};

const struct cli_entry cli_log_entry = {
	.name = "log",
	.usage = "[--member ID] [--event CODE] [--limit N]",
	.help = N_("the audit trail, newest first"),
	.opts = cli_log_opts,
	.exec = cli_log,
	.example = "sanka log --member M001 --limit 20",
};

static int
cli_log_line(const struct store_audit *r, void *arg)
{
	char	when[32];

	(*(size_t *)arg)++;
	store_time_iso(r->at, when, sizeof when);
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

static int
cli_log(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store	*st;
	const char	*v, *member = cli_get(e, a, "member");
	const char	*event = cli_get(e, a, "event");
	int32_t		 limit = 0;
	size_t		 n = 0;
	int		 rc;

	if ((v = cli_get(e, a, "limit")) != NULL &&
	    (rc = cli_opt_number(e, "limit", v, &limit)) != 0)
		return (rc);
	if ((rc = sanka_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = store_audit_each(st, member, event, (size_t)limit,
	    cli_log_line, &n)) != STORE_OK)
		rc = cli_store_error(st, rc);
	else if (n == 0 && (member != NULL || event != NULL))
		sanka_warnx(_("no audit records for %s%s%s"),
		    event != NULL ? event : "",
		    event != NULL && member != NULL ? "/" : "",
		    member != NULL ? member : "");
	else if (n == 0)
		sanka_warnx("%s", _("no audit records"));
	store_close(st);
	return (rc);
}
