/* merge.c -- merge KEEP DROP: one member's history onto another;
 * merge event KEEP DROP: one event's records onto another. */

#include <stdio.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_merge(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_merge_entry = {
	.name = "merge",
	.usage = "KEEP DROP | merge event KEEP DROP",
	.help = N_("move DROP's history and past count onto KEEP, delete DROP"),
	.minargs = 2,
	.maxargs = 3,
	.exec = cli_merge,
	.more = N_("With `event`, DROP's attendance records move onto event "
	    "KEEP (a member at both keeps the more final status).  An ID "
	    "holding an invisible character can be typed with \\uXXXX "
	    "escapes (M\\u200b001)."),
	.example = "sanka merge M001 M150",
};

static int
cli_merge_members(struct store *st, const char *keepid, const char *dropid)
{
	struct store_member	 keep, drop, now;
	struct store_stats	 before, after;
	int			 rc;

	memset(&keep, 0, sizeof keep);
	memset(&drop, 0, sizeof drop);
	memset(&now, 0, sizeof now);
	if ((rc = store_member_get(st, keepid, &keep, &before)) != 0 ||
	    (rc = store_member_get(st, dropid, &drop, NULL)) != 0 ||
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
	return (rc);
}

static int
cli_merge_events(struct store *st, const char *keepcode, const char *dropcode)
{
	struct store_event		keep, drop, now;
	struct store_event_counts	before, after;
	int				rc;

	memset(&keep, 0, sizeof keep);
	memset(&drop, 0, sizeof drop);
	memset(&now, 0, sizeof now);
	if ((rc = store_event_get(st, keepcode, &keep, &before)) != 0 ||
	    (rc = store_event_get(st, dropcode, &drop, NULL)) != 0 ||
	    (rc = store_event_merge(st, keep.code, drop.code)) != 0 ||
	    (rc = store_event_get(st, keep.code, &now, &after)) != 0) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	printf(_("merged event %s into %s %s (attended %u -> %u)\n"),
	    drop.code, keep.code, keep.name != NULL ? keep.name : "",
	    before.attended, after.attended);
out:
	store_event_free(&keep);
	store_event_free(&drop);
	store_event_free(&now);
	return (rc);
}

static int
cli_merge(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store	*st;
	char		 keep[STORE_KEY_SIZE], drop[STORE_KEY_SIZE];
	bool		 event = false;
	int		 rc, i = 0;

	if (a->argc == 3) {
		if (strcmp(a->argv[0], "event") == 0)
			event = true;
		else if (strcmp(a->argv[0], "member") != 0)
			return (cli_usage(e, _("unknown kind %s (member or "
			    "event)"), a->argv[0]));
		i = 1;
	}
	if (cli_unescape(a->argv[i], keep, sizeof keep) != 0 ||
	    cli_unescape(a->argv[i + 1], drop, sizeof drop) != 0)
		return (cli_usage(e, _("a \\u escape needs four hex digits")));
	if ((rc = sanka_open(dbdir, false, &st)) != 0)
		return (rc);
	rc = event ? cli_merge_events(st, keep, drop) :
	    cli_merge_members(st, keep, drop);
	store_close(st);
	return (rc);
}
