/* xmalloc.h -- allocation that exits on failure, for every layer: nothing
 * is kept until the store commits, so exiting loses nothing written. */
#ifndef SANKA_XMALLOC_H
#define SANKA_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);		/* NULL gives "" */
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
