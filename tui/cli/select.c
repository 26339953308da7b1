/* select.c -- select FILTER...: the members a filter keeps (under the
 * action rule) as IDs, a count, a saved filter, an invitation, its undoing
 * or the mail-merge list. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_select(const struct cli_entry *, struct cli_args *,
		    const char *);

static const struct cli_opt cli_select_opts[] = {
	{ "count", NULL, NULL, N_("print how many, not who"), false },
	{ "save", NULL, "NAME", N_("save the filter as @NAME for everyone"),
	    false },
	{ "invite", NULL, "EVENT", N_("invite them (one transaction)"),
	    false },
	{ "uninvite", NULL, "EVENT", N_("take back their invitations with "
	    "no response (all or nothing)"), false },
	{ "export", NULL, "FILE", N_("write the mail-merge list (CSV)"),
	    false },
	{ "encoding", NULL, "E", N_("--export: utf-8, utf-8-bom or cp932"),
	    false },
	{ NULL, NULL, NULL, NULL, false }
};

const struct cli_entry cli_select_entry = {
	.name = "select",
	.usage = "FILTER... [--count | --save NAME | --invite EVENT | "
	    "--uninvite EVENT | --export FILE [--encoding E]]",
	.help = N_("the members a filter keeps: IDs, a count, or act on them"),
	.opts = cli_select_opts,
	.minargs = 0,
	.maxargs = -1,
	.exec = cli_select,
	.more = N_("Members who left or are suspended are left out unless the "
	    "filter names status;\n--export also leaves out mail_opt_out; "
	    "who was left out is said on stderr."),
	.example = "sanka select 会員種別=正会員 total>=3 --invite E006",
};

/* The mail-merge list's columns (DESIGN.md "Command line"). */
static const char *const cli_merge_cols[] = {
	"member_id", "atena", "name", "kana", "email", "postal_code",
	"address", "organization", "segment", "total", "last_event",
};
static const bool cli_merge_text[] = {
	true, true, true, true, true, true, true, true, true, false, true,
};
#define CLI_MERGE_NCOLS	(sizeof cli_merge_cols / sizeof cli_merge_cols[0])

struct cli_sel {
	char			**ids;
	size_t			 n, cap;
	bool			 print;		/* IDs to stdout as they come */
	struct export_list	*list;		/* --export */
	struct store_event	*ev;		/* every event, for names */
	size_t			 nev;
};

static int
cli_select_event_cb(const struct store_event *e,
    const struct store_event_counts *c, void *arg)
{
	struct cli_sel	*s = arg;

	(void)c;
	s->ev = cli_xreallocarray(s->ev, s->nev + 1, sizeof *s->ev);
	memset(&s->ev[s->nev], 0, sizeof s->ev[s->nev]);
	memcpy(s->ev[s->nev].code, e->code, sizeof e->code);
	s->ev[s->nev++].name = cli_xstrdup(e->name != NULL ? e->name : "");
	return (0);
}

/* One row of the mail-merge list. */
static void
cli_select_merge_row(struct cli_sel *s, const struct store_member *m,
    const struct store_stats *st)
{
	const char	*cells[CLI_MERGE_NCOLS];
	char		 atena[1024], total[16], last[1024];
	size_t		 i;

	snprintf(atena, sizeof atena, "%s様", m->name != NULL ? m->name : "");
	snprintf(total, sizeof total, "%u", st->total);
	snprintf(last, sizeof last, "%s", m->past_last_event != NULL ?
	    m->past_last_event : "");
	for (i = 0; st->last_event[0] != '\0' && i < s->nev; i++) {
		if (strcmp(s->ev[i].code, st->last_event) == 0)
			snprintf(last, sizeof last, "%s %s", st->last_event,
			    s->ev[i].name);
	}
	cells[0] = m->id;
	cells[1] = atena;
	cells[2] = m->name;
	cells[3] = m->kana;
	cells[4] = m->email;
	cells[5] = m->postal_code;
	cells[6] = m->address;
	cells[7] = m->organization;
	cells[8] = m->segment;
	cells[9] = total;
	cells[10] = last;
	export_list_row(s->list, cells);
}

static int
cli_select_cb(const struct store_member *m, const struct store_stats *st,
    void *arg)
{
	struct cli_sel	*s = arg;

	if (s->print)
		printf("%s\n", m->id);
	else if (s->list != NULL)
		cli_select_merge_row(s, m, st);
	else {
		if (s->n == s->cap) {
			s->cap = s->cap * 2 + 64;
			s->ids = cli_xreallocarray(s->ids, s->cap,
			    sizeof *s->ids);
		}
		s->ids[s->n++] = cli_xstrdup(m->id);
	}
	return (0);
}

static void
cli_sel_free(struct cli_sel *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		free(s->ids[i]);
	free(s->ids);
	for (i = 0; i < s->nev; i++)
		store_event_free(&s->ev[i]);
	free(s->ev);
}

/* --save NAME: the words (saved filters in them expanded) once they
 * parse as a filter. */
static int
cli_select_save(struct store *st, struct cli_args *a, const char *name)
{
	char	**words;
	size_t	  n;
	int	  rc;

	if ((rc = store_filter_expand(st, (const char *const *)a->argv,
	    (size_t)a->argc, &words, &n)) != STORE_OK)
		return (cli_store_error(st, rc));
	if ((rc = store_filter_save(st, name, (const char *const *)words,
	    n)) != STORE_OK)
		rc = cli_store_error(st, rc);
	else
		printf(_("saved @%s: %zu words\n"), name[0] == '@' ? name + 1 :
		    name, n);
	store_words_free(words, n);
	return (rc);
}

/* --invite and --uninvite: the collected members at EVENT. */
static int
cli_select_invite(struct store *st, const char *event, bool undo,
    struct cli_sel *s, const struct store_select_counts *n)
{
	char	*name;
	int	 rc;

	if (undo)
		rc = store_uninvite(st, event, (const char *const *)s->ids,
		    s->n, NULL, NULL);
	else
		rc = store_invite_members(st, event,
		    (const char *const *)s->ids, s->n, NULL);
	if (rc != STORE_OK)
		return (cli_store_error(st, rc));
	name = cli_event_name(st, event);
	if (undo)
		printf(_("%s %s: %zu uninvited\n"), event, name, s->n);
	else
		printf(_("%s %s: %zu invited (%zu with mail_opt_out); %zu "
		    "already invited, skipped\n"), event, name, s->n,
		    n->mail_opt_out, n->already);
	free(name);
	return (0);
}

static int
cli_select(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	static const char *const acts[] = { "count", "save", "invite",
	    "uninvite", "export" };
	struct store_select_counts n;
	struct export_opts	 eo;
	struct cli_sel		 s;
	struct store_filter	*f = NULL;
	struct store		*st;
	enum store_select_use	 use = STORE_USE_LIST;
	const char		*act = NULL, *v, *event = NULL;
	size_t			 i;
	int			 rc, enc = IMPORT_ENC_UTF8;

	for (i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		if (cli_get(e, a, acts[i]) == NULL)
			continue;
		if (act != NULL)
			return (cli_usage(e, _("--%s and --%s: one at a time"),
			    act, acts[i]));
		act = acts[i];
	}
	if ((v = cli_get(e, a, "encoding")) != NULL && ((act == NULL ||
	    strcmp(act, "export") != 0) ||
	    (enc = import_encoding_parse(v)) < 0 || enc == IMPORT_ENC_AUTO))
		return (cli_usage(e, _("--encoding: utf-8, utf-8-bom or cp932, "
		    "with --export")));
	if ((rc = sanka_open(dbdir, act == NULL || strcmp(act, "count") == 0 ||
	    strcmp(act, "export") == 0, &st)) != 0)
		return (rc);
	memset(&s, 0, sizeof s);
	if ((rc = cli_filter(e, st, a->argv, (size_t)a->argc, &f)) != 0)
		goto out;
	if (act != NULL && strcmp(act, "save") == 0) {
		rc = cli_select_save(st, a, cli_get(e, a, "save"));
		goto out;
	}
	if (act != NULL && (strcmp(act, "invite") == 0 ||
	    strcmp(act, "uninvite") == 0)) {
		event = cli_get(e, a, act);
		use = act[0] == 'i' ? STORE_USE_INVITE : STORE_USE_INVITED;
	}
	s.print = act == NULL;
	if (act != NULL && strcmp(act, "export") == 0) {
		use = STORE_USE_MAIL_MERGE;
		if ((rc = store_event_each(st, cli_select_event_cb, &s)) !=
		    STORE_OK) {
			rc = cli_store_error(st, rc);
			goto out;
		}
		memset(&eo, 0, sizeof eo);
		eo.encoding = (enum import_encoding)enc;
		eo.path = cli_get(e, a, "export");
		s.list = export_list_open(st, &eo, cli_merge_cols,
		    cli_merge_text, CLI_MERGE_NCOLS);
	}
	rc = store_select(st, f, use, event, act != NULL &&
	    strcmp(act, "count") == 0 ? NULL : cli_select_cb, &s, &n);
	if (s.list != NULL)
		rc = export_list_close(s.list, rc);
	else if (rc != STORE_OK)
		rc = cli_store_error(st, rc);
	if (rc != 0)
		goto out;
	cli_left_out(n.left, n.suspended, use == STORE_USE_MAIL_MERGE ?
	    n.mail_opt_out : 0, 0);
	if (act != NULL && strcmp(act, "count") == 0)
		printf("%zu\n", n.kept);
	else if (event != NULL)
		rc = cli_select_invite(st, event, use == STORE_USE_INVITED, &s,
		    &n);
out:
	cli_sel_free(&s);
	store_filter_free(f);
	store_close(st);
	return (rc);
}
