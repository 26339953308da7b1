/* letters.c -- one A4 page per member from a template (案内状, 送付状), the
 * member's QR code at the foot so the door can scan the letter. */

#include <stdio.h>

#include "print/print-int.h"
#include "store/i18n.h"

#define LETTER_MARGIN	25.0	/* mm: left, right and top */
#define LETTER_SIZE	10.5	/* points */
#define LETTER_QR	22.0	/* mm, with its quiet zone */
#define LETTER_FOOT	(LETTER_QR + 12.0)	/* mm kept for the QR */

static double
letter_width(void)
{
	return (A4_W - 2 * LETTER_MARGIN);
}

static int
letter_check(const struct print_job *job, struct pdf *p,
    const struct pm *const *m, size_t n, struct print_error *e)
{
	double	 h;
	size_t	 i;

	(void)job;
	for (i = 0; i < n; i++) {
		pdf_layout(p, m[i]->letter, LETTER_SIZE, letter_width(),
		    PDF_LEFT, NULL, &h);
		if (h > A4_H - LETTER_MARGIN - LETTER_FOOT) {
			snprintf(e->msg, sizeof(e->msg),
			    _("member %s: the letter is longer than one page"),
			    m[i]->f[PM_ID]);
			return (PRINT_DATA);
		}
	}
	return (PRINT_OK);
}

static void
letter_page(const struct print_job *job, double *w, double *h)
{
	(void)job;
	*w = A4_W;
	*h = A4_H;
}

static void
letter_draw(const struct print_job *job, struct pdf *p,
    const struct pm *const *m, size_t n)
{
	double	 qx = A4_W - LETTER_MARGIN - LETTER_QR + 2.0;
	double	 qy = A4_H - LETTER_FOOT + 4.0;
	size_t	 i;

	(void)job;
	for (i = 0; i < n; i++) {
		pdf_text(p, m[i]->letter, LETTER_SIZE, LETTER_MARGIN,
		    LETTER_MARGIN, letter_width(), PDF_LEFT);
		pdf_qr(p, m[i]->f[PM_ID], qx, qy, LETTER_QR);
		pdf_text(p, m[i]->f[PM_ID], 7, qx, qy + LETTER_QR,
		    LETTER_QR, PDF_CENTER);
		pdf_page_done(p);
	}
}

const struct print_kind_def print_letters_def = {
	.kind = PRINT_LETTERS,
	.fields = 1u << PM_ID,
	.check = letter_check,
	.page = letter_page,
	.draw = letter_draw,
};
