/* mail.c -- mail: one message per member through the local sendmail, a
 * mailing recorded so a run cut off can be resumed; or a dry run into
 * files. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mail/mail.h"
#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"
#include "tui/make.h"
#include "tui/progress.h"
#include "tui/reach.h"

static int	cli_mail(const struct cli_entry *, struct cli_args *,
		    const char *);

static const struct cli_opt cli_mail_opts[] = {
	{ "template", NULL, "FILE", N_("Subject:, From:, Reply-To: lines, "
	  "a blank line, the body"), false },
	{ "event", NULL, "CODE", N_("the event of the event.* fields"),
	  false },
	{ "from", NULL, "ADDR", N_("the sender, instead of the template's "
	  "From:"), false },
	{ "dry-run", NULL, "DIR", N_("write ID.eml files into DIR (new or "
	  "empty), send nothing, record nothing"), false },
	{ "resume", NULL, "ID", N_("send the queued messages of mailing ID"),
	  false },
	{ "resend-uncertain", NULL, NULL, N_("with --resume: send once more "
	  "to those whose hand-off was cut off"), false },
	{ NULL, NULL, NULL, NULL, false }
};

const struct cli_entry cli_mail_entry = {
	.name = "mail",
	.usage = "--template FILE [--event CODE] [--from ADDR] [FILTER...] "
	    "[--dry-run DIR] | --resume ID [--resend-uncertain]",
	.help = N_("e-mail each member a message from a template"),
	.opts = cli_mail_opts,
	.maxargs = -1,
	.exec = cli_mail,
	.more = N_("Members who left, are suspended or opted out of mail, and "
	    "those without an e-mail\naddress, are left out.  The mailing's "
	    "ID is printed; each hand-off is recorded, so\n--resume ID "
	    "sends only to those not sent yet."),
	.example = "sanka mail --template 案内.txt --event E006 invited=E006",
};

static void
cli_mail_progress(void *arg, size_t done, size_t total)
{
	progress_step(arg, done, total);
}

static void
cli_mail_bad(void *arg, const char *member, const char *why)
{
	(void)arg;
	sanka_warnx(_("member %s: %s"), member, why);
}

static void
cli_mail_started(void *arg, const char *id, size_t n)
{
	(void)arg;
	printf(_("mailing %s: %zu recipients\n"), id, n);
	fflush(stdout);
}

/* Say what came of a run: the summary on stdout, a failure on stderr. */
static int
cli_mail_say(const struct make_result *res)
{
	if (res->exit == 0)
		printf("%s\n", res->msg);
	else
		sanka_warnx("%s", res->msg);
	return (res->exit);
}

/* A new mailing: members by FILTER, the template read and checked, the
 * mailing recorded before the first message goes. */
static int
cli_mail_new(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	struct make_mail req = { cli_get(e, a, "template"),
	    cli_get(e, a, "from"), cli_get(e, a, "event"), NULL,
	    cli_get(e, a, "dry-run"), cli_mail_bad, cli_mail_started, NULL,
	    NULL };
	struct make_result res;
	struct store_filter *f = NULL;
	struct store	*st;
	int		 rc;

	if (req.template_path == NULL)
		return (cli_usage(e, _("--template FILE or --resume ID is "
		    "required")));
	if (cli_get(e, a, "resend-uncertain") != NULL)
		return (cli_usage(e, _("--resend-uncertain goes with "
		    "--resume")));
	if ((rc = sanka_open(dbdir, req.dry_run != NULL, &st)) != 0)
		return (rc);
	if ((rc = cli_filter(e, st, a->argv, (size_t)a->argc, &f)) == 0) {
		req.filter = f;
		req.progress = cli_mail_progress;
		req.arg = progress_new(_("sending"), "messages");
		make_mail(st, &req, &res);
		progress_free(req.arg);
		if (res.left[0] != '\0')
			sanka_warnx("%s", res.left);
		rc = cli_mail_say(&res);
	}
	store_filter_free(f);
	store_close(st);
	return (rc);
}

/* What a resume does with the recipients of a mailing. */
struct cli_resume {
	bool		 resend;	/* --resend-uncertain */
	char		**ids;		/* to send: member IDs */
	char		**addr;		/* ... and their addresses */
	bool		*again;		/* ... sent again (uncertain) */
	size_t		 n;
	size_t		 uncertain;	/* left uncertain */
};

static int
cli_resume_one(const struct store_recipient *r, void *arg)
{
	struct cli_resume *x = arg;
	bool	 again = r->state == STORE_MAIL_UNCERTAIN && x->resend &&
		    !r->resent;

	if (r->state == STORE_MAIL_UNCERTAIN && !again) {
		x->uncertain++;
		sanka_warnx(_("uncertain: %s %s (its hand-off was cut off%s)"),
		    r->member, r->address, r->resent ? _("; sent again once "
		    "already") : _("; --resend-uncertain sends it once more"));
		return (0);
	}
	if (r->state != STORE_MAIL_QUEUED && !again)
		return (0);
	x->ids = cli_xreallocarray(x->ids, x->n + 1, sizeof(*x->ids));
	x->addr = cli_xreallocarray(x->addr, x->n + 1, sizeof(*x->addr));
	x->again = cli_xreallocarray(x->again, x->n + 1, sizeof(*x->again));
	x->ids[x->n] = cli_xstrdup(r->member);
	x->addr[x->n] = cli_xstrdup(r->address);
	x->again[x->n++] = again;
	return (0);
}

static void
cli_resume_free(struct cli_resume *x)
{
	size_t	 i;

	for (i = 0; i < x->n; i++) {
		free(x->ids[i]);
		free(x->addr[i]);
	}
	free(x->ids);
	free(x->addr);
	free(x->again);
}

/* The messages of mailing ID not sent yet: the queued ones, and with
 * --resend-uncertain the uncertain ones not sent again before. */
static int
cli_mail_resume(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	struct cli_resume x = { cli_get(e, a, "resend-uncertain") != NULL,
	    NULL, NULL, NULL, 0, 0 };
	struct store_mailing m;
	struct mail_template *t = NULL;
	struct mail_target *to = NULL;
	struct mail_error me;
	struct make_result res;
	struct print_source src;
	struct reach	 r;
	struct mail_job	 job;
	struct store	*st;
	const char	*id = cli_get(e, a, "resume");
	size_t		 uncertain, i;
	int		 rc;

	memset(&r, 0, sizeof(r));
	memset(&m, 0, sizeof(m));
	if ((rc = sanka_open(dbdir, false, &st)) != 0)
		return (rc);
	if ((rc = store_access(st, STORE_AREA_MAIL, STORE_ACT_VIEW)) !=
	    STORE_OK || (rc = store_mailing_get(st, id, &m)) != STORE_OK ||
	    (rc = store_mailing_recover(st, id, &uncertain)) != STORE_OK ||
	    (rc = store_mailing_recipients(st, id, cli_resume_one, &x)) !=
	    STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	if ((rc = reach_ids(st, (const char *const *)x.ids, x.n,
	    m.event != NULL && m.event[0] != '\0' ? m.event : NULL, &r)) !=
	    STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	if (r.gone != 0)
		sanka_warnx(_("%zu recipients no longer exist: not sent"),
		    r.gone);
	cli_left_out(r.left, r.suspended, r.opt_out, r.no_address);
	src = reach_source(&r);
	if (mail_template_parse(m.template_text, strlen(m.template_text), id,
	    m.sender != NULL && m.sender[0] != '\0' ? m.sender : NULL, &src,
	    &t, &me) != MAIL_OK) {
		sanka_warnx("%s", me.msg);
		rc = SANKA_EXIT_DATA;
		goto out;
	}
	to = cli_xreallocarray(NULL, r.n + 1, sizeof(*to));
	for (i = 0; i < r.n; i++)
		to[i] = (struct mail_target){ i, x.ids[r.index[i]],
		    x.addr[r.index[i]], x.again[r.index[i]] };
	job = (struct mail_job){ st, id, t, &src, to, r.n, NULL, 0,
	    cli_mail_progress, progress_new(_("sending"), "messages") };
	make_mail_run(&job, &res);
	progress_free(job.arg);
	rc = cli_mail_say(&res);
	if (x.uncertain != 0)
		sanka_warnx(_("mailing %s: %zu uncertain, not sent again"), id,
		    x.uncertain);
out:
	free(to);
	mail_template_free(t);
	reach_free(&r);
	cli_resume_free(&x);
	store_mailing_free(&m);
	store_close(st);
	return (rc);
}

static int
cli_mail(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	if (cli_get(e, a, "resume") == NULL)
		return (cli_mail_new(e, a, dbdir));
	if (cli_get(e, a, "template") != NULL || cli_get(e, a, "event") !=
	    NULL || cli_get(e, a, "from") != NULL ||
	    cli_get(e, a, "dry-run") != NULL || a->argc != 0)
		return (cli_usage(e, _("--resume ID takes only "
		    "--resend-uncertain")));
	return (cli_mail_resume(e, a, dbdir));
}
