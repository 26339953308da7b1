/* screen-member.c -- a member's page: profile, attributes, aggregate,
 * attendance history as related records, change log. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/form.h"
#include "tui/screen.h"
#include "tui/width.h"
#include "store/xmalloc.h"

#define MEMBER_CTX	(KC_GLOBAL | KC_LIST | KC_MEMBER)
#define MEMBER_AUDIT	100	/* change log lines shown */

enum mline_kind { ML_TITLE, ML_SECTION, ML_KV, ML_HIST, ML_HISTHEAD,
    ML_AUDIT, ML_TEXT };

struct mline {
	enum mline_kind	 kind;
	char		 label[STORE_USER_SIZE + 64];
	char		 text[1024];
	char		 event[STORE_ID_MAX + 1];	/* ML_HIST */
	char		 date[STORE_DATE_SIZE];
	int		 response, final;
};

struct member_page {
	struct tui	*t;
	char		 id[STORE_ID_MAX + 1];
	struct listview	 lv;	/* struct mline */
	int		 lw;	/* the labels' column */
	int		 codew;	/* the history's event code column */
};

#define MEMBER_LW_MAX		30
#define MEMBER_CODEW_MAX	20

/* The words of the change log (store/ writes them in English), as shown;
 * member fields are named by the field table (mp_word). */
static const char *const mp_words[][2] = {
	{ "add", N_("Added") },
	{ "edit", N_("Edited") },
	{ "delete", N_("Deleted") },
	{ "merge", N_("Merged") },
	{ "mark", N_("Marked") },
	{ "respond", N_("Responded") },
	{ "invite", N_("Invited") },
	{ "import", N_("Imported") },
	{ "redacted", N_("Redacted") },
	{ "member", N_("member") },
	{ "event", N_("event") },
	{ "attendance", N_("attendance record") },
	{ "response", N_("Response") },
	{ "final", N_("Final") },
	{ "invited_on", N_("Invited on") },
	{ "walk_in", N_("Walk-in") },
	{ "checked_in", N_("Checked in") },
	{ "note", N_("Note") },
	{ "date", N_("Date") },
	{ "venue", N_("Venue") },
	{ "capacity", N_("Capacity (0: no limit)") },
};

static const char *
mp_word(const char *w, size_t n)
{
	size_t	i;

	for (i = 0; i < sizeof mp_words / sizeof mp_words[0]; i++) {
		if (strlen(mp_words[i][0]) == n &&
		    strncmp(mp_words[i][0], w, n) == 0)
			return (_(mp_words[i][1]));
	}
	for (i = 0; i < store_nfields; i++) {
		if (strlen(store_fields[i].key) == n &&
		    strncmp(store_fields[i].key, w, n) == 0)
			return (_(store_fields[i].ui));
	}
	return (NULL);
}

/* "field=value; ..." of the change log with the field names and the
 * response and final words translated; other text as it is. */
static void
mp_audit_text(const char *s, char *out, size_t size)
{
	const char	*end, *eq, *name;
	size_t		 len = 0, n;
	char		 val[256];
	int		 v;

	out[0] = '\0';
	if (s == NULL || *s == '\0') {
		snprintf(out, size, "-");
		return;
	}
	while (*s != '\0' && len < size) {
		if ((end = strstr(s, "; ")) == NULL)
			end = s + strlen(s);
		n = (size_t)(end - s);
		eq = memchr(s, '=', n);
		if (eq != NULL && (name = mp_word(s, (size_t)(eq - s))) != NULL) {
			snprintf(val, sizeof val, "%.*s", (int)(n - (size_t)(eq -
			    s) - 1), eq + 1);
			if (strncmp(s, "response=", 9) == 0 &&
			    (v = store_response_parse(val)) >= 0)
				snprintf(val, sizeof val, "%s",
				    store_response_text(v));
			else if (strncmp(s, "final=", 6) == 0 &&
			    (v = store_final_parse(val)) >= 0)
				snprintf(val, sizeof val, "%s",
				    store_final_text(v));
			len += (size_t)snprintf(out + len, size - len,
			    "%s%s=%s", len > 0 ? "; " : "", name, val);
		} else
			len += (size_t)snprintf(out + len, size - len,
			    "%s%.*s", len > 0 ? "; " : "", (int)n, s);
		s = *end != '\0' ? end + 2 : end;
	}
}

static void
mp_add(struct member_page *mp, enum mline_kind kind, const char *label,
    const char *text)
{
	struct mline	l;

	memset(&l, 0, sizeof l);
	l.kind = kind;
	snprintf(l.label, sizeof l.label, "%s", label != NULL ? label : "");
	snprintf(l.text, sizeof l.text, "%s", text != NULL ? text : "");
	listview_push(&mp->lv, &l);
}

/* A value that may hold line feeds: one line each. */
static void
mp_kv(struct member_page *mp, const char *label, const char *value)
{
	const char	*p = value != NULL ? value : "", *nl;
	char		 part[1024];
	int		 first = 1;

	do {
		nl = strchr(p, '\n');
		snprintf(part, sizeof part, "%.*s", nl != NULL ?
		    (int)(nl - p) : (int)strlen(p), p);
		mp_add(mp, ML_KV, first ? label : "", part);
		first = 0;
		p = nl != NULL ? nl + 1 : NULL;
	} while (p != NULL);
}

static int
mp_hist(const struct store_att_row *r, void *arg)
{
	struct member_page	*mp = arg;
	struct mline		 l;

	memset(&l, 0, sizeof l);
	l.kind = ML_HIST;
	snprintf(l.event, sizeof l.event, "%s", r->a.event);
	snprintf(l.date, sizeof l.date, "%s", r->event_date);
	snprintf(l.text, sizeof l.text, "%s", r->event_name);
	l.response = (int)r->a.response;
	l.final = (int)r->a.final;
	listview_push(&mp->lv, &l);
	return (0);
}

static int
mp_audit(const struct store_audit *a, void *arg)
{
	struct member_page	*mp = arg;
	char			 when[32], text[1024], o[400], nw[400];
	const char		*act, *ent;

	tui_time(a->at, when, sizeof when);
	if ((act = mp_word(a->action, strlen(a->action))) == NULL)
		act = a->action;
	if ((ent = mp_word(a->entity, strlen(a->entity))) == NULL)
		ent = a->entity;
	mp_audit_text(a->old, o, sizeof o);
	mp_audit_text(a->new, nw, sizeof nw);
	snprintf(text, sizeof text, "%s %s%s%s: %s %s %s", act, ent,
	    a->event[0] != '\0' ? " " : "", a->event, o, tui_arrow(), nw);
	{
		struct mline	l;

		memset(&l, 0, sizeof l);
		l.kind = ML_AUDIT;
		snprintf(l.label, sizeof l.label, "%s  %s", when, a->user);
		snprintf(l.text, sizeof l.text, "%s", text);
		listview_push(&mp->lv, &l);
	}
	return (0);
}

/* One mailing the member was a recipient of: when, the mailing, what
 * became of the message and the subject as written. */
static int
mp_mailing(const struct store_mailing *m, const struct store_recipient *r,
    void *arg)
{
	struct member_page	*mp = arg;
	struct mline		 l;
	char			 when[32];

	tui_time(r->at, when, sizeof when);
	memset(&l, 0, sizeof l);
	l.kind = ML_AUDIT;
	snprintf(l.label, sizeof l.label, "%s  %s", when, m->id);
	snprintf(l.text, sizeof l.text, "%s %s: %s", store_mail_state_word(
	    r->state), r->address, m->subject);
	listview_push(&mp->lv, &l);
	return (0);
}

/* The label column fits the longest label (with a space after it), the
 * code column the longest event code shown, each up to a cap. */
static void
mp_widths(struct member_page *mp)
{
	const struct mline	*l;
	size_t			 i;
	int			 w;

	mp->lw = 10;
	mp->codew = width_str(_("Event"));
	if (mp->codew < 10)
		mp->codew = 10;
	for (i = 0; i < mp->lv.n; i++) {
		l = listview_row(&mp->lv, i);
		if (l->kind == ML_KV && (w = width_str(l->label) + 2) > mp->lw)
			mp->lw = w > MEMBER_LW_MAX ? MEMBER_LW_MAX : w;
		if (l->kind == ML_HIST && (w = width_str(l->event)) > mp->codew)
			mp->codew = w > MEMBER_CODEW_MAX ? MEMBER_CODEW_MAX : w;
	}
}

/* The profile: every field of the table a person writes but the title's
 * (ID, name, reading), notes last (show's order). */
static void
mp_profile(struct member_page *mp, const struct store_member *m)
{
	const struct store_field	*f;
	char				 buf[64];
	int				 late;

	for (late = 0; late < 2; late++) {
		for (f = store_fields; f < store_fields + store_nfields; f++) {
			if ((f->flags & STORE_FIELD_DERIVED) ||
			    ((f->flags & STORE_FIELD_AFTER_ATTRS) != 0) != late ||
			    f->slot == STORE_SLOT_ID ||
			    strcmp(f->key, "name") == 0 ||
			    strcmp(f->key, "kana") == 0 ||
			    store_field_hidden(mp->t->st, f))
				continue;
			mp_kv(mp, _(f->ui), form_value_text(f, m, buf,
			    sizeof buf));
		}
	}
}

static void
mp_load(struct member_page *mp)
{
	struct store		*st = mp->t->st;
	struct store_member	 m;
	struct store_stats	 stats;
	char			 buf[1024], head[512];
	size_t			 i, nhist;
	int			 rc;

	listview_clear(&mp->lv);
	memset(&m, 0, sizeof m);
	memset(&stats, 0, sizeof stats);
	if ((rc = store_member_get(st, mp->id, &m, &stats)) != STORE_OK) {
		snprintf(buf, sizeof buf, rc == STORE_NOTFOUND ?
		    _("Member %s does not exist (any more).") :
		    _("Member %s cannot be read."), mp->id);
		mp_add(mp, ML_TITLE, NULL, buf);
		store_member_free(&m);
		return;
	}
	snprintf(head, sizeof head, "%s  %s%s%s%s", m.id,
	    m.name != NULL ? m.name : "", m.kana != NULL && *m.kana ? "  (" :
	    "", m.kana != NULL ? m.kana : "", m.kana != NULL && *m.kana ?
	    ")" : "");
	mp_add(mp, ML_TITLE, NULL, head);

	mp_add(mp, ML_SECTION, NULL, _("Attendance"));
	snprintf(buf, sizeof buf, _("%u in all (%d before sanka + %u "
	    "recorded)"), stats.total, (int)m.past_count, stats.attended);
	mp_kv(mp, _("Attendance count"), buf);
	mp_kv(mp, _("Last attended on"), stats.last_date);
	if (stats.last_event[0] != '\0')
		snprintf(buf, sizeof buf, "%s %s", stats.last_event,
		    tui_event_name(mp->t, stats.last_event));
	else
		snprintf(buf, sizeof buf, "%s", m.past_last_event != NULL ?
		    m.past_last_event : "");
	mp_kv(mp, _("Last event"), buf);
	snprintf(buf, sizeof buf, _("accepted %u, absent %u, no-show %u, "
	    "cancelled %u"), stats.accepted, stats.absent, stats.no_show,
	    stats.cancelled);
	mp_kv(mp, _("Other records"), buf);

	mp_add(mp, ML_SECTION, NULL, _("Profile"));
	mp_profile(mp, &m);
	tui_time(m.updated_at, head, sizeof head);
	snprintf(buf, sizeof buf, "%s  %s  (v%" PRIu32 ")", head,
	    m.updated_by, m.version);
	mp_kv(mp, _("Last changed"), buf);
	if (m.nattrs > 0) {
		mp_add(mp, ML_SECTION, NULL, _("Attributes"));
		for (i = 0; i < m.nattrs; i++)
			mp_kv(mp, m.attrs[i].name, m.attrs[i].value);
	}
	store_member_free(&m);

	nhist = mp->lv.n;
	mp_add(mp, ML_SECTION, NULL, _("Attendance history"));
	mp_add(mp, ML_HISTHEAD, NULL, NULL);
	nhist = mp->lv.n;
	store_member_history(st, mp->id, mp_hist, mp);
	if (mp->lv.n == nhist)
		mp_add(mp, ML_TEXT, NULL, _("(no records)"));
	mp_add(mp, ML_SECTION, NULL, _("Mailings"));
	nhist = mp->lv.n;
	store_member_mailings(st, mp->id, mp_mailing, mp);
	if (mp->lv.n == nhist)
		mp_add(mp, ML_TEXT, NULL, _("(no mailings)"));
	mp_add(mp, ML_SECTION, NULL, _("Change log (newest first)"));
	nhist = mp->lv.n;
	store_audit_each(st, mp->id, NULL, MEMBER_AUDIT, mp_audit, mp);
	if (mp->lv.n == nhist)
		mp_add(mp, ML_TEXT, NULL, _("(no changes)"));
	mp_widths(mp);
}

static void
mp_row(struct tui *t, struct screen *s, const void *row, char *buf,
    size_t size, int cols, int *tagged)
{
	const struct mline		*l = row;
	const struct member_page	*mp = s->data;
	size_t				 len = 0;
	int				 lw = mp->lw, cw = mp->codew, name;
	int				 rw, fw;

	(void)tagged;
	/* The status columns fit their headers (最終ステータス is 14). */
	rw = width_str(_("Response")) > 10 ? width_str(_("Response")) : 10;
	fw = width_str(_("Final")) > 10 ? width_str(_("Final")) : 10;
	switch (l->kind) {
	case ML_TITLE:
	case ML_TEXT:
		draw_cell(buf, size, &len, l->text, cols, 0);
		break;
	case ML_SECTION:
		snprintf(buf, size, "-- %s --", l->text);
		break;
	case ML_KV:
		draw_cell(buf, size, &len, l->label, lw - 1, 0);
		draw_cell(buf, size, &len, "", 1, 0);
		draw_cell(buf, size, &len, l->text, cols - lw, 0);
		break;
	case ML_HISTHEAD:
	case ML_HIST:
		name = cols - (2 + 10 + 1 + cw + 1 + 1 + rw + 1 + fw);
		if (name < 4)
			name = 4;
		draw_cell(buf, size, &len, "", 2, 0);
		draw_cell(buf, size, &len, l->kind == ML_HIST ? l->date :
		    _("Date"), 10, 0);
		draw_cell(buf, size, &len, "", 1, 0);
		draw_cell(buf, size, &len, l->kind == ML_HIST ? l->event :
		    _("Event"), cw, 0);
		draw_cell(buf, size, &len, "", 1, 0);
		draw_cell(buf, size, &len, l->kind == ML_HIST ? l->text : "",
		    name, 0);
		draw_cell(buf, size, &len, "", 1, 0);
		draw_cell(buf, size, &len, l->kind == ML_HIST ?
		    store_response_text(l->response) : _("Response"), rw, 0);
		draw_cell(buf, size, &len, "", 1, 0);
		draw_cell(buf, size, &len, l->kind == ML_HIST ?
		    store_final_text(l->final) : _("Final"), fw, 0);
		break;
	case ML_AUDIT:
		draw_cell(buf, size, &len, "", 2, 0);
		draw_cell(buf, size, &len, l->label, 34, 0);
		draw_cell(buf, size, &len, l->text, cols - 36, 0);
		break;
	}
	(void)t;
}

static void
mp_draw(struct tui *t, struct screen *s, WINDOW *w, int h, int cols)
{
	struct member_page	*mp = s->data;

	draw_list(t, w, 0, h, cols, &mp->lv, mp_row, s);
}

static void
mp_act(struct tui *t, struct screen *s, enum action act, int key)
{
	struct member_page	*mp = s->data;
	const struct mline	*l = listview_current(&mp->lv);
	struct screen		*n;

	(void)key;
	if (list_act(s, &mp->lv, NULL, act) != LIST_NONE)
		return;
	switch (act) {
	case ACT_BACK:
		tui_pop(t);
		break;
	case ACT_OPEN:
		if (l != NULL && l->kind == ML_HIST)
			tui_push(t, t->panel, screen_event_new(t, l->event));
		else
			tui_status(t, "%s", _("Enter opens the event of a "
			    "history line."));
		break;
	case ACT_EDIT:
		if ((n = screen_form_member(t, mp->id, NULL)) != NULL)
			tui_push(t, t->panel, n);
		break;
	case ACT_SEARCH:
		tui_status(t, "%s", _("Search is on the member list ([1])."));
		break;
	default:
		break;
	}
}

static void
mp_reload(struct tui *t, struct screen *s)
{
	struct member_page	*mp = s->data;
	size_t			 cur = mp->lv.cur, top = mp->lv.top;

	(void)t;
	mp_load(mp);
	listview_reselect(&mp->lv, NULL, NULL, NULL, cur, top);
}

static void
mp_free(struct screen *s)
{
	struct member_page	*mp = s->data;

	listview_free(&mp->lv);
	free(mp);
}

static const struct screen_ops member_ops = {
	.name = "member",
	.draw = mp_draw,
	.act = mp_act,
	.reload = mp_reload,
	.free = mp_free,
};

struct screen *
screen_member_new(struct tui *t, const char *id)
{
	struct member_page	*mp = xcalloc(1, sizeof *mp);

	mp->t = t;
	snprintf(mp->id, sizeof mp->id, "%s", id);
	listview_init(&mp->lv, sizeof(struct mline));
	mp_load(mp);
	return (tui_screen_new(&member_ops, MEMBER_CTX, mp));
}
