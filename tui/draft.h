/* draft.h -- where an unsaved form goes when the session dies (SIGHUP). */
#ifndef SANKA_TUI_DRAFT_H
#define SANKA_TUI_DRAFT_H

/* The draft file of this Unix user for database DBDIR:
 * $XDG_STATE_HOME/sanka/draft-HASH, else ~/.local/state/sanka/draft-HASH,
 * HASH naming the database's real path.  Malloc'd; NULL without a home. */
char	*draft_path(const char *dbdir);
/* Write TEXT to PATH (0600, directories 0700) through a temporary file
 * and rename, so a crash leaves the old draft or the new one.  Returns
 * 0 or -1. */
int	 draft_save(const char *path, const char *text);
/* The draft's text (malloc'd), or NULL when there is none. */
char	*draft_load(const char *path);
void	 draft_remove(const char *path);

#endif
