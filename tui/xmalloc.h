/* xmalloc.h -- allocation that exits on failure (nothing is kept until
 * the store commits, so exiting loses nothing written). */
#ifndef SANKA_TUI_XMALLOC_H
#define SANKA_TUI_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);		/* NULL gives "" */
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
