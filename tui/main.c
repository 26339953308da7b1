/* main.c -- sanka's entry point: the options before a command, then the
 * screens or the command; the one place that chooses between them. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/i18n.h"
#include "store/xmalloc.h"
#include "tui/cli/cli.h"
#include "tui/crash.h"
#include "tui/locale.h"
#include "tui/sanka.h"
#include "tui/tui.h"

#ifndef SANKA_VERSION
#define SANKA_VERSION "0"
#endif

int
main(int argc, char **argv)
{
	const char	 *dbdir = NULL, *arg;
	char		**imports = NULL;
	size_t		  nimports = 0;
	int		  i, rc;

	/* A setgid sanka opens the shared database and drops the group
	 * before anything below reads the locale or the environment. */
	sanka_privilege_init(argc, argv);
	/* Messages follow the screens' language: Japanese unless
	 * $SANKA_LANG=en or an English locale.  The screens warn about a
	 * locale that is not UTF-8; a command has no screen to show it on. */
	tui_locale_init(NULL, 0);
	crash_init();
	/* "Today" and times are local to $TZ, Asia/Tokyo when it is unset. */
	if (getenv("TZ") == NULL)
		setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	for (i = 1; i < argc; i++) {
		arg = argv[i];
		if (sanka_dbdir_arg(argc, argv, &i, &dbdir)) {
			if (dbdir == NULL || *dbdir == '\0') {
				rc = cli_usage_main(_("option %s needs a "
				    "value"), arg);
				goto out;
			}
		} else if (strncmp(arg, "-i", 2) == 0) {
			if (arg[2] == '\0' && (i + 1 >= argc ||
			    *argv[i + 1] == '\0')) {
				rc = cli_usage_main(_("option %s needs a "
				    "value"), arg);
				goto out;
			}
			imports = xreallocarray(imports, nimports + 1,
			    sizeof *imports);
			imports[nimports++] = arg[2] != '\0' ? argv[i] + 2 :
			    argv[++i];
		} else if (strcmp(arg, "--help") == 0 ||
		    strcmp(arg, "-h") == 0) {
			cli_help_main();
			rc = 0;
			goto out;
		} else if (strcmp(arg, "--version") == 0 ||
		    strcmp(arg, "-V") == 0) {
			if (i + 1 < argc) {
				rc = cli_usage_main(_("%s takes no argument"),
				    arg);
				goto out;
			}
			printf("sanka %s\n", SANKA_VERSION);
			rc = 0;
			goto out;
		} else if (strcmp(arg, "--") == 0) {
			i++;
			break;
		} else if (arg[0] == '-' && arg[1] != '\0') {
			rc = cli_usage_main(_("unknown option %s"), arg);
			goto out;
		} else
			break;
	}
	if (i >= argc)
		rc = tui_main(sanka_dbdir(dbdir), imports, nimports);
	else if (nimports != 0)
		rc = cli_usage_main("%s", _("-i imports for the screens; use "
		    "'sanka import FILE' with a command"));
	else
		rc = cli_main(argc - i, argv + i, dbdir);
out:
	free(imports);
	return (rc);
}
