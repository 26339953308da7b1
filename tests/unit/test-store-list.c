/* test-store-list.c -- member pages in every order and search at a few
 * thousand members, against brute force over store_member_each. */

#include <ctype.h>

#include "test-store-util.h"

#define NMEM	3000

static const char *const surnames[][2] = {
	{ "山田", "ヤマダ" }, { "山本", "ヤマモト" }, { "佐藤", "サトウ" },
	{ "髙橋", "タカハシ" }, { "高橋", "タカハシ" }, { "渡邊", "ワタナベ" },
	{ "斎藤", "サイトウ" }, { "齋藤", "サイトウ" }, { "Smith", "スミス" },
	{ "山崎", "ヤマザキ" },
};
static const char *const givens[][2] = {
	{ "史郎", "シロウ" }, { "花子", "ハナコ" }, { "太郎", "タロウ" },
	{ "一郎", "イチロウ" }, { "John", "ジョン" }, { "さくら", "サクラ" },
};

static unsigned
lcg(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16);
}

static int
list_setup(void **state)
{
	struct ts			*t;
	struct ts_src			 src;
	struct store_member		*m;
	struct store_import_result	 res;
	char				 buf[128];
	unsigned			 seed = 7, i, a, b;

	if (ts_setup(state) != 0)
		return (-1);
	t = *state;
	memset(&src, 0, sizeof src);
	m = calloc(NMEM, sizeof *m);
	for (i = 0; i < NMEM; i++) {
		a = lcg(&seed) % 10;
		b = lcg(&seed) % 6;
		/* IDs arrive out of order */
		if (i % 50 == 7)	/* IDs name_index holds, not members */
			snprintf(m[i].id, sizeof m[i].id, "m_%05u_x",
			    (i * 7919) % NMEM);
		else
			snprintf(m[i].id, sizeof m[i].id, "M%05u",
			    (i * 7919) % NMEM);
		if (i % 13 == 5)	/* three parts, spaces around */
			snprintf(buf, sizeof buf, "  %s\xe3\x80\x80ミドリ %s ",
			    surnames[a][0], givens[b][0]);
		else if (i % 13 == 6)	/* the same, folded by libunistring */
			snprintf(buf, sizeof buf, "%s ﾐﾄﾞﾘ\xe3\x80\x80%s",
			    surnames[a][0], givens[b][0]);
		else
			snprintf(buf, sizeof buf, "%s%s%s", surnames[a][0],
			    i % 3 == 0 ? "\xe3\x80\x80" : " ", givens[b][0]);
		m[i].name = strdup(buf);
		snprintf(buf, sizeof buf, "%s %s", surnames[a][1],
		    givens[b][1]);
		m[i].kana = i % 11 == 0 ? strdup("") : strdup(buf);
		snprintf(buf, sizeof buf, "user%u@example.jp", i);
		m[i].email = strdup(buf);
		/* phones written with hyphens, without, or none */
		if (i % 3 == 0)
			snprintf(buf, sizeof buf, "090-%04u-%04u", i % 97, i);
		else if (i % 3 == 1)
			snprintf(buf, sizeof buf, "080%04u%04u", i % 89, i);
		else
			buf[0] = '\0';
		m[i].phone = strdup(buf);
		m[i].past_count = (int32_t)(lcg(&seed) % 8);
		if (lcg(&seed) % 4 != 0)
			snprintf(m[i].past_last_date, STORE_DATE_SIZE,
			    "20%02u-%02u-%02u", 10 + lcg(&seed) % 15,
			    1 + lcg(&seed) % 12, 1 + lcg(&seed) % 28);
	}
	src.mem = m;
	src.nmem = NMEM;
	assert_int_equal(ts_import(t->st, &src, false, &res), STORE_OK);
	assert_int_equal(res.members.added, NMEM);
	for (i = 0; i < NMEM; i++) {
		free(m[i].name);
		free(m[i].kana);
		free(m[i].email);
		free(m[i].phone);
	}
	free(m);
	return (0);
}

static void
check_order(enum store_order o, const struct store_member_row *a,
    const struct store_member_row *b)
{
	char	*fa, *fb;
	int	 c;

	switch (o) {
	case STORE_ORDER_ID:
		assert_true(strcmp(a->id, b->id) < 0);
		break;
	case STORE_ORDER_TOTAL:
		assert_true(a->total > b->total || (a->total == b->total &&
		    strcmp(a->id, b->id) < 0));
		break;
	case STORE_ORDER_LAST_DATE:
		if (b->last_date[0] == '\0')
			break;
		assert_true(a->last_date[0] != '\0');
		c = strcmp(a->last_date, b->last_date);
		assert_true(c > 0 || (c == 0 && strcmp(a->id, b->id) < 0));
		break;
	case STORE_ORDER_KANA:
		fa = store_fold(a->kana[0] ? a->kana : a->name);
		fb = store_fold(b->kana[0] ? b->kana : b->name);
		c = strcmp(fa, fb);
		assert_true(c < 0 || (c == 0 && strcmp(a->id, b->id) < 0));
		free(fa);
		free(fb);
		break;
	}
}

static void
test_pages(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_member_row	*all, page[50], back[50];
	size_t			 got, n, i, o;
	static const enum store_order orders[] = { STORE_ORDER_ID,
	    STORE_ORDER_KANA, STORE_ORDER_TOTAL, STORE_ORDER_LAST_DATE };

	assert_int_equal(store_member_count(st), NMEM);
	all = calloc(NMEM + 50, sizeof *all);
	for (o = 0; o < 4; o++) {
		/* forward through the whole list */
		n = 0;
		assert_int_equal(store_member_page(st, orders[o], NULL, false,
		    page, 50, &got), STORE_OK);
		while (got > 0) {
			memcpy(all + n, page, got * sizeof *page);
			n += got;
			assert_int_equal(store_member_page(st, orders[o],
			    &all[n - 1], false, page, 50, &got), STORE_OK);
		}
		assert_int_equal(n, NMEM);
		for (i = 1; i < n; i++)
			check_order(orders[o], &all[i - 1], &all[i]);
		/* backward from the start of a page gives the page before */
		assert_int_equal(store_member_page(st, orders[o], &all[100],
		    true, back, 50, &got), STORE_OK);
		assert_int_equal(got, 50);
		for (i = 0; i < 50; i++)
			assert_string_equal(back[i].id, all[50 + i].id);
		/* from the end */
		assert_int_equal(store_member_page(st, orders[o], NULL, true,
		    back, 50, &got), STORE_OK);
		assert_int_equal(got, 50);
		assert_string_equal(back[49].id, all[NMEM - 1].id);
		assert_string_equal(back[0].id, all[NMEM - 50].id);
		/* near the start backward: fewer rows */
		assert_int_equal(store_member_page(st, orders[o], &all[3],
		    true, back, 50, &got), STORE_OK);
		assert_int_equal(got, 3);
		assert_string_equal(back[0].id, all[0].id);
	}
	free(all);
}

struct brute {
	const char	*q;
	size_t		 n;
	char		 (*ids)[STORE_ID_MAX + 1];
};

static bool
brute_prefix(const char *q, const char *s, size_t len)
{
	char	*tmp, *f;
	bool	 r;

	tmp = strndup(s, len);
	f = store_fold(tmp);
	r = strncmp(f, q, strlen(q)) == 0;
	free(f);
	free(tmp);
	return (r);
}

static bool
brute_parts(const char *q, const char *s)
{
	const char	*p, *start;

	if (brute_prefix(q, s, strlen(s)))
		return (true);
	for (p = start = s;; p++) {
		if (*p == '\0' || *p == ' ' ||
		    strncmp(p, "\xe3\x80\x80", 3) == 0) {
			if (p > start && brute_prefix(q, start,
			    (size_t)(p - start)))
				return (true);
			if (*p == '\0')
				return (false);
			if (*p != ' ')
				p += 2;
			start = p + 1;
		}
	}
}

/* The phone as written, its digits, their last four. */
static bool
brute_phone(const char *q, const char *phone)
{
	char	d[64];
	size_t	n = 0, i;

	for (i = 0; phone[i] != '\0'; i++) {
		if (isdigit((unsigned char)phone[i]))
			d[n++] = phone[i];
	}
	d[n] = '\0';
	return ((n > 0 && brute_prefix(q, phone, strlen(phone))) ||
	    (n > 0 && strncmp(d, q, strlen(q)) == 0) ||
	    (n > 4 && strncmp(d + n - 4, q, strlen(q)) == 0));
}

static int
brute_cb(const struct store_member *m, const struct store_stats *s,
    void *arg)
{
	struct brute	*b = arg;
	const char	*at;

	(void)s;
	at = strchr(m->email, '@');
	if (brute_parts(b->q, m->name) || brute_parts(b->q, m->kana) ||
	    brute_prefix(b->q, m->id, strlen(m->id)) ||
	    brute_prefix(b->q, m->email, strlen(m->email)) ||
	    (at != NULL && brute_prefix(b->q, at + 1, strlen(at + 1))) ||
	    brute_phone(b->q, m->phone))
		snprintf(b->ids[b->n++], STORE_ID_MAX + 1, "%s", m->id);
	return (0);
}

static int
idcmp(const void *a, const void *b)
{
	return (strcmp(a, b));
}

/* The digits of Q, malloc'd; NULL when it has none. */
static char *
brute_digits(const char *q)
{
	char	*d, *o;

	o = d = malloc(strlen(q) + 1);
	for (; *q != '\0'; q++) {
		if (isdigit((unsigned char)*q))
			*o++ = *q;
	}
	*o = '\0';
	if (o == d) {
		free(d);
		return (NULL);
	}
	return (d);
}

static size_t
search_matches(struct store *st, const char *query)
{
	struct store_member_row	 rows[37];
	struct brute		 b;
	char			 (*found)[STORE_ID_MAX + 1];
	char			*fq, *digits = NULL;
	size_t			 got, nfound = 0, i;

	fq = store_fold(query);
	b.q = fq;
	b.n = 0;
	b.ids = calloc(NMEM, sizeof *b.ids);
	found = calloc(NMEM + 40, sizeof *found);
	assert_int_equal(store_member_each(st, brute_cb, &b), STORE_OK);
	/* a phone-like query no one matches as typed: its digits */
	if (b.n == 0 && strspn(fq, "0123456789-()+. ") == strlen(fq) &&
	    strspn(fq, "0123456789") != strlen(fq) &&
	    (digits = brute_digits(fq)) != NULL) {
		b.q = digits;
		assert_int_equal(store_member_each(st, brute_cb, &b),
		    STORE_OK);
	}
	assert_int_equal(store_member_search(st, query, NULL, rows, 37, &got),
	    STORE_OK);
	while (got > 0) {
		for (i = 0; i < got; i++)
			snprintf(found[nfound++], STORE_ID_MAX + 1, "%s",
			    rows[i].id);
		assert_int_equal(store_member_search(st, query, &rows[got - 1],
		    rows, 37, &got), STORE_OK);
	}
	qsort(found, nfound, sizeof *found, idcmp);
	for (i = 1; i < nfound; i++)
		assert_true(strcmp(found[i - 1], found[i]) != 0);
	if (nfound != b.n)
		fprintf(stderr, "query %s: %zu found, %zu expected\n", query,
		    nfound, b.n);
	assert_int_equal(nfound, b.n);
	for (i = 0; i < nfound; i++)
		assert_string_equal(found[i], b.ids[i]);
	free(b.ids);
	free(found);
	free(fq);
	free(digits);
	return (nfound);
}

static void
test_search(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct store_member_row	 rows[5];
	size_t			 got;
	static const char *const queries[] = {
		"やまだ", "ヤマ", "ﾔﾏﾀﾞ", "山", "髙橋", "高橋", "たかはし",
		"斉藤", "渡辺", "花子", "はなこ", "M001", "ｍ００２", "user12",
		"smith", "JOHN", "山田 史", "しろう", "さ", "zzz", "m_", "M_0",
		"m", "m0001", "Ｍ０", "みどり", "ﾐﾄﾞﾘ", "みど", "みどり 史",
		"山田みどり", "山田 ﾐﾄﾞﾘ", "どり",
		/* issue 8 item 13: whole addresses, domains, phones */
		"user12@example.jp", "USER120@EXAMPLE.JP", "example.jp",
		"example", "090-0012", "090-0003-0003", "0900003", "080-0001",
		"08000010001", "０８０－０００１", "(080) 0001", "0001", "0999",
		"090-9999",
	};
	size_t			 i;

	for (i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		/* no part of a name starts so, nor a whole name */
		if (strcmp(queries[i], "zzz") == 0 ||
		    strcmp(queries[i], "090-9999") == 0 ||
		    strcmp(queries[i], "どり") == 0 ||
		    strcmp(queries[i], "みどり 史") == 0)
			assert_int_equal(search_matches(st, queries[i]), 0);
		else
			assert_true(search_matches(st, queries[i]) > 0);
	}
	/* 髙橋 and 高橋 find the same members */
	assert_int_equal(search_matches(st, "髙橋"),
	    search_matches(st, "高橋"));
	assert_int_equal(store_member_search(st, "", NULL, rows, 5, &got),
	    STORE_OK);
	assert_int_equal(got, 0);
	assert_int_equal(store_member_search(st, "   ", NULL, rows, 5, &got),
	    STORE_OK);
	assert_int_equal(got, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_search),
	};

	return (cmocka_run_group_tests(tests, list_setup, ts_teardown));
}
