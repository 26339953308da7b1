/* reach.c -- the members print and mail reach: chosen by FILTER (or an
 * event's participants), minus those DESIGN.md's rule leaves out (left,
 * suspended, mail_opt_out, no address), and their merge values as `show
 * member` prints them (the field table), for print/ and mail/. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

/* The event.* placeholders and the event field each reads. */
static const char *const reach_event_keys[] = {
	"event.code", "event.name", "event.date", "event.venue",
};

static void
reach_add(struct cli_reach *r, const struct store_member *m,
    const struct store_stats *s)
{
	if (r->n == r->cap) {
		r->cap = r->cap == 0 ? 64 : r->cap * 2;
		r->m = cli_xreallocarray(r->m, r->cap, sizeof(*r->m));
		r->s = cli_xreallocarray(r->s, r->cap, sizeof(*r->s));
	}
	/* Take the member's strings over: the walk frees nothing of ours. */
	r->m[r->n] = *m;
	r->s[r->n] = s != NULL ? *s : (struct store_stats){ 0 };
	r->n++;
}

/* A copy of M owning its strings: every text field of the table and the
 * custom attributes. */
static void
reach_copy(struct store_member *dst, const struct store_member *m)
{
	const struct store_field *f;
	char	**p;
	size_t	 i;

	*dst = *m;
	for (f = store_fields; f < store_fields + store_nfields; f++)
		if (f->slot == STORE_SLOT_STR) {
			p = (char **)((char *)dst + f->offset);
			*p = *p == NULL ? NULL : cli_xstrdup(*p);
		}
	dst->attrs = cli_xreallocarray(NULL, m->nattrs + 1,
	    sizeof(*dst->attrs));
	for (i = 0; i < m->nattrs; i++) {
		dst->attrs[i].name = cli_xstrdup(m->attrs[i].name);
		dst->attrs[i].value = cli_xstrdup(m->attrs[i].value);
	}
}

/* Is M left out by the rule of R (counted when so)? */
static bool
reach_left_out(struct cli_reach *r, const struct store_member *m)
{
	const char	*need;

	if (r->status_rule && m->status == STORE_MEMBER_LEFT)
		return (++r->left, true);
	if (r->status_rule && m->status == STORE_MEMBER_SUSPENDED)
		return (++r->suspended, true);
	if (r->need == CLI_REACH_ANY)
		return (false);
	if (m->mail_opt_out)
		return (++r->opt_out, true);
	need = r->need == CLI_REACH_EMAIL ? m->email : m->address;
	if (need == NULL || need[0] == '\0' || (r->need == CLI_REACH_POSTAL &&
	    (m->postal_code == NULL || m->postal_code[0] == '\0')))
		return (++r->no_address, true);
	return (false);
}

static int
reach_member(const struct store_member *m, const struct store_stats *s,
    void *arg)
{
	struct cli_reach *r = arg;
	struct store_member copy;

	if (r->filter != NULL && !store_filter_match(r->filter, m, s))
		return (0);
	if (reach_left_out(r, m))
		return (0);
	/* The walk frees its member after the call: keep a deep copy. */
	reach_copy(&copy, m);
	reach_add(r, &copy, s);
	return (0);
}

struct reach_ids {
	char		(*id)[STORE_ID_MAX + 1];
	size_t		 n;
};

static int
reach_participant(const struct store_att_row *row, void *arg)
{
	struct reach_ids *p = arg;

	p->id = cli_xreallocarray(p->id, p->n + 1, sizeof(*p->id));
	snprintf(p->id[p->n++], sizeof(*p->id), "%s", row->a.member);
	return (0);
}

/* The event's participants, whatever their status, that FILTER keeps. */
static int
reach_event(struct store *st, struct cli_reach *r)
{
	struct reach_ids p = { NULL, 0 };
	struct store_member m;
	struct store_stats s;
	size_t		 i;
	int		 rc;

	if ((rc = store_event_records(st, r->event.code, reach_participant,
	    &p)) != STORE_OK)
		return (cli_store_error(st, rc));
	for (i = 0; i < p.n; i++) {
		memset(&m, 0, sizeof(m));
		if ((rc = store_member_get(st, p.id[i], &m, &s)) != STORE_OK) {
			free(p.id);
			return (cli_store_error(st, rc));
		}
		if (r->filter == NULL || store_filter_match(r->filter, &m, &s))
			reach_add(r, &m, &s);
		else
			store_member_free(&m);
	}
	free(p.id);
	return (0);
}

/* The names of the members' last events (the last_event value). */
static void
reach_last_events(struct store *st, struct cli_reach *r)
{
	size_t	 i;

	r->last_event = cli_xreallocarray(NULL, r->n + 1, sizeof(char *));
	for (i = 0; i < r->n; i++)
		r->last_event[i] = r->s[i].last_event[0] == '\0' ? NULL :
		    cli_event_name(st, r->s[i].last_event);
}

static int
reach_event_get(struct store *st, const char *event, struct cli_reach *r)
{
	int	 rc;

	if (event == NULL)
		return (0);
	if ((rc = store_event_get(st, event, &r->event, NULL)) != STORE_OK)
		return (cli_store_error(st, rc));
	r->has_event = true;
	return (0);
}

int
cli_reach_members(struct store *st, const char *const *ids, size_t n,
    const char *event, struct cli_reach *r)
{
	struct store_member m;
	struct store_stats s;
	size_t	 i;
	int	 rc;

	memset(r, 0, sizeof(*r));
	r->need = CLI_REACH_EMAIL;
	r->status_rule = true;
	if ((rc = reach_event_get(st, event, r)) != 0)
		return (rc);
	r->index = cli_xreallocarray(NULL, n + 1, sizeof(*r->index));
	for (i = 0; i < n; i++) {
		memset(&m, 0, sizeof(m));
		rc = store_member_get(st, ids[i], &m, &s);
		if (rc == STORE_NOTFOUND) {
			sanka_warnx(_("member %s no longer exists: not sent"),
			    ids[i]);
			continue;
		}
		if (rc != STORE_OK)
			return (cli_store_error(st, rc));
		if (reach_left_out(r, &m)) {
			store_member_free(&m);
			continue;
		}
		r->index[r->n] = i;
		reach_add(r, &m, &s);
	}
	reach_last_events(st, r);
	cli_reach_say(r);
	return (0);
}

int
cli_reach(const struct cli_entry *e, struct store *st, char *const *words,
    size_t nwords, const char *event, bool participants,
    enum cli_reach_need need, struct cli_reach *r)
{
	int		 rc;

	memset(r, 0, sizeof(*r));
	r->need = need;
	if ((rc = cli_filter(e, st, words, nwords, &r->filter)) != 0)
		return (rc);
	r->status_rule = !store_filter_names(r->filter, "status");
	if ((rc = reach_event_get(st, event, r)) != 0)
		return (rc);
	if (participants && event != NULL)
		rc = reach_event(st, r);
	else if ((rc = store_member_each(st, reach_member, r)) != STORE_OK)
		rc = cli_store_error(st, rc);
	if (rc != 0)
		return (rc);
	reach_last_events(st, r);
	return (0);
}

void
cli_reach_say(const struct cli_reach *r)
{
	cli_left_out(r->left, r->suspended, r->opt_out, r->no_address);
}

void
cli_reach_free(struct cli_reach *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++) {
		store_member_free(&r->m[i]);
		if (r->last_event != NULL)
			free(r->last_event[i]);
	}
	free(r->m);
	free(r->s);
	free(r->last_event);
	free(r->index);
	free(r->buf);
	store_filter_free(r->filter);
	if (r->has_event)
		store_event_free(&r->event);
	memset(r, 0, sizeof(*r));
}

static bool
reach_known(void *arg, const char *key)
{
	struct cli_reach *r = arg;
	size_t	 k;

	if (strncmp(key, "attr.", 5) == 0 && key[5] != '\0')
		return (true);
	for (k = 0; r->has_event && k < sizeof(reach_event_keys) /
	    sizeof(reach_event_keys[0]); k++)
		if (strcmp(key, reach_event_keys[k]) == 0)
			return (true);
	return (store_field_find(key) != NULL &&
	    strcmp(store_field_find(key)->key, key) == 0);
}

static const char *
reach_value(void *arg, size_t i, const char *key)
{
	struct cli_reach *r = arg;
	struct store_member_view v = { &r->m[i], &r->s[i],
	    r->last_event[i] };
	const struct store_field *f;
	size_t	 k;

	if (r->buf == NULL)
		r->buf = cli_xreallocarray(NULL, 1, CLI_REACH_BUF);
	if (strncmp(key, "attr.", 5) == 0) {
		for (k = 0; k < r->m[i].nattrs; k++)
			if (strcmp(r->m[i].attrs[k].name, key + 5) == 0)
				return (r->m[i].attrs[k].value);
		return ("");
	}
	if (strcmp(key, "event.code") == 0)
		return (r->event.code);
	if (strcmp(key, "event.name") == 0)
		return (r->event.name != NULL ? r->event.name : "");
	if (strcmp(key, "event.date") == 0)
		return (r->event.date);
	if (strcmp(key, "event.venue") == 0)
		return (r->event.venue != NULL ? r->event.venue : "");
	if ((f = store_field_find(key)) == NULL)
		return (NULL);
	return (store_field_get(f, &v, STORE_STYLE_SHOW, r->buf,
	    CLI_REACH_BUF));
}

struct print_source
cli_reach_source(struct cli_reach *r)
{
	struct print_source src = { r->n, r, reach_value, reach_known };

	return (src);
}
