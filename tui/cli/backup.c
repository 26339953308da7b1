/* backup.c -- backup FILE: a hot, compacted copy while others work. */

#include <stdio.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_backup(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_backup_entry = {
	.name = "backup",
	.usage = "FILE",
	.help = N_("write a hot, compacted copy of the database to FILE"),
	.minargs = 1,
	.maxargs = 1,
	.exec = cli_backup,
	.example = "sanka backup /srv/backup/sanka-$(date +%F).mdb",
};

static int
cli_backup(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store	*st;
	int		 rc;

	(void)e;
	if ((rc = sanka_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = store_backup(st, a->argv[0])) != STORE_OK)
		rc = cli_store_error(st, rc);
	else
		printf(_("backup written to %s\n"), a->argv[0]);
	store_close(st);
	return (rc);
}
