/* test-tui-cli.c -- the command line's value parsers and database location. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tui/cli.h"

static void
test_cli_date(void **state)
{
	static const struct {
		const char	*in, *out;
	} ok[] = {
		{ "2026-02-20", "2026-02-20" },
		{ "2026/2/20", "2026-02-20" },
		{ "2026/02/05", "2026-02-05" },
		{ "2026-2-5", "2026-02-05" },
		{ "2026年2月20日", "2026-02-20" },
		{ "２０２６／２／２０", "2026-02-20" },	/* full width */
		{ "2024-02-29", "2024-02-29" },		/* leap day */
		{ "", "" },				/* clears */
	};
	static const char *bad[] = {
		"2026/13/01", "2026-02-30", "2025-02-29", "2026-00-10",
		"2026-1-0", "26-02-20", "2026/2-20", "2026-02-20x",
		"2026-02-20 10:00", "20260220", "2026-002-01", "tomorrow",
		"2026年2月", "-2026-02-20",
	};
	char	out[STORE_DATE_SIZE];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		memset(out, 'x', sizeof out);
		assert_true(cli_date(ok[i].in, out));
		assert_string_equal(out, ok[i].out);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (cli_date(bad[i], out))
			fail_msg("\"%s\" taken as a date (%s)", bad[i], out);
	}
}

static void
test_cli_number(void **state)
{
	int32_t	n;

	(void)state;
	assert_true(cli_number("0", &n));
	assert_int_equal(n, 0);
	assert_true(cli_number("12", &n));
	assert_int_equal(n, 12);
	assert_true(cli_number("１２", &n));	/* full width */
	assert_int_equal(n, 12);
	assert_true(cli_number("", &n));
	assert_int_equal(n, 0);
	assert_true(cli_number("2147483647", &n));
	assert_int_equal(n, INT32_MAX);
	assert_false(cli_number("2147483648", &n));
	assert_false(cli_number("-1", &n));
	assert_false(cli_number("+1", &n));
	assert_false(cli_number("1.5", &n));
	assert_false(cli_number("3人", &n));
	assert_false(cli_number("many", &n));
}

static void
test_cli_bool(void **state)
{
	(void)state;
	assert_int_equal(cli_bool("yes"), 1);
	assert_int_equal(cli_bool("YES"), 1);
	assert_int_equal(cli_bool("true"), 1);
	assert_int_equal(cli_bool("1"), 1);
	assert_int_equal(cli_bool("はい"), 1);
	assert_int_equal(cli_bool("no"), 0);
	assert_int_equal(cli_bool("False"), 0);
	assert_int_equal(cli_bool("0"), 0);
	assert_int_equal(cli_bool("いいえ"), 0);
	assert_int_equal(cli_bool(""), 0);
	assert_int_equal(cli_bool("maybe"), -1);
	assert_int_equal(cli_bool("2"), -1);
}

static void
test_cli_dbdir(void **state)
{
	(void)state;
	assert_string_equal(cli_dbdir("/x/y"), "/x/y");
	setenv("SANKA_DB", "/from/env", 1);
	assert_string_equal(cli_dbdir("/x/y"), "/x/y");
	assert_string_equal(cli_dbdir(NULL), "/from/env");
	unsetenv("SANKA_DB");
	if (access("/var/lib/sanka", F_OK) == 0)
		skip();		/* a server install: that one wins */
	setenv("XDG_DATA_HOME", "/xdg", 1);
	assert_string_equal(cli_dbdir(NULL), "/xdg/sanka");
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/staff", 1);
	assert_string_equal(cli_dbdir(NULL), "/home/staff/.local/share/sanka");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_date),
		cmocka_unit_test(test_cli_number),
		cmocka_unit_test(test_cli_bool),
		cmocka_unit_test(test_cli_dbdir),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
