/* csv-read.c -- stream a CSV file through libcsv, one physical line a call;
 * a second thread reads, decodes and splits while the rows are converted. */

#include <sys/stat.h>
#include <sys/types.h>

#include <csv.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/import-int.h"
#include "store/i18n.h"

#define CSVR_BATCH	(256 * 1024)	/* bytes of rows handed over at once */
#define CSVR_QUEUE	8		/* batches read ahead at most */
#define CSVR_BLK_SIZE	(1024 * 1024)	/* libcsv's cell buffer growth */

/* Rows in a batch, each: its line (8 bytes), cell count N (4), N cell
 * lengths (4 each), then the N cells, each NUL-terminated. */
struct csvr_batch {
	char			*p;
	size_t			 len, cap;
	struct csvr_info	 info;		/* as of its last row */
};

struct csvr {
	struct csv_parser	 p;
	uint32_t		 file;
	/* the first fatal problem, reported by csvr_read */
	bool			 failed;
	uint64_t		 err_line;
	size_t			 err_col;	/* 1-based; 0: none */
	char			 err[512];
	char			*buf;		/* the row's cells, NUL-ended */
	size_t			 len, cap;
	size_t			*off;		/* cell starts in buf */
	size_t			 ncells, offcap;
	char			**cellp;
	size_t			*lenp;
	size_t			 ptrcap;
	uint64_t		 line;		/* line of the next byte fed */
	uint64_t		 row_line;
	bool			 at_boundary;	/* between two rows */
	bool			 pending_cr;	/* a piece ended in CR */
	bool			 too_big;
	bool			 first_row;
	int			 stop;
	csvr_row_fn		 fn;		/* without a thread */
	void			*arg;
	struct csvr_info	 info;
	int			 fd;
	enum import_encoding	 enc;
	/* with a thread: the batches read ahead */
	bool			 threaded;
	pthread_t		 th;
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	struct csvr_batch	 fill;
	struct csvr_batch	 queue[CSVR_QUEUE];
	size_t			 head, tail;
	bool			 eof;		/* the thread is done: rc */
	bool			 quit;		/* the rows are no longer wanted */
	int			 rc;
};

static int	csvr_fail(struct csvr *, uint64_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

/* Note the first fatal problem at LINE (0: the file); returns -1. */
static int
csvr_fail(struct csvr *r, uint64_t line, const char *fmt, ...)
{
	va_list	ap;

	if (r->failed)
		return (-1);
	r->failed = true;
	r->err_line = line;
	va_start(ap, fmt);
	vsnprintf(r->err, sizeof r->err, fmt, ap);
	va_end(ap);
	return (-1);
}

static void
csvr_cell(void *s, size_t n, void *arg)
{
	struct csvr	*r = arg;

	if (r->stop != 0 || r->too_big)
		return;
	if (s == NULL)
		n = 0;
	if (r->len + n + 1 > IMPORT_ROW_MAX) {
		r->too_big = true;
		return;
	}
	util_grow(&r->buf, &r->cap, r->len + n + 1);
	if (n > 0)
		memcpy(r->buf + r->len, s, n);
	r->buf[r->len + n] = '\0';
	if (r->ncells == r->offcap) {
		r->offcap = r->offcap == 0 ? 32 : 2 * r->offcap;
		r->off = xrealloc(r->off, r->offcap * sizeof *r->off);
	}
	r->off[r->ncells++] = r->len;
	r->len += n + 1;
}

/* The header row of a file that is not comma-separated is one cell. */
static int
csvr_check_header(struct csvr *r, const struct csvr_row *row)
{
	if (row->n != 1)
		return (0);
	if (strchr(row->cell[0], '\t') != NULL) {
		csvr_fail(r, row->line,
		    _("the file is tab-separated (Excel \"Unicode テキスト\" or "
		    "\"テキスト (タブ区切り)\"); save it as \"CSV UTF-8 (コンマ"
		    "区切り)\""));
		return (-1);
	}
	if (strchr(row->cell[0], ';') != NULL) {
		csvr_fail(r, row->line,
		    _("the file is separated by ';', not ','; export it "
		    "again with the comma as the separator"));
		return (-1);
	}
	return (0);
}

/* Hand the filled batch to the converting thread; non-zero when it wants
 * no more rows. */
static int
csvr_push(struct csvr *r)
{
	int	quit;

	pthread_mutex_lock(&r->mu);
	while (r->tail - r->head == CSVR_QUEUE && !r->quit)
		pthread_cond_wait(&r->cv, &r->mu);
	quit = r->quit;
	if (!quit && r->fill.len > 0) {
		r->fill.info = r->info;
		r->queue[r->tail % CSVR_QUEUE] = r->fill;
		r->tail++;
		memset(&r->fill, 0, sizeof r->fill);
		pthread_cond_broadcast(&r->cv);
	}
	pthread_mutex_unlock(&r->mu);
	return (quit);
}

/* Append ROW to the batch being filled. */
static int
csvr_batch_add(struct csvr *r, const struct csvr_row *row)
{
	struct csvr_batch	*b = &r->fill;
	uint64_t		 line = row->line;
	uint32_t		 n = (uint32_t)row->n, len;
	size_t			 i;

	util_grow(&b->p, &b->cap, b->len + 12 + 4 * (size_t)n + r->len);
	memcpy(b->p + b->len, &line, 8);
	memcpy(b->p + b->len + 8, &n, 4);
	b->len += 12;
	for (i = 0; i < n; i++) {
		len = (uint32_t)row->len[i];
		memcpy(b->p + b->len, &len, 4);
		b->len += 4;
	}
	memcpy(b->p + b->len, r->buf, r->len);
	b->len += r->len;
	return (b->len >= CSVR_BATCH ? csvr_push(r) : 0);
}

static void
csvr_end_row(int c, void *arg)
{
	struct csvr	*r = arg;
	struct csvr_row	 row;
	size_t		 i;

	(void)c;
	r->at_boundary = true;
	if (r->stop != 0 || r->too_big)
		return;
	if (r->ncells > r->ptrcap) {
		r->ptrcap = r->ncells;
		r->cellp = xrealloc(r->cellp, r->ptrcap * sizeof *r->cellp);
		r->lenp = xrealloc(r->lenp, r->ptrcap * sizeof *r->lenp);
	}
	for (i = 0; i < r->ncells; i++) {
		r->cellp[i] = r->buf + r->off[i];
		r->lenp[i] = (i + 1 < r->ncells ? r->off[i + 1] : r->len) -
		    r->off[i] - 1;
	}
	row.cell = r->cellp;
	row.len = r->lenp;
	row.n = r->ncells;
	row.line = r->row_line;
	r->info.rows++;
	if (r->first_row) {
		r->first_row = false;
		if (csvr_check_header(r, &row) != 0)
			r->stop = -1;
	}
	if (r->stop == 0)
		r->stop = r->threaded ? csvr_batch_add(r, &row) :
		    r->fn(r->arg, &row);
	r->ncells = 0;
	r->len = 0;
}

static int
csvr_parse_error(struct csvr *r)
{
	int	err = csv_error(&r->p);

	if (err == CSV_EPARSE)
		return (csvr_fail(r, r->line,
		    _("malformed quotes: a '\"' inside an unquoted cell, or "
		    "text after a closing quote")));
	return (csvr_fail(r, r->line, "%s", csv_strerror(err)));
}

static int
csvr_too_big(struct csvr *r)
{
	return (csvr_fail(r, r->row_line,
	    _("the row starting here is longer than %u MiB (a quote that is "
	    "never closed?)"), IMPORT_ROW_MAX / (1024 * 1024)));
}

/* A whole physical line of N bytes (its line end included) that starts
 * a row and holds no quote: split here exactly as libcsv splits it (the
 * delimiter ',', cells trimmed of spaces and tabs, a blank line no row),
 * without its per-byte state machine.  Most lines of a file are such. */
static void
csvr_plain_line(struct csvr *r, const char *p, size_t n)
{
	const char	*end = p + n, *f, *e, *s, *t, *comma;
	int		 term;

	while (end > p && (end[-1] == '\n' || end[-1] == '\r'))
		end--;
	term = (unsigned char)*end;
	for (f = p; f < end && (*f == ' ' || *f == '\t'); f++)
		;
	if (f == end)
		return;
	for (f = p;; f = comma + 1) {
		comma = memchr(f, ',', (size_t)(end - f));
		e = comma != NULL ? comma : end;
		for (s = f; s < e && (*s == ' ' || *s == '\t'); s++)
			;
		for (t = e; t > s && (t[-1] == ' ' || t[-1] == '\t'); t--)
			;
		csvr_cell(t > s ? (void *)(uintptr_t)s : NULL,
		    (size_t)(t - s), r);
		if (comma == NULL)
			break;
	}
	csvr_end_row(term, r);
}

/* A NUL byte in the piece P (N bytes) of the current line is refused
 * with its line and cell: libcsv and every C string after it would cut
 * the cell there (an ID "M001\0-NEW" read as M001).  Returns -1 then. */
static int
csvr_nul(struct csvr *r, const char *p, size_t n)
{
	const char	*z = memchr(p, '\0', n), *q;
	size_t		 col;
	bool		 quoted = false;

	if (z == NULL)
		return (0);
	/* the cells before this piece, then the delimiters before the NUL
	 * outside quotes */
	col = r->at_boundary ? 1 : r->ncells + 1;
	for (q = p; q < z; q++) {
		if (*q == '"')
			quoted = !quoted;
		else if (!quoted && *q == (char)csv_get_delim(&r->p))
			col++;
	}
	csvr_fail(r, r->line, _("a NUL byte (0x00) at byte %zu of the line: "
	    "a CSV file holds none; the file is damaged or not text"),
	    (size_t)(z - p) + 1);
	r->err_col = col;
	return (-1);
}

/* Feed N decoded bytes, one physical line (LF, CRLF or a lone CR) per
 * csv_parse() call, noting the line where each row starts. */
static int
csvr_feed(struct csvr *r, const char *p, size_t n)
{
	const char	*lf, *cr;
	size_t		 piece, lim, k, used;
	bool		 eol, start;

	while (n > 0 && r->stop == 0) {
		if (r->pending_cr) {
			r->pending_cr = false;
			if (p[0] == '\n') {
				if (csv_parse(&r->p, p, 1, csvr_cell,
				    csvr_end_row, r) != 1)
					return (csvr_parse_error(r));
				r->line++;
				p++;
				n--;
				continue;
			}
			r->line++;
		}
		eol = false;
		lf = memchr(p, '\n', n);
		lim = lf != NULL ? (size_t)(lf - p) : n;
		cr = memchr(p, '\r', lim);
		if (cr != NULL) {
			k = (size_t)(cr - p);
			if (k + 1 < n) {
				piece = p[k + 1] == '\n' ? k + 2 : k + 1;
				eol = true;
			} else {
				piece = n;
				r->pending_cr = true;
			}
		} else if (lf != NULL) {
			piece = lim + 1;
			eol = true;
		} else
			piece = n;
		if (csvr_nul(r, p, piece) != 0)
			return (-1);
		start = r->at_boundary;
		if (start) {
			for (k = 0; k < piece && (p[k] == ' ' || p[k] == '\t');
			    k++)
				;
			if (k < piece && p[k] != '\r' && p[k] != '\n') {
				r->at_boundary = false;
				r->row_line = r->line;
			}
		}
		if (eol && start && memchr(p, '"', piece) == NULL) {
			csvr_plain_line(r, p, piece);
			used = piece;
		} else
			used = csv_parse(&r->p, p, piece, csvr_cell,
			    csvr_end_row, r);
		if (r->stop != 0)
			break;
		if (used < piece)
			return (csvr_parse_error(r));
		if (r->too_big || r->p.entry_pos + r->len > IMPORT_ROW_MAX)
			return (csvr_too_big(r));
		if (eol)
			r->line++;
		p += piece;
		n -= piece;
	}
	return (r->stop);
}

static const char *
csvr_enc_name(enum import_encoding enc)
{
	return (enc == IMPORT_ENC_CP932 ? "CP932" : "UTF-8");
}

static int
csvr_bad_byte(struct csvr *r, const struct enc_dec *dec, bool guessed)
{
	if (guessed)
		return (csvr_fail(r, dec->bad_line,
		    _("byte 0x%02X at byte offset %llu is neither UTF-8 nor "
		    "CP932 (Shift_JIS): the file is in another encoding or "
		    "damaged"), dec->bad_byte,
		    (unsigned long long)dec->bad_off));
	return (csvr_fail(r, dec->bad_line,
	    _("invalid %s: byte 0x%02X at byte offset %llu"),
	    csvr_enc_name(dec->enc), dec->bad_byte,
	    (unsigned long long)dec->bad_off));
}

/* Read, decode and split the whole file; the rows to R->fn, or to the
 * batches when threaded.  Returns 0, -1 (R->err) or a stop. */
static int
csvr_produce(struct csvr *r, csvr_tick_fn tick)
{
	struct enc_dec	 dec;
	unsigned char	*buf = NULL;
	const char	*out;
	size_t		 outlen, skip;
	ssize_t		 got;
	bool		 first = true, guessed = false, fin, dec_ok = false;
	enum import_encoding enc = r->enc;
	int		 rc = -1;

	if (enc == IMPORT_ENC_AUTO) {
		struct enc_guess	g;

		if (enc_guess_fd(r->fd, &g) != 0) {
			csvr_fail(r, 0, "%s", strerror(errno));
			goto out;
		}
		if (g.utf16) {
			csvr_fail(r, 1, _("UTF-16 (Excel 'Unicode テキスト') "
			    "is not supported; save as CSV UTF-8"));
			goto out;
		}
		if (g.damaged_utf8) {
			csvr_fail(r, g.bad_line,
			    _("invalid UTF-8 at byte offset %llu (the rest of "
			    "the file is UTF-8): fix that byte, or give "
			    "--encoding cp932 if the file is Shift_JIS"),
			    (unsigned long long)g.bad_off);
			goto out;
		}
		enc = g.enc;
		guessed = enc == IMPORT_ENC_CP932;
	}
	r->info.enc = enc;
	buf = xmalloc(IMPORT_CHUNK);
	for (;;) {
		got = read(r->fd, buf, IMPORT_CHUNK);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			csvr_fail(r, 0, "%s", strerror(errno));
			goto out;
		}
		fin = got == 0;
		skip = 0;
		if (first) {
			first = false;
			switch (enc_sniff(buf, (size_t)got)) {
			case ENC_SNIFF_UTF16:
				csvr_fail(r, 1, _("UTF-16 (Excel 'Unicode "
				    "テキスト') is not supported; save as CSV "
				    "UTF-8"));
				goto out;
			case ENC_SNIFF_BOM8:
				if (enc == IMPORT_ENC_CP932) {
					csvr_fail(r, 1, _("the file starts "
					    "with a UTF-8 byte order mark but "
					    "--encoding cp932 was given"));
					goto out;
				}
				r->info.bom = true;
				skip = 3;
				break;
			case ENC_SNIFF_PLAIN:
				break;
			}
			if (enc_dec_init(&dec, enc, skip) != 0) {
				csvr_fail(r, 0,
				    _("iconv cannot convert from CP932"));
				goto out;
			}
			dec_ok = true;
		}
		if (enc_dec_feed(&dec, buf + skip, (size_t)got - skip, fin,
		    &out, &outlen) != 0) {
			csvr_bad_byte(r, &dec, guessed);
			goto out;
		}
		r->info.done += (uint64_t)got;
		if ((rc = csvr_feed(r, out, outlen)) != 0)
			goto out;
		r->info.lines = r->line - (r->at_boundary && !r->pending_cr ?
		    1 : 0);
		if (tick != NULL)
			tick(r->arg, &r->info);
		rc = -1;
		if (fin)
			break;
	}
	if (csv_fini(&r->p, csvr_cell, csvr_end_row, r) != 0) {
		if (csv_error(&r->p) == CSV_EPARSE)
			csvr_fail(r, r->row_line, _("a quoted cell in the row "
			    "starting here is never closed"));
		else
			csvr_fail(r, r->row_line, "%s",
			    csv_strerror(csv_error(&r->p)));
		goto out;
	}
	if (r->too_big) {
		csvr_too_big(r);
		goto out;
	}
	rc = r->stop;
	r->info.lines = r->line > 1 ? r->line - 1 : 0;
out:
	if (dec_ok)
		enc_dec_free(&dec);
	free(buf);
	return (rc);
}

static void *
csvr_thread(void *arg)
{
	struct csvr	*r = arg;
	int		 rc;

	rc = csvr_produce(r, NULL);
	csvr_push(r);		/* the rows before any problem too */
	pthread_mutex_lock(&r->mu);
	r->rc = rc;
	r->eof = true;
	pthread_cond_broadcast(&r->cv);
	pthread_mutex_unlock(&r->mu);
	return (NULL);
}

/* Give the rows of batch B to FN until it stops them; its last answer. */
static int
csvr_batch_rows(struct csvr_batch *b, csvr_row_fn fn, void *arg,
    char ***cellp, size_t **lenp, size_t *ptrcap)
{
	struct csvr_row	 row;
	char		*p = b->p, *end = b->p + b->len;
	uint64_t	 line;
	uint32_t	 n, len;
	size_t		 i;
	int		 rc = 0;

	while (p < end && rc == 0) {
		memcpy(&line, p, 8);
		memcpy(&n, p + 8, 4);
		p += 12;
		if (n > *ptrcap) {
			*ptrcap = n;
			*cellp = xreallocarray(*cellp, n, sizeof **cellp);
			*lenp = xreallocarray(*lenp, n, sizeof **lenp);
		}
		for (i = 0; i < n; i++, p += 4) {
			memcpy(&len, p, 4);
			(*lenp)[i] = len;
		}
		for (i = 0; i < n; i++) {
			(*cellp)[i] = p;
			p += (*lenp)[i] + 1;
		}
		row.cell = *cellp;
		row.len = *lenp;
		row.n = n;
		row.line = line;
		rc = fn(arg, &row);
	}
	return (rc);
}

/* The converting side: the batches as the reading thread fills them. */
static int
csvr_consume(struct csvr *r, csvr_tick_fn tick)
{
	struct csvr_batch	 b;
	char			**cellp = NULL;
	size_t			*lenp = NULL, ptrcap = 0;
	int			 rc = 0;

	for (;;) {
		pthread_mutex_lock(&r->mu);
		while (r->head == r->tail && !r->eof)
			pthread_cond_wait(&r->cv, &r->mu);
		if (r->head == r->tail) {
			pthread_mutex_unlock(&r->mu);
			break;
		}
		b = r->queue[r->head % CSVR_QUEUE];
		r->head++;
		pthread_cond_broadcast(&r->cv);
		pthread_mutex_unlock(&r->mu);
		if (rc == 0) {
			rc = csvr_batch_rows(&b, r->fn, r->arg, &cellp, &lenp,
			    &ptrcap);
			if (tick != NULL)
				tick(r->arg, &b.info);
		}
		free(b.p);
		if (rc != 0) {
			/* no more rows wanted: let the reader stop */
			pthread_mutex_lock(&r->mu);
			r->quit = true;
			pthread_cond_broadcast(&r->cv);
			pthread_mutex_unlock(&r->mu);
		}
	}
	free(cellp);
	free(lenp);
	return (rc);
}

int
csvr_read(int fd, uint32_t file, enum import_encoding enc, csvr_row_fn fn,
    csvr_tick_fn tick, void *arg, struct csvr_info *info, struct diag *d)
{
	struct csvr	 r;
	struct stat	 sb;
	size_t		 i;
	int		 rc;

	memset(&r, 0, sizeof r);
	memset(info, 0, sizeof *info);
	r.file = file;
	r.line = 1;
	r.at_boundary = true;
	r.first_row = true;
	r.fn = fn;
	r.arg = arg;
	r.fd = fd;
	r.enc = enc;
	if (csv_init(&r.p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL |
	    CSV_EMPTY_IS_NULL) != 0) {
		diag_error(d, file, 0, 0, NULL, "%s", strerror(ENOMEM));
		return (-1);
	}
	/* libcsv grows a cell's buffer by this much at a time (default
	 * 128 bytes: a 10 MB cell took 80,000 reallocs) */
	csv_set_blk_size(&r.p, CSVR_BLK_SIZE);
	if (fstat(fd, &sb) == 0)
		r.info.size = (uint64_t)sb.st_size;
	pthread_mutex_init(&r.mu, NULL);
	pthread_cond_init(&r.cv, NULL);
	r.threaded = true;
	if (thread_start(&r.th, csvr_thread, &r) == 0) {
		rc = csvr_consume(&r, tick);
		pthread_join(r.th, NULL);
		for (i = r.head; i < r.tail; i++)
			free(r.queue[i % CSVR_QUEUE].p);
		free(r.fill.p);
		/* stopped by ROW: what the reader found beyond is moot */
		if (rc != 0)
			r.failed = false;
		else
			rc = r.rc;
	} else {
		r.threaded = false;
		rc = csvr_produce(&r, tick);
	}
	/* a problem of the file, after the rows before it */
	if (r.failed)
		diag_error(d, file, r.err_line, r.err_col, NULL, "%s", r.err);
	*info = r.info;
	pthread_mutex_destroy(&r.mu);
	pthread_cond_destroy(&r.cv);
	csv_free(&r.p);
	free(r.buf);
	free(r.off);
	free(r.cellp);
	free(r.lenp);
	return (rc);
}
