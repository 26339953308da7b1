/* plan-row.c -- convert and check each data row by the header's plan. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import-int.h"
#include "store/i18n.h"

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

/* Where a cell is, for its diagnostics, and the scratch it converts to. */
struct plan_at {
	struct imp	*imp;
	struct imp_file	*f;
	uint64_t	 line;
	size_t		 col;		/* 1-based */
	const char	*hdr;
	size_t		*used;		/* scratch bytes in use */
	size_t		*off;		/* out: the value's scratch offset */
};

static bool
plan_ok(const struct plan_at *at, const char *s, size_t n)
{
	*at->off = plan_put(at->f, at->used, s, n);
	return (true);
}

static bool
plan_bad_ctl(const struct plan_at *at)
{
	diag_error(&at->imp->d, at->f->idx, at->line, at->col, at->hdr,
	    _("contains a control character"));
	return (false);
}

static bool
plan_bad_long(const struct plan_at *at, const struct pslot *s)
{
	diag_error(&at->imp->d, at->f->idx, at->line, at->col, at->hdr,
	    _("is longer than %zu bytes"), s->conv == CV_MULTI ?
	    (size_t)IMPORT_NOTE_MAX : (size_t)IMPORT_TEXT_MAX);
	return (false);
}

/* An ID: key-folded (NFKC, case). */
static bool
plan_conv_key(const struct plan_at *at, const struct pslot *s, char *v,
    size_t n)
{
	char			key[STORE_ID_MAX + 1];
	struct store_error	err;

	val_unguard(v, &n);
	if (n == 0)
		return (plan_ok(at, "", 0));
	memset(&err, 0, sizeof err);
	if (store_key_fold(v, key, s->what, &err) == STORE_OK)
		return (plan_ok(at, key, strlen(key)));
	if (strlen(v) > STORE_ID_MAX)
		diag_error(&at->imp->d, at->f->idx, at->line, at->col, at->hdr,
		    _("\"%.40s...\" is longer than %d bytes"), v, STORE_ID_MAX);
	else
		diag_error(&at->imp->d, at->f->idx, at->line, at->col, at->hdr,
		    _("\"%s\" is not a valid ID: %s"), v, err.msg[0] != '\0' ?
		    err.msg : _("control characters or invalid text"));
	return (false);
}

/* Text: one line (CV_TEXT), NFKC (CV_NFKC, into BUF), or lines
 * (CV_MULTI: notes and custom columns). */
static bool
plan_conv_text(const struct plan_at *at, const struct pslot *s, char *v,
    size_t n, char *buf)
{
	bool	multi = s->conv == CV_MULTI;
	size_t	max = multi ? IMPORT_NOTE_MAX : IMPORT_TEXT_MAX;
	long	k;

	val_crlf(v, &n);
	val_unguard(v, &n);
	if (s->conv == CV_NFKC && n > 0) {
		k = store_nfkc(v, n, buf, max + 1);
		if (k == -2)
			return (plan_bad_long(at, s));
		if (k < 0)
			return (plan_bad_ctl(at));
		n = (size_t)k;
		v = val_trim(buf, &n);
	}
	if (val_has_ctl(v, n, multi)) {
		if (memchr(v, '\n', n) == NULL)
			return (plan_bad_ctl(at));
		diag_error(&at->imp->d, at->f->idx, at->line, at->col, at->hdr,
		    _("contains a line break (only notes and custom columns "
		    "may)"));
		return (false);
	}
	if (n > max)
		return (plan_bad_long(at, s));
	return (plan_ok(at, v, n));
}

/* A date (CV_DATE) or a number (CV_INT), empty allowed. */
static bool
plan_conv_date_int(const struct plan_at *at, const struct pslot *s,
    const char *v, size_t n)
{
	char	out[32], why[512];
	long	x;
	int	rc;

	if (n == 0)
		return (plan_ok(at, "", 0));
	if (s->conv == CV_DATE)
		rc = store_date_parse(v, out, why, sizeof why);
	else if ((rc = store_int_parse(v, 0, INT32_MAX, &x, why, sizeof why)) == 0)
		snprintf(out, sizeof out, "%ld", x);
	if (rc != 0) {
		diag_error(&at->imp->d, at->f->idx, at->line, at->col, at->hdr,
		    "%s", why);
		return (false);
	}
	return (plan_ok(at, out, strlen(out)));
}

/* A date and time (CV_TIME) as Unix seconds, empty allowed. */
static bool
plan_conv_time(const struct plan_at *at, const char *v, size_t n)
{
	char	out[32];
	int64_t	t;

	if (n == 0)
		return (plan_ok(at, "", 0));
	if (store_time_parse(v, NULL, &t) != STORE_OK) {
		diag_error(&at->imp->d, at->f->idx, at->line, at->col, at->hdr,
		    _("\"%s\" is not a date and time (2026-02-21T18:04:05)"),
		    v);
		return (false);
	}
	snprintf(out, sizeof out, "%lld", (long long)t);
	return (plan_ok(at, out, strlen(out)));
}

/* A word to one digit: yes/no (CV_BOOL) or a status word; the last words
 * seen are remembered per slot. */
static bool
plan_conv_word(const struct plan_at *at, struct pslot *s, const char *v)
{
	char	digit;
	bool	b;
	int	e;

	if (*v == '\0')	/* empty: the stored word is kept (--blank) */
		return (plan_ok(at, "", 0));
	if ((digit = plan_memo_get(s, v)) != '\0')
		return (plan_ok(at, &digit, 1));
	if (s->conv == CV_BOOL)
		e = store_bool_parse(v, &b) != 0 ? -1 : b;
	else
		e = s->conv == CV_MSTATUS ? store_member_status_parse(v) :
		    s->conv == CV_RESPONSE ? store_response_parse(v) :
		    store_final_parse(v);
	if (e < 0) {
		diag_error(&at->imp->d, at->f->idx, at->line, at->col, at->hdr,
		    s->conv == CV_BOOL ? _("\"%s\" is not yes or no (1/0, "
		    "true/false, はい/いいえ)") :
		    s->conv == CV_MSTATUS ? _("unknown member status "
		    "\"%s\" (active, suspended, left; 有効, 休会, 退会)") :
		    s->conv == CV_RESPONSE ? _("unknown response \"%s\" "
		    "(none, accepted, declined, tentative; 未回答, "
		    "参加予定, 不参加, 未定)") : _("unknown status \"%s\" "
		    "(attended, absent, no_show, cancelled or empty; "
		    "参加, 欠席, 無断欠席, キャンセル)"), v);
		return (false);
	}
	digit = (char)('0' + e);
	plan_memo(s, v, digit);
	return (plan_ok(at, &digit, 1));
}

/* Convert the cell(s) of slot S; returns false (reported) when bad. */
static bool
plan_convert(struct imp *imp, struct imp_file *f, struct plan_cells *pc,
    uint64_t line, struct pslot *s, size_t *used, size_t *off)
{
	struct plan_at	 at = { imp, f, line, (size_t)s->col + 1,
			    plan_colname(&f->plan, s->col), used, off };
	size_t		 n, n2;
	char		*v, *v2, buf[IMPORT_NOTE_MAX + 1];

	if (s->col < 0)
		return (plan_ok(&at, "", 0));
	n = pc->len[s->col];
	v = val_trim(pc->cell[s->col], &n);
	if (s->col2 >= 0) {
		/* 姓 and 名 (or セイ and メイ) joined by a space */
		n2 = pc->len[s->col2];
		v2 = val_trim(pc->cell[s->col2], &n2);
		if (n2 > 0) {
			if (n + 1 + n2 >= sizeof buf)
				return (plan_bad_long(&at, s));
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
	case CV_KEY:
		return (plan_conv_key(&at, s, v, n));
	case CV_TEXT:
	case CV_MULTI:
	case CV_NFKC:
		return (plan_conv_text(&at, s, v, n, buf));
	case CV_DATE:
	case CV_INT:
		return (plan_conv_date_int(&at, s, v, n));
	case CV_TIME:
		return (plan_conv_time(&at, v, n));
	case CV_BOOL:
	case CV_MSTATUS:
	case CV_RESPONSE:
	case CV_FINAL:
		return (plan_conv_word(&at, s, v));
	}
	return (plan_bad_ctl(&at));
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

	nfixed = pl->nslots - pl->nattrs;
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

/* Whether ROW is one to convert: not blank, its cells matching the
 * header; a value under a column without a header is warned of once. */
static bool
plan_row_shape(struct imp *imp, struct imp_file *f, const struct csvr_row *row)
{
	struct plan	*pl = &f->plan;
	size_t		 i;
	bool		 blank = true;

	for (i = 0; i < row->n && blank; i++)
		blank = plan_blank(row->cell[i], row->len[i]);
	if (blank) {
		f->empty++;
		return (false);
	}
	if (row->n < pl->ncols) {
		diag_error(&imp->d, f->idx, row->line, 0, NULL,
		    _("has %zu cells, the header has %zu"), row->n, pl->ncols);
		return (false);
	}
	for (i = pl->ncols; i < row->n; i++)
		if (!plan_blank(row->cell[i], row->len[i])) {
			diag_error(&imp->d, f->idx, row->line, i + 1, NULL,
			    _("has %zu cells, the header has %zu"), row->n,
			    pl->ncols);
			return (false);
		}
	for (i = 0; i < pl->ncols; i++)
		if (pl->col[i].header[0] == '\0' && !pl->col[i].blank_reported &&
		    !plan_blank(row->cell[i], row->len[i])) {
			pl->col[i].blank_reported = true;
			diag_warn(&imp->d, f->idx, row->line, i + 1, NULL,
			    _("a value in a column without a header: the "
			    "column is ignored"));
		}
	return (true);
}

/* A kintone export's start-of-record column: *START tells whether ROW
 * starts a record.  Attendance continuation rows take the cells they
 * leave empty from the start row: PC then holds copies, *OWNED lists them
 * (the caller frees both).  false (reported) when the row is refused. */
static bool
plan_row_start(struct imp *imp, struct imp_file *f, const struct csvr_row *row,
    struct plan_cells *pc, char ***owned, bool *start)
{
	struct plan	*pl = &f->plan;
	size_t		 i, ml = row->len[pl->start_col];
	char		*m = val_trim(row->cell[pl->start_col], &ml);

	if (strcmp(m, "*") == 0)
		*start = true;
	else if (*m == '\0')
		*start = false;
	else {
		diag_error(&imp->d, f->idx, row->line, (size_t)pl->start_col +
		    1, plan_colname(pl, pl->start_col), _("\"%s\": a kintone "
		    "start-of-record column holds '*' or nothing"), m);
		return (false);
	}
	if (!*start && !f->stage.active && !f->have_start) {
		diag_error(&imp->d, f->idx, row->line, (size_t)pl->start_col +
		    1, plan_colname(pl, pl->start_col), _("continues a kintone "
		    "record, but no record starts before it (no '*' above)"));
		return (false);
	}
	if (f->kind != IMPORT_KIND_ATTENDANCE)
		return (true);
	if (*start) {
		plan_inherit(f, pc, true);
		return (true);
	}
	*owned = xcalloc(pl->ncols, sizeof **owned);
	pc->cell = xcalloc(pl->ncols, sizeof *pc->cell);
	pc->len = xcalloc(pl->ncols, sizeof *pc->len);
	for (i = 0; i < pl->ncols; i++) {
		pc->cell[i] = row->cell[i];
		pc->len[i] = row->len[i];
	}
	plan_inherit(f, pc, false);
	for (i = 0; i < pl->ncols; i++)
		if (pc->cell[i] != row->cell[i])
			(*owned)[i] = pc->cell[i];
	return (true);
}

/* Convert every slot of the row in PC into the scratch (F->off, which
 * slots the row gives in F->given).  false (reported) when a value is
 * bad; a bad row's key is remembered so its later rows are not blamed. */
static bool
plan_row_convert(struct imp *imp, struct imp_file *f, struct plan_cells *pc,
    uint64_t line, size_t *used)
{
	struct plan		*pl = &f->plan;
	const struct pslot	*sl;
	size_t			 i;
	bool			 ok = true, keyok = true;

	if (f->off == NULL) {
		f->off = xcalloc(pl->nslots, sizeof *f->off);
		f->given = xcalloc(pl->nslots, sizeof *f->given);
	}
	for (i = 0; i < pl->nslots; i++) {
		sl = &pl->slot[i];
		f->given[i] = (sl->col >= 0 && !plan_blank(pc->cell[sl->col],
		    pc->len[sl->col])) || (sl->col2 >= 0 &&
		    !plan_blank(pc->cell[sl->col2], pc->len[sl->col2]));
	}
	for (i = 0; i < pl->nslots; i++)
		if (!plan_convert(imp, f, pc, line, &pl->slot[i], used,
		    &f->off[i])) {
			if (i == 0)
				keyok = false;
			ok = false;
		}
	if (!ok && keyok && f->kind != IMPORT_KIND_ATTENDANCE &&
	    f->scratch[f->off[0]] != '\0')
		imp_badkey(imp, f->kind, f->scratch + f->off[0]);
	return (ok);
}

/* Slot SLOT is a column of the file, and empty in this row. */
static bool
plan_row_empty(struct imp_file *f, int slot)
{
	return (f->plan.slot[slot].col >= 0 &&
	    f->scratch[f->off[slot]] == '\0');
}

/* Report that slot SLOT is empty on LINE: MSG, or "the WHAT is empty". */
static void
plan_row_missing(struct imp *imp, struct imp_file *f, uint64_t line,
    int slot, const char *msg, const char *what)
{
	const struct pslot	*s = &f->plan.slot[slot];

	if (msg != NULL)
		diag_error(&imp->d, f->idx, line, (size_t)s->col + 1,
		    plan_colname(&f->plan, s->col), "%s", msg);
	else
		diag_error(&imp->d, f->idx, line, (size_t)s->col + 1,
		    plan_colname(&f->plan, s->col), _("the %s is empty"),
		    what);
}

/* The values a row of its kind cannot do without (on the row that
 * starts a kintone record: START).  An attendance row naming its event by
 * name and date gets the event's reference in *AUX. */
static bool
plan_row_required(struct imp *imp, struct imp_file *f, uint64_t line,
    bool start, uint32_t *aux)
{
	static const int	 ev_req[3] = { ES_CODE, ES_NAME, ES_DATE };
	static const char *const ev_what[3] = { N_("event code"),
				    N_("event name"), N_("event date") };
	const char		*code, *name, *date;
	size_t			 i;
	bool			 ok = true;

	switch (f->kind) {
	case IMPORT_KIND_MEMBERS:
		if (start && plan_row_empty(f, MS_ID)) {
			plan_row_missing(imp, f, line, MS_ID,
			    _("the member ID is empty"), NULL);
			ok = false;
		}
		if (start && plan_row_empty(f, MS_NAME)) {
			plan_row_missing(imp, f, line, MS_NAME,
			    _("the name is empty"), NULL);
			ok = false;
		}
		return (ok);
	case IMPORT_KIND_EVENTS:
		for (i = 0; i < 3 && start; i++) {
			if (plan_row_empty(f, ev_req[i])) {
				plan_row_missing(imp, f, line, ev_req[i], NULL,
				    _(ev_what[i]));
				ok = false;
			}
		}
		return (ok);
	default:
		break;
	}
	if (plan_row_empty(f, AS_MEMBER)) {
		plan_row_missing(imp, f, line, AS_MEMBER,
		    _("the member ID is empty"), NULL);
		ok = false;
	}
	code = f->scratch + f->off[AS_EVENT];
	name = f->scratch + f->off[AS_EVNAME];
	date = f->scratch + f->off[AS_EVDATE];
	if (*code != '\0')
		return (ok);
	if (*name != '\0' && *date != '\0') {
		*aux = imp_evref(imp, name, date, f->idx, (uint32_t)line);
		return (ok);
	}
	diag_error(&imp->d, f->idx, line, 0, NULL, _("no event: the event "
	    "code is empty, and the event name and date are not both given"));
	return (false);
}

int
plan_row(struct imp *imp, struct imp_file *f, const struct csvr_row *row)
{
	struct plan		*pl = &f->plan;
	struct plan_cells	 pc;
	size_t			 i, used = 0;
	char			**owned = NULL;
	uint16_t		 flags = 0;
	uint32_t		 aux = ROW_AUX_NONE;
	bool			 start = true;

	if (!f->have_header) {
		f->have_header = true;
		if (plan_header(imp, f, row) != 0) {
			/* Without a usable header the rows mean nothing. */
			f->failed = true;
			return (1);
		}
		return (0);
	}
	if (!plan_row_shape(imp, f, row))
		return (0);
	pc.cell = row->cell;
	pc.len = row->len;
	pc.n = pl->ncols;
	if (pl->start_col >= 0 &&
	    !plan_row_start(imp, f, row, &pc, &owned, &start))
		return (0);
	if (!plan_row_convert(imp, f, &pc, row->line, &used) ||
	    !plan_row_required(imp, f, row->line, start, &aux))
		goto out;
	if (pl->need_existing)
		flags |= ROW_NEEDS_EXISTING;
	if (pl->start_col >= 0 && f->kind != IMPORT_KIND_ATTENDANCE) {
		if (start) {
			plan_stage_flush(imp, f);
			plan_stage_set(f, row->line, flags, f->off,
			    pl->nslots);
		} else
			plan_stage_merge(imp, f, row->line, f->off, f->given);
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
