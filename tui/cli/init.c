/* init.c -- init --admin USER: root creates the shared database of a
 * server install (docs/DESIGN.md "Roles and access"): the directory 2770
 * and the files 0660, root:sanka, and USER its first admin. */

#include <sys/stat.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_init(const struct cli_entry *, struct cli_args *,
		    const char *);

static const struct cli_opt cli_init_opts[] = {
	{ "admin", NULL, "USER", N_("the Unix user who administers the "
	    "database (required)"), false },
	{ NULL, NULL, NULL, NULL, false },
};

const struct cli_entry cli_init_entry = {
	.name = "init",
	.usage = "--admin USER",
	.help = N_("(root) create the shared database of a server install"),
	.opts = cli_init_opts,
	.exec = cli_init,
	.more = N_("Creates the shared directory (or -d DIR) 2770 and its "
	    "files 0660, owned root:sanka;\nUSER becomes its admin."),
	.example = "sudo sanka init --admin tanaka",
};

/* DIR 2770 root:GID, made when missing. */
static int
cli_init_dir(const char *dir, gid_t gid)
{
	struct stat	sb;

	if (mkdir(dir, 02770) != 0 && errno != EEXIST) {
		sanka_warnx(_("cannot create %s: %s"), dir, strerror(errno));
		return (SANKA_EXIT_ENV);
	}
	if (lstat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode) ||
	    chown(dir, 0, gid) != 0 || chmod(dir, 02770) != 0) {
		sanka_warnx(_("%s: not a directory root can own: %s"), dir,
		    strerror(errno));
		return (SANKA_EXIT_ENV);
	}
	return (0);
}

/* The database files root:GID 0660. */
static int
cli_init_files(const char *dir, gid_t gid)
{
	static const char *const names[] = { "data.mdb", "lock.mdb" };
	char	path[4096];
	size_t	i;

	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (lchown(path, 0, gid) != 0 || chmod(path, 0660) != 0) {
			sanka_warnx("%s: %s", path, strerror(errno));
			return (SANKA_EXIT_ENV);
		}
	}
	return (0);
}

static int
cli_init(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	const char	*dir = dbdir != NULL ? dbdir : SANKA_SYSTEM_DB;
	const char	*admin = cli_get(e, a, "admin");
	struct passwd	*pw;
	struct group	*gr;
	struct store	*st;
	char		 path[4096];
	int		 rc;

	if (admin == NULL)
		return (cli_usage(e, "%s", _("--admin USER is required")));
	if (getuid() != 0) {
		sanka_warnx("%s", _("sanka init is run by root"));
		return (SANKA_EXIT_ENV);
	}
	if ((pw = getpwnam(admin)) == NULL) {
		sanka_warnx(_("no Unix user %s"), admin);
		return (SANKA_EXIT_DATA);
	}
	if ((gr = getgrnam("sanka")) == NULL) {
		sanka_warnx("%s", _("there is no group sanka: install the "
		    "package (or run make install as root) first"));
		return (SANKA_EXIT_ENV);
	}
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (access(path, F_OK) == 0) {
		sanka_warnx(_("%s already holds a database (sanka user set "
		    "gives roles)"), dir);
		return (SANKA_EXIT_DATA);
	}
	if ((rc = cli_init_dir(dir, gr->gr_gid)) != 0)
		return (rc);
	if ((rc = store_open(dir, 0, &st)) != STORE_OK ||
	    (rc = store_user_set(st, (uint32_t)pw->pw_uid, "admin")) !=
	    STORE_OK) {
		rc = cli_store_error(st, rc);
		store_close(st);
		return (rc);
	}
	store_close(st);
	if ((rc = cli_init_files(dir, gr->gr_gid)) != 0)
		return (rc);
	printf(_("created the shared database in %s; %s is its admin\n"),
	    dir, admin);
	return (0);
}
