/* gen-events -- write N generated events over fiscal years 2025 and 2026
 * as an events CSV to stdout; gen-attendance agrees on their dates. */
#include "tests/bench/bench.h"

#define GEN_NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char *gen_kinds[] = {
	"定例セミナー", "交流会", "勉強会", "講演会", "見学会",
	"ワークショップ", "研修会", "懇親会", "シンポジウム", "総会",
};

static const char *gen_venues[] = {
	"本部会議室", "中央区民会館 ホールA", "市民交流センター 第2会議室",
	"オンライン (Zoom)", "ホテル朝日 鳳凰の間", "青葉大学 101教室",
	"産業振興センター 大会議室", "県立図書館 視聴覚室",
	"さくら会館 3階", "商工会議所 501号室",
};

static const char *gen_notes[] = {
	"", "", "", "", "", "", "要事前申込", "資料は当日配布",
	"懇親会あり, 会費3000円", "雨天決行", "定員になり次第締切",
	"オンライン同時配信",
};

int
main(int argc, char **argv)
{
	static struct bench_out	 out;
	struct bench_rng	 r;
	uint64_t		 n, seed, i, v;
	char			 code[24], date[11];
	const char		*kind;

	if (argc != 3) {
		fprintf(stderr, "usage: gen-events N SEED > events.csv\n");
		return (2);
	}
	n = bench_arg(argv[1], "N");
	seed = bench_arg(argv[2], "SEED");
	bench_rng_seed(&r, seed, 2);
	bench_out_str(&out, "event_code,name,date,venue,capacity,notes\n");
	for (i = 0; i < n; i++) {
		bench_event_code(i, code);
		bench_date(bench_event_day(i, n, seed), date);
		bench_out_str(&out, code);
		bench_out_ch(&out, ',');
		kind = gen_kinds[bench_rng_below(&r, GEN_NELEM(gen_kinds))];
		if (strcmp(kind, "総会") == 0) {
			bench_out_mem(&out, date, 4);
			bench_out_str(&out, "年 ");
		} else {
			bench_out_str(&out, "第");
			bench_out_uint(&out, i + 1, 0);
			bench_out_str(&out, "回 ");
		}
		bench_out_str(&out, kind);
		bench_out_ch(&out, ',');
		bench_out_str(&out, date);
		bench_out_ch(&out, ',');
		bench_out_str(&out,
		    gen_venues[bench_rng_below(&r, GEN_NELEM(gen_venues))]);
		bench_out_ch(&out, ',');
		v = bench_rng_below(&r, 100);
		if (v >= 10)
			bench_out_uint(&out, 30 + 10 * bench_rng_below(&r, 28),
			    0);
		bench_out_ch(&out, ',');
		kind = gen_notes[bench_rng_below(&r, GEN_NELEM(gen_notes))];
		if (strchr(kind, ',') != NULL) {
			bench_out_ch(&out, '"');
			bench_out_str(&out, kind);
			bench_out_ch(&out, '"');
		} else
			bench_out_str(&out, kind);
		bench_out_ch(&out, '\n');
	}
	bench_out_flush(&out);
	return (0);
}
