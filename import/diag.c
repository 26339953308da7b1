/* diag.c -- collect FILE:LINE:FIELD errors and warnings, list the first. */

#define __STDC_WANT_LIB_EXT2__ 1	/* vasprintf */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import-int.h"
#include "store/i18n.h"

static char	*diag_format(struct diag *, uint32_t, uint64_t, size_t,
		    const char *, const char *, const char *, va_list)
		    __attribute__((format(printf, 7, 0)));

void
diag_init(struct diag *d, const char *const *files, import_msg_fn msg,
    void *arg)
{
	memset(d, 0, sizeof *d);
	d->files = files;
	d->msg = msg;
	d->msg_arg = arg;
}

void
diag_free(struct diag *d)
{
	size_t	i;

	for (i = 0; i < d->nerr_kept; i++)
		free(d->err[i].text);
	for (i = 0; i < d->nwarn_kept; i++)
		free(d->warn[i].text);
	d->nerr_kept = d->nwarn_kept = 0;
}

void
diag_say(import_msg_fn msg, void *arg, enum import_msg kind,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*line;

	va_start(ap, fmt);
	if (vasprintf(&line, fmt, ap) == -1)
		line = NULL;
	va_end(ap);
	if (line == NULL)
		return;
	if (msg != NULL)
		msg(kind, line, arg);
	else {
		FILE	*fp = kind == IMPORT_MSG_SUMMARY ? stdout : stderr;

		fputs(line, fp);
		fputc('\n', fp);
	}
	free(line);
}

static char *
diag_format(struct diag *d, uint32_t file, uint64_t line, size_t col,
    const char *colname, const char *prefix, const char *fmt, va_list ap)
{
	char	*body, *out;
	char	 where[256];
	int	 n;

	if (vasprintf(&body, fmt, ap) == -1)
		return (NULL);
	n = snprintf(where, sizeof where, "%s", d->files[file]);
	if (line > 0)
		n += snprintf(where + n, sizeof where - n, ":%llu",
		    (unsigned long long)line);
	if (col > 0 && (size_t)n < sizeof where) {
		if (colname != NULL && *colname != '\0')
			snprintf(where + n, sizeof where - n, ":%zu(%s)", col,
			    colname);
		else
			snprintf(where + n, sizeof where - n, ":%zu", col);
	}
	if (asprintf(&out, "%s: %s%s", where, prefix, body) == -1)
		out = NULL;
	free(body);
	return (out);
}

/* The entry of ENT[0..IMPORT_LIST_MAX) that comes last. */
static size_t
diag_worst(const struct diag_ent *ent)
{
	size_t	i, worst = 0;

	for (i = 1; i < IMPORT_LIST_MAX; i++) {
		if (ent[i].file > ent[worst].file ||
		    (ent[i].file == ent[worst].file &&
		    (ent[i].line > ent[worst].line ||
		    (ent[i].line == ent[worst].line &&
		    ent[i].seq > ent[worst].seq))))
			worst = i;
	}
	return (worst);
}

/* Keep the IMPORT_LIST_MAX entries that come first by (file, line, seq);
 * *WORST: the last of them once the list is full. */
static void
diag_keep(struct diag_ent *ent, size_t *kept, size_t *worst,
    struct diag_ent e)
{
	if (*kept < IMPORT_LIST_MAX) {
		ent[(*kept)++] = e;
		if (*kept == IMPORT_LIST_MAX)
			*worst = diag_worst(ent);
		return;
	}
	if (e.file < ent[*worst].file || (e.file == ent[*worst].file &&
	    e.line < ent[*worst].line)) {
		free(ent[*worst].text);
		ent[*worst] = e;
		*worst = diag_worst(ent);
	} else
		free(e.text);
}

/* Would an entry at FILE:LINE be kept?  (Formatting thousands of
 * messages that are only counted costs more than the import.) */
static bool
diag_wanted(const struct diag_ent *ent, size_t kept, size_t worst,
    uint32_t file, uint64_t line)
{
	if (kept < IMPORT_LIST_MAX)
		return (true);
	return (ent[worst].file > file || (ent[worst].file == file &&
	    ent[worst].line > line));
}

void
diag_error(struct diag *d, uint32_t file, uint64_t line, size_t col,
    const char *colname, const char *fmt, ...)
{
	struct diag_ent	 e;
	va_list		 ap;

	if (!diag_wanted(d->err, d->nerr_kept, d->err_worst, file, line)) {
		d->nerrors++;
		return;
	}
	va_start(ap, fmt);
	e.text = diag_format(d, file, line, col, colname, "", fmt, ap);
	va_end(ap);
	e.file = file;
	e.line = line;
	e.seq = d->seq++;
	d->nerrors++;
	if (e.text != NULL)
		diag_keep(d->err, &d->nerr_kept, &d->err_worst, e);
}

bool
diag_warn_wanted(struct diag *d, uint32_t file, uint64_t line)
{
	if (diag_wanted(d->warn, d->nwarn_kept, d->warn_worst, file, line))
		return (true);
	d->nwarnings++;
	return (false);
}

void
diag_warn(struct diag *d, uint32_t file, uint64_t line, size_t col,
    const char *colname, const char *fmt, ...)
{
	struct diag_ent	 e;
	va_list		 ap;

	if (!diag_warn_wanted(d, file, line))
		return;
	va_start(ap, fmt);
	e.text = diag_format(d, file, line, col, colname, _("warning: "), fmt,
	    ap);
	va_end(ap);
	e.file = file;
	e.line = line;
	e.seq = d->seq++;
	d->nwarnings++;
	if (e.text != NULL)
		diag_keep(d->warn, &d->nwarn_kept, &d->warn_worst, e);
}

static int
diag_cmp(const void *a, const void *b)
{
	const struct diag_ent	*x = a, *y = b;

	if (x->file != y->file)
		return (x->file < y->file ? -1 : 1);
	if (x->line != y->line)
		return (x->line < y->line ? -1 : 1);
	return (x->seq < y->seq ? -1 : x->seq > y->seq);
}

void
diag_flush(struct diag *d)
{
	size_t	i;

	qsort(d->warn, d->nwarn_kept, sizeof d->warn[0], diag_cmp);
	for (i = 0; i < d->nwarn_kept; i++)
		diag_say(d->msg, d->msg_arg, IMPORT_MSG_WARNING, "%s",
		    d->warn[i].text);
	if (d->nwarnings > d->nwarn_kept)
		diag_say(d->msg, d->msg_arg, IMPORT_MSG_WARNING,
		    _("... and %zu more warnings"),
		    d->nwarnings - d->nwarn_kept);
	qsort(d->err, d->nerr_kept, sizeof d->err[0], diag_cmp);
	for (i = 0; i < d->nerr_kept; i++)
		diag_say(d->msg, d->msg_arg, IMPORT_MSG_ERROR, "%s",
		    d->err[i].text);
	if (d->nerrors > d->nerr_kept)
		diag_say(d->msg, d->msg_arg, IMPORT_MSG_ERROR,
		    _("... and %zu more errors"), d->nerrors - d->nerr_kept);
	diag_free(d);
	d->nerrors = d->nwarnings = 0;
}
