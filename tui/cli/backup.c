/* cli-backup.c -- backup FILE: a hot, compacted copy while others work. */

#include <stdio.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

int
cli_backup(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store	*st;
	int		 rc;

	(void)e;
	if ((rc = cli_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = store_backup(st, a->argv[0])) != STORE_OK)
		rc = cli_store_error(st, rc);
	else
		printf(_("backup written to %s\n"), a->argv[0]);
	store_close(st);
	return (rc);
}
