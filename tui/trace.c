/* trace.c -- the timing trace: one line per event, monotonic microseconds. */
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tui/trace.h"

static int	 trace_fd = -1;
static uint64_t	 trace_t0;

uint64_t
trace_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000);
}

/* The process start: a constructor runs before main(). */
__attribute__((constructor)) static void
trace_init(void)
{
	trace_t0 = trace_now();
}

uint64_t
trace_started(void)
{
	return (trace_t0);
}

void
trace_open(void)
{
	const char	*path = getenv("SANKA_TRACE");

	if (path == NULL || *path == '\0' || trace_fd != -1)
		return;
	trace_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
	    0600);
}

void
trace_close(void)
{
	if (trace_fd != -1)
		close(trace_fd);
	trace_fd = -1;
}

void
trace_event(const char *kind, uint64_t since)
{
	char		line[128];
	uint64_t	now;
	int		n;

	if (trace_fd == -1)
		return;
	now = trace_now();
	n = snprintf(line, sizeof line, "%" PRIu64 " %s %" PRIu64 "\n", now,
	    kind, now >= since ? now - since : 0);
	if (n > 0 && write(trace_fd, line, (size_t)n) < 0) {
		close(trace_fd);
		trace_fd = -1;
	}
}
