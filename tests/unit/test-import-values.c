/* test-import-values.c -- the cell value parsers: dates in every accepted
 * form, numbers, booleans, trimming, line ends, the formula guard, NFKC. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <uninorm.h>

#include "import/import-int.h"

static void
date_ok(const char *in, const char *want)
{
	char	out[STORE_DATE_SIZE], why[512];

	if (store_date_parse(in, out, why, sizeof why) != 0)
		fail_msg("%s: %s", in, why);
	assert_string_equal(out, want);
}

static void
date_bad(const char *in, const char *want_why)
{
	char	out[STORE_DATE_SIZE], why[512];

	assert_int_equal(store_date_parse(in, out, why, sizeof why), -1);
	assert_string_equal(why, want_why);
}

static void
test_dates(void **state)
{
	(void)state;
	unsetenv("TZ");
	date_ok("2026-02-20", "2026-02-20");
	date_ok("2026/2/20", "2026-02-20");
	date_ok("2026.2.20", "2026-02-20");
	date_ok("2026年2月20日", "2026-02-20");
	date_ok("２０２６年２月２０日", "2026-02-20");
	date_ok("令和8年2月20日", "2026-02-20");
	date_ok("令和元年5月1日", "2019-05-01");
	date_ok("R8.2.20", "2026-02-20");
	date_ok("平成31年4月30日", "2019-04-30");
	date_ok("H1/1/8", "1989-01-08");
	date_ok("昭和64年1月7日", "1989-01-07");
	date_ok("2026/2/20 0:00", "2026-02-20");
	date_ok("2026/2/20 23:59:59", "2026-02-20");
	date_ok("2026年2月20日(金)", "2026-02-20");
	date_ok("2026-02-20 (Fri)", "2026-02-20");
	date_ok("2024-02-29", "2024-02-29");
	date_ok("1000-01-01", "1000-01-01");
	date_ok("2000-02-29", "2000-02-29");
	date_bad("0999-12-31", "\"0999-12-31\" is not a date");
	date_bad("1900-02-29", "\"1900-02-29\" is not a date");
	date_bad("2026-00-10", "\"2026-00-10\" is not a date");
	date_bad("2026-01-00", "\"2026-01-00\" is not a date");
	date_bad("2026-1a-01", "\"2026-1a-01\" is not a date");
	/* A zone converts to the Tokyo date when TZ is unset ... */
	date_ok("2026-02-19T20:00:00Z", "2026-02-20");
	date_ok("2026-02-19T14:59:59Z", "2026-02-19");
	date_ok("2026-02-20T00:30:00+09:00", "2026-02-20");
	date_ok("2026-02-20T23:30:00-05:00", "2026-02-21");
	/* ... and to the $TZ date when it is set. */
	setenv("TZ", "UTC", 1);
	date_ok("2026-02-19T20:00:00Z", "2026-02-19");
	date_ok("2026-02-20T01:00:00+09:00", "2026-02-19");
	unsetenv("TZ");
	/* Without a zone the date is the date written. */
	date_ok("2026-02-19T23:00:00", "2026-02-19");

	date_bad("2026/13/01", "\"2026/13/01\" is not a date");
	date_bad("2025-02-29", "\"2025-02-29\" is not a date");
	date_bad("2026/2/30", "\"2026/2/30\" is not a date");
	date_bad("26/2/20", "\"26/2/20\" is not a date");
	date_bad("2026/2-20", "\"2026/2-20\" is not a date");
	date_bad("2026年2月20", "\"2026年2月20\" is not a date");
	date_bad("2026-02-20x", "\"2026-02-20x\" is not a date");
	date_bad("2/20/2026", "\"2/20/2026\" is not a date");
	date_bad("平成31年5月1日", "\"平成31年5月1日\" is not a date: 平成 runs "
	    "from 1989-01-08 to 2019-04-30");
	date_bad("令和1年4月30日", "\"令和1年4月30日\" is not a date: 令和 runs "
	    "from 2019-05-01 to 9999-12-31");
	date_bad("46073", "\"46073\" is not a date (an Excel serial number? "
	    "format the column as a date before saving)");
	date_bad("2026年2月20日(土)", "\"2026年2月20日(土)\" is not a date: "
	    "2026-02-20 is not a 土");
	date_bad("2026-02-20T25:00", "\"2026-02-20T25:00\" is not a date");
}

static void
test_numbers(void **state)
{
	long	v;
	char	why[256];

	(void)state;
	assert_int_equal(store_int_parse("42", 0, 100, &v, why, sizeof why), 0);
	assert_int_equal(v, 42);
	assert_int_equal(store_int_parse("４２", 0, 100, &v, why, sizeof why), 0);
	assert_int_equal(v, 42);
	assert_int_equal(store_int_parse("1,234", 0, 9999, &v, why, sizeof why), 0);
	assert_int_equal(v, 1234);
	assert_int_equal(store_int_parse("30名", 0, 100, &v, why, sizeof why), 0);
	assert_int_equal(v, 30);
	assert_int_equal(store_int_parse("5回", 0, 100, &v, why, sizeof why), 0);
	assert_int_equal(v, 5);
	assert_int_equal(store_int_parse("12,34", 0, 9999, &v, why, sizeof why), -1);
	assert_string_equal(why, "\"12,34\" is not a number");
	assert_int_equal(store_int_parse("-1", 0, 100, &v, why, sizeof why), -1);
	assert_int_equal(store_int_parse("abc", 0, 100, &v, why, sizeof why), -1);
	assert_int_equal(store_int_parse("3.5", 0, 100, &v, why, sizeof why), -1);
	assert_int_equal(store_int_parse("101", 0, 100, &v, why, sizeof why), -1);
	assert_string_equal(why, "\"101\" is out of range (0 to 100)");
	assert_int_equal(store_int_parse("99999999999999999999", 0, INT32_MAX, &v, why,
	    sizeof why), -1);
}

static void
test_bools(void **state)
{
	static const char *const yes[] = { "1", "true", "TRUE", "yes", "はい",
	    "○", "する", "配信停止", NULL };
	static const char *const no[] = { "", "0", "false", "No", "いいえ", "×",
	    "しない", NULL };
	bool	b;
	size_t	i;

	(void)state;
	for (i = 0; yes[i] != NULL; i++) {
		assert_int_equal(store_bool_parse(yes[i], &b), 0);
		assert_true(b);
	}
	for (i = 0; no[i] != NULL; i++) {
		assert_int_equal(store_bool_parse(no[i], &b), 0);
		assert_false(b);
	}
	assert_int_equal(store_bool_parse("たぶん", &b), -1);
}

static void
test_trim_crlf_guard(void **state)
{
	char	buf[64], *p;
	size_t	n;

	(void)state;
	strcpy(buf, "\xE3\x80\x80 \t山田\xE3\x80\x80 ");
	n = strlen(buf);
	p = val_trim(buf, &n);
	assert_string_equal(p, "山田");
	assert_int_equal(n, strlen("山田"));
	strcpy(buf, "山田 太郎");	/* inner spaces stay */
	n = strlen(buf);
	assert_string_equal(val_trim(buf, &n), "山田 太郎");

	strcpy(buf, "a\r\nb\rc\nd");
	n = strlen(buf);
	val_crlf(buf, &n);
	assert_string_equal(buf, "a\nb\nc\nd");
	assert_int_equal(n, 7);

	assert_true(val_guarded("=1+2"));
	assert_true(val_guarded("+81"));
	assert_true(val_guarded("-3"));
	assert_true(val_guarded("@SUM"));
	assert_true(val_guarded("\tx"));
	assert_true(val_guarded("\rx"));
	assert_true(val_guarded("''=x"));
	assert_false(val_guarded("'x"));
	assert_false(val_guarded("a=b"));
	strcpy(buf, "'=1");
	n = 3;
	val_unguard(buf, &n);
	assert_string_equal(buf, "=1");
	strcpy(buf, "'x");
	n = 2;
	val_unguard(buf, &n);
	assert_string_equal(buf, "'x");
	strcpy(buf, "'''=x");
	n = 5;
	val_unguard(buf, &n);
	assert_string_equal(buf, "''=x");
}

static void
test_nfkc(void **state)
{
	char	out[64];

	(void)state;
	assert_int_equal(store_nfkc("ﾔﾏﾀﾞ ﾀﾛｳ", strlen("ﾔﾏﾀﾞ ﾀﾛｳ"), out,
	    sizeof out), (long)strlen("ヤマダ タロウ"));
	assert_string_equal(out, "ヤマダ タロウ");
	store_nfkc("Ｍ００１", strlen("Ｍ００１"), out, sizeof out);
	assert_string_equal(out, "M001");
	store_nfkc("plain", 5, out, sizeof out);
	assert_string_equal(out, "plain");
	assert_int_equal(store_nfkc("㍿㍿㍿", strlen("㍿㍿㍿"), out, 8), -2);
	assert_true(val_has_ctl("a\nb", 3, false));
	assert_false(val_has_ctl("a\nb", 3, true));
	assert_true(val_has_ctl("a\x01", 2, true));
	/* long values: a control character anywhere among 8-byte steps */
	{
		char	 v[64];
		size_t	 at, len;

		for (len = 1; len < sizeof v; len++) {
			memset(v, 'x', len);
			memcpy(v, "山田", len >= 6 ? 6 : 0);
			assert_false(val_has_ctl(v, len, false));
			for (at = 0; at < len; at++) {
				memset(v, 'x', len);
				v[at] = '\x7f';
				assert_true(val_has_ctl(v, len, true));
				v[at] = '\x1f';
				assert_true(val_has_ctl(v, len, true));
				v[at] = '\n';
				assert_true(val_has_ctl(v, len, false));
				assert_false(val_has_ctl(v, len, true));
			}
		}
	}
	assert_true(store_digits("00123"));
	assert_false(store_digits("12a"));
	assert_false(store_digits(""));
}

/* store_nfkc equals libunistring's NFKC on random mixes of the characters
 * its fast path maps alone and of ones it must not (combining marks,
 * half-width kana, compatibility characters), at every output size. */
static void
test_nfkc_fast(void **state)
{
	static const char *const pieces[] = { "a", "Z", " ", "-", "@", "\t",
	    "あ", "が", "ゔ", "ア", "ガ", "ヴ", "ヺ", "ー", "・", "、", "。", "々",
	    "山", "﨑", "髙", "\xE3\x80\x80", "Ａ", "１", "～", "ｱ", "ﾞ",
	    "\xE3\x82\x99", "\xCC\x81", "e", "①", "㍿", "Å", "\xE3\x82\x9A",
	    "か", "ｶ" };
	char		 in[128], out[128];
	uint8_t		*want;
	size_t		 n, len, wlen, size;
	unsigned	 seed = 777, round;
	long		 got;

	(void)state;
	for (round = 0; round < 5000; round++) {
		n = 0;
		for (;;) {
			seed = seed * 1103515245u + 12345u;
			len = strlen(pieces[(seed >> 16) % (round % 2 == 0 ?
			    21 : sizeof pieces / sizeof pieces[0])]);
			if (n + len + 1 > 40)
				break;
			memcpy(in + n, pieces[(seed >> 16) % (round % 2 == 0 ?
			    21 : sizeof pieces / sizeof pieces[0])], len);
			n += len;
		}
		in[n] = '\0';
		want = u8_normalize(UNINORM_NFKC, (const uint8_t *)in, n, NULL,
		    &wlen);
		assert_non_null(want);
		for (size = 1; size < 64; size++) {
			got = store_nfkc(in, n, out, size);
			if (wlen + 1 > size) {
				assert_int_equal(got, -2);
				continue;
			}
			assert_int_equal(got, (long)wlen);
			assert_memory_equal(out, want, wlen);
			assert_int_equal(out[wlen], '\0');
		}
		free(want);
	}
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_bools),
		cmocka_unit_test(test_trim_crlf_guard),
		cmocka_unit_test(test_nfkc),
		cmocka_unit_test(test_nfkc_fast),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
