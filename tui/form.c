/* form.c -- member and event forms: fields, checks, drafts. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/sanka.h"
#include "tui/form.h"
#include "store/xmalloc.h"

static void
form_add(struct form *fm, const char *name, const char *label,
    unsigned flags, const char *value)
{
	struct form_field	*ff;

	fm->fields = xreallocarray(fm->fields, fm->n + 1, sizeof *fm->fields);
	ff = &fm->fields[fm->n++];
	memset(ff, 0, sizeof *ff);
	ff->name = xstrdup(name);
	ff->label = xstrdup(label);
	ff->flags = flags;
	field_init(&ff->f);
	field_set(&ff->f, value);
	ff->orig = xstrdup(value);
}

static void
form_start(struct form *fm, enum form_kind kind)
{
	memset(fm, 0, sizeof *fm);
	fm->kind = kind;
}

const char *
form_value_text(const struct store_field *f, const struct store_member *m,
    char *buf, size_t size)
{
	struct store_member_view	v = { m, NULL, NULL };

	switch (f->kind) {
	case STORE_KIND_ENUM:
		return (store_member_status_text(m != NULL ? m->status :
		    STORE_MEMBER_ACTIVE));
	case STORE_KIND_BOOL:
		return (m != NULL && m->mail_opt_out ? _("yes") : _("no"));
	default:
		break;
	}
	if (m == NULL)
		return ("");
	return (store_field_get(f, &v, STORE_STYLE_SHOW, buf, size));
}

/* One line per field of the table a person writes, in table order. */
void
form_member(struct form *fm, const struct store_member *m)
{
	const struct store_field	*f;
	char				 buf[64];
	size_t				 i;
	unsigned			 flags;

	form_start(fm, m != NULL ? FORM_MEMBER_EDIT : FORM_MEMBER_ADD);
	if (m != NULL) {
		snprintf(fm->key, sizeof fm->key, "%s", m->id);
		fm->version = m->version;
	}
	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (f->flags & STORE_FIELD_DERIVED)
			continue;
		flags = (f->flags & STORE_FIELD_REQUIRED) ? FF_REQUIRED : 0;
		if (f->slot == STORE_SLOT_ID && m != NULL)
			flags |= FF_READONLY;
		form_add(fm, f->key, f->ui, flags, form_value_text(f, m, buf,
		    sizeof buf));
	}
	for (i = 0; m != NULL && i < m->nattrs; i++) {
		char	*name = xasprintf("attr.%s", m->attrs[i].name);

		form_add(fm, name, m->attrs[i].name, 0, m->attrs[i].value);
		free(name);
	}
	form_add(fm, FORM_NEWATTR, N_("New attribute (NAME=VALUE)"), 0, "");
	form_focus(fm, 0);
}

void
form_event(struct form *fm, const struct store_event *ev)
{
	char		num[32];
	unsigned	ro = ev != NULL ? FF_READONLY : 0;

	form_start(fm, ev != NULL ? FORM_EVENT_EDIT : FORM_EVENT_ADD);
	num[0] = '\0';
	if (ev != NULL) {
		snprintf(fm->key, sizeof fm->key, "%s", ev->code);
		fm->version = ev->version;
		if (ev->capacity != 0)
			snprintf(num, sizeof num, "%" PRId32, ev->capacity);
	}
	form_add(fm, "code", N_("Event code"), FF_REQUIRED | ro,
	    ev ? ev->code : "");
	form_add(fm, "name", N_("Event name"), FF_REQUIRED,
	    ev ? ev->name : "");
	form_add(fm, "date", N_("Date"), FF_REQUIRED, ev ? ev->date : "");
	form_add(fm, "venue", N_("Venue"), 0, ev ? ev->venue : "");
	form_add(fm, "capacity", N_("Capacity (0: no limit)"), 0, num);
	form_add(fm, "notes", N_("Notes"), 0, ev ? ev->notes : "");
	form_focus(fm, 0);
}

void
form_free(struct form *fm)
{
	size_t	i;

	for (i = 0; i < fm->n; i++) {
		free(fm->fields[i].name);
		free(fm->fields[i].label);
		free(fm->fields[i].orig);
		free(fm->fields[i].err);
		field_free(&fm->fields[i].f);
	}
	free(fm->fields);
	free(fm->err);
	memset(fm, 0, sizeof *fm);
}

struct form_field *
form_find(struct form *fm, const char *name)
{
	size_t	i;

	for (i = 0; i < fm->n; i++) {
		if (strcmp(fm->fields[i].name, name) == 0)
			return (&fm->fields[i]);
	}
	return (NULL);
}

int
form_unsaved(const struct form *fm)
{
	size_t	i;

	for (i = 0; i < fm->n; i++) {
		if (strcmp(field_text(&fm->fields[i].f),
		    fm->fields[i].orig) != 0)
			return (1);
	}
	return (0);
}

int
form_revert_field(struct form *fm)
{
	struct form_field	*ff;

	if (fm->focus >= fm->n)
		return (0);
	ff = &fm->fields[fm->focus];
	if ((ff->flags & FF_READONLY) ||
	    strcmp(field_text(&ff->f), ff->orig) == 0)
		return (0);
	field_set(&ff->f, ff->orig);
	return (1);
}

void
form_focus(struct form *fm, int dir)
{
	size_t	i, at = fm->focus;

	if (fm->n == 0)
		return;
	if (dir == 0) {
		/* The first editable field from the current one. */
		for (i = 0; i < fm->n; i++, at = (at + 1) % fm->n) {
			if (!(fm->fields[at].flags & FF_READONLY))
				break;
		}
		fm->focus = at;
		return;
	}
	for (i = 0; i < fm->n; i++) {
		at = dir > 0 ? (at + 1) % fm->n : (at + fm->n - 1) % fm->n;
		if (!(fm->fields[at].flags & FF_READONLY))
			break;
	}
	fm->focus = at;
}

void
form_clear_errors(struct form *fm)
{
	size_t	i;

	for (i = 0; i < fm->n; i++) {
		free(fm->fields[i].err);
		fm->fields[i].err = NULL;
	}
	free(fm->err);
	fm->err = NULL;
}

void
form_set_error(struct form *fm, const char *name, const char *msg)
{
	struct form_field	*ff = NULL;
	char			 attr[STORE_ID_MAX + 16];

	if (name != NULL && *name != '\0') {
		ff = form_find(fm, name);
		if (ff == NULL && strncmp(name, "attr", 4) != 0) {
			snprintf(attr, sizeof attr, "attr.%s", name);
			ff = form_find(fm, attr);
		}
		/* The store names the key "id"/"code"; so do the forms. */
		if (ff == NULL && (strcmp(name, "member_id") == 0 ||
		    strcmp(name, "event_code") == 0))
			ff = &fm->fields[0];
	}
	if (ff != NULL) {
		free(ff->err);
		ff->err = xstrdup(msg);
	} else {
		free(fm->err);
		fm->err = xstrdup(msg);
	}
}

static const char *
form_text(struct form *fm, const char *name)
{
	struct form_field	*ff = form_find(fm, name);

	return (ff != NULL ? field_text(&ff->f) : "");
}

/* Check the required fields; returns the count refused. */
static int
form_required(struct form *fm)
{
	size_t	i;
	int	bad = 0;
	const char *p;

	for (i = 0; i < fm->n; i++) {
		if (!(fm->fields[i].flags & FF_REQUIRED))
			continue;
		for (p = field_text(&fm->fields[i].f); *p == ' '; p++)
			;
		if (*p == '\0') {
			form_set_error(fm, fm->fields[i].name,
			    _("required"));
			bad++;
		}
	}
	return (bad);
}

static int
form_date(struct form *fm, const char *name, char out[STORE_DATE_SIZE])
{
	if (sanka_date(form_text(fm, name), out))
		return (0);
	form_set_error(fm, name, _("not a date (e.g. 2026-02-20)"));
	return (1);
}

static int
form_number(struct form *fm, const char *name, int32_t *out)
{
	if (sanka_number(form_text(fm, name), out))
		return (0);
	form_set_error(fm, name, _("not a number (0 or more)"));
	return (1);
}

/* Read each field of the table the form holds into M as the command
 * line and import read it; a value it cannot read gets its message. */
int
form_to_member(struct form *fm, struct store_member *m)
{
	const struct store_field	*f;
	char				 why[512];
	size_t				 i;
	int				 bad;

	form_clear_errors(fm);
	bad = form_required(fm);
	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if ((f->flags & STORE_FIELD_DERIVED) || form_find(fm,
		    f->key) == NULL || (f->slot == STORE_SLOT_ID &&
		    fm->kind != FORM_MEMBER_ADD))
			continue;
		if (f->slot == STORE_SLOT_ID && *form_text(fm, f->key) == '\0')
			continue;	/* "required" said it */
		if (store_field_set(f, m, form_text(fm, f->key),
		    STORE_SET_AS_TYPED, why, sizeof why) != 0) {
			form_set_error(fm, f->key, why);
			bad++;
		}
	}
	for (i = 0; i < fm->n; i++) {
		const char	*name = fm->fields[i].name;
		const char	*v = field_text(&fm->fields[i].f), *eq;
		char		*an;

		if (strncmp(name, "attr.", 5) == 0)
			store_attr_set(m, name + 5, v);
		else if (strcmp(name, FORM_NEWATTR) == 0 && *v != '\0') {
			if ((eq = strchr(v, '=')) == NULL || eq == v) {
				form_set_error(fm, name,
				    _("write NAME=VALUE"));
				bad++;
				continue;
			}
			an = xasprintf("%.*s", (int)(eq - v), v);
			store_attr_set(m, an, eq + 1);
			free(an);
		}
	}
	return (bad);
}

int
form_to_event(struct form *fm, struct store_event *ev)
{
	int	bad;
	char	date[STORE_DATE_SIZE];

	form_clear_errors(fm);
	bad = form_required(fm);
	if (fm->kind == FORM_EVENT_ADD)
		snprintf(ev->code, sizeof ev->code, "%s",
		    form_text(fm, "code"));
	store_str_set(&ev->name, form_text(fm, "name"));
	store_str_set(&ev->venue, form_text(fm, "venue"));
	store_str_set(&ev->notes, form_text(fm, "notes"));
	if (*form_text(fm, "date") != '\0') {
		if (form_date(fm, "date", date) == 0)
			memcpy(ev->date, date, sizeof date);
		else
			bad++;
	}
	bad += form_number(fm, "capacity", &ev->capacity);
	return (bad);
}

void
form_saved(struct form *fm)
{
	size_t	i;

	for (i = 0; i < fm->n; i++) {
		free(fm->fields[i].orig);
		fm->fields[i].orig = xstrdup(field_text(&fm->fields[i].f));
	}
}

static const char *const form_kinds[] = {
	"member-add", "member-edit", "event-add", "event-edit",
};

/* Append S to *BUF (length *LEN), escaping \, LF and tab when ESC. */
static void
form_cat(char **buf, size_t *len, const char *s, int esc)
{
	size_t	n = strlen(s), i;

	*buf = xreallocarray(*buf, *len + 2 * n + 1, 1);
	for (i = 0; i < n; i++) {
		if (esc && (s[i] == '\\' || s[i] == '\n' || s[i] == '\t')) {
			(*buf)[(*len)++] = '\\';
			(*buf)[(*len)++] = s[i] == '\\' ? '\\' :
			    s[i] == '\n' ? 'n' : 't';
		} else
			(*buf)[(*len)++] = s[i];
	}
	(*buf)[*len] = '\0';
}

char *
form_dump(const struct form *fm)
{
	char	*buf = NULL, head[256];
	size_t	 len = 0, i;

	snprintf(head, sizeof head, "sanka-draft 1\nkind %s\nversion %"
	    PRIu32 "\nkey ", form_kinds[fm->kind], fm->version);
	form_cat(&buf, &len, head, 0);
	form_cat(&buf, &len, fm->key, 1);
	form_cat(&buf, &len, "\n", 0);
	for (i = 0; i < fm->n; i++) {
		form_cat(&buf, &len, "field ", 0);
		form_cat(&buf, &len, fm->fields[i].name, 1);
		form_cat(&buf, &len, "\t", 0);
		form_cat(&buf, &len, field_text(&fm->fields[i].f), 1);
		form_cat(&buf, &len, "\n", 0);
	}
	return (buf);
}

/* Unescape the N bytes at S into a malloc'd string. */
static char *
form_unescape(const char *s, size_t n)
{
	char	*out = xmalloc(n + 1);
	size_t	 i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			out[o++] = s[i] == 'n' ? '\n' : s[i] == 't' ? '\t' :
			    s[i];
		} else
			out[o++] = s[i];
	}
	out[o] = '\0';
	return (out);
}

/* Call CB for each line of TEXT after the header ("WORD REST"). */
static int
form_lines(const char *text, int (*cb)(const char *word, size_t wlen,
    const char *rest, size_t rlen, void *), void *arg)
{
	const char	*p, *nl, *sp;

	if (strncmp(text, "sanka-draft 1\n", 14) != 0)
		return (-1);
	for (p = text + 14; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			return (-1);
		if ((sp = memchr(p, ' ', (size_t)(nl - p))) == NULL)
			return (-1);
		if (cb(p, (size_t)(sp - p), sp + 1, (size_t)(nl - sp - 1),
		    arg) != 0)
			return (-1);
	}
	return (0);
}

struct form_head {
	int		 kind;
	char		*key;
	uint32_t	 version;
};

static int
form_head_cb(const char *w, size_t wl, const char *r, size_t rl, void *arg)
{
	struct form_head	*h = arg;
	size_t			 i;

	if (wl == 4 && memcmp(w, "kind", 4) == 0) {
		for (i = 0; i < sizeof form_kinds / sizeof form_kinds[0]; i++)
			if (strlen(form_kinds[i]) == rl &&
			    memcmp(form_kinds[i], r, rl) == 0)
				h->kind = (int)i;
	} else if (wl == 3 && memcmp(w, "key", 3) == 0) {
		free(h->key);
		h->key = form_unescape(r, rl);
	} else if (wl == 7 && memcmp(w, "version", 7) == 0)
		h->version = (uint32_t)strtoul(r, NULL, 10);
	return (0);
}

int
form_draft_kind(const char *text, enum form_kind *kind,
    char key[STORE_ID_MAX + 1])
{
	struct form_head	h = { -1, NULL, 0 };

	if (form_lines(text, form_head_cb, &h) != 0 || h.kind < 0 ||
	    h.key == NULL || strlen(h.key) > STORE_ID_MAX) {
		free(h.key);
		return (-1);
	}
	*kind = (enum form_kind)h.kind;
	snprintf(key, STORE_ID_MAX + 1, "%s", h.key);
	free(h.key);
	return (0);
}

static int
form_field_cb(const char *w, size_t wl, const char *r, size_t rl, void *arg)
{
	struct form		*fm = arg;
	struct form_field	*ff;
	const char		*tab;
	char			*name, *value;

	if (wl != 5 || memcmp(w, "field", 5) != 0)
		return (0);
	if ((tab = memchr(r, '\t', rl)) == NULL)
		return (-1);
	name = form_unescape(r, (size_t)(tab - r));
	value = form_unescape(tab + 1, rl - (size_t)(tab - r) - 1);
	if ((ff = form_find(fm, name)) == NULL &&
	    strncmp(name, "attr.", 5) == 0 && name[5] != '\0') {
		/* An attribute added in the draft: before "attr+". */
		size_t	at = fm->n > 0 ? fm->n - 1 : 0;

		form_add(fm, name, name + 5, 0, "");
		if (at + 1 < fm->n) {
			struct form_field tmp = fm->fields[fm->n - 1];

			memmove(&fm->fields[at + 1], &fm->fields[at],
			    (fm->n - 1 - at) * sizeof *fm->fields);
			fm->fields[at] = tmp;
		}
		ff = form_find(fm, name);
	}
	if (ff != NULL && !(ff->flags & FF_READONLY))
		field_set(&ff->f, value);
	free(name);
	free(value);
	return (0);
}

int
form_draft_apply(struct form *fm, const char *text)
{
	struct form_head	h = { -1, NULL, 0 };

	if (form_lines(text, form_head_cb, &h) != 0 || h.kind < 0) {
		free(h.key);
		return (-1);
	}
	free(h.key);
	fm->version = h.version;
	return (form_lines(text, form_field_cb, fm));
}
