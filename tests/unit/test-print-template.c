/* test-print-template.c -- 和暦 dates around the era boundaries, {{...}}
 * templates (unknown and unclosed placeholders refused), and what the
 * installed fonts can draw. */

#include "test-print-util.h"

static void
assert_wareki(const char *date, const char *want)
{
	char	 out[PRINT_WAREKI_SIZE];

	assert_true(print_wareki(date, out));
	assert_string_equal(out, want);
}

static void
test_wareki(void **state)
{
	char	 out[PRINT_WAREKI_SIZE];

	(void)state;
	assert_wareki("2026-02-20", "令和8年2月20日");
	assert_wareki("2019-04-30", "平成31年4月30日");
	assert_wareki("2019-05-01", "令和元年5月1日");
	assert_wareki("2020-01-01", "令和2年1月1日");
	assert_wareki("1989-01-07", "昭和64年1月7日");
	assert_wareki("1989-01-08", "平成元年1月8日");
	assert_wareki("1926-12-24", "大正15年12月24日");
	assert_wareki("1926-12-25", "昭和元年12月25日");
	assert_wareki("1912-07-30", "大正元年7月30日");
	assert_wareki("1868-01-25", "明治元年1月25日");
	assert_false(print_wareki("1868-01-24", out));
	assert_string_equal(out, "");
	assert_false(print_wareki("2026-02-30", out));
	assert_false(print_wareki("", out));
	assert_false(print_wareki(NULL, out));
}

static const struct tp_member tpl_members[] = {
	{ { "M001", "山田 太郎", "ヤマダ タロウ", "taro@example.jp", NULL, NULL,
	    NULL, NULL, "総会", "2026-02-20" } },
	{ { "M002", "髙橋 花子", "タカハシ ハナコ", NULL, NULL, NULL, NULL,
	    NULL, "総会", "2019-05-01" } },
};

static void
test_expand(void **state)
{
	static const char text[] =
	    "{{atena}}\n{{ event.name }}は{{event.date_wareki}}です。"
	    "本日 {{today}} ({{today_wareki}}) ID {{id}}{{email}}.";
	struct tp_source ts;
	struct print_source src = tp_source(&ts, tpl_members, 2);
	struct print_template *t;
	struct print_error e;
	char	*s;

	(void)state;
	setenv("SANKA_TODAY", "2019-04-30", 1);
	assert_int_equal(print_template_parse(text, strlen(text), "t.txt", 1,
	    &src, &t, &e), PRINT_OK);
	s = print_template_expand(t, &src, 0);
	assert_string_equal(s, "山田 太郎様\n総会は令和8年2月20日です。"
	    "本日 2019-04-30 (平成31年4月30日) ID M001taro@example.jp.");
	free(s);
	s = print_template_expand(t, &src, 1);
	assert_string_equal(s, "髙橋 花子様\n総会は令和元年5月1日です。"
	    "本日 2019-04-30 (平成31年4月30日) ID M002.");
	free(s);
	print_template_free(t);
}

static void
assert_refused(const char *text, const char *want)
{
	struct tp_source ts;
	struct print_source src = tp_source(&ts, tpl_members, 2);
	struct print_template *t = (void *)1;
	struct print_error e;

	assert_int_equal(print_template_parse(text, strlen(text), "t.txt", 1,
	    &src, &t, &e), PRINT_DATA);
	assert_null(t);
	if (strstr(e.msg, want) == NULL)
		fprintf(stderr, "message \"%s\" lacks \"%s\"\n", e.msg, want);
	assert_non_null(strstr(e.msg, want));
}

static void
test_refused(void **state)
{
	(void)state;
	assert_refused("a\nb {{nmae}}", "t.txt:2: unknown placeholder {{nmae}}");
	assert_refused("{{name}} {{", "t.txt:1: {{ without }}");
	assert_refused("{{name\n}}", "t.txt:1: {{ without }}");
	assert_refused("{{}}", "unknown placeholder {{}}");
	assert_refused("{{name_wareki}}x{{bogus_wareki}}",
	    "unknown placeholder {{bogus_wareki}}");
	assert_refused("\xff\xfe", "t.txt: not UTF-8");
}

static void
test_glyphs(void **state)
{
	struct print_fonts *f;
	struct print_error e;

	(void)state;
	f = print_fonts_load(&e);
	assert_non_null(f);
	/* IPAex draws 髙 﨑 ①; 𠮷 only Noto CJK (checked with fc-list). */
	assert_int_equal(print_glyphs_check(f, "髙橋 﨑 ① 𠮷野家 ABC ﾔﾏﾀﾞ\n",
	    "M001", "name", &e), PRINT_OK);
	/* 葛󠄀: an ideographic variation selector needs no glyph of its own. */
	assert_int_equal(print_glyphs_check(f, "葛\xf3\xa0\x84\x80城",
	    "M001", "name", &e), PRINT_OK);
	/* U+2B81D (Extension D) is in neither font. */
	assert_int_equal(print_glyphs_check(f, "山\xf0\xab\xa0\x9d太",
	    "M007", "name", &e), PRINT_DATA);
	assert_string_equal(e.msg, "member M007: name: no installed font can "
	    "draw \"\xf0\xab\xa0\x9d\" (U+2B81D)");
	assert_int_equal(print_glyphs_check(f, "\xee\x80\x80", NULL,
	    "the title", &e), PRINT_DATA);
	assert_string_equal(e.msg, "the title: no installed font can draw "
	    "\"\xee\x80\x80\" (U+E000)");
	print_fonts_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wareki),
		cmocka_unit_test(test_expand),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_glyphs),
	};

	setenv("LANGUAGE", "C", 1);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
