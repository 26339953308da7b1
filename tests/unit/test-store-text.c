/* test-store-text.c -- folding, key folding, dates, today, status words. */

#include "test-store-util.h"

static void
assert_fold(const char *in, const char *want)
{
	char	*f;

	f = store_fold(in);
	assert_non_null(f);
	if (strcmp(f, want) != 0)
		fprintf(stderr, "fold(%s) = %s, want %s\n", in, f, want);
	assert_string_equal(f, want);
	free(f);
}

static void
assert_fold_same(const char *a, const char *b)
{
	char	*fa, *fb;

	fa = store_fold(a);
	fb = store_fold(b);
	assert_non_null(fa);
	assert_non_null(fb);
	if (strcmp(fa, fb) != 0)
		fprintf(stderr, "fold(%s) = %s but fold(%s) = %s\n", a, fa, b,
		    fb);
	assert_string_equal(fa, fb);
	free(fa);
	free(fb);
}

static void
test_fold(void **state)
{
	(void)state;
	assert_fold("やまだ", "やまだ");
	assert_fold("ヤマダ", "やまだ");
	assert_fold("ﾔﾏﾀﾞ", "やまだ");
	assert_fold_same("髙橋", "高橋");
	assert_fold_same("山﨑", "山崎");
	assert_fold_same("渡邊", "渡辺");
	assert_fold_same("渡邉", "渡辺");
	assert_fold_same("齋藤", "斎藤");
	assert_fold_same("齊藤", "斎藤");
	assert_fold_same("斉藤", "斎藤");
	assert_fold_same("濱田", "浜田");
	assert_fold_same("濵田", "浜田");
	assert_fold_same("澤田", "沢田");
	assert_fold_same("櫻井", "桜井");
	assert_fold_same("廣瀬", "広瀬");
	assert_fold_same("國分", "国分");
	assert_fold_same("嶋田", "島田");
	assert_fold_same("嶌田", "島田");
	assert_fold_same("冨田", "富田");
	assert_fold_same("惠子", "恵子");
	assert_fold_same("德川", "徳川");
	assert_fold("山田 史郎", "山田史郎");
	assert_fold("山田\xe3\x80\x80史郎", "山田史郎");
	assert_fold("ＹＡＭＡＤＡ　Taro", "yamadataro");
	assert_fold("M001", "m001");
	assert_fold("Ｍ００１", "m001");
	/* the wave dash and minus families */
	assert_fold_same("1\xe3\x80\x9c" "2", "1\xef\xbd\x9e" "2");
	assert_fold_same("1~2", "1\xe3\x80\x9c" "2");
	assert_fold_same("03-1234", "03\xe2\x88\x92" "1234");
	assert_fold_same("03-1234", "03\xef\xbc\x8d" "1234");
	assert_fold_same("03-1234", "03\xe2\x80\x90" "1234");
	assert_fold_same("03-1234", "03\xe2\x80\x91" "1234");
	assert_fold_same("03-1234", "03\xe2\x80\x93" "1234");
	assert_fold_same("03-1234", "03\xe2\x80\x94" "1234");
	/* the long vowel mark stays */
	assert_fold("ヤマダー", "やまだー");
	assert_fold("ｰ", "ー");
	assert_fold("ヴ", "ゔ");
	assert_fold("", "");
	assert_null(store_fold("\xff\xfe"));
}

/* The fast path (text that NFKC and case folding leave alone) and the
 * libunistring path agree: mixing in one slow character must not change
 * the fold of the rest. */
static void
test_fold_paths(void **state)
{
	static const char *const samples[] = {
		"山田太郎", "やまだたろう", "ヤマダタロウ", "Yamada Taro",
		"髙橋一郎", "佐々木", "abc-DEF_123", "ヷヸヹヺ", "ゕゖ",
		"スズキ　イチロウ", "Ｔｅｓｔ",
	};
	static const char *const pieces[] = { "あ", "ゔ", "ア", "ヴ", "ヵ",
	    "ヷ", "ー", "・", "々", "〆", "山", "髙", "﨑", "邊", "齋", "斉", "\xe3\x80\x80",
	    " ", "A", "z", "-", "〜", "ｱ", "①", "\xe3\x82\x99", "カ", "。" };
	const size_t npieces = sizeof pieces / sizeof pieces[0];
	char	buf[256], *a, *b, *p;
	size_t	i, n, len;
	unsigned seed = 5, round;

	(void)state;
	for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		/* U+FF21 (Ａ) forces the slow path; it folds to "a" */
		snprintf(buf, sizeof buf, "%s\xef\xbc\xa1", samples[i]);
		a = store_fold(samples[i]);
		b = store_fold(buf);
		assert_non_null(a);
		assert_non_null(b);
		p = b + strlen(b) - 1;
		assert_int_equal(*p, 'a');
		*p = '\0';
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	/* random mixes of kana, kanji (variants too), spaces, ASCII */
	for (round = 0; round < 3000; round++) {
		n = 0;
		for (;;) {
			seed = seed * 1103515245u + 12345u;
			len = strlen(pieces[(seed >> 16) % npieces]);
			if (n + len + 4 > sizeof buf)
				break;
			memcpy(buf + n, pieces[(seed >> 16) % npieces], len);
			n += len;
			if ((seed >> 8) % 16 == 0)
				break;
		}
		buf[n] = '\0';
		a = store_fold(buf);
		memcpy(buf + n, "\xef\xbc\xa1", 4);
		b = store_fold(buf);
		assert_non_null(a);
		assert_non_null(b);
		p = b + strlen(b) - 1;
		assert_int_equal(*p, 'a');
		*p = '\0';
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
}

/* Invisible format characters (issue 8): refused with their position by
 * the fold that makes keys, let through by the lookup that repairs. */
static void
test_key_invisible(void **state)
{
	static const char *const bad[] = {
		"M\xe2\x80\x8b" "001",	/* U+200B zero width space */
		"\xef\xbb\xbf" "M001",	/* U+FEFF a BOM inside a file */
		"M001\xe2\x80\x8f",	/* U+200F right-to-left mark */
		"M\xe2\x80\xae" "001",	/* U+202E right-to-left override */
		"M\xc2\xad" "001",	/* U+00AD soft hyphen */
	};
	static const char *const where[] = {
		"U+200B at character 2", "U+FEFF at character 1",
		"U+200F at character 5", "U+202E at character 2",
		"U+00AD at character 2",
	};
	struct store_error	err;
	char			out[STORE_ID_MAX + 1];
	size_t			i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&err, 0, sizeof err);
		assert_int_equal(store_key_fold(bad[i], out, "member_id", &err),
		    STORE_INVALID);
		assert_non_null(strstr(err.msg, where[i]));
		assert_int_equal(store_key_lookup(bad[i], out, "member_id",
		    &err), STORE_OK);
		assert_true(strlen(out) > 4);
	}
	/* a control character names its position too */
	assert_int_equal(store_key_fold("AB\x01", out, "member_id", &err),
	    STORE_INVALID);
	assert_non_null(strstr(err.msg, "U+0001 at character 3"));
	assert_int_equal(store_key_lookup("AB\x01", out, "member_id", &err),
	    STORE_INVALID);
}

static void
test_key_fold(void **state)
{
	struct store_error	err;
	char			out[STORE_ID_MAX + 1], big[100];

	(void)state;
	memset(&err, 0, sizeof err);
	assert_int_equal(store_key_fold("Ｍ００１", out, "member_id", &err),
	    STORE_OK);
	assert_string_equal(out, "M001");
	assert_int_equal(store_key_fold("  00123\xe3\x80\x80", out,
	    "member_id", &err), STORE_OK);
	assert_string_equal(out, "00123");
	assert_int_equal(store_key_fold("", out, "member_id", &err),
	    STORE_INVALID);
	assert_string_equal(err.field, "member_id");
	assert_non_null(strstr(err.msg, "member_id"));
	assert_int_equal(store_key_fold("M\t1", out, "event_code", &err),
	    STORE_INVALID);
	assert_string_equal(err.field, "event_code");
	assert_non_null(strstr(err.msg, "control"));
	/* a space inside a key (an ideographic one folds to it) is refused */
	assert_int_equal(store_key_fold("M\xe3\x80\x80" "017", out, "member_id",
	    &err), STORE_INVALID);
	assert_non_null(strstr(err.msg, "space"));
	assert_int_equal(store_key_fold("M 017", out, "member_id", &err),
	    STORE_INVALID);
	assert_int_equal(store_key_fold("M\xc3", out, "member_id", &err),
	    STORE_INVALID);
	assert_non_null(strstr(err.msg, "UTF-8"));
	memset(big, 'A', 64);
	big[64] = '\0';
	assert_int_equal(store_key_fold(big, out, "member_id", &err),
	    STORE_OK);
	big[64] = 'A';
	big[65] = '\0';
	assert_int_equal(store_key_fold(big, out, "member_id", &err),
	    STORE_INVALID);
	assert_non_null(strstr(err.msg, "64"));
	/* 22 full-width digits are 66 bytes, but 22 after NFKC */
	snprintf(big, sizeof big, "%s", "１２３４５６７８９０１２３４５６"
	    "７８９０１２");
	assert_int_equal(store_key_fold(big, out, "member_id", &err),
	    STORE_OK);
	assert_string_equal(out, "1234567890123456789012");
}

static void
test_dates(void **state)
{
	char	d[STORE_DATE_SIZE];

	(void)state;
	assert_true(store_date_valid("2026-02-20"));
	assert_true(store_date_valid("2024-02-29"));
	assert_true(store_date_valid("2000-02-29"));
	assert_false(store_date_valid("1900-02-29"));
	assert_false(store_date_valid("2026-02-29"));
	assert_false(store_date_valid("2026-02-30"));
	assert_false(store_date_valid("2026-13-01"));
	assert_false(store_date_valid("2026-04-31"));
	assert_false(store_date_valid("2026-4-1"));
	assert_false(store_date_valid("2026/04/01"));
	assert_false(store_date_valid(""));
	assert_false(store_date_valid(NULL));
	setenv("SANKA_TODAY", "2026-02-21", 1);
	store_today(d);
	assert_string_equal(d, "2026-02-21");
	unsetenv("SANKA_TODAY");
	store_today(d);
	assert_true(store_date_valid(d));
}

static void
test_words(void **state)
{
	(void)state;
	assert_int_equal(store_final_parse("attended"), STORE_FINAL_ATTENDED);
	assert_int_equal(store_final_parse("参加"), STORE_FINAL_ATTENDED);
	assert_int_equal(store_final_parse("出席"), STORE_FINAL_ATTENDED);
	assert_int_equal(store_final_parse(" 欠席 "), STORE_FINAL_ABSENT);
	assert_int_equal(store_final_parse("no-show"), STORE_FINAL_NO_SHOW);
	assert_int_equal(store_final_parse("no_show"), STORE_FINAL_NO_SHOW);
	assert_int_equal(store_final_parse("無断欠席"), STORE_FINAL_NO_SHOW);
	assert_int_equal(store_final_parse("canceled"), STORE_FINAL_CANCELLED);
	assert_int_equal(store_final_parse("ｷｬﾝｾﾙ"), STORE_FINAL_CANCELLED);
	assert_int_equal(store_final_parse(""), STORE_FINAL_PENDING);
	assert_int_equal(store_final_parse("未確定"), STORE_FINAL_PENDING);
	assert_int_equal(store_final_parse("ATTENDED"), STORE_FINAL_ATTENDED);
	assert_int_equal(store_final_parse("maybe"), -1);
	assert_int_equal(store_response_parse("参加予定"),
	    STORE_RESP_ACCEPTED);
	assert_int_equal(store_response_parse("出席予定"),
	    STORE_RESP_ACCEPTED);
	assert_int_equal(store_response_parse("不参加"), STORE_RESP_DECLINED);
	assert_int_equal(store_response_parse("未定"), STORE_RESP_TENTATIVE);
	assert_int_equal(store_response_parse("未回答"), STORE_RESP_NONE);
	assert_int_equal(store_response_parse("yes"), -1);
	assert_int_equal(store_member_status_parse("休会"),
	    STORE_MEMBER_SUSPENDED);
	assert_int_equal(store_member_status_parse("退会"), STORE_MEMBER_LEFT);
	assert_int_equal(store_member_status_parse("active"),
	    STORE_MEMBER_ACTIVE);
	assert_int_equal(store_member_status_parse("gone"), -1);
	assert_string_equal(store_final_word(STORE_FINAL_PENDING), "");
	assert_string_equal(store_final_word(STORE_FINAL_NO_SHOW), "no_show");
	assert_string_equal(store_final_label(STORE_FINAL_CANCELLED),
	    "キャンセル");
	assert_string_equal(store_response_word(STORE_RESP_NONE), "none");
	assert_string_equal(store_response_label(STORE_RESP_ACCEPTED),
	    "参加予定");
	assert_string_equal(store_member_status_word(STORE_MEMBER_LEFT),
	    "left");
	assert_string_equal(store_member_status_label(STORE_MEMBER_SUSPENDED),
	    "休会");
	assert_int_equal(store_exit_code(STORE_OK), 0);
	assert_int_equal(store_exit_code(STORE_CONFLICT), 1);
	assert_int_equal(store_exit_code(STORE_HASREFS), 1);
	assert_int_equal(store_exit_code(STORE_FULL), 3);
	assert_int_equal(store_exit_code(STORE_NODB), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_paths),
		cmocka_unit_test(test_key_fold),
		cmocka_unit_test(test_key_invisible),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_words),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
