/* sanka.c -- the ground main, the command line and the screens share. */

#include <sys/stat.h>

#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/i18n.h"
#include "store/store.h"
#include "store/xmalloc.h"
#include "tui/sanka.h"

void
sanka_warnx(const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	fputs("sanka: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

bool
sanka_dbdir_arg(int argc, char **argv, int *i, const char **dir)
{
	const char	*arg = argv[*i];

	if (strcmp(arg, "-d") == 0 || strcmp(arg, "--db") == 0)
		*dir = *i + 1 < argc ? argv[++*i] : NULL;
	else if (strncmp(arg, "-d", 2) == 0)
		*dir = arg + 2;
	else if (strncmp(arg, "--db=", 5) == 0)
		*dir = arg + 5;
	else
		return (false);
	return (true);
}

const char *
sanka_dbdir(const char *dbdir)
{
	static char	 buf[4096];
	const char	*env, *home;
	struct stat	 sb;
	struct passwd	*pw;

	if (dbdir != NULL)
		return (dbdir);
	if ((env = getenv("SANKA_DB")) != NULL && *env != '\0')
		return (env);
	if (stat(SANKA_SYSTEM_DB, &sb) == 0 && S_ISDIR(sb.st_mode))
		return (SANKA_SYSTEM_DB);
	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/') {
		snprintf(buf, sizeof buf, "%s/sanka", env);
		return (buf);
	}
	if ((home = getenv("HOME")) == NULL || *home == '\0') {
		if ((pw = getpwuid(getuid())) != NULL)
			home = pw->pw_dir;
		else
			home = "/";
	}
	snprintf(buf, sizeof buf, "%s/.local/share/sanka", home);
	return (buf);
}

/* mkdir -p the parent directories of PATH (the default location only). */
static void
sanka_mkparents(const char *path)
{
	char	*p, *s;

	s = xstrdup(path);
	for (p = s + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(s, 0700) != 0 && errno != EEXIST)
			break;
		*p = '/';
	}
	free(s);
}

int
sanka_open(const char *dbdir, bool readonly, struct store **stp)
{
	const char	*dir = sanka_dbdir(dbdir);
	struct store	*st = NULL;
	int		 rc;

	*stp = NULL;
	if (!readonly && dbdir == NULL && getenv("SANKA_DB") == NULL &&
	    strcmp(dir, SANKA_SYSTEM_DB) != 0)
		sanka_mkparents(dir);
	if ((rc = sanka_privilege_take(dir, &st)) == -1)
		rc = store_open(dir, readonly ? STORE_READONLY : 0, &st);
	if (rc != STORE_OK) {
		if (rc == STORE_NODB)
			sanka_warnx(_("no database in %s (use -d DIR or "
			    "$SANKA_DB; commands that only read never create "
			    "one)"), dir);
		else if (st != NULL && *store_last_error(st)->msg != '\0')
			sanka_warnx("%s", store_last_error(st)->msg);
		else
			sanka_warnx(_("cannot open the database in %s"), dir);
		if (st != NULL)
			store_close(st);
		return (store_exit_code(rc) != 0 ? store_exit_code(rc) :
		    SANKA_EXIT_ENV);
	}
	if (store_created(st))
		sanka_warnx(_("created a new database in %s"), dir);
	if (store_migrated(st))
		sanka_warnx(_("upgraded the database in %s to schema 2 (every "
		    "value checksummed)"), dir);
	*stp = st;
	return (0);
}

bool
sanka_date(const char *in, char out[STORE_DATE_SIZE])
{
	char	why[256];

	out[0] = '\0';
	return (*in == '\0' || store_date_parse(in, out, why, sizeof why) == 0);
}

bool
sanka_number(const char *in, int32_t *out)
{
	char	why[256];
	long	n;

	*out = 0;
	if (*in == '\0')
		return (true);
	if (store_int_parse(in, 0, INT32_MAX, &n, why, sizeof why) != 0)
		return (false);
	*out = (int32_t)n;
	return (true);
}

int
sanka_bool(const char *in)
{
	bool	b;

	if (store_bool_parse(in, &b) != 0)
		return (-1);
	return (b ? 1 : 0);
}
