/* test-store-fields.c -- the member field table: its orders match
 * DESIGN.md (show, CSV), tags are fixed and ascend, names are found by
 * key, label, header and alias, values print and parse as show and import
 * do. */

#include "test-store-util.h"

/* The keys of the rows in `show member` order (attr.NAME lines between
 * the two groups), joined by spaces. */
static void
show_order(char *out, size_t size)
{
	size_t	i, o = 0;
	int	late;

	out[0] = '\0';
	for (late = 0; late < 2; late++) {
		if (late)
			o += (size_t)snprintf(out + o, size - o, "attr.* ");
		for (i = 0; i < store_nfields; i++)
			if (((store_fields[i].flags &
			    STORE_FIELD_AFTER_ATTRS) != 0) == late)
				o += (size_t)snprintf(out + o, size - o, "%s ",
				    store_fields[i].key);
	}
}

static void
test_orders(void **state)
{
	char	buf[1024];
	size_t	i, o = 0;
	int	tag = 0;

	(void)state;
	show_order(buf, sizeof buf);
	/* DESIGN.md, "show member ID prints key: value lines in this order" */
	assert_string_equal(buf, "id name kana email phone postal_code "
	    "address organization segment status mail_opt_out joined_on "
	    "past_count past_last_date past_last_event attended total "
	    "last_date last_event attr.* notes version updated_at updated_by "
	    "accepted absent no_show cancelled ");
	for (i = 0; i < store_nfields; i++) {
		if (!(store_fields[i].flags & STORE_FIELD_CSV))
			continue;
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s,",
		    store_fields[i].csv);
	}
	assert_string_equal(buf, "member_id,name,kana,email,phone,"
	    "postal_code,address,organization,segment,status,mail_opt_out,"
	    "joined_on,notes,past_count,past_last_date,past_last_event,"
	    "attended,total,last_date,last_event,");
	/* tags are 1, 2, 3 ... along the table: the on-disk order */
	for (i = 0; i < store_nfields; i++) {
		if (store_fields[i].tag == 0)
			continue;
		assert_int_equal(store_fields[i].tag, ++tag);
		/* codec_member_row reads text up to the status */
		if (tag < 9)
			assert_int_equal(store_fields[i].slot, STORE_SLOT_STR);
		assert_false(store_fields[i].flags & STORE_FIELD_DERIVED &&
		    store_fields[i].mask != 0);
	}
	assert_int_equal(tag, 18);
	assert_string_equal(store_field_find("status")->key, "status");
	assert_int_equal(store_field_find("status")->tag, 9);
}

static void
test_find(void **state)
{
	(void)state;
	assert_string_equal(store_field_find("postal_code")->key,
	    "postal_code");
	assert_string_equal(store_field_find("postal-code")->key,
	    "postal_code");
	assert_string_equal(store_field_find("郵便番号")->key, "postal_code");
	assert_string_equal(store_field_find("〒")->key, "postal_code");
	assert_string_equal(store_field_find("会員種別")->key, "segment");
	assert_string_equal(store_field_find("ＳＥＧＭＥＮＴ")->key, "segment");
	assert_string_equal(store_field_find("member_id")->key, "id");
	assert_string_equal(store_field_find("合計参加回数(集計)")->key,
	    "total");
	assert_null(store_field_find("colour"));
	assert_null(store_field_find("attr.ランク"));
	assert_null(store_field_find(""));
}

static void
test_get_set(void **state)
{
	struct store_member		 m;
	struct store_stats		 s;
	struct store_member_view	 v = { &m, &s, "新年会" };
	const struct store_field	*f;
	char				 buf[64], why[256];

	(void)state;
	memset(&m, 0, sizeof m);
	memset(&s, 0, sizeof s);
	assert_int_equal(store_field_set(store_field_find("id"), &m,
	    "Ｍ００１", 0, why, sizeof why), 0);
	assert_string_equal(m.id, "M001");
	assert_int_equal(store_field_set(store_field_find("phone"), &m,
	    "０３－１２３４", 0, why, sizeof why), 0);
	assert_string_equal(m.phone, "03-1234");
	assert_int_equal(store_field_set(store_field_find("name"), &m,
	    "ＡＢＣ 髙橋", 0, why, sizeof why), 0);
	assert_string_equal(m.name, "ＡＢＣ 髙橋");	/* as written */
	assert_int_equal(store_field_set(store_field_find("kana"), &m,
	    "ﾔﾏﾀﾞ", 0, why, sizeof why), 0);
	assert_string_equal(m.kana, "ヤマダ");	/* a reading: NFKC */
	assert_int_equal(store_field_set(store_field_find("kana"), &m,
	    "ﾔﾏﾀﾞ", STORE_SET_AS_TYPED, why, sizeof why), 0);
	assert_string_equal(m.kana, "ﾔﾏﾀﾞ");
	assert_int_equal(store_field_set(store_field_find("joined_on"), &m,
	    "令和2年4月1日", 0, why, sizeof why), 0);
	assert_string_equal(m.joined_on, "2020-04-01");
	assert_int_equal(store_field_set(store_field_find("past_count"), &m,
	    "１２回", 0, why, sizeof why), 0);
	assert_int_equal(m.past_count, 12);
	assert_int_equal(store_field_set(store_field_find("配信停止"), &m,
	    "はい", 0, why, sizeof why), 0);
	assert_true(m.mail_opt_out);
	assert_int_equal(store_field_set(store_field_find("status"), &m,
	    "休会", 0, why, sizeof why), 0);
	assert_int_equal(m.status, STORE_MEMBER_SUSPENDED);
	assert_int_equal(store_field_set(store_field_find("notes"), &m,
	    "a\r\nb", 0, why, sizeof why), 0);
	assert_string_equal(m.notes, "a\nb");
	/* refusals leave the member as it was */
	assert_int_equal(store_field_set(store_field_find("segment"), &m,
	    "a\nb", 0, why, sizeof why), -1);
	assert_non_null(strstr(why, "line break"));
	assert_null(m.segment);
	assert_int_equal(store_field_set(store_field_find("joined_on"), &m,
	    "2020-13-01", 0, why, sizeof why), -1);
	assert_string_equal(m.joined_on, "2020-04-01");
	assert_int_equal(store_field_set(store_field_find("status"), &m,
	    "asleep", 0, why, sizeof why), -1);
	assert_non_null(strstr(why, "退会"));
	assert_int_equal(store_field_set(store_field_find("total"), &m,
	    "3", 0, why, sizeof why), -1);
	{
		char	long_line[STORE_LINE_MAX + 2];

		memset(long_line, 'a', sizeof long_line - 1);
		long_line[sizeof long_line - 1] = '\0';
		assert_int_equal(store_field_set(store_field_find("address"),
		    &m, long_line, 0, why, sizeof why), -1);
		assert_non_null(strstr(why, "1024"));
	}
	/* values as show and export print them */
	s.total = 7;
	snprintf(s.last_event, sizeof s.last_event, "E001");
	snprintf(s.last_date, sizeof s.last_date, "2026-01-10");
	f = store_field_find("mail_opt_out");
	assert_string_equal(store_field_get(f, &v, STORE_STYLE_SHOW, buf,
	    sizeof buf), "yes");
	assert_string_equal(store_field_get(f, &v, STORE_STYLE_CSV, buf,
	    sizeof buf), "1");
	f = store_field_find("last_event");
	assert_string_equal(store_field_get(f, &v, STORE_STYLE_SHOW, buf,
	    sizeof buf), "E001 新年会");
	assert_string_equal(store_field_get(f, &v, STORE_STYLE_CSV, buf,
	    sizeof buf), "E001");
	assert_string_equal(store_field_get(store_field_find("total"), &v,
	    STORE_STYLE_SHOW, buf, sizeof buf), "7");
	assert_string_equal(store_field_get(store_field_find("status"), &v,
	    STORE_STYLE_SHOW, buf, sizeof buf), "suspended");
	assert_string_equal(store_field_get(store_field_find("email"), &v,
	    STORE_STYLE_SHOW, buf, sizeof buf), "");
	store_member_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_orders),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_get_set),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
