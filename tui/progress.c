/* progress.c -- a progress bar on stderr while a large import runs, drawn
 * from the import's progress callback, or while a mailing goes out. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/xmalloc.h"
#include "tui/progress.h"

#define PROGRESS_WIDTH	24	/* cells of the bar */
#define PROGRESS_LABEL	24	/* bytes of the label shown */

struct progress {
	char		 label[PROGRESS_LABEL + 1];
	const char	*unit;		/* what is counted: "rows" */
	double		 start;		/* of the current label */
	double		 last;		/* last redraw */
	bool		 drawn;
};

static double
progress_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

/* A new stage: LABEL (a path: its last part), timed from now. */
static void
progress_label(struct progress *p, const char *label)
{
	const char	*base;
	size_t		 n;

	base = strrchr(label, '/');
	base = base != NULL && base[1] != '\0' ? base + 1 : label;
	n = strlen(base);
	if (n > PROGRESS_LABEL) {
		/* Cut at a character boundary. */
		n = PROGRESS_LABEL;
		while (n > 0 && ((unsigned char)base[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(p->label, base, n);
	p->label[n] = '\0';
	/* The first draw comes 0.3 s in: a small file shows no bar. */
	p->start = progress_now();
	p->last = p->start + 0.2;
}

/* 1234567 -> "1,234,567". */
static void
progress_num(char *out, size_t size, uint64_t v)
{
	char	tmp[32];
	size_t	n, i, o = 0;

	n = (size_t)snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
	for (i = 0; i < n && o + 2 < size; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = tmp[i];
	}
	out[o] = '\0';
}

/* DONE of TOTAL, ROWS rows so far; redrawn at most every 100 ms. */
static void
progress_update(struct progress *p, uint64_t done, uint64_t total,
    uint64_t rows)
{
	char	bar[PROGRESS_WIDTH + 1], nrows[32], rate[32], eta[32];
	double	now, el, frac;
	size_t	i, fill;

	now = progress_now();
	if (now - p->last < 0.1)
		return;
	p->last = now;
	el = now - p->start;
	frac = total > 0 ? (double)done / (double)total : 0;
	if (frac > 1)
		frac = 1;
	fill = (size_t)(frac * PROGRESS_WIDTH);
	for (i = 0; i < PROGRESS_WIDTH; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[PROGRESS_WIDTH] = '\0';
	progress_num(nrows, sizeof nrows, rows);
	progress_num(rate, sizeof rate, el > 0 ? (uint64_t)(rows / el) : 0);
	if (frac > 0.01 && el > 0.5) {
		double	left = el / frac - el;

		snprintf(eta, sizeof eta, "%d:%02d", (int)left / 60,
		    (int)left % 60);
	} else
		snprintf(eta, sizeof eta, "-:--");
	fprintf(stderr, "\r%s [%s] %3d%%  %s %s  %s %s/s  ETA %s\033[K",
	    p->label, bar, (int)(frac * 100), nrows, p->unit, rate, p->unit,
	    eta);
	fflush(stderr);
	p->drawn = true;
}

/* Clear the bar's line. */
static void
progress_clear(struct progress *p)
{
	if (p->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	p->drawn = false;
}

static void
progress_import(const struct import_progress *ip, void *arg)
{
	struct progress	*p = arg;

	switch (ip->step) {
	case IMPORT_STEP_STAGE:
		progress_label(p, ip->label);
		break;
	case IMPORT_STEP_ADVANCE:
		progress_update(p, ip->done, ip->total, ip->rows);
		break;
	case IMPORT_STEP_END:
		progress_clear(p);
		break;
	}
}

struct progress *
progress_attach(struct import_opts *o)
{
	struct progress	*p;

	if (!isatty(STDERR_FILENO))
		return (NULL);
	p = xcalloc(1, sizeof *p);
	p->unit = "rows";
	progress_label(p, "");
	o->progress = progress_import;
	o->progress_arg = p;
	return (p);
}

struct progress *
progress_new(const char *label, const char *unit)
{
	struct progress	*p;

	if (!isatty(STDERR_FILENO))
		return (NULL);
	p = xcalloc(1, sizeof *p);
	p->unit = unit;
	progress_label(p, label);
	return (p);
}

void
progress_step(struct progress *p, uint64_t done, uint64_t total)
{
	if (p != NULL)
		progress_update(p, done, total, done);
}

void
progress_free(struct progress *p)
{
	if (p == NULL)
		return;
	progress_clear(p);
	free(p);
}
