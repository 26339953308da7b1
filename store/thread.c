/* thread.c -- helper threads that leave the signals to the main thread. */

#include <pthread.h>
#include <signal.h>

#include "store/thread.h"

int
thread_start(pthread_t *th, void *(*fn)(void *), void *arg)
{
	sigset_t	all, old;
	int		rc;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(th, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return (rc);
}
