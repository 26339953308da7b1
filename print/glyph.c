/* glyph.c -- which characters the fonts sanka draws with can draw, so a
 * missing glyph is an error before anything is written (pango would
 * otherwise draw an empty box). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <unistr.h>

#include "print/print-int.h"
#include "store/i18n.h"
#include "store/xmalloc.h"

struct print_fonts {
	FcCharSet	*cover;		/* the union of the fonts' characters */
};

/* The fonts of PRINT_FONT_FAMILY, one by one: a family fontconfig does not
 * have is skipped (its match would be some other font). */
static const char *const glyph_families[] = {
	PRINT_FONT_PRIMARY, PRINT_FONT_FALLBACK,
};

static bool
glyph_add_family(FcCharSet *cover, const char *family)
{
	FcPattern	*pat, *match;
	FcResult	 res;
	FcChar8		*got;
	FcCharSet	*cs;
	bool		 added = false;

	pat = FcNameParse((const FcChar8 *)family);
	if (pat == NULL)
		return (false);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(NULL, pat, &res);
	FcPatternDestroy(pat);
	if (match == NULL)
		return (false);
	if (FcPatternGetString(match, FC_FAMILY, 0, &got) == FcResultMatch &&
	    FcPatternGetCharSet(match, FC_CHARSET, 0, &cs) == FcResultMatch) {
		int	 k;

		/* A family name may be listed in several languages. */
		for (k = 0; FcPatternGetString(match, FC_FAMILY, k, &got) ==
		    FcResultMatch; k++)
			if (strcmp((const char *)got, family) == 0) {
				FcCharSetMerge(cover, cs, NULL);
				added = true;
				break;
			}
	}
	FcPatternDestroy(match);
	return (added);
}

struct print_fonts *
print_fonts_load(struct print_error *e)
{
	struct print_fonts *f;
	size_t		 i, found = 0;

	if (!FcInit()) {
		snprintf(e->msg, sizeof(e->msg),
		    _("fontconfig could not be initialised"));
		return (NULL);
	}
	f = xcalloc(1, sizeof(*f));
	f->cover = FcCharSetCreate();
	for (i = 0; i < sizeof(glyph_families) / sizeof(glyph_families[0]);
	    i++)
		found += glyph_add_family(f->cover, glyph_families[i]);
	if (found == 0) {
		snprintf(e->msg, sizeof(e->msg),
		    _("no Japanese font: install fonts-ipaexfont or "
		    "fonts-noto-cjk"));
		print_fonts_free(f);
		return (NULL);
	}
	return (f);
}

void
print_fonts_free(struct print_fonts *f)
{
	if (f == NULL)
		return;
	FcCharSetDestroy(f->cover);
	free(f);
}

/* Characters that are not drawn as a glyph of their own. */
static bool
glyph_needs_none(ucs4_t c)
{
	return (c == '\n' || c == '\t' || c == '\r' ||
	    (c >= 0xfe00 && c <= 0xfe0f) ||	/* variation selectors */
	    (c >= 0xe0100 && c <= 0xe01ef) ||	/* ideographic variants */
	    c == 0x200b || c == 0x200d);	/* zero width space, joiner */
}

/* Name the member (none for a page title), the field and the character. */
static void
glyph_error(struct print_error *e, const char *member, const char *field,
    const uint8_t *p, int n, ucs4_t c)
{
	char	 where[256];

	if (member != NULL)
		snprintf(where, sizeof(where), _("member %s: %s"), member,
		    field);
	else
		snprintf(where, sizeof(where), "%s", field);
	if (n <= 0)
		snprintf(e->msg, sizeof(e->msg), _("%s is not UTF-8 text"),
		    where);
	else
		snprintf(e->msg, sizeof(e->msg),
		    _("%s: no installed font can draw \"%.*s\" (U+%04X)"),
		    where, n, (const char *)p, (unsigned)c);
}

int
print_glyphs_check(const struct print_fonts *f, const char *text,
    const char *member, const char *field, struct print_error *e)
{
	const uint8_t	*p = (const uint8_t *)text;
	ucs4_t		 c;
	int		 n;

	if (text == NULL)
		return (PRINT_OK);
	while (*p != '\0') {
		n = u8_strmbtouc(&c, p);
		if (n <= 0 || (!glyph_needs_none(c) &&
		    !FcCharSetHasChar(f->cover, c))) {
			glyph_error(e, member, field, p, n, c);
			return (PRINT_DATA);
		}
		p += n;
	}
	return (PRINT_OK);
}
