/* test-print-pages.c -- letters, badges and the door list read back: one
 * page per letter with its QR decoding to the member ID (zbarimg), a
 * letter too long refused before any output, badge names shrunk but whole,
 * four badges to a sheet, the list in 五十音順 with page numbers. */

#include "test-print-util.h"

static const struct tp_member doc_members[] = {
	{ { "M001", "山田 太郎", "ヤマダ タロウ", NULL, NULL, NULL, "サンプル協会",
	    NULL, "総会", "2026-02-20" } },
	{ { "00123", "髙橋 花子", "タカハシ ハナコ", NULL, NULL, NULL, NULL, NULL,
	    "総会", "2026-02-20" } },
	{ { "M-003", "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末",
	    "ジュゲム", NULL, NULL, NULL, NULL, NULL, "総会", "2026-02-20" } },
	{ { "g7", "安藤 一", "アンドウ ハジメ", NULL, NULL, NULL, NULL, NULL,
	    "総会", "2026-02-20" } },
	{ { "M005", "𠮷田 ①", "ヨシダ", NULL, NULL, NULL, NULL, NULL, "総会",
	    "2026-02-20" } },
};
#define NDOC	(sizeof(doc_members) / sizeof(doc_members[0]))

static int
doc_print(void **state, struct print_job *job, const char *name, size_t n,
    char **path, struct print_error *e)
{
	struct tp_source ts;
	struct print_source src = tp_source(&ts, doc_members, n);
	struct print_result res;
	int	 rc;

	*path = tp_path(state, name);
	rc = print_pdf(job, &src, *path, &res, e);
	if (rc == PRINT_OK)
		assert_int_equal(res.pages, tp_pages(*path));
	return (rc);
}

/* The QR codes of page PAGE, one "QR-Code:ID" line each. */
static char *
doc_qr(void **state, const char *pdf, int page)
{
	char	*png = tp_path(state, "qr"), *out;

	free(tp_run("pdftoppm -r 150 -gray -png -singlefile -f %d -l %d "
	    "'%s' '%s'", page, page, pdf, png));
	out = tp_run("zbarimg -q '%s.png'", png);
	free(png);
	return (out);
}

static struct print_template *
doc_template(const char *text)
{
	struct tp_source ts;
	struct print_source src = tp_source(&ts, doc_members, NDOC);
	struct print_template *t;
	struct print_error e;

	assert_int_equal(print_template_parse(text, strlen(text), "t", 1,
	    &src, &t, &e), PRINT_OK);
	return (t);
}

static void
test_letters(void **state)
{
	struct print_template *t = doc_template(
	    "{{atena}}\n\n{{event.name}}のご案内（{{event.date_wareki}}）\n"
	    "会員番号 {{id}}\n");
	struct print_job job = { .kind = PRINT_LETTERS, .letter = t };
	struct print_error e;
	char	*pdf, *s;
	size_t	 i;

	assert_int_equal(doc_print(state, &job, "l.pdf", NDOC, &pdf, &e),
	    PRINT_OK);
	assert_int_equal(tp_pages(pdf), NDOC);
	for (i = 0; i < NDOC; i++) {
		char	 want[128];

		s = tp_text(pdf, (int)i + 1);
		snprintf(want, sizeof(want), "%s様", doc_members[i].v[1]);
		assert_non_null(strstr(s, want));
		assert_non_null(strstr(s, "総会のご案内（令和8年2月20日）"));
		free(s);
		s = doc_qr(state, pdf, (int)i + 1);
		snprintf(want, sizeof(want), "QR-Code:%s\n",
		    doc_members[i].v[0]);
		assert_string_equal(s, want);
		free(s);
	}
	free(pdf);
	print_template_free(t);
}

static void
test_letter_too_long(void **state)
{
	char	*text = xmalloc(2000), *pdf;
	struct print_template *t;
	struct print_job job = { .kind = PRINT_LETTERS };
	struct print_error e;
	size_t	 i;

	text[0] = '\0';
	for (i = 0; i < 70; i++)
		strcat(text, "{{name}}\n");
	t = doc_template(text);
	job.letter = t;
	assert_int_equal(doc_print(state, &job, "x.pdf", NDOC, &pdf, &e),
	    PRINT_DATA);
	assert_string_equal(e.msg,
	    "member M001: the letter is longer than one page");
	assert_int_equal(tp_entries(*state), 0);
	free(pdf);
	print_template_free(t);
	free(text);
}

static void
test_badges(void **state)
{
	struct print_job job = { .kind = PRINT_BADGES };
	struct print_error e;
	char	*pdf, *s;

	assert_int_equal(doc_print(state, &job, "a6.pdf", NDOC, &pdf, &e),
	    PRINT_OK);
	assert_int_equal(tp_pages(pdf), NDOC);
	s = tp_text(pdf, 3);
	/* The long name is there whole, on one line. */
	assert_non_null(strstr(s, doc_members[2].v[1]));
	free(s);
	s = doc_qr(state, pdf, 3);
	assert_string_equal(s, "QR-Code:M-003\n");
	free(s);
	s = tp_text(pdf, 5);
	assert_non_null(strstr(s, "𠮷田 ①"));
	free(s);
	free(pdf);
	job.layout = "a4-4";
	assert_int_equal(doc_print(state, &job, "a4.pdf", NDOC, &pdf, &e),
	    PRINT_OK);
	assert_int_equal(tp_pages(pdf), 2);
	s = doc_qr(state, pdf, 1);
	assert_int_equal(tp_count(s, "QR-Code:"), 4);
	assert_non_null(strstr(s, "QR-Code:00123\n"));
	assert_non_null(strstr(s, "QR-Code:g7\n"));
	free(s);
	free(pdf);
	job.layout = "a5";
	assert_int_equal(doc_print(state, &job, "a5.pdf", NDOC, &pdf, &e),
	    PRINT_USAGE);
	assert_int_equal(tp_entries(*state), 3);	/* 2 PDFs and qr.png */
	free(pdf);
}

/* Page numbers "N / M" (pdftotext may drop the thin spaces). */
static bool
doc_has_page(const char *text, int page, int pages)
{
	char	 a[32], b[32];

	snprintf(a, sizeof(a), "%d / %d\n", page, pages);
	snprintf(b, sizeof(b), "%d/%d\n", page, pages);
	return (strstr(text, a) != NULL || strstr(text, b) != NULL);
}

static void
test_list(void **state)
{
	struct tp_member many[65];
	char	 ids[65][16], names[65][32], kana[65][32];
	struct tp_source ts;
	struct print_source src = tp_source(&ts, many, 65);
	struct print_job job = { .kind = PRINT_LIST, .title =
	    "総会 2026-02-20" };
	struct print_result res;
	struct print_error e;
	char	*pdf = tp_path(state, "list.pdf"), *s;
	size_t	 i;

	/* Readings ア.. in reverse ID order: the list turns them round. */
	for (i = 0; i < 65; i++) {
		memset(&many[i], 0, sizeof(many[i]));
		snprintf(ids[i], 16, "M%03zu", i);
		snprintf(names[i], 32, "名前%03zu", 64 - i);
		snprintf(kana[i], 32, "あ%03zu", 64 - i);
		many[i].v[0] = ids[i];
		many[i].v[1] = names[i];
		many[i].v[2] = kana[i];
	}
	assert_int_equal(print_pdf(&job, &src, pdf, &res, &e), PRINT_OK);
	assert_int_equal(tp_pages(pdf), 3);
	s = tp_text(pdf, 1);
	assert_non_null(strstr(s, "総会 2026-02-20"));
	assert_true(doc_has_page(s, 1, 3));
	assert_non_null(strstr(s, "65"));
	assert_true(strstr(s, "名前000") < strstr(s, "名前001"));
	assert_non_null(strstr(s, "名前029"));
	assert_null(strstr(s, "名前030"));
	free(s);
	s = tp_text(pdf, 3);
	assert_true(doc_has_page(s, 3, 3));
	assert_non_null(strstr(s, "名前064"));
	assert_non_null(strstr(s, "総会 2026-02-20"));
	free(s);
	free(pdf);
	job.title = "\xee\x80\x80";
	pdf = tp_path(state, "bad.pdf");
	assert_int_equal(print_pdf(&job, &src, pdf, &res, &e), PRINT_DATA);
	assert_int_equal(access(pdf, F_OK), -1);
	free(pdf);
}

static void
test_nothing(void **state)
{
	struct print_job job = { .kind = PRINT_BADGES };
	struct print_error e;
	char	*pdf;

	assert_int_equal(doc_print(state, &job, "n.pdf", 0, &pdf, &e),
	    PRINT_DATA);
	assert_string_equal(e.msg, "no member to print");
	assert_int_equal(tp_entries(*state), 0);
	free(pdf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_letters, tp_setup,
		    tp_teardown),
		cmocka_unit_test_setup_teardown(test_letter_too_long, tp_setup,
		    tp_teardown),
		cmocka_unit_test_setup_teardown(test_badges, tp_setup,
		    tp_teardown),
		cmocka_unit_test_setup_teardown(test_list, tp_setup,
		    tp_teardown),
		cmocka_unit_test_setup_teardown(test_nothing, tp_setup,
		    tp_teardown),
	};

	setenv("LANGUAGE", "C", 1);
	setenv("SANKA_TODAY", "2026-02-21", 1);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
