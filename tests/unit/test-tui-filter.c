/* test-tui-filter.c -- "segment=正会員 total>=3": parsing and matching. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "tui/filter.h"

static struct store_member	m;
static struct store_stats	st;

static int
setup(void **state)
{
	(void)state;
	memset(&m, 0, sizeof m);
	memset(&st, 0, sizeof st);
	snprintf(m.id, sizeof m.id, "M001");
	store_str_set(&m.name, "山田 史郎");
	store_str_set(&m.segment, "正会員");
	store_str_set(&m.organization, "ＡＢＣ商事");
	store_attr_set(&m, "ランク", "ゴールド");
	m.status = STORE_MEMBER_ACTIVE;
	m.past_count = 3;
	st.attended = 2;
	st.total = 5;
	snprintf(st.last_date, sizeof st.last_date, "2026-01-18");
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	store_member_free(&m);
	return (0);
}

static int
match(const char *text)
{
	struct filter	f;
	char		err[256];
	int		hit;

	if (filter_parse(&f, text, err, sizeof err) != 0)
		fail_msg("%s: %s", text, err);
	hit = filter_match(&f, &m, &st);
	filter_free(&f);
	return (hit);
}

static void
test_match(void **state)
{
	(void)state;
	assert_true(match("segment=正会員"));
	assert_false(match("segment=賛助会員"));
	assert_true(match("segment=正会員 total>=3"));
	assert_true(match("segment=正会員　total>=5"));	/* U+3000 */
	assert_false(match("segment=正会員 total>=6"));
	assert_true(match("total<=5 attended>=2 past_count=3"));
	assert_true(match("organization=abc商事"));	/* width, case */
	assert_true(match("status=active"));
	assert_true(match("status=有効"));
	assert_false(match("status=退会"));
	assert_true(match("mail_opt_out=no"));
	assert_true(match("last_date>=2026-01-01"));
	assert_false(match("last_date<=2025-12-31"));
	assert_false(match("joined_on>=2000-01-01"));	/* no date: no */
	assert_true(match("attr.ランク=ゴールド"));
	assert_false(match("attr.色=赤"));
	/* members who left or are on leave match only when asked for */
	m.status = STORE_MEMBER_LEFT;
	assert_false(match("segment=正会員"));
	assert_true(match("segment=正会員 status=退会"));
	m.status = STORE_MEMBER_SUSPENDED;
	assert_false(match("total>=1"));
	assert_true(match("status=休会"));
	m.status = STORE_MEMBER_ACTIVE;
}

static void
test_errors(void **state)
{
	struct filter	f;
	char		err[256];

	(void)state;
	assert_int_equal(filter_parse(&f, "", err, sizeof err), -1);
	assert_int_equal(filter_parse(&f, "segment", err, sizeof err), -1);
	assert_non_null(strstr(err, "segment"));
	assert_int_equal(filter_parse(&f, "colour=red", err, sizeof err), -1);
	assert_non_null(strstr(err, "colour"));
	assert_int_equal(filter_parse(&f, "total>=many", err, sizeof err),
	    -1);
	assert_int_equal(filter_parse(&f, "total>3", err, sizeof err), -1);
	assert_int_equal(filter_parse(&f, "status>=active", err, sizeof err),
	    -1);
	assert_int_equal(filter_parse(&f, "status=asleep", err, sizeof err),
	    -1);
	assert_int_equal(filter_parse(&f, "segment=正会員 bad", err,
	    sizeof err), -1);
	assert_null(f.c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_match, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
