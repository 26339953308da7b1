/* cpu-time -- run CMD and print "WALL SELF CHILDREN" in seconds: the wall
 * time, the CPU (user + system) of CMD's own process, and the CPU of the
 * children it waited for (sendmail and the MTA for a mailing).  The
 * process's own times are read from /proc/PID/stat while it is a zombie
 * (waitid WNOWAIT), before it is reaped: wait4's figures would include
 * its children's. */
#define _GNU_SOURCE
#include <sys/types.h>
#include <sys/wait.h>

#include "tests/bench/bench.h"

/* Fields 14-17 of /proc/PID/stat: utime stime cutime cstime (ticks). */
static int
cpu_ticks(pid_t pid, unsigned long long t[4])
{
	char	 path[64], buf[4096], *p;
	size_t	 n;
	FILE	*f;
	int	 field;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return (-1);
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* The command name (field 2) may hold spaces: count after ')'. */
	if ((p = strrchr(buf, ')')) == NULL)
		return (-1);
	for (field = 2; field < 13 && p != NULL; field++)
		p = strchr(p + 1, ' ');
	if (p == NULL || sscanf(p, " %llu %llu %llu %llu", &t[0], &t[1],
	    &t[2], &t[3]) != 4)
		return (-1);
	return (0);
}

int
main(int argc, char **argv)
{
	unsigned long long t[4];
	siginfo_t	 si;
	uint64_t	 t0, t1;
	double		 hz = (double)sysconf(_SC_CLK_TCK);
	pid_t		 pid;
	int		 status;

	if (argc < 2) {
		fprintf(stderr, "usage: cpu-time CMD [ARG...]\n");
		return (2);
	}
	t0 = bench_now_ns();
	if ((pid = fork()) == 0) {
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	if (pid < 0 || waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT) != 0) {
		perror("cpu-time");
		return (1);
	}
	t1 = bench_now_ns();
	if (cpu_ticks(pid, t) != 0) {
		fprintf(stderr, "cpu-time: cannot read /proc/%d/stat\n",
		    (int)pid);
		return (1);
	}
	waitpid(pid, &status, 0);
	printf("%.3f %.3f %.3f\n", (double)(t1 - t0) / 1e9,
	    (double)(t[0] + t[1]) / hz, (double)(t[2] + t[3]) / hz);
	return (WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}
