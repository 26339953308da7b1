/* labels.c -- address labels (宛名ラベル) on A4 sheets: 〒, the address
 * wrapped to the label, the organisation, the name with 様 (御中 when the
 * name is the organisation's). */

#include <stdlib.h>
#include <string.h>

#include "print/print-int.h"
#include "store/i18n.h"
#include "store/xmalloc.h"

#define LABEL_PAD_X	5.0	/* mm inside the label's left and right */
#define LABEL_PAD_Y	3.5	/* mm inside its top and bottom */
#define LABEL_LINE_GAP	0.8	/* mm between the blocks of a label */

/* The named sheets (A-ONE and the like). */
static const struct label_preset {
	const char	*name;
	struct print_grid grid;
} label_presets[] = {
	{ "a4-12", { 2, 6, 86.4, 42.3, 21.5, 18.6 } },
	{ "a4-24", { 3, 8, 66.0, 33.9, 12.9, 4.5 } },
};

int
print_grid_parse(const char *layout, struct print_grid *g,
    struct print_error *e)
{
	size_t	 i;
	int	 n = 0;

	if (layout == NULL)
		layout = label_presets[0].name;
	for (i = 0; i < sizeof(label_presets) / sizeof(label_presets[0]); i++)
		if (strcmp(layout, label_presets[i].name) == 0) {
			*g = label_presets[i].grid;
			return (PRINT_OK);
		}
	if (sscanf(layout, "grid:%dx%d:%lfx%lfmm:%lfx%lfmm%n", &g->cols,
	    &g->rows, &g->w, &g->h, &g->top, &g->left, &n) != 6 ||
	    layout[n] != '\0' || g->cols < 1 || g->rows < 1 || g->w <= 0 ||
	    g->h <= 0 || g->top < 0 || g->left < 0 || g->cols > 20 ||
	    g->rows > 40) {
		snprintf(e->msg, sizeof(e->msg), _("layout \"%s\": use a4-12, "
		    "a4-24 or grid:COLSxROWS:WxHmm:TOPxLEFTmm"), layout);
		return (PRINT_USAGE);
	}
	if (g->left + g->cols * g->w > A4_W - g->left + 0.01 ||
	    g->top + g->rows * g->h > A4_H - g->top + 0.01) {
		snprintf(e->msg, sizeof(e->msg),
		    _("layout \"%s\" does not fit on an A4 page"), layout);
		return (PRINT_USAGE);
	}
	return (PRINT_OK);
}

/* The top left corner of cell POS of the sheet. */
static void
label_origin(const struct print_grid *g, int pos, double *x, double *y)
{
	double	 gap_x = 0, gap_y = 0;

	if (g->cols > 1)
		gap_x = (A4_W - 2 * g->left - g->cols * g->w) / (g->cols - 1);
	if (g->rows > 1)
		gap_y = (A4_H - 2 * g->top - g->rows * g->h) / (g->rows - 1);
	*x = g->left + (pos % g->cols) * (g->w + gap_x);
	*y = g->top + (pos / g->cols) * (g->h + gap_y);
}

static int
label_check(const struct print_job *job, struct pdf *p,
    const struct pm *const *m, size_t n, struct print_error *e)
{
	struct print_grid g;
	int		 rc;

	(void)p;
	(void)m;
	(void)n;
	if ((rc = print_grid_parse(job->layout, &g, e)) != PRINT_OK)
		return (rc);
	if (job->start < 0 || job->start > g.cols * g.rows) {
		snprintf(e->msg, sizeof(e->msg),
		    _("--start %d: the sheet has labels 1 to %d"), job->start,
		    g.cols * g.rows);
		return (PRINT_USAGE);
	}
	return (PRINT_OK);
}

static void
label_page(const struct print_job *job, double *w, double *h)
{
	(void)job;
	*w = A4_W;
	*h = A4_H;
}

/* The blocks of one label, top to bottom, and their sizes in points. */
struct label_text {
	const char	*text[4];
	double		 size[4];
	enum pdf_align	 align[4];
	int		 n;
};

static double
label_height(struct pdf *p, const struct label_text *t, double width,
    double scale)
{
	double	 h, sum = 0;
	int	 k;

	for (k = 0; k < t->n; k++) {
		pdf_layout(p, t->text[k], t->size[k] * scale, width,
		    t->align[k], NULL, &h);
		sum += h + (k > 0 ? LABEL_LINE_GAP : 0);
	}
	return (sum);
}

static void
label_draw_one(struct pdf *p, const struct print_grid *g, const struct pm *m,
    double x, double y)
{
	struct label_text t = { .n = 0 };
	char		*postal, *name;
	const char	*digits = m->f[PM_POSTAL];
	double		 width = g->w - 2 * LABEL_PAD_X, scale = 1.0;
	bool		 onchu = m->f[PM_ORG][0] != '\0' &&
			    strcmp(m->f[PM_NAME], m->f[PM_ORG]) == 0;
	int		 k;

	if (strlen(digits) == 7 && strspn(digits, "0123456789") == 7)
		postal = xasprintf("〒%.3s-%s", digits, digits + 3);
	else
		postal = xasprintf("〒%s", digits);
	name = xasprintf("%s %s", m->f[PM_NAME], onchu ? "御中" : "様");
	t.text[t.n] = postal, t.size[t.n] = 9, t.align[t.n++] = PDF_LEFT;
	t.text[t.n] = m->f[PM_ADDRESS], t.size[t.n] = 10,
	    t.align[t.n++] = PDF_LEFT;
	if (!onchu && m->f[PM_ORG][0] != '\0')
		t.text[t.n] = m->f[PM_ORG], t.size[t.n] = 9,
		    t.align[t.n++] = PDF_LEFT;
	t.text[t.n] = name, t.size[t.n] = 13, t.align[t.n++] = PDF_CENTER;
	/* A long address shrinks the whole label rather than leave it; what
	 * would still not fit at a third of the size stays inside the label,
	 * never on its neighbour. */
	while (scale > 0.3 && label_height(p, &t, width, scale) >
	    g->h - 2 * LABEL_PAD_Y)
		scale *= 0.9;
	cairo_save(p->cr);
	cairo_rectangle(p->cr, x, y, g->w, g->h);
	cairo_clip(p->cr);
	y += LABEL_PAD_Y;
	for (k = 0; k < t.n; k++)
		y += pdf_text(p, t.text[k], t.size[k] * scale,
		    x + LABEL_PAD_X, y, width, t.align[k]) + LABEL_LINE_GAP;
	cairo_restore(p->cr);
	free(postal);
	free(name);
}

static void
label_draw(const struct print_job *job, struct pdf *p,
    const struct pm *const *m, size_t n)
{
	struct print_grid g;
	struct print_error e;
	double		 x, y;
	int		 cells, pos;
	size_t		 i;

	print_grid_parse(job->layout, &g, &e);	/* checked before */
	cells = g.cols * g.rows;
	pos = job->start > 0 ? job->start - 1 : 0;
	for (i = 0; i < n; i++, pos++) {
		if (pos == cells) {
			pdf_page_done(p);
			pos = 0;
		}
		label_origin(&g, pos, &x, &y);
		label_draw_one(p, &g, m[i], x, y);
	}
	pdf_page_done(p);
}

const struct print_kind_def print_labels_def = {
	.kind = PRINT_LABELS,
	.fields = 1u << PM_NAME | 1u << PM_POSTAL | 1u << PM_ADDRESS |
	    1u << PM_ORG,
	.check = label_check,
	.page = label_page,
	.draw = label_draw,
};
