/* xmalloc.h -- allocation that exits on failure (nothing is kept until
 * the store commits, so exiting loses nothing written). */
#ifndef SANKA_TUI_XMALLOC_H
#define SANKA_TUI_XMALLOC_H

#include <stddef.h>

void	*tui_malloc(size_t);
void	*tui_calloc(size_t, size_t);
void	*tui_reallocarray(void *, size_t, size_t);
char	*tui_strdup(const char *);		/* NULL gives "" */
char	*tui_asprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
