/* main.c -- sanka's entry point: the command line, or the screens. */

#include <stddef.h>

#include "tui/cli/cli.h"
#include "tui/locale.h"

int
main(int argc, char **argv)
{
	/* Messages follow the screens' language: Japanese unless
	 * $SANKA_LANG=en or an English locale.  The screens warn about a
	 * locale that is not UTF-8; a command has no screen to show it on. */
	tui_locale_init(NULL, 0);
	return (cli_main(argc, argv));
}
