/* delete.c -- delete member, delete event (--force takes their records). */

#include <stdio.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_delete_member(const struct cli_entry *, struct cli_args *,
		    const char *);
static int	cli_delete_event(const struct cli_entry *, struct cli_args *,
		    const char *);

static const struct cli_opt cli_delete_opts[] = {
	{ "force", NULL, NULL,
	  N_("also delete the attendance records (and redact the audit trail)"),
	  false },
	{ NULL, NULL, NULL, NULL, false }
};

const struct cli_entry cli_delete_member_entry = {
	.name = "delete",
	.kind = "member",
	.usage = "ID [--force]",
	.help = N_("delete a member"),
	.opts = cli_delete_opts,
	.minargs = 1,
	.maxargs = 1,
	.exec = cli_delete_member,
	.more = N_("A member with attendance records is kept unless --force.  "
	    "An ID holding an invisible character can be typed with \\uXXXX "
	    "escapes (M\\u200b001)."),
	.example = "sanka delete member M099",
};

const struct cli_entry cli_delete_event_entry = {
	.name = "delete",
	.kind = "event",
	.usage = "CODE [--force]",
	.help = N_("delete an event"),
	.opts = cli_delete_opts,
	.minargs = 1,
	.maxargs = 1,
	.exec = cli_delete_event,
	.more = N_("An event with attendance records is kept unless --force, "
	    "which deletes them\nand recomputes every participant's total."),
	.example = "sanka delete event E099 --force",
};

static int
cli_delete_count(const struct store_att_row *row, void *arg)
{
	(void)row;
	(*(size_t *)arg)++;
	return (0);
}

static int
cli_delete_member(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	struct store_member	 m;
	struct store		*st;
	bool			 force = cli_get(e, a, "force") != NULL;
	char			 id[STORE_KEY_SIZE];
	size_t			 n = 0;
	int			 rc;

	memset(&m, 0, sizeof m);
	if (cli_unescape(a->argv[0], id, sizeof id) != 0)
		return (cli_usage(e, _("a \\u escape needs four hex digits")));
	if ((rc = sanka_open(dbdir, false, &st)) != 0)
		return (rc);
	if ((rc = store_member_get(st, id, &m, NULL)) != STORE_OK ||
	    (rc = store_member_history(st, m.id, cli_delete_count,
	    &n)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	rc = store_member_delete(st, m.id, force, 0);
	if (rc == STORE_HASREFS) {
		sanka_warnx(_("member %s has %zu attendance record(s); --force "
		    "deletes them too"), m.id, n);
		rc = SANKA_EXIT_DATA;
		goto out;
	}
	if (rc != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	printf(_("deleted member %s %s (%zu attendance record(s))\n"), m.id,
	    m.name != NULL ? m.name : "", n);
out:
	store_member_free(&m);
	store_close(st);
	return (rc);
}

static int
cli_delete_event(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	struct store_event		 ev;
	struct store_event_counts	 c;
	struct store			*st;
	bool				 force = cli_get(e, a, "force") != NULL;
	char				 code[STORE_KEY_SIZE];
	int				 rc;

	memset(&ev, 0, sizeof ev);
	memset(&c, 0, sizeof c);
	if (cli_unescape(a->argv[0], code, sizeof code) != 0)
		return (cli_usage(e, _("a \\u escape needs four hex digits")));
	if ((rc = sanka_open(dbdir, false, &st)) != 0)
		return (rc);
	if ((rc = store_event_get(st, code, &ev, &c)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	rc = store_event_delete(st, ev.code, force, 0);
	if (rc == STORE_HASREFS) {
		sanka_warnx(_("event %s has %u attendance record(s); --force "
		    "deletes them too"), ev.code, c.invited);
		rc = SANKA_EXIT_DATA;
		goto out;
	}
	if (rc != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	printf(_("deleted event %s %s (%u attendance record(s))\n"), ev.code,
	    ev.name != NULL ? ev.name : "", c.invited);
out:
	store_event_free(&ev);
	store_close(st);
	return (rc);
}
