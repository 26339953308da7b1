/* field.h -- a one-line text field: UTF-8 buffer, cursor, horizontal
 * scrolling by display columns.  No curses here. */
#ifndef SANKA_TUI_FIELD_H
#define SANKA_TUI_FIELD_H

#include <stddef.h>
#include <stdint.h>

struct field {
	char	*buf;		/* NUL-terminated UTF-8 */
	size_t	 len, cap;
	size_t	 cur;		/* byte offset, always on a character */
};

void	 field_init(struct field *);
void	 field_free(struct field *);
void	 field_set(struct field *, const char *);	/* cursor at end */
const char *field_text(const struct field *);
/* Insert code point UC (or the UTF-8 string S) at the cursor. */
void	 field_insert(struct field *, uint32_t uc);
void	 field_insert_str(struct field *, const char *);
/* Cursor moves step over a character with its combining marks. */
void	 field_left(struct field *);
void	 field_right(struct field *);
void	 field_home(struct field *);
void	 field_end(struct field *);
void	 field_backspace(struct field *);
void	 field_delete(struct field *);
void	 field_kill_line(struct field *);
void	 field_kill_end(struct field *);
void	 field_kill_word(struct field *);	/* the word before the cursor */
/* The part of the text to show in COLS columns so that the cursor is
 * visible, into OUT (cut and padded with width_fit); *CURCOL gets the
 * cursor's column inside it. */
void	 field_view(const struct field *, int cols, char *out, size_t outsz,
	    int *curcol);

#endif
