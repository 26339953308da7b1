/* tui.h -- the entry point of the screens, called by main() without a command. */
#ifndef SANKA_TUI_H
#define SANKA_TUI_H

#include <stdbool.h>
#include <stddef.h>

/* Run the screens on the database in DBDIR (created when missing), after
 * importing the NIMPORTS files of IMPORTS (from -i).  Returns the process
 * exit status (docs/DESIGN.md: 0, 1, 2 or 3). */
int	tui_main(const char *dbdir, char *const *imports, size_t nimports);

/* `sanka checkin`: the door (docs/DESIGN.md "The door"). */
struct tui_door_opts {
	const char	*event;		/* NULL: today's event, or a picker */
	const char	*door;		/* --door NAME; NULL: $SANKA_USER */
	bool		 kiosk;		/* only the door; leaving takes a PIN */
	bool		 bell;		/* a bell with each error */
};
/* The screens on DBDIR opened on the door of O; the exit status. */
int	tui_checkin_main(const char *dbdir, const struct tui_door_opts *o);

#endif
