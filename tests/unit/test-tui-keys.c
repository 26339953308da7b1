/* test-tui-keys.c -- the key table: lookup by context, help and footer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "tui/keys.h"
#include "tui/width.h"

#define PENDING	(KC_GLOBAL | KC_LIST | KC_MARK | KC_PENDING)
#define MEMBERS	(KC_GLOBAL | KC_LIST | KC_MEMBERS)
#define SEARCH	(MEMBERS | KC_SEARCH | KC_FIELD)
#define FORM	(KC_GLOBAL | KC_FORM | KC_FIELD)

static void
test_lookup(void **state)
{
	(void)state;
	assert_int_equal(keys_lookup(PENDING, 'a'), ACT_ATTENDED);
	assert_int_equal(keys_lookup(PENDING, 'n'), ACT_NO_SHOW);
	assert_int_equal(keys_lookup(MEMBERS, 'n'), ACT_ADD);
	assert_int_equal(keys_lookup(MEMBERS, '+'), ACT_ADD);
	assert_int_equal(keys_lookup(MEMBERS, 'a'), ACT_NONE);
	assert_int_equal(keys_lookup(PENDING, TK_CTRL('z')), ACT_UNDO);
	assert_int_equal(keys_lookup(PENDING, 'u'), ACT_UNDO);
	assert_int_equal(keys_lookup(PENDING, ' '), ACT_TAG);
	assert_int_equal(keys_lookup(PENDING, 'j'), ACT_DOWN);
	assert_int_equal(keys_lookup(PENDING, TK_DOWN), ACT_DOWN);
	assert_int_equal(keys_lookup(PENDING, TK_TAB), ACT_PANEL_NEXT);
	assert_int_equal(keys_lookup(PENDING, '3'), ACT_PANEL3);
	assert_int_equal(keys_lookup(PENDING, TK_CTRL('l')), ACT_REDRAW);
	/* A form takes Tab, Enter and Esc before the panels do. */
	assert_int_equal(keys_lookup(FORM, TK_TAB), ACT_NEXT_FIELD);
	assert_int_equal(keys_lookup(FORM, TK_ENTER), ACT_NEXT_FIELD);
	assert_int_equal(keys_lookup(FORM, TK_ESC), ACT_BACK);
	assert_int_equal(keys_lookup(FORM, TK_CTRL('s')), ACT_SAVE);
	assert_int_equal(keys_lookup(FORM, TK_HOME), ACT_LINE_START);
	/* In a search Home edits the line; Up and Down still move. */
	assert_int_equal(keys_lookup(SEARCH, TK_HOME), ACT_LINE_START);
	assert_int_equal(keys_lookup(SEARCH, TK_DOWN), ACT_DOWN);
	assert_int_equal(keys_lookup(SEARCH, TK_ENTER), ACT_OPEN);
	/* Dialogs see nothing of the panels. */
	assert_int_equal(keys_lookup(KC_DIALOG, 'y'), ACT_YES);
	assert_int_equal(keys_lookup(KC_DIALOG, TK_ENTER), ACT_CHOOSE);
	assert_int_equal(keys_lookup(KC_DIALOG, TK_ESC), ACT_NO);
	assert_int_equal(keys_lookup(KC_DIALOG, 'q'), ACT_NONE);
	assert_int_equal(keys_lookup(KC_DIALOG, '1'), ACT_NONE);
}

static void
test_text(void **state)
{
	(void)state;
	assert_true(keys_is_text('a'));
	assert_true(keys_is_text(' '));
	assert_true(keys_is_text(0x5c71));	/* 山 */
	assert_true(keys_is_text(0xff94));	/* ﾔ */
	assert_false(keys_is_text(0x1b));
	assert_false(keys_is_text(0x7f));
	assert_false(keys_is_text(TK_CTRL('z')));
	assert_false(keys_is_text(TK_ENTER));
	assert_false(keys_is_text(TK_F2));
	assert_false(keys_is_text(0x85));
}

static void
test_names(void **state)
{
	char	b[32];

	(void)state;
	assert_string_equal(keys_name('a', b, sizeof b), "a");
	assert_string_equal(keys_name(' ', b, sizeof b), "Space");
	assert_string_equal(keys_name(TK_CTRL('z'), b, sizeof b), "Ctrl-Z");
	assert_string_equal(keys_name(TK_PGDN, b, sizeof b), "PgDn");
	assert_string_equal(keys_name(TK_ENTER, b, sizeof b), "Enter");
	assert_string_equal(keys_name(TK_F2, b, sizeof b), "F2");
	assert_string_equal(keys_name(TK_BTAB, b, sizeof b), "S-Tab");
	assert_string_equal(keys_name(0x5c71, b, sizeof b), "山");
}

struct seen {
	char	lines[64][160];
	int	n;
};

static void
collect(const char *k, const char *label, void *arg)
{
	struct seen	*s = arg;

	if (s->n < 64)
		snprintf(s->lines[s->n++], 160, "%s=%s", k, label);
}

static int
has(const struct seen *s, const char *line)
{
	int	i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->lines[i], line) == 0)
			return (1);
	return (0);
}

static void
test_help(void **state)
{
	struct seen	s;

	(void)state;
	memset(&s, 0, sizeof s);
	keys_help(PENDING, collect, &s);
	assert_true(has(&s, "a=Attended"));
	assert_true(has(&s, "u/Ctrl-Z=Undo"));
	assert_true(has(&s, "Up/k=Up"));
	assert_true(has(&s, "g/Home=First"));
	assert_true(has(&s, "?/F1=Every key"));
	assert_true(has(&s, "q/Ctrl-C=Quit"));
	assert_true(has(&s, "Ctrl-L=Redraw the screen"));
	assert_false(has(&s, "n/+=New member"));
	/* Every row of the table acts somewhere: each action listed once. */
	memset(&s, 0, sizeof s);
	keys_help(FORM, collect, &s);
	assert_true(has(&s, "Enter/Tab/Down=Next field"));
	assert_true(has(&s, "Ctrl-S/F2=Save"));
	/* Tab is the form's; the panel switch does not list it. */
	assert_false(has(&s, "Tab=Next panel"));
	assert_true(has(&s, "S-Tab/Up=Previous field"));
	assert_true(has(&s, "F1=Every key"));
	assert_true(has(&s, "Ctrl-C=Quit"));
	assert_false(has(&s, "?/F1=Every key"));
}

static void
test_footer(void **state)
{
	char	buf[512];

	(void)state;
	keys_footer(PENDING, 200, buf, sizeof buf);
	assert_non_null(strstr(buf, "a Attended"));
	assert_non_null(strstr(buf, "Space Tag"));
	assert_int_equal(strncmp(buf, "? Every key", 11), 0);
	assert_null(strstr(buf, "Ctrl-Z"));	/* not a footer row */
	keys_footer(PENDING, 30, buf, sizeof buf);
	assert_true(width_str(buf) <= 30);
	assert_int_equal(strncmp(buf, "? Every key", 11), 0);
	keys_footer(PENDING, 5, buf, sizeof buf);
	assert_string_equal(buf, "");
	/* In a form printable keys are text: no "q" or "?" offered. */
	keys_footer(FORM, 200, buf, sizeof buf);
	assert_int_equal(strncmp(buf, "F1 Every key", 12), 0);
	assert_non_null(strstr(buf, "Ctrl-S Save"));
	assert_non_null(strstr(buf, "Ctrl-C Quit"));
	assert_null(strstr(buf, "q Quit"));
	/* In a search Space and letters are text too. */
	keys_footer(SEARCH, 200, buf, sizeof buf);
	assert_null(strstr(buf, "n New member"));
	assert_null(strstr(buf, "/ Search"));
	assert_non_null(strstr(buf, "Enter Open"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_footer),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
