/* test-store-filter.c -- the filter language: every operator, Japanese
 * labels, full-width input, quoting, any-of lists, the event words over a
 * real LMDB, and errors naming the bad word. */

#include "test-store-util.h"

static struct store_member	m;
static struct store_stats	s;

static void
member_fixture(void)
{
	store_member_free(&m);	/* the previous test's */
	memset(&m, 0, sizeof m);
	memset(&s, 0, sizeof s);
	snprintf(m.id, sizeof m.id, "M001");
	store_str_set(&m.name, "髙橋 一郎");
	store_str_set(&m.kana, "タカハシ イチロウ");
	store_str_set(&m.segment, "正会員");
	store_str_set(&m.organization, "ＡＢＣ商事");
	store_attr_set(&m, "ランク", "ゴールド");
	m.status = STORE_MEMBER_ACTIVE;
	m.past_count = 3;
	snprintf(m.joined_on, sizeof m.joined_on, "2020-04-01");
	s.attended = 2;
	s.total = 5;
	snprintf(s.last_date, sizeof s.last_date, "2026-01-18");
}

/* Does TEXT (one line) keep the fixture member?  ST for event words. */
static bool
keeps(struct store *st, const char *text)
{
	struct store_filter		*f;
	struct store_filter_error	 e;
	bool				 hit;

	if (store_filter_parse_line(st, text, &f, &e) != STORE_OK)
		fail_msg("%s: word %zu %s: %s", text, e.word, e.text, e.msg);
	hit = store_filter_match(f, &m, &s);
	store_filter_free(f);
	return (hit);
}

/* Parse TEXT, expecting RC; the bad word is number WORD. */
static void
refused(struct store *st, const char *text, int rc, size_t word,
    const char *msg_part)
{
	struct store_filter		*f = (void *)1;
	struct store_filter_error	 e;

	assert_int_equal(store_filter_parse_line(st, text, &f, &e), rc);
	assert_null(f);
	assert_int_equal(e.word, word);
	if (msg_part != NULL && strstr(e.msg, msg_part) == NULL)
		fail_msg("%s: \"%s\" lacks \"%s\"", text, e.msg, msg_part);
}

static void
test_operators(void **state)
{
	(void)state;
	member_fixture();
	assert_true(keeps(NULL, "segment=正会員"));
	assert_false(keeps(NULL, "segment=賛助会員"));
	assert_true(keeps(NULL, "segment!=賛助会員"));
	assert_false(keeps(NULL, "segment!=正会員"));
	assert_true(keeps(NULL, "total>=5 total<=5"));
	assert_false(keeps(NULL, "total>5"));
	assert_true(keeps(NULL, "total>4 total<6"));
	assert_false(keeps(NULL, "total<5"));
	assert_true(keeps(NULL, "past_count=3 attended=2"));
	assert_true(keeps(NULL, "organization=abc商事"));	/* width, case */
	assert_true(keeps(NULL, "kana=たかはしいちろう"));	/* kana, spaces */
	assert_true(keeps(NULL, "status=active mail_opt_out=no"));
	assert_true(keeps(NULL, "status!=退会"));
	assert_true(keeps(NULL, "last_date>=2026-01-01"));
	assert_false(keeps(NULL, "last_date<=2025-12-31"));
	assert_false(keeps(NULL, "last_event>=2000-01-01"));
	assert_false(keeps(NULL, "past_last_date>=2000-01-01"));	/* none */
	assert_true(keeps(NULL, "past_last_date="));	/* empty matches */
	assert_false(keeps(NULL, "segment="));
	assert_true(keeps(NULL, "attr.ランク=ゴールド"));
	assert_false(keeps(NULL, "attr.色=赤"));
	assert_true(keeps(NULL, "attr.色="));
	assert_true(keeps(NULL, ""));	/* no words: everyone */
}

static void
test_dates_as_csv(void **state)
{
	(void)state;
	member_fixture();
	assert_true(keeps(NULL, "joined_on=2020/4/1"));
	assert_true(keeps(NULL, "joined_on=令和2年4月1日"));
	assert_true(keeps(NULL, "joined_on>=2020年3月31日"));
	assert_false(keeps(NULL, "joined_on>2020-04-01"));
}

static void
test_any_of(void **state)
{
	(void)state;
	member_fixture();
	assert_true(keeps(NULL, "segment=賛助会員,正会員"));
	assert_false(keeps(NULL, "segment=賛助会員,一般"));
	assert_false(keeps(NULL, "segment!=賛助会員,正会員"));
	assert_true(keeps(NULL, "segment!=賛助会員,一般"));
	assert_true(keeps(NULL, "status=休会,active"));
	assert_true(keeps(NULL, "total=1,5"));
}

static void
test_labels_and_width(void **state)
{
	(void)state;
	member_fixture();
	assert_true(keeps(NULL, "会員種別=正会員"));
	assert_true(keeps(NULL, "会員状態=有効"));
	assert_true(keeps(NULL, "参加回数>=5"));
	assert_true(keeps(NULL, "過去の参加回数＝３"));
	assert_true(keeps(NULL, "ｔｏｔａｌ＞＝５"));
	assert_true(keeps(NULL, "total＜＝５　segment＝正会員"));
	assert_true(keeps(NULL, "member_id=m001"));	/* the CSV header */
	assert_true(keeps(NULL, "ID=M001"));
}

static void
test_quoting(void **state)
{
	(void)state;
	member_fixture();
	assert_true(keeps(NULL, "\"name=髙橋 一郎\""));
	assert_true(keeps(NULL, "name=\"髙橋 一郎\""));
	assert_true(keeps(NULL, "name=\"高橋 一郎\""));	/* variant kanji */
	assert_false(keeps(NULL, "name=\"髙橋 二郎\""));
	store_str_set(&m.organization, "山田, 田中 事務所");
	assert_true(keeps(NULL, "organization=\"山田, 田中 事務所\""));
	assert_true(keeps(NULL, "organization=\"山田, 田中 事務所\",別"));
	assert_false(keeps(NULL, "organization=山田,田中"));
	store_member_free(&m);
}

static void
test_status_named(void **state)
{
	struct store_filter		*f;
	struct store_filter_error	 e;
	char				*words[] = { "segment=正会員",
					    "会員状態=退会" };

	(void)state;
	assert_int_equal(store_filter_parse(NULL, words, 1, &f, &e),
	    STORE_OK);
	assert_false(store_filter_names(f, "status"));
	store_filter_free(f);
	assert_int_equal(store_filter_parse(NULL, words, 2, &f, &e),
	    STORE_OK);
	assert_true(store_filter_names(f, "status"));
	assert_false(store_filter_empty(f));
	store_filter_free(f);
}

static void
test_errors(void **state)
{
	(void)state;
	refused(NULL, "segment", STORE_INVALID, 1, "FIELD=VALUE");
	refused(NULL, "segment=正会員 colour=red", STORE_INVALID, 2, "colour");
	refused(NULL, "total>=many", STORE_INVALID, 1, "total");
	refused(NULL, "status>=active", STORE_INVALID, 1, "status");
	refused(NULL, "status=asleep", STORE_INVALID, 1, "asleep");
	refused(NULL, "mail_opt_out=maybe", STORE_INVALID, 1, "maybe");
	refused(NULL, "joined_on>=2026/13/01", STORE_INVALID, 1, "date");
	refused(NULL, "=x", STORE_INVALID, 1, NULL);
	refused(NULL, "attr.=x", STORE_INVALID, 1, "attr");
	refused(NULL, "total>=1 @regulars", STORE_NOTFOUND, 2,
	    "saved filter");
}

/* The event words against real attendance records. */
static void
test_event_words(void **state)
{
	struct ts	*t = *state;
	struct store	*st = t->st;

	ts_add_member(st, "M001", "髙橋 一郎", "タカハシ", 0, NULL);
	ts_add_member(st, "M002", "佐藤 花子", "サトウ", 0, NULL);
	ts_add_event(st, "E001", "新年会", "2026-01-10");
	ts_add_event(st, "E002", "総会", "2026-02-01");
	ts_mark(st, "E001", "M001", STORE_FINAL_ATTENDED);
	ts_mark(st, "E001", "M002", STORE_FINAL_NO_SHOW);
	assert_int_equal(store_invite(st, "E002", "M002"), STORE_OK);

	member_fixture();
	s.attended = 1;
	assert_true(keeps(st, "attended=E001"));
	assert_false(keeps(st, "not-attended=E001"));
	assert_false(keeps(st, "invited=E002"));
	assert_true(keeps(st, "attended=E002,E001"));
	assert_true(keeps(st, "attended=1"));	/* no event "1": the count */
	assert_true(keeps(st, "ａｔｔｅｎｄｅｄ＝Ｅ００１"));
	store_member_free(&m);
	snprintf(m.id, sizeof m.id, "M002");
	s.attended = 0;
	assert_false(keeps(st, "attended=E001"));
	assert_true(keeps(st, "not-attended=E001"));
	assert_true(keeps(st, "invited=E002"));
	assert_false(keeps(st, "never"));	/* past_count 0, but... */
	m.past_count = 0;
	assert_true(keeps(st, "never"));
	refused(st, "segment=x attended=E999", STORE_NOTFOUND, 2, "E999");
}

static int
member_free_last(void **state)
{
	(void)state;
	store_member_free(&m);
	return (0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_operators),
		cmocka_unit_test(test_dates_as_csv),
		cmocka_unit_test(test_any_of),
		cmocka_unit_test(test_labels_and_width),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_status_named),
		cmocka_unit_test(test_errors),
		cmocka_unit_test_setup_teardown(test_event_words, ts_setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, member_free_last));
}
