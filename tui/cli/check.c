/* cli-check.c -- check: recompute every aggregate and index. */

#include <stdio.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static void
cli_check_line(const char *line, void *arg)
{
	(void)arg;
	printf("%s\n", line);
}

int
cli_check(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store	*st;
	size_t		 ndiff = 0;
	int		 rc;

	(void)e;
	(void)a;
	if ((rc = cli_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = store_check(st, cli_check_line, NULL, &ndiff)) != STORE_OK)
		rc = cli_store_error(st, rc);
	else if (ndiff != 0) {
		cli_warnx(_("%zu differences"), ndiff);
		rc = CLI_EXIT_DATA;
	} else
		printf("ok\n");
	store_close(st);
	return (rc);
}
