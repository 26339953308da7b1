/* util.c -- growing buffers for the import's arenas. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import-int.h"

void
util_grow(void *pp, size_t *cap, size_t need)
{
	void	**p = pp;
	size_t	  n;

	if (need <= *cap)
		return;
	n = *cap < 64 ? 64 : *cap;
	while (n < need)
		n *= 2;
	*p = xrealloc(*p, n);
	*cap = n;
}
