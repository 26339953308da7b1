/* report-list.c -- the member lists of DESIGN.md "Reports": lapsed, top,
 * frequent no-shows and never attended, under the action rule (members
 * who left or are suspended are left out and counted, unless the filter
 * names status), sorted, cut to --limit, then read in full row by row. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/report-int.h"

/* A member the list keeps, before sorting. */
struct rpt_cand {
	uint32_t	 key;		/* top: the total; noshow: no_show */
	size_t		 idoff;		/* into rpt_cands.ids */
	char		 date[STORE_DATE_SIZE];	/* lapsed: last_date */
	enum store_report_kind kind;
	const char	*ids;
};

struct rpt_cands {
	struct rpt	*r;
	struct rpt_cand	*c;
	size_t		 n, cap;
	struct buf	 ids;		/* NUL-terminated IDs */
	char		 cutoff[STORE_DATE_SIZE];	/* lapsed */
};

static int
rpt_days_in(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return (29);
	return (days[m - 1]);
}

/* TODAY minus MONTHS months, the day cut to the month's length. */
static void
rpt_months_back(const char *today, int months, char out[STORE_DATE_SIZE])
{
	int	y = atoi(today), m = atoi(today + 5), d = atoi(today + 8);
	char	tmp[32];

	m -= months % 12;
	y -= months / 12;
	if (m < 1) {
		m += 12;
		y--;
	}
	if (d > rpt_days_in(y, m))
		d = rpt_days_in(y, m);
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	str_copy(out, STORE_DATE_SIZE, tmp);
}

/* Does W belong in the list, and with which sort key? */
static bool
rpt_list_wants(const struct rpt_cands *cs, const struct walk_member *w,
    uint32_t *key)
{
	const struct store_stats	*s = &w->g.s;
	size_t				 i;

	*key = 0;
	switch (cs->r->out->kind) {
	case STORE_REPORT_LAPSED:
		/* a last attendance exactly N months ago is still within */
		return (s->last_date[0] != '\0' &&
		    strcmp(s->last_date, cs->cutoff) < 0);
	case STORE_REPORT_TOP:
		if (cs->r->opts->year == 0)
			*key = s->total;
		for (i = 0; cs->r->opts->year != 0 && i < w->ndates; i++)
			*key += rpt_year_of(w->dates[i],
			    cs->r->opts->calendar) == cs->r->opts->year;
		return (*key > 0);
	case STORE_REPORT_NOSHOW:
		*key = s->no_show;
		return (s->no_show >= 2);
	default:
		return (s->total == 0);		/* never: the filter word */
	}
}

static int
rpt_list_cb(const struct walk_member *w, void *arg)
{
	struct rpt_cands		*cs = arg;
	struct rpt			*r = cs->r;
	const struct store_filter	*f = r->opts->filter;
	enum store_member_status	 status;
	struct rpt_cand			*c;
	MDB_val				 v;
	uint32_t			 key;

	if (!rpt_list_wants(cs, w, &key))
		return (0);
	/* the status of a member the list wants: read now, not for all */
	if (w->have_m)
		status = w->m.status;
	else if (store_get(r->st, r->rx.txn, DB_MEMBERS, w->id, strlen(w->id),
	    &v) == STORE_OK)
		status = codec_member_status(&v);
	else
		return (0);		/* gone: `check` reports it */
	if (status != STORE_MEMBER_ACTIVE &&
	    (f == NULL || !store_filter_names(f, "status")) &&
	    (unsigned)status < 3) {
		r->out->left_out[status]++;
		return (0);
	}
	if (cs->n == cs->cap) {
		cs->cap = cs->cap * 2 + 256;
		cs->c = xreallocarray(cs->c, cs->cap, sizeof *cs->c);
	}
	c = &cs->c[cs->n++];
	c->key = key;
	c->kind = cs->r->out->kind;
	c->idoff = cs->ids.len;
	memcpy(c->date, w->g.s.last_date, sizeof c->date);
	buf_add(&cs->ids, w->id, strlen(w->id) + 1);
	return (0);
}

/* top and noshow: the key largest first; lapsed: the latest last date
 * first; never: by ID.  Ties by ID. */
static int
rpt_cand_cmp(const void *pa, const void *pb)
{
	const struct rpt_cand	*a = pa, *b = pb;
	int			 c = 0;

	if (a->kind == STORE_REPORT_LAPSED)
		c = strcmp(b->date, a->date);
	else if (a->kind != STORE_REPORT_NEVER)
		c = (b->key > a->key) - (b->key < a->key);
	return (c != 0 ? c : strcmp(a->ids + a->idoff, b->ids + b->idoff));
}

/* Read member ID in full and pass its row to CB. */
static int
rpt_list_emit(struct rpt *r, const struct rpt_cand *c, const char *id,
    int (*cb)(const struct store_report_member *, void *), void *arg)
{
	struct store_report_member	 row;
	struct store_member		 m;
	struct agg			 g;
	MDB_val				 v;
	char				 ev[STORE_ID_MAX + 2 + STORE_ROWTEXT_SIZE];
	char				 name[STORE_ROWTEXT_SIZE];
	int				 rc;

	if ((rc = member_read(r->st, r->rx.txn, id, &m)) != STORE_OK)
		return (rc);
	memset(&g, 0, sizeof g);
	if (store_get(r->st, r->rx.txn, DB_STATS, id, strlen(id), &v) == 0)
		(void)codec_agg_dec(&v, &g);
	str_copy(ev, sizeof ev, m.past_last_event);
	if (g.s.last_event[0] != '\0') {
		name[0] = '\0';
		if (store_get(r->st, r->rx.txn, DB_EVENTS, g.s.last_event,
		    strlen(g.s.last_event), &v) == STORE_OK)
			codec_event_name(&v, name, sizeof name);
		snprintf(ev, sizeof ev, "%s %s", g.s.last_event, name);
	}
	memset(&row, 0, sizeof row);
	row.id = m.id;
	row.name = m.name != NULL ? m.name : "";
	row.kana = m.kana != NULL ? m.kana : "";
	row.segment = m.segment != NULL ? m.segment : "";
	row.total = c->kind == STORE_REPORT_TOP && r->opts->year != 0 ?
	    c->key : g.s.total;
	row.no_show = g.s.no_show;
	row.last_date = g.s.last_date;
	row.last_event = ev;
	row.status = m.status;
	rc = cb(&row, arg);
	store_member_free(&m);
	return (rc);
}

/* Does member ID, at total TOTAL, count in the lifetime top list?  The
 * filter and the action rule, reading the member when they need it. */
static int
rpt_top_keeps(struct rpt *r, const char *id, bool *keep)
{
	const struct store_filter	*f = r->opts->filter;
	struct store_member		 m;
	enum store_member_status	 status;
	struct agg			 g;
	MDB_val				 v;
	int				 rc;

	*keep = false;
	if ((rc = store_get(r->st, r->rx.txn, DB_MEMBERS, id, strlen(id),
	    &v)) != STORE_OK)
		return (rc == STORE_NOTFOUND ? STORE_OK : rc);
	status = codec_member_status(&v);
	if (f != NULL && !store_filter_empty(f)) {
		if (codec_member_dec(&v, id, &m) != STORE_OK)
			return (store_err(r->st, STORE_IO, NULL,
			    _("member %s: corrupt record"), id));
		memset(&g, 0, sizeof g);
		if (store_get(r->st, r->rx.txn, DB_STATS, id, strlen(id),
		    &v) == STORE_OK)
			(void)codec_agg_dec(&v, &g);
		*keep = store_filter_match(f, &m, &g.s);
		store_member_free(&m);
		if (!*keep)
			return (STORE_OK);
	}
	*keep = status == STORE_MEMBER_ACTIVE || (f != NULL &&
	    store_filter_names(f, "status"));
	if (!*keep && (unsigned)status < 3)
		r->out->left_out[status]++;
	return (STORE_OK);
}

/* The lifetime top list with a limit: the by_total index from the top,
 * stopping once LIMIT members are kept (the members left out are those
 * met on the way). */
static int
rpt_top_index(struct rpt *r, int (*cb)(const struct store_report_member *,
    void *), void *arg)
{
	struct rpt_cand	 c;
	struct cur	 cur;
	MDB_val		 k, v;
	const unsigned char *p;
	char		 id[STORE_ID_MAX + 1];
	bool		 keep;
	int		 rc, op;

	if ((rc = store_cursor(r->st, r->rx.txn, DB_BYTOTAL, &cur)) != 0)
		return (rc);
	memset(&c, 0, sizeof c);
	c.kind = STORE_REPORT_TOP;
	for (op = MDB_FIRST; r->out->listed < r->opts->limit; op = MDB_NEXT) {
		if ((rc = cur_get(&cur, &k, &v, (MDB_cursor_op)op)) != 0)
			break;
		if (k.mv_size <= 4 || k.mv_size - 4 > STORE_ID_MAX)
			continue;
		p = k.mv_data;
		c.key = ~((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		    (uint32_t)p[2] << 8 | p[3]);
		if (c.key == 0)
			break;		/* the rest never came */
		codec_copy_text(id, sizeof id, (const char *)p + 4,
		    k.mv_size - 4);
		if ((rc = rpt_top_keeps(r, id, &keep)) != STORE_OK)
			goto out;
		if (!keep)
			continue;
		r->out->listed++;
		if (cb != NULL && (rc = rpt_list_emit(r, &c, id, cb, arg)) != 0)
			goto out;
	}
	rc = rc == 0 || rc == MDB_NOTFOUND ? STORE_OK :
	    store_mdb(r->st, rc, "by_total");
out:
	cur_close(&cur);
	return (rc);
}

int
rpt_list(struct rpt *r, int (*cb)(const struct store_report_member *, void *),
    void *arg)
{
	struct rpt_cands	 cs;
	unsigned		 need = 0;
	size_t			 i, n;
	int			 rc;

	if (r->out->kind == STORE_REPORT_TOP && r->opts->year == 0 &&
	    r->opts->limit != 0)
		return (rpt_top_index(r, cb, arg));
	memset(&cs, 0, sizeof cs);
	cs.r = r;
	buf_init(&cs.ids);
	rpt_months_back(r->today, r->opts->months > 0 ? r->opts->months : 12,
	    cs.cutoff);
	if (r->out->kind == STORE_REPORT_TOP && r->opts->year != 0)
		need |= WALK_HISTORY;
	rc = walk_members(&r->rx, need, r->opts->filter, rpt_list_cb, &cs);
	for (i = 0; i < cs.n; i++)
		cs.c[i].ids = (const char *)cs.ids.p;
	if (rc == STORE_OK && cs.n > 1)
		qsort(cs.c, cs.n, sizeof *cs.c, rpt_cand_cmp);
	r->out->listed = cs.n;
	n = r->opts->limit != 0 && r->opts->limit < cs.n ? r->opts->limit :
	    cs.n;
	for (i = 0; rc == STORE_OK && cb != NULL && i < n; i++)
		rc = rpt_list_emit(r, &cs.c[i],
		    (const char *)cs.ids.p + cs.c[i].idoff, cb, arg);
	free(cs.c);
	buf_free(&cs.ids);
	return (rc);
}
