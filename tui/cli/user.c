/* user.c -- user list|set|delete: the role of each Unix user, stored by
 * uid. */

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_user(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_user_entry = {
	.name = "user",
	.usage = "list|set UNIXUSER ROLE|delete UNIXUSER",
	.help = N_("list the users' roles, give a Unix user a role, or "
	    "take it away (admin)"),
	.minargs = 1,
	.maxargs = 3,
	.exec = cli_user,
	.example = "sanka user set tanaka staff",
};

static int
cli_user_list_cb(uint32_t uid, const char *role, void *arg)
{
	struct passwd	*pw;
	char		 key[64];

	(void)arg;
	if ((pw = getpwuid((uid_t)uid)) != NULL)
		snprintf(key, sizeof key, "%s", pw->pw_name);
	else
		snprintf(key, sizeof key, "%lu", (unsigned long)uid);
	cli_kv(key, role);
	return (0);
}

/* A user name, or a uid in digits, into *UID; -1 when unknown. */
static int
cli_user_uid(const char *name, uint32_t *uid)
{
	struct passwd	*pw;
	char		*end;
	unsigned long	 v;

	if ((pw = getpwnam(name)) != NULL) {
		*uid = (uint32_t)pw->pw_uid;
		return (0);
	}
	errno = 0;
	v = strtoul(name, &end, 10);
	if (*name < '0' || *name > '9' || *end != '\0' || errno != 0 ||
	    v > UINT32_MAX)
		return (-1);
	*uid = (uint32_t)v;
	return (0);
}

static int
cli_user(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store	*st;
	const char	*what = a->argv[0];
	uint32_t	 uid = 0;
	int		 rc, want;

	want = strcmp(what, "list") == 0 ? 1 : strcmp(what, "set") == 0 ? 3 :
	    strcmp(what, "delete") == 0 ? 2 : -1;
	if (want == -1)
		return (cli_usage(e, _("unknown user subcommand %s"), what));
	if (a->argc != want)
		return (cli_usage(e, _("user %s takes %d argument(s)"), what,
		    want - 1));
	if (want > 1 && cli_user_uid(a->argv[1], &uid) != 0) {
		sanka_warnx(_("no Unix user %s"), a->argv[1]);
		return (SANKA_EXIT_DATA);
	}
	if ((rc = sanka_open(dbdir, want == 1, &st)) != 0)
		return (rc);
	if (want == 1)
		rc = store_user_each(st, cli_user_list_cb, NULL);
	else if (want == 3)
		rc = store_user_set(st, uid, a->argv[2]);
	else
		rc = store_user_delete(st, uid);
	if (rc != STORE_OK)
		rc = cli_store_error(st, rc);
	store_close(st);
	return (rc);
}
