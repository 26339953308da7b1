/* check.c -- check: recompute every aggregate and index. */

#include <stdio.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_check(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_check_entry = {
	.name = "check",
	.usage = "",
	.help = N_("verify every aggregate and index; exit 1 on a difference"),
	.exec = cli_check,
	.example = "sanka check",
};

static void
cli_check_line(const char *line, void *arg)
{
	(void)arg;
	printf("%s\n", line);
}

static int
cli_check(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store	*st;
	size_t		 ndiff = 0;
	int		 rc;

	(void)e;
	(void)a;
	if ((rc = sanka_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = store_check(st, cli_check_line, NULL, &ndiff)) != STORE_OK)
		rc = cli_store_error(st, rc);
	else if (ndiff != 0) {
		sanka_warnx(_("%zu differences"), ndiff);
		rc = SANKA_EXIT_DATA;
	} else
		printf("ok\n");
	store_close(st);
	return (rc);
}
