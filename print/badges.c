/* badges.c -- name badges (名札): A6, one per page or four to an A4 sheet;
 * the name large and shrunk to fit, never cut; reading, organisation and
 * the QR code the door scans. */

#include <stdio.h>
#include <string.h>

#include "print/print-int.h"
#include "store/i18n.h"

#define BADGE_W		105.0	/* mm: A6 */
#define BADGE_H		148.0
#define BADGE_PAD	8.0
#define BADGE_NAME	40.0	/* points, before shrinking */
#define BADGE_QR	34.0	/* mm with its quiet zone */

static bool
badge_sheet(const struct print_job *job)
{
	return (job->layout != NULL && strcmp(job->layout, "a4-4") == 0);
}

static int
badge_check(const struct print_job *job, struct pdf *p,
    const struct pm *const *m, size_t n, struct print_error *e)
{
	(void)p;
	(void)m;
	(void)n;
	if (job->layout != NULL && strcmp(job->layout, "a6") != 0 &&
	    strcmp(job->layout, "a4-4") != 0) {
		snprintf(e->msg, sizeof(e->msg),
		    _("badge layout \"%s\": use a6 or a4-4"), job->layout);
		return (PRINT_USAGE);
	}
	return (PRINT_OK);
}

static void
badge_page(const struct print_job *job, double *w, double *h)
{
	*w = badge_sheet(job) ? A4_W : BADGE_W;
	*h = badge_sheet(job) ? A4_H : BADGE_H;
}

static void
badge_draw_one(struct pdf *p, const struct pm *m, double x, double y,
    double h)
{
	double	 width = BADGE_W - 2 * BADGE_PAD, size, nh;

	pdf_text(p, m->f[PM_ORG], 12, x + BADGE_PAD, y + 16, width,
	    PDF_CENTER);
	size = pdf_fit(p, m->f[PM_NAME], BADGE_NAME, width);
	pdf_layout(p, m->f[PM_NAME], size, 0, PDF_LEFT, NULL, &nh);
	pdf_text(p, m->f[PM_NAME], size, x + BADGE_PAD, y + 50 - nh / 2,
	    width, PDF_CENTER);
	pdf_text(p, m->f[PM_KANA], 12, x + BADGE_PAD, y + 50 + nh / 2 + 2,
	    width, PDF_CENTER);
	pdf_qr(p, m->f[PM_ID], x + (BADGE_W - BADGE_QR) / 2,
	    y + h - BADGE_PAD - BADGE_QR - 6, BADGE_QR);
	pdf_text(p, m->f[PM_ID], 8, x + BADGE_PAD, y + h - BADGE_PAD - 5,
	    width, PDF_CENTER);
}

static void
badge_draw(const struct print_job *job, struct pdf *p,
    const struct pm *const *m, size_t n)
{
	size_t	 i, per = badge_sheet(job) ? 4 : 1;
	double	 h = badge_sheet(job) ? A4_H / 2 : BADGE_H;

	for (i = 0; i < n; i++) {
		badge_draw_one(p, m[i], (i % per % 2) * BADGE_W,
		    (i % per / 2) * h, h);
		if (i % per == per - 1 || i + 1 == n)
			pdf_page_done(p);
	}
}

const struct print_kind_def print_badges_def = {
	.kind = PRINT_BADGES,
	.fields = 1u << PM_ID | 1u << PM_NAME | 1u << PM_KANA | 1u << PM_ORG,
	.check = badge_check,
	.page = badge_page,
	.draw = badge_draw,
};
