/* run.c -- one run of a mailing: hand each member's message to sendmail,
 * recording every batch before and after its hand-offs, so that no one is
 * sent a message twice when a run is cut off and resumed. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mail/mail.h"
#include "store/store.h"
#include "store/xmalloc.h"

static int
run_record(const struct mail_job *job, struct store_recipient *r, size_t n,
    struct mail_error *e)
{
	int	 rc;

	if (job->st == NULL)
		return (MAIL_OK);
	if ((rc = store_mailing_mark(job->st, job->mailing, r, n)) !=
	    STORE_OK) {
		snprintf(e->msg, sizeof(e->msg), "%s",
		    store_last_error(job->st)->msg);
		return (MAIL_IO);
	}
	return (MAIL_OK);
}

/* Hand off target I; its outcome into R. */
static int
run_one(const struct mail_job *job, const struct mail_target *to,
    struct store_recipient *r, struct mail_tally *tally,
    struct mail_error *e)
{
	struct mail_error se;
	char	*msg;
	size_t	 len;
	int	 rc;

	mail_build(job->t, job->src, to->index, to->address, job->mailing,
	    to->member, job->now, &msg, &len);
	if (job->dry != NULL) {
		rc = mail_dryrun_write(job->dry, to->member, msg, len, e);
		free(msg);
		tally->sent += rc == MAIL_OK;
		return (rc);
	}
	rc = mail_send(mail_template_sender(job->t), to->address, msg, len,
	    &se);
	free(msg);
	if (rc == MAIL_OK) {
		r->state = STORE_MAIL_SENT;
		tally->sent++;
	} else {
		r->state = STORE_MAIL_FAILED;
		r->error = xstrdup(se.msg);
		if (tally->failed++ == 0)
			snprintf(tally->first_error,
			    sizeof(tally->first_error), "%s", se.msg);
	}
	return (MAIL_OK);
}

int
mail_run(const struct mail_job *job, struct mail_tally *tally,
    struct mail_error *e)
{
	struct store_recipient r[MAIL_BATCH];
	size_t	 at, k, m;
	int	 rc = MAIL_OK;

	memset(tally, 0, sizeof(*tally));
	for (at = 0; at < job->n && rc == MAIL_OK; at += m) {
		m = job->n - at < MAIL_BATCH ? job->n - at : MAIL_BATCH;
		memset(r, 0, sizeof(r));
		for (k = 0; k < m; k++) {
			snprintf(r[k].member, sizeof(r[k].member), "%s",
			    job->to[at + k].member);
			r[k].state = STORE_MAIL_SENDING;
			r[k].resent = job->to[at + k].resend;
		}
		if ((rc = run_record(job, r, m, e)) != MAIL_OK)
			break;
		for (k = 0; k < m && rc == MAIL_OK; k++) {
			rc = run_one(job, &job->to[at + k], &r[k], tally, e);
			if (job->progress != NULL)
				job->progress(job->arg, at + k + 1, job->n);
		}
		if (rc == MAIL_OK)
			rc = run_record(job, r, m, e);
		for (k = 0; k < m; k++)
			free(r[k].error);
	}
	return (rc);
}
