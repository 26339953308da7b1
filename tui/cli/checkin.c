/* checkin.c -- checkin [EVENT]: the door's screen; checkin EVENT --from
 * FILE: the replay of scanned IDs (docs/DESIGN.md "The door"). */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"
#include "tui/door.h"
#include "tui/tui.h"

static int	cli_checkin(const struct cli_entry *, struct cli_args *,
		    const char *);

static const struct cli_opt cli_checkin_opts[] = {
	{ "kiosk", NULL, NULL, N_("only the door, only today's events, no "
	  "contact field; leaving takes a PIN chosen at the start"), false },
	{ "door", NULL, "NAME", N_("the door's name in checked_in_by "
	  "(default: $SANKA_USER)"), false },
	{ "no-bell", NULL, NULL, N_("no bell with an error"), false },
	{ "from", NULL, "FILE", N_("check in the IDs of FILE (one a line, "
	  "optionally TAB and a time; - is stdin) and print one line each"),
	  false },
	{ NULL, NULL, NULL, NULL, false }
};

const struct cli_entry cli_checkin_entry = {
	.name = "checkin",
	.usage = "[EVENT] [--kiosk] [--door NAME] [--no-bell] | EVENT --from "
	    "FILE [--door NAME]",
	.help = N_("the check-in door, or the replay of scanned IDs"),
	.opts = cli_checkin_opts,
	.minargs = 0,
	.maxargs = 1,
	.exec = cli_checkin,
	.more = N_("Without EVENT: today's event, or a choice of events.\n"
	    "--from prints OK<TAB>ID<TAB>NAME, ALREADY<TAB>ID<TAB>NAME<TAB>TIME"
	    "<TAB>DOOR or ERROR<TAB>TEXT<TAB>REASON (unknown, left, invalid, "
	    "refused) per line, in one transaction; exit 1 when a line is "
	    "an ERROR.\nBlank lines and lines starting with # are skipped; "
	    "a time is HH:MM[:SS] on the event's date or ISO 8601."),
	.example = "sanka checkin E006 --door 受付2",
};

/* --from FILE: every scan in one transaction, one line each. */
static int
cli_checkin_from(const char *event, const char *path, const char *door,
    const char *dbdir)
{
	struct store	*st;
	FILE		*in;
	int		 rc, bad = 0;

	if (strcmp(path, "-") == 0)
		in = stdin;
	else if ((in = fopen(path, "r")) == NULL) {
		sanka_warnx("%s: %s", path, strerror(errno));
		return (errno == ENOENT ? SANKA_EXIT_DATA : SANKA_EXIT_ENV);
	}
	if ((rc = sanka_open(dbdir, false, &st)) != 0) {
		if (in != stdin)
			fclose(in);
		return (rc);
	}
	rc = door_replay(st, event, door, in, stdout, &bad);
	if (in != stdin)
		fclose(in);
	if (rc != STORE_OK)
		rc = cli_store_error(st, rc);
	else
		rc = bad > 0 ? SANKA_EXIT_DATA : SANKA_EXIT_OK;
	store_close(st);
	if (fflush(stdout) != 0) {
		sanka_warnx("%s", _("cannot write the output"));
		rc = SANKA_EXIT_ENV;
	}
	return (rc);
}

static int
cli_checkin(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct tui_door_opts	 o;
	const char		*from = cli_get(e, a, "from");

	memset(&o, 0, sizeof o);
	o.event = a->argc > 0 ? a->argv[0] : NULL;
	o.door = cli_get(e, a, "door");
	o.kiosk = cli_get(e, a, "kiosk") != NULL;
	o.bell = cli_get(e, a, "no-bell") == NULL;
	if (from != NULL) {
		if (o.event == NULL)
			return (cli_usage(e, "%s", _("--from needs the EVENT")));
		if (o.kiosk)
			return (cli_usage(e, "%s", _("--from and --kiosk do "
			    "not go together")));
		return (cli_checkin_from(o.event, from, o.door, dbdir));
	}
	return (tui_checkin_main(sanka_dbdir(dbdir), &o));
}
