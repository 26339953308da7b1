/* test-print-labels.c -- address labels read back from the PDF: names with
 * 様 and the addresses in order and by page (pdftotext), page counts
 * (pdfinfo), blank gaps between labels on a rendered page (pdftoppm),
 * --start, --sort, layouts refused, a missing glyph before any output. */

#include "test-print-util.h"

#define NLAB	14

static struct tp_member lab_members[NLAB];
static char lab_text[NLAB][3][64];

/* Members M101..M114 with names 会員01..会員14, postal codes descending
 * so that sorting by postal code reverses them. */
static void
lab_fill(void)
{
	int	 i;

	for (i = 0; i < NLAB; i++) {
		snprintf(lab_text[i][0], 64, "M%03d", 101 + i);
		snprintf(lab_text[i][1], 64, "会員%02d", i + 1);
		snprintf(lab_text[i][2], 64, "%07d", 9990000 - i * 1000);
		memset(&lab_members[i], 0, sizeof(lab_members[i]));
		lab_members[i].v[0] = lab_text[i][0];
		lab_members[i].v[1] = lab_text[i][1];
		lab_members[i].v[2] = "カイイン";
		lab_members[i].v[4] = lab_text[i][2];
		lab_members[i].v[5] = "東京都千代田区千代田1-1 髙﨑ビル①";
	}
	lab_members[1].v[6] = "株式会社サンプル";
	lab_members[2].v[1] = "NPO法人みどり";
	lab_members[2].v[6] = "NPO法人みどり";
}

static int
lab_print(void **state, const char *name, const char *layout, int start,
    enum print_sort sort, size_t n, char **path, struct print_error *e)
{
	struct tp_source ts;
	struct print_source src = tp_source(&ts, lab_members, n);
	struct print_job job = { .kind = PRINT_LABELS, .layout = layout,
	    .start = start, .sort = sort };
	struct print_result res;

	*path = tp_path(state, name);
	return (print_pdf(&job, &src, *path, &res, e));
}

static void
test_a4_12(void **state)
{
	struct print_error e;
	char	*pdf, *p1, *p2;

	lab_fill();
	assert_int_equal(lab_print(state, "l.pdf", NULL, 0, PRINT_SORT_NONE,
	    NLAB, &pdf, &e), PRINT_OK);
	assert_int_equal(tp_pages(pdf), 2);
	p1 = tp_text(pdf, 1);
	p2 = tp_text(pdf, 2);
	/* 12 a page: 11 with 様 and the organisation's 御中 on page 1. */
	assert_int_equal(tp_count(p1, "様"), 11);
	assert_int_equal(tp_count(p1, "御中"), 1);
	assert_non_null(strstr(p1, "NPO法人みどり 御中"));
	assert_int_equal(tp_count(p1, "NPO法人みどり"), 1);
	assert_non_null(strstr(p1, "株式会社サンプル"));
	assert_int_equal(tp_count(p1, "〒"), 12);
	assert_non_null(strstr(p1, "〒999-0000"));
	assert_int_equal(tp_count(p1, "髙﨑ビル①"), 12);
	assert_non_null(strstr(p1, "会員01 様"));
	assert_non_null(strstr(p1, "会員12 様"));
	assert_null(strstr(p1, "会員13"));
	assert_int_equal(tp_count(p2, "様"), 2);
	assert_non_null(strstr(p2, "会員13 様"));
	assert_non_null(strstr(p2, "会員14 様"));
	/* Reading order: row by row, 会員01 before 会員04. */
	assert_true(strstr(p1, "会員01") < strstr(p1, "会員04"));
	free(p1);
	free(p2);
	free(pdf);
}

static void
test_start_sort(void **state)
{
	struct print_error e;
	char	*pdf, *p1, *p2;

	lab_fill();
	/* Labels 1..10 of the sheet are used: two fit on page one. */
	assert_int_equal(lab_print(state, "s.pdf", "a4-12", 11,
	    PRINT_SORT_POSTAL, NLAB, &pdf, &e), PRINT_OK);
	assert_int_equal(tp_pages(pdf), 2);
	p1 = tp_text(pdf, 1);
	p2 = tp_text(pdf, 2);
	assert_int_equal(tp_count(p1, "〒"), 2);
	/* Postal codes descend with the number: M114 comes first. */
	assert_non_null(strstr(p1, "会員14 様"));
	assert_non_null(strstr(p1, "会員13 様"));
	assert_int_equal(tp_count(p2, "〒"), 12);
	assert_non_null(strstr(p2, "会員01 様"));
	free(p1);
	free(p2);
	free(pdf);
	assert_int_equal(lab_print(state, "t.pdf", "a4-24", 0,
	    PRINT_SORT_KANA, NLAB, &pdf, &e), PRINT_OK);
	assert_int_equal(tp_pages(pdf), 1);
	free(pdf);
}

/* The rendered page at 40 dpi: every pixel of the gaps between labels is
 * white, and every label has ink. */
static void
test_gaps_blank(void **state)
{
	struct print_error e;
	char	*pdf, *pgm;
	unsigned char *px;
	int	 w, h, x, y, col, row, ink;
	const double dpmm = 40 / 25.4;
	FILE	*fp;

	char	 huge[9100] = "";
	int	 k;

	lab_fill();
	/* An address far too long for its label stays inside it. */
	for (k = 0; k < 300; k++)
		strcat(huge, "東京都千代田区千代田");
	lab_members[4].v[5] = huge;
	/* 3 x 4 labels of 60 x 50 mm: gaps of 9 mm across, 12 mm down. */
	assert_int_equal(lab_print(state, "g.pdf",
	    "grid:3x4:60x50mm:30.5x6mm", 0, PRINT_SORT_NONE, 12, &pdf, &e),
	    PRINT_OK);
	pgm = tp_path(state, "g");
	free(tp_run("pdftoppm -r 40 -gray -singlefile '%s' '%s'", pdf, pgm));
	free(pgm);
	pgm = tp_path(state, "g.pgm");
	fp = fopen(pgm, "rb");
	assert_non_null(fp);
	assert_int_equal(fscanf(fp, "P5 %d %d 255", &w, &h), 2);
	fgetc(fp);
	px = xmalloc((size_t)w * h);
	assert_int_equal(fread(px, 1, (size_t)w * h, fp), (size_t)w * h);
	fclose(fp);
	for (col = 0; col < 2; col++)	/* the gaps across */
		for (x = (int)((6 + 60 * (col + 1) + 9 * col + 1) * dpmm);
		    x < (int)((6 + 69 * (col + 1) - 1) * dpmm); x++)
			for (y = 0; y < h; y++)
				assert_int_equal(px[y * w + x], 255);
	for (row = 0; row < 3; row++)	/* the gaps down */
		for (y = (int)((30.5 + 50 * (row + 1) + 12 * row + 1) * dpmm);
		    y < (int)((30.5 + 62 * (row + 1) - 1) * dpmm); y++)
			for (x = 0; x < w; x++)
				assert_int_equal(px[y * w + x], 255);
	for (row = 0; row < 4; row++)
		for (col = 0; col < 3; col++) {
			ink = 0;
			for (y = (int)((30.5 + 62 * row) * dpmm);
			    y < (int)((30.5 + 62 * row + 50) * dpmm); y++)
				for (x = (int)((6 + 69 * col) * dpmm);
				    x < (int)((6 + 69 * col + 60) * dpmm); x++)
					ink += px[y * w + x] < 128;
			assert_true(ink > 50);
		}
	free(px);
	free(pgm);
	free(pdf);
}

static void
test_refused(void **state)
{
	struct print_error e;
	char	*pdf;
	static const char *const bad[] = {
		"a4-13", "grid:0x4:60x50mm:0x0mm", "grid:3x4:60x50:0x0mm",
		"grid:4x1:60x50mm:0x0mm", "grid:3x4:60x50mm:30.5x6mm junk",
	};
	size_t	 i;

	lab_fill();
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(lab_print(state, "r.pdf", bad[i], 0,
		    PRINT_SORT_NONE, 3, &pdf, &e), PRINT_USAGE);
		assert_non_null(strstr(e.msg, "layout"));
		assert_int_equal(access(pdf, F_OK), -1);
		free(pdf);
	}
	assert_int_equal(lab_print(state, "r.pdf", "a4-12", 13,
	    PRINT_SORT_NONE, 3, &pdf, &e), PRINT_USAGE);
	assert_string_equal(e.msg, "--start 13: the sheet has labels 1 to 12");
	free(pdf);
	/* A character no font draws: named, and no file at all. */
	lab_members[9].v[5] = "東京都\xf0\xab\xa0\x9d町";
	assert_int_equal(lab_print(state, "r.pdf", NULL, 0, PRINT_SORT_NONE,
	    NLAB, &pdf, &e), PRINT_DATA);
	assert_string_equal(e.msg, "member M110: address: no installed font "
	    "can draw \"\xf0\xab\xa0\x9d\" (U+2B81D)");
	assert_int_equal(access(pdf, F_OK), -1);
	assert_int_equal(tp_entries(*state), 0);	/* no temporary file */
	free(pdf);
	/* An existing file is left as it was. */
	pdf = tp_path(state, "keep.pdf");
	fclose(fopen(pdf, "w"));
	free(pdf);
	assert_int_equal(lab_print(state, "keep.pdf", NULL, 0,
	    PRINT_SORT_NONE, NLAB, &pdf, &e), PRINT_DATA);
	assert_int_equal(tp_pages(pdf), 0);
	free(pdf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_a4_12, tp_setup,
		    tp_teardown),
		cmocka_unit_test_setup_teardown(test_start_sort, tp_setup,
		    tp_teardown),
		cmocka_unit_test_setup_teardown(test_gaps_blank, tp_setup,
		    tp_teardown),
		cmocka_unit_test_setup_teardown(test_refused, tp_setup,
		    tp_teardown),
	};

	setenv("LANGUAGE", "C", 1);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
