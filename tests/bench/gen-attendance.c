/* gen-attendance -- write N attendance records over NEVENTS events and
 * NMEMBERS members (the codes and IDs gen-events and gen-members write) as
 * an attendance CSV to stdout: unique (event, member) pairs, invited a few
 * weeks before the event, a realistic mix of responses and final statuses
 * (empty = pending).  Memory is O(NEVENTS), not O(N). */
#include "tests/bench/bench.h"

struct gen_event {
	uint64_t	count;		/* records of this event */
	uint64_t	stride;		/* coprime to NMEMBERS */
	uint64_t	offset;
	long		day;
};

static uint64_t
gen_gcd(uint64_t a, uint64_t b)
{
	uint64_t	t;

	while (b != 0) {
		t = a % b;
		a = b;
		b = t;
	}
	return (a);
}

/* Share N records among the events in proportion to random weights, no
 * event over NMEMBERS. */
static void
gen_share(struct gen_event *ev, uint64_t nev, uint64_t n, uint64_t nmem,
    struct bench_rng *r)
{
	double		*w, sum = 0;
	uint64_t	 i, given = 0;

	if ((w = calloc(nev, sizeof *w)) == NULL) {
		perror("calloc");
		exit(1);
	}
	for (i = 0; i < nev; i++)
		sum += (w[i] = 0.5 + bench_rng_unit(r));
	for (i = 0; i < nev; i++) {
		ev[i].count = (uint64_t)((double)n * w[i] / sum);
		if (ev[i].count > nmem)
			ev[i].count = nmem;
		given += ev[i].count;
	}
	/* The rounding remainder and any capped excess, one at a time. */
	for (i = 0; given < n; i = (i + 1) % nev)
		if (ev[i].count < nmem) {
			ev[i].count++;
			given++;
		}
	free(w);
}

static const char *
gen_word(struct bench_rng *r, const char *ja, const char *en)
{
	return (bench_rng_below(r, 10) == 0 ? en : ja);
}

static void
gen_record(struct bench_out *o, struct bench_rng *r, const char *code,
    uint64_t member, long day, long as_of)
{
	char		 id[24], d[11];
	const char	*resp, *fin;
	uint64_t	 v;
	int		 past = day < as_of;

	bench_member_id(member, id);
	bench_out_str(o, code);
	bench_out_ch(o, ',');
	bench_out_str(o, id);
	bench_out_ch(o, ',');
	bench_date(day - 14 - (long)bench_rng_below(r, 47), d);
	bench_out_mem(o, d, 10);
	bench_out_ch(o, ',');

	v = bench_rng_below(r, 100);
	fin = "";
	if (v < 55) {
		resp = gen_word(r, "参加予定", "accepted");
		v = bench_rng_below(r, 100);
		if (!past)
			fin = v < 2 ? gen_word(r, "キャンセル", "cancelled") : "";
		else if (v < 82)
			fin = gen_word(r, "参加", "attended");
		else if (v < 88)
			fin = gen_word(r, "欠席", "absent");
		else if (v < 94)
			fin = gen_word(r, "無断欠席", "no_show");
		else if (v < 98)
			fin = gen_word(r, "キャンセル", "cancelled");
	} else if (v < 70) {
		resp = gen_word(r, "不参加", "declined");
		if (past && bench_rng_below(r, 100) < 30)
			fin = gen_word(r, "欠席", "absent");
	} else if (v < 75) {
		resp = gen_word(r, "未定", "tentative");
		v = bench_rng_below(r, 100);
		if (past && v < 40)
			fin = gen_word(r, "参加", "attended");
		else if (past && v < 70)
			fin = gen_word(r, "欠席", "absent");
	} else {
		resp = bench_rng_below(r, 4) == 0 ? "未回答" : "";
		v = bench_rng_below(r, 100);
		if (past && v < 10)
			fin = gen_word(r, "参加", "attended");
		else if (past && v < 20)
			fin = gen_word(r, "欠席", "absent");
		else if (past && v < 25)
			fin = gen_word(r, "無断欠席", "no_show");
	}
	bench_out_str(o, resp);
	bench_out_ch(o, ',');
	bench_out_str(o, fin);
	bench_out_ch(o, '\n');
}

int
main(int argc, char **argv)
{
	static struct bench_out	 out;
	struct bench_rng	 r;
	struct gen_event	*ev;
	uint64_t		 n, nev, nmem, seed, e, i;
	long			 as_of;
	char			 code[24];

	if (argc != 5) {
		fprintf(stderr, "usage: gen-attendance N NEVENTS NMEMBERS SEED"
		    " > attendance.csv\n");
		return (2);
	}
	n = bench_arg(argv[1], "N");
	nev = bench_arg(argv[2], "NEVENTS");
	nmem = bench_arg(argv[3], "NMEMBERS");
	seed = bench_arg(argv[4], "SEED");
	if (nev == 0 || nmem == 0 || nmem > 9999999 ||
	    n / nev > nmem || (n / nev == nmem && n % nev != 0)) {
		fprintf(stderr, "gen-attendance: need 0 < NMEMBERS <= 9999999,"
		    " NEVENTS > 0, N <= NEVENTS * NMEMBERS\n");
		return (2);
	}
	if ((ev = calloc(nev, sizeof *ev)) == NULL) {
		perror("calloc");
		return (1);
	}
	bench_rng_seed(&r, seed, 3);
	gen_share(ev, nev, n, nmem, &r);
	for (e = 0; e < nev; e++) {
		ev[e].day = bench_event_day(e, nev, seed);
		/* i -> (stride * i + offset) mod NMEMBERS is one-to-one. */
		do
			ev[e].stride = 1 + bench_rng_below(&r, nmem);
		while (gen_gcd(ev[e].stride, nmem) != 1);
		ev[e].offset = bench_rng_below(&r, nmem);
	}
	as_of = bench_days_parse(BENCH_AS_OF);
	bench_out_str(&out, "event_code,member_id,invited_on,response,"
	    "status\n");
	for (e = 0; e < nev; e++) {
		bench_event_code(e, code);
		for (i = 0; i < ev[e].count; i++)
			gen_record(&out, &r, code,
			    (ev[e].stride * i + ev[e].offset) % nmem,
			    ev[e].day, as_of);
	}
	bench_out_flush(&out);
	free(ev);
	return (0);
}
