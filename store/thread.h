/* thread.h -- the helper threads of import and store_import. */
#ifndef SANKA_THREAD_H
#define SANKA_THREAD_H

#include <pthread.h>

/* Start FN(ARG) on a thread that takes no signals: they reach the calling
 * thread, as before there were threads.  0 or an errno (then no thread:
 * the caller does the work itself). */
int	thread_start(pthread_t *, void *(*fn)(void *), void *arg);

#endif
