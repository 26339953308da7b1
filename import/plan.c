/* plan.c -- map a header row to fields, convert and check each data row. */

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

static const char *
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

/* --- rows ------------------------------------------------------------- */

static bool
plan_blank(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
			continue;
		if (i + 2 < n && memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
			i += 2;
			continue;
		}
		return (false);
	}
	return (true);
}

struct plan_cells {
	char		**cell;
	size_t		 *len;
	size_t		  n;
};

/* Append S (N bytes) and a NUL to the file's scratch; returns the offset. */
static size_t
plan_put(struct imp_file *f, size_t *used, const char *s, size_t n)
{
	size_t	at = *used;

	util_grow(&f->scratch, &f->scratchcap, at + n + 1);
	memcpy(f->scratch + at, s, n);
	f->scratch[at + n] = '\0';
	*used = at + n + 1;
	return (at);
}

/* Remember that word V of slot S converts to OUT. */
static void
plan_memo(struct pslot *s, const char *v, char out)
{
	size_t	n = strlen(v), i;

	if (n >= sizeof s->memo[0].in)
		return;
	i = s->memo_next++ % (sizeof s->memo / sizeof s->memo[0]);
	memcpy(s->memo[i].in, v, n + 1);
	s->memo[i].out = out;
}

/* What word V of slot S converted to before; '\0': not known. */
static char
plan_memo_get(const struct pslot *s, const char *v)
{
	size_t	i;

	for (i = 0; i < sizeof s->memo / sizeof s->memo[0]; i++)
		if (s->memo[i].out != '\0' && strcmp(s->memo[i].in, v) == 0)
			return (s->memo[i].out);
	return ('\0');
}

/* Convert the cell(s) of slot S; returns false (reported) when bad. */
static bool
plan_convert(struct imp *imp, struct imp_file *f, struct plan_cells *pc,
    uint64_t line, struct pslot *s, size_t *used, size_t *off)
{
	struct plan	*pl = &f->plan;
	const char	*hdr = plan_colname(pl, s->col);
	size_t		 col = (size_t)s->col + 1, n;
	char		*v, why[512], buf[IMPORT_NOTE_MAX + 1], digit0;
	long		 k;
	int		 e;

	if (s->col < 0) {
		*off = plan_put(f, used, "", 0);
		return (true);
	}
	n = pc->len[s->col];
	v = val_trim(pc->cell[s->col], &n);
	if (s->col2 >= 0) {
		size_t	 n2 = pc->len[s->col2];
		char	*v2 = val_trim(pc->cell[s->col2], &n2);

		if (n2 > 0) {
			if (n + 1 + n2 >= sizeof buf)
				goto toolong;
			memmove(buf, v, n);
			if (n > 0)
				buf[n++] = ' ';
			memcpy(buf + n, v2, n2);
			n += n2;
			buf[n] = '\0';
			v = buf;
		}
	}
	switch (s->conv) {
	case CV_KEY: {
		char			key[STORE_ID_MAX + 1];
		struct store_error	err;

		val_unguard(v, &n);
		if (n == 0) {
			*off = plan_put(f, used, "", 0);
			return (true);
		}
		memset(&err, 0, sizeof err);
		if (store_key_fold(v, key, s->what, &err) != STORE_OK) {
			if (strlen(v) > STORE_ID_MAX)
				diag_error(&imp->d, f->idx, line, col, hdr,
				    _("\"%.40s...\" is longer than %d bytes"),
				    v, STORE_ID_MAX);
			else
				diag_error(&imp->d, f->idx, line, col, hdr,
				    _("\"%s\" is not a valid ID: %s"), v,
				    err.msg[0] != '\0' ? err.msg :
				    _("control characters or invalid text"));
			return (false);
		}
		*off = plan_put(f, used, key, strlen(key));
		return (true);
	}
	case CV_TEXT:
	case CV_MULTI:
	case CV_NFKC: {
		bool	multi = s->conv == CV_MULTI;
		size_t	max = multi ? IMPORT_NOTE_MAX : IMPORT_TEXT_MAX;

		val_crlf(v, &n);
		val_unguard(v, &n);
		if (s->conv == CV_NFKC && n > 0) {
			k = store_nfkc(v, n, buf, max + 1);
			if (k == -2)
				goto toolong;
			if (k < 0)
				goto ctl;
			n = (size_t)k;
			v = val_trim(buf, &n);
		}
		if (val_has_ctl(v, n, multi)) {
			if (memchr(v, '\n', n) != NULL) {
				diag_error(&imp->d, f->idx, line, col, hdr,
				    _("contains a line break (only notes and "
				    "custom columns may)"));
				return (false);
			}
			goto ctl;
		}
		if (n > max)
			goto toolong;
		*off = plan_put(f, used, v, n);
		return (true);
	}
	case CV_DATE: {
		char	date[STORE_DATE_SIZE];

		if (n == 0) {
			*off = plan_put(f, used, "", 0);
			return (true);
		}
		if (store_date_parse(v, date, why, sizeof why) != 0) {
			diag_error(&imp->d, f->idx, line, col, hdr, "%s", why);
			return (false);
		}
		*off = plan_put(f, used, date, strlen(date));
		return (true);
	}
	case CV_INT: {
		char	num[32];
		long	x;

		if (n == 0) {
			*off = plan_put(f, used, "", 0);
			return (true);
		}
		if (store_int_parse(v, 0, INT32_MAX, &x, why, sizeof why) != 0) {
			diag_error(&imp->d, f->idx, line, col, hdr, "%s", why);
			return (false);
		}
		snprintf(num, sizeof num, "%ld", x);
		*off = plan_put(f, used, num, strlen(num));
		return (true);
	}
	case CV_BOOL: {
		bool	b;

		if ((digit0 = plan_memo_get(s, v)) != '\0') {
			*off = plan_put(f, used, &digit0, 1);
			return (true);
		}
		if (store_bool_parse(v, &b) != 0) {
			diag_error(&imp->d, f->idx, line, col, hdr,
			    _("\"%s\" is not yes or no (1/0, true/false, "
			    "はい/いいえ)"), v);
			return (false);
		}
		*off = plan_put(f, used, b ? "1" : "0", 1);
		plan_memo(s, v, b ? '1' : '0');
		return (true);
	}
	case CV_MSTATUS:
	case CV_RESPONSE:
	case CV_FINAL: {
		char	digit[2];

		if ((digit0 = plan_memo_get(s, v)) != '\0') {
			*off = plan_put(f, used, &digit0, 1);
			return (true);
		}
		e = s->conv == CV_MSTATUS ? store_member_status_parse(v) :
		    s->conv == CV_RESPONSE ? store_response_parse(v) :
		    store_final_parse(v);
		if (e < 0) {
			diag_error(&imp->d, f->idx, line, col, hdr,
			    s->conv == CV_MSTATUS ? _("unknown member status "
			    "\"%s\" (active, suspended, left; 有効, 休会, 退会)") :
			    s->conv == CV_RESPONSE ? _("unknown response \"%s\" "
			    "(none, accepted, declined, tentative; 未回答, "
			    "参加予定, 不参加, 未定)") : _("unknown status \"%s\" "
			    "(attended, absent, no_show, cancelled or empty; "
			    "参加, 欠席, 無断欠席, キャンセル)"), v);
			return (false);
		}
		digit[0] = (char)('0' + e);
		digit[1] = '\0';
		*off = plan_put(f, used, digit, 1);
		plan_memo(s, v, digit[0]);
		return (true);
	}
	}
ctl:
	diag_error(&imp->d, f->idx, line, col, hdr,
	    _("contains a control character"));
	return (false);
toolong:
	diag_error(&imp->d, f->idx, line, col, hdr, _("is longer than %zu "
	    "bytes"), s->conv == CV_MULTI ? (size_t)IMPORT_NOTE_MAX :
	    (size_t)IMPORT_TEXT_MAX);
	return (false);
}

/* Store a converted row in the arena: its slots are the USED bytes at
 * the start of the scratch, in slot order. */
static void
plan_store(struct imp *imp, struct imp_file *f, uint64_t line,
    uint16_t flags, uint32_t aux, size_t used)
{
	struct rowhdr	 h;
	char		*r;

	r = rowset_add(&imp->rs[f->kind], sizeof h + used);
	h.line = (uint32_t)line;
	h.file = (uint16_t)f->idx;
	h.flags = flags;
	h.aux = aux;
	memcpy(r, &h, sizeof h);
	memcpy(r + sizeof h, f->scratch, used);
	f->rows++;
}

/* Stage a members/events row of a kintone record (レコードの開始行). */
static void
plan_stage_set(struct imp_file *f, uint64_t line, uint16_t flags,
    const size_t *off, size_t nslots)
{
	struct stage	*sg = &f->stage;
	size_t		 i, l;

	sg->active = true;
	sg->line = (uint32_t)line;
	sg->flags = flags;
	sg->len = 0;
	for (i = 0; i < nslots; i++) {
		l = strlen(f->scratch + off[i]) + 1;
		util_grow(&sg->buf, &sg->cap, sg->len + l);
		memcpy(sg->buf + sg->len, f->scratch + off[i], l);
		sg->len += l;
	}
}

static void
plan_stage_flush(struct imp *imp, struct imp_file *f)
{
	struct stage	*sg = &f->stage;
	struct rowhdr	 h;
	char		*r;

	if (!sg->active)
		return;
	sg->active = false;
	/* The staged strings are already in the row format. */
	r = rowset_add(&imp->rs[f->kind], sizeof h + sg->len);
	h.line = sg->line;
	h.file = (uint16_t)f->idx;
	h.flags = sg->flags;
	h.aux = ROW_AUX_NONE;
	memcpy(r, &h, sizeof h);
	memcpy(r + sizeof h, sg->buf, sg->len);
	f->rows++;
}

/* Merge a continuation row into the staged record: cells left empty
 * (GIVEN false) or equal merge, custom columns of a table gather their values one per line,
 * a different member or event field is an error. */
static void
plan_stage_merge(struct imp *imp, struct imp_file *f, uint64_t line,
    const size_t *off, const bool *given)
{
	struct stage	*sg = &f->stage;
	struct plan	*pl = &f->plan;
	size_t		 nslots = pl->nslots, nfixed, i, used, *noff;
	const char	*p = sg->buf, *a, *b;
	char		*joined;
	bool		 ok = true;

	(void)plan_table(f->kind, &nfixed);
	used = 0;
	for (i = 0; i < nslots; i++)
		used += strlen(f->scratch + off[i]) + 1;
	noff = xcalloc(nslots, sizeof *noff);
	for (i = 0; i < nslots; i++, p += strlen(p) + 1) {
		a = p;
		b = f->scratch + off[i];
		if (!given[i] || strcmp(a, b) == 0) {
			noff[i] = plan_put(f, &used, a, strlen(a));
			continue;
		}
		if (*a == '\0') {
			noff[i] = plan_put(f, &used, b, strlen(b));
			continue;
		}
		if (i >= nfixed) {
			joined = xmalloc(strlen(a) + strlen(b) + 2);
			sprintf(joined, "%s\n%s", a, b);
			noff[i] = plan_put(f, &used, joined, strlen(joined));
			free(joined);
			continue;
		}
		diag_error(&imp->d, f->idx, line, (size_t)pl->slot[i].col + 1,
		    plan_colname(pl, pl->slot[i].col), _("\"%s\" differs from "
		    "\"%s\" on line %u, where this kintone record starts "
		    "(レコードの開始行): a table (サブテーブル) column cannot be "
		    "%s; export the app without its table"), b, a, sg->line,
		    pl->slot[i].what);
		ok = false;
		noff[i] = plan_put(f, &used, a, strlen(a));
	}
	if (ok) {
		/* Re-stage from the merged strings. */
		char	*save = NULL;
		size_t	 savecap = 0, len = 0;

		for (i = 0; i < nslots; i++) {
			size_t	l = strlen(f->scratch + noff[i]) + 1;

			util_grow(&save, &savecap, len + l);
			memcpy(save + len, f->scratch + noff[i], l);
			len += l;
		}
		free(sg->buf);
		sg->buf = save;
		sg->cap = savecap;
		sg->len = len;
	}
	free(noff);
}

/* Attendance rows of a kintone table export: the cells a continuation
 * row leaves empty come from the row where its record starts. */
static void
plan_inherit(struct imp_file *f, struct plan_cells *pc, bool start)
{
	size_t	i, l, used = 0;
	char	*p;

	if (start) {
		for (i = 0; i < pc->n; i++)
			used += pc->len[i] + 1;
		util_grow(&f->startrow, &f->startlen, used);
		p = f->startrow;
		for (i = 0; i < pc->n; i++) {
			memcpy(p, pc->cell[i], pc->len[i] + 1);
			p += pc->len[i] + 1;
		}
		f->have_start = true;
		return;
	}
	p = f->startrow;
	for (i = 0; i < pc->n && i < f->plan.ncols; i++) {
		l = strlen(p);
		if (plan_blank(pc->cell[i], pc->len[i]) && l > 0 &&
		    (int)i != f->plan.start_col) {
			/* A copy (freed by the caller): conversion trims in
			 * place. */
			pc->cell[i] = xstrdup(p);
			pc->len[i] = l;
		}
		p += l + 1;
	}
}

int
plan_row(struct imp *imp, struct imp_file *f, const struct csvr_row *row)
{
	struct plan		*pl = &f->plan;
	struct plan_cells	 pc;
	size_t			 i, nslots, used = 0, *off = NULL;
	char			**owned = NULL;
	uint16_t		 flags = 0;
	uint32_t		 aux = ROW_AUX_NONE;
	bool			 ok = true, start = true, blank = true;
	bool			 keyok = true, *given = NULL;

	if (!f->have_header) {
		f->have_header = true;
		if (plan_header(imp, f, row) != 0) {
			/* Without a usable header the rows mean nothing. */
			f->failed = true;
			return (1);
		}
		return (0);
	}
	for (i = 0; i < row->n && blank; i++)
		blank = plan_blank(row->cell[i], row->len[i]);
	if (blank) {
		f->empty++;
		return (0);
	}
	if (row->n < pl->ncols) {
		diag_error(&imp->d, f->idx, row->line, 0, NULL,
		    _("has %zu cells, the header has %zu"), row->n, pl->ncols);
		return (0);
	}
	for (i = pl->ncols; i < row->n; i++)
		if (!plan_blank(row->cell[i], row->len[i])) {
			diag_error(&imp->d, f->idx, row->line, i + 1, NULL,
			    _("has %zu cells, the header has %zu"), row->n,
			    pl->ncols);
			return (0);
		}
	for (i = 0; i < pl->ncols; i++)
		if (pl->col[i].header[0] == '\0' && !pl->col[i].blank_reported &&
		    !plan_blank(row->cell[i], row->len[i])) {
			pl->col[i].blank_reported = true;
			diag_warn(&imp->d, f->idx, row->line, i + 1, NULL,
			    _("a value in a column without a header: the "
			    "column is ignored"));
		}
	pc.cell = row->cell;
	pc.len = row->len;
	pc.n = pl->ncols;

	if (pl->start_col >= 0) {
		size_t	 ml = row->len[pl->start_col];
		char	*m = val_trim(row->cell[pl->start_col], &ml);

		if (strcmp(m, "*") == 0)
			start = true;
		else if (*m == '\0')
			start = false;
		else {
			diag_error(&imp->d, f->idx, row->line,
			    (size_t)pl->start_col + 1,
			    plan_colname(pl, pl->start_col),
			    _("\"%s\": a kintone start-of-record column holds "
			    "'*' or nothing"), m);
			return (0);
		}
		if (!start && !f->stage.active && !f->have_start) {
			diag_error(&imp->d, f->idx, row->line,
			    (size_t)pl->start_col + 1,
			    plan_colname(pl, pl->start_col),
			    _("continues a kintone record, but no record "
			    "starts before it (no '*' above)"));
			return (0);
		}
		if (f->kind == IMPORT_KIND_ATTENDANCE) {
			if (!start) {
				owned = xcalloc(pl->ncols, sizeof *owned);
				pc.cell = xcalloc(pl->ncols,
				    sizeof *pc.cell);
				pc.len = xcalloc(pl->ncols,
				    sizeof *pc.len);
				for (i = 0; i < pl->ncols; i++) {
					pc.cell[i] = row->cell[i];
					pc.len[i] = row->len[i];
				}
				plan_inherit(f, &pc, false);
				for (i = 0; i < pl->ncols; i++)
					if (pc.cell[i] != row->cell[i])
						owned[i] = pc.cell[i];
			} else
				plan_inherit(f, &pc, true);
		}
	}

	nslots = pl->nslots;
	if (f->off == NULL) {
		f->off = xcalloc(nslots, sizeof *f->off);
		f->given = xcalloc(nslots, sizeof *f->given);
	}
	off = f->off;
	given = f->given;
	for (i = 0; i < nslots; i++) {
		const struct pslot	*sl = &pl->slot[i];

		given[i] = (sl->col >= 0 && !plan_blank(pc.cell[sl->col],
		    pc.len[sl->col])) || (sl->col2 >= 0 &&
		    !plan_blank(pc.cell[sl->col2], pc.len[sl->col2]));
	}
	for (i = 0; i < nslots; i++)
		if (!plan_convert(imp, f, &pc, row->line, &pl->slot[i], &used,
		    &off[i])) {
			if (i == 0)
				keyok = false;
			ok = false;
		}
	if (!ok) {
		if (keyok && f->kind != IMPORT_KIND_ATTENDANCE &&
		    f->scratch[off[0]] != '\0')
			imp_badkey(imp, f->kind, f->scratch + off[0]);
		goto out;
	}

	/* Required values. */
	switch (f->kind) {
	case IMPORT_KIND_MEMBERS:
		if (f->scratch[off[MS_ID]] == '\0' && start) {
			diag_error(&imp->d, f->idx, row->line,
			    (size_t)pl->slot[MS_ID].col + 1,
			    plan_colname(pl, pl->slot[MS_ID].col),
			    _("the member ID is empty"));
			ok = false;
		}
		if (pl->slot[MS_NAME].col >= 0 && start &&
		    f->scratch[off[MS_NAME]] == '\0') {
			diag_error(&imp->d, f->idx, row->line,
			    (size_t)pl->slot[MS_NAME].col + 1,
			    plan_colname(pl, pl->slot[MS_NAME].col),
			    _("the name is empty"));
			ok = false;
		}
		if (pl->need_existing)
			flags |= ROW_NEEDS_EXISTING;
		break;
	case IMPORT_KIND_EVENTS:
		if (!start)
			break;
		for (i = 0; i < 3; i++) {
			static const int	 req[3] = { ES_CODE, ES_NAME,
						    ES_DATE };
			static const char *const what[3] = { N_("event code"),
						    N_("event name"),
						    N_("event date") };
			const struct pslot	*s = &pl->slot[req[i]];

			if (s->col >= 0 && f->scratch[off[req[i]]] == '\0') {
				diag_error(&imp->d, f->idx, row->line,
				    (size_t)s->col + 1,
				    plan_colname(pl, s->col),
				    _("the %s is empty"), _(what[i]));
				ok = false;
			}
		}
		if (pl->need_existing)
			flags |= ROW_NEEDS_EXISTING;
		break;
	default: {
		const char	*code = f->scratch + off[AS_EVENT];
		const char	*name = f->scratch + off[AS_EVNAME];
		const char	*date = f->scratch + off[AS_EVDATE];

		if (f->scratch[off[AS_MEMBER]] == '\0') {
			diag_error(&imp->d, f->idx, row->line,
			    (size_t)pl->slot[AS_MEMBER].col + 1,
			    plan_colname(pl, pl->slot[AS_MEMBER].col),
			    _("the member ID is empty"));
			ok = false;
		}
		if (*code == '\0') {
			if (*name != '\0' && *date != '\0')
				aux = imp_evref(imp, name, date, f->idx,
				    (uint32_t)row->line);
			else {
				diag_error(&imp->d, f->idx, row->line, 0, NULL,
				    _("no event: the event code is empty, and "
				    "the event name and date are not both "
				    "given"));
				ok = false;
			}
		}
		break;
	}
	}
	if (!ok)
		goto out;

	if (pl->start_col >= 0 && f->kind != IMPORT_KIND_ATTENDANCE) {
		if (start) {
			plan_stage_flush(imp, f);
			plan_stage_set(f, row->line, flags, off, nslots);
		} else
			plan_stage_merge(imp, f, row->line, off, given);
	} else
		plan_store(imp, f, row->line, flags, aux, used);
out:
	if (owned != NULL) {
		for (i = 0; i < pl->ncols; i++)
			free(owned[i]);
		free(owned);
		free(pc.cell);
		free(pc.len);
	}
	return (0);
}

void
plan_finish(struct imp *imp, struct imp_file *f)
{
	plan_stage_flush(imp, f);
}
