/* uninvite.c -- uninvite EVENT MEMBER...: take back invitations nobody
 * answered, all or nothing. */

#include <stdio.h>
#include <stdlib.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_uninvite(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_uninvite_entry = {
	.name = "uninvite",
	.usage = "EVENT MEMBER...",
	.help = N_("take back invitations with no response and no final "
	    "status (one transaction)"),
	.minargs = 2,
	.maxargs = -1,
	.exec = cli_uninvite,
	.more = N_("All or nothing: when any member has no invitation, a "
	    "response, a final status\nor a check-in, nothing is removed and "
	    "each such member is named (exit 1)."),
	.example = "sanka uninvite E006 M001 M002",
};

static int
cli_uninvite(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store_error	 err;
	struct store		*st;
	char			*name, key[STORE_ID_MAX + 1];
	int			 i, rc;

	(void)e;
	if ((rc = sanka_open(dbdir, false, &st)) != 0)
		return (rc);
	if ((rc = store_uninvite(st, a->argv[0], (const char *const *)a->argv +
	    1, (size_t)a->argc - 1, NULL, NULL)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	/* the keys as stored: they were folded without error */
	(void)store_key_fold(a->argv[0], key, "event_code", &err);
	name = cli_event_name(st, key);
	printf(_("%s %s: %d uninvited:"), key, name, a->argc - 1);
	for (i = 1; i < a->argc; i++) {
		(void)store_key_fold(a->argv[i], key, "member_id", &err);
		printf(" %s", key);
	}
	putchar('\n');
	free(name);
out:
	store_close(st);
	return (rc);
}
