/* test-tui-field.c -- the text field: UTF-8 editing and the visible part. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "tui/field.h"
#include "tui/width.h"

static void
test_edit(void **state)
{
	struct field	f;

	(void)state;
	width_set_ambiguous(1);
	field_init(&f);
	field_insert_str(&f, "山田");
	field_insert(&f, 0x3000);		/* ideographic space */
	field_insert_str(&f, "史郎");
	assert_string_equal(field_text(&f), "山田　史郎");
	field_backspace(&f);
	assert_string_equal(field_text(&f), "山田　史");
	field_left(&f);
	field_left(&f);
	field_insert(&f, 'X');
	assert_string_equal(field_text(&f), "山田X　史");
	field_delete(&f);
	assert_string_equal(field_text(&f), "山田X史");
	field_home(&f);
	field_delete(&f);
	assert_string_equal(field_text(&f), "田X史");
	field_end(&f);
	field_right(&f);
	field_insert_str(&f, "郎");
	assert_string_equal(field_text(&f), "田X史郎");
	field_home(&f);
	field_left(&f);
	field_backspace(&f);
	assert_string_equal(field_text(&f), "田X史郎");
	field_kill_end(&f);
	assert_string_equal(field_text(&f), "");
	field_set(&f, "yamada taro");
	field_kill_word(&f);
	assert_string_equal(field_text(&f), "yamada ");
	field_kill_word(&f);
	assert_string_equal(field_text(&f), "");
	field_set(&f, "ﾔﾏﾀﾞ");
	field_kill_line(&f);
	assert_string_equal(field_text(&f), "");
	field_free(&f);
}

static void
test_combining(void **state)
{
	struct field	f;

	(void)state;
	field_init(&f);
	field_set(&f, "か\xe3\x82\x99き");	/* か + U+3099 + き */
	field_left(&f);			/* before き */
	field_left(&f);			/* before か, with its mark */
	assert_int_equal(f.cur, 0);
	field_right(&f);
	assert_int_equal(f.cur, 6);
	field_home(&f);
	field_delete(&f);		/* か and its mark go together */
	assert_string_equal(field_text(&f), "き");
	field_free(&f);
}

static void
test_view(void **state)
{
	struct field	f;
	char		out[128];
	int		col;

	(void)state;
	width_set_ambiguous(1);
	field_init(&f);
	field_set(&f, "abc");
	field_view(&f, 10, out, sizeof out, &col);
	assert_string_equal(out, "abc       ");
	assert_int_equal(col, 3);
	/* Longer than the field: the end shows, the cursor after it. */
	field_set(&f, "山田史郎さん");	/* 12 columns */
	field_view(&f, 8, out, sizeof out, &col);
	assert_int_equal(width_str(out), 8);
	assert_true(col <= 7);
	assert_string_equal(out, "郎さん  ");
	assert_int_equal(col, 6);
	field_home(&f);
	field_view(&f, 8, out, sizeof out, &col);
	assert_string_equal(out, "山田史郎");
	assert_int_equal(col, 0);
	field_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit),
		cmocka_unit_test(test_combining),
		cmocka_unit_test(test_view),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
