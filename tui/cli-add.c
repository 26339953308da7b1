/* cli-add.c -- add member, add event, and the field options edit shares. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli.h"

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

/* --OPT given as a date: into OUT, or print why not and return 1. */
static int
cli_add_date(const char *opt, const char *v, char out[STORE_DATE_SIZE])
{
	if (cli_date(v, out))
		return (0);
	cli_warnx(_("--%s: \"%s\" is not a date (YYYY-MM-DD or YYYY/M/D)"),
	    opt, v);
	return (CLI_EXIT_DATA);
}

static int
cli_add_count(const char *opt, const char *v, int32_t *out)
{
	if (cli_number(v, out))
		return (0);
	cli_warnx(_("--%s: \"%s\" is not a number (0 or more)"), opt, v);
	return (CLI_EXIT_DATA);
}

int
cli_member_apply(const struct cli_entry *e, struct cli_args *a,
    struct store_member *m)
{
	static const struct {
		const char	*opt;
		size_t		 off;
	} text[] = {
		{ "name", offsetof(struct store_member, name) },
		{ "kana", offsetof(struct store_member, kana) },
		{ "email", offsetof(struct store_member, email) },
		{ "phone", offsetof(struct store_member, phone) },
		{ "postal-code", offsetof(struct store_member, postal_code) },
		{ "address", offsetof(struct store_member, address) },
		{ "organization", offsetof(struct store_member, organization) },
		{ "segment", offsetof(struct store_member, segment) },
		{ "notes", offsetof(struct store_member, notes) },
		{ "past-last-event",
		  offsetof(struct store_member, past_last_event) },
	};
	const char	*v, *eq;
	char		*name;
	size_t		 i;
	int		 n, rc, ai;

	for (i = 0; i < sizeof text / sizeof text[0]; i++) {
		if ((v = cli_get(e, a, text[i].opt)) != NULL)
			store_str_set((char **)((char *)m + text[i].off), v);
	}
	if ((v = cli_get(e, a, "status")) != NULL) {
		if ((n = store_member_status_parse(v)) < 0)
			return (cli_usage(e, _("--status: unknown status \"%s\" "
			    "(active, suspended, left; 有効, 休会, 退会)"), v));
		m->status = n;
	}
	if ((v = cli_get(e, a, "mail-opt-out")) != NULL) {
		if ((n = cli_bool(v)) < 0)
			return (cli_usage(e, _("--mail-opt-out: \"%s\" is not "
			    "yes or no"), v));
		m->mail_opt_out = n;
	}
	if ((v = cli_get(e, a, "joined-on")) != NULL &&
	    (rc = cli_add_date("joined-on", v, m->joined_on)) != 0)
		return (rc);
	if ((v = cli_get(e, a, "past-last-date")) != NULL &&
	    (rc = cli_add_date("past-last-date", v, m->past_last_date)) != 0)
		return (rc);
	if ((v = cli_get(e, a, "past-count")) != NULL &&
	    (rc = cli_add_count("past-count", v, &m->past_count)) != 0)
		return (rc);
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
	    (rc = cli_add_date("date", v, ev->date)) != 0)
		return (rc);
	if ((v = cli_get(e, a, "capacity")) != NULL &&
	    (rc = cli_add_count("capacity", v, &ev->capacity)) != 0)
		return (rc);
	return (0);
}

/* Fold the key option OPT into OUT; print why not and return 1. */
static int
cli_add_key(const struct cli_entry *e, struct cli_args *a, const char *opt,
    char out[STORE_ID_MAX + 1])
{
	struct store_error	 err;
	const char		*v;
	char			 field[32];

	if ((v = cli_get(e, a, opt)) == NULL)
		return (cli_usage(e, _("--%s is required"), opt));
	memset(&err, 0, sizeof err);
	snprintf(field, sizeof field, "--%s", opt);
	if (store_key_fold(v, out, field, &err) != STORE_OK) {
		if (*err.msg != '\0')
			cli_warnx("%s", err.msg);
		else
			cli_warnx(_("%s: \"%s\" is not a valid key"), field, v);
		return (CLI_EXIT_DATA);
	}
	return (0);
}

int
cli_add_member(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	struct store_member	 m;
	struct store		*st = NULL;
	int			 rc;

	memset(&m, 0, sizeof m);
	if ((rc = cli_add_key(e, a, "member-id", m.id)) != 0 ||
	    (rc = cli_member_apply(e, a, &m)) != 0 ||
	    (rc = cli_open(dbdir, false, &st)) != 0)
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

int
cli_add_event(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	struct store_event	 ev;
	struct store		*st = NULL;
	int			 rc;

	memset(&ev, 0, sizeof ev);
	if ((rc = cli_add_key(e, a, "event-code", ev.code)) != 0 ||
	    (rc = cli_event_apply(e, a, &ev)) != 0 ||
	    (rc = cli_open(dbdir, false, &st)) != 0)
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
