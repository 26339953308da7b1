/* filter.c -- the member filter language of DESIGN.md ("segment=正会員
 * total>=3 attended=E006"): parsed once over the field table, then
 * matched against members.  select, reports, print, mail, invitations
 * and the screens all evaluate filters here. */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store-int.h"

enum filter_op {
	FOP_EQ, FOP_NE, FOP_GE, FOP_LE, FOP_GT, FOP_LT,
	FOP_ATTENDED,		/* attended=EVENT: an attended record */
	FOP_NOT_ATTENDED,	/* not-attended=EVENT */
	FOP_INVITED,		/* invited=EVENT: a record with invited_on */
	FOP_NEVER,		/* no attended record and past_count 0 */
};

/* The operators, longest first so ">=" wins over ">". */
static const struct {
	const char	*text;
	enum filter_op	 op;
} filter_ops[] = {
	{ "!=", FOP_NE }, { ">=", FOP_GE }, { "<=", FOP_LE },
	{ "=", FOP_EQ }, { ">", FOP_GT }, { "<", FOP_LT },
};

/* The words that name events instead of fields. */
static const struct {
	const char	*name;
	enum filter_op	 op;
} filter_event_words[] = {
	{ "attended", FOP_ATTENDED }, { "not-attended", FOP_NOT_ATTENDED },
	{ "not_attended", FOP_NOT_ATTENDED }, { "invited", FOP_INVITED },
};

struct filter_cond {
	const struct store_field *f;	/* NULL: attr or an event word */
	char		*attr;		/* attr.NAME: NAME */
	enum filter_op	 op;
	char		**text;		/* folded text, dates: any of them */
	long		*num;		/* numbers, enum and yes/no values */
	size_t		 n;
	char		**ids;		/* event words: sorted member IDs */
	size_t		 nids;
};

struct store_filter {
	struct filter_cond	*c;
	size_t			 n;
};

static void
filter_cond_free(struct filter_cond *c)
{
	size_t	i;

	for (i = 0; c->text != NULL && i < c->n; i++)
		free(c->text[i]);
	for (i = 0; i < c->nids; i++)
		free(c->ids[i]);
	free(c->text);
	free(c->num);
	free(c->ids);
	free(c->attr);
}

void
store_filter_free(struct store_filter *f)
{
	size_t	i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++)
		filter_cond_free(&f->c[i]);
	free(f->c);
	free(f);
}

static int
filter_fail(struct store_filter_error *e, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
filter_fail(struct store_filter_error *e, int rc, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	e->rc = rc;
	return (rc);
}

/* Split VALUE at commas outside double quotes (QUOTED: all of it was
 * quoted, no split) and drop the quotes; a malloc'd list in *OUT. */
static size_t
filter_values(const char *value, bool quoted, char ***out)
{
	char		**v = NULL, *cur;
	size_t		  n = 0, o = 0;
	bool		  inq = quoted;
	const char	 *p;

	cur = xmalloc(strlen(value) + 1);
	for (p = value;; p++) {
		if (*p == '"') {
			inq = !inq;
			continue;
		}
		if (*p == '\0' || (*p == ',' && !inq)) {
			cur[o] = '\0';
			v = xreallocarray(v, n + 1, sizeof *v);
			v[n++] = xstrdup(cur);
			o = 0;
			if (*p == '\0')
				break;
			continue;
		}
		cur[o++] = *p;
	}
	free(cur);
	*out = v;
	return (n);
}

static int
filter_id_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

struct filter_collect {
	struct filter_cond	*c;
	enum filter_op		 op;
};

static int
filter_collect_cb(const struct store_att_row *r, void *arg)
{
	struct filter_collect	*fc = arg;
	struct filter_cond	*c = fc->c;
	bool			 hit;

	if (fc->op == FOP_INVITED)
		hit = r->a.invited_on[0] != '\0';
	else
		hit = r->a.final == STORE_FINAL_ATTENDED;
	if (hit) {
		c->ids = xreallocarray(c->ids, c->nids + 1, sizeof *c->ids);
		c->ids[c->nids++] = xstrdup(r->a.member);
	}
	return (0);
}

static bool
filter_event_exists(struct store *st, const char *code)
{
	struct store_event	ev;

	if (store_event_get(st, code, &ev, NULL) != STORE_OK)
		return (false);
	store_event_free(&ev);
	return (true);
}

/* An event word: the members it names, from each event's records. */
static int
filter_events(struct store *st, struct filter_cond *c, char **events,
    size_t n, struct store_filter_error *e)
{
	struct filter_collect	fc = { c, c->op };
	size_t			i;
	int			rc;

	for (i = 0; i < n; i++) {
		if (st == NULL)
			return (filter_fail(e, STORE_INVALID,
			    _("%s needs the database"), events[i]));
		if (!filter_event_exists(st, events[i]))
			return (filter_fail(e, STORE_NOTFOUND,
			    _("unknown event %s"), events[i]));
		rc = store_event_records(st, events[i], filter_collect_cb,
		    &fc);
		if (rc != STORE_OK)
			return (filter_fail(e, rc, "%s",
			    store_last_error(st)->msg));
	}
	qsort(c->ids, c->nids, sizeof *c->ids, filter_id_cmp);
	return (STORE_OK);
}

/* VALUES of a field condition, read as its kind says. */
static int
filter_field_values(struct filter_cond *c, char **vals,
    struct store_filter_error *e)
{
	const char	*key = c->f != NULL ? c->f->key : "attr";
	char		 why[256], date[STORE_DATE_SIZE];
	enum store_field_kind kind = c->f != NULL ? c->f->kind :
			    STORE_KIND_TEXT;
	size_t		 i;
	long		 v;
	bool		 b;
	int		 w;

	c->num = xcalloc(c->n, sizeof *c->num);
	if ((kind == STORE_KIND_BOOL || kind == STORE_KIND_ENUM) &&
	    c->op != FOP_EQ && c->op != FOP_NE)
		return (filter_fail(e, STORE_INVALID,
		    _("%s: only = and != work here"), key));
	for (i = 0; i < c->n; i++) {
		switch (kind) {
		case STORE_KIND_NUMBER:
			if (store_int_parse(vals[i], 0, INT32_MAX, &v, why,
			    sizeof why) != 0)
				return (filter_fail(e, STORE_INVALID, "%s: %s",
				    key, why));
			c->num[i] = v;
			break;
		case STORE_KIND_BOOL:
			if (store_bool_parse(vals[i], &b) != 0)
				return (filter_fail(e, STORE_INVALID,
				    _("%s: \"%s\" is not yes or no"), key,
				    vals[i]));
			c->num[i] = b;
			break;
		case STORE_KIND_ENUM:
			if ((w = store_member_status_parse(vals[i])) < 0)
				return (filter_fail(e, STORE_INVALID,
				    _("%s: \"%s\" is not a member status (%s)"),
				    key, vals[i], store_words(STORE_VOCAB_STATUS,
				    ", ", why, sizeof why)));
			c->num[i] = w;
			break;
		case STORE_KIND_DATE:
			date[0] = '\0';
			if (*vals[i] != '\0' && store_date_parse(vals[i], date,
			    why, sizeof why) != 0)
				return (filter_fail(e, STORE_INVALID, "%s: %s",
				    key, why));
			free(vals[i]);
			vals[i] = xstrdup(date);
			break;
		case STORE_KIND_TEXT:
		case STORE_KIND_LINE:
			break;
		}
		if (kind == STORE_KIND_TEXT || kind == STORE_KIND_LINE) {
			char	*folded = store_fold(vals[i]);

			if (folded == NULL)
				return (filter_fail(e, STORE_INVALID,
				    _("%s: not valid UTF-8"), key));
			free(vals[i]);
			vals[i] = folded;
		}
	}
	return (STORE_OK);
}

/* The operator in WORD outside quotes: its offset and length, or -1. */
static long
filter_find_op(const char *word, enum filter_op *op, size_t *oplen)
{
	const char	*p;
	bool		 inq = false;
	size_t		 i;

	for (p = word; *p != '\0'; p++) {
		if (*p == '"')
			inq = !inq;
		if (inq)
			continue;
		for (i = 0; i < sizeof filter_ops / sizeof filter_ops[0]; i++) {
			*oplen = strlen(filter_ops[i].text);
			if (strncmp(p, filter_ops[i].text, *oplen) == 0) {
				*op = filter_ops[i].op;
				return (p - word);
			}
		}
	}
	return (-1);
}

/* The event word NAME (with '=' only), or -1. */
static int
filter_event_word(const char *name, enum filter_op op)
{
	size_t	i;

	if (op != FOP_EQ)
		return (-1);
	for (i = 0; i < sizeof filter_event_words /
	    sizeof filter_event_words[0]; i++)
		if (strcmp(name, filter_event_words[i].name) == 0)
			return ((int)filter_event_words[i].op);
	return (-1);
}

/* The field a condition names: a row, or attr.NAME in c->attr. */
static int
filter_field(struct filter_cond *c, const char *name,
    struct store_filter_error *e)
{
	if (strncmp(name, "attr.", 5) == 0) {
		if (name[5] == '\0')
			return (filter_fail(e, STORE_INVALID,
			    _("attr. needs a NAME (attr.ランク)")));
		c->attr = xstrdup(name + 5);
		return (STORE_OK);
	}
	if ((c->f = store_field_find(name)) == NULL)
		return (filter_fail(e, STORE_INVALID, _("unknown field %s "
		    "(a key of show member, its Japanese label, or "
		    "attr.NAME)"), name));
	return (STORE_OK);
}

/* One word WORD (NFKC folded already) into C. */
static int
filter_word(struct store *st, char *word, struct filter_cond *c,
    struct store_filter_error *e)
{
	char		*name, **vals = NULL;
	enum filter_op	 op;
	size_t		 oplen, len, i;
	long		 at;
	bool		 quoted = false;
	int		 rc, ev;

	len = strlen(word);
	if (len >= 2 && word[0] == '"' && word[len - 1] == '"') {
		word[len - 1] = '\0';	/* "name=髙橋 一郎": all quoted */
		word++;
		quoted = true;
	}
	if (word[0] == '@')
		return (filter_fail(e, STORE_NOTFOUND,
		    _("unknown saved filter %s"), word));
	if (strcmp(word, "never") == 0) {
		c->op = FOP_NEVER;
		return (STORE_OK);
	}
	if ((at = filter_find_op(word, &op, &oplen)) <= 0)
		return (filter_fail(e, STORE_INVALID, _("write FIELD=VALUE, "
		    "FIELD!=VALUE, FIELD>=N, FIELD<=N, FIELD>N, FIELD<N, "
		    "attended=EVENT, invited=EVENT or never")));
	name = xstrndup(word, (size_t)at);
	for (i = 0; name[i] != '\0'; i++)	/* the name unquoted */
		if (name[i] == '"')
			memmove(name + i, name + i + 1, strlen(name + i));
	c->op = op;
	c->n = filter_values(word + at + oplen, quoted, &vals);
	c->text = vals;
	if ((ev = filter_event_word(name, op)) >= 0 && st != NULL &&
	    !(c->n == 1 && store_digits(vals[0]) &&
	    !filter_event_exists(st, vals[0]))) {
		/* attended=3 with no event 3 is the count */
		c->op = (enum filter_op)ev;
		rc = filter_events(st, c, vals, c->n, e);
	} else if ((rc = filter_field(c, name, e)) == STORE_OK)
		rc = filter_field_values(c, vals, e);
	free(name);
	return (rc);
}

/* Fold the full-width forms of a word (＝, ＞＝, ａｔｔｒ) to ASCII. */
static char *
filter_nfkc(const char *w)
{
	size_t	 n = strlen(w), size = n * 3 + 16;
	char	*out = xmalloc(size);

	if (store_nfkc(w, n, out, size) < 0)
		snprintf(out, size, "%s", w);
	return (out);
}

/* Parse N WORDS; ORIGIN[i] (NULL: i) is the word of the caller's that
 * word i came from, for the error. */
static int
filter_parse_words(struct store *st, char *const *words, size_t n,
    const size_t *origin, char *const *given, struct store_filter **out,
    struct store_filter_error *e)
{
	struct store_filter	*f;
	char			*w;
	size_t			 i, at;
	int			 rc = STORE_OK;

	*out = NULL;
	f = xcalloc(1, sizeof *f);
	for (i = 0; i < n && rc == STORE_OK; i++) {
		if (*words[i] == '\0')
			continue;
		f->c = xreallocarray(f->c, f->n + 1, sizeof *f->c);
		memset(&f->c[f->n], 0, sizeof f->c[f->n]);
		w = filter_nfkc(words[i]);
		rc = filter_word(st, w, &f->c[f->n++], e);
		free(w);
		if (rc != STORE_OK) {
			at = origin != NULL ? origin[i] : i;
			e->word = at + 1;
			snprintf(e->text, sizeof e->text, "%s", given[at]);
		}
	}
	if (rc == STORE_OK && st != NULL &&
	    (rc = access_filter(st, f)) != STORE_OK) {
		snprintf(e->msg, sizeof e->msg, "%s", store_last_error(st)->msg);
		access_flush(st);
	}
	if (rc != STORE_OK) {
		e->rc = rc;
		store_filter_free(f);
		return (rc);
	}
	*out = f;
	return (STORE_OK);
}

/* The saved filter a word names (@NAME, ＠NAME), or NULL. */
static const char *
filter_saved_name(const char *word)
{
	if (word[0] == '@')
		return (word + 1);
	if (strncmp(word, "\xef\xbc\xa0", 3) == 0)
		return (word + 3);
	return (NULL);
}

int
store_filter_parse(struct store *st, char *const *words, size_t n,
    struct store_filter **out, struct store_filter_error *e)
{
	const char	*name;
	char		**all = NULL, **saved;
	size_t		 i, j, nall = 0, nsaved, *origin = NULL;
	int		 rc = STORE_OK;

	memset(e, 0, sizeof *e);
	*out = NULL;
	for (i = 0; i < n && (st == NULL ||
	    filter_saved_name(words[i]) == NULL); i++)
		;
	if (i == n)
		return (filter_parse_words(st, words, n, NULL, words, out, e));
	/* @NAME: the words saved under NAME stand in its place */
	for (i = 0; i < n && rc == STORE_OK; i++) {
		saved = NULL;
		nsaved = 0;
		if ((name = filter_saved_name(words[i])) != NULL) {
			if ((rc = store_filter_load(st, name, &saved,
			    &nsaved)) != STORE_OK) {
				e->rc = rc;
				e->word = i + 1;
				snprintf(e->text, sizeof e->text, "%s",
				    words[i]);
				snprintf(e->msg, sizeof e->msg, "%s",
				    store_last_error(st)->msg);
				break;
			}
		} else {
			saved = xcalloc(1, sizeof *saved);
			saved[nsaved++] = xstrdup(words[i]);
		}
		all = xreallocarray(all, nall + nsaved + 1, sizeof *all);
		origin = xreallocarray(origin, nall + nsaved + 1,
		    sizeof *origin);
		for (j = 0; j < nsaved; j++) {
			origin[nall] = i;
			all[nall++] = saved[j];
		}
		free(saved);
	}
	if (rc == STORE_OK)
		rc = filter_parse_words(st, all, nall, origin, words, out, e);
	for (i = 0; i < nall; i++)
		free(all[i]);
	free(all);
	free(origin);
	return (rc);
}

void
store_filter_words(const char *text, char ***out, size_t *n)
{
	char	**words = NULL, *copy, *p, *start = NULL;
	bool	  inq = false;

	*n = 0;
	copy = xstrdup(text != NULL ? text : "");
	/* U+3000 (E3 80 80) separates words like a space. */
	for (p = copy; (p = strstr(p, "\xe3\x80\x80")) != NULL; p += 3)
		memcpy(p, "   ", 3);
	for (p = copy;; p++) {
		if (*p == '"')
			inq = !inq;
		if (*p == '\0' || (!inq && (*p == ' ' || *p == '\t'))) {
			if (start != NULL) {
				words = xreallocarray(words, *n + 1,
				    sizeof *words);
				words[(*n)++] = xstrndup(start,
				    (size_t)(p - start));
				start = NULL;
			}
			if (*p == '\0')
				break;
		} else if (start == NULL)
			start = p;
	}
	free(copy);
	*out = words;
}

int
store_filter_parse_line(struct store *st, const char *text,
    struct store_filter **out, struct store_filter_error *e)
{
	char	**words;
	size_t	  n;
	int	  rc;

	store_filter_words(text, &words, &n);
	rc = store_filter_parse(st, words, n, out, e);
	store_words_free(words, n);
	return (rc);
}

bool
store_filter_names(const struct store_filter *f, const char *key)
{
	size_t	i;

	for (i = 0; f != NULL && i < f->n; i++)
		if (f->c[i].f != NULL && strcmp(f->c[i].f->key, key) == 0)
			return (true);
	return (false);
}

bool
store_filter_empty(const struct store_filter *f)
{
	return (f == NULL || f->n == 0);
}

static bool
filter_in(const struct filter_cond *c, const char *id)
{
	return (c->nids != 0 && bsearch(&id, c->ids, c->nids, sizeof *c->ids,
	    filter_id_cmp) != NULL);
}

/* OP holds for a comparison result CMP. */
static bool
filter_cmp(enum filter_op op, int cmp)
{
	switch (op) {
	case FOP_EQ: return (cmp == 0);
	case FOP_NE: return (cmp != 0);
	case FOP_GE: return (cmp >= 0);
	case FOP_LE: return (cmp <= 0);
	case FOP_GT: return (cmp > 0);
	case FOP_LT: return (cmp < 0);
	default: return (false);
	}
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

/* Does value I of C hold for the member's VALUE (as the row prints it)? */
static bool
filter_one(const struct filter_cond *c, size_t i, const char *value,
    const char *folded)
{
	enum store_field_kind	kind = c->f != NULL ? c->f->kind :
				    STORE_KIND_TEXT;
	long			n;

	switch (kind) {
	case STORE_KIND_NUMBER:
	case STORE_KIND_BOOL:
	case STORE_KIND_ENUM:
		if (kind == STORE_KIND_BOOL)
			n = strcmp(value, "yes") == 0;
		else if (kind == STORE_KIND_ENUM)
			n = store_member_status_parse(value);
		else
			n = strtol(value, NULL, 10);
		return (filter_cmp(c->op, n < c->num[i] ? -1 : n > c->num[i]));
	case STORE_KIND_DATE:
		/* an empty date is no date: never before or after one */
		if (c->op != FOP_EQ && c->op != FOP_NE &&
		    (*value == '\0' || *c->text[i] == '\0'))
			return (false);
		return (filter_cmp(c->op, strcmp(value, c->text[i])));
	case STORE_KIND_TEXT:
	case STORE_KIND_LINE:
		break;
	}
	return (filter_cmp(c->op, strcmp(folded, c->text[i])));
}

static bool
filter_cond_match(const struct filter_cond *c,
    const struct store_member_view *v)
{
	const char	*value;
	char		 buf[64], *folded = NULL;
	size_t		 i;
	bool		 any = false, text;

	switch (c->op) {
	case FOP_NEVER:
		return ((v->s == NULL || v->s->attended == 0) &&
		    v->m->past_count == 0);
	case FOP_ATTENDED:
	case FOP_INVITED:
		return (filter_in(c, v->m->id));
	case FOP_NOT_ATTENDED:
		return (!filter_in(c, v->m->id));
	default:
		break;
	}
	value = c->f != NULL ? store_field_get(c->f, v, STORE_STYLE_SHOW, buf,
	    sizeof buf) : filter_attr(v->m, c->attr);
	text = c->f == NULL || c->f->kind == STORE_KIND_TEXT ||
	    c->f->kind == STORE_KIND_LINE;
	if (text && (folded = store_fold(value)) == NULL)
		return (false);
	/* != holds when no value matches; the others when one does */
	for (i = 0; i < c->n && !any; i++)
		any = filter_one(c, i, value, folded) != (c->op == FOP_NE);
	free(folded);
	return (c->op == FOP_NE ? !any : any);
}

bool
store_filter_match(const struct store_filter *f,
    const struct store_member *m, const struct store_stats *s)
{
	struct store_member_view	v = { m, s, NULL };
	size_t				i;

	for (i = 0; i < f->n; i++)
		if (!filter_cond_match(&f->c[i], &v))
			return (false);
	return (true);
}
