/* report.c -- the reports of DESIGN.md "Reports": the range chart from the
 * aggregates, year on year and the per-event funnel from the records of
 * past events, in one read transaction; their words, year labels and
 * rates.  The member lists are in report-list.c. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store-int.h"
#include "store/report-int.h"

static const char *const report_kind_words[STORE_REPORT_COUNT] = {
	"range", "yearly", "events", "lapsed", "top", "noshow", "never",
};

static const char *const report_sort_words[] = {
	"date", "attended", "attendance_rate", "no_show_rate", NULL,
};

/* The range chart's buckets: the smallest total of each. */
static const struct {
	uint32_t	 from;
	const char	*label;
} report_buckets[STORE_RANGE_BUCKETS] = {
	{ 0, "0" }, { 1, "1" }, { 2, "2" }, { 3, "3-5" }, { 6, "6-9" },
	{ 10, "10-19" }, { 20, "20+" },
};

int
store_report_kind_parse(const char *s)
{
	int	i;

	for (i = 0; i < STORE_REPORT_COUNT; i++) {
		if (s != NULL && strcmp(s, report_kind_words[i]) == 0)
			return (i);
	}
	return (-1);
}

const char *
store_report_kind_word(enum store_report_kind k)
{
	return ((unsigned)k < STORE_REPORT_COUNT ? report_kind_words[k] : "");
}

bool
store_report_is_list(enum store_report_kind k)
{
	return (k == STORE_REPORT_LAPSED || k == STORE_REPORT_TOP ||
	    k == STORE_REPORT_NOSHOW || k == STORE_REPORT_NEVER);
}

int
store_event_sort_parse(const char *s)
{
	int	i;

	for (i = 0; report_sort_words[i] != NULL; i++) {
		if (s != NULL && strcmp(s, report_sort_words[i]) == 0)
			return (i);
	}
	return (-1);
}

int
store_report_year_parse(const char *s, bool calendar, int *year)
{
	struct store_error	 err;
	char			 k[STORE_ID_MAX + 1];
	const char		*p = k;
	bool			 fy;
	int			 i;

	*year = 0;
	if (store_key_fold(s, k, "--year", &err) != STORE_OK)
		k[0] = '\0';
	fy = (k[0] == 'F' || k[0] == 'f') && (k[1] == 'Y' || k[1] == 'y');
	if (fy)
		p += 2;
	for (i = 0; i < 4; i++) {
		if (p[i] < '0' || p[i] > '9')
			return (STORE_INVALID);
	}
	if (p[4] != '\0' || (fy && calendar))
		return (STORE_INVALID);
	*year = atoi(p);
	return (*year >= 1900 ? STORE_OK : STORE_INVALID);
}

void
store_year_label(int year, bool calendar, char out[STORE_LABEL_SIZE])
{
	snprintf(out, STORE_LABEL_SIZE, calendar ? "%04d" : "FY%04d",
	    year % 10000);
}

void
store_rate_text(int64_t num, int64_t den, char out[STORE_RATE_SIZE])
{
	uint64_t	a, b, tenths;
	bool		neg;

	out[0] = '\0';
	if (den == 0)
		return;
	neg = (num < 0) != (den < 0);
	a = (uint64_t)(num < 0 ? -num : num) * 1000;
	b = (uint64_t)(den < 0 ? -den : den);
	tenths = (a + b / 2) / b;	/* an exact half rounds up */
	snprintf(out, STORE_RATE_SIZE, "%s%llu.%llu",
	    neg && tenths != 0 ? "-" : "",
	    (unsigned long long)(tenths / 10),
	    (unsigned long long)(tenths % 10));
}

/* The report year of DATE ("YYYY-MM-DD"): fiscal years start in April. */
int
rpt_year_of(const char *date, bool calendar)
{
	int	y = atoi(date), m = atoi(date + 5);

	return (calendar || m >= 4 ? y : y - 1);
}

/* --- a set of member IDs (the members a predicate keeps) ------------- */

static uint64_t
idset_hash(const char *s)
{
	uint64_t	h = 1469598103934665603ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (h);
}

static char **
idset_slot(struct rpt_idset *s, const char *id)
{
	size_t	i;

	for (i = idset_hash(id) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
		if (s->e[i] == NULL || strcmp(s->e[i], id) == 0)
			return (&s->e[i]);
	}
}

static void
idset_add(struct rpt_idset *s, const char *id)
{
	char	**old, **e;
	size_t	  i, oldcap;

	if ((s->n + 1) * 2 > s->cap) {
		old = s->e;
		oldcap = s->cap;
		s->cap = s->cap == 0 ? 1024 : s->cap * 2;
		s->e = xcalloc(s->cap, sizeof *s->e);
		for (i = 0; i < oldcap; i++) {
			if (old[i] != NULL)
				*idset_slot(s, old[i]) = old[i];
		}
		free(old);
	}
	if (*(e = idset_slot(s, id)) == NULL) {
		*e = xstrdup(id);
		s->n++;
	}
}

static bool
idset_has(struct rpt_idset *s, const char *id)
{
	return (s->cap != 0 && *idset_slot(s, id) != NULL);
}

static void
idset_free(struct rpt_idset *s)
{
	size_t	i;

	for (i = 0; i < s->cap; i++)
		free(s->e[i]);
	free(s->e);
	memset(s, 0, sizeof *s);
}

/* --- the run: events, members, records ------------------------------- */

void
rpt_free(struct rpt *r)
{
	free(r->ev);
	idset_free(&r->keep);
	if (r->rx.txn != NULL)
		mdb_txn_abort(r->rx.txn);
	r->rx.txn = NULL;
}

/* Every event in code order, with its report year; the years the rows
 * span: from the first past event's to today's (and the one asked). */
int
rpt_events_load(struct rpt *r)
{
	struct store_event	 e;
	struct cur	 c;
	MDB_val			 k, v;
	struct rpt_event	*re;
	char			 code[STORE_ID_MAX + 1];
	int			 rc, op;

	r->ymin = r->ymax = rpt_year_of(r->today, r->opts->calendar);
	if ((rc = store_cursor(r->st, r->rx.txn, DB_EVENTS, &c)) != 0)
		return (rc);
	for (op = MDB_FIRST;; op = MDB_NEXT) {
		if ((rc = cur_get(&c, &k, &v, (MDB_cursor_op)op)) != 0)
			break;
		codec_copy_text(code, sizeof code, k.mv_data, k.mv_size);
		if (codec_event_dec(&v, code, &e) != STORE_OK) {
			cur_close(&c);
			return (store_err(r->st, STORE_IO, NULL,
			    _("event %s: corrupt record"), code));
		}
		if (r->nev == r->capev) {
			r->capev = r->capev * 2 + 64;
			r->ev = xreallocarray(r->ev, r->capev, sizeof *r->ev);
		}
		re = &r->ev[r->nev++];
		memset(re, 0, sizeof *re);
		memcpy(re->code, e.code, sizeof re->code);
		memcpy(re->date, e.date, sizeof re->date);
		str_copy(re->name, sizeof re->name, e.name);
		re->capacity = e.capacity;
		re->year = rpt_year_of(e.date, r->opts->calendar);
		re->past = strcmp(e.date, r->today) <= 0;
		if (!re->past)
			r->out->future_events++;
		else if (re->year < r->ymin)
			r->ymin = re->year;
		store_event_free(&e);
	}
	cur_close(&c);
	if (rc != MDB_NOTFOUND)
		return (store_mdb(r->st, rc, "events"));
	if (r->opts->year != 0 && r->opts->year < r->ymin)
		r->ymin = r->opts->year;
	if (r->opts->year > r->ymax)
		r->ymax = r->opts->year;
	return (STORE_OK);
}

int
rpt_begin(struct store *st, enum store_report_kind kind,
    const struct store_report_opts *opts, struct store_report *out,
    struct rpt *r)
{
	static const struct store_report_opts none;
	int	rc;

	memset(out, 0, sizeof *out);
	out->kind = kind;
	memset(r, 0, sizeof *r);
	r->st = st;
	r->opts = opts != NULL ? opts : &none;
	r->out = out;
	r->rx.st = st;
	/* a role's rows count like a filter: its records only */
	r->use_keep = (r->opts->filter != NULL &&
	    !store_filter_empty(r->opts->filter)) || access_restricted(st);
	store_today(r->today);
	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_REPORTS, STORE_ACT_VIEW)) != 0)
		return (rc);
	return (store_rbegin(st, &r->rx.txn));
}

static int
rpt_keep_cb(const struct walk_member *w, void *arg)
{
	idset_add(arg, w->id);
	return (0);
}

/* With a filter, the members it keeps (the record pass skips others). */
static int
rpt_keep_build(struct rpt *r)
{
	if (!r->use_keep)
		return (STORE_OK);
	return (walk_members(&r->rx, 0, r->opts->filter, rpt_keep_cb,
	    &r->keep));
}

/* Count one finished record of a past event into its year row and its
 * event row. */
static void
rpt_count(struct rpt *r, struct rpt_event *e, const struct att_peek *a)
{
	struct store_year_row	*y = NULL;
	struct store_event_row	*er = NULL;
	bool			 invited = a->invited;
	bool			 attended = a->final == STORE_FINAL_ATTENDED;

	if (r->out->years != NULL)
		y = &r->out->years[e->year - r->ymin];
	if (e->row != 0)
		er = &r->out->events[e->row - 1];
	if (y != NULL) {
		y->invited += invited;
		y->accepted += a->response == STORE_RESP_ACCEPTED;
		y->attended += attended;
		y->no_show += a->final == STORE_FINAL_NO_SHOW;
	}
	if (er != NULL) {
		er->invited += invited;
		er->accepted += a->response == STORE_RESP_ACCEPTED;
		er->attended += attended;
		er->attended_invited += attended && invited;
		er->walk_in += a->walk_in;
		er->no_show += a->final == STORE_FINAL_NO_SHOW;
		er->cancelled += a->final == STORE_FINAL_CANCELLED;
	}
}

/* Compare event code CODE with the N bytes at P in LMDB's key order. */
static int
rpt_codecmp(const char *code, const void *p, size_t n)
{
	size_t	len = strlen(code);
	int	c;

	if ((c = memcmp(code, p, len < n ? len : n)) != 0)
		return (c);
	return (len < n ? -1 : len > n);
}

/* Every record of a past event, in key order (event code, member): the
 * events come in the same order as r->ev.  Records of future events are
 * skipped a whole event at a time; pending ones are counted apart. */
static int
rpt_records(struct rpt *r)
{
	struct att_peek		 a;
	struct cur	 c;
	MDB_val			 k, v;
	char			 seek[STORE_ID_MAX + 2], member[STORE_ID_MAX + 1];
	const char		*z;
	size_t			 ei = 0, clen;
	int			 rc, cmp;
	MDB_cursor_op		 op = MDB_FIRST;

	if ((rc = store_cursor(r->st, r->rx.txn, DB_ATT, &c)) != STORE_OK)
		return (rc);
	while ((rc = cur_get(&c, &k, &v, op)) == 0) {
		op = MDB_NEXT;
		if ((z = memchr(k.mv_data, '\0', k.mv_size)) == NULL ||
		    (clen = (size_t)(z - (const char *)k.mv_data)) >
		    STORE_ID_MAX)
			continue;
		cmp = -1;
		while (ei < r->nev &&
		    (cmp = rpt_codecmp(r->ev[ei].code, k.mv_data, clen)) < 0)
			ei++;		/* events without records */
		if (ei == r->nev)
			break;
		if (cmp != 0)
			continue;	/* a record of no event: check says */
		if (!r->ev[ei].past) {
			memcpy(seek, k.mv_data, clen);
			seek[clen] = '\001';	/* just past "code\0..." */
			k.mv_data = seek;
			k.mv_size = clen + 1;
			op = MDB_SET_RANGE;
			continue;
		}
		if (r->use_keep) {
			codec_copy_text(member, sizeof member, z + 1,
			    k.mv_size - clen - 1);
			if (!idset_has(&r->keep, member))
				continue;
		}
		if (codec_att_peek(&v, &a) != STORE_OK) {
			codec_copy_text(member, sizeof member, z + 1,
			    k.mv_size - clen - 1);
			cur_close(&c);
			return (store_err(r->st, STORE_IO, NULL,
			    _("attendance %s/%s: corrupt record"),
			    r->ev[ei].code, member));
		}
		if (a.final == STORE_FINAL_PENDING)
			r->out->pending_records++;
		else
			rpt_count(r, &r->ev[ei], &a);
	}
	cur_close(&c);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return (store_mdb(r->st, rc, "attendance"));
	return (STORE_OK);
}

/* --- range ----------------------------------------------------------- */

static int
rpt_range_cb(const struct walk_member *w, void *arg)
{
	struct store_report	*out = arg;
	int			 b;

	for (b = STORE_RANGE_BUCKETS - 1; b > 0 &&
	    w->g.s.total < report_buckets[b].from; b--)
		;
	out->range[b].members++;
	out->range[b].attendances += w->g.s.total;
	out->members++;
	return (0);
}

static int
rpt_range(struct rpt *r)
{
	int	b;

	for (b = 0; b < STORE_RANGE_BUCKETS; b++)
		r->out->range[b].bucket = report_buckets[b].label;
	/* no filter: member_stats alone */
	return (walk_members(&r->rx, 0, r->opts->filter, rpt_range_cb,
	    r->out));
}

/* --- yearly ---------------------------------------------------------- */

/* One member's attended years into the rows: attendees, repeat, lapsed
 * (the year after one attended, when not attended), first_time. */
static int
rpt_yearly_cb(const struct walk_member *w, void *arg)
{
	struct rpt		*r = arg;
	struct store_year_row	*rows = r->out->years;
	int			 y, prev = 0, first = 0;
	size_t			 i;

	if (r->use_keep)
		idset_add(&r->keep, w->id);
	for (i = 0; i < w->ndates; i++) {
		y = rpt_year_of(w->dates[i], r->opts->calendar);
		if (y < r->ymin || y > r->ymax || y == prev)
			continue;
		if (first == 0)
			first = y;
		rows[y - r->ymin].attendees++;
		if (prev != 0 && y == prev + 1)
			rows[y - r->ymin].repeat++;
		else if (prev != 0)
			rows[prev + 1 - r->ymin].lapsed++;
		prev = y;
	}
	if (prev != 0 && prev + 1 <= r->ymax)
		rows[prev + 1 - r->ymin].lapsed++;
	if (first != 0 && w->g.past_count == 0)
		rows[first - r->ymin].first_time++;
	return (0);
}

static int
rpt_yearly(struct rpt *r)
{
	struct store_report	*out = r->out;
	size_t			 i, n;
	int			 rc;

	if ((rc = rpt_events_load(r)) != STORE_OK)
		return (rc);
	n = (size_t)(r->ymax - r->ymin + 1);
	out->years = xcalloc(n, sizeof *out->years);
	out->nyears = n;
	for (i = 0; i < n; i++) {
		out->years[i].year = r->ymin + (int)i;
		store_year_label(out->years[i].year, r->opts->calendar,
		    out->years[i].label);
		out->years[i].has_prev = i > 0;
	}
	for (i = 0; i < r->nev; i++) {
		if (r->ev[i].past)
			out->years[r->ev[i].year - r->ymin].events++;
	}
	if ((rc = walk_members(&r->rx, WALK_HISTORY, r->opts->filter,
	    rpt_yearly_cb, r)) != STORE_OK || (rc = rpt_records(r)) != STORE_OK)
		return (rc);
	for (i = 1; i < n; i++)
		out->years[i].prev_attended = out->years[i - 1].attended;
	if (r->opts->year != 0) {
		/* keep the one row asked for; its figures saw the year before */
		i = (size_t)(r->opts->year - r->ymin);
		memmove(&out->years[0], &out->years[i], sizeof out->years[0]);
		out->nyears = 1;
	}
	return (STORE_OK);
}

/* --- events ---------------------------------------------------------- */

/* A > B as rates NA/DA and NB/DB; an empty rate (D 0) is below all. */
static int
rpt_rate_cmp(uint64_t na, uint64_t da, uint64_t nb, uint64_t db)
{
	if (da == 0 || db == 0)
		return ((da != 0) - (db != 0));
	if (na * db != nb * da)
		return (na * db > nb * da ? 1 : -1);
	return (0);
}

/* A row to sort and the order asked (qsort has no context argument). */
struct rpt_sorted {
	const struct store_event_row	*row;
	enum store_event_sort		 by;
};

/* The order of --sort: date oldest first; the others largest first,
 * then by date. */
static int
rpt_event_cmp(const void *pa, const void *pb)
{
	const struct rpt_sorted		*sa = pa, *sb = pb;
	const struct store_event_row	*a = sa->row, *b = sb->row;
	int				 c = 0;

	switch (sa->by) {
	case STORE_SORT_ATTENDED:
		c = (b->attended > a->attended) - (b->attended < a->attended);
		break;
	case STORE_SORT_ATTENDANCE_RATE:
		c = rpt_rate_cmp(b->attended_invited, b->invited,
		    a->attended_invited, a->invited);
		break;
	case STORE_SORT_NO_SHOW_RATE:
		c = rpt_rate_cmp(b->no_show, b->attended + b->no_show,
		    a->no_show, a->attended + a->no_show);
		break;
	case STORE_SORT_DATE:
		break;
	}
	if (c == 0)
		c = strcmp(a->date, b->date);
	return (c != 0 ? c : strcmp(a->code, b->code));
}

static void
rpt_events_sort(struct store_report *out, enum store_event_sort by)
{
	struct rpt_sorted	*s;
	struct store_event_row	*rows;
	size_t			 i;

	s = xcalloc(out->nevents + 1, sizeof *s);
	for (i = 0; i < out->nevents; i++) {
		s[i].row = &out->events[i];
		s[i].by = by;
	}
	qsort(s, out->nevents, sizeof *s, rpt_event_cmp);
	rows = xcalloc(out->nevents + 1, sizeof *rows);
	for (i = 0; i < out->nevents; i++)
		rows[i] = *s[i].row;
	free(s);
	free(out->events);
	out->events = rows;
}

static int
rpt_events(struct rpt *r)
{
	struct store_report	*out = r->out;
	struct store_event_row	*er;
	size_t			 i;
	int			 rc;

	if ((rc = rpt_events_load(r)) != STORE_OK)
		return (rc);
	out->events = xcalloc(r->nev + 1, sizeof *out->events);
	for (i = 0; i < r->nev; i++) {
		if (!r->ev[i].past || (r->opts->year != 0 &&
		    r->ev[i].year != r->opts->year))
			continue;
		er = &out->events[out->nevents++];
		r->ev[i].row = out->nevents;
		memcpy(er->code, r->ev[i].code, sizeof er->code);
		memcpy(er->name, r->ev[i].name, sizeof er->name);
		memcpy(er->date, r->ev[i].date, sizeof er->date);
		er->capacity = r->ev[i].capacity;
	}
	if ((rc = rpt_keep_build(r)) != STORE_OK ||
	    (rc = rpt_records(r)) != STORE_OK)
		return (rc);
	for (i = 0; i < out->nevents; i++) {
		er = &out->events[i];
		er->over_capacity = er->capacity > 0 &&
		    er->attended > (uint64_t)er->capacity;
	}
	rpt_events_sort(out, r->opts->sort);
	return (STORE_OK);
}

int
store_report_run(struct store *st, enum store_report_kind kind,
    const struct store_report_opts *opts, struct store_report *out,
    int (*member)(const struct store_report_member *, void *), void *arg)
{
	struct rpt	r;
	int		rc;

	if ((rc = rpt_begin(st, kind, opts, out, &r)) != STORE_OK)
		return (rc);
	switch (kind) {
	case STORE_REPORT_RANGE:
		rc = rpt_range(&r);
		break;
	case STORE_REPORT_YEARLY:
		rc = rpt_yearly(&r);
		break;
	case STORE_REPORT_EVENTS:
		rc = rpt_events(&r);
		break;
	default:
		rc = rpt_list(&r, member, arg);
		break;
	}
	rpt_free(&r);
	return (rc);
}

void
store_report_free(struct store_report *out)
{
	free(out->years);
	free(out->events);
	out->years = NULL;
	out->events = NULL;
	out->nyears = out->nevents = 0;
}
