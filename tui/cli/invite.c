/* invite.c -- invite EVENT MEMBER...: several members, one transaction. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_invite(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_invite_entry = {
	.name = "invite",
	.usage = "EVENT MEMBER...",
	.help = N_("invite members to an event (one transaction)"),
	.minargs = 2,
	.maxargs = -1,
	.exec = cli_invite,
	.example = "sanka invite E006 M001 M002 M003",
};

static int
cli_invite(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store_error	 err;
	struct store_change	*c;
	struct store		*st = NULL;
	char			(*ids)[STORE_ID_MAX + 1], *name;
	char			 event[STORE_ID_MAX + 1];
	size_t			 i, j, n = 0;
	int			 rc = 0;

	ids = cli_xreallocarray(NULL, a->argc, sizeof *ids);
	c = cli_xreallocarray(NULL, a->argc, sizeof *c);
	for (i = 1; i < (size_t)a->argc; i++) {
		memset(&err, 0, sizeof err);
		if (store_key_fold(a->argv[i], ids[n], "member_id",
		    &err) != STORE_OK) {
			sanka_warnx("%s", *err.msg != '\0' ? err.msg :
			    _("invalid member ID"));
			rc = SANKA_EXIT_DATA;
			goto out;
		}
		for (j = 0; j < n; j++) {
			if (strcmp(ids[j], ids[n]) == 0)
				break;
		}
		if (j == n)
			n++;
	}
	(void)e;
	memset(&err, 0, sizeof err);
	if (store_key_fold(a->argv[0], event, "event_code", &err) != STORE_OK) {
		sanka_warnx("%s", *err.msg != '\0' ? err.msg :
		    _("invalid event code"));
		rc = SANKA_EXIT_DATA;
		goto out;
	}
	for (i = 0; i < n; i++)
		store_change_init(&c[i], event, ids[i]);
	if ((rc = sanka_open(dbdir, false, &st)) != 0)
		goto out;
	if ((rc = store_attendance_apply(st, c, n, NULL)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	name = cli_event_name(st, event);
	printf(_("%s %s: %zu invited:"), event, name, n);
	for (i = 0; i < n; i++)
		printf(" %s", ids[i]);
	putchar('\n');
	free(name);
out:
	free(ids);
	free(c);
	if (st != NULL)
		store_close(st);
	return (rc);
}
