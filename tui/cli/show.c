/* show.c -- show member, show event: key: value lines scripts rely on. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_show_member(const struct cli_entry *, struct cli_args *,
		    const char *);
static int	cli_show_event(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_show_member_entry = {
	.name = "show",
	.kind = "member",
	.usage = "ID",
	.help = N_("print a member as key: value lines"),
	.minargs = 1,
	.maxargs = 1,
	.exec = cli_show_member,
	.example = "sanka show member M001",
};

const struct cli_entry cli_show_event_entry = {
	.name = "show",
	.kind = "event",
	.usage = "CODE",
	.help = N_("print an event, its counts and its participants"),
	.minargs = 1,
	.maxargs = 1,
	.exec = cli_show_event,
	.example = "sanka show event E006",
};

static void
cli_show_num(const char *key, uint32_t n)
{
	char	buf[16];

	snprintf(buf, sizeof buf, "%u", n);
	cli_kv(key, buf);
}

/* The rows of the field table in show order: attr.NAME lines come
 * before the rows marked STORE_FIELD_AFTER_ATTRS. */
static int
cli_show_member(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	struct store_member		 m;
	struct store_stats		 s;
	struct store_member_view	 v = { &m, &s, NULL };
	const struct store_field	*f;
	struct store			*st;
	char				 buf[512], *key, *name = NULL;
	size_t				 i, len;
	int				 rc, late;

	(void)e;
	memset(&m, 0, sizeof m);
	if ((rc = sanka_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = store_member_get(st, a->argv[0], &m, &s)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	if (s.last_event[0] != '\0')
		v.last_event_name = name = cli_event_name(st, s.last_event);
	for (late = 0; late < 2; late++) {
		for (i = 0; late && i < m.nattrs; i++) {
			len = strlen(m.attrs[i].name) + sizeof "attr.";
			key = cli_xreallocarray(NULL, len, 1);
			snprintf(key, len, "attr.%s", m.attrs[i].name);
			cli_kv(key, m.attrs[i].value);
			free(key);
		}
		for (f = store_fields; f < store_fields + store_nfields; f++)
			if (((f->flags & STORE_FIELD_AFTER_ATTRS) != 0) ==
			    late && !store_field_hidden(st, f))
				cli_kv(f->key, store_field_get(f, &v,
				    STORE_STYLE_SHOW, buf, sizeof buf));
	}
out:
	free(name);
	store_member_free(&m);
	store_close(st);
	return (rc);
}

/* One participant: member ID, name, response, final, walk_in yes/no
 * (tab-separated). */
static int
cli_show_participant(const struct store_att_row *r, void *arg)
{
	(void)arg;
	printf("%s\t%s\t%s\t%s\t%s\n", r->a.member, r->member_name,
	    store_response_word(r->a.response), cli_final_word(r->a.final),
	    r->a.walk_in ? "yes" : "no");
	return (0);
}

static int
cli_show_event(const struct cli_entry *e, struct cli_args *a,
    const char *dbdir)
{
	struct store_event		 ev;
	struct store_event_counts	 c;
	struct store			*st;
	char				 buf[64];
	int				 rc;

	(void)e;
	memset(&ev, 0, sizeof ev);
	if ((rc = sanka_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = store_event_get(st, a->argv[0], &ev, &c)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	cli_kv("code", ev.code);
	cli_kv("name", ev.name);
	cli_kv("date", ev.date);
	cli_kv("venue", ev.venue);
	if (ev.capacity > 0)
		snprintf(buf, sizeof buf, "%d", ev.capacity);
	else
		buf[0] = '\0';
	cli_kv("capacity", buf);
	cli_kv("notes", ev.notes);
	cli_show_num("invited", c.invited);
	cli_show_num("accepted", c.accepted);
	cli_show_num("declined", c.declined);
	cli_show_num("tentative", c.tentative);
	cli_show_num("attended", c.attended);
	cli_show_num("absent", c.absent);
	cli_show_num("no_show", c.no_show);
	cli_show_num("cancelled", c.cancelled);
	cli_show_num("pending", c.pending);
	cli_show_num("no_response", c.no_response);
	cli_show_num("walk_in", c.walk_in);
	cli_show_num("version", ev.version);
	store_time_iso(ev.updated_at, buf, sizeof buf);
	cli_kv("updated_at", buf);
	cli_kv("updated_by", ev.updated_by);
	if ((rc = store_event_records(st, ev.code, cli_show_participant,
	    NULL)) != STORE_OK)
		rc = cli_store_error(st, rc);
out:
	store_event_free(&ev);
	store_close(st);
	return (rc);
}
