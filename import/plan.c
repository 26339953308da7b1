/* plan.c -- map a header row to fields (the data rows: plan-row.c). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import-int.h"
#include "store/i18n.h"

struct plan_fixed {
	enum hfield	 field;
	int		 slot;
	enum conv	 conv;
	uint32_t	 mask;
};

static const struct plan_fixed plan_members[] = {
	{ HF_M_ID, MS_ID, CV_KEY, 0 },
	{ HF_M_NAME, MS_NAME, CV_TEXT, STORE_MF_NAME },
	{ HF_M_KANA, MS_KANA, CV_NFKC, STORE_MF_KANA },
	{ HF_M_EMAIL, MS_EMAIL, CV_NFKC, STORE_MF_EMAIL },
	{ HF_M_PHONE, MS_PHONE, CV_NFKC, STORE_MF_PHONE },
	{ HF_M_POSTAL, MS_POSTAL, CV_NFKC, STORE_MF_POSTAL_CODE },
	{ HF_M_ADDRESS, MS_ADDRESS, CV_TEXT, STORE_MF_ADDRESS },
	{ HF_M_ORG, MS_ORG, CV_TEXT, STORE_MF_ORGANIZATION },
	{ HF_M_SEGMENT, MS_SEGMENT, CV_TEXT, STORE_MF_SEGMENT },
	{ HF_M_STATUS, MS_STATUS, CV_MSTATUS, STORE_MF_STATUS },
	{ HF_M_OPTOUT, MS_OPTOUT, CV_BOOL, STORE_MF_MAIL_OPT_OUT },
	{ HF_M_JOINED, MS_JOINED, CV_DATE, STORE_MF_JOINED_ON },
	{ HF_M_NOTES, MS_NOTES, CV_MULTI, STORE_MF_NOTES },
	{ HF_M_PAST_COUNT, MS_PAST_COUNT, CV_INT, STORE_MF_PAST_COUNT },
	{ HF_M_PAST_DATE, MS_PAST_DATE, CV_DATE, STORE_MF_PAST_LAST_DATE },
	{ HF_M_PAST_EVENT, MS_PAST_EVENT, CV_TEXT, STORE_MF_PAST_LAST_EVENT },
	{ HF_NONE, 0, 0, 0 },
};

static const struct plan_fixed plan_events[] = {
	{ HF_E_CODE, ES_CODE, CV_KEY, 0 },
	{ HF_E_NAME, ES_NAME, CV_TEXT, STORE_EF_NAME },
	{ HF_E_DATE, ES_DATE, CV_DATE, STORE_EF_DATE },
	{ HF_E_VENUE, ES_VENUE, CV_TEXT, STORE_EF_VENUE },
	{ HF_E_CAPACITY, ES_CAPACITY, CV_INT, STORE_EF_CAPACITY },
	{ HF_E_NOTES, ES_NOTES, CV_MULTI, STORE_EF_NOTES },
	{ HF_NONE, 0, 0, 0 },
};

static const struct plan_fixed plan_attendance[] = {
	{ HF_A_EVENT, AS_EVENT, CV_KEY, 0 },
	{ HF_A_MEMBER, AS_MEMBER, CV_KEY, 0 },
	{ HF_A_EVNAME, AS_EVNAME, CV_TEXT, 0 },
	{ HF_A_EVDATE, AS_EVDATE, CV_DATE, 0 },
	{ HF_A_INVITED, AS_INVITED, CV_DATE, 0 },
	{ HF_A_RESPONSE, AS_RESPONSE, CV_RESPONSE, 0 },
	{ HF_A_FINAL, AS_FINAL, CV_FINAL, 0 },
	{ HF_A_WALKIN, AS_WALKIN, CV_BOOL, 0 },
	{ HF_A_NOTE, AS_NOTE, CV_MULTI, 0 },
	{ HF_A_CHECKED_AT, AS_CHECKED_AT, CV_TIME, 0 },
	{ HF_A_CHECKED_BY, AS_CHECKED_BY, CV_TEXT, 0 },
	{ HF_NONE, 0, 0, 0 },
};

static const struct plan_fixed *
plan_table(enum import_kind kind, size_t *nfixed)
{
	switch (kind) {
	case IMPORT_KIND_MEMBERS:
		*nfixed = MS_NFIXED;
		return (plan_members);
	case IMPORT_KIND_EVENTS:
		*nfixed = ES_N;
		return (plan_events);
	default:
		*nfixed = AS_N;
		return (plan_attendance);
	}
}

void
plan_free(struct plan *pl)
{
	size_t	i;

	for (i = 0; i < pl->ncols; i++)
		free(pl->col[i].header);
	free(pl->col);
	free(pl->slot);
	free(pl->attr);
	memset(pl, 0, sizeof *pl);
}

const char *
plan_colname(const struct plan *pl, int col)
{
	return (col >= 0 && (size_t)col < pl->ncols ? pl->col[col].header :
	    "");
}

static int
plan_attr_cmp(const void *a, const void *b)
{
	const struct pcol *const	*x = a, *const *y = b;
	const char			*p = (*x)->header, *q = (*y)->header;

	if (strncmp(p, "attr.", 5) == 0 && (*x)->field == HF_ATTR)
		p += 5;
	if (strncmp(q, "attr.", 5) == 0 && (*y)->field == HF_ATTR)
		q += 5;
	return (strcmp(p, q));
}

/* The custom attribute name column C stands for. */
static const char *
plan_attr_name(const struct pcol *c)
{
	if (c->field == HF_ATTR && strncmp(c->header, "attr.", 5) == 0)
		return (c->header + 5);
	return (c->header);
}

/* Make column C a custom attribute (members) or ignore it (others). */
static void
plan_extra(struct imp *imp, struct imp_file *f, size_t c, bool dup,
    const char *field)
{
	struct plan	*pl = &f->plan;

	if (f->kind == IMPORT_KIND_MEMBERS) {
		if (dup)
			diag_warn(&imp->d, f->idx, 1, c + 1, pl->col[c].header,
			    _("a second %s column: kept as the custom "
			    "attribute \"%s\""), field, pl->col[c].header);
		pl->col[c].field = HF_ATTR;
		pl->col[c].slot = -2;		/* numbered below */
		return;
	}
	if (dup)
		diag_warn(&imp->d, f->idx, 1, c + 1, pl->col[c].header,
		    _("a second %s column: ignored"), field);
	else
		diag_warn(&imp->d, f->idx, 1, c + 1, pl->col[c].header,
		    _("not a column of %s files: ignored"),
		    import_kind_word(f->kind));
}

static void
plan_missing(struct imp *imp, struct imp_file *f, const char *what,
    enum hfield field)
{
	diag_error(&imp->d, f->idx, 1, 0, NULL,
	    _("no %s column (the header needs %s, %s)"), what,
	    hdr_name(field, false), hdr_name(field, true));
}

/* Columns that may stand in for the fixed ones (members): a record
 * number for the ID, 姓+名 for the name, セイ+メイ for the reading, the
 * old kintone totals for the past counts. */
struct plan_standin {
	int	recno, sei, mei, ksei, kmei;
	int	old[3];		/* HF_M_OLD_TOTAL, _DATE, _EVENT */
};

/* Read the header cells into F's plan, trimmed, without a BOM. */
static void
plan_header_cells(struct plan *pl, const struct csvr_row *row)
{
	size_t	c, hl;
	char	*h;

	memset(pl, 0, sizeof *pl);
	pl->start_col = -1;
	pl->ncols = row->n;
	pl->col = xcalloc(row->n, sizeof *pl->col);
	for (c = 0; c < row->n; c++) {
		hl = row->len[c];
		h = val_trim(row->cell[c], &hl);
		while (strncmp(h, "\xEF\xBB\xBF", 3) == 0)
			h += 3;
		/* export guards header cells as it guards data cells */
		hl = strlen(h);
		val_unguard(h, &hl);
		pl->col[c].header = xstrdup(h);
		pl->col[c].slot = -1;
	}
}

/* Column C stands in for LABEL: the first such column counts. */
static void
plan_once(struct imp *imp, struct imp_file *f, size_t c, int *at,
    const char *label)
{
	if (*at < 0)
		*at = (int)c;
	else
		plan_extra(imp, f, c, true, label);
}

/* Column C, not one of the fixed fields: a stand-in, ignored or extra. */
static void
plan_header_other(struct imp *imp, struct imp_file *f, size_t c,
    struct plan_standin *si)
{
	struct plan	*pl = &f->plan;
	struct pcol	*pc = &pl->col[c];

	switch (pc->field) {
	case HF_RECNO:
		si->recno = (int)c;
		break;
	case HF_START:
		pl->start_col = (int)c;
		break;
	case HF_M_SEI:
		plan_once(imp, f, c, &si->sei, "姓");
		break;
	case HF_M_MEI:
		plan_once(imp, f, c, &si->mei, "名");
		break;
	case HF_M_KSEI:
		plan_once(imp, f, c, &si->ksei, "セイ");
		break;
	case HF_M_KMEI:
		plan_once(imp, f, c, &si->kmei, "メイ");
		break;
	case HF_M_OLD_TOTAL:
	case HF_M_OLD_DATE:
	case HF_M_OLD_EVENT:
		plan_once(imp, f, c, &si->old[pc->field - HF_M_OLD_TOTAL],
		    pc->header);
		break;
	case HF_SYSTEM:
	case HF_AGG:
	case HF_READONLY:
	case HF_A_NAME:
	case HF_A_KANA:
	case HF_M_ATTENDED:
	case HF_M_TOTAL:
	case HF_M_LAST_DATE:
	case HF_M_LAST_EVENT:
		break;
	case HF_ATTR:
		pc->slot = -2;
		break;
	default:
		plan_extra(imp, f, c, false, NULL);
		break;
	}
}

/* Each header cell to its fixed slot, or to plan_header_other. */
static void
plan_header_match(struct imp *imp, struct imp_file *f,
    const struct plan_fixed *tab, struct plan_standin *si)
{
	struct plan	*pl = &f->plan;
	struct pcol	*pc;
	size_t		 c, i;

	for (c = 0; c < pl->ncols; c++) {
		pc = &pl->col[c];
		pc->field = hdr_lookup(f->kind, pc->header);
		if (pc->header[0] == '\0')
			continue;
		for (i = 0; tab[i].field != HF_NONE; i++)
			if (tab[i].field == pc->field)
				break;
		if (tab[i].field == HF_NONE)
			plan_header_other(imp, f, c, si);
		else if (pl->slot[tab[i].slot].col >= 0)
			plan_extra(imp, f, c, true, hdr_name(pc->field, false));
		else {
			pl->slot[tab[i].slot].col = (int)c;
			pc->slot = tab[i].slot;
			pl->fields |= tab[i].mask;
		}
	}
}

/* SLOT from FIRST (and SECOND) unless a column gives it already.
 * Returns the stand-in column then ignored, or -1. */
static int
plan_header_parts(struct plan *pl, int slot, uint32_t mask, int first,
    int second)
{
	struct pslot	*s = &pl->slot[slot];
	int		 c = first >= 0 ? first : second;

	if (c < 0 || s->col >= 0)
		return (c);
	s->col = c;
	s->col2 = first >= 0 ? second : -1;
	pl->fields |= mask;
	return (-1);
}

/* The old kintone (Customine) totals: ignored with a warning, or with
 * --past-from-total the past counts. */
static void
plan_header_old_totals(struct imp *imp, struct imp_file *f, const int *old)
{
	static const int	slots[3] = { MS_PAST_COUNT, MS_PAST_DATE,
				    MS_PAST_EVENT };
	static const uint32_t	masks[3] = { STORE_MF_PAST_COUNT,
				    STORE_MF_PAST_LAST_DATE,
				    STORE_MF_PAST_LAST_EVENT };
	struct plan		*pl = &f->plan;
	const struct pslot	*s;
	int			 first;
	size_t			 i;

	if (old[0] < 0 && old[1] < 0 && old[2] < 0)
		return;
	first = old[0] >= 0 ? old[0] : old[1] >= 0 ? old[1] : old[2];
	if (!imp->o->past_from_total) {
		diag_warn(&imp->d, f->idx, 1, (size_t)first + 1,
		    plan_colname(pl, first),
		    _("参加回数/最終参加日/最終参加イベント look like the old "
		    "kintone (Customine) totals: importing them as past_count "
		    "would count the attendance records twice, so they are "
		    "ignored; use --past-from-total to set past_count = that "
		    "total - the attended records"));
		return;
	}
	for (i = 0; i < 3; i++) {
		if (old[i] < 0)
			continue;
		s = &pl->slot[slots[i]];
		if (s->col >= 0) {
			diag_error(&imp->d, f->idx, 1, (size_t)old[i] + 1,
			    plan_colname(pl, old[i]), _("--past-from-total, "
			    "but column %d(%s) already gives %s"), s->col + 1,
			    plan_colname(pl, s->col), s->what);
			continue;
		}
		pl->slot[slots[i]].col = old[i];
		pl->col[old[i]].slot = slots[i];
		pl->fields |= masks[i];
	}
	if (old[0] >= 0)
		pl->fields |= STORE_MF_PAST_IS_TOTAL;
}

/* Members: the columns that stand in for others. */
static void
plan_header_standins(struct imp *imp, struct imp_file *f,
    const struct plan_standin *si)
{
	struct plan	*pl = &f->plan;
	int		 c, by;

	if (pl->slot[MS_ID].col < 0 && si->recno >= 0) {
		pl->slot[MS_ID].col = si->recno;
		pl->col[si->recno].slot = MS_ID;
	}
	c = plan_header_parts(pl, MS_NAME, STORE_MF_NAME, si->sei, si->mei);
	if (c >= 0) {
		by = pl->slot[MS_NAME].col;
		diag_warn(&imp->d, f->idx, 1, (size_t)c + 1,
		    plan_colname(pl, c), _("姓/名 ignored: the name comes "
		    "from column %d(%s)"), by + 1, plan_colname(pl, by));
	}
	c = plan_header_parts(pl, MS_KANA, STORE_MF_KANA, si->ksei, si->kmei);
	if (c >= 0) {
		by = pl->slot[MS_KANA].col;
		diag_warn(&imp->d, f->idx, 1, (size_t)c + 1,
		    plan_colname(pl, c), _("セイ/メイ ignored: the reading "
		    "comes from column %d(%s)"), by + 1, plan_colname(pl, by));
	}
	plan_header_old_totals(imp, f, si->old);
}

/* Custom attributes: sorted by name, after the NFIXED fixed slots. */
static void
plan_header_attrs(struct imp *imp, struct imp_file *f, size_t nfixed)
{
	struct plan	*pl = &f->plan;
	struct pcol	**attrs;
	const char	*name;
	size_t		 c, i, col, na = 0;

	for (c = 0; c < pl->ncols; c++)
		if (pl->col[c].slot == -2)
			na++;
	pl->nslots = nfixed + na;
	if (na == 0)
		return;
	attrs = xcalloc(na, sizeof *attrs);
	na = 0;
	for (c = 0; c < pl->ncols; c++)
		if (pl->col[c].slot == -2)
			attrs[na++] = &pl->col[c];
	qsort(attrs, na, sizeof *attrs, plan_attr_cmp);
	pl->slot = xrealloc(pl->slot, (nfixed + na) * sizeof *pl->slot);
	pl->attr = xcalloc(na, sizeof *pl->attr);
	for (i = 0; i < na; i++) {
		name = plan_attr_name(attrs[i]);
		col = (size_t)(attrs[i] - pl->col);
		if (i > 0 && strcmp(name, pl->attr[i - 1]) == 0)
			diag_error(&imp->d, f->idx, 1, col + 1,
			    attrs[i]->header, _("the custom column \"%s\" "
			    "appears twice"), name);
		if (name[0] != '\0' && strchr("=+-@\t\r", name[0]) != NULL)
			diag_error(&imp->d, f->idx, 1, col + 1,
			    attrs[i]->header, _("the custom column name "
			    "\"%s\" begins with %c: a spreadsheet would run it "
			    "as a formula"), name, name[0]);
		else if (strlen(name) > IMPORT_ATTR_NAME_MAX ||
		    val_has_ctl(name, strlen(name), false))
			diag_error(&imp->d, f->idx, 1, col + 1,
			    attrs[i]->header, _("a custom column name must be "
			    "one line of at most %d bytes"),
			    IMPORT_ATTR_NAME_MAX);
		pl->attr[i] = (char *)name;
		attrs[i]->slot = (int)(nfixed + i);
		pl->slot[nfixed + i].col = (int)col;
		pl->slot[nfixed + i].col2 = -1;
		pl->slot[nfixed + i].conv = CV_MULTI;
		pl->slot[nfixed + i].what = name;
	}
	pl->nattrs = na;
	pl->fields |= STORE_MF_ATTRS;
	free(attrs);
}

/* The columns a file of its kind cannot do without.  0 or -1 (reported). */
static int
plan_header_required(struct imp *imp, struct imp_file *f)
{
	struct plan	*pl = &f->plan;

	switch (f->kind) {
	case IMPORT_KIND_MEMBERS:
		if (pl->slot[MS_ID].col < 0) {
			plan_missing(imp, f, _("member ID"), HF_M_ID);
			return (-1);
		}
		pl->need_existing = pl->slot[MS_NAME].col < 0;
		return (0);
	case IMPORT_KIND_EVENTS:
		if (pl->slot[ES_CODE].col < 0) {
			plan_missing(imp, f, _("event code"), HF_E_CODE);
			return (-1);
		}
		pl->need_existing = pl->slot[ES_NAME].col < 0 ||
		    pl->slot[ES_DATE].col < 0;
		return (0);
	default:
		if (pl->slot[AS_MEMBER].col < 0) {
			plan_missing(imp, f, _("member ID"), HF_A_MEMBER);
			return (-1);
		}
		if (pl->slot[AS_EVENT].col < 0 && (pl->slot[AS_EVNAME].col < 0 ||
		    pl->slot[AS_EVDATE].col < 0)) {
			diag_error(&imp->d, f->idx, 1, 0, NULL,
			    _("no event column: the header needs event_code "
			    "(イベントコード), or event_name and event_date "
			    "(イベント名 and 開催日)"));
			return (-1);
		}
		return (0);
	}
}

int
plan_header(struct imp *imp, struct imp_file *f, const struct csvr_row *row)
{
	struct plan		*pl = &f->plan;
	const struct plan_fixed	*tab;
	struct plan_standin	 si = { -1, -1, -1, -1, -1, { -1, -1, -1 } };
	size_t			 nfixed, i;

	plan_header_cells(pl, row);
	f->kind = imp->o->kind;
	if (f->kind == IMPORT_KIND_AUTO)
		f->kind = hdr_detect(row->cell, row->n);
	if (f->kind == IMPORT_KIND_AUTO) {
		diag_error(&imp->d, f->idx, row->line, 0, NULL,
		    _("cannot tell from the header whether this is a members, "
		    "events or attendance file (members need member_id/会員ID "
		    "and name/氏名; events event_code/イベントコード, name, date; "
		    "attendance a member and an event column); give --kind"));
		return (-1);
	}
	pl->kind = f->kind;
	tab = plan_table(f->kind, &nfixed);
	pl->slot = xcalloc(nfixed, sizeof *pl->slot);
	for (i = 0; i < nfixed; i++) {
		pl->slot[i].col = pl->slot[i].col2 = -1;
		pl->slot[i].conv = tab[i].conv;
		pl->slot[i].mask = tab[i].mask;
		pl->slot[i].what = hdr_name(tab[i].field, false);
	}
	plan_header_match(imp, f, tab, &si);
	if (f->kind == IMPORT_KIND_MEMBERS)
		plan_header_standins(imp, f, &si);
	plan_header_attrs(imp, f, nfixed);
	return (plan_header_required(imp, f));
}
