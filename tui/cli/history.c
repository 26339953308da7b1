/* history.c -- history MEMBER: a member's records, newest first. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_history(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_history_entry = {
	.name = "history",
	.usage = "MEMBER",
	.help = N_("a member's records, newest first (tab-separated)"),
	.minargs = 1,
	.maxargs = 1,
	.exec = cli_history,
	.example = "sanka history M001",
};

static int
cli_history_line(const struct store_att_row *r, void *arg)
{
	(void)arg;
	printf("%s\t%s\t%s\t%s\t%s\n", r->event_date, r->a.event,
	    r->event_name, store_response_word(r->a.response),
	    cli_final_word(r->a.final));
	return (0);
}

static int
cli_history(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store_member	 m;
	struct store		*st;
	int			 rc;

	(void)e;
	memset(&m, 0, sizeof m);
	if ((rc = sanka_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = store_member_get(st, a->argv[0], &m, NULL)) != STORE_OK ||
	    (rc = store_member_history(st, m.id, cli_history_line,
	    NULL)) != STORE_OK)
		rc = cli_store_error(st, rc);
	store_member_free(&m);
	store_close(st);
	return (rc);
}
