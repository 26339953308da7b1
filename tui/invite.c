/* invite.c -- invite by filter from an event's page: the filter typed (a
 * bad word named, the text kept for correction), a preview of who will be
 * invited and who is left out and why, one transaction, one undo step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/xmalloc.h"
#include "tui/screen.h"

#define INVITE_SHOWN	8	/* members named in the preview */

struct invite_job {
	struct marker		*mk;
	char			 event[STORE_ID_MAX + 1];
	char			*name;		/* the event's */
	char			**ids;		/* who will be invited */
	char			**who;		/* "M001 山田 太郎", the first */
	size_t			 n, nwho;
	struct store_select_counts c;
};

static void
invite_job_free(void *arg)
{
	struct invite_job	*job = arg;
	size_t			 i;

	for (i = 0; i < job->n; i++)
		free(job->ids[i]);
	for (i = 0; i < job->nwho; i++)
		free(job->who[i]);
	free(job->ids);
	free(job->who);
	free(job->name);
	free(job);
}

static int
invite_collect(const struct store_member *m, const struct store_stats *s,
    void *arg)
{
	struct invite_job	*job = arg;

	(void)s;
	job->ids = xreallocarray(job->ids, job->n + 1, sizeof *job->ids);
	job->ids[job->n++] = xstrdup(m->id);
	if (job->nwho < INVITE_SHOWN) {
		job->who = xreallocarray(job->who, job->nwho + 1,
		    sizeof *job->who);
		job->who[job->nwho++] = xasprintf("  %s %s", m->id,
		    m->name != NULL ? m->name : "");
	}
	return (0);
}

static void
invite_confirmed(struct tui *t, void *arg, int choice, const char *text)
{
	struct invite_job	*job = arg;
	const char		**made;
	bool			*created;
	size_t			 i, n = 0;
	int			 rc;

	(void)text;
	if (choice != 0) {
		tui_status(t, "%s", _("Cancelled; nobody was invited."));
		return;
	}
	created = xcalloc(job->n + 1, sizeof *created);
	rc = store_invite_members(t->st, job->event,
	    (const char *const *)job->ids, job->n, created);
	if (rc != STORE_OK)
		tui_store_error(t, rc);
	else {
		/* only the records made now: someone may have been quicker */
		made = xcalloc(job->n + 1, sizeof *made);
		for (i = 0; i < job->n; i++)
			if (created[i])
				made[n++] = job->ids[i];
		mark_push_invited(job->mk, job->event, made, n);
		free(made);
		tui_status(t, _("Invited %zu members to %s (u undoes it)."), n,
		    job->event);
	}
	free(created);
	tui_wrote(t);
}

/* The preview: who, then who is left out and why. */
static char *
invite_preview(const struct invite_job *job)
{
	char	*text, *p;
	size_t	 i;

	text = xasprintf(_("Invite %zu members to %s %s?"), job->n,
	    job->event, job->name);
	for (i = 0; i < job->nwho; i++) {
		p = xasprintf("%s\n%s", text, job->who[i]);
		free(text);
		text = p;
	}
	if (job->n > job->nwho) {
		p = xasprintf(_("%s\n  ... and %zu more"), text,
		    job->n - job->nwho);
		free(text);
		text = p;
	}
	p = xasprintf(_("%s\nLeft out: %zu left, %zu on leave (a filter "
	    "naming status includes them); %zu already invited.\n"
	    "Invited although they refuse mail (mail_opt_out): %zu."), text,
	    job->c.left, job->c.suspended, job->c.already,
	    job->c.mail_opt_out);
	free(text);
	return (p);
}

static void
invite_typed(struct tui *t, void *arg, int choice, const char *text)
{
	struct invite_job		*job = arg;
	struct store_filter_error	 e;
	struct store_filter		*f;
	char				*q;
	int				 rc;

	if (choice != 0 || *text == '\0') {
		invite_job_free(job);
		return;
	}
	if (store_filter_parse_line(t->st, text, &f, &e) != STORE_OK) {
		/* ask again with the words as typed, the bad one named */
		tui_error(t, _("Filter word %zu \"%s\": %s"), e.word, e.text,
		    e.msg);
		tui_prompt(t, _("Invite every member matching (e.g. "
		    "segment=正会員 total>=3):"), text, invite_typed, job);
		return;
	}
	rc = store_select(t->st, f, STORE_USE_INVITE, job->event,
	    invite_collect, job, &job->c);
	store_filter_free(f);
	if (rc != STORE_OK) {
		tui_store_error(t, rc);
		invite_job_free(job);
		return;
	}
	if (job->n == 0) {
		tui_status(t, _("Nobody to invite: %zu already invited, %zu "
		    "left, %zu on leave."), job->c.already, job->c.left,
		    job->c.suspended);
		invite_job_free(job);
		return;
	}
	q = invite_preview(job);
	tui_dialog(t, q, _("Invite"), _("Cancel"), invite_confirmed, job,
	    invite_job_free);
	free(q);
}

void
invite_filter(struct tui *t, struct marker *mk, const char *event,
    const char *name)
{
	struct invite_job	*job = xcalloc(1, sizeof *job);

	job->mk = mk;
	snprintf(job->event, sizeof job->event, "%s", event);
	job->name = xstrdup(name != NULL ? name : "");
	tui_prompt(t, _("Invite every member matching (e.g. segment=正会員 "
	    "total>=3):"), "", invite_typed, job);
}
