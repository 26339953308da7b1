/* pdf.c -- a print job from start to end: copy the members out of the
 * source, check every glyph and the kind's own rules, then draw into a
 * temporary PDF renamed over the target; and the drawing helpers. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <qrencode.h>

#include "print/print-int.h"
#include "store/i18n.h"
#include "store/store.h"
#include "store/xmalloc.h"

#define PANGO_MM(v)	((double)(v) / PANGO_SCALE)

/* The source keys of enum pm_field, and how messages name them. */
static const char *const pm_keys[PM_NFIELDS] = {
	"id", "name", "kana", "postal_code", "address", "organization",
};

static const struct print_kind_def *const print_kinds[] = {
	&print_labels_def, &print_letters_def, &print_badges_def,
	&print_list_def,
};

void
pdf_init(struct pdf *p)
{
	cairo_font_options_t *opts;

	memset(p, 0, sizeof(*p));
	p->pango = pango_font_map_create_context(
	    pango_cairo_font_map_get_default());
	/* 25.4 dots per inch: one pango unit of a point is a millimetre. */
	pango_cairo_context_set_resolution(p->pango, 25.4);
	opts = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p->pango, opts);
	cairo_font_options_destroy(opts);
	/* Rounded to whole units, glyphs would sit on whole millimetres. */
	pango_context_set_round_glyph_positions(p->pango, FALSE);
	p->layout = pango_layout_new(p->pango);
	p->font = pango_font_description_from_string(
	    PRINT_FONT_PRIMARY "," PRINT_FONT_FALLBACK " 10");
}

static cairo_status_t
pdf_write(void *closure, const unsigned char *data, unsigned int len)
{
	return (fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR);
}

int
pdf_open(struct pdf *p, const char *path, double w, double h,
    struct print_error *e)
{
	int	 fd;

	p->tmp = xasprintf("%s.XXXXXX", path);
	if ((fd = mkstemp(p->tmp)) < 0 || fchmod(fd, 0640) != 0 ||
	    (p->fp = fdopen(fd, "wb")) == NULL) {
		snprintf(e->msg, sizeof(e->msg), _("%s: %s"), path,
		    strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(p->tmp);
		}
		free(p->tmp);
		p->tmp = NULL;
		return (PRINT_IO);
	}
	p->page_w = w;
	p->page_h = h;
	p->surface = cairo_pdf_surface_create_for_stream(pdf_write, p->fp,
	    w * 72 / 25.4, h * 72 / 25.4);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR,
	    "sanka");
	p->cr = cairo_create(p->surface);
	cairo_scale(p->cr, 72 / 25.4, 72 / 25.4);
	return (PRINT_OK);
}

void
pdf_page_done(struct pdf *p)
{
	cairo_show_page(p->cr);
	p->pages++;
}

/* Finish the file and rename it over PATH. */
int
pdf_finish(struct pdf *p, const char *path, struct print_error *e)
{
	cairo_status_t	 cs;
	int		 rc = PRINT_OK;

	cairo_destroy(p->cr);
	p->cr = NULL;
	cairo_surface_finish(p->surface);
	cs = cairo_surface_status(p->surface);
	cairo_surface_destroy(p->surface);
	p->surface = NULL;
	if (cs != CAIRO_STATUS_SUCCESS || fflush(p->fp) != 0 ||
	    fsync(fileno(p->fp)) != 0) {
		snprintf(e->msg, sizeof(e->msg), _("%s: %s"), path,
		    cs != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(cs) :
		    strerror(errno));
		rc = PRINT_IO;
	}
	if (fclose(p->fp) != 0 && rc == PRINT_OK) {
		snprintf(e->msg, sizeof(e->msg), _("%s: %s"), path,
		    strerror(errno));
		rc = PRINT_IO;
	}
	p->fp = NULL;
	if (rc == PRINT_OK && rename(p->tmp, path) != 0) {
		snprintf(e->msg, sizeof(e->msg), _("%s: %s"), path,
		    strerror(errno));
		rc = PRINT_IO;
	}
	if (rc != PRINT_OK)
		unlink(p->tmp);
	free(p->tmp);
	p->tmp = NULL;
	return (rc);
}

void
pdf_free(struct pdf *p)
{
	if (p->cr != NULL)
		cairo_destroy(p->cr);
	if (p->surface != NULL) {
		cairo_surface_finish(p->surface);
		cairo_surface_destroy(p->surface);
	}
	if (p->fp != NULL)
		fclose(p->fp);
	if (p->tmp != NULL) {
		unlink(p->tmp);
		free(p->tmp);
	}
	pango_font_description_free(p->font);
	g_object_unref(p->layout);
	g_object_unref(p->pango);
}

void
pdf_layout(struct pdf *p, const char *text, double size, double width,
    enum pdf_align align, double *w, double *h)
{
	static const PangoAlignment aligns[] = {
		PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT,
	};
	PangoRectangle	 r;

	pango_font_description_set_size(p->font, size * PANGO_SCALE);
	pango_layout_set_font_description(p->layout, p->font);
	pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_width(p->layout, width > 0 ?
	    (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_alignment(p->layout, aligns[align]);
	pango_layout_set_text(p->layout, text == NULL ? "" : text, -1);
	if (w != NULL || h != NULL) {
		pango_layout_get_extents(p->layout, NULL, &r);
		if (w != NULL)
			*w = PANGO_MM(r.width);
		if (h != NULL)
			*h = PANGO_MM(r.height);
	}
}

double
pdf_fit(struct pdf *p, const char *text, double size, double width)
{
	double	 w;

	for (;;) {
		pdf_layout(p, text, size, 0, PDF_LEFT, &w, NULL);
		if (w <= width || size < 0.5)
			return (size);
		/* Proportional, a little under, as widths are not linear. */
		size *= width / w * 0.99;
	}
}

void
pdf_show(struct pdf *p, double x, double y)
{
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->layout);
}

double
pdf_text(struct pdf *p, const char *text, double size, double x, double y,
    double width, enum pdf_align align)
{
	double	 h;

	pdf_layout(p, text, size, width, align, NULL, &h);
	pdf_show(p, x, y);
	return (h);
}

void
pdf_qr(struct pdf *p, const char *text, double x, double y, double size)
{
	QRcode	*qr;
	double	 m;
	int	 r, c;

	cairo_surface_t	*img;
	cairo_pattern_t	*pat;
	unsigned char	*px;
	int		 stride, n;

	qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (qr == NULL)
		return;
	/* One pixel per module, scaled without smoothing: a small image in
	 * the PDF rather than hundreds of rectangles (a tenth of the time
	 * of a letter). */
	n = qr->width + 2 * QR_QUIET;
	img = cairo_image_surface_create(CAIRO_FORMAT_A8, n, n);
	px = cairo_image_surface_get_data(img);
	stride = cairo_image_surface_get_stride(img);
	cairo_surface_flush(img);
	memset(px, 0, (size_t)stride * n);
	for (r = 0; r < qr->width; r++)
		for (c = 0; c < qr->width; c++)
			if (qr->data[r * qr->width + c] & 1)
				px[(r + QR_QUIET) * stride + c + QR_QUIET] = 0xff;
	cairo_surface_mark_dirty(img);
	m = size / n;
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	cairo_translate(p->cr, x, y);
	cairo_scale(p->cr, m, m);
	pat = cairo_pattern_create_for_surface(img);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
	cairo_mask(p->cr, pat);
	cairo_pattern_destroy(pat);
	cairo_restore(p->cr);
	cairo_surface_destroy(img);
	QRcode_free(qr);
}

void
pdf_rect(struct pdf *p, double x, double y, double w, double h, double line)
{
	cairo_save(p->cr);
	cairo_set_line_width(p->cr, line);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_stroke(p->cr);
	cairo_restore(p->cr);
}

/* The sort key of M: postal code digits or the folded reading. */
static char *
pm_sortkey(const struct pm *m, enum print_sort sort)
{
	const char	*s;
	char		*k;
	size_t		 n = 0;

	if (sort == PRINT_SORT_KANA)
		return ((k = store_fold(m->f[PM_KANA])) != NULL ? k :
		    xstrdup(""));
	k = xmalloc(strlen(m->f[PM_POSTAL]) + 1);
	for (s = m->f[PM_POSTAL]; *s != '\0'; s++)
		if (*s >= '0' && *s <= '9')
			k[n++] = *s;
	k[n] = '\0';
	return (k);
}

static int
pm_cmp(const void *a, const void *b)
{
	const struct pm	*x = *(const struct pm *const *)a;
	const struct pm	*y = *(const struct pm *const *)b;
	int		 c;

	if ((c = strcmp(x->sortkey, y->sortkey)) != 0)
		return (c);
	return (strcmp(x->f[PM_ID], y->f[PM_ID]));
}

/* Copy member I's fields out of SRC and check that every glyph exists. */
static int
pm_load(struct pm *m, const struct print_job *job,
    const struct print_kind_def *def, const struct print_source *src,
    size_t i, const struct print_fonts *fonts, struct print_error *e)
{
	const char	*v;
	int		 k, rc;

	for (k = 0; k < PM_NFIELDS; k++) {
		v = src->value(src->arg, i, pm_keys[k]);
		m->f[k] = xstrdup(v);
		if ((def->fields & (1u << k)) != 0 &&
		    (rc = print_glyphs_check(fonts, m->f[k], m->f[PM_ID],
		    pm_keys[k], e)) != PRINT_OK)
			return (rc);
	}
	if (job->kind == PRINT_LETTERS) {
		m->letter = print_template_expand(job->letter, src, i);
		if ((rc = print_glyphs_check(fonts, m->letter, m->f[PM_ID],
		    _("the letter"), e)) != PRINT_OK)
			return (rc);
	}
	return (PRINT_OK);
}

static void
pm_free(struct pm *m, size_t n)
{
	size_t	 i;
	int	 k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < PM_NFIELDS; k++)
			free(m[i].f[k]);
		free(m[i].letter);
		free(m[i].sortkey);
	}
	free(m);
}

/* Copy every member, check glyphs, and sort; *order receives the order. */
static int
print_collect(const struct print_job *job, const struct print_kind_def *def,
    const struct print_source *src, struct pm **out,
    const struct pm ***order, struct print_error *e)
{
	struct print_fonts *fonts;
	struct pm	*m;
	enum print_sort	 sort = job->kind == PRINT_LIST ? PRINT_SORT_KANA :
			    job->sort;
	size_t		 i, loaded = 0;
	int		 rc = PRINT_OK;

	if ((fonts = print_fonts_load(e)) == NULL)
		return (PRINT_IO);
	if (job->title != NULL &&
	    (rc = print_glyphs_check(fonts, job->title, NULL, _("the title"),
	    e)) != PRINT_OK) {
		print_fonts_free(fonts);
		return (rc);
	}
	m = xcalloc(src->n, sizeof(*m));
	*order = xcalloc(src->n, sizeof(**order));
	for (i = 0; i < src->n && rc == PRINT_OK; i++, loaded++) {
		rc = pm_load(&m[i], job, def, src, i, fonts, e);
		(*order)[i] = &m[i];
		if (rc == PRINT_OK && sort != PRINT_SORT_NONE)
			m[i].sortkey = pm_sortkey(&m[i], sort);
	}
	print_fonts_free(fonts);
	if (rc != PRINT_OK) {
		pm_free(m, loaded);
		free(*order);
		return (rc);
	}
	if (sort != PRINT_SORT_NONE)
		qsort(*order, src->n, sizeof(**order), pm_cmp);
	*out = m;
	return (PRINT_OK);
}

int
print_pdf(const struct print_job *job, const struct print_source *src,
    const char *path, struct print_result *res, struct print_error *e)
{
	const struct print_kind_def *def = NULL;
	struct pdf	 p;
	struct pm	*m;
	const struct pm	**order;
	size_t		 i;
	double		 w, h;
	int		 rc;

	res->pages = 0;
	for (i = 0; i < sizeof(print_kinds) / sizeof(print_kinds[0]); i++)
		if (print_kinds[i]->kind == job->kind)
			def = print_kinds[i];
	if (src->n == 0) {
		snprintf(e->msg, sizeof(e->msg), _("no member to print"));
		return (PRINT_DATA);
	}
	if ((rc = print_collect(job, def, src, &m, &order, e)) != PRINT_OK)
		return (rc);
	pdf_init(&p);
	if (def->check == NULL ||
	    (rc = def->check(job, &p, order, src->n, e)) == PRINT_OK) {
		def->page(job, &w, &h);
		if ((rc = pdf_open(&p, path, w, h, e)) == PRINT_OK) {
			def->draw(job, &p, order, src->n);
			res->pages = p.pages;
			rc = pdf_finish(&p, path, e);
		}
	}
	pdf_free(&p);
	pm_free(m, src->n);
	free(order);
	return (rc);
}
