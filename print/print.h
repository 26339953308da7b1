/*
 * print.h -- what sanka puts on paper: address labels, letters, name
 * badges and the door's list as PDF (cairo + pango, IPAex with Noto CJK as
 * fallback, QR codes through libqrencode), and the {{...}} templates that
 * letters and mail/ share.  The only print header tui/ and mail/ include.
 *
 * The layer reads members through a callback (struct print_source), never
 * through a store function, so it knows nothing of how fields are kept; it
 * uses store/ only for the date and the search folding.  Nothing here
 * prints: errors come back in a struct print_error, one line, translated.
 *
 * Everything a job needs is checked before the file is made: the layout,
 * every placeholder, every glyph of every member (a character no installed
 * font draws is an error naming the member and the character), a letter
 * longer than its page.  The PDF is written to a temporary file beside the
 * target and renamed over it at the end, so a failure leaves no file.
 */
#ifndef SANKA_PRINT_H
#define SANKA_PRINT_H

#include <stdbool.h>
#include <stddef.h>

enum print_rc {
	PRINT_OK = 0,
	PRINT_DATA,	/* a template, a glyph, a letter too long	(exit 1) */
	PRINT_USAGE,	/* a layout or option the command cannot read	(exit 2) */
	PRINT_IO,	/* the output could not be written		(exit 3) */
};

struct print_error {
	char		 msg[512];
};

/*
 * The members of a job, by index 0..n-1.  VALUE gives member I's value of
 * KEY as `show member` prints it ("" when empty), or NULL when KEY names
 * no field; the string is borrowed until the next call.  KNOWN says
 * whether KEY names a field at all (checked before any member is read).
 * Keys the layouts read: id, name, kana, postal_code, address,
 * organization; templates may name any key KNOWN accepts.
 */
struct print_source {
	size_t		 n;
	void		*arg;
	const char	*(*value)(void *arg, size_t i, const char *key);
	bool		 (*known)(void *arg, const char *key);
};

/* --- dates (print/template.c) ---------------------------------------- */

#define PRINT_WAREKI_SIZE 40	/* "令和10年12月31日" and its NUL, with room */

/* Write the Japanese era date of "YYYY-MM-DD" DATE into OUT (令和8年2月20日,
 * not zero-padded, year 1 as 元年; 2019-04-30 is 平成31年, 2019-05-01
 * 令和元年).  Returns false (OUT "") when DATE is not a date or precedes
 * 明治 (1868-01-25). */
bool		 print_wareki(const char *date, char out[PRINT_WAREKI_SIZE]);

/* --- templates (print/template.c) ------------------------------------ */

struct print_template;

/*
 * Parse TEXT (LEN bytes of UTF-8) into a template.  A placeholder is
 * {{KEY}} (spaces inside allowed) where KEY is a key SRC->known accepts, or
 * one the template derives: atena (name + 様), today, today_wareki, and
 * KEY_wareki for any known date key (event.date_wareki).  WHAT names the
 * text in messages (the file name) and LINE is the line TEXT starts on.  Returns PRINT_OK with *out set (free
 * with print_template_free), or PRINT_DATA naming the line and the
 * placeholder (unknown, unclosed, empty) or invalid UTF-8.
 */
int		 print_template_parse(const char *text, size_t len,
		    const char *what, int line, const struct print_source *src,
		    struct print_template **out, struct print_error *);
void		 print_template_free(struct print_template *);
/* The template filled in for member I; a malloc'd string. */
char		*print_template_expand(const struct print_template *,
		    const struct print_source *src, size_t i);

/* --- glyphs (print/glyph.c) ------------------------------------------ */

struct print_fonts;

/* Load the character coverage of the fonts sanka draws with (IPAexGothic,
 * then Noto Sans CJK JP).  NULL with E filled when neither is installed. */
struct print_fonts *print_fonts_load(struct print_error *e);
void		 print_fonts_free(struct print_fonts *);
/* PRINT_OK when every character of TEXT has a glyph in one of the fonts
 * (line feeds, tabs and variation selectors need none); else PRINT_DATA
 * with E naming MEMBER (NULL: none), FIELD and the character with its
 * code point. */
int		 print_glyphs_check(const struct print_fonts *,
		    const char *text, const char *member, const char *field,
		    struct print_error *e);

/* --- jobs (print/pdf.c and one file per kind) ------------------------ */

enum print_kind {
	PRINT_LABELS,	/* layouts a4-12 (default), a4-24, grid:... */
	PRINT_LETTERS,	/* one A4 page per member from a template */
	PRINT_BADGES,	/* layouts a6 (default), a4-4 */
	PRINT_LIST,	/* the door's list of an event in 五十音順 */
};

enum print_sort {
	PRINT_SORT_NONE = 0,	/* the order of the source */
	PRINT_SORT_POSTAL,	/* postal code digits, then ID */
	PRINT_SORT_KANA,	/* folded reading, then ID */
};

/* A label sheet: COLS x ROWS labels of W x H mm, the first TOP mm from the
 * top and LEFT mm from the left of an A4 page; the gaps between labels
 * are what is left of the page, spread evenly with equal margins. */
struct print_grid {
	int		 cols, rows;
	double		 w, h, top, left;
};

/* Read a label layout: a4-12, a4-24 or grid:COLSxROWS:WxHmm:TOPxLEFTmm.
 * PRINT_USAGE naming the layout when it is none of them or does not fit
 * on A4. */
int		 print_grid_parse(const char *layout, struct print_grid *,
		    struct print_error *);

struct print_job {
	enum print_kind	 kind;
	const char	*layout;	/* NULL: the kind's default */
	int		 start;		/* labels: first position used, 1-based */
	enum print_sort	 sort;		/* PRINT_LIST always sorts by kana */
	const struct print_template *letter;	/* PRINT_LETTERS */
	const char	*title;		/* PRINT_LIST: the event, on each page */
};

/* What a finished job made. */
struct print_result {
	size_t		 pages;
};

/*
 * Make the PDF of JOB over the members of SRC at PATH (replaced when it
 * exists; created 0640).  Returns PRINT_OK, PRINT_DATA (nothing to print,
 * a glyph, a letter longer than a page), PRINT_USAGE (layout, --start) or
 * PRINT_IO (E names the path); on error no file was made or changed.
 */
int		 print_pdf(const struct print_job *, const struct print_source *,
		    const char *path, struct print_result *,
		    struct print_error *);

#endif
