/*
 * print-int.h -- private to print/: the PDF being made (cairo surface and
 * one pango context whose measures are those of the page, in millimetres),
 * the members of a job copied out of the source, and one row per kind of
 * output.
 */
#ifndef SANKA_PRINT_INT_H
#define SANKA_PRINT_INT_H

#include <stdio.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "print/print.h"

#define PRINT_FONT_PRIMARY	"IPAexGothic"
#define PRINT_FONT_FALLBACK	"Noto Sans CJK JP"
#define A4_W	210.0	/* mm */
#define A4_H	297.0
#define QR_QUIET	4	/* modules of white around a QR code */

/* The fields a layout draws, copied from the source per member. */
enum pm_field {
	PM_ID, PM_NAME, PM_KANA, PM_POSTAL, PM_ADDRESS, PM_ORG, PM_NFIELDS
};

struct pm {
	char		*f[PM_NFIELDS];
	char		*letter;	/* PRINT_LETTERS: the filled template */
	char		*sortkey;	/* folded reading or postal digits */
};

/* The PDF of a job.  Units are millimetres on the page; font sizes are
 * points. */
struct pdf {
	PangoContext	*pango;
	PangoLayout	*layout;	/* reused for every piece of text */
	PangoFontDescription *font;
	cairo_surface_t	*surface;	/* NULL while only measuring */
	cairo_t		*cr;
	FILE		*fp;
	char		*tmp;		/* the file being written */
	size_t		 pages;
	double		 page_w, page_h;
};

enum pdf_align { PDF_LEFT, PDF_CENTER, PDF_RIGHT };

/* pdf.c */
void	 pdf_init(struct pdf *);
int	 pdf_open(struct pdf *, const char *path, double w, double h,
	    struct print_error *);
int	 pdf_finish(struct pdf *, const char *path, struct print_error *);
void	 pdf_free(struct pdf *);
void	 pdf_page_done(struct pdf *);
/* Lay TEXT out at SIZE points, wrapped to WIDTH mm (<= 0: one line);
 * *w and *h receive its extent in mm (either may be NULL). */
void	 pdf_layout(struct pdf *, const char *text, double size, double width,
	    enum pdf_align, double *w, double *h);
/* The largest size up to SIZE points at which TEXT fits on one line of
 * WIDTH mm (names are shrunk, never cut). */
double	 pdf_fit(struct pdf *, const char *text, double size, double width);
/* Draw the text last laid out with its top left at X, Y. */
void	 pdf_show(struct pdf *, double x, double y);
/* Lay out and draw; returns the height drawn. */
double	 pdf_text(struct pdf *, const char *text, double size, double x,
	    double y, double width, enum pdf_align);
/* A QR code of TEXT, SIZE mm square with its quiet zone, top left X, Y. */
void	 pdf_qr(struct pdf *, const char *text, double x, double y,
	    double size);
void	 pdf_rect(struct pdf *, double x, double y, double w, double h,
	    double line);

/* One kind of output: its page, the fields it draws, an optional check of
 * the job before anything is made (the layout, every letter's length) and
 * the drawing of all members in ORDER.  CHECK may return PRINT_USAGE or
 * PRINT_DATA; DRAW cannot fail (cairo keeps its errors for the finish). */
struct print_kind_def {
	enum print_kind	 kind;
	unsigned	 fields;	/* 1u << enum pm_field */
	int	(*check)(const struct print_job *, struct pdf *,
		    const struct pm *const *order, size_t n,
		    struct print_error *);
	void	(*page)(const struct print_job *, double *w, double *h);
	void	(*draw)(const struct print_job *, struct pdf *,
		    const struct pm *const *order, size_t n);
};

/* labels.c, letters.c, badges.c, list.c */
extern const struct print_kind_def print_labels_def;
extern const struct print_kind_def print_letters_def;
extern const struct print_kind_def print_badges_def;
extern const struct print_kind_def print_list_def;

#endif
