/* util.c -- allocation helpers that exit on OOM. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import-int.h"

static void
util_oom(size_t n)
{
	fprintf(stderr, "sanka: out of memory (%zu bytes)\n", n);
	exit(3);
}

void *
util_xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		util_oom(n);
	return (p);
}

void *
util_xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		util_oom(n * size);
	return (p);
}

void *
util_xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n == 0 ? 1 : n)) == NULL)
		util_oom(n);
	return (p);
}

char *
util_xstrdup(const char *s)
{
	size_t	 n = strlen(s) + 1;
	char	*p = util_xmalloc(n);

	memcpy(p, s, n);
	return (p);
}

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
	*p = util_xrealloc(*p, n);
	*cap = n;
}
