/* list.c -- the door's paper list of an event (受付名簿): every participant
 * in 五十音順 of the reading with a check box, the event and the page
 * number on every page. */

#include <stdio.h>
#include <stdlib.h>

#include "print/print-int.h"
#include "store/i18n.h"
#include "store/xmalloc.h"

#define LIST_TOP	34.0	/* mm: the first row */
#define LIST_BOTTOM	280.0	/* mm: no row below */
#define LIST_ROW	8.0	/* mm per member */
#define LIST_SIZE	10.0	/* points */

/* The columns after the check box: the field, x and width in mm. */
static const struct list_col {
	enum pm_field	 field;
	const char	*label;
	double		 x, w;
} list_cols[] = {
	{ PM_ID, N_("ID"), 24, 24 },
	{ PM_NAME, N_("Name"), 50, 50 },
	{ PM_KANA, N_("Reading"), 102, 46 },
	{ PM_ORG, N_("Organisation"), 150, 45 },
};
#define LIST_NCOLS	(sizeof(list_cols) / sizeof(list_cols[0]))

static size_t
list_per_page(void)
{
	return ((size_t)((LIST_BOTTOM - LIST_TOP) / LIST_ROW));
}

static int
list_check(const struct print_job *job, struct pdf *p,
    const struct pm *const *m, size_t n, struct print_error *e)
{
	(void)p;
	(void)m;
	(void)n;
	if (job->layout != NULL) {
		snprintf(e->msg, sizeof(e->msg),
		    _("the door list has no layout \"%s\""), job->layout);
		return (PRINT_USAGE);
	}
	return (PRINT_OK);
}

static void
list_page(const struct print_job *job, double *w, double *h)
{
	(void)job;
	*w = A4_W;
	*h = A4_H;
}

static void
list_head(const struct print_job *job, struct pdf *p, size_t page,
    size_t pages, size_t n)
{
	char	*s;
	size_t	 c;

	pdf_text(p, job->title, 13, 15, 12, 130, PDF_LEFT);
	s = xasprintf(_("%zu participants"), n);
	pdf_text(p, s, 10, 150, 14, 45, PDF_RIGHT);
	free(s);
	for (c = 0; c < LIST_NCOLS; c++)
		pdf_text(p, _(list_cols[c].label), 9, list_cols[c].x,
		    LIST_TOP - 7, list_cols[c].w, PDF_LEFT);
	s = xasprintf("%zu / %zu", page, pages);
	pdf_text(p, s, 9, 15, 286, A4_W - 30, PDF_CENTER);
	free(s);
}

static void
list_draw(const struct print_job *job, struct pdf *p,
    const struct pm *const *m, size_t n)
{
	size_t	 i, c, row, per = list_per_page();
	size_t	 pages = (n + per - 1) / per;
	double	 y, size;

	for (i = 0; i < n; i++) {
		row = i % per;
		if (row == 0)
			list_head(job, p, i / per + 1, pages, n);
		y = LIST_TOP + row * LIST_ROW;
		pdf_rect(p, 16, y + 1.5, 4.5, 4.5, 0.3);
		for (c = 0; c < LIST_NCOLS; c++) {
			const char *v = m[i]->f[list_cols[c].field];

			size = pdf_fit(p, v, LIST_SIZE, list_cols[c].w);
			pdf_text(p, v, size, list_cols[c].x, y + 1.5,
			    list_cols[c].w, PDF_LEFT);
		}
		if (row == per - 1 || i + 1 == n)
			pdf_page_done(p);
	}
}

const struct print_kind_def print_list_def = {
	.kind = PRINT_LIST,
	.fields = 1u << PM_ID | 1u << PM_NAME | 1u << PM_KANA | 1u << PM_ORG,
	.check = list_check,
	.page = list_page,
	.draw = list_draw,
};
