/* make.c -- a print or a mailing from a request, shared by the command
 * line and the screens: reach the members, read and check the template,
 * make the PDF or hand off and record each message. */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mail/mail.h"
#include "store/i18n.h"
#include "store/xmalloc.h"
#include "tui/make.h"
#include "tui/reach.h"
#include "tui/sanka.h"

#define TEMPLATE_MAX	(1 << 20)	/* bytes of a template file */

static void
make_fail(struct make_result *res, int exit, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void
make_fail(struct make_result *res, int exit, const char *fmt, ...)
{
	va_list	 ap;

	res->exit = exit;
	va_start(ap, fmt);
	vsnprintf(res->msg, sizeof(res->msg), fmt, ap);
	va_end(ap);
}

static void
make_store_fail(struct store *st, int rc, struct make_result *res)
{
	make_fail(res, store_exit_code(rc), "%s", store_last_error(st)->msg);
}

int
make_read_text(const char *path, char **out, size_t *len,
    struct make_result *res)
{
	FILE	*fp;
	size_t	 cap = 4096, n = 0, got;
	char	*p;

	if ((fp = fopen(path, "rb")) == NULL) {
		make_fail(res, SANKA_EXIT_ENV, "%s: %s", path, strerror(errno));
		return (res->exit);
	}
	p = xmalloc(cap);
	while ((got = fread(p + n, 1, cap - n, fp)) > 0) {
		if ((n += got) > TEMPLATE_MAX) {
			fclose(fp);
			free(p);
			make_fail(res, SANKA_EXIT_DATA,
			    _("%s: a template is at most %d bytes"), path,
			    TEMPLATE_MAX);
			return (res->exit);
		}
		if (n == cap)
			p = xrealloc(p, cap *= 2);
	}
	if (ferror(fp)) {
		make_fail(res, SANKA_EXIT_ENV, "%s: %s", path, strerror(errno));
		fclose(fp);
		free(p);
		return (res->exit);
	}
	fclose(fp);
	p[n] = '\0';
	*out = p;
	*len = n;
	return (0);
}

/* Reach REQ's members into R, the left-out line into RES. */
static int
make_reach(struct store *st, const struct store_filter *f, const char *event,
    bool participants, enum reach_need need, struct reach *r,
    struct make_result *res)
{
	int	 rc;

	if ((rc = reach_filter(st, f, event, participants, need, r)) !=
	    STORE_OK) {
		make_store_fail(st, rc, res);
		return (res->exit);
	}
	reach_left_out_text(r->left, r->suspended, r->opt_out, r->no_address,
	    res->left, sizeof(res->left));
	return (0);
}

static int
make_print_exit(int rc)
{
	return (rc == PRINT_USAGE ? SANKA_EXIT_USAGE : rc == PRINT_IO ?
	    SANKA_EXIT_ENV : SANKA_EXIT_DATA);
}

void
make_print(struct store *st, const struct make_print *req,
    struct make_result *res)
{
	struct print_job job = { .kind = req->kind, .layout = req->layout,
	    .start = req->start, .sort = req->sort };
	struct print_template *tpl = NULL;
	struct print_source src;
	struct print_result pr;
	struct print_error pe;
	struct reach	 r;
	char		*title = NULL, *text = NULL;
	size_t		 len;
	int		 rc;

	memset(res, 0, sizeof(*res));
	memset(&r, 0, sizeof(r));
	if ((rc = store_access(st, STORE_AREA_PRINT, STORE_ACT_VIEW)) !=
	    STORE_OK) {
		make_store_fail(st, rc, res);
		goto out;
	}
	if (make_reach(st, req->filter, req->event, req->kind ==
	    PRINT_BADGES || req->kind == PRINT_LIST, req->kind ==
	    PRINT_LABELS || req->kind == PRINT_LETTERS ? REACH_POSTAL :
	    REACH_ANY, &r, res) != 0)
		goto out;
	src = reach_source(&r);
	if (req->kind == PRINT_LETTERS) {
		if (make_read_text(req->template_path, &text, &len, res) != 0)
			goto out;
		if (print_template_parse(text, len, req->template_path, 1, &src,
		    &tpl, &pe) != PRINT_OK) {
			make_fail(res, SANKA_EXIT_DATA, "%s", pe.msg);
			goto out;
		}
		job.letter = tpl;
	}
	if (r.has_event)
		job.title = title = xasprintf("%s %s", r.event.name == NULL ?
		    "" : r.event.name, r.event.date);
	if ((rc = print_pdf(&job, &src, req->out, &pr, &pe)) != PRINT_OK)
		make_fail(res, make_print_exit(rc), "%s", pe.msg);
	else
		snprintf(res->msg, sizeof(res->msg),
		    _("%s: %zu members, %zu pages"), req->out, r.n, pr.pages);
out:
	free(text);
	free(title);
	print_template_free(tpl);
	reach_free(&r);
}

/* Every reached member's e-mail is one address, or the run stops. */
static int
make_addresses(const struct make_mail *req, const struct reach *r,
    struct make_result *res)
{
	struct mail_error me;
	size_t	 i, bad = 0;

	for (i = 0; i < r->n; i++)
		if (mail_address_check(r->m[i].email, &me) != MAIL_OK) {
			if (req->bad_address != NULL)
				req->bad_address(req->arg, r->m[i].id, me.msg);
			bad++;
		}
	if (bad != 0)
		make_fail(res, SANKA_EXIT_DATA, _("nothing was sent: correct "
		    "the e-mail of %zu member%s"), bad, bad == 1 ? "" : "s");
	return (bad != 0);
}

/* Record the mailing of R's members; its ID into ID. */
static int
make_mailing(struct store *st, const struct reach *r,
    const struct mail_template *t, const char *from, const char *text,
    char id[STORE_MAILING_ID_SIZE], struct make_result *res)
{
	struct store_recipient *rec;
	struct store_mailing m;
	size_t	 i;
	int	 rc;

	memset(&m, 0, sizeof(m));
	m.subject = (char *)mail_template_subject(t);
	m.sender = (char *)from;
	m.event = r->has_event ? (char *)r->event.code : NULL;
	m.template_text = (char *)text;
	rec = xcalloc(r->n + 1, sizeof(*rec));
	for (i = 0; i < r->n; i++) {
		snprintf(rec[i].member, sizeof(rec[i].member), "%s",
		    r->m[i].id);
		rec[i].address = r->m[i].email;
	}
	if ((rc = store_mailing_create(st, &m, rec, r->n, id)) != STORE_OK)
		make_store_fail(st, rc, res);
	free(rec);
	return (rc != STORE_OK);
}

void
make_mail_run(struct mail_job *job, struct make_result *res)
{
	struct mail_tally tally;
	struct mail_error me;

	job->now = (int64_t)time(NULL);
	res->exit = 0;
	if (mail_run(job, &tally, &me) != MAIL_OK)
		make_fail(res, SANKA_EXIT_ENV, "%s", me.msg);
	else if (job->dry != NULL)
		snprintf(res->msg, sizeof(res->msg),
		    _("dry run: %zu messages written"), tally.sent);
	else if (tally.failed != 0)
		make_fail(res, SANKA_EXIT_DATA, _("mailing %s: %zu sent, %zu "
		    "failed (first failure: %s)"), job->mailing, tally.sent,
		    tally.failed, tally.first_error);
	else
		snprintf(res->msg, sizeof(res->msg),
		    _("mailing %s: %zu sent, %zu failed"), job->mailing,
		    tally.sent, tally.failed);
}

void
make_mail(struct store *st, const struct make_mail *req,
    struct make_result *res)
{
	struct mail_template *t = NULL;
	struct mail_dryrun *dry = NULL;
	struct mail_target *to = NULL;
	struct mail_error me;
	struct print_source src;
	struct mail_job	 job;
	struct reach	 r;
	char		 id[STORE_MAILING_ID_SIZE] = "dry-run", *text = NULL;
	size_t		 len, i;
	int		 rc;

	memset(res, 0, sizeof(*res));
	memset(&r, 0, sizeof(r));
	if ((rc = store_access(st, STORE_AREA_MAIL, STORE_ACT_VIEW)) !=
	    STORE_OK) {
		make_store_fail(st, rc, res);
		goto out;
	}
	if (make_read_text(req->template_path, &text, &len, res) != 0 ||
	    make_reach(st, req->filter, req->event, false, REACH_EMAIL, &r,
	    res) != 0)
		goto out;
	src = reach_source(&r);
	if (mail_template_parse(text, len, req->template_path, req->from,
	    &src, &t, &me) != MAIL_OK) {
		make_fail(res, SANKA_EXIT_DATA, "%s", me.msg);
		goto out;
	}
	if (make_addresses(req, &r, res))
		goto out;
	if (r.n == 0) {
		make_fail(res, SANKA_EXIT_DATA, "%s", _("no member to mail"));
		goto out;
	}
	if (req->dry_run != NULL && mail_dryrun_open(req->dry_run, &dry,
	    &me) != MAIL_OK) {
		make_fail(res, SANKA_EXIT_ENV, "%s", me.msg);
		goto out;
	}
	if (req->dry_run == NULL) {
		if (make_mailing(st, &r, t, req->from, text, id, res))
			goto out;
		if (req->started != NULL)
			req->started(req->arg, id, r.n);
	}
	to = xcalloc(r.n, sizeof(*to));
	for (i = 0; i < r.n; i++)
		to[i] = (struct mail_target){ i, r.m[i].id, r.m[i].email,
		    false };
	job = (struct mail_job){ req->dry_run == NULL ? st : NULL, id, t, &src,
	    to, r.n, dry, 0, req->progress, req->arg };
	make_mail_run(&job, res);
out:
	free(to);
	mail_dryrun_close(dry);
	mail_template_free(t);
	reach_free(&r);
	free(text);
}
