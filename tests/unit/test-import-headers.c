/* test-import-headers.c -- header recognition: English, Japanese, kintone
 * names, width and space folding, a stray BOM, and the kind of a file. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "import/import-int.h"

#define M	IMPORT_KIND_MEMBERS
#define E	IMPORT_KIND_EVENTS
#define A	IMPORT_KIND_ATTENDANCE

static void
test_lookup(void **state)
{
	(void)state;
	assert_int_equal(hdr_lookup(M, "member_id"), HF_M_ID);
	assert_int_equal(hdr_lookup(M, "会員ID"), HF_M_ID);
	assert_int_equal(hdr_lookup(M, "会員番号"), HF_M_ID);
	assert_int_equal(hdr_lookup(M, "会員No."), HF_M_ID);
	assert_int_equal(hdr_lookup(M, "ＩＤ"), HF_M_ID);
	assert_int_equal(hdr_lookup(M, "Member ID"), HF_M_ID);
	assert_int_equal(hdr_lookup(M, "\xEF\xBB\xBF氏名"), HF_M_NAME);
	assert_int_equal(hdr_lookup(M, " 名前　"), HF_M_NAME);
	assert_int_equal(hdr_lookup(M, "顧客名"), HF_M_NAME);
	assert_int_equal(hdr_lookup(M, "姓"), HF_M_SEI);
	assert_int_equal(hdr_lookup(M, "名"), HF_M_MEI);
	assert_int_equal(hdr_lookup(M, "セイ"), HF_M_KSEI);
	assert_int_equal(hdr_lookup(M, "ﾌﾘｶﾞﾅ"), HF_M_KANA);
	assert_int_equal(hdr_lookup(M, "ふりがな"), HF_M_KANA);
	assert_int_equal(hdr_lookup(M, "E-mail"), HF_M_EMAIL);
	assert_int_equal(hdr_lookup(M, "携帯電話"), HF_M_PHONE);
	assert_int_equal(hdr_lookup(M, "団体名"), HF_M_ORG);
	assert_int_equal(hdr_lookup(M, "属性"), HF_M_SEGMENT);
	assert_int_equal(hdr_lookup(M, "状態"), HF_M_STATUS);
	assert_int_equal(hdr_lookup(M, "配信停止"), HF_M_OPTOUT);
	assert_int_equal(hdr_lookup(M, "過去の参加回数"), HF_M_PAST_COUNT);
	assert_int_equal(hdr_lookup(M, "参加回数"), HF_M_OLD_TOTAL);
	assert_int_equal(hdr_lookup(M, "最終参加日"), HF_M_OLD_DATE);
	assert_int_equal(hdr_lookup(M, "最終参加日(集計)"), HF_M_LAST_DATE);
	assert_int_equal(hdr_lookup(M, "最終参加日（集計）"), HF_M_LAST_DATE);
	assert_int_equal(hdr_lookup(M, "total"), HF_M_TOTAL);
	assert_int_equal(hdr_lookup(M, "レコード番号"), HF_RECNO);
	assert_int_equal(hdr_lookup(M, "レコードの開始行"), HF_START);
	assert_int_equal(hdr_lookup(M, "作成日時"), HF_SYSTEM);
	assert_int_equal(hdr_lookup(M, "更新者"), HF_SYSTEM);
	assert_int_equal(hdr_lookup(M, "attr.趣味"), HF_ATTR);
	assert_int_equal(hdr_lookup(M, "血液型"), HF_NONE);
	/* The same name means different fields in different kinds. */
	assert_int_equal(hdr_lookup(E, "name"), HF_E_NAME);
	assert_int_equal(hdr_lookup(A, "name"), HF_A_NAME);
	assert_int_equal(hdr_lookup(E, "日付"), HF_E_DATE);
	assert_int_equal(hdr_lookup(A, "日付"), HF_A_EVDATE);
	assert_int_equal(hdr_lookup(A, "備考"), HF_A_NOTE);
	assert_int_equal(hdr_lookup(M, "備考"), HF_M_NOTES);
	assert_int_equal(hdr_lookup(A, "出欠"), HF_A_FINAL);
	assert_int_equal(hdr_lookup(A, "参加状況"), HF_A_FINAL);
	assert_int_equal(hdr_lookup(A, "回答"), HF_A_RESPONSE);
	assert_int_equal(hdr_lookup(A, "招待日"), HF_A_INVITED);
	assert_int_equal(hdr_lookup(E, "定員"), HF_E_CAPACITY);
	assert_int_equal(hdr_lookup(E, "会場"), HF_E_VENUE);
	assert_int_equal(hdr_lookup(E, ""), HF_NONE);
}

static void
test_fold(void **state)
{
	char	out[64];

	(void)state;
	hdr_fold("\xEF\xBB\xBFMember_ID ", out, sizeof out);
	assert_string_equal(out, "memberid");
	hdr_fold("会員　番号", out, sizeof out);
	assert_string_equal(out, "会員番号");
	hdr_fold("ＥＭＡＩＬ", out, sizeof out);
	assert_string_equal(out, "email");
}

static enum import_kind
detect(const char *line)
{
	char		 buf[512], *cells[32], *p;
	size_t		 n = 0;

	snprintf(buf, sizeof buf, "%s", line);
	for (p = strtok(buf, ","); p != NULL && n < 32; p = strtok(NULL, ","))
		cells[n++] = p;
	return (hdr_detect(cells, n));
}

static void
test_detect(void **state)
{
	(void)state;
	assert_int_equal(detect("member_id,name,kana"), M);
	assert_int_equal(detect("会員番号,姓,名"), M);
	assert_int_equal(detect("レコード番号,氏名,メール"), M);
	assert_int_equal(detect("event_code,name,date"), E);
	assert_int_equal(detect("イベントコード,イベント名,開催日,会場"), E);
	assert_int_equal(detect("event_code,member_id,status"), A);
	assert_int_equal(detect("会員ID,イベント名,開催日,出欠"), A);
	assert_int_equal(detect("イベントコード,イベント名,開催日,会員ID,氏名"), A);
	assert_int_equal(detect("name,email"), IMPORT_KIND_AUTO);
}

static void
test_export_names(void **state)
{
	const struct store_field	*f;
	const enum hfield		*c;
	size_t				 i;
	enum hfield			 m;

	(void)state;
	/* Every column export writes is read back as the same field. */
	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (!(f->flags & STORE_FIELD_CSV))
			continue;
		m = hdr_lookup(M, f->csv);
		assert_int_not_equal(m, HF_NONE);
		assert_int_equal(hdr_lookup(M, f->csv_ja), m);
		assert_string_equal(hdr_name(m, false), f->csv);
		assert_string_equal(hdr_name(m, true), f->csv_ja);
		for (i = 0; f->aliases[i] != NULL; i++)
			assert_int_equal(hdr_lookup(M, f->aliases[i]), m);
	}
	for (c = hdr_export_columns(E); *c != HF_NONE; c++)
		for (i = 0; i < 2; i++)
			assert_int_equal(hdr_lookup(E, hdr_name(*c, i)), *c);
	for (c = hdr_export_columns(A); *c != HF_NONE; c++)
		for (i = 0; i < 2; i++)
			assert_int_equal(hdr_lookup(A, hdr_name(*c, i)), *c);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_export_names),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
