/* sqlite-search -- the screens' peer: in an open SQLite database with an
 * index on members(kana), time an incremental prefix search (each prefix
 * of each QUERY as a range query kana >= P AND kana < P', first 50 rows)
 * and paging through the members by ID 50 rows at a time (keyset, like
 * PgDn), as a screen would after each key.  Prints the median and p99. */
#include <sqlite3.h>

#include "tests/bench/bench.h"

#define SQ_ROWS		50
#define SQ_MAX		4096

static sqlite3	*sq_db;

static void
sq_die(const char *what)
{
	fprintf(stderr, "sqlite-search: %s: %s\n", what, sqlite3_errmsg(sq_db));
	exit(1);
}

static int
sq_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return ((x > y) - (x < y));
}

static void
sq_report(const char *what, double *v, size_t n)
{
	size_t	k;

	qsort(v, n, sizeof *v, sq_cmp);
	k = (size_t)(0.99 * (double)n + 0.999999);
	printf("RESULT %s_n=%zu %s_p50_us=%.0f %s_p99_us=%.0f\n", what, n,
	    what, v[(n - 1) / 2], what, v[(k ? k : 1) - 1]);
}

/* P' of a prefix: its last code point plus one (UTF-8, 1-3 bytes). */
static size_t
sq_upper(const char *p, size_t n, char *out)
{
	size_t		 i = n;
	unsigned	 cp;

	memcpy(out, p, n);
	while (i > 0 && ((unsigned char)p[i - 1] & 0xc0) == 0x80)
		i--;
	i--;
	switch (n - i) {
	case 1:
		out[i] = (char)(p[i] + 1);
		return (n);
	case 2:
		cp = ((p[i] & 0x1fu) << 6 | (p[i + 1] & 0x3fu)) + 1;
		out[i] = (char)(0xc0 | cp >> 6);
		out[i + 1] = (char)(0x80 | (cp & 0x3f));
		return (n);
	default:
		cp = ((p[i] & 0x0fu) << 12 | (p[i + 1] & 0x3fu) << 6 |
		    (p[i + 2] & 0x3fu)) + 1;
		out[i] = (char)(0xe0 | cp >> 12);
		out[i + 1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[i + 2] = (char)(0x80 | (cp & 0x3f));
		return (n);
	}
}

/* Step through up to SQ_ROWS rows, touching each column as a screen
 * would; the last member_id into LAST when not NULL. */
static void
sq_rows(sqlite3_stmt *st, char *last, size_t lastsz)
{
	int	n = 0, rc, c;

	while (n < SQ_ROWS && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (c = 0; c < sqlite3_column_count(st); c++)
			(void)sqlite3_column_text(st, c);
		if (last != NULL)
			snprintf(last, lastsz, "%s",
			    (const char *)sqlite3_column_text(st, 0));
		n++;
	}
	sqlite3_reset(st);
}

int
main(int argc, char **argv)
{
	static double	 srch[SQ_MAX], page[SQ_MAX];
	sqlite3_stmt	*qs, *qp;
	size_t		 ns = 0, np = 0, len, i;
	uint64_t	 t0;
	char		 up[256], last[128] = "";
	const char	*q;
	int		 a, r, rounds;

	if (argc < 4) {
		fprintf(stderr, "usage: sqlite-search DB ROUNDS QUERY...\n");
		return (2);
	}
	rounds = (int)bench_arg(argv[2], "ROUNDS");
	if (sqlite3_open_v2(argv[1], &sq_db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK)
		sq_die(argv[1]);
	if (sqlite3_prepare_v2(sq_db, "SELECT member_id, name, kana, email"
	    " FROM members WHERE kana >= ?1 AND kana < ?2 ORDER BY kana"
	    " LIMIT 50", -1, &qs, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(sq_db, "SELECT member_id, name, kana, email"
	    " FROM members WHERE member_id > ?1 ORDER BY member_id LIMIT 50",
	    -1, &qp, NULL) != SQLITE_OK)
		sq_die("prepare");
	/* Round 0 warms the page cache and is not counted. */
	for (r = 0; r <= rounds; r++) {
		if (r == 1) {
			ns = np = 0;
			last[0] = '\0';
		}
		for (a = 3; a < argc; a++) {
			q = argv[a];
			if ((len = strlen(q)) >= sizeof up)
				continue;
			/* Each prefix that ends on a whole character. */
			for (i = 1; i <= len; i++) {
				if (i < len &&
				    ((unsigned char)q[i] & 0xc0) == 0x80)
					continue;
				if (ns == SQ_MAX)
					break;
				t0 = bench_now_ns();
				sqlite3_bind_text(qs, 1, q, (int)i,
				    SQLITE_STATIC);
				sqlite3_bind_text(qs, 2, up,
				    (int)sq_upper(q, i, up), SQLITE_STATIC);
				sq_rows(qs, NULL, 0);
				srch[ns++] = (double)(bench_now_ns() - t0) / 1e3;
			}
		}
		for (i = 0; i < 100 && np < SQ_MAX; i++) {
			t0 = bench_now_ns();
			sqlite3_bind_text(qp, 1, last, -1, SQLITE_TRANSIENT);
			sq_rows(qp, last, sizeof last);
			page[np++] = (double)(bench_now_ns() - t0) / 1e3;
		}
	}
	if (ns == 0 || np == 0) {
		fprintf(stderr, "sqlite-search: nothing measured\n");
		return (1);
	}
	sq_report("sqlite_search", srch, ns);
	sq_report("sqlite_page", page, np);
	sqlite3_finalize(qs);
	sqlite3_finalize(qp);
	sqlite3_close(sq_db);
	return (0);
}
