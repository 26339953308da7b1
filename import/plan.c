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

int
plan_header(struct imp *imp, struct imp_file *f, const struct csvr_row *row)
{
	struct plan		*pl = &f->plan;
	const struct plan_fixed	*tab;
	struct pcol		**attrs = NULL;
	size_t			 nfixed, c, i, na = 0;
	int			 recno = -1, sei = -1, mei = -1, ksei = -1;
	int			 kmei = -1, old[3] = { -1, -1, -1 };
	int			 rc = -1;
	char			*h;
	size_t			 hl;

	memset(pl, 0, sizeof *pl);
	pl->start_col = -1;
	pl->ncols = row->n;
	pl->col = xcalloc(row->n, sizeof *pl->col);
	for (c = 0; c < row->n; c++) {
		hl = row->len[c];
		h = val_trim(row->cell[c], &hl);
		while (strncmp(h, "\xEF\xBB\xBF", 3) == 0)
			h += 3;
		pl->col[c].header = xstrdup(h);
		pl->col[c].slot = -1;
	}
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
		pl->slot[i].what = hdr_name(tab[i].field, false);
	}
	for (c = 0; c < row->n; c++) {
		struct pcol	*pc = &pl->col[c];
		enum hfield	 fld = hdr_lookup(f->kind, pc->header);

		pc->field = fld;
		if (pc->header[0] == '\0')
			continue;
		for (i = 0; tab[i].field != HF_NONE; i++)
			if (tab[i].field == fld)
				break;
		if (tab[i].field != HF_NONE) {
			if (pl->slot[tab[i].slot].col >= 0)
				plan_extra(imp, f, c, true,
				    hdr_name(fld, false));
			else {
				pl->slot[tab[i].slot].col = (int)c;
				pc->slot = tab[i].slot;
				pl->fields |= tab[i].mask;
			}
			continue;
		}
		switch (fld) {
		case HF_RECNO:
			recno = (int)c;
			break;
		case HF_START:
			pl->start_col = (int)c;
			break;
		case HF_M_SEI:
			if (sei < 0)
				sei = (int)c;
			else
				plan_extra(imp, f, c, true, "姓");
			break;
		case HF_M_MEI:
			if (mei < 0)
				mei = (int)c;
			else
				plan_extra(imp, f, c, true, "名");
			break;
		case HF_M_KSEI:
			if (ksei < 0)
				ksei = (int)c;
			else
				plan_extra(imp, f, c, true, "セイ");
			break;
		case HF_M_KMEI:
			if (kmei < 0)
				kmei = (int)c;
			else
				plan_extra(imp, f, c, true, "メイ");
			break;
		case HF_M_OLD_TOTAL:
		case HF_M_OLD_DATE:
		case HF_M_OLD_EVENT:
			if (old[fld - HF_M_OLD_TOTAL] < 0)
				old[fld - HF_M_OLD_TOTAL] = (int)c;
			else
				plan_extra(imp, f, c, true, pc->header);
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

	/* Columns that stand in for others. */
	if (f->kind == IMPORT_KIND_MEMBERS) {
		struct pslot	*s;

		if (pl->slot[MS_ID].col < 0 && recno >= 0) {
			pl->slot[MS_ID].col = recno;
			pl->col[recno].slot = MS_ID;
		}
		s = &pl->slot[MS_NAME];
		if (s->col < 0 && (sei >= 0 || mei >= 0)) {
			s->col = sei >= 0 ? sei : mei;
			s->col2 = sei >= 0 ? mei : -1;
			pl->fields |= STORE_MF_NAME;
		} else if (sei >= 0 || mei >= 0)
			diag_warn(&imp->d, f->idx, 1, (size_t)(sei >= 0 ? sei :
			    mei) + 1, plan_colname(pl, sei >= 0 ? sei : mei),
			    _("姓/名 ignored: the name comes from column "
			    "%d(%s)"), s->col + 1, plan_colname(pl, s->col));
		s = &pl->slot[MS_KANA];
		if (s->col < 0 && (ksei >= 0 || kmei >= 0)) {
			s->col = ksei >= 0 ? ksei : kmei;
			s->col2 = ksei >= 0 ? kmei : -1;
			pl->fields |= STORE_MF_KANA;
		} else if (ksei >= 0 || kmei >= 0)
			diag_warn(&imp->d, f->idx, 1, (size_t)(ksei >= 0 ?
			    ksei : kmei) + 1, plan_colname(pl, ksei >= 0 ?
			    ksei : kmei), _("セイ/メイ ignored: the reading "
			    "comes from column %d(%s)"), s->col + 1,
			    plan_colname(pl, s->col));
		if (old[0] >= 0 || old[1] >= 0 || old[2] >= 0) {
			int	first = old[0] >= 0 ? old[0] : old[1] >= 0 ?
				    old[1] : old[2];

			if (!imp->o->past_from_total)
				diag_warn(&imp->d, f->idx, 1, (size_t)first + 1,
				    plan_colname(pl, first),
				    _("参加回数/最終参加日/最終参加イベント look "
				    "like the old kintone (Customine) totals: "
				    "importing them as past_count would count "
				    "the attendance records twice, so they are "
				    "ignored; use --past-from-total to set "
				    "past_count = that total - the attended "
				    "records"));
			else {
				static const int slots[3] = { MS_PAST_COUNT,
				    MS_PAST_DATE, MS_PAST_EVENT };
				static const uint32_t masks[3] = {
				    STORE_MF_PAST_COUNT,
				    STORE_MF_PAST_LAST_DATE,
				    STORE_MF_PAST_LAST_EVENT };

				for (i = 0; i < 3; i++) {
					if (old[i] < 0)
						continue;
					if (pl->slot[slots[i]].col >= 0) {
						diag_error(&imp->d, f->idx, 1,
						    (size_t)old[i] + 1,
						    plan_colname(pl, old[i]),
						    _("--past-from-total, but "
						    "column %d(%s) already "
						    "gives %s"),
						    pl->slot[slots[i]].col + 1,
						    plan_colname(pl,
						    pl->slot[slots[i]].col),
						    pl->slot[slots[i]].what);
						continue;
					}
					pl->slot[slots[i]].col = old[i];
					pl->col[old[i]].slot = slots[i];
					pl->fields |= masks[i];
				}
				if (old[0] >= 0)
					pl->fields |= STORE_MF_PAST_IS_TOTAL;
			}
		}
	}

	/* Custom attributes: sorted by name, after the fixed slots. */
	for (c = 0; c < row->n; c++)
		if (pl->col[c].slot == -2)
			na++;
	if (na > 0) {
		attrs = xcalloc(na, sizeof *attrs);
		na = 0;
		for (c = 0; c < row->n; c++)
			if (pl->col[c].slot == -2)
				attrs[na++] = &pl->col[c];
		qsort(attrs, na, sizeof *attrs, plan_attr_cmp);
		pl->slot = xrealloc(pl->slot, (nfixed + na) *
		    sizeof *pl->slot);
		pl->attr = xcalloc(na, sizeof *pl->attr);
		for (i = 0; i < na; i++) {
			const char	*name = plan_attr_name(attrs[i]);
			size_t		 col = (size_t)(attrs[i] - pl->col);

			if (i > 0 && strcmp(name, pl->attr[i - 1]) == 0)
				diag_error(&imp->d, f->idx, 1, col + 1,
				    attrs[i]->header, _("the custom column "
				    "\"%s\" appears twice"), name);
			if (strlen(name) > IMPORT_ATTR_NAME_MAX ||
			    val_has_ctl(name, strlen(name), false))
				diag_error(&imp->d, f->idx, 1, col + 1,
				    attrs[i]->header, _("a custom column name "
				    "must be one line of at most %d bytes"),
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
	pl->nslots = nfixed + na;

	/* Required columns. */
	switch (f->kind) {
	case IMPORT_KIND_MEMBERS:
		if (pl->slot[MS_ID].col < 0) {
			plan_missing(imp, f, _("member ID"), HF_M_ID);
			goto out;
		}
		pl->need_existing = pl->slot[MS_NAME].col < 0;
		break;
	case IMPORT_KIND_EVENTS:
		if (pl->slot[ES_CODE].col < 0) {
			plan_missing(imp, f, _("event code"), HF_E_CODE);
			goto out;
		}
		pl->need_existing = pl->slot[ES_NAME].col < 0 ||
		    pl->slot[ES_DATE].col < 0;
		break;
	default:
		if (pl->slot[AS_MEMBER].col < 0) {
			plan_missing(imp, f, _("member ID"), HF_A_MEMBER);
			goto out;
		}
		if (pl->slot[AS_EVENT].col < 0 && (pl->slot[AS_EVNAME].col < 0 ||
		    pl->slot[AS_EVDATE].col < 0)) {
			diag_error(&imp->d, f->idx, 1, 0, NULL,
			    _("no event column: the header needs event_code "
			    "(イベントコード), or event_name and event_date "
			    "(イベント名 and 開催日)"));
			goto out;
		}
		break;
	}
	rc = 0;
out:
	return (rc);
}
