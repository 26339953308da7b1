/* width.h -- display columns of UTF-8 text, the one width function. */
#ifndef SANKA_TUI_WIDTH_H
#define SANKA_TUI_WIDTH_H

#include <stddef.h>
#include <stdint.h>

#define WIDTH_PAD	0x1	/* pad with spaces to exactly COLS */
#define WIDTH_ELLIPSIS	0x2	/* end a cut string with width_ellipsis() */

/* Read $SANKA_AMBIGUOUS (2: East Asian ambiguous characters such as
 * → … ■ █ ① ○ take two columns; anything else: one). */
void		 width_init(void);
void		 width_set_ambiguous(int);	/* 1 or 2 */
int		 width_ambiguous(void);
/* Columns of one code point: 0 for combining marks, 1 or 2 otherwise;
 * a control character counts 1 (it is drawn as '?' or ' '). */
int		 width_uc(uint32_t);
/* Columns of a NUL-terminated UTF-8 string, of the first N bytes. */
int		 width_str(const char *);
int		 width_strn(const char *, size_t);
/* What a cut string ends with: "…" (one column) by default, ".." when
 * ambiguous characters are two columns wide (curses keeps one cell for
 * an ambiguous character, so a two-column "…" would shift the line). */
const char	*width_ellipsis(void);
/* Bytes of S that fill a line of COLS columns when S is wrapped: at
 * least one character, after a space where that keeps the line more than
 * half full, else where the next character would not fit. */
size_t		 width_wrap(const char *s, int cols);
/* Copy S into OUT (OUTSZ bytes) cut to at most COLS columns, never in the
 * middle of a character (combining marks stay with their base).  Control
 * characters become '?' (tab and line feed a space), invalid bytes '?'.
 * With WIDTH_ELLIPSIS a string that does not fit ends with the ellipsis;
 * with WIDTH_PAD the result is padded with spaces to exactly COLS (a wide
 * character straddling the edge becomes a space).  Returns the columns
 * of OUT.  OUT always ends with a NUL (OUTSZ > 0). */
int		 width_fit(char *out, size_t outsz, const char *s, int cols,
		    unsigned flags);
/* Decode one character of S (at most N bytes) into *UC; returns its
 * length in bytes (1 for an invalid byte, then *UC is 0xFFFD). */
size_t		 width_next(const char *s, size_t n, uint32_t *uc);

#endif
