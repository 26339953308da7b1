/* edit.c -- edit member, edit event: change the fields named. */

#include <stdio.h>
#include <stdlib.h>
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
	.more = N_("Only the fields named change, on the member as it is when "
	    "saved: someone\nelse's change of other fields in between is "
	    "kept."),
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

/* The fields the options of A name (STORE_MF_*); M's attributes become
 * every --attr in order, "" kept: it removes one. */
static uint32_t
cli_edit_fields(const struct cli_entry *e, const struct cli_args *a,
    struct store_member *m)
{
	const struct store_field	*f;
	struct store_attr		*at;
	const char			*v;
	uint32_t			 fields = 0;
	size_t				 i;
	int				 ai;

	for (ai = 0; e->opts[ai].name != NULL; ai++) {
		if (strcmp(e->opts[ai].name, "attr") != 0) {
			if (a->val[ai] != NULL &&
			    (f = store_field_find(e->opts[ai].name)) != NULL)
				fields |= f->mask;
			continue;
		}
		for (i = 0; i < m->nattrs; i++) {
			free(m->attrs[i].name);
			free(m->attrs[i].value);
		}
		m->attrs = cli_xreallocarray(m->attrs, a->nrep[ai] + 1,
		    sizeof *m->attrs);
		m->nattrs = a->nrep[ai];
		for (i = 0; i < a->nrep[ai]; i++) {
			/* NAME=VALUE: checked by cli_member_apply */
			v = strchr(a->rep[ai][i], '=');
			at = &m->attrs[i];
			at->name = cli_xstrdup(a->rep[ai][i]);
			at->name[v - a->rep[ai][i]] = '\0';
			at->value = cli_xstrdup(v + 1);
		}
		if (m->nattrs > 0)
			fields |= STORE_MF_ATTRS;
	}
	return (fields);
}

/* Only the fields named change, on the member as it is when saved (one
 * transaction: a concurrent edit of other fields is no conflict). */
static int
cli_edit_member(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	struct store_member	 m, saved;
	struct store_error	 err;
	struct store		*st = NULL;
	uint32_t		 fields;
	int			 rc;

	memset(&m, 0, sizeof m);
	memset(&saved, 0, sizeof saved);
	if (cli_nopts(e, a) == 0)
		return (cli_usage(e, _("nothing to change: give --FIELD "
		    "VALUE")));
	/* Refuse bad values before touching the database. */
	if ((rc = cli_member_apply(e, a, &m)) != 0)
		goto out;
	fields = cli_edit_fields(e, a, &m);
	memset(&err, 0, sizeof err);
	if (store_key_lookup(a->argv[0], m.id, "member_id", &err) !=
	    STORE_OK) {
		sanka_warnx("%s", err.msg);
		rc = SANKA_EXIT_DATA;
		goto out;
	}
	if ((rc = sanka_open(dbdir, false, &st)) != 0)
		goto out;
	if ((rc = store_member_patch(st, &m, fields, &saved)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	printf(_("updated member %s %s\n"), saved.id,
	    saved.name != NULL ? saved.name : "");
out:
	store_member_free(&m);
	store_member_free(&saved);
	if (st != NULL)
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
