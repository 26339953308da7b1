/* bench.h -- helpers the benchmark programs share: a seeded PRNG that does
 * not depend on libc, a buffered stdout writer, calendar dates, a clock,
 * argument parsing and the event calendar the generators agree on. */
#ifndef SANKA_BENCH_H
#define SANKA_BENCH_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Events of the generated data fall in fiscal years 2025 and 2026. */
#define BENCH_EVENTS_FROM	"2025-04-01"
#define BENCH_EVENTS_DAYS	730
/* Events before this day have final statuses; later ones are pending. */
#define BENCH_AS_OF		"2026-11-20"

/* splitmix64 (Steele, Lea, Flood 2014): the same numbers on every libc. */
struct bench_rng {
	uint64_t	s;
};

static inline void
bench_rng_seed(struct bench_rng *r, uint64_t seed, uint64_t stream)
{
	r->s = seed * 0xd1342543de82ef95ULL ^ stream * 0x9e3779b97f4a7c15ULL;
}

static inline uint64_t
bench_rng_next(struct bench_rng *r)
{
	uint64_t	z;

	z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31));
}

/* Uniform in [0, N); N > 0.  The modulo bias is below 1e-12 here. */
static inline uint64_t
bench_rng_below(struct bench_rng *r, uint64_t n)
{
	return (bench_rng_next(r) % n);
}

/* Uniform in [0, 1). */
static inline double
bench_rng_unit(struct bench_rng *r)
{
	return ((double)(bench_rng_next(r) >> 11) * 0x1.0p-53);
}

/* One number from SEED and I without a stream: for values two generators
 * must agree on (an event's date). */
static inline uint64_t
bench_hash(uint64_t seed, uint64_t i)
{
	struct bench_rng	r;

	bench_rng_seed(&r, seed, i + 1);
	return (bench_rng_next(&r));
}

/* A buffered writer to stdout; exits 1 on a write error. */
struct bench_out {
	size_t		len;
	char		buf[1 << 16];
};

static inline void
bench_out_flush(struct bench_out *o)
{
	size_t	off = 0;
	ssize_t	n;

	while (off < o->len) {
		n = write(STDOUT_FILENO, o->buf + off, o->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			perror("write");
			exit(1);
		}
		off += (size_t)n;
	}
	o->len = 0;
}

static inline void
bench_out_mem(struct bench_out *o, const char *s, size_t n)
{
	if (o->len + n > sizeof o->buf)
		bench_out_flush(o);
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static inline void
bench_out_str(struct bench_out *o, const char *s)
{
	bench_out_mem(o, s, strlen(s));
}

static inline void
bench_out_ch(struct bench_out *o, char c)
{
	if (o->len == sizeof o->buf)
		bench_out_flush(o);
	o->buf[o->len++] = c;
}

/* N in decimal, zero-padded to WIDTH digits (0: no padding). */
static inline void
bench_out_uint(struct bench_out *o, uint64_t n, int width)
{
	char	tmp[24];
	int	i = 0;

	do {
		tmp[i++] = (char)('0' + n % 10);
		n /= 10;
	} while (n != 0);
	while (i < width)
		tmp[i++] = '0';
	while (i > 0)
		bench_out_ch(o, tmp[--i]);
}

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant). */
static inline long
bench_days(int y, int m, int d)
{
	long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468);
}

static inline long
bench_days_parse(const char *s)
{
	return (bench_days(atoi(s), atoi(s + 5), atoi(s + 8)));
}

/* Write DAYS as "YYYY-MM-DD" into OUT (11 bytes). */
static inline void
bench_date(long days, char out[11])
{
	long		z, era, doe, yoe, y, doy, mp, d, m;

	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* The day of event I (0-based) of NEVENTS: codes ascend with the date,
 * each event in its own slot of the two fiscal years. */
static inline long
bench_event_day(uint64_t i, uint64_t nevents, uint64_t seed)
{
	long		from = bench_days_parse(BENCH_EVENTS_FROM);
	uint64_t	slot = BENCH_EVENTS_DAYS / nevents;

	if (slot == 0)
		slot = 1;
	return (from + (long)(i * BENCH_EVENTS_DAYS / nevents) +
	    (long)(bench_hash(seed, i) % slot));
}

/* Member ID and event code of 0-based index I. */
static inline void
bench_member_id(uint64_t i, char out[24])
{
	snprintf(out, 24, "M%07llu", (unsigned long long)(i + 1));
}

static inline void
bench_event_code(uint64_t i, char out[24])
{
	snprintf(out, 24, "E%04llu", (unsigned long long)(i + 1));
}

/* A positive decimal argument, or exit 2 naming WHAT. */
static inline uint64_t
bench_arg(const char *s, const char *what)
{
	char			*end;
	unsigned long long	 v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s == '\0' || *s == '-' || *end != '\0' || errno != 0) {
		fprintf(stderr, "%s: not a number: %s\n", what, s);
		exit(2);
	}
	return (v);
}

/* Monotonic time in nanoseconds. */
static inline uint64_t
bench_now_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec);
}

#endif
