/* reach.c -- the members print and mail reach: chosen by a filter (or an
 * event's participants), minus those DESIGN.md's rule leaves out (left,
 * suspended, mail_opt_out, no address), and their merge values as `show
 * member` prints them (the field table), for print/ and mail/. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "store/xmalloc.h"
#include "tui/reach.h"

/* The event.* placeholders and the event field each reads. */
static const char *const reach_event_keys[] = {
	"event.code", "event.name", "event.date", "event.venue",
};

static void
reach_add(struct reach *r, const struct store_member *m,
    const struct store_stats *s)
{
	if (r->n == r->cap) {
		r->cap = r->cap == 0 ? 64 : r->cap * 2;
		r->m = xreallocarray(r->m, r->cap, sizeof(*r->m));
		r->s = xreallocarray(r->s, r->cap, sizeof(*r->s));
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
			*p = *p == NULL ? NULL : xstrdup(*p);
		}
	dst->attrs = xreallocarray(NULL, m->nattrs + 1,
	    sizeof(*dst->attrs));
	for (i = 0; i < m->nattrs; i++) {
		dst->attrs[i].name = xstrdup(m->attrs[i].name);
		dst->attrs[i].value = xstrdup(m->attrs[i].value);
	}
}

/* Is M left out by the rule of R (counted when so)? */
static bool
reach_left_out(struct reach *r, const struct store_member *m)
{
	const char	*need;

	if (r->status_rule && m->status == STORE_MEMBER_LEFT)
		return (++r->left, true);
	if (r->status_rule && m->status == STORE_MEMBER_SUSPENDED)
		return (++r->suspended, true);
	if (r->need == REACH_ANY)
		return (false);
	if (m->mail_opt_out)
		return (++r->opt_out, true);
	need = r->need == REACH_EMAIL ? m->email : m->address;
	if (need == NULL || need[0] == '\0' || (r->need == REACH_POSTAL &&
	    (m->postal_code == NULL || m->postal_code[0] == '\0')))
		return (++r->no_address, true);
	return (false);
}

static int
reach_member(const struct store_member *m, const struct store_stats *s,
    void *arg)
{
	struct reach *r = arg;
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

	p->id = xreallocarray(p->id, p->n + 1, sizeof(*p->id));
	snprintf(p->id[p->n++], sizeof(*p->id), "%s", row->a.member);
	return (0);
}

/* The event's participants, whatever their status, that FILTER keeps. */
static int
reach_event(struct store *st, struct reach *r)
{
	struct reach_ids p = { NULL, 0 };
	struct store_member m;
	struct store_stats s;
	size_t		 i;
	int		 rc;

	if ((rc = store_event_records(st, r->event.code, reach_participant,
	    &p)) != STORE_OK)
		return (rc);
	for (i = 0; i < p.n; i++) {
		memset(&m, 0, sizeof(m));
		if ((rc = store_member_get(st, p.id[i], &m, &s)) != STORE_OK) {
			free(p.id);
			return (rc);
		}
		if (r->filter == NULL || store_filter_match(r->filter, &m, &s))
			reach_add(r, &m, &s);
		else
			store_member_free(&m);
	}
	free(p.id);
	return (STORE_OK);
}

static char *
reach_event_name(struct store *st, const char *code)
{
	struct store_event ev;
	char	*name;

	memset(&ev, 0, sizeof(ev));
	if (store_event_get(st, code, &ev, NULL) != STORE_OK)
		return (NULL);
	name = xstrdup(ev.name);
	store_event_free(&ev);
	return (name);
}

/* The names of the members' last events (the last_event value). */
static void
reach_last_events(struct store *st, struct reach *r)
{
	size_t	 i;

	r->last_event = xreallocarray(NULL, r->n + 1, sizeof(char *));
	for (i = 0; i < r->n; i++)
		r->last_event[i] = r->s[i].last_event[0] == '\0' ? NULL :
		    reach_event_name(st, r->s[i].last_event);
}

static int
reach_event_get(struct store *st, const char *event, struct reach *r)
{
	int	 rc;

	if (event == NULL)
		return (STORE_OK);
	if ((rc = store_event_get(st, event, &r->event, NULL)) != STORE_OK)
		return (rc);
	r->has_event = true;
	return (STORE_OK);
}

int
reach_ids(struct store *st, const char *const *ids, size_t n,
    const char *event, struct reach *r)
{
	struct store_member m;
	struct store_stats s;
	size_t	 i;
	int	 rc;

	memset(r, 0, sizeof(*r));
	r->st = st;
	r->need = REACH_EMAIL;
	r->status_rule = true;
	if ((rc = reach_event_get(st, event, r)) != STORE_OK)
		return (rc);
	r->index = xreallocarray(NULL, n + 1, sizeof(*r->index));
	for (i = 0; i < n; i++) {
		memset(&m, 0, sizeof(m));
		rc = store_member_get(st, ids[i], &m, &s);
		if (rc == STORE_NOTFOUND) {
			r->gone++;
			continue;
		}
		if (rc != STORE_OK)
			return (rc);
		if (reach_left_out(r, &m)) {
			store_member_free(&m);
			continue;
		}
		r->index[r->n] = i;
		reach_add(r, &m, &s);
	}
	reach_last_events(st, r);
	return (STORE_OK);
}

int
reach_filter(struct store *st, const struct store_filter *filter,
    const char *event, bool participants, enum reach_need need,
    struct reach *r)
{
	int	 rc;

	memset(r, 0, sizeof(*r));
	r->st = st;
	r->need = need;
	r->filter = filter;
	r->status_rule = filter == NULL || !store_filter_names(filter,
	    "status");
	if ((rc = reach_event_get(st, event, r)) != STORE_OK)
		return (rc);
	if (participants && event != NULL)
		rc = reach_event(st, r);
	else
		rc = store_member_each(st, reach_member, r);
	if (rc == STORE_OK)
		reach_last_events(st, r);
	return (rc);
}

bool
reach_left_out_text(size_t left, size_t suspended, size_t opt_out,
    size_t no_address, char *buf, size_t size)
{
	static const char *const what[] = {
		"left", "suspended", "mail_opt_out", "without address",
	};
	size_t	 count[] = { left, suspended, opt_out, no_address };
	size_t	 n = left + suspended + opt_out + no_address, k, len;

	buf[0] = '\0';
	if (n == 0)
		return (false);
	snprintf(buf, size, "left out %zu member%s:", n, n == 1 ? "" : "s");
	for (k = 0; k < sizeof(what) / sizeof(what[0]); k++)
		if (count[k] != 0 && (len = strlen(buf)) < size)
			snprintf(buf + len, size - len, "%s %zu %s",
			    buf[len - 1] == ':' ? "" : ",", count[k], what[k]);
	return (true);
}

void
reach_free(struct reach *r)
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
	if (r->has_event)
		store_event_free(&r->event);
	memset(r, 0, sizeof(*r));
}

static bool
reach_known(void *arg, const char *key)
{
	struct reach *r = arg;
	const struct store_field *f;
	size_t	 k;

	if (strncmp(key, "attr.", 5) == 0 && key[5] != '\0')
		return (true);
	for (k = 0; r->has_event && k < sizeof(reach_event_keys) /
	    sizeof(reach_event_keys[0]); k++)
		if (strcmp(key, reach_event_keys[k]) == 0)
			return (true);
	/* A field the caller's role hides is no placeholder for it. */
	f = store_field_find(key);
	return (f != NULL && strcmp(f->key, key) == 0 &&
	    !store_field_hidden(r->st, f));
}

static const char *
reach_value(void *arg, size_t i, const char *key)
{
	struct reach *r = arg;
	struct store_member_view v = { &r->m[i], &r->s[i],
	    r->last_event[i] };
	const struct store_field *f;
	size_t	 k;

	if (r->buf == NULL)
		r->buf = xreallocarray(NULL, 1, REACH_BUF);
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
	    REACH_BUF));
}

struct print_source
reach_source(struct reach *r)
{
	struct print_source src = { r->n, r, reach_value, reach_known };

	return (src);
}
