/* exec-stamp -- write CLOCK_MONOTONIC microseconds to FILE, then exec
 * CMD: the zero of "from exec to the first frame" (sanka's $SANKA_TRACE
 * stamps its events on the same clock). */
#include "tests/bench/bench.h"

int
main(int argc, char **argv)
{
	FILE	*f;

	if (argc < 3) {
		fprintf(stderr, "usage: exec-stamp FILE CMD [ARG...]\n");
		return (2);
	}
	if ((f = fopen(argv[1], "w")) == NULL) {
		perror(argv[1]);
		return (1);
	}
	fprintf(f, "%llu\n", (unsigned long long)(bench_now_ns() / 1000));
	if (fclose(f) != 0) {
		perror(argv[1]);
		return (1);
	}
	execvp(argv[2], argv + 2);
	perror(argv[2]);
	return (127);
}
