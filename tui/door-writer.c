/* door-writer.c -- the door's writer thread: scans queued in the order
 * they were typed, committed by one thread (a run of scans in one durable
 * transaction), each result handed back only after its commit.  While
 * another process holds the write lock the thread waits in the store and
 * the screen keeps reading keys. */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/xmalloc.h"
#include "tui/door.h"

#define DOOR_BATCH_MAX	64	/* scans committed together at most */

/* A queue of jobs (a growing ring). */
struct door_ring {
	struct door_job	*v;
	size_t		 cap, head, len;
};

struct door_writer {
	struct store	*h;		/* the thread's own handle */
	char		 event[STORE_ID_MAX + 1];
	char		 door[STORE_USER_SIZE];
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 queued;	/* a job was pushed, or stop */
	struct door_ring todo;		/* queued; the front ones may be running */
	struct door_ring done;		/* finished, not popped yet */
	struct door_job	*batch;		/* the run in progress */
	uint64_t	 seq;
	bool		 stop;
	int		 pipe[2];	/* a byte per job in done */
};

static void
ring_push(struct door_ring *r, const struct door_job *j)
{
	struct door_job	*v;
	size_t		 i;

	if (r->len == r->cap) {
		v = xcalloc(r->cap == 0 ? 16 : r->cap * 2, sizeof *v);
		for (i = 0; i < r->len; i++)
			v[i] = r->v[(r->head + i) % r->cap];
		free(r->v);
		r->v = v;
		r->cap = r->cap == 0 ? 16 : r->cap * 2;
		r->head = 0;
	}
	r->v[(r->head + r->len) % r->cap] = *j;
	r->len++;
}

static struct door_job *
ring_at(struct door_ring *r, size_t i)
{
	return (&r->v[(r->head + i) % r->cap]);
}

static void
ring_drop(struct door_ring *r, size_t n)
{
	r->head = (r->head + n) % r->cap;
	r->len -= n;
}

int64_t
door_clock_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/* The error of a job the store refused as a whole. */
static void
door_job_failed(struct door_writer *w, struct door_job *j, int rc)
{
	j->rc = rc;
	snprintf(j->msg, sizeof j->msg, "%s", store_last_error(w->h)->msg);
	if (j->kind != DOOR_JOB_UNDO) {
		j->ck.outcome = STORE_CHECKIN_ERROR;
		j->ck.reason = STORE_CHECKIN_REFUSED;
	}
}

/* Run the N jobs of w->batch (N scans, or one job of another kind). */
static void
door_run(struct door_writer *w, size_t n)
{
	struct store_checkin	 cks[DOOR_BATCH_MAX];
	struct store_member	 m;
	struct door_job		*j = w->batch;
	size_t			 i;
	int			 rc;

	switch (j->kind) {
	case DOOR_JOB_SCAN:
		for (i = 0; i < n; i++)
			cks[i] = w->batch[i].ck;
		rc = store_checkin_run(w->h, w->event, w->door, cks, n);
		for (i = 0; i < n; i++) {
			w->batch[i].ck = cks[i];
			w->batch[i].rc = rc;
			if (rc != STORE_OK)
				door_job_failed(w, &w->batch[i], rc);
		}
		return;
	case DOOR_JOB_UNDO:
		rc = store_checkin_undo(w->h, w->event, &j->ck);
		break;
	case DOOR_JOB_GUEST:
		memset(&m, 0, sizeof m);
		m.name = j->guest_name;
		m.kana = j->guest_kana;
		m.email = j->guest_email;
		rc = store_checkin_guest(w->h, w->event, w->door, &m, &j->ck);
		break;
	default:
		rc = STORE_INVALID;
		break;
	}
	j->rc = rc;
	if (rc != STORE_OK)
		door_job_failed(w, j, rc);
}

static void *
door_thread(void *arg)
{
	struct door_writer	*w = arg;
	size_t			 n, i;
	char			 one = 1;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (w->todo.len == 0 && !w->stop)
			pthread_cond_wait(&w->queued, &w->mu);
		if (w->todo.len == 0)
			break;
		/* the scans at the front go in one transaction */
		n = 1;
		if (ring_at(&w->todo, 0)->kind == DOOR_JOB_SCAN) {
			while (n < w->todo.len && n < DOOR_BATCH_MAX &&
			    ring_at(&w->todo, n)->kind == DOOR_JOB_SCAN)
				n++;
		}
		for (i = 0; i < n; i++)
			w->batch[i] = *ring_at(&w->todo, i);
		pthread_mutex_unlock(&w->mu);
		door_run(w, n);
		pthread_mutex_lock(&w->mu);
		ring_drop(&w->todo, n);
		for (i = 0; i < n; i++) {
			ring_push(&w->done, &w->batch[i]);
			(void)!write(w->pipe[1], &one, 1);
		}
	}
	pthread_mutex_unlock(&w->mu);
	return (NULL);
}

struct door_writer *
door_writer_start(struct store *st, const char *event, const char *door)
{
	struct door_writer	*w;
	sigset_t		 all, old;

	w = xcalloc(1, sizeof *w);
	w->h = store_share(st);
	snprintf(w->event, sizeof w->event, "%s", event);
	snprintf(w->door, sizeof w->door, "%s", door == NULL ? "" : door);
	w->batch = xcalloc(DOOR_BATCH_MAX, sizeof *w->batch);
	if (pipe(w->pipe) != 0) {
		fprintf(stderr, "sanka: pipe: %s\n", strerror(errno));
		exit(3);
	}
	fcntl(w->pipe[0], F_SETFL, O_NONBLOCK);
	fcntl(w->pipe[1], F_SETFL, O_NONBLOCK);
	fcntl(w->pipe[0], F_SETFD, FD_CLOEXEC);
	fcntl(w->pipe[1], F_SETFD, FD_CLOEXEC);
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->queued, NULL);
	/* signals go to the screen's thread, as before there was a writer */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&w->thread, NULL, door_thread, w) != 0) {
		fprintf(stderr, "sanka: cannot start the door's writer\n");
		exit(3);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return (w);
}

void
door_writer_stop(struct door_writer *w)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->mu);
	w->stop = true;
	pthread_cond_signal(&w->queued);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->queued);
	close(w->pipe[0]);
	close(w->pipe[1]);
	store_share_close(w->h);
	free(w->todo.v);
	free(w->done.v);
	free(w->batch);
	free(w);
}

uint64_t
door_writer_push(struct door_writer *w, const struct door_job *job)
{
	struct door_job	j = *job;

	j.queued_ms = door_clock_ms();
	j.rc = STORE_OK;
	j.msg[0] = '\0';
	pthread_mutex_lock(&w->mu);
	j.seq = ++w->seq;
	ring_push(&w->todo, &j);
	pthread_cond_signal(&w->queued);
	pthread_mutex_unlock(&w->mu);
	return (j.seq);
}

bool
door_writer_pop(struct door_writer *w, struct door_job *out)
{
	char	byte;
	bool	got = false;

	pthread_mutex_lock(&w->mu);
	if (w->done.len > 0) {
		*out = *ring_at(&w->done, 0);
		ring_drop(&w->done, 1);
		(void)!read(w->pipe[0], &byte, 1);
		got = true;
	}
	pthread_mutex_unlock(&w->mu);
	return (got);
}

int64_t
door_writer_oldest(struct door_writer *w)
{
	int64_t	ms;

	pthread_mutex_lock(&w->mu);
	ms = w->todo.len > 0 ? ring_at(&w->todo, 0)->queued_ms : -1;
	pthread_mutex_unlock(&w->mu);
	return (ms);
}

int
door_writer_fd(struct door_writer *w)
{
	return (w->pipe[0]);
}
