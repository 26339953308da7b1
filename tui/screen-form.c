/* screen-form.c -- the forms that add and edit members and events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/form.h"
#include "tui/screen.h"
#include "tui/width.h"
#include "store/xmalloc.h"

#define FORM_CTX	(KC_GLOBAL | KC_FORM | KC_FIELD)
#define FORM_LABEL_COLS	26

struct form_screen {
	struct tui	*t;
	struct form	 fm;
	size_t		 top;	/* first field shown */
};

static const char *
fs_title(const struct form *fm, char *buf, size_t size)
{
	switch (fm->kind) {
	case FORM_MEMBER_ADD:
		snprintf(buf, size, "%s", _("New member"));
		break;
	case FORM_MEMBER_EDIT:
		snprintf(buf, size, _("Edit member %s"), fm->key);
		break;
	case FORM_EVENT_ADD:
		snprintf(buf, size, "%s", _("New event"));
		break;
	case FORM_EVENT_EDIT:
		snprintf(buf, size, _("Edit event %s"), fm->key);
		break;
	}
	return (buf);
}

static void
fs_draw(struct tui *t, struct screen *s, WINDOW *w, int h, int cols)
{
	struct form_screen	*fs = s->data;
	struct form		*fm = &fs->fm;
	struct form_field	*ff;
	char			 buf[1400], view[1024], title[256];
	size_t			 i;
	int			 y, fw, lw, rows, col, ew;

	snprintf(buf, sizeof buf, "%s   %s", fs_title(fm, title, sizeof title),
	    _("(Ctrl-S or F2 saves; Esc undoes a field, again leaves)"));
	draw_text(w, 0, 0, cols, buf, A_BOLD);
	if (fm->err != NULL)
		draw_text(w, 1, 0, cols, fm->err, tui_attr(t, TA_ERROR));
	lw = FORM_LABEL_COLS < cols / 3 ? FORM_LABEL_COLS : cols / 3;
	fw = cols - lw - 2 > 50 ? 50 : cols - lw - 2;
	rows = h - 2;
	if (rows < 1)
		return;
	if (fm->focus < fs->top)
		fs->top = fm->focus;
	if (fm->focus >= fs->top + (size_t)rows)
		fs->top = fm->focus - (size_t)rows + 1;
	for (i = fs->top, y = 2; i < fm->n && y < h; i++, y++) {
		ff = &fm->fields[i];
		snprintf(buf, sizeof buf, "%s%s", _(ff->label),
		    (ff->flags & FF_REQUIRED) ? " *" : "");
		draw_text(w, y, 0, lw, buf, i == fm->focus ? A_BOLD :
		    A_NORMAL);
		field_view(&ff->f, fw, view, sizeof view, &col);
		draw_text(w, y, lw + 1, fw, view, (ff->flags & FF_READONLY) ?
		    tui_attr(t, TA_DIM) : i == fm->focus ?
		    tui_attr(t, TA_FOCUS) : A_UNDERLINE);
		if (i == fm->focus) {
			s->cur_y = y;
			s->cur_x = lw + 1 + col;
		}
		ew = cols - lw - fw - 3;
		if (ff->err != NULL && ew > 2) {
			/* "!" says it is an error without colour. */
			snprintf(buf, sizeof buf, "! %s", ff->err);
			draw_text(w, y, lw + fw + 2, ew, buf,
			    tui_attr(t, TA_ERROR));
		}
	}
}

static void
fs_text(struct tui *t, struct screen *s, int key)
{
	struct form_screen	*fs = s->data;
	struct form_field	*ff = &fs->fm.fields[fs->fm.focus];

	if (ff->flags & FF_READONLY) {
		tui_status(t, "%s", _("This field cannot be changed here."));
		return;
	}
	field_insert(&ff->f, (uint32_t)key);
}

static void
fs_leave_done(struct tui *t, void *arg, int choice, const char *text)
{
	(void)arg;
	(void)text;
	if (choice == 0) {
		tui_pop(t);
		tui_status(t, "%s", _("The input was discarded."));
	}
}

/* After a conflict: the form shows the fresh record, and next to each
 * field the user had changed, what they typed (nothing is overwritten). */
static void
fs_conflict(struct tui *t, struct form_screen *fs, struct form *fresh,
    const char *msg)
{
	struct form		*old = &fs->fm;
	struct form_field	*ff, *of;
	char			*typed;
	size_t			 i;
	for (i = 0; i < fresh->n; i++) {
		ff = &fresh->fields[i];
		if ((of = form_find(old, ff->name)) == NULL ||
		    strcmp(field_text(&of->f), of->orig) == 0 ||
		    strcmp(field_text(&of->f), field_text(&ff->f)) == 0)
			continue;
		typed = xasprintf(_("you typed: %s"), field_text(&of->f));
		form_set_error(fresh, ff->name, typed);
		free(typed);
	}
	fresh->focus = old->focus < fresh->n ? old->focus : 0;
	form_set_error(fresh, "", msg);
	form_free(old);
	fs->fm = *fresh;
	tui_error(t, "%s", msg);
}

/* Apply a store error to the form: the field it names gets it. */
static void
fs_store_error(struct tui *t, struct form_screen *fs, int rc)
{
	const struct store_error	*e = store_last_error(t->st);

	if (rc == STORE_EXISTS)
		form_set_error(&fs->fm, fs->fm.fields[0].name,
		    _("this key exists already"));
	else if (rc == STORE_INVALID || rc == STORE_NOTFOUND)
		form_set_error(&fs->fm, e->field, e->msg);
	else
		tui_store_error(t, rc);
	if (rc == STORE_EXISTS || rc == STORE_INVALID || rc == STORE_NOTFOUND)
		tui_error(t, "%s", rc == STORE_EXISTS ?
		    _("this key exists already") : e->msg);
}

static void
fs_save_member(struct tui *t, struct form_screen *fs)
{
	struct form		*fm = &fs->fm, fresh;
	struct store_member	 m;
	char			 id[STORE_ID_MAX + 1], msg[768];
	int			 rc, bad;

	memset(&m, 0, sizeof m);
	if (fm->kind == FORM_MEMBER_EDIT &&
	    (rc = store_member_get(t->st, fm->key, &m, NULL)) != STORE_OK) {
		tui_store_error(t, rc);
		store_member_free(&m);
		return;
	}
	if ((bad = form_to_member(fm, &m)) != 0) {
		tui_error(t, _("%d field(s) need a look (marked with !)"), bad);
		store_member_free(&m);
		return;
	}
	if (fm->kind == FORM_MEMBER_ADD)
		rc = store_member_add(t->st, &m);
	else
		rc = store_member_update(t->st, &m, fm->version);
	snprintf(id, sizeof id, "%s", m.id);
	if (rc == STORE_CONFLICT) {
		/* Who and when, before the next store call replaces it. */
		tui_conflict_text(t, msg, sizeof msg);
		store_member_free(&m);
		memset(&m, 0, sizeof m);
		if (store_member_get(t->st, fm->key, &m, NULL) == STORE_OK) {
			form_member(&fresh, &m);
			fs_conflict(t, fs, &fresh, msg);
		} else
			tui_error(t, "%s", msg);
		store_member_free(&m);
		tui_wrote(t);
		return;
	}
	if (rc != STORE_OK) {
		fs_store_error(t, fs, rc);
		store_member_free(&m);
		return;
	}
	tui_status(t, fm->kind == FORM_MEMBER_ADD ? _("Added member %s %s.") :
	    _("Saved member %s %s."), m.id, m.name != NULL ? m.name : "");
	store_member_free(&m);
	form_saved(fm);
	if (fm->kind == FORM_MEMBER_ADD) {
		/* The list keeps its place; the new member's page opens. */
		int	panel = t->panel;

		tui_pop(t);
		tui_push(t, panel, screen_member_new(t, id));
	} else
		tui_pop(t);
	tui_wrote(t);
}

static void
fs_save_event(struct tui *t, struct form_screen *fs)
{
	struct form		*fm = &fs->fm, fresh;
	struct store_event	 ev;
	char			 code[STORE_ID_MAX + 1], msg[768];
	int			 rc, bad;

	memset(&ev, 0, sizeof ev);
	if (fm->kind == FORM_EVENT_EDIT &&
	    (rc = store_event_get(t->st, fm->key, &ev, NULL)) != STORE_OK) {
		tui_store_error(t, rc);
		store_event_free(&ev);
		return;
	}
	if ((bad = form_to_event(fm, &ev)) != 0) {
		tui_error(t, _("%d field(s) need a look (marked with !)"), bad);
		store_event_free(&ev);
		return;
	}
	if (fm->kind == FORM_EVENT_ADD)
		rc = store_event_add(t->st, &ev);
	else
		rc = store_event_update(t->st, &ev, fm->version);
	snprintf(code, sizeof code, "%s", ev.code);
	if (rc == STORE_CONFLICT) {
		tui_conflict_text(t, msg, sizeof msg);
		store_event_free(&ev);
		memset(&ev, 0, sizeof ev);
		if (store_event_get(t->st, fm->key, &ev, NULL) == STORE_OK) {
			form_event(&fresh, &ev);
			fs_conflict(t, fs, &fresh, msg);
		} else
			tui_error(t, "%s", msg);
		store_event_free(&ev);
		tui_wrote(t);
		return;
	}
	if (rc != STORE_OK) {
		fs_store_error(t, fs, rc);
		store_event_free(&ev);
		return;
	}
	tui_status(t, fm->kind == FORM_EVENT_ADD ? _("Added event %s %s.") :
	    _("Saved event %s %s."), ev.code, ev.name != NULL ? ev.name : "");
	store_event_free(&ev);
	form_saved(fm);
	if (fm->kind == FORM_EVENT_ADD) {
		int	panel = t->panel;

		tui_pop(t);
		tui_push(t, panel, screen_event_new(t, code));
	} else
		tui_pop(t);
	tui_wrote(t);
}

static void
fs_act(struct tui *t, struct screen *s, enum action act, int key)
{
	struct form_screen	*fs = s->data;
	struct form		*fm = &fs->fm;
	struct form_field	*ff = &fm->fields[fm->focus];

	(void)key;
	if (!(ff->flags & FF_READONLY) && tui_field_act(&ff->f, act))
		return;
	switch (act) {
	case ACT_NEXT_FIELD:
		form_focus(fm, 1);
		break;
	case ACT_PREV_FIELD:
		form_focus(fm, -1);
		break;
	case ACT_SAVE:
		if (fm->kind == FORM_MEMBER_ADD || fm->kind == FORM_MEMBER_EDIT)
			fs_save_member(t, fs);
		else
			fs_save_event(t, fs);
		break;
	case ACT_BACK:
		/* Esc undoes the typing in the field (back to the value it
		 * had when the form opened); when there is nothing to undo it
		 * leaves the form. */
		if (form_revert_field(fm)) {
			tui_status(t, "%s", _("Field restored; Esc again leaves "
			    "the form."));
		} else if (form_unsaved(fm))
			tui_dialog(t, _("Leave the form and lose what was "
			    "typed?"), _("Discard"), _("Cancel"),
			    fs_leave_done, NULL, NULL);
		else
			tui_pop(t);
		break;
	default:
		break;
	}
}

static int
fs_unsaved(struct screen *s)
{
	struct form_screen	*fs = s->data;

	return (form_unsaved(&fs->fm));
}

static char *
fs_draft(struct screen *s)
{
	struct form_screen	*fs = s->data;

	return (form_dump(&fs->fm));
}

static void
fs_free(struct screen *s)
{
	struct form_screen	*fs = s->data;

	form_free(&fs->fm);
	free(fs);
}

static const struct screen_ops form_ops = {
	.name = "form",
	.draw = fs_draw,
	.act = fs_act,
	.text = fs_text,
	.unsaved = fs_unsaved,
	.draft = fs_draft,
	.free = fs_free,
};

static struct screen *
fs_new(struct tui *t, struct form_screen *fs, const char *draft)
{
	fs->t = t;
	if (draft != NULL && form_draft_apply(&fs->fm, draft) != 0)
		tui_error(t, "%s", _("The draft could not be read."));
	return (tui_screen_new(&form_ops, FORM_CTX, fs));
}

struct screen *
screen_form_member(struct tui *t, const char *id, const char *draft)
{
	struct form_screen	*fs;
	struct store_member	 m;
	int			 rc;

	memset(&m, 0, sizeof m);
	if (id != NULL &&
	    (rc = store_member_get(t->st, id, &m, NULL)) != STORE_OK) {
		tui_store_error(t, rc);
		store_member_free(&m);
		return (NULL);
	}
	fs = xcalloc(1, sizeof *fs);
	form_member(&fs->fm, id != NULL ? &m : NULL);
	store_member_free(&m);
	return (fs_new(t, fs, draft));
}

struct screen *
screen_form_event(struct tui *t, const char *code, const char *draft)
{
	struct form_screen	*fs;
	struct store_event	 ev;
	int			 rc;

	memset(&ev, 0, sizeof ev);
	if (code != NULL &&
	    (rc = store_event_get(t->st, code, &ev, NULL)) != STORE_OK) {
		tui_store_error(t, rc);
		store_event_free(&ev);
		return (NULL);
	}
	fs = xcalloc(1, sizeof *fs);
	form_event(&fs->fm, code != NULL ? &ev : NULL);
	store_event_free(&ev);
	return (fs_new(t, fs, draft));
}
