/* proc-usage -- run CMD and report what it cost the machine, in figures
 * that do not depend on the load of the machine beside the wall time:
 * user and system CPU, minor page faults, max RSS (getrusage of the
 * child), and the peak RssAnon and RssFile sampled from /proc/PID/status
 * every millisecond while it runs (a peak shorter than that can be missed).
 *
 *   proc-usage OUT CMD [ARG...]
 *
 * writes to OUT one line of shell assignments:
 *   wall_s=N user_s=N sys_s=N minflt=N maxrss_kib=N anon_kib=N file_kib=N
 * and exits with CMD's status (128 + signal when killed). */
#include <signal.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "tests/bench/bench.h"

/* The largest RssAnon and RssFile (KiB) seen so far. */
struct usage_peak {
	unsigned long	anon_kib;
	unsigned long	file_kib;
};

/* Read PID's status once and raise the peaks; a process that has become a
 * zombie has no Rss lines and leaves them as they are. */
static void
usage_sample(pid_t pid, struct usage_peak *peak)
{
	char		 path[64], line[256];
	unsigned long	 kib;
	FILE		*f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "RssAnon: %lu", &kib) == 1 &&
		    kib > peak->anon_kib)
			peak->anon_kib = kib;
		else if (sscanf(line, "RssFile: %lu", &kib) == 1 &&
		    kib > peak->file_kib)
			peak->file_kib = kib;
	}
	fclose(f);
}

static double
usage_seconds(struct timeval tv)
{
	return ((double)tv.tv_sec + (double)tv.tv_usec / 1e6);
}

int
main(int argc, char **argv)
{
	struct usage_peak	 peak = { 0, 0 };
	struct rusage		 ru;
	struct timespec		 tick = { 0, 1000000 };
	uint64_t		 t0, t1;
	pid_t			 pid, done;
	int			 status;
	FILE			*out;

	if (argc < 3) {
		fprintf(stderr, "usage: proc-usage OUT CMD [ARG...]\n");
		return (2);
	}
	t0 = bench_now_ns();
	if ((pid = fork()) == -1) {
		perror("fork");
		return (1);
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	while ((done = wait4(pid, &status, WNOHANG, &ru)) == 0) {
		usage_sample(pid, &peak);
		nanosleep(&tick, NULL);
	}
	t1 = bench_now_ns();
	if (done == -1) {
		perror("wait4");
		return (1);
	}
	if ((out = fopen(argv[1], "w")) == NULL) {
		perror(argv[1]);
		return (1);
	}
	fprintf(out, "wall_s=%.3f user_s=%.3f sys_s=%.3f minflt=%ld "
	    "maxrss_kib=%ld anon_kib=%lu file_kib=%lu\n",
	    (double)(t1 - t0) / 1e9, usage_seconds(ru.ru_utime),
	    usage_seconds(ru.ru_stime), ru.ru_minflt, ru.ru_maxrss,
	    peak.anon_kib, peak.file_kib);
	if (fclose(out) != 0) {
		perror(argv[1]);
		return (1);
	}
	if (WIFSIGNALED(status))
		return (128 + WTERMSIG(status));
	return (WEXITSTATUS(status));
}
