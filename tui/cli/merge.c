/* merge.c -- merge KEEP DROP: one member's history onto another. */

#include <stdio.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_merge(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_merge_entry = {
	.name = "merge",
	.usage = "KEEP DROP",
	.help = N_("move DROP's history and past count onto KEEP, delete DROP"),
	.minargs = 2,
	.maxargs = 2,
	.exec = cli_merge,
	.example = "sanka merge M001 M150",
};

static int
cli_merge(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store_member	 keep, drop, now;
	struct store_stats	 before, after;
	struct store		*st;
	int			 rc;

	(void)e;
	memset(&keep, 0, sizeof keep);
	memset(&drop, 0, sizeof drop);
	memset(&now, 0, sizeof now);
	if ((rc = sanka_open(dbdir, false, &st)) != 0)
		return (rc);
	if ((rc = store_member_get(st, a->argv[0], &keep, &before)) != 0 ||
	    (rc = store_member_get(st, a->argv[1], &drop, NULL)) != 0 ||
	    (rc = store_member_merge(st, keep.id, drop.id)) != 0 ||
	    (rc = store_member_get(st, keep.id, &now, &after)) != 0) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	printf(_("merged %s %s into %s %s (total %u -> %u)\n"), drop.id,
	    drop.name != NULL ? drop.name : "", keep.id,
	    keep.name != NULL ? keep.name : "", before.total, after.total);
out:
	store_member_free(&keep);
	store_member_free(&drop);
	store_member_free(&now);
	store_close(st);
	return (rc);
}
