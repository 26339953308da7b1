/* filter.c -- "segment=正会員 total>=3": which members an invitation goes to. */
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/sanka.h"
#include "tui/filter.h"
#include "store/xmalloc.h"

enum filter_type { FT_TEXT, FT_NUM, FT_DATE, FT_STATUS, FT_BOOL };

static const struct {
	const char		*name;
	enum filter_type	 type;
} filter_fields[] = {
	{ "id", FT_DATE }, { "name", FT_TEXT }, { "kana", FT_TEXT },
	{ "email", FT_TEXT }, { "phone", FT_TEXT },
	{ "postal_code", FT_TEXT }, { "address", FT_TEXT },
	{ "organization", FT_TEXT }, { "segment", FT_TEXT },
	{ "status", FT_STATUS }, { "mail_opt_out", FT_BOOL },
	{ "joined_on", FT_DATE }, { "past_count", FT_NUM },
	{ "past_last_date", FT_DATE }, { "attended", FT_NUM },
	{ "total", FT_NUM }, { "last_date", FT_DATE },
	{ "last_event", FT_DATE },
};

static int
filter_type(const char *field)
{
	size_t	i;

	if (strncmp(field, "attr.", 5) == 0 && field[5] != '\0')
		return (FT_TEXT);
	for (i = 0; i < sizeof filter_fields / sizeof filter_fields[0]; i++)
		if (strcmp(filter_fields[i].name, field) == 0)
			return ((int)filter_fields[i].type);
	return (-1);
}

void
filter_free(struct filter *f)
{
	size_t	i;

	for (i = 0; i < f->n; i++)
		free(f->c[i].value);
	free(f->c);
	f->c = NULL;
	f->n = 0;
}

/* One word: FIELD OP VALUE. */
static int
filter_word(struct filter *f, const char *w, char *err, size_t size)
{
	struct filter_cond	 c;
	const char		*op, *v;
	char			*folded, *end;
	int			 type, b;

	memset(&c, 0, sizeof c);
	if ((op = strpbrk(w, "=<>")) == NULL || op == w) {
		snprintf(err, size, _("%s: write FIELD=VALUE, FIELD>=N or "
		    "FIELD<=N"), w);
		return (-1);
	}
	if (op[0] == '=') {
		c.op = '=';
		v = op + 1;
	} else if (op[1] == '=') {
		c.op = op[0];
		v = op + 2;
	} else {
		snprintf(err, size, _("%s: write >= or <="), w);
		return (-1);
	}
	snprintf(c.field, sizeof c.field, "%.*s", (int)(op - w), w);
	if ((type = filter_type(c.field)) < 0) {
		snprintf(err, size, _("unknown field %s (e.g. segment, status, "
		    "total, last_date, attr.NAME)"), c.field);
		return (-1);
	}
	switch (type) {
	case FT_NUM:
		c.num = strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0' || c.num < 0) {
			snprintf(err, size, _("%s: %s is not a number"),
			    c.field, v);
			return (-1);
		}
		c.value = xstrdup(v);
		break;
	case FT_STATUS:
		if ((c.num = store_member_status_parse(v)) < 0) {
			snprintf(err, size, _("%s: unknown status %s"),
			    c.field, v);
			return (-1);
		}
		c.value = xstrdup(v);
		break;
	case FT_BOOL:
		if ((b = sanka_bool(v)) < 0) {
			snprintf(err, size, _("%s: yes or no"), c.field);
			return (-1);
		}
		c.num = b;
		c.value = xstrdup(v);
		break;
	case FT_DATE:
		c.value = xstrdup(v);
		break;
	default:
		if ((folded = store_fold(v)) == NULL) {
			snprintf(err, size, _("%s: not valid UTF-8"), c.field);
			return (-1);
		}
		c.value = folded;
		break;
	}
	if (type == FT_STATUS || type == FT_BOOL) {
		if (c.op != '=') {
			snprintf(err, size, _("%s: only = works here"),
			    c.field);
			free(c.value);
			return (-1);
		}
	}
	f->c = xreallocarray(f->c, f->n + 1, sizeof *f->c);
	f->c[f->n++] = c;
	return (0);
}

static bool
filter_names(const struct filter *f, const char *field)
{
	size_t	i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->c[i].field, field) == 0)
			return (true);
	return (false);
}

int
filter_parse(struct filter *f, const char *text, char *err, size_t size)
{
	char	*copy = xstrdup(text), *p, *w;
	int	 rc = 0;

	memset(f, 0, sizeof *f);
	/* U+3000 (E3 80 80) separates words like a space. */
	for (p = copy; (p = strstr(p, "\xe3\x80\x80")) != NULL; p += 3)
		memcpy(p, "   ", 3);
	for (w = strtok(copy, " \t"); w != NULL; w = strtok(NULL, " \t")) {
		if ((rc = filter_word(f, w, err, size)) != 0)
			break;
	}
	free(copy);
	if (rc == 0 && f->n == 0) {
		snprintf(err, size, "%s", _("no condition given"));
		rc = -1;
	}
	/* Members who left or are on leave are invited only when asked for. */
	if (rc == 0 && !filter_names(f, "status")) {
		rc = filter_word(f, "status=active", err, size);
		f->active_only = true;
	}
	if (rc != 0)
		filter_free(f);
	return (rc);
}

static const char *
filter_attr(const struct store_member *m, const char *name)
{
	size_t	i;

	for (i = 0; i < m->nattrs; i++)
		if (strcmp(m->attrs[i].name, name) == 0)
			return (m->attrs[i].value);
	return ("");
}

/* The member's value of a text or date field. */
static const char *
filter_text(const struct filter_cond *c, const struct store_member *m,
    const struct store_stats *st)
{
	const char	*f = c->field;

	if (strncmp(f, "attr.", 5) == 0)
		return (filter_attr(m, f + 5));
	if (strcmp(f, "id") == 0) return (m->id);
	if (strcmp(f, "name") == 0) return (m->name);
	if (strcmp(f, "kana") == 0) return (m->kana);
	if (strcmp(f, "email") == 0) return (m->email);
	if (strcmp(f, "phone") == 0) return (m->phone);
	if (strcmp(f, "postal_code") == 0) return (m->postal_code);
	if (strcmp(f, "address") == 0) return (m->address);
	if (strcmp(f, "organization") == 0) return (m->organization);
	if (strcmp(f, "segment") == 0) return (m->segment);
	if (strcmp(f, "joined_on") == 0) return (m->joined_on);
	if (strcmp(f, "past_last_date") == 0) return (m->past_last_date);
	if (strcmp(f, "last_date") == 0) return (st->last_date);
	if (strcmp(f, "last_event") == 0) return (st->last_event);
	return ("");
}

static long
filter_num(const struct filter_cond *c, const struct store_member *m,
    const struct store_stats *st)
{
	if (strcmp(c->field, "past_count") == 0)
		return (m->past_count);
	if (strcmp(c->field, "attended") == 0)
		return (st->attended);
	return (st->total);
}

static int
filter_cmp(char op, int c)
{
	return (op == '=' ? c == 0 : op == '>' ? c >= 0 : c <= 0);
}

int
filter_match(const struct filter *f, const struct store_member *m,
    const struct store_stats *st)
{
	const struct filter_cond	*c;
	const char			*v;
	char				*fv;
	size_t				 i;
	long				 n;
	int				 ok;

	for (i = 0; i < f->n; i++) {
		c = &f->c[i];
		switch (filter_type(c->field)) {
		case FT_NUM:
			n = filter_num(c, m, st);
			ok = filter_cmp(c->op, n < c->num ? -1 : n > c->num);
			break;
		case FT_STATUS:
			ok = (long)m->status == c->num;
			break;
		case FT_BOOL:
			ok = (long)m->mail_opt_out == c->num;
			break;
		case FT_DATE:
			v = filter_text(c, m, st);
			ok = filter_cmp(c->op, strcmp(v != NULL ? v : "",
			    c->value));
			/* An empty date is no date: never >= or <=. */
			if (c->op != '=' && (v == NULL || *v == '\0'))
				ok = 0;
			break;
		default:
			v = filter_text(c, m, st);
			fv = store_fold(v != NULL ? v : "");
			ok = fv != NULL && filter_cmp(c->op, strcmp(fv,
			    c->value));
			free(fv);
			break;
		}
		if (!ok)
			return (0);
	}
	return (1);
}
