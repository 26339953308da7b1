/* role.c -- role list|show|add|set|delete: the roles of docs/DESIGN.md
 * "Roles and access", kept in the database. */

#include <stdio.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_role(const struct cli_entry *, struct cli_args *,
		    const char *);

/* The options of role set, in the order store_role_set takes them. */
static const char *const cli_role_set_opts[] = {
	"allow", "rows", "hide", "read-only",
};

static const struct cli_opt cli_role_opts[] = {
	{ "from", NULL, "ROLE", N_("add: copy the rights of ROLE"), false },
	{ "allow", NULL, "AREA:ACTION,...", N_("set: the rights (areas "
	    "members, events, attendance, reports, import, export, print, "
	    "mail, admin; actions view, add, edit, delete, checkin)"), false },
	{ "rows", NULL, "FILTER", N_("set: only the members the filter "
	    "keeps exist for the role"), false },
	{ "hide", NULL, "FIELD,...", N_("set: fields the role never sees"),
	    false },
	{ "read-only", NULL, "FIELD,...", N_("set: fields the role cannot "
	    "change"), false },
	{ NULL, NULL, NULL, NULL, false },
};

const struct cli_entry cli_role_entry = {
	.name = "role",
	.usage = "list|show NAME|add NAME [--from ROLE]|set NAME OPTION..."
	    "|delete NAME",
	.help = N_("list, show, add, change or delete roles (admin)"),
	.opts = cli_role_opts,
	.minargs = 1,
	.maxargs = 2,
	.exec = cli_role,
	.more = N_("Built-in roles: admin (everything), staff (all but "
	    "admin), viewer (view and reports),\ndoor (check-in). Each "
	    "option of set replaces what the role had."),
	.example = "sanka role add volunteer --from viewer; sanka role set "
	    "volunteer --rows segment=ボランティア --hide email,phone",
};

static void
cli_role_show(const struct store_role *r)
{
	char	text[1024];

	cli_kv("name", r->name);
	cli_kv("allow", store_role_allow_text(r, text, sizeof text));
	cli_kv("rows", r->rows);
	cli_kv("hide", store_role_fields_text(r->hide, text, sizeof text));
	cli_kv("read_only", store_role_fields_text(r->read_only, text,
	    sizeof text));
	cli_kv("builtin", r->builtin ? "yes" : "no");
}

static int
cli_role_list_cb(const struct store_role *r, void *arg)
{
	(void)arg;
	printf("%s\n", r->name);
	return (0);
}

/* Run one subcommand on the open store. */
static int
cli_role_run(const struct cli_entry *e, struct cli_args *a,
    struct store *st)
{
	struct store_role	 r;
	const char		*what = a->argv[0], *name = a->argv[1], *v;
	char			*opts[2 * 4];
	size_t			 i, n = 0;
	int			 rc;

	if (strcmp(what, "list") == 0)
		return (store_role_each(st, cli_role_list_cb, NULL));
	if (name == NULL)
		return (-cli_usage(e, _("role %s needs a NAME"), what));
	if (strcmp(what, "show") == 0) {
		if ((rc = store_role_get(st, name, &r)) == STORE_OK)
			cli_role_show(&r);
		return (rc);
	}
	if (strcmp(what, "add") == 0)
		return (store_role_add(st, name, cli_get(e, a, "from")));
	if (strcmp(what, "delete") == 0)
		return (store_role_delete(st, name));
	if (strcmp(what, "set") != 0)
		return (-cli_usage(e, _("unknown role subcommand %s"), what));
	for (i = 0; i < sizeof cli_role_set_opts / sizeof
	    cli_role_set_opts[0]; i++) {
		if ((v = cli_get(e, a, cli_role_set_opts[i])) == NULL)
			continue;
		opts[n++] = (char *)cli_role_set_opts[i];
		opts[n++] = (char *)v;
	}
	if (n == 0)
		return (-cli_usage(e, "%s", _("role set needs an option")));
	return (store_role_set(st, name, opts, n));
}

static int
cli_role(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store	*st;
	bool		 reads;
	int		 rc;

	if (cli_get(e, a, "from") != NULL && strcmp(a->argv[0], "add") != 0)
		return (cli_usage(e, "%s", _("--from goes with role add")));
	reads = strcmp(a->argv[0], "list") == 0 ||
	    strcmp(a->argv[0], "show") == 0;
	if ((rc = sanka_open(dbdir, reads, &st)) != 0)
		return (rc);
	rc = cli_role_run(e, a, st);
	if (rc < 0)
		rc = -rc;
	else if (rc == STORE_INVALID && strcmp(a->argv[0], "set") == 0) {
		/* an option value the command line cannot read */
		sanka_warnx("%s", store_last_error(st)->msg);
		rc = SANKA_EXIT_USAGE;
	}
	else if (rc != STORE_OK)
		rc = cli_store_error(st, rc);
	store_close(st);
	return (rc);
}
