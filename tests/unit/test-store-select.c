/* test-store-select.c -- acting on filtered members: the action rule and
 * its left-out counts for a list, a mail-merge and an invitation; bulk
 * invitations in one transaction and their undoing (all or nothing,
 * aggregates and pending restored); saved filters and @NAME. */

#include "test-store-util.h"

/*
 * M1 active · M2 active, mail_opt_out · M3 suspended · M4 left ·
 * M5 active.  E1 (2026-03-01): M1 invited; M5 invited, accepted.
 */
static void
member(struct store *st, const char *id, enum store_member_status status,
    bool opt_out)
{
	struct store_member	m;

	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "%s", id);
	m.name = (char *)id;
	m.status = status;
	m.mail_opt_out = opt_out;
	assert_int_equal(store_member_add(st, &m), STORE_OK);
}

static int
setup(void **state)
{
	struct ts	*t;

	if (ts_setup(state) != 0)
		return (-1);
	t = *state;
	member(t->st, "M1", STORE_MEMBER_ACTIVE, false);
	member(t->st, "M2", STORE_MEMBER_ACTIVE, true);
	member(t->st, "M3", STORE_MEMBER_SUSPENDED, false);
	member(t->st, "M4", STORE_MEMBER_LEFT, false);
	member(t->st, "M5", STORE_MEMBER_ACTIVE, false);
	ts_add_event(t->st, "E1", "会", "2026-03-01");
	assert_int_equal(store_invite(t->st, "E1", "M1"), STORE_OK);
	assert_int_equal(store_invite(t->st, "E1", "M5"), STORE_OK);
	assert_int_equal(store_respond(t->st, "E1", "M5", STORE_RESP_ACCEPTED,
	    0), STORE_OK);
	return (0);
}

struct ids {
	char	s[128];
};

static int
ids_cb(const struct store_member *m, const struct store_stats *s, void *arg)
{
	struct ids	*x = arg;

	(void)s;
	if (x->s[0] != '\0')
		strcat(x->s, " ");
	strcat(x->s, m->id);
	return (0);
}

static void
sel(struct store *st, const struct store_filter *p,
    enum store_select_use use, const char *ev, const char *want,
    struct store_select_counts *n)
{
	struct ids	x;

	memset(&x, 0, sizeof x);
	assert_int_equal(store_select(st, p, use, ev, ids_cb, &x, n),
	    STORE_OK);
	assert_string_equal(x.s, want);
	assert_int_equal(n->kept, (strlen(want) + 1) / 3);
}

static void
test_select(void **state)
{
	struct ts			*t = *state;
	struct store_select_counts	 n;
	struct store_filter		*named;
	struct store_filter_error	 fe;

	/* the action rule: M3 suspended and M4 left are out and counted */
	sel(t->st, NULL, STORE_USE_LIST, NULL, "M1 M2 M5", &n);
	assert_int_equal(n.left, 1);
	assert_int_equal(n.suspended, 1);
	assert_int_equal(n.mail_opt_out, 0);
	/* a filter naming status keeps everyone */
	assert_int_equal(store_filter_parse_line(t->st, "status!=休会 status!="
	    "x", &named, &fe), STORE_INVALID);		/* x: no status */
	assert_int_equal(fe.word, 2);
	assert_int_equal(store_filter_parse_line(t->st, "状態!=休会", &named,
	    &fe), STORE_OK);
	sel(t->st, named, STORE_USE_LIST, NULL, "M1 M2 M4 M5", &n);
	assert_int_equal(n.left + n.suspended, 0);
	store_filter_free(named);
	/* only the members with a record at E1 (to uninvite) */
	sel(t->st, NULL, STORE_USE_INVITED, "E1", "M1 M5", &n);
	/* the mail-merge list leaves out M2 (mail_opt_out) too */
	sel(t->st, NULL, STORE_USE_MAIL_MERGE, NULL, "M1 M5", &n);
	assert_int_equal(n.mail_opt_out, 1);
	/* an invitation: M1 and M5 already have a record at E1; M2 is
	 * invited and counted as mail_opt_out */
	sel(t->st, NULL, STORE_USE_INVITE, "E1", "M2", &n);
	assert_int_equal(n.already, 2);
	assert_int_equal(n.mail_opt_out, 1);
	assert_int_equal(n.left, 1);
	/* full-width event code folds; an unknown event is not found */
	sel(t->st, NULL, STORE_USE_INVITE, "Ｅ１", "M2", &n);
	assert_int_equal(store_select(t->st, NULL, STORE_USE_INVITE, "E9",
	    NULL, NULL, &n), STORE_NOTFOUND);
	assert_non_null(strstr(store_last_error(t->st)->msg, "E9"));
}

static void
test_invite_uninvite(void **state)
{
	struct ts			*t = *state;
	struct store_event		 e;
	struct store_event_counts	 c;
	const char			*bulk[] = { "M2", "M1", "M5" };
	const char			*bad[] = { "M2", "M5", "M4", "M1" };
	const char			*undo[] = { "M2", "Ｍ２" };
	bool				 created[3];
	size_t				 pend;

	pend = ts_pending(t->st);
	assert_int_equal(store_invite_members(t->st, "E1", bulk, 3, created),
	    STORE_OK);
	/* M2 is new; M1 and M5 had records, left as they were */
	assert_true(created[0]);
	assert_false(created[1]);
	assert_false(created[2]);
	assert_int_equal(ts_pending(t->st), pend + 1);
	assert_int_equal(store_event_get(t->st, "E1", &e, &c), STORE_OK);
	assert_int_equal(c.invited, 3);
	assert_int_equal(c.accepted, 1);
	store_event_free(&e);
	ts_clean(t->st);

	/* M5 accepted, M4 has no record: nothing is removed, both named */
	assert_int_equal(store_uninvite(t->st, "E1", bad, 4, NULL, NULL),
	    STORE_INVALID);
	assert_non_null(strstr(store_last_error(t->st)->msg,
	    "M5 (accepted)"));
	assert_non_null(strstr(store_last_error(t->st)->msg, "M4 (no "));
	assert_int_equal(store_event_get(t->st, "E1", &e, &c), STORE_OK);
	assert_int_equal(c.invited, 3);
	store_event_free(&e);

	/* undo the bulk invitation (M2 twice, in two spellings): counts,
	 * pending and the aggregate are as before it */
	assert_int_equal(store_uninvite(t->st, "E1", undo, 2, NULL, NULL),
	    STORE_OK);
	assert_int_equal(store_event_get(t->st, "E1", &e, &c), STORE_OK);
	assert_int_equal(c.invited, 2);
	store_event_free(&e);
	assert_int_equal(ts_pending(t->st), pend);
	ts_clean(t->st);
	assert_int_equal(store_uninvite(t->st, "E9", undo, 1, NULL, NULL),
	    STORE_NOTFOUND);
	/* an unknown member is refused by name */
	assert_int_equal(store_invite_members(t->st, "E1", (const char *[]){
	    "M1", "M9" }, 2, NULL), STORE_NOTFOUND);
	assert_non_null(strstr(store_last_error(t->st)->msg, "M9"));
}

/* A marked record cannot be uninvited, and the refusal names it. */
static char refused_ids[64];

static void
refused_cb(const char *member, const char *why, void *arg)
{
	(void)arg;
	strcat(refused_ids, member);
	strcat(refused_ids, ":");
	strcat(refused_ids, why);
	strcat(refused_ids, " ");
}

static void
test_uninvite_marked(void **state)
{
	struct ts	*t = *state;
	const char	*one[] = { "M1" };

	ts_mark(t->st, "E1", "M1", STORE_FINAL_ATTENDED);
	refused_ids[0] = '\0';
	assert_int_equal(store_uninvite(t->st, "E1", one, 1, refused_cb,
	    NULL), STORE_INVALID);
	assert_string_equal(refused_ids, "M1:attended ");
	ts_assert_agg(t->st, "M1", 1, "2026-03-01", "E1");
}

static int
each_cb(const char *name, const char *const *w, size_t n, void *arg)
{
	char	*s = arg;
	size_t	 i;

	strcat(s, name);
	for (i = 0; i < n; i++) {
		strcat(s, i == 0 ? "=" : "|");
		strcat(s, w[i]);
	}
	strcat(s, ";");
	return (0);
}

static void
test_saved_filters(void **state)
{
	struct ts	*t = *state;
	const char	*vip[] = { "segment=正会員", "total>=2" };
	const char	*use[] = { "＠vip", "\"name=髙橋 一郎\"" };
	const char	*bad[] = { "@vip" };
	char		**w, all[256] = "";
	size_t		 n;

	assert_int_equal(store_filter_save(t->st, "vip", vip, 2), STORE_OK);
	assert_int_equal(store_filter_load(t->st, "@vip", &w, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(w[0], "segment=正会員");
	store_words_free(w, n);
	/* @NAME (full-width ＠ too) is replaced by the saved words */
	assert_int_equal(store_filter_expand(t->st, use, 2, &w, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_string_equal(w[1], "total>=2");
	assert_string_equal(w[2], "\"name=髙橋 一郎\"");
	store_words_free(w, n);
	/* saved filters do not chain; an unknown name is not found */
	assert_int_equal(store_filter_save(t->st, "x", bad, 1), STORE_INVALID);
	assert_int_equal(store_filter_expand(t->st, (const char *[]){
	    "@nope" }, 1, &w, &n), STORE_NOTFOUND);
	assert_non_null(strstr(store_last_error(t->st)->msg, "@nope"));
	/* saving again replaces; each lists by name */
	assert_int_equal(store_filter_save(t->st, "vip", vip, 1), STORE_OK);
	assert_int_equal(store_filter_save(t->st, "all", NULL, 0), STORE_OK);
	assert_int_equal(store_filter_each(t->st, each_cb, all), STORE_OK);
	assert_string_equal(all, "all;vip=segment=正会員;");
	assert_int_equal(store_filter_delete(t->st, "vip"), STORE_OK);
	assert_int_equal(store_filter_load(t->st, "vip", &w, &n),
	    STORE_NOTFOUND);
	assert_int_equal(store_filter_delete(t->st, "vip"), STORE_NOTFOUND);
	assert_int_equal(store_filter_save(t->st, "", vip, 1), STORE_INVALID);
	/* a bad word inside a saved filter is reported at its @NAME */
	{
		struct store_filter		*f;
		struct store_filter_error	 e;

		assert_int_equal(store_filter_save(t->st, "bad", (const char
		    *[]){ "total>=1", "bogus=1" }, 2), STORE_OK);
		assert_int_equal(store_filter_parse_line(t->st,
		    "segment=x @bad", &f, &e), STORE_INVALID);
		assert_int_equal(e.word, 2);
		assert_string_equal(e.text, "@bad");
		assert_int_equal(store_filter_parse_line(t->st,
		    "@zz segment=x", &f, &e), STORE_NOTFOUND);
		assert_int_equal(e.word, 1);
		assert_string_equal(e.text, "@zz");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_select, setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_invite_uninvite, setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_uninvite_marked, setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_saved_filters, setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
