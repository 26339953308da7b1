/* import.c -- drive an import: read every file, check, one store_import(). */

#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/import-int.h"
#include "store/i18n.h"

struct import_src {
	struct imp		*imp;
	size_t			 ie, ic, im, ia;
	struct store_attr	*attrs;
	size_t			 attrcap;
	uint64_t		 pulled, total;
	const char		*prev[4];	/* the row handed out last */
};

int
import_kind_parse(const char *s)
{
	if (strcmp(s, "auto") == 0)
		return (IMPORT_KIND_AUTO);
	if (strcmp(s, "members") == 0 || strcmp(s, "member") == 0)
		return (IMPORT_KIND_MEMBERS);
	if (strcmp(s, "events") == 0 || strcmp(s, "event") == 0)
		return (IMPORT_KIND_EVENTS);
	if (strcmp(s, "attendance") == 0 || strcmp(s, "records") == 0)
		return (IMPORT_KIND_ATTENDANCE);
	return (-1);
}

int
import_encoding_parse(const char *s)
{
	if (strcasecmp(s, "auto") == 0)
		return (IMPORT_ENC_AUTO);
	if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		return (IMPORT_ENC_UTF8);
	if (strcasecmp(s, "utf-8-bom") == 0 || strcasecmp(s, "utf8-bom") == 0)
		return (IMPORT_ENC_UTF8_BOM);
	if (strcasecmp(s, "cp932") == 0 || strcasecmp(s, "windows-31j") == 0 ||
	    strcasecmp(s, "sjis") == 0 || strcasecmp(s, "shift_jis") == 0)
		return (IMPORT_ENC_CP932);
	return (-1);
}

const char *
import_kind_word(enum import_kind kind)
{
	switch (kind) {
	case IMPORT_KIND_MEMBERS:
		return ("members");
	case IMPORT_KIND_EVENTS:
		return ("events");
	case IMPORT_KIND_ATTENDANCE:
		return ("attendance");
	case IMPORT_KIND_AUTO:
		break;
	}
	return ("auto");
}

/* Copy S into the import's string storage; returns the copy. */
static const char *
import_intern(struct imp *imp, const char *s)
{
	size_t	 n = strlen(s) + 1;
	char	*p = rowset_add(&imp->keystore, n);

	memcpy(p, s, n);
	return (p);
}

void
imp_badkey(struct imp *imp, enum import_kind kind, const char *key)
{
	if (strmap_get(&imp->badkeys[kind], key) == NULL)
		strmap_put(&imp->badkeys[kind], import_intern(imp, key), 1);
}

uint32_t
imp_evref(struct imp *imp, const char *name, const char *date, uint32_t file,
    uint32_t line)
{
	struct evref	*e;
	uint32_t	*v;
	char		*key, *folded;
	const char	*k;

	/* one event however its rows space or widen its name */
	if ((folded = store_fold(name)) == NULL)
		folded = xstrdup(name);
	key = xmalloc(strlen(folded) + strlen(date) + 2);
	sprintf(key, "%s\x1f%s", folded, date);
	free(folded);
	if ((v = strmap_get(&imp->evmap, key)) != NULL) {
		free(key);
		return (*v);
	}
	k = import_intern(imp, key);
	free(key);
	if (imp->nev == imp->evcap) {
		imp->evcap = imp->evcap == 0 ? 16 : 2 * imp->evcap;
		imp->ev = xrealloc(imp->ev, imp->evcap * sizeof *imp->ev);
	}
	e = &imp->ev[imp->nev];
	memset(e, 0, sizeof *e);
	e->name = import_intern(imp, name);
	e->date = import_intern(imp, date);
	e->file = file;
	e->line = line;
	strmap_put(&imp->evmap, k, (uint32_t)imp->nev);
	return ((uint32_t)imp->nev++);
}

const char *
imp_row_event(const struct imp *imp, const char *r)
{
	uint32_t	aux = row_hdr(r)->aux;

	return (aux != ROW_AUX_NONE ? imp->ev[aux].code : row_slot(r, AS_EVENT));
}

size_t
imp_slot_col(const struct imp *imp, uint32_t file, size_t slot,
    const char **name)
{
	const struct plan	*pl = &imp->f[file].plan;
	int			 col = slot < pl->nslots ? pl->slot[slot].col : -1;

	if (col < 0) {
		*name = NULL;
		return (0);
	}
	*name = pl->col[col].header;
	return ((size_t)col + 1);
}

/* --- reading ------------------------------------------------------------ */

struct import_read {
	struct imp	*imp;
	struct imp_file	*f;
};

static int
import_row(void *arg, const struct csvr_row *row)
{
	struct import_read	*ir = arg;

	return (plan_row(ir->imp, ir->f, row));
}

/* Tell the caller's progress bar of step STEP (LABEL; DONE of TOTAL, ROWS
 * rows); nothing once the end was told. */
static void
import_tell_progress(struct imp *imp, enum import_step step, const char *label,
    uint64_t done, uint64_t total, uint64_t rows)
{
	struct import_progress	ip;

	if (imp->o->progress == NULL || imp->progress_over)
		return;
	ip.step = step;
	ip.label = label;
	ip.done = done;
	ip.total = total;
	ip.rows = rows;
	imp->o->progress(&ip, imp->o->progress_arg);
	imp->progress_over = step == IMPORT_STEP_END;
}

static void
import_tick(void *arg, const struct csvr_info *info)
{
	struct import_read	*ir = arg;

	import_tell_progress(ir->imp, IMPORT_STEP_ADVANCE, NULL, info->done,
	    info->size, info->rows > 0 ? info->rows - 1 : 0);
}

static void
import_read_file(struct imp *imp, struct imp_file *f)
{
	struct import_read	 ir;
	struct stat		 sb;
	int			 fd, rc;

	if ((fd = open(f->path, O_RDONLY | O_CLOEXEC)) == -1) {
		diag_error(&imp->d, f->idx, 0, 0, NULL, _("cannot open: %s"),
		    strerror(errno));
		f->failed = true;
		return;
	}
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode)) {
		diag_error(&imp->d, f->idx, 0, 0, NULL,
		    _("not a regular file"));
		f->failed = true;
		close(fd);
		return;
	}
	import_tell_progress(imp, IMPORT_STEP_STAGE, f->path, 0, 0, 0);
	ir.imp = imp;
	ir.f = f;
	rc = csvr_read(fd, f->idx, imp->o->encoding, import_row, import_tick,
	    &ir, &f->info, &imp->d);
	close(fd);
	if (rc < 0)
		f->failed = true;
	else if (!f->have_header) {
		diag_error(&imp->d, f->idx, 0, 0, NULL,
		    _("the file is empty: no header row"));
		f->failed = true;
	}
	if (!f->failed)
		plan_finish(imp, f);
}

/* --- the store's source ------------------------------------------------- */

/* Copy S into DST of SIZE bytes (the values were checked to fit). */
static void
import_copy(char *dst, size_t size, const char *s)
{
	size_t	n = strlen(s);

	if (n >= size)
		n = size - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* The store is done with the previous row of KIND: release it, and
 * remember R (NULL at the end) as the next one to release. */
static void
import_handed(struct import_src *src, enum import_kind k, const char *r)
{
	if (src->prev[k] != NULL && !(k == IMPORT_KIND_ATTENDANCE &&
	    src->imp->refs_deferred))
		rowset_release(&src->imp->rs[k], src->prev[k]);
	src->prev[k] = r;
}

static void
import_pulled(struct import_src *src)
{
	if (++src->pulled % 4096 == 0)
		import_tell_progress(src->imp, IMPORT_STEP_ADVANCE, NULL,
		    src->pulled, src->total, src->pulled);
}

/* The fields of row V (NFIXED slots by plan PL) the store is to set: the
 * file's columns, less those the row leaves empty, as an empty cell keeps
 * the stored value unless --blank clear. */
static uint32_t
import_row_fields(const struct imp *imp, const struct plan *pl,
    const char *const *v, size_t nfixed)
{
	uint32_t	f = pl->fields;
	size_t		i;

	if (imp->o->blank_clear)
		return (f);
	for (i = 0; i < nfixed; i++)
		if (pl->slot[i].col >= 0 && *v[i] == '\0')
			f &= ~pl->slot[i].mask;
	if (!(f & STORE_MF_PAST_COUNT))
		f &= ~(uint32_t)STORE_MF_PAST_IS_TOTAL;
	return (f);
}

/* A word cell of an attendance row: its digit, or when empty STORE_KEEP
 * (with --blank clear: CLEARED). */
static int
import_word(const struct imp *imp, const char *v, int cleared)
{
	if (*v != '\0')
		return (*v - '0');
	return (imp->o->blank_clear ? cleared : STORE_KEEP);
}

/* A text cell of an attendance row: NULL (keep) when empty. */
static const char *
import_text(const struct imp *imp, const char *v)
{
	return (*v != '\0' || imp->o->blank_clear ? v : NULL);
}

static int
import_next_event(void *arg, struct store_event *out, uint32_t *fields)
{
	struct import_src	*src = arg;
	struct imp		*imp = src->imp;
	const char		*v[ES_N], *r;

	memset(out, 0, sizeof *out);
	if (src->ie < imp->nsorted[IMPORT_KIND_EVENTS]) {
		r = imp->sorted[IMPORT_KIND_EVENTS][src->ie++];
		import_handed(src, IMPORT_KIND_EVENTS, r);
		row_slots(r, v, ES_N);
		import_copy(out->code, sizeof out->code, v[ES_CODE]);
		out->name = (char *)v[ES_NAME];
		import_copy(out->date, sizeof out->date, v[ES_DATE]);
		out->venue = (char *)v[ES_VENUE];
		out->capacity = (int32_t)strtol(v[ES_CAPACITY], NULL, 10);
		out->notes = (char *)v[ES_NOTES];
		*fields = import_row_fields(imp,
		    &imp->f[row_hdr(r)->file].plan, v, ES_N);
		import_pulled(src);
		return (1);
	}
	import_handed(src, IMPORT_KIND_EVENTS, NULL);
	while (src->ic < imp->nev) {
		const struct evref	*e = &imp->ev[src->ic++];

		if (!e->created)
			continue;
		import_copy(out->code, sizeof out->code, e->code);
		out->name = (char *)e->name;
		import_copy(out->date, sizeof out->date, e->date);
		*fields = STORE_EF_NAME | STORE_EF_DATE;
		return (1);
	}
	return (0);
}

static int
import_next_member(void *arg, struct store_member *out, uint32_t *fields)
{
	struct import_src	*src = arg;
	struct imp		*imp = src->imp;
	const struct plan	*pl;
	const char		*v[MS_NFIXED], *r, *p;
	size_t			 i, n;

	memset(out, 0, sizeof *out);
	if (src->im >= imp->nsorted[IMPORT_KIND_MEMBERS]) {
		import_handed(src, IMPORT_KIND_MEMBERS, NULL);
		return (0);
	}
	r = imp->sorted[IMPORT_KIND_MEMBERS][src->im++];
	import_handed(src, IMPORT_KIND_MEMBERS, r);
	pl = &imp->f[row_hdr(r)->file].plan;
	row_slots(r, v, MS_NFIXED);
	import_copy(out->id, sizeof out->id, v[MS_ID]);
	out->name = (char *)v[MS_NAME];
	out->kana = (char *)v[MS_KANA];
	out->email = (char *)v[MS_EMAIL];
	out->phone = (char *)v[MS_PHONE];
	out->postal_code = (char *)v[MS_POSTAL];
	out->address = (char *)v[MS_ADDRESS];
	out->organization = (char *)v[MS_ORG];
	out->segment = (char *)v[MS_SEGMENT];
	out->status = *v[MS_STATUS] != '\0' ? *v[MS_STATUS] - '0' : 0;
	out->mail_opt_out = *v[MS_OPTOUT] == '1';
	import_copy(out->joined_on, sizeof out->joined_on, v[MS_JOINED]);
	out->notes = (char *)v[MS_NOTES];
	out->past_count = (int32_t)strtol(v[MS_PAST_COUNT], NULL, 10);
	import_copy(out->past_last_date, sizeof out->past_last_date,
	    v[MS_PAST_DATE]);
	out->past_last_event = (char *)v[MS_PAST_EVENT];
	if (pl->nattrs > src->attrcap) {
		src->attrcap = pl->nattrs;
		src->attrs = xrealloc(src->attrs, src->attrcap *
		    sizeof *src->attrs);
	}
	p = v[MS_PAST_EVENT] + strlen(v[MS_PAST_EVENT]) + 1;
	for (i = n = 0; i < pl->nattrs; i++) {
		/* an empty cell keeps the attribute (--blank clear: drops) */
		if (*p != '\0' || imp->o->blank_clear) {
			src->attrs[n].name = pl->attr[i];
			src->attrs[n++].value = (char *)p;
		}
		p += strlen(p) + 1;
	}
	out->attrs = n > 0 ? src->attrs : NULL;
	out->nattrs = n;
	*fields = import_row_fields(imp, pl, v, MS_NFIXED);
	import_pulled(src);
	return (1);
}

static int
import_next_record(void *arg, struct store_change *out)
{
	struct import_src	*src = arg;
	struct imp		*imp = src->imp;
	const struct plan	*pl;
	const char		*v[AS_N], *r;

	if (src->ia >= imp->nsorted[IMPORT_KIND_ATTENDANCE]) {
		import_handed(src, IMPORT_KIND_ATTENDANCE, NULL);
		return (0);
	}
	r = imp->sorted[IMPORT_KIND_ATTENDANCE][src->ia++];
	import_handed(src, IMPORT_KIND_ATTENDANCE, r);
	pl = &imp->f[row_hdr(r)->file].plan;
	row_slots(r, v, AS_N);
	store_change_init(out, imp_row_event(imp, r), v[AS_MEMBER]);
	out->not_invited = true;	/* a row's empty cells invent nothing */
	if (pl->slot[AS_RESPONSE].col >= 0)
		out->response = import_word(imp, v[AS_RESPONSE],
		    STORE_RESP_NONE);
	if (pl->slot[AS_FINAL].col >= 0)
		out->final = import_word(imp, v[AS_FINAL],
		    STORE_FINAL_PENDING);
	if (pl->slot[AS_WALKIN].col >= 0)
		out->walk_in = import_word(imp, v[AS_WALKIN], 0);
	if (pl->slot[AS_INVITED].col >= 0)
		out->invited_on = import_text(imp, v[AS_INVITED]);
	if (pl->slot[AS_NOTE].col >= 0)
		out->note = import_text(imp, v[AS_NOTE]);
	/* a check-in at a door, as the export wrote it */
	if (pl->slot[AS_CHECKED_AT].col >= 0 && *v[AS_CHECKED_AT] != '\0') {
		out->checkin = true;
		out->checkin_at = strtoll(v[AS_CHECKED_AT], NULL, 10);
		if (pl->slot[AS_CHECKED_BY].col >= 0 &&
		    *v[AS_CHECKED_BY] != '\0')
			out->checkin_by = v[AS_CHECKED_BY];
	}
	import_pulled(src);
	return (1);
}

/* --- the summary ------------------------------------------------------- */

/* A record or member the import takes from, as one line: 「1002 EV05:
 * 参加 → 未確定 (参加回数 3 → 2)」, 「1002: 最終参加日 2026-02-10 →
 * 2026-02-01」. */
static void
import_alert(void *arg, const struct store_import_alert *a)
{
	struct import_src	*src = arg;
	struct imp		*imp = src->imp;
	char			 line[512];
	size_t			 n;
	bool			 total = a->new_total != a->old_total;

	if (imp->nalert++ >= IMPORT_LIST_MAX)
		return;
	n = (size_t)snprintf(line, sizeof line, "%s%s%s:", a->member,
	    *a->event != '\0' ? " " : "", a->event);
	if (*a->event != '\0')
		n += (size_t)snprintf(line + n, sizeof line - n, " %s → %s",
		    store_final_text((enum store_final)a->old_final),
		    store_final_text((enum store_final)a->new_final));
	if (total)
		n += (size_t)snprintf(line + n, sizeof line - n,
		    *a->event != '\0' ? " (%s %u → %u)" : " %s %u → %u",
		    _("total"), a->old_total, a->new_total);
	if (*a->event == '\0' && strcmp(a->old_last, a->new_last) != 0)
		snprintf(line + n, sizeof line - n, "%s %s %s → %s",
		    total ? "," : "", _("last date"),
		    *a->old_last != '\0' ? a->old_last : "-",
		    *a->new_last != '\0' ? a->new_last : "-");
	imp->alert[imp->nalert - 1] = xstrdup(line);
}

/* The records and members the import takes from: the first
 * IMPORT_LIST_MAX, then how many more. */
static void
import_alerts(struct imp *imp)
{
	size_t	i;

	if (imp->nalert == 0)
		return;
	diag_say(imp->o->msg, imp->o->msg_arg, IMPORT_MSG_SUMMARY,
	    _("%zu changed a final status, lowered a total or moved a last "
	    "date:"), imp->nalert);
	for (i = 0; i < imp->nalert && i < IMPORT_LIST_MAX; i++)
		diag_say(imp->o->msg, imp->o->msg_arg, IMPORT_MSG_SUMMARY,
		    "  %s", imp->alert[i]);
	if (imp->nalert > IMPORT_LIST_MAX)
		diag_say(imp->o->msg, imp->o->msg_arg, IMPORT_MSG_SUMMARY,
		    _("  … and %zu more"), imp->nalert - IMPORT_LIST_MAX);
}

/* "a.csv, b.csv": the files of KIND. */
static char *
import_files_of(struct imp *imp, enum import_kind kind)
{
	char	*s = NULL;
	size_t	 cap = 0, len = 0, i, n;

	for (i = 0; i < imp->nf; i++) {
		if (imp->f[i].kind != kind)
			continue;
		n = strlen(imp->f[i].path);
		util_grow(&s, &cap, len + n + 3);
		if (len > 0) {
			memcpy(s + len, ", ", 2);
			len += 2;
		}
		memcpy(s + len, imp->f[i].path, n + 1);
		len += n;
	}
	return (s);
}

static int
import_strcmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

static void
import_summary(struct imp *imp, const struct store_import_result *res)
{
	const struct store_import_counts *c;
	enum import_kind	 k;
	char			*files, *line = NULL;
	size_t			 cap = 0, len, i, j, na;
	const char		**names;

	for (k = IMPORT_KIND_MEMBERS; k <= IMPORT_KIND_ATTENDANCE; k++) {
		files = import_files_of(imp, k);
		if (files == NULL && !(k == IMPORT_KIND_EVENTS &&
		    imp->ncreated > 0))
			continue;
		if (files == NULL)
			files = import_files_of(imp, IMPORT_KIND_ATTENDANCE);
		c = k == IMPORT_KIND_MEMBERS ? &res->members :
		    k == IMPORT_KIND_EVENTS ? &res->events : &res->records;
		len = 0;
		util_grow(&line, &cap, 256 + strlen(files));
		len = (size_t)snprintf(line, cap, _("%s: %s: %zu added, %zu "
		    "updated, %zu unchanged"), files, import_kind_word(k),
		    c->added, c->updated, c->unchanged);
		if (k == IMPORT_KIND_MEMBERS) {
			na = 0;
			for (i = 0; i < imp->nf; i++)
				if (imp->f[i].kind == k)
					na += imp->f[i].plan.nattrs;
			names = xcalloc(na, sizeof *names);
			na = 0;
			for (i = 0; i < imp->nf; i++)
				if (imp->f[i].kind == k)
					for (j = 0; j < imp->f[i].plan.nattrs;
					    j++)
						names[na++] =
						    imp->f[i].plan.attr[j];
			qsort(names, na, sizeof *names, import_strcmp);
			for (i = 0; i < na; i++) {
				if (i > 0 && strcmp(names[i], names[i - 1]) == 0)
					continue;
				util_grow(&line, &cap, len + strlen(names[i]) +
				    32);
				len += (size_t)snprintf(line + len, cap - len,
				    "%s%s", i == 0 ? _("; attributes: ") : ", ",
				    names[i]);
			}
			free(names);
			for (i = 0; i < imp->nf; i++)
				if (imp->f[i].kind == k &&
				    (imp->f[i].plan.fields &
				    STORE_MF_PAST_IS_TOTAL)) {
					util_grow(&line, &cap, len + 128);
					len += (size_t)snprintf(line + len,
					    cap - len, _("; past_count = the old "
					    "total - the attended records"));
					break;
				}
		}
		if (k == IMPORT_KIND_EVENTS && imp->ncreated > 0) {
			size_t	shown = 0;

			util_grow(&line, &cap, len + 64);
			len += (size_t)snprintf(line + len, cap - len,
			    _("; created from name and date: "));
			for (i = 0; i < imp->nev; i++) {
				const struct evref	*e = &imp->ev[i];

				if (!e->created)
					continue;
				if (shown == 10) {
					util_grow(&line, &cap, len + 64);
					len += (size_t)snprintf(line + len,
					    cap - len, _(", and %zu more"),
					    imp->ncreated - shown);
					break;
				}
				util_grow(&line, &cap, len + strlen(e->name) +
				    128);
				len += (size_t)snprintf(line + len, cap - len,
				    "%s%s %s (%s)", shown > 0 ? ", " : "",
				    e->code, e->name, e->date);
				shown++;
			}
		}
		for (i = 0; i < imp->nf; i++)
			if (imp->f[i].kind == k &&
			    imp->f[i].info.enc == IMPORT_ENC_CP932) {
				util_grow(&line, &cap, len + 64 +
				    strlen(imp->f[i].path));
				len += (size_t)snprintf(line + len, cap - len,
				    _("; %s read as CP932"), imp->f[i].path);
			}
		diag_say(imp->o->msg, imp->o->msg_arg, IMPORT_MSG_SUMMARY, "%s",
		    line);
		free(files);
	}
	free(line);
}

/* --- the whole import --------------------------------------------------- */

int
import_files(struct store *st, const char *const *paths, size_t n,
    const struct import_opts *o)
{
	struct imp			 imp;
	struct import_src		 src;
	struct store_import_source	 source;
	struct store_import_result	 res;
	size_t				 i;
	bool				 failed = false;
	int				 rc = IMPORT_BAD, src_rc;
	enum import_kind		 k;
	char				 why[sizeof ((struct store_error *)0)->msg] = "";

	memset(&imp, 0, sizeof imp);
	imp.st = st;
	imp.o = o;
	imp.nf = n;
	imp.f = xcalloc(n, sizeof *imp.f);
	for (k = 0; k < 4; k++)
		rowset_init(&imp.rs[k]);
	rowset_init(&imp.keystore);
	strmap_init(&imp.evmap);
	for (k = 0; k < 4; k++)
		strmap_init(&imp.badkeys[k]);
	diag_init(&imp.d, paths, o->msg, o->msg_arg);

	for (i = 0; i < n; i++) {
		imp.f[i].path = paths[i];
		imp.f[i].idx = (uint32_t)i;
		imp.f[i].kind = o->kind;
		import_read_file(&imp, &imp.f[i]);
		if (imp.f[i].failed)
			failed = true;
	}
	if (!failed) {
		import_tell_progress(&imp, IMPORT_STEP_STAGE, _("checking"), 0, 0,
		    0);
		/* with other errors, the references too */
		if (checks_run(&imp) != 0)
			checks_refs_failed(&imp);
	}
	if (imp.d.nerrors > 0 || failed) {
		import_tell_progress(&imp, IMPORT_STEP_END, NULL, 0, 0, 0);
		diag_flush(&imp.d);
		diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR,
		    _("nothing was imported"));
		goto out;
	}

	memset(&src, 0, sizeof src);
	src.imp = &imp;
	for (k = IMPORT_KIND_MEMBERS; k <= IMPORT_KIND_ATTENDANCE; k++)
		src.total += imp.nsorted[k];
	memset(&source, 0, sizeof source);
	source.arg = &src;
	source.next_event = import_next_event;
	source.next_member = import_next_member;
	source.next_record = import_next_record;
	source.alert = import_alert;
	source.what = paths[0];
	{
		/* The audit record names every file. */
		size_t	 len = 0;
		char	*what;

		for (i = 0; i < n; i++)
			len += strlen(paths[i]) + 2;
		what = xmalloc(len + 1);
		what[0] = '\0';
		for (i = 0; i < n; i++) {
			if (i > 0)
				strcat(what, ", ");
			strcat(what, paths[i]);
		}
		source.what = what;
		import_tell_progress(&imp, IMPORT_STEP_STAGE, o->dry_run ?
		    _("checking with the database") : _("writing"), 0, 0, 0);
		memset(&res, 0, sizeof res);
		src_rc = store_import(st, &source, o->dry_run, &res);
		free(what);
	}
	free(src.attrs);
	/* the store's reason, before the reference check below reads again */
	if (src_rc != STORE_OK)
		snprintf(why, sizeof why, "%s", store_last_error(st)->msg);
	if (src_rc != STORE_OK && checks_refs_failed(&imp) != 0) {
		import_tell_progress(&imp, IMPORT_STEP_END, NULL, 0, 0, 0);
		diag_flush(&imp.d);
		diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR,
		    _("nothing was imported"));
		goto out;
	}
	import_tell_progress(&imp, IMPORT_STEP_END, NULL, 0, 0, 0);
	diag_flush(&imp.d);
	if (src_rc != STORE_OK) {
		diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR,
		    _("%s: import failed, nothing was written: %s"), paths[0],
		    why[0] != '\0' ? why : "store error");
		rc = store_exit_code(src_rc) == 1 ? IMPORT_BAD : IMPORT_ENV;
		goto out;
	}
	import_summary(&imp, &res);
	import_alerts(&imp);
	if (o->dry_run)
		diag_say(o->msg, o->msg_arg, IMPORT_MSG_SUMMARY,
		    _("dry run: nothing was written"));
	rc = IMPORT_OK;
out:
	import_tell_progress(&imp, IMPORT_STEP_END, NULL, 0, 0, 0);
	checks_free(&imp);
	for (i = 0; i < n; i++) {
		plan_free(&imp.f[i].plan);
		free(imp.f[i].stage.buf);
		free(imp.f[i].startrow);
		free(imp.f[i].scratch);
		free(imp.f[i].off);
		free(imp.f[i].given);
	}
	free(imp.f);
	for (k = 0; k < 4; k++)
		rowset_free(&imp.rs[k]);
	rowset_free(&imp.keystore);
	strmap_free(&imp.evmap);
	for (k = 0; k < 4; k++)
		strmap_free(&imp.badkeys[k]);
	free(imp.ev);
	for (i = 0; i < imp.nalert && i < IMPORT_LIST_MAX; i++)
		free(imp.alert[i]);
	diag_free(&imp.d);
	return (rc);
}
