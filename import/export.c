/* export.c -- write members, events or attendance as the CSV import reads. */

#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "import/import-int.h"
#include "store/i18n.h"

/* Append N bytes of UTF-8 to the row, converted to the output encoding. */
void
exp_put(struct exp *x, const char *s, size_t n)
{
	char	*ip, *op;
	size_t	 inleft, outleft;

	if (x->cd == (iconv_t)-1) {
		util_grow(&x->line, &x->cap, x->len + n + 1);
		memcpy(x->line + x->len, s, n);
		x->len += n;
		return;
	}
	util_grow(&x->line, &x->cap, x->len + 2 * n + 16);
	ip = (char *)s;
	inleft = n;
	op = x->line + x->len;
	outleft = x->cap - x->len;
	iconv(x->cd, NULL, NULL, NULL, NULL);
	while (inleft > 0) {
		if (iconv(x->cd, &ip, &inleft, &op, &outleft) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			size_t	at = (size_t)(op - x->line);

			x->len = at;
			util_grow(&x->line, &x->cap, x->cap * 2);
			op = x->line + at;
			outleft = x->cap - at;
			continue;
		}
		{
			/* The character CP932 cannot hold. */
			ucs4_t		 uc = 0;
			const uint8_t	*u = (const uint8_t *)ip;
			int		 l = u8_mbtouc(&uc, u, inleft);
			const char	*hdr = x->hdrs != NULL ?
					    x->hdrs[x->col - 1] : NULL;

			diag_error(&x->d, 0, x->lineno, x->col, hdr,
			    _("\"%.*s\" (U+%04X) has no CP932 form: use "
			    "--encoding utf-8-bom"), l > 0 ? l : 1, ip,
			    (unsigned)uc);
			ip += l > 0 ? l : 1;
			inleft -= l > 0 ? (size_t)l : 1;
		}
	}
	x->len = (size_t)(op - x->line);
}

/* One cell: quoted when needed, guarded when a spreadsheet would run it
 * (TEXT: typed by a user, header cells included). */
void
exp_cell(struct exp *x, const char *v, bool text)
{
	const char	*p;
	bool		 quote;

	if (v == NULL)
		v = "";
	x->col++;
	if (x->col > 1)
		exp_put(x, ",", 1);
	quote = strpbrk(v, ",\"\r\n") != NULL;
	if (quote)
		exp_put(x, "\"", 1);
	if (text && val_guarded(v))
		exp_put(x, "'", 1);
	for (p = v; *p != '\0'; p++)
		if (*p == '\n')
			x->nextline++;
	if (!quote)
		exp_put(x, v, strlen(v));
	else {
		for (p = v; *p != '\0'; ) {
			const char	*q = strchr(p, '"');

			if (q == NULL) {
				exp_put(x, p, strlen(p));
				break;
			}
			exp_put(x, p, (size_t)(q - p) + 1);
			exp_put(x, "\"", 1);
			p = q + 1;
		}
		exp_put(x, "\"", 1);
	}
}

static void
exp_num(struct exp *x, long long v, bool zero_empty)
{
	char	buf[32];

	if (zero_empty && v == 0)
		buf[0] = '\0';
	else
		snprintf(buf, sizeof buf, "%lld", v);
	exp_cell(x, buf, false);
}

void
exp_end_row(struct exp *x)
{
	exp_put(x, "\r\n", 2);
	if (x->d.nerrors == 0 && !x->ioerr &&
	    fwrite(x->line, 1, x->len, x->fp) != x->len)
		x->ioerr = true;
	x->len = 0;
	x->col = 0;
	x->nextline++;
	x->lineno = x->nextline;
}

void
exp_header(struct exp *x, const char *const *names, size_t n)
{
	size_t	i;

	x->hdrs = names;
	for (i = 0; i < n; i++)
		exp_cell(x, names[i], true);
	exp_end_row(x);
}

/* --- members ----------------------------------------------------------- */

static int
exp_attr_cb(const struct store_member *m, const struct store_stats *s,
    void *arg)
{
	struct exp	*x = arg;
	size_t		 i, j, lo, hi;

	(void)s;
	for (i = 0; i < m->nattrs; i++) {
		const char	*name = m->attrs[i].name;

		lo = 0;
		hi = x->nattrs;
		while (lo < hi) {
			j = lo + (hi - lo) / 2;
			if (strcmp(x->attr[j], name) < 0)
				lo = j + 1;
			else
				hi = j;
		}
		if (lo < x->nattrs && strcmp(x->attr[lo], name) == 0)
			continue;
		if (x->nattrs == x->attrcap) {
			x->attrcap = x->attrcap == 0 ? 16 : 2 * x->attrcap;
			x->attr = xrealloc(x->attr, x->attrcap *
			    sizeof *x->attr);
		}
		memmove(x->attr + lo + 1, x->attr + lo, (x->nattrs - lo) *
		    sizeof *x->attr);
		x->attr[lo] = xstrdup(name);
		x->nattrs++;
	}
	return (0);
}

/* The attr.NAME columns of a member row. */
static void
exp_member_attrs(struct exp *x, const struct store_member *m)
{
	size_t	i, j = 0;

	for (i = 0; i < x->nattrs; i++) {
		while (j < m->nattrs && strcmp(m->attrs[j].name,
		    x->attr[i]) < 0)
			j++;
		exp_cell(x, j < m->nattrs && strcmp(m->attrs[j].name,
		    x->attr[i]) == 0 ? m->attrs[j].value : "", true);
	}
}

/* The CSV rows of the field table in order, the attributes before the
 * first derived one (the aggregate, exported for reading). */
static int
exp_member_cb(const struct store_member *m, const struct store_stats *s,
    void *arg)
{
	struct exp			*x = arg;
	struct store_member_view	 v = { m, s, NULL };
	const struct store_field	*f;
	bool				 attrs = false;
	char				 buf[64];

	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (!(f->flags & STORE_FIELD_CSV) ||
		    store_field_hidden(x->st, f))
			continue;
		if ((f->flags & STORE_FIELD_DERIVED) && !attrs) {
			exp_member_attrs(x, m);
			attrs = true;
		}
		exp_cell(x, store_field_get(f, &v, STORE_STYLE_CSV, buf,
		    sizeof buf), f->kind == STORE_KIND_TEXT ||
		    f->kind == STORE_KIND_LINE);
	}
	if (!attrs)
		exp_member_attrs(x, m);
	exp_end_row(x);
	return (x->ioerr ? 1 : 0);
}

/* The attr.NAME headers into NAMES from *N; OWNED keeps what it made. */
static void
exp_member_attr_names(struct exp *x, const char **names, size_t *n,
    char **owned)
{
	size_t	a;

	for (a = 0; a < x->nattrs; a++) {
		/* A name import would read as a field gets "attr.". */
		if (hdr_lookup(IMPORT_KIND_MEMBERS, x->attr[a]) != HF_NONE) {
			owned[a] = xmalloc(strlen(x->attr[a]) + 6);
			sprintf(owned[a], "attr.%s", x->attr[a]);
			names[(*n)++] = owned[a];
		} else
			names[(*n)++] = x->attr[a];
	}
}

static int
exp_members(struct exp *x)
{
	const struct store_field	*f;
	const char			**names;
	char				**owned;
	size_t				 n = 0, a;
	bool				 attrs = false;
	int				 rc;

	if ((rc = store_member_each(x->st, exp_attr_cb, x)) != STORE_OK)
		return (rc);
	names = xcalloc(store_nfields + x->nattrs, sizeof *names);
	owned = xcalloc(x->nattrs + 1, sizeof *owned);
	for (f = store_fields; f < store_fields + store_nfields; f++) {
		if (!(f->flags & STORE_FIELD_CSV) ||
		    store_field_hidden(x->st, f))
			continue;
		if ((f->flags & STORE_FIELD_DERIVED) && !attrs) {
			exp_member_attr_names(x, names, &n, owned);
			attrs = true;
		}
		names[n++] = x->o->headers_ja ? f->csv_ja : f->csv;
	}
	if (!attrs)
		exp_member_attr_names(x, names, &n, owned);
	exp_header(x, names, n);
	rc = store_member_each(x->st, exp_member_cb, x);
	for (a = 0; a < x->nattrs; a++)
		free(owned[a]);
	free(owned);
	free(names);
	return (rc);
}

/* --- events -------------------------------------------------------------- */

static int
exp_event_cb(const struct store_event *e, const struct store_event_counts *c,
    void *arg)
{
	struct exp	*x = arg;

	(void)c;
	exp_cell(x, e->code, true);
	exp_cell(x, e->name, true);
	exp_cell(x, e->date, false);
	exp_cell(x, e->venue, true);
	exp_num(x, e->capacity, true);
	exp_cell(x, e->notes, true);
	exp_end_row(x);
	return (x->ioerr ? 1 : 0);
}

static int
exp_events(struct exp *x)
{
	const enum hfield	*cols = hdr_export_columns(IMPORT_KIND_EVENTS);
	const char		*names[16];
	size_t			 n;

	for (n = 0; cols[n] != HF_NONE; n++)
		names[n] = hdr_name(cols[n], x->o->headers_ja);
	exp_header(x, names, n);
	return (store_event_each(x->st, exp_event_cb, x));
}

/* --- attendance -------------------------------------------------------- */

/* The event's full name (rows carry a shortened copy). */
static const char *
exp_event_name(struct exp *x, const struct store_att_row *r)
{
	struct store_event	e;

	if (strcmp(x->evcode, r->a.event) != 0) {
		free(x->evname);
		x->evname = NULL;
		snprintf(x->evcode, sizeof x->evcode, "%s", r->a.event);
		memset(&e, 0, sizeof e);
		if (store_event_get(x->st, r->a.event, &e, NULL) == STORE_OK) {
			x->evname = xstrdup(e.name != NULL ? e.name : "");
			store_event_free(&e);
		}
	}
	return (x->evname != NULL ? x->evname : r->event_name);
}

static int
exp_record_cb(const struct store_att_row *r, void *arg)
{
	struct exp	*x = arg;
	char		 at[20];

	exp_cell(x, r->a.event, true);
	exp_cell(x, exp_event_name(x, r), true);
	exp_cell(x, r->event_date, false);
	exp_cell(x, r->a.member, true);
	exp_cell(x, r->member_name, true);
	exp_cell(x, r->member_kana, true);
	exp_cell(x, r->a.invited_on, false);
	exp_cell(x, store_response_word(r->a.response), false);
	exp_cell(x, store_final_word(r->a.final), false);
	exp_cell(x, r->a.walk_in ? "1" : "0", false);
	exp_cell(x, r->a.note, true);
	at[0] = '\0';
	if (r->a.checked_in_at != 0)
		store_time_iso(r->a.checked_in_at, at, sizeof at);
	exp_cell(x, at, false);
	exp_cell(x, r->a.checked_in_by, true);
	exp_end_row(x);
	return (x->ioerr ? 1 : 0);
}

/* One event's records, kept to be sorted by reading. */
struct exp_rec {
	struct store_att_row	 row;
	char			*note;
	char			*fold;
};
struct exp_recs {
	struct exp_rec	*r;
	size_t		 n, cap;
};

static int
exp_collect_cb(const struct store_att_row *r, void *arg)
{
	struct exp_recs	*rs = arg;
	struct exp_rec	*e;

	if (rs->n == rs->cap) {
		rs->cap = rs->cap == 0 ? 64 : 2 * rs->cap;
		rs->r = xrealloc(rs->r, rs->cap * sizeof *rs->r);
	}
	e = &rs->r[rs->n++];
	e->row = *r;
	e->note = xstrdup(r->a.note != NULL ? r->a.note : "");
	e->row.a.note = e->note;
	e->fold = store_fold(r->member_kana[0] != '\0' ? r->member_kana :
	    r->member_name);
	if (e->fold == NULL)
		e->fold = xstrdup("");
	return (0);
}

static int
exp_rec_cmp(const void *a, const void *b)
{
	const struct exp_rec	*x = a, *y = b;
	int			 c = strcmp(x->fold, y->fold);

	return (c != 0 ? c : strcmp(x->row.a.member, y->row.a.member));
}

static int
exp_attendance(struct exp *x)
{
	const enum hfield	*cols = hdr_export_columns(
				    IMPORT_KIND_ATTENDANCE);
	const char		*names[16];
	struct exp_recs		 rs;
	struct store_event	 e;
	size_t			 n, i;
	int			 rc;

	for (n = 0; cols[n] != HF_NONE; n++)
		names[n] = hdr_name(cols[n], x->o->headers_ja);
	if (x->o->event == NULL) {
		exp_header(x, names, n);
		return (store_attendance_each(x->st, exp_record_cb, x));
	}
	memset(&e, 0, sizeof e);
	if ((rc = store_event_get(x->st, x->o->event, &e, NULL)) != STORE_OK)
		return (rc);
	store_event_free(&e);
	memset(&rs, 0, sizeof rs);
	rc = store_event_records(x->st, x->o->event, exp_collect_cb, &rs);
	if (rc == STORE_OK) {
		qsort(rs.r, rs.n, sizeof *rs.r, exp_rec_cmp);
		exp_header(x, names, n);
		for (i = 0; i < rs.n && !x->ioerr; i++)
			exp_record_cb(&rs.r[i].row, x);
	}
	for (i = 0; i < rs.n; i++) {
		free(rs.r[i].note);
		free(rs.r[i].fold);
	}
	free(rs.r);
	return (rc);
}

/* --- the whole export -------------------------------------------------- */

/* Copy the finished temporary output to stdout. */
static bool
exp_copy(FILE *from, FILE *to)
{
	char	buf[IMPORT_CHUNK];
	size_t	n;

	rewind(from);
	while ((n = fread(buf, 1, sizeof buf, from)) > 0)
		if (fwrite(buf, 1, n, to) != n)
			return (false);
	return (!ferror(from) && fflush(to) == 0);
}

/* Start X: the output file (a temporary name beside PATH), the encoder,
 * the byte order mark.  IMPORT_OK, or IMPORT_ENV with the message given;
 * exp_close() X either way. */
int
exp_open(struct exp *x, struct store *st, const struct export_opts *o)
{
	int	fd = -1;

	memset(x, 0, sizeof *x);
	x->st = st;
	x->o = o;
	x->cd = (iconv_t)-1;
	x->to_stdout = o->path == NULL || strcmp(o->path, "-") == 0;
	x->names[0] = x->to_stdout ? "<stdout>" : o->path;
	x->lineno = x->nextline = 1;
	diag_init(&x->d, x->names, o->msg, o->msg_arg);
	if (store_access(st, STORE_AREA_EXPORT, STORE_ACT_VIEW) != STORE_OK) {
		diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR, "%s",
		    store_last_error(st)->msg);
		return (IMPORT_ENV);
	}
	if (o->encoding == IMPORT_ENC_CP932 &&
	    (x->cd = iconv_open("CP932", "UTF-8")) == (iconv_t)-1) {
		diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR,
		    _("iconv cannot convert to CP932"));
		return (IMPORT_ENV);
	}
	if (x->to_stdout)
		x->fp = o->encoding == IMPORT_ENC_CP932 ? tmpfile() : stdout;
	else {
		x->tmp = xmalloc(strlen(o->path) + 16);
		sprintf(x->tmp, "%s.tmp.XXXXXX", o->path);
		if ((fd = mkstemp(x->tmp)) == -1 || fchmod(fd, 0640) == -1 ||
		    (x->fp = fdopen(fd, "w")) == NULL) {
			diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR,
			    "%s: %s", o->path, strerror(errno));
			if (fd != -1) {
				close(fd);
				unlink(x->tmp);
			}
			free(x->tmp);
			x->tmp = NULL;
			return (IMPORT_ENV);
		}
	}
	if (x->fp == NULL) {
		diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR, "%s",
		    strerror(errno));
		return (IMPORT_ENV);
	}
	if (o->encoding == IMPORT_ENC_UTF8_BOM && fwrite("\xEF\xBB\xBF", 1, 3,
	    x->fp) != 3)
		x->ioerr = true;
	return (IMPORT_OK);
}

/* Finish X after its rows: SRC is the store's code for reading them.
 * The file is renamed into place only when everything went well; else it
 * is removed.  Returns IMPORT_OK, IMPORT_BAD or IMPORT_ENV. */
int
exp_close(struct exp *x, int src)
{
	const struct export_opts	*o = x->o;
	int				 rc = IMPORT_ENV;

	if (x->fp == NULL)
		;	/* exp_open failed and said why */
	else if (src != STORE_OK && !(src == 1 && x->ioerr)) {
		const struct store_error	*e = store_last_error(x->st);

		if (src == STORE_NOTFOUND && o->event != NULL)
			diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR,
			    _("no event %s"), o->event);
		else
			diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR, "%s",
			    e != NULL && e->msg[0] != '\0' ? e->msg :
			    _("cannot read the database"));
		rc = store_exit_code(src) == 1 ? IMPORT_BAD : IMPORT_ENV;
	} else if (x->d.nerrors > 0) {
		diag_flush(&x->d);
		diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR,
		    _("nothing was written"));
		rc = IMPORT_BAD;
	} else if (x->ioerr || fflush(x->fp) != 0 || (!x->to_stdout &&
	    fsync(fileno(x->fp)) != 0)) {
		diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR, "%s: %s",
		    x->names[0], strerror(errno));
	} else if (x->to_stdout && x->fp != stdout &&
	    !exp_copy(x->fp, stdout)) {
		diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR, "<stdout>: %s",
		    strerror(errno));
	} else
		rc = IMPORT_OK;
	if (!x->to_stdout && x->fp != NULL) {
		if (fclose(x->fp) != 0 && rc == IMPORT_OK) {
			diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR, "%s: %s",
			    o->path, strerror(errno));
			rc = IMPORT_ENV;
		}
		x->fp = NULL;
		if (rc == IMPORT_OK && rename(x->tmp, o->path) != 0) {
			diag_say(o->msg, o->msg_arg, IMPORT_MSG_ERROR, "%s: %s",
			    o->path, strerror(errno));
			rc = IMPORT_ENV;
		}
		if (rc != IMPORT_OK)
			unlink(x->tmp);
	} else if (x->fp != NULL && x->fp != stdout)
		fclose(x->fp);
	if (x->cd != (iconv_t)-1)
		iconv_close(x->cd);
	free(x->tmp);
	free(x->line);
	free(x->evname);
	while (x->nattrs > 0)
		free(x->attr[--x->nattrs]);
	free(x->attr);
	diag_free(&x->d);
	return (rc);
}

int
export_table(struct store *st, const struct export_opts *o)
{
	struct exp	x;
	int		src;

	if (exp_open(&x, st, o) != IMPORT_OK)
		return (exp_close(&x, STORE_OK));
	switch (o->kind) {
	case IMPORT_KIND_MEMBERS:
		src = exp_members(&x);
		break;
	case IMPORT_KIND_EVENTS:
		src = exp_events(&x);
		break;
	default:
		src = exp_attendance(&x);
		break;
	}
	return (exp_close(&x, src));
}
