/* test-tui-locale.c -- Japanese by default (even with no LANG over SSH),
 * English on request; the catalogue really switches. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "store/i18n.h"
#include "tui/locale.h"

static char	dir[] = "/tmp/sanka-locale.XXXXXX";

/* The catalogue from po/ja.po into a private directory. */
static int
setup(void **state)
{
	char	cmd[512];

	(void)state;
	if (mkdtemp(dir) == NULL)
		return (-1);
	snprintf(cmd, sizeof cmd, "mkdir -p %s/ja/LC_MESSAGES && msgfmt -o "
	    "%s/ja/LC_MESSAGES/sanka.mo po/ja.po", dir, dir);
	if (system(cmd) != 0)
		return (-1);
	setenv("SANKA_LOCALEDIR", dir, 1);
	return (0);
}

static int
teardown(void **state)
{
	char	cmd[512];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

static void
env(const char *lang, const char *lc_all, const char *sanka_lang)
{
	unsetenv("LANGUAGE");
	unsetenv("LC_MESSAGES");
	unsetenv("LC_CTYPE");
	if (lang != NULL)
		setenv("LANG", lang, 1);
	else
		unsetenv("LANG");
	if (lc_all != NULL)
		setenv("LC_ALL", lc_all, 1);
	else
		unsetenv("LC_ALL");
	if (sanka_lang != NULL)
		setenv("SANKA_LANG", sanka_lang, 1);
	else
		unsetenv("SANKA_LANG");
}

static void
test_no_lang_is_japanese(void **state)
{
	char	warn[256];

	(void)state;
	/* SSH often sends no LANG: "C", not UTF-8, so C.UTF-8 and a
	 * warning, and Japanese although LC_MESSAGES was "C". */
	env(NULL, NULL, NULL);
	assert_int_equal(tui_locale_init(warn, sizeof warn), 1);
	assert_string_equal(_("Members"), "会員");
	assert_string_equal(_("The event attendance count will be updated. "
	    "Continue?"), "イベント参加回数を更新します。よろしいですか？");
	assert_non_null(strstr(warn, "C.UTF-8"));
}

static void
test_c_utf8_is_japanese(void **state)
{
	char	warn[256];

	(void)state;
	env(NULL, "C.UTF-8", NULL);
	assert_int_equal(tui_locale_init(warn, sizeof warn), 1);
	assert_string_equal(warn, "");
	assert_string_equal(_("Pending"), "未確定");
}

static void
test_messages_c_is_japanese(void **state)
{
	char	warn[256];

	(void)state;
	/* LC_CTYPE is UTF-8 but LC_MESSAGES is "C": glibc would ignore
	 * LANGUAGE=ja there, so LC_MESSAGES must become C.UTF-8. */
	env(NULL, NULL, NULL);
	setenv("LC_CTYPE", "C.UTF-8", 1);
	assert_int_equal(tui_locale_init(warn, sizeof warn), 1);
	assert_string_equal(warn, "");
	assert_string_equal(_("Reports"), "集計");
	unsetenv("LC_CTYPE");
}

static void
test_english(void **state)
{
	char	warn[256];

	(void)state;
	env(NULL, "C.UTF-8", "en");
	assert_int_equal(tui_locale_init(warn, sizeof warn), 0);
	assert_string_equal(_("Members"), "Members");
	env("en_US.UTF-8", NULL, NULL);
	assert_int_equal(tui_locale_init(warn, sizeof warn), 0);
	assert_string_equal(_("Pending"), "Pending");
	/* SANKA_LANG=ja wins over an English locale. */
	env("en_US.UTF-8", NULL, "ja");
	assert_int_equal(tui_locale_init(warn, sizeof warn), 1);
	assert_string_equal(_("Reports"), "集計");
	env("ja_JP.UTF-8", NULL, NULL);
	assert_int_equal(tui_locale_init(warn, sizeof warn), 1);
	assert_string_equal(_("Events"), "イベント");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_lang_is_japanese),
		cmocka_unit_test(test_c_utf8_is_japanese),
		cmocka_unit_test(test_messages_c_is_japanese),
		cmocka_unit_test(test_english),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
