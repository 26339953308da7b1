/* util.c -- growing buffers for the import's arenas; its threads. */

#include <pthread.h>
#include <signal.h>
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

int
util_thread(pthread_t *th, void *(*fn)(void *), void *arg)
{
	sigset_t	all, old;
	int		rc;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(th, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return (rc);
}
