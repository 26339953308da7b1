/* test-tui-width.c -- the width function and truncation, ambiguous 1 and 2. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tui/width.h"

static char	out[256];

static int
amb1(void **state)
{
	(void)state;
	width_set_ambiguous(1);
	return (0);
}

static int
amb2(void **state)
{
	(void)state;
	width_set_ambiguous(2);
	return (0);
}

static void
test_widths_amb1(void **state)
{
	(void)state;
	assert_int_equal(width_str("abc"), 3);
	assert_int_equal(width_str("山田 史郎"), 9);
	assert_int_equal(width_str("ﾔﾏﾀﾞ"), 4);		/* half-width kana */
	assert_int_equal(width_str("か\xe3\x82\x99"), 2);	/* + U+3099 */
	assert_int_equal(width_str("→…■█①○"), 6);
	assert_int_equal(width_str("\x01\t"), 2);
	assert_int_equal(width_str("\xff" "a"), 2);		/* invalid byte */
	assert_int_equal(width_str(NULL), 0);
	assert_string_equal(width_ellipsis(), "…");
}

static void
test_widths_amb2(void **state)
{
	(void)state;
	assert_int_equal(width_ambiguous(), 2);
	assert_int_equal(width_str("abc"), 3);
	assert_int_equal(width_str("山田 史郎"), 9);
	assert_int_equal(width_str("ﾔﾏﾀﾞ"), 4);
	assert_int_equal(width_str("→…■█①○"), 12);
	assert_int_equal(width_uc(0x2460), 2);
	assert_int_equal(width_uc(0x3099), 0);
	assert_string_equal(width_ellipsis(), "..");
}

static void
test_env(void **state)
{
	(void)state;
	setenv("SANKA_AMBIGUOUS", "2", 1);
	width_init();
	assert_int_equal(width_ambiguous(), 2);
	setenv("SANKA_AMBIGUOUS", "1", 1);
	width_init();
	assert_int_equal(width_ambiguous(), 1);
	unsetenv("SANKA_AMBIGUOUS");
	width_init();
	assert_int_equal(width_ambiguous(), 1);
}

static void
test_fit_never_splits(void **state)
{
	int	c;

	(void)state;
	/* 5 columns of "山田太郎" (8): 山田 and a space for the straddling 太. */
	c = width_fit(out, sizeof out, "山田太郎", 5, WIDTH_PAD);
	assert_string_equal(out, "山田 ");
	assert_int_equal(c, 5);
	c = width_fit(out, sizeof out, "山田太郎", 5, 0);
	assert_string_equal(out, "山田");
	assert_int_equal(c, 4);
	c = width_fit(out, sizeof out, "山田太郎", 1, WIDTH_PAD);
	assert_string_equal(out, " ");
	c = width_fit(out, sizeof out, "山田太郎", 0, WIDTH_PAD);
	assert_string_equal(out, "");
	assert_int_equal(c, 0);
	/* A combining mark stays with its base. */
	c = width_fit(out, sizeof out, "か\xe3\x82\x99き", 2, 0);
	assert_string_equal(out, "か\xe3\x82\x99");
	assert_int_equal(c, 2);
}

static void
test_fit_ellipsis_amb1(void **state)
{
	int	c;

	(void)state;
	c = width_fit(out, sizeof out, "山田太郎", 8, WIDTH_ELLIPSIS);
	assert_string_equal(out, "山田太郎");	/* fits: no ellipsis */
	assert_int_equal(c, 8);
	c = width_fit(out, sizeof out, "山田太郎", 7, WIDTH_ELLIPSIS);
	assert_string_equal(out, "山田太…");
	assert_int_equal(c, 7);
	c = width_fit(out, sizeof out, "山田太郎", 6,
	    WIDTH_ELLIPSIS | WIDTH_PAD);
	assert_string_equal(out, "山田… ");
	assert_int_equal(c, 6);
	c = width_fit(out, sizeof out, "Yamada Shiro", 8,
	    WIDTH_ELLIPSIS | WIDTH_PAD);
	assert_string_equal(out, "Yamada …");
	assert_int_equal(width_str(out), 8);
	c = width_fit(out, sizeof out, "ab", 5, WIDTH_ELLIPSIS | WIDTH_PAD);
	assert_string_equal(out, "ab   ");
}

static void
test_fit_ellipsis_amb2(void **state)
{
	int	c;

	(void)state;
	c = width_fit(out, sizeof out, "山田太郎", 7, WIDTH_ELLIPSIS);
	assert_string_equal(out, "山田..");
	assert_int_equal(c, 6);
	c = width_fit(out, sizeof out, "山田太郎", 7,
	    WIDTH_ELLIPSIS | WIDTH_PAD);
	assert_string_equal(out, "山田.. ");
	assert_int_equal(c, 7);
	/* ① is two columns now: it does not fit into one. */
	c = width_fit(out, sizeof out, "a①b", 2, WIDTH_PAD);
	assert_string_equal(out, "a ");
	c = width_fit(out, sizeof out, "a①b", 3, WIDTH_PAD);
	assert_string_equal(out, "a①");
	assert_int_equal(c, 3);
	c = width_fit(out, sizeof out, "①②③", 5, WIDTH_ELLIPSIS);
	assert_string_equal(out, "①..");
	assert_int_equal(c, 4);
}

static void
test_fit_controls(void **state)
{
	(void)state;
	width_fit(out, sizeof out, "a\nb\x07" "c\xff", 10, 0);
	assert_string_equal(out, "a b?c?");
	/* A small buffer never gets half a character. */
	width_fit(out, 5, "山田", 10, 0);
	assert_string_equal(out, "山");
}

static void
test_columns_align(void **state)
{
	const char	*names[] = { "山田 史郎", "Smith John", "ﾔﾏﾀﾞ ﾀﾛｳ",
	    "髙橋 ①子", "とても長いお名前の会員さんです" };
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		width_fit(out, sizeof out, names[i], 12,
		    WIDTH_PAD | WIDTH_ELLIPSIS);
		assert_int_equal(width_str(out), 12);
	}
}

/* Wrapping: Japanese anywhere (never half a character), English after a
 * space, always at least one character. */
static void
test_wrap(void **state)
{
	(void)state;
	width_set_ambiguous(1);
	/* 6 columns: three kanji; 5 columns: two (the third would pass). */
	assert_int_equal(width_wrap("山田史郎", 6), 9);
	assert_int_equal(width_wrap("山田史郎", 5), 6);
	assert_int_equal(width_wrap("山田", 10), 6);
	/* A wide character wider than the line still moves on. */
	assert_int_equal(width_wrap("山", 1), 3);
	/* After the space: "hello " of "hello world" at 8. */
	assert_int_equal(width_wrap("hello world", 8), 6);
	/* A space early in the line is not worth breaking at. */
	assert_int_equal(width_wrap("a bcdefghij", 8), 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap),
		cmocka_unit_test_setup(test_widths_amb1, amb1),
		cmocka_unit_test_setup(test_widths_amb2, amb2),
		cmocka_unit_test_setup(test_env, amb1),
		cmocka_unit_test_setup(test_fit_never_splits, amb1),
		cmocka_unit_test_setup(test_fit_never_splits, amb2),
		cmocka_unit_test_setup(test_fit_ellipsis_amb1, amb1),
		cmocka_unit_test_setup(test_fit_ellipsis_amb2, amb2),
		cmocka_unit_test_setup(test_fit_controls, amb1),
		cmocka_unit_test_setup(test_columns_align, amb1),
		cmocka_unit_test_setup(test_columns_align, amb2),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
