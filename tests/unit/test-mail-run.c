/* test-mail-run.c -- a mailing recorded in a real database: every
 * recipient sent once, a failed hand-off recorded while the run goes on,
 * a run killed half-way leaves one batch uncertain, a resume sends only
 * the queued ones, --resend-uncertain sends those at most once; the
 * member's mailings and the audit record. */

#include <signal.h>
#include <sys/wait.h>

#include "test-print-util.h"

#include "mail/mail.h"
#include "store/store.h"

#define NRUN	230

struct run_fixture {
	char		*dir;
	struct store	*st;
	char		*script;
	char		*log;
	struct tp_member m[NRUN];
	char		 ids[NRUN][16], mails[NRUN][32];
	struct mail_target to[NRUN];
};

/* Append "ADDRESS" to the log, fail for fail@example.jp, and kill the
 * sending process at the message named in $KILL_AT. */
static const char run_script[] =
    "#!/bin/sh\n"
    "to=$5\n"
    "cat > /dev/null\n"
    "echo \"$to\" >> \"$0.log\"\n"
    "[ \"$to\" = fail@example.jp ] && exit 75\n"
    "[ -n \"$KILL_AT\" ] && [ \"$to\" = \"$KILL_AT\" ] && kill -9 $PPID\n"
    "exit 0\n";

static int
run_setup(void **state)
{
	struct run_fixture *f = xcalloc(1, sizeof(*f));
	FILE	*fp;
	size_t	 i;

	tp_setup(state);
	f->dir = *state;
	assert_int_equal(store_open(f->dir, 0, &f->st), STORE_OK);
	f->script = xasprintf("%s/sendmail", f->dir);
	f->log = xasprintf("%s/sendmail.log", f->dir);
	fp = fopen(f->script, "w");
	assert_non_null(fp);
	fputs(run_script, fp);
	fclose(fp);
	chmod(f->script, 0700);
	setenv("SANKA_SENDMAIL", f->script, 1);
	for (i = 0; i < NRUN; i++) {
		snprintf(f->ids[i], 16, "M%03zu", i);
		snprintf(f->mails[i], 32, "m%03zu@example.jp", i);
		f->m[i].v[0] = f->ids[i];
		f->m[i].v[1] = "会員";
		f->m[i].v[3] = f->mails[i];
		f->to[i].index = i;
		f->to[i].member = f->ids[i];
		f->to[i].address = f->mails[i];
	}
	f->to[7].address = "fail@example.jp";
	*state = f;
	return (0);
}

static int
run_teardown(void **state)
{
	struct run_fixture *f = *state;

	if (f->st != NULL)
		store_close(f->st);
	free(f->script);
	free(f->log);
	*state = f->dir;
	free(f);
	unsetenv("SANKA_SENDMAIL");
	unsetenv("KILL_AT");
	return (tp_teardown(state));
}

static const char run_text[] = "Subject: ご案内 {{name}}\n"
    "From: info@example.jp\n\n{{atena}}\n";

/* Create a mailing for F's members and run it over TO[0..N). */
static int
run_mailing(struct run_fixture *f, const char *id,
    const struct mail_target *to, size_t n, struct mail_tally *tally)
{
	struct tp_source ts;
	struct print_source src = tp_source(&ts, f->m, NRUN);
	struct mail_template *t;
	struct mail_error e;
	struct mail_job job = { f->st, id, NULL, &src, to, n, NULL,
	    1771632000, NULL, NULL };
	int	 rc;

	assert_int_equal(mail_template_parse(run_text, strlen(run_text), "t",
	    NULL, &src, &t, &e), MAIL_OK);
	job.t = t;
	rc = mail_run(&job, tally, &e);
	mail_template_free(t);
	return (rc);
}

static void
run_create(struct run_fixture *f, char id[STORE_MAILING_ID_SIZE])
{
	struct store_recipient *r = xcalloc(NRUN, sizeof(*r));
	struct store_mailing m = { .subject = "ご案内 {{name}}",
	    .sender = "info@example.jp", .event = "E1",
	    .template_text = (char *)run_text };
	size_t	 i;

	for (i = 0; i < NRUN; i++) {
		snprintf(r[i].member, sizeof(r[i].member), "%s", f->ids[i]);
		r[i].address = (char *)f->to[i].address;
	}
	assert_int_equal(store_mailing_create(f->st, &m, r, NRUN, id),
	    STORE_OK);
	free(r);
}

struct states {
	size_t	 n[5];
	size_t	 resent;
};

static int
count_state(const struct store_recipient *r, void *arg)
{
	struct states *s = arg;

	s->n[r->state]++;
	s->resent += r->resent;
	return (0);
}

static struct states
run_states(struct run_fixture *f, const char *id)
{
	struct states s;

	memset(&s, 0, sizeof(s));
	assert_int_equal(store_mailing_recipients(f->st, id, count_state, &s),
	    STORE_OK);
	return (s);
}

static void
test_all_sent(void **state)
{
	struct run_fixture *f = *state;
	struct mail_tally tally;
	struct store_mailing m;
	char	 id[STORE_MAILING_ID_SIZE], *log;
	struct states s;

	run_create(f, id);
	assert_string_equal(id, "20260221-1");
	/* Two batches, the second short. */
	assert_int_equal(run_mailing(f, id, f->to, 110, &tally), MAIL_OK);
	assert_int_equal(tally.sent, 109);
	assert_int_equal(tally.failed, 1);
	assert_non_null(strstr(tally.first_error, "exit status 75 for "
	    "fail@example.jp"));
	s = run_states(f, id);
	assert_int_equal(s.n[STORE_MAIL_SENT], 109);
	assert_int_equal(s.n[STORE_MAIL_FAILED], 1);
	assert_int_equal(s.n[STORE_MAIL_QUEUED], NRUN - 110);
	log = tp_run("sort '%s' | uniq -d | wc -l; wc -l < '%s'", f->log,
	    f->log);
	assert_string_equal(log, "0\n110\n");
	free(log);
	assert_int_equal(store_mailing_get(f->st, id, &m), STORE_OK);
	assert_string_equal(m.template_text, run_text);
	assert_int_equal(m.recipients, NRUN);
	store_mailing_free(&m);
	run_create(f, id);
	assert_string_equal(id, "20260221-2");
}

static int
member_cb(const struct store_mailing *m, const struct store_recipient *r,
    void *arg)
{
	char	**out = arg, *s;

	s = xasprintf("%s%s %s %s %s\n", *out, m->id, r->member,
	    store_mail_state_word(r->state), r->address);
	free(*out);
	*out = s;
	return (0);
}

static int
audit_cb(const struct store_audit *a, void *arg)
{
	char	**out = arg, *s;

	s = xasprintf("%s%s %s %s %s\n", *out, a->entity, a->action, a->event,
	    a->new);
	free(*out);
	*out = s;
	return (0);
}

static void
test_member_and_log(void **state)
{
	struct run_fixture *f = *state;
	struct mail_tally tally;
	char	 id[STORE_MAILING_ID_SIZE], *out = xstrdup("");

	run_create(f, id);
	assert_int_equal(run_mailing(f, id, f->to, 10, &tally), MAIL_OK);
	assert_int_equal(store_member_mailings(f->st, "M007", member_cb,
	    &out), STORE_OK);
	assert_non_null(strstr(out, "20260221-1 M007 failed fail@example.jp"));
	free(out);
	out = xstrdup("");
	assert_int_equal(store_member_mailings(f->st, "M020", member_cb,
	    &out), STORE_OK);
	assert_string_equal(out, "20260221-1 M020 queued m020@example.jp\n");
	free(out);
	out = xstrdup("");
	assert_int_equal(store_audit_each(f->st, NULL, NULL, 0, audit_cb,
	    &out), STORE_OK);
	assert_string_equal(out, "mail create E1 mailing=20260221-1; "
	    "recipients=230; subject=ご案内 {{name}}\n");
	free(out);
}

/* A child sends and is killed at message KILL (0-based); the parent
 * sees what the database and the log say. */
static void
run_killed(struct run_fixture *f, const char *id, size_t kill)
{
	struct mail_tally tally;
	pid_t	 pid;
	int	 status;

	setenv("KILL_AT", f->to[kill].address, 1);
	store_close(f->st);
	if ((pid = fork()) == 0) {
		assert_int_equal(store_open(f->dir, 0, &f->st), STORE_OK);
		run_mailing(f, id, f->to, NRUN, &tally);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	unsetenv("KILL_AT");
	assert_int_equal(store_open(f->dir, 0, &f->st), STORE_OK);
}

static void
test_killed_resumed(void **state)
{
	struct run_fixture *f = *state;
	struct mail_target *to = xcalloc(NRUN, sizeof(*to));
	struct mail_tally tally;
	char	 id[STORE_MAILING_ID_SIZE], *log;
	size_t	 uncertain, n, i;
	struct states s;

	run_create(f, id);
	run_killed(f, id, 119);	/* the 20th of the second batch */
	s = run_states(f, id);
	assert_int_equal(s.n[STORE_MAIL_SENT] + s.n[STORE_MAIL_FAILED], 100);
	assert_int_equal(s.n[STORE_MAIL_SENDING], 100);
	assert_int_equal(s.n[STORE_MAIL_QUEUED], 30);
	assert_int_equal(store_mailing_recover(f->st, id, &uncertain),
	    STORE_OK);
	assert_int_equal(uncertain, 100);
	/* Resume: only the queued ones. */
	n = 0;
	s = run_states(f, id);
	assert_int_equal(s.n[STORE_MAIL_UNCERTAIN], 100);
	for (i = 200; i < NRUN; i++)
		to[n++] = f->to[i];
	assert_int_equal(run_mailing(f, id, to, n, &tally), MAIL_OK);
	log = tp_run("sort '%s' | uniq -d | wc -l; wc -l < '%s'", f->log,
	    f->log);
	assert_string_equal(log, "0\n150\n");	/* 120 + 30, none twice */
	free(log);
	/* --resend-uncertain: each uncertain one once, marked resent. */
	n = 0;
	for (i = 100; i < 200; i++) {
		to[n] = f->to[i];
		to[n++].resend = true;
	}
	assert_int_equal(run_mailing(f, id, to, n, &tally), MAIL_OK);
	s = run_states(f, id);
	assert_int_equal(s.n[STORE_MAIL_SENT], NRUN - 1);
	assert_int_equal(s.resent, 100);
	assert_int_equal(store_mailing_recover(f->st, id, &uncertain),
	    STORE_OK);
	assert_int_equal(uncertain, 0);
	log = tp_run("sort '%s' | uniq -d | wc -l; wc -l < '%s'", f->log,
	    f->log);
	assert_string_equal(log, "20\n250\n");	/* M100..M119 twice */
	free(log);
	free(to);
}

static void
test_unknown(void **state)
{
	struct run_fixture *f = *state;
	struct store_recipient r = { .state = STORE_MAIL_SENT };
	struct store_mailing m;
	char	 id[STORE_MAILING_ID_SIZE];
	size_t	 uncertain;

	assert_int_equal(store_mailing_get(f->st, "20260221-9", &m),
	    STORE_NOTFOUND);
	assert_int_equal(store_mailing_recover(f->st, "x", &uncertain),
	    STORE_NOTFOUND);
	run_create(f, id);
	snprintf(r.member, sizeof(r.member), "NOPE");
	assert_int_equal(store_mailing_mark(f->st, id, &r, 1),
	    STORE_NOTFOUND);
	assert_string_equal(store_last_error(f->st)->msg,
	    "mailing 20260221-1 has no recipient NOPE");
}

/* A database from before mailings (made by dumping one without the
 * mailings database and loading it): read-only opens work and find none;
 * a writing open adds the database. */
static void
test_old_database(void **state)
{
	struct run_fixture *f = *state;
	struct store	*ro;
	struct store_mailing m;
	char	*old = xasprintf("%s/old", f->dir), *out;
	int	 n = 0;

	store_close(f->st);
	f->st = NULL;
	free(tp_run("mkdir '%s' && mdb_dump -a '%s' | awk '/^VERSION=/ { "
	    "keep = 1; buf = \"\" } { buf = buf $0 \"\\n\" } "
	    "/^database=mailings$/ { keep = 0 } /^DATA=END$/ { if (keep) "
	    "printf \"%%s\", buf; buf = \"\" }' | mdb_load '%s' 2>/dev/null", old,
	    f->dir, old));
	out = tp_run("mdb_stat -a '%s' | grep -c 'Status of'", old);
	assert_string_equal(out, "13\n");	/* no mailings database */
	free(out);
	assert_int_equal(store_open(old, STORE_READONLY, &ro), STORE_OK);
	assert_int_equal(store_member_mailings(ro, "M001", NULL, &n),
	    STORE_OK);
	assert_int_equal(store_mailing_get(ro, "20260221-1", &m),
	    STORE_NOTFOUND);
	store_close(ro);
	assert_int_equal(store_open(old, 0, &ro), STORE_OK);
	store_close(ro);
	out = tp_run("mdb_stat -a '%s' | grep -c 'Status of'", old);
	assert_string_equal(out, "14\n");
	free(out);
	free(old);
	assert_int_equal(store_open(f->dir, 0, &f->st), STORE_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_all_sent, run_setup,
		    run_teardown),
		cmocka_unit_test_setup_teardown(test_member_and_log, run_setup,
		    run_teardown),
		cmocka_unit_test_setup_teardown(test_killed_resumed, run_setup,
		    run_teardown),
		cmocka_unit_test_setup_teardown(test_unknown, run_setup,
		    run_teardown),
		cmocka_unit_test_setup_teardown(test_old_database, run_setup,
		    run_teardown),
	};

	setenv("LANGUAGE", "C", 1);
	setenv("SANKA_TODAY", "2026-02-21", 1);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
