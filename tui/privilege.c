/* privilege.c -- a setgid sanka (docs/DESIGN.md "Roles and access"): the
 * shared database opened with the group's privilege, then the privilege
 * dropped for good, before main reads the terminal, terminfo, the locale,
 * the environment or any file a user controls. */

#define _GNU_SOURCE	/* setresgid */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "tui/sanka.h"

static struct store	*privilege_st;	/* the shared database, or NULL */
static int		 privilege_rc = -1;	/* its open; -1: none made */

void
sanka_privilege_init(int argc, char **argv)
{
	static const char	 msg[] = "sanka: cannot drop the group "
				     "privilege\n";
	const char		*dir = NULL;
	gid_t			 gid = getgid(), egid = getegid();
	ssize_t			 n;
	int			 i;
	bool			 other = false;

	if (egid == gid)
		return;
	umask(007);
	/* -d names another database, opened without privilege */
	for (i = 1; i < argc && !other; i++)
		other = sanka_dbdir_arg(argc, argv, &i, &dir);
	if (!other)
		privilege_rc = store_open(SANKA_SYSTEM_DB, STORE_SHARED,
		    &privilege_st);
	/* for good: real, effective, saved (and filesystem) gid alike,
	 * and the group cannot be taken back (root always could) */
	if (setresgid(gid, gid, gid) != 0 || getegid() != gid ||
	    (geteuid() != 0 && setegid(egid) == 0)) {
		n = write(STDERR_FILENO, msg, sizeof msg - 1);
		(void)n;
		_exit(SANKA_EXIT_ENV);
	}
}

int
sanka_privilege_take(const char *dir, struct store **st)
{
	int	rc = privilege_rc;

	if (rc == -1 || strcmp(dir, SANKA_SYSTEM_DB) != 0)
		return (-1);
	*st = privilege_st;
	privilege_st = NULL;
	privilege_rc = -1;
	if (rc == STORE_OK)
		rc = store_privilege_dropped(*st);
	return (rc);
}
