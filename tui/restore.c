/* restore.c -- a form's unsaved input kept as a draft when the session
 * dies, and offered back at the next start. */
#include <stdio.h>
#include <stdlib.h>

#include "store/i18n.h"
#include "tui/draft.h"
#include "tui/form.h"
#include "tui/screen.h"
#include "store/xmalloc.h"

/* Save the unsaved form (if any) as this user's draft for the database. */
void
tui_save_draft(struct tui *t)
{
	struct screen	*s;
	char		*text;

	if (t->draft_path == NULL || !tui_unsaved(t, &s) ||
	    s->ops->draft == NULL)
		return;
	if ((text = s->ops->draft(s)) != NULL) {
		draft_save(t->draft_path, text);
		free(text);
	}
}

struct tui_draft {
	char		*text;
	enum form_kind	 kind;
	char		 key[STORE_ID_MAX + 1];
};

static void
tui_draft_free(void *arg)
{
	struct tui_draft	*d = arg;

	free(d->text);
	free(d);
}

static void
tui_draft_done(struct tui *t, void *arg, int choice, const char *text)
{
	struct tui_draft	*d = arg;
	struct screen		*s = NULL;
	int			 member;

	(void)text;
	draft_remove(t->draft_path);
	if (choice != 0) {
		tui_status(t, "%s", _("The draft was discarded."));
		return;
	}
	member = d->kind == FORM_MEMBER_ADD || d->kind == FORM_MEMBER_EDIT;
	if (member)
		s = screen_form_member(t, d->kind == FORM_MEMBER_EDIT ?
		    d->key : NULL, d->text);
	else
		s = screen_form_event(t, d->kind == FORM_EVENT_EDIT ?
		    d->key : NULL, d->text);
	if (s == NULL)
		return;
	tui_push(t, tui_panel_of(member ? screen_members_new :
	    screen_events_new), s);
	tui_status(t, "%s", _("The draft is back in the form; Ctrl-S saves "
	    "it."));
}

/* At start: offer the draft a dropped session left. */
void
tui_offer_draft(struct tui *t)
{
	struct tui_draft	*d;
	char			*text, *q;
	char			 subject[128];

	if (t->draft_path == NULL ||
	    (text = draft_load(t->draft_path)) == NULL)
		return;
	d = xcalloc(1, sizeof *d);
	d->text = text;
	if (form_draft_kind(text, &d->kind, d->key) != 0) {
		draft_remove(t->draft_path);
		tui_draft_free(d);
		return;
	}
	switch (d->kind) {
	case FORM_MEMBER_ADD:
		snprintf(subject, sizeof subject, "%s", _("a new member"));
		break;
	case FORM_MEMBER_EDIT:
		snprintf(subject, sizeof subject, _("member %s"), d->key);
		break;
	case FORM_EVENT_ADD:
		snprintf(subject, sizeof subject, "%s", _("a new event"));
		break;
	case FORM_EVENT_EDIT:
		snprintf(subject, sizeof subject, _("event %s"), d->key);
		break;
	}
	q = xasprintf(_("A form of %s was not saved when the last session "
	    "ended.\nRestore it?"), subject);
	tui_dialog(t, q, _("Restore"), _("Discard"), tui_draft_done, d,
	    tui_draft_free);
	free(q);
}
