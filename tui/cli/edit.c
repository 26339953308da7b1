/* edit.c -- edit member, edit event: change the fields named. */

#include <stdio.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_edit_member(const struct cli_entry *, struct cli_args *,
		    const char *);
static int	cli_edit_event(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_edit_member_entry = {
	.name = "edit",
	.kind = "member",
	.usage = "ID --FIELD VALUE...",
	.help = N_("change fields of a member (--FIELD '' clears one)"),
	.opts = &cli_member_opts[1],
	.minargs = 1,
	.maxargs = 1,
	.exec = cli_edit_member,
	.more = N_("Only the fields named change; the save is refused when "
	    "someone else changed\nthe member in between."),
	.example = "sanka edit member M001 --email shiro@example.jp --attr "
	    "支部=関西",
	.vocab = CLI_VOCAB_STATUS,
};

const struct cli_entry cli_edit_event_entry = {
	.name = "edit",
	.kind = "event",
	.usage = "CODE --FIELD VALUE...",
	.help = N_("change fields of an event (--FIELD '' clears one)"),
	.opts = &cli_event_opts[1],
	.minargs = 1,
	.maxargs = 1,
	.exec = cli_edit_event,
	.more = N_("A new date moves every participant's history and "
	    "recomputes their totals."),
	.example = "sanka edit event E006 --date 2026-02-27",
};

static int
cli_edit_member(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	struct store_member	 m;
	struct store		*st = NULL;
	int			 rc;

	memset(&m, 0, sizeof m);
	if (cli_nopts(e, a) == 0)
		return (cli_usage(e, _("nothing to change: give --FIELD "
		    "VALUE")));
	/* Refuse bad values before touching the database. */
	rc = cli_member_apply(e, a, &m);
	store_member_free(&m);
	memset(&m, 0, sizeof m);
	if (rc != 0 || (rc = sanka_open(dbdir, false, &st)) != 0)
		return (rc);
	if ((rc = store_member_get(st, a->argv[0], &m, NULL)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	if ((rc = cli_member_apply(e, a, &m)) != 0)
		goto out;
	if ((rc = store_member_update(st, &m, m.version)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	printf(_("updated member %s %s\n"), m.id, m.name != NULL ? m.name : "");
out:
	store_member_free(&m);
	store_close(st);
	return (rc);
}

static int
cli_edit_event(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	struct store_event	 ev;
	struct store		*st = NULL;
	int			 rc;

	memset(&ev, 0, sizeof ev);
	if (cli_nopts(e, a) == 0)
		return (cli_usage(e, _("nothing to change: give --FIELD "
		    "VALUE")));
	rc = cli_event_apply(e, a, &ev);
	store_event_free(&ev);
	memset(&ev, 0, sizeof ev);
	if (rc != 0 || (rc = sanka_open(dbdir, false, &st)) != 0)
		return (rc);
	if ((rc = store_event_get(st, a->argv[0], &ev, NULL)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	if ((rc = cli_event_apply(e, a, &ev)) != 0)
		goto out;
	if ((rc = store_event_update(st, &ev, ev.version)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	printf(_("updated event %s %s %s\n"), ev.code,
	    ev.name != NULL ? ev.name : "", ev.date);
out:
	store_event_free(&ev);
	store_close(st);
	return (rc);
}
