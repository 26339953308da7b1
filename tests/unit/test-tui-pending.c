/* test-tui-pending.c -- the pending panel's order and filter. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tui/pending.h"

#define TODAY	"2026-02-21"

static struct pending_row
row(const char *event, const char *date, const char *member,
    const char *name, const char *kana, int response)
{
	struct store_att_row	r;
	struct pending_row	p;

	memset(&r, 0, sizeof r);
	snprintf(r.a.event, sizeof r.a.event, "%s", event);
	snprintf(r.a.member, sizeof r.a.member, "%s", member);
	snprintf(r.event_date, sizeof r.event_date, "%s", date);
	snprintf(r.event_name, sizeof r.event_name, "name of %s", event);
	snprintf(r.member_name, sizeof r.member_name, "%s", name);
	snprintf(r.member_kana, sizeof r.member_kana, "%s", kana);
	r.a.response = response;
	r.a.note = "borrowed";
	pending_row_set(&p, &r, TODAY);
	return (p);
}

static void
test_order(void **state)
{
	struct pending_row	v[9];
	const char		*want[9] = {
		/* up to today, newest first; same day by code */
		"E006/M002", "E006/M003", "E006/M001", "E006/M004",
		"E005/M001", "E001/M009",
		/* then the future, soonest first */
		"E007/M001", "E009/M001", "E008/M001",
	};
	size_t			 i;

	(void)state;
	v[0] = row("E008", "2026-04-01", "M001", "山田 史郎", "ヤマダ シロウ", 0);
	v[1] = row("E005", "2026-01-18", "M001", "山田 史郎", "ヤマダ シロウ", 0);
	v[2] = row("E006", "2026-02-20", "M001", "山田 史郎", "ヤマダ シロウ", 0);
	/* Readings in hiragana, half-width and katakana sort together. */
	v[3] = row("E006", "2026-02-20", "M002", "佐藤 花子", "さとう はなこ", 0);
	v[4] = row("E006", "2026-02-20", "M003", "髙橋 一郎", "ﾀｶﾊｼ ｲﾁﾛｳ", 0);
	v[5] = row("E006", "2026-02-20", "M004", "山田 太郎", "ヤマダ タロウ", 0);
	v[6] = row("E007", "2026-02-22", "M001", "山田 史郎", "ヤマダ シロウ", 0);
	v[7] = row("E001", "2024-05-01", "M009", "Smith", "", 0);
	v[8] = row("E009", "2026-02-28", "M001", "山田 史郎", "ヤマダ シロウ", 0);
	qsort(v, 9, sizeof v[0], pending_cmp);
	for (i = 0; i < 9; i++) {
		assert_memory_equal(v[i].event, want[i], 4);
		assert_string_equal(v[i].member, want[i] + 5);
	}
	/* Today's event counts as "up to today". */
	assert_true(v[0].past);
	assert_false(v[6].past);
}

static void
test_same_reading_by_id(void **state)
{
	struct pending_row	v[2];

	(void)state;
	v[0] = row("E006", "2026-02-20", "M010", "山田 史郎", "ヤマダ シロウ", 0);
	v[1] = row("E006", "2026-02-20", "M002", "山田 四郎", "やまだ しろう", 0);
	qsort(v, 2, sizeof v[0], pending_cmp);
	assert_string_equal(v[0].member, "M002");
	assert_string_equal(v[1].member, "M010");
}

static void
test_visible(void **state)
{
	struct pending_row	 a, d;
	char			*q;

	(void)state;
	a = row("E006", "2026-02-20", "M001", "山田 史郎", "ヤマダ シロウ",
	    STORE_RESP_ACCEPTED);
	d = row("E006", "2026-02-20", "M002", "髙橋 花子", "タカハシ ハナコ",
	    STORE_RESP_DECLINED);
	assert_true(pending_visible(&a, 0, NULL));
	assert_false(pending_visible(&d, 0, NULL));
	assert_true(pending_visible(&d, 1, ""));
	q = store_fold("やまだ");
	assert_true(pending_visible(&a, 0, q));
	assert_false(pending_visible(&d, 1, q));
	free(q);
	q = store_fold("高橋");
	assert_true(pending_visible(&d, 1, q));
	free(q);
	q = store_fold("e006");
	assert_true(pending_visible(&a, 0, q));
	free(q);
}

static void
test_key(void **state)
{
	struct pending_row	 a, b;
	const struct pending_row *pa = &a, *pb = &b;
	char			 key[160];

	(void)state;
	a = row("E006", "2026-02-20", "M001", "山田 史郎", "", 0);
	b = row("E006", "2026-03-01", "M001", "山田 史郎", "", 1);
	pending_key(&pa, key, sizeof key);
	assert_string_equal(key, "E006\tM001");
	assert_true(pending_same(&pa, &pb));
	b = row("E007", "2026-03-01", "M001", "山田 史郎", "", 1);
	assert_false(pending_same(&pa, &pb));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_same_reading_by_id),
		cmocka_unit_test(test_visible),
		cmocka_unit_test(test_key),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
