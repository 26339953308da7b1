/* screen-pick.c -- invite members to an event: search, Enter invites. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/screen.h"
#include "store/xmalloc.h"

#define PICK_CTX	(KC_GLOBAL | KC_LIST | KC_PICK | KC_SEARCH | KC_FIELD)

struct pick {
	struct tui	*t;
	char		 event[STORE_ID_MAX + 1];
	char		 evname[STORE_ROWTEXT_SIZE];
	struct listview	 lv;	/* struct store_member_row */
	struct list_search search;	/* open from the start */
	char		 query[256];
	char		**have;	/* invited already, sorted */
	size_t		 nhave;
};

struct pick_job {
	char	event[STORE_ID_MAX + 1];
	char	member[STORE_ID_MAX + 1];
	char	name[STORE_ROWTEXT_SIZE];
};

static int
pick_fetch(void *arg, const void *anchor, int backward, void *rows,
    size_t n, size_t *got)
{
	struct pick	*pk = arg;

	*got = 0;
	if (backward || pk->query[0] == '\0')
		return (0);
	return (store_member_search(pk->t->st, pk->query, anchor, rows, n,
	    got));
}

static int
pick_strcmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

static int
pick_have_add(const struct store_att_row *r, void *arg)
{
	struct pick	*pk = arg;

	pk->have = xreallocarray(pk->have, pk->nhave + 1, sizeof *pk->have);
	pk->have[pk->nhave++] = xstrdup(r->a.member);
	return (0);
}

static void
pick_have_load(struct pick *pk)
{
	size_t	i;

	for (i = 0; i < pk->nhave; i++)
		free(pk->have[i]);
	free(pk->have);
	pk->have = NULL;
	pk->nhave = 0;
	store_event_records(pk->t->st, pk->event, pick_have_add, pk);
	if (pk->nhave > 1)
		qsort(pk->have, pk->nhave, sizeof *pk->have, pick_strcmp);
}

static int
pick_invited(const struct pick *pk, const char *id)
{
	return (pk->nhave > 0 && bsearch(&id, pk->have, pk->nhave,
	    sizeof *pk->have, pick_strcmp) != NULL);
}

static void
pick_apply(struct pick *pk)
{
	snprintf(pk->query, sizeof pk->query, "%s", field_text(&pk->search.q));
	listview_set_source(&pk->lv, pick_fetch, pk, 0);
	listview_home(&pk->lv);
}

static int
pick_same(const void *a, const void *b)
{
	return (strcmp(((const struct store_member_row *)a)->id,
	    ((const struct store_member_row *)b)->id) == 0);
}

/* The columns of the list and its header (the first: invited or not). */
static const struct column pick_columns[] = {
	{ "", 12, 0, 0, 0 },
	{ N_("ID"), 10, 0, 0, 0 },
	{ N_("Name"), 0, 1, 1, 0 },
	{ N_("Reading"), 0, 1, 1, 0 },
	{ N_("Count"), 8, 0, 1, 1 },
};
#define PICK_NCOLUMNS	(sizeof pick_columns / sizeof pick_columns[0])

static void
pick_row(struct tui *t, struct screen *s, const void *row, char *buf,
    size_t size, int cols, int *tagged)
{
	struct pick			*pk = s->data;
	const struct store_member_row	*r = row;
	char				 total[16];
	const char			*cells[PICK_NCOLUMNS];

	(void)t;
	(void)tagged;
	snprintf(total, sizeof total, "%u", r->total);
	cells[0] = pick_invited(pk, r->id) ? _("invited") : "";
	cells[1] = r->id;
	cells[2] = r->name;
	cells[3] = r->kana;
	cells[4] = total;
	draw_columns(buf, size, pick_columns, PICK_NCOLUMNS, cells, cols);
}

/* The list under its three header lines: the rows that will show are
 * fetched here, not while drawing. */
static void
pick_fit(struct tui *t, struct screen *s, int h, int cols)
{
	struct pick	*pk = s->data;

	(void)t;
	(void)cols;
	listview_set_height(&pk->lv, (size_t)(h > 3 ? h - 3 : 1));
}

static void
pick_draw(struct tui *t, struct screen *s, WINDOW *w, int h, int cols)
{
	struct pick	*pk = s->data;
	char		 line[1024];

	snprintf(line, sizeof line, _("Invite to %s %s: type a name, reading, "
	    "ID or e-mail; Enter invites"), pk->event, pk->evname);
	draw_text(w, 0, 0, cols, line, A_BOLD);
	list_search_draw(s, &pk->search, w, 1, cols);
	if (pk->lv.n == 0) {
		draw_text(w, 3, 2, cols - 2, pk->query[0] == '\0' ?
		    _("Type to search the members.") :
		    _("No member matches."), A_NORMAL);
		listview_show(&pk->lv, (size_t)(h > 3 ? h - 3 : 1));
		return;
	}
	line[0] = '\0';
	draw_columns(line, sizeof line, pick_columns, PICK_NCOLUMNS, NULL, cols);
	draw_text(w, 2, 0, cols, line, tui_attr(t, TA_HEADER));
	draw_list(t, w, 3, h - 3, cols, &pk->lv, pick_row, s);
}

static void
pick_text(struct tui *t, struct screen *s, int key)
{
	struct pick	*pk = s->data;

	(void)t;
	list_search_text(&pk->search, key);
	pick_apply(pk);
}

static void
pick_done(struct tui *t, void *arg, int choice, const char *text)
{
	struct pick_job	*job = arg;
	int		 rc;

	(void)text;
	if (choice != 0) {
		tui_status(t, "%s", _("Cancelled; nobody was invited."));
		return;
	}
	if ((rc = store_invite(t->st, job->event, job->member)) != STORE_OK)
		tui_store_error(t, rc);
	else
		tui_status(t, _("Invited %s %s to %s."), job->member,
		    job->name, job->event);
	tui_wrote(t);
}

static void
pick_act(struct tui *t, struct screen *s, enum action act, int key)
{
	struct pick			*pk = s->data;
	const struct store_member_row	*r = listview_current(&pk->lv);
	struct pick_job			*job;
	char				*q;

	(void)key;
	/* The line is always open: Esc on an empty query leaves. */
	if (act == ACT_BACK && *field_text(&pk->search.q) == '\0') {
		tui_pop(t);
		return;
	}
	switch (list_act(s, &pk->lv, &pk->search, act)) {
	case LIST_QUERY:
		pick_apply(pk);
		return;
	case LIST_DONE:
		return;
	case LIST_NONE:
		break;
	}
	switch (act) {
	case ACT_INVITE:
		if (r == NULL)
			break;
		if (pick_invited(pk, r->id)) {
			tui_status(t, _("%s %s is invited already."), r->id,
			    r->name);
			break;
		}
		job = xcalloc(1, sizeof *job);
		snprintf(job->event, sizeof job->event, "%s", pk->event);
		snprintf(job->member, sizeof job->member, "%s", r->id);
		snprintf(job->name, sizeof job->name, "%s", r->name);
		q = xasprintf(_("Invite %s %s to %s %s?"), r->id, r->name,
		    pk->event, pk->evname);
		tui_dialog(t, q, _("Invite"), _("Cancel"), pick_done, job,
		    free);
		free(q);
		break;
	default:
		break;
	}
}

static void
pick_reload(struct tui *t, struct screen *s)
{
	struct pick	*pk = s->data;

	(void)t;
	pick_have_load(pk);
	listview_reload(&pk->lv, pick_same);
}

static void
pick_free(struct screen *s)
{
	struct pick	*pk = s->data;
	size_t		 i;

	for (i = 0; i < pk->nhave; i++)
		free(pk->have[i]);
	free(pk->have);
	listview_free(&pk->lv);
	list_search_free(&pk->search);
	free(pk);
}

static const struct screen_ops pick_ops = {
	.name = "pick",
	.fit = pick_fit,
	.draw = pick_draw,
	.act = pick_act,
	.text = pick_text,
	.reload = pick_reload,
	.free = pick_free,
};

struct screen *
screen_pick_new(struct tui *t, const char *event)
{
	struct pick	*pk = xcalloc(1, sizeof *pk);

	pk->t = t;
	snprintf(pk->event, sizeof pk->event, "%s", event);
	snprintf(pk->evname, sizeof pk->evname, "%s",
	    tui_event_name(t, event));
	listview_init(&pk->lv, sizeof(struct store_member_row));
	list_search_init(&pk->search, PICK_CTX, 1);
	pick_have_load(pk);
	pick_apply(pk);
	return (tui_screen_new(&pick_ops, PICK_CTX, pk));
}
