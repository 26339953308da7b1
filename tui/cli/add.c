/* add.c -- add member, add event, and the field options edit shares. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_add_member(const struct cli_entry *, struct cli_args *,
		    const char *);
static int	cli_add_event(const struct cli_entry *, struct cli_args *,
		    const char *);

/* The key option comes first: edit takes &cli_member_opts[1]. */
const struct cli_opt cli_member_opts[] = {
	{ "member-id", "id", "ID", N_("member ID (会員ID), e.g. M001"), false },
	{ "name", NULL, "TEXT", N_("name (氏名), e.g. '山田 史郎'"), false },
	{ "kana", NULL, "TEXT", N_("reading (フリガナ), e.g. 'ヤマダ シロウ'"),
	  false },
	{ "email", NULL, "ADDRESS", N_("e-mail address"), false },
	{ "phone", NULL, "NUMBER", N_("phone number"), false },
	{ "postal-code", NULL, "CODE", N_("postal code (郵便番号)"), false },
	{ "address", NULL, "TEXT", N_("address (住所)"), false },
	{ "organization", NULL, "TEXT", N_("organization (所属)"), false },
	{ "segment", NULL, "TEXT", N_("segment (会員種別), e.g. 正会員"), false },
	{ "status", NULL, "STATUS",
	  N_("active, suspended or left (有効, 休会, 退会)"), false },
	{ "mail-opt-out", NULL, "yes|no",
	  N_("no mail wanted (配信停止): yes/no, true/false, 1/0, はい/いいえ"),
	  false },
	{ "joined-on", NULL, "DATE", N_("joined on (入会日)"), false },
	{ "notes", NULL, "TEXT", N_("notes (備考); may hold line feeds"),
	  false },
	{ "past-count", NULL, "N",
	  N_("attendances before sanka (過去の参加回数)"), false },
	{ "past-last-date", NULL, "DATE",
	  N_("last attendance before sanka (過去の最終参加日)"), false },
	{ "past-last-event", NULL, "TEXT",
	  N_("its event's name (過去の最終参加イベント)"), false },
	{ "attr", NULL, "NAME=VALUE",
	  N_("a custom attribute (NAME= removes it)"), true },
	{ NULL, NULL, NULL, NULL, false }
};

const struct cli_opt cli_event_opts[] = {
	{ "event-code", "code", "CODE", N_("event code, e.g. E006"), false },
	{ "name", NULL, "TEXT", N_("event name (イベント名)"), false },
	{ "date", NULL, "DATE", N_("date held (開催日)"), false },
	{ "venue", NULL, "TEXT", N_("venue (会場)"), false },
	{ "capacity", NULL, "N", N_("capacity (定員); 0: no limit"), false },
	{ "notes", NULL, "TEXT", N_("notes (備考)"), false },
	{ NULL, NULL, NULL, NULL, false }
};

const struct cli_entry cli_add_member_entry = {
	.name = "add",
	.kind = "member",
	.usage = "--member-id ID --name NAME [--FIELD VALUE]...",
	.help = N_("add a member"),
	.opts = cli_member_opts,
	.exec = cli_add_member,
	.more = N_("--member-id and --name are required.  Dates are read as "
	    "CSV import reads them:\n2026-02-20, 2026/2/20, 2026.2.20, "
	    "2026年2月20日, 令和8年2月20日, R8.2.20.\n--mail-opt-out: yes or "
	    "no (はい, いいえ, 1, 0...)."),
	.example = "sanka add member --id M001 --name '山田 史郎' "
	    "--kana 'ヤマダ シロウ' --past-count 3",
	.vocab = CLI_VOCAB_STATUS,
};

const struct cli_entry cli_add_event_entry = {
	.name = "add",
	.kind = "event",
	.usage = "--event-code CODE --name NAME --date DATE [--FIELD VALUE]...",
	.help = N_("add an event"),
	.opts = cli_event_opts,
	.exec = cli_add_event,
	.more = N_("--event-code, --name and --date are required.  Dates are "
	    "read as CSV import\nreads them: 2026-02-20, 2026/2/20, 2026.2.20, "
	    "2026年2月20日, 令和8年2月20日,\nR8.2.20."),
	.example = "sanka add event --code E006 --name イベント6 --date 2026/2/20 "
	    "--venue 本部会議室 --capacity 40",
};

int
cli_nopts(const struct cli_entry *e, const struct cli_args *a)
{
	int	i, n = 0;

	for (i = 0; e->opts != NULL && e->opts[i].name != NULL; i++) {
		if (a->val[i] != NULL)
			n++;
	}
	return (n);
}

/* Each --FIELD given (a field table row: the option is the key with '-'
 * for '_') read as import reads it, text as typed (the store checks it
 * when it writes: a data error, exit 1).  A date, number, yes/no or status
 * the command line cannot read is a usage error. */
static int
cli_member_field(const struct cli_entry *e, const char *opt, const char *v,
    struct store_member *m)
{
	const struct store_field	*f;
	char				 why[512];

	if ((f = store_field_find(opt)) == NULL || f->slot == STORE_SLOT_ID)
		return (0);	/* attr, and the key add reads itself */
	if (store_field_set(f, m, v, STORE_SET_AS_TYPED, why, sizeof why) == 0)
		return (0);
	if (f->kind == STORE_KIND_DATE)
		return (cli_usage(e, _("--%s: %s; a date is written like %s"),
		    opt, why, CLI_DATE_FORMS));
	if (f->kind == STORE_KIND_NUMBER)
		return (cli_usage(e, _("--%s: %s (a whole number, 0 or more)"),
		    opt, why));
	return (cli_usage(e, "--%s: %s", opt, why));
}

int
cli_member_apply(const struct cli_entry *e, struct cli_args *a,
    struct store_member *m)
{
	const char	*v, *eq;
	char		*name;
	size_t		 i;
	int		 rc, ai;

	for (ai = 0; e->opts[ai].name != NULL; ai++) {
		if ((v = a->val[ai]) != NULL &&
		    (rc = cli_member_field(e, e->opts[ai].name, v, m)) != 0)
			return (rc);
	}
	for (ai = 0; e->opts[ai].name != NULL; ai++) {
		if (strcmp(e->opts[ai].name, "attr") == 0)
			break;
	}
	for (i = 0; e->opts[ai].name != NULL && i < a->nrep[ai]; i++) {
		v = a->rep[ai][i];
		if ((eq = strchr(v, '=')) == NULL || eq == v)
			return (cli_usage(e, _("--attr: \"%s\" is not "
			    "NAME=VALUE"), v));
		name = cli_xstrdup(v);
		name[eq - v] = '\0';
		store_attr_set(m, name, eq + 1);
		free(name);
	}
	return (0);
}

int
cli_event_apply(const struct cli_entry *e, struct cli_args *a,
    struct store_event *ev)
{
	const char	*v;
	int		 rc;

	if ((v = cli_get(e, a, "name")) != NULL)
		store_str_set(&ev->name, v);
	if ((v = cli_get(e, a, "venue")) != NULL)
		store_str_set(&ev->venue, v);
	if ((v = cli_get(e, a, "notes")) != NULL)
		store_str_set(&ev->notes, v);
	if ((v = cli_get(e, a, "date")) != NULL &&
	    (rc = cli_opt_date(e, "date", v, ev->date)) != 0)
		return (rc);
	if ((v = cli_get(e, a, "capacity")) != NULL &&
	    (rc = cli_opt_number(e, "capacity", v, &ev->capacity)) != 0)
		return (rc);
	return (0);
}

/* The options an add needs (NULL-terminated): a usage error when one is
 * missing.  An empty value is the store's to refuse. */
static int
cli_add_required(const struct cli_entry *e, struct cli_args *a,
    const char *const *opts)
{
	for (; *opts != NULL; opts++) {
		if (cli_get(e, a, *opts) == NULL)
			return (cli_usage(e, _("--%s is required"), *opts));
	}
	return (0);
}

/* Fold the key option OPT into OUT; print the store's refusal and return
 * 1. */
static int
cli_add_key(const struct cli_entry *e, struct cli_args *a, const char *opt,
    char out[STORE_ID_MAX + 1])
{
	struct store_error	 err;
	const char		*v = cli_get(e, a, opt);
	char			 field[32];

	memset(&err, 0, sizeof err);
	snprintf(field, sizeof field, "--%s", opt);
	if (store_key_fold(v, out, field, &err) != STORE_OK) {
		if (*err.msg != '\0')
			sanka_warnx("%s", err.msg);
		else
			sanka_warnx(_("%s: \"%s\" is not a valid key"), field,
			    v);
		return (SANKA_EXIT_DATA);
	}
	return (0);
}

static int
cli_add_member(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	static const char *const required[] = { "member-id", "name", NULL };
	struct store_member	 m;
	struct store		*st = NULL;
	int			 rc;

	memset(&m, 0, sizeof m);
	if ((rc = cli_add_required(e, a, required)) != 0 ||
	    (rc = cli_member_apply(e, a, &m)) != 0 ||
	    (rc = cli_add_key(e, a, "member-id", m.id)) != 0 ||
	    (rc = sanka_open(dbdir, false, &st)) != 0)
		goto out;
	if ((rc = store_member_add(st, &m)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	printf(_("added member %s %s\n"), m.id, m.name != NULL ? m.name : "");
out:
	store_member_free(&m);
	if (st != NULL)
		store_close(st);
	return (rc);
}

static int
cli_add_event(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	static const char *const required[] = { "event-code", "name", "date",
	    NULL };
	struct store_event	 ev;
	struct store		*st = NULL;
	int			 rc;

	memset(&ev, 0, sizeof ev);
	if ((rc = cli_add_required(e, a, required)) != 0 ||
	    (rc = cli_event_apply(e, a, &ev)) != 0 ||
	    (rc = cli_add_key(e, a, "event-code", ev.code)) != 0 ||
	    (rc = sanka_open(dbdir, false, &st)) != 0)
		goto out;
	if ((rc = store_event_add(st, &ev)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	printf(_("added event %s %s %s\n"), ev.code,
	    ev.name != NULL ? ev.name : "", ev.date);
out:
	store_event_free(&ev);
	if (st != NULL)
		store_close(st);
	return (rc);
}
