/* test-tui-cli.c -- the command line's value parsers, its status words and
 * the database location. */

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/store.h"
#include "tui/cli/cli.h"
#include "tui/sanka.h"

/* The entry whose usage a refused value prints. */
static const struct cli_entry *
test_entry(const char *name, const char *kind)
{
	const struct cli_entry	*const *ep, *e;

	for (ep = cli_table; (e = *ep) != NULL; ep++) {
		if (strcmp(e->name, name) == 0 && (kind == NULL ||
		    (e->kind != NULL && strcmp(e->kind, kind) == 0)))
			return (e);
	}
	fail_msg("no command %s", name);
	return (NULL);
}

/* The command line reads a date as CSV import does (import/values.c):
 * the era dates and times the old parser of its own refused. */
static void
test_cli_date(void **state)
{
	static const struct {
		const char	*in, *out;
	} ok[] = {
		{ "2026-02-20", "2026-02-20" },
		{ "2026/2/20", "2026-02-20" },
		{ "2026/02/05", "2026-02-05" },
		{ "2026-2-5", "2026-02-05" },
		{ "2026.2.20", "2026-02-20" },
		{ "2026年2月20日", "2026-02-20" },
		{ "２０２６／２／２０", "2026-02-20" },	/* full width */
		{ "令和8年2月20日", "2026-02-20" },
		{ "R8.2.20", "2026-02-20" },
		{ "H31/4/30", "2019-04-30" },
		{ "2026/2/20 0:00", "2026-02-20" },	/* Excel */
		{ "2026-02-20 10:00", "2026-02-20" },
		{ "2024-02-29", "2024-02-29" },		/* leap day */
		{ "", "" },				/* clears */
	};
	static const char *bad[] = {
		"2026/13/01", "2026-02-30", "2025-02-29", "2026-00-10",
		"2026-1-0", "26-02-20", "2026/2-20", "2026-02-20x",
		"20260220", "2026-002-01", "tomorrow", "2026年2月",
		"-2026-02-20", "令和1年4月30日", "46073",
	};
	const struct cli_entry	*e = test_entry("add", "event");
	char			 out[STORE_DATE_SIZE];
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		memset(out, 'x', sizeof out);
		if (cli_opt_date(e, "date", ok[i].in, out) != 0)
			fail_msg("\"%s\" refused", ok[i].in);
		assert_string_equal(out, ok[i].out);
		memset(out, 'x', sizeof out);
		assert_true(sanka_date(ok[i].in, out));
		assert_string_equal(out, ok[i].out);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (cli_opt_date(e, "date", bad[i], out) != SANKA_EXIT_USAGE)
			fail_msg("\"%s\" taken as a date (%s)", bad[i], out);
		if (sanka_date(bad[i], out))
			fail_msg("\"%s\" taken as a date (%s)", bad[i], out);
	}
}

static void
test_cli_number(void **state)
{
	const struct cli_entry	*e = test_entry("add", "member");
	int32_t			 n;

	(void)state;
	assert_int_equal(cli_opt_number(e, "past-count", "0", &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(cli_opt_number(e, "past-count", "12", &n), 0);
	assert_int_equal(n, 12);
	assert_int_equal(cli_opt_number(e, "past-count", "１２", &n), 0);
	assert_int_equal(n, 12);
	assert_int_equal(cli_opt_number(e, "past-count", "3回", &n), 0);
	assert_int_equal(n, 3);				/* as import reads it */
	assert_int_equal(cli_opt_number(e, "past-count", "1,200", &n), 0);
	assert_int_equal(n, 1200);
	assert_int_equal(cli_opt_number(e, "past-count", "", &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(cli_opt_number(e, "past-count", "2147483647", &n), 0);
	assert_int_equal(n, INT32_MAX);
	assert_int_equal(cli_opt_number(e, "past-count", "2147483648", &n),
	    SANKA_EXIT_USAGE);
	assert_int_equal(cli_opt_number(e, "past-count", "-1", &n),
	    SANKA_EXIT_USAGE);
	assert_int_equal(cli_opt_number(e, "past-count", "1.5", &n),
	    SANKA_EXIT_USAGE);
	assert_int_equal(cli_opt_number(e, "past-count", "abc", &n),
	    SANKA_EXIT_USAGE);
	assert_true(sanka_number("3回", &n));
	assert_int_equal(n, 3);
	assert_false(sanka_number("many", &n));
}

/* --mail-opt-out V through cli_member_apply: its return, *B the value. */
static int
cli_optout(const struct cli_entry *e, const char *v, bool *b)
{
	struct cli_args		a;
	struct store_member	m;
	int			i, rc;

	memset(&a, 0, sizeof a);
	memset(&m, 0, sizeof m);
	for (i = 0; strcmp(e->opts[i].name, "mail-opt-out") != 0; i++)
		;
	a.val[i] = v;
	rc = cli_member_apply(e, &a, &m);
	*b = m.mail_opt_out;
	store_member_free(&m);
	return (rc);
}

static void
test_cli_bool(void **state)
{
	const struct cli_entry	*e = test_entry("add", "member");
	bool			 b;

	(void)state;
	assert_int_equal(cli_optout(e, "YES", &b), 0);
	assert_true(b);
	assert_int_equal(cli_optout(e, "配信停止", &b), 0);
	assert_true(b);
	assert_int_equal(cli_optout(e, "いいえ", &b), 0);
	assert_false(b);
	assert_int_equal(cli_optout(e, "", &b), 0);
	assert_false(b);
	assert_int_equal(cli_optout(e, "maybe", &b), SANKA_EXIT_USAGE);
	assert_int_equal(sanka_bool("true"), 1);
	assert_int_equal(sanka_bool("0"), 0);
	assert_int_equal(sanka_bool("2"), -1);
}

/* add/edit member take one option per writable field of the table, named
 * by its key ('-' for '_'; the key itself is --member-id), and nothing
 * else but --attr. */
static void
test_member_opts_are_fields(void **state)
{
	const struct store_field	*f;
	char				 opt[64], *p;
	size_t				 i, nopts = 0, nfields = 0;

	(void)state;
	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (f->flags & STORE_FIELD_DERIVED)
			continue;
		nfields++;
		snprintf(opt, sizeof opt, "%s", f->slot == STORE_SLOT_ID ?
		    "member-id" : f->key);
		for (p = opt; *p != '\0'; p++)
			if (*p == '_')
				*p = '-';
		for (i = 0; cli_member_opts[i].name != NULL; i++)
			if (strcmp(cli_member_opts[i].name, opt) == 0)
				break;
		if (cli_member_opts[i].name == NULL)
			fail_msg("no option --%s", opt);
		assert_ptr_equal(store_field_find(opt), f);
	}
	for (i = 0; cli_member_opts[i].name != NULL; i++)
		if (strcmp(cli_member_opts[i].name, "attr") != 0)
			nopts++;
	assert_int_equal(nopts, nfields);
}

/* Every listed word is one the store takes, with that value; every value's
 * English word and Japanese label is listed; the message lists 参加. */
static void
test_cli_words(void **state)
{
	static const enum store_vocab vocabs[] = { STORE_VOCAB_FINAL,
	    STORE_VOCAB_RESPONSE, STORE_VOCAB_STATUS };
	const char	*w, *want;
	char		 buf[512];
	size_t		 i, j, k;
	int		 value, parsed, v, nvalues;
	bool		 found;

	(void)state;
	for (i = 0; i < sizeof vocabs / sizeof vocabs[0]; i++) {
		for (j = 0; (w = store_word_nth(vocabs[i], j, &value)) != NULL; j++) {
			parsed = vocabs[i] == STORE_VOCAB_FINAL ?
			    store_final_parse(w) : vocabs[i] ==
			    STORE_VOCAB_RESPONSE ? store_response_parse(w) :
			    store_member_status_parse(w);
			if (parsed != value)
				fail_msg("\"%s\": the store says %d, the list "
				    "%d", w, parsed, value);
		}
		nvalues = vocabs[i] == STORE_VOCAB_FINAL ? 5 :
		    vocabs[i] == STORE_VOCAB_RESPONSE ? 4 : 3;
		for (v = 0; v < nvalues * 2; v++) {
			if (vocabs[i] == STORE_VOCAB_FINAL)
				want = v < nvalues ? cli_final_word(v) :
				    store_final_label(v - nvalues);
			else if (vocabs[i] == STORE_VOCAB_RESPONSE)
				want = v < nvalues ? store_response_word(v) :
				    store_response_label(v - nvalues);
			else
				want = v < nvalues ?
				    store_member_status_word(v) :
				    store_member_status_label(v - nvalues);
			found = false;
			for (k = 0; (w = store_word_nth(vocabs[i], k, &value)) !=
			    NULL; k++)
				found = found || strcmp(w, want) == 0;
			if (!found)
				fail_msg("\"%s\" is not listed", want);
		}
	}
	store_words(STORE_VOCAB_FINAL, ", ", buf, sizeof buf);
	assert_string_equal(buf, "attended (参加, 出席), absent (欠席), "
	    "no_show/no-show/noshow (無断欠席), cancelled/canceled "
	    "(キャンセル), pending (未確定)");
	store_words(STORE_VOCAB_RESPONSE, "; ", buf, sizeof buf);
	assert_string_equal(buf, "accepted (参加予定, 出席予定); declined "
	    "(不参加); tentative (未定); none (未回答)");
	store_words(STORE_VOCAB_STATUS, ", ", buf, 12);	/* truncated */
	assert_string_equal(buf, "active (有");
}

static void
test_cli_dbdir(void **state)
{
	(void)state;
	assert_string_equal(sanka_dbdir("/x/y"), "/x/y");
	setenv("SANKA_DB", "/from/env", 1);
	assert_string_equal(sanka_dbdir("/x/y"), "/x/y");
	assert_string_equal(sanka_dbdir(NULL), "/from/env");
	unsetenv("SANKA_DB");
	if (access("/var/lib/sanka", F_OK) == 0)
		skip();		/* a server install: that one wins */
	setenv("XDG_DATA_HOME", "/xdg", 1);
	assert_string_equal(sanka_dbdir(NULL), "/xdg/sanka");
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/staff", 1);
	assert_string_equal(sanka_dbdir(NULL), "/home/staff/.local/share/sanka");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_date),
		cmocka_unit_test(test_cli_number),
		cmocka_unit_test(test_cli_bool),
		cmocka_unit_test(test_member_opts_are_fields),
		cmocka_unit_test(test_cli_words),
		cmocka_unit_test(test_cli_dbdir),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
