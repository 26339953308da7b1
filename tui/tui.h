/* tui.h -- the entry point of the screens, called by main() without a command. */
#ifndef SANKA_TUI_H
#define SANKA_TUI_H

#include <stddef.h>

/* Run the screens on the database in DBDIR (created when missing), after
 * importing the NIMPORTS files of IMPORTS (from -i).  Returns the process
 * exit status (docs/DESIGN.md: 0, 1, 2 or 3). */
int	tui_main(const char *dbdir, char *const *imports, size_t nimports);

#endif
