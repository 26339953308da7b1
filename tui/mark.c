/* mark.c -- final statuses and responses from the screens, with undo. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/pending.h"
#include "tui/screen.h"
#include "store/xmalloc.h"

#define MARK_SHOWN	5	/* tagged records named in the question */

/* A change waiting for its dialog. */
struct mark_job {
	struct marker		*mk;
	struct pending_row	*rows;
	size_t			 n;
	int			 final;		/* or STORE_KEEP */
	int			 response;	/* or STORE_KEEP */
	struct listview		*tags;	/* clear these tags when done */
};

static void
mark_job_free(void *arg)
{
	struct mark_job	*job = arg;

	free(job->rows);
	free(job);
}

static struct mark_job *
mark_job_new(struct marker *mk, const struct pending_row *const *rows,
    size_t n, int final, int response)
{
	struct mark_job	*job = xcalloc(1, sizeof *job);
	size_t		 i;

	job->mk = mk;
	job->rows = xcalloc(n, sizeof *job->rows);
	for (i = 0; i < n; i++)
		job->rows[i] = *rows[i];
	job->n = n;
	job->final = final;
	job->response = response;
	return (job);
}

static void
mark_push(struct marker *mk, const struct mark_job *job,
    const struct store_attendance *res)
{
	struct mark_step	*st;
	size_t			 i;

	mk->steps = xreallocarray(mk->steps, mk->n + 1, sizeof *mk->steps);
	st = &mk->steps[mk->n++];
	st->n = job->n;
	st->invited = 0;
	st->recs = xcalloc(job->n, sizeof *st->recs);
	for (i = 0; i < job->n; i++) {
		snprintf(st->recs[i].event, sizeof st->recs[i].event, "%s",
		    job->rows[i].event);
		snprintf(st->recs[i].member, sizeof st->recs[i].member, "%s",
		    job->rows[i].member);
		st->recs[i].response = job->rows[i].response;
		st->recs[i].final = job->rows[i].final;
		st->recs[i].version = res[i].version;
	}
}

/* The member's total now (0 when it cannot be read). */
static uint32_t
mark_total(struct tui *t, const char *member)
{
	struct store_member	m;
	struct store_stats	stats;
	uint32_t		total = 0;

	memset(&m, 0, sizeof m);
	memset(&stats, 0, sizeof stats);
	if (store_member_get(t->st, member, &m, &stats) == STORE_OK)
		total = stats.total;
	store_member_free(&m);
	return (total);
}

/* One store call for the whole job; then the status line says what
 * changed and the screen reads the fresh state. */
static void
mark_run(struct tui *t, struct mark_job *job)
{
	struct store_change	*ch;
	struct store_attendance	*res;
	uint32_t		 before = 0, after;
	size_t			 i;
	int			 rc;
	const char		*name;

	ch = xcalloc(job->n, sizeof *ch);
	res = xcalloc(job->n, sizeof *res);
	for (i = 0; i < job->n; i++) {
		store_change_init(&ch[i], job->rows[i].event,
		    job->rows[i].member);
		ch[i].final = job->final;
		ch[i].response = job->response;
		ch[i].only_existing = true;
		ch[i].expect = job->rows[i].version;
	}
	if (job->n == 1 && job->final != STORE_KEEP)
		before = mark_total(t, job->rows[0].member);
	rc = store_attendance_apply(t->st, ch, job->n, res);
	if (rc != STORE_OK) {
		tui_store_error(t, rc);
		free(ch);
		free(res);
		tui_wrote(t);	/* show the fresh state */
		return;
	}
	mark_push(job->mk, job, res);
	if (job->tags != NULL)
		listview_tag_clear(job->tags);
	name = job->rows[0].member_name[0] != '\0' ?
	    job->rows[0].member_name : job->rows[0].member;
	if (job->n == 1 && job->final != STORE_KEEP) {
		after = mark_total(t, job->rows[0].member);
		if (after != before)
			tui_status(t, _("%s: attendance count %u %s %u"), name,
			    before, tui_arrow(), after);
		else
			tui_status(t, _("%s: %s (attendance count %u)"), name,
			    store_final_text(job->final), after);
	} else if (job->n == 1)
		tui_status(t, _("%s: response %s"), name,
		    store_response_text(job->response));
	else
		tui_status(t, _("%zu records: %s"), job->n,
		    store_final_text(job->final));
	for (i = 0; i < job->n; i++)
		store_attendance_free(&res[i]);
	free(res);
	free(ch);
	tui_wrote(t);
}

/* Is the event of any of ROWS dated after today? */
static bool
mark_any_future(const struct tui *t,
    const struct pending_row *const *rows, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(rows[i]->event_date, t->today) > 0)
			return (true);
	return (false);
}

static void
mark_confirmed(struct tui *t, void *arg, int choice, const char *text)
{
	(void)text;
	if (choice == 0)
		mark_run(t, arg);
	else
		tui_status(t, "%s", _("Cancelled; nothing was changed."));
}

void
mark_final(struct tui *t, struct marker *mk,
    const struct pending_row *const *rows, size_t n, struct listview *tags,
    enum store_final final)
{
	struct mark_job	*job;
	char		*q;

	if (n == 0) {
		tui_status(t, "%s", _("No record here."));
		return;
	}
	job = mark_job_new(mk, rows, n, (int)final, STORE_KEEP);
	job->tags = tags;
	if (final != STORE_FINAL_ATTENDED) {
		mark_run(t, job);
		mark_job_free(job);
		return;
	}
	/* The question of kintone's Customine button, word for word. */
	if (tags == NULL)
		q = xasprintf("%s\n\n%s  %s  %s", _("The event attendance "
		    "count will be updated. Continue?"), rows[0]->member_name,
		    rows[0]->event_name, rows[0]->event_date);
	else {
		char	*what = xasprintf(_("%zu tagged records"), n), *more;
		size_t	 i;

		q = xasprintf("%s\n\n%s", _("The event attendance count "
		    "will be updated. Continue?"), what);
		free(what);
		for (i = 0; i < n && i < MARK_SHOWN; i++) {
			more = xasprintf("%s\n  %s  %s  %s", q,
			    rows[i]->member_name, rows[i]->event_name,
			    rows[i]->event_date);
			free(q);
			q = more;
		}
		if (n > MARK_SHOWN) {
			more = xasprintf("%s\n  ...", q);
			free(q);
			q = more;
		}
	}
	/* An attendance before the event's date is most likely a slip. */
	if (mark_any_future(t, rows, n)) {
		char	*more = xasprintf("%s\n\n%s", q, _("Note: the event "
		    "has not taken place yet (its date is after today)."));

		free(q);
		q = more;
	}
	tui_dialog(t, q, _("Update"), _("Cancel"), mark_confirmed, job,
	    mark_job_free);
	free(q);
}

static void
mark_response_chosen(struct tui *t, void *arg, int choice, const char *text)
{
	struct mark_job	*job = arg;

	(void)text;
	if (choice >= 0) {
		job->response = choice;
		mark_run(t, job);
	}
	mark_job_free(job);
}

void
mark_response(struct tui *t, struct marker *mk, const struct pending_row *row)
{
	const char	*items[4];
	int		 i;

	if (row == NULL) {
		tui_status(t, "%s", _("No record here."));
		return;
	}
	for (i = 0; i < 4; i++)
		items[i] = store_response_text(i);
	tui_menu(t, _("Response"), items, 4, row->response,
	    mark_response_chosen, mark_job_new(mk, &row, 1, STORE_KEEP,
	    STORE_KEEP));
}

void
mark_push_invited(struct marker *mk, const char *event,
    const char *const *members, size_t n)
{
	struct mark_step	*st;
	size_t			 i;

	mk->steps = xreallocarray(mk->steps, mk->n + 1, sizeof *mk->steps);
	st = &mk->steps[mk->n++];
	st->n = n;
	st->invited = 1;
	st->recs = xcalloc(n + 1, sizeof *st->recs);
	for (i = 0; i < n; i++) {
		snprintf(st->recs[i].event, sizeof st->recs[i].event, "%s",
		    event);
		snprintf(st->recs[i].member, sizeof st->recs[i].member, "%s",
		    members[i]);
	}
}

/* Take back the invitations of step ST: all, or none when one of them
 * was answered or marked since (the message names it). */
static void
mark_undo_invited(struct tui *t, struct mark_step *st)
{
	const char	**ids;
	size_t		  i;
	int		  rc;

	ids = xcalloc(st->n + 1, sizeof *ids);
	for (i = 0; i < st->n; i++)
		ids[i] = st->recs[i].member;
	rc = st->n == 0 ? STORE_OK : store_uninvite(t->st, st->recs[0].event,
	    ids, st->n, NULL, NULL);
	if (rc != STORE_OK)
		tui_store_error(t, rc);
	else
		tui_status(t, _("Undone: %zu invitation(s) taken back."),
		    st->n);
	free(ids);
}

void
mark_undo(struct tui *t, struct marker *mk)
{
	struct mark_step	*st;
	struct store_change	*ch;
	size_t			 i;
	int			 rc;

	if (mk->n == 0) {
		tui_status(t, "%s", _("Nothing to undo on this screen."));
		return;
	}
	st = &mk->steps[--mk->n];
	if (st->invited) {
		mark_undo_invited(t, st);
		free(st->recs);
		tui_wrote(t);
		return;
	}
	ch = xcalloc(st->n, sizeof *ch);
	for (i = 0; i < st->n; i++) {
		store_change_init(&ch[i], st->recs[i].event,
		    st->recs[i].member);
		ch[i].response = st->recs[i].response;
		ch[i].final = st->recs[i].final;
		ch[i].only_existing = true;
		ch[i].expect = st->recs[i].version;
	}
	rc = store_attendance_apply(t->st, ch, st->n, NULL);
	if (rc != STORE_OK)
		tui_store_error(t, rc);
	else
		tui_status(t, _("Undone: %zu record(s) back as they were."),
		    st->n);
	free(ch);
	free(st->recs);
	tui_wrote(t);
}

void
mark_free(struct marker *mk)
{
	size_t	i;

	for (i = 0; i < mk->n; i++)
		free(mk->steps[i].recs);
	free(mk->steps);
	mk->steps = NULL;
	mk->n = 0;
}
