/* keys.h -- key codes, actions and the one key table (no curses here). */
#ifndef SANKA_TUI_KEYS_H
#define SANKA_TUI_KEYS_H

#include <stddef.h>

/*
 * A key is a Unicode code point (printable text, or a control character
 * 0x01-0x1f for Ctrl-A..Ctrl-_ since the terminal is raw) or one of the
 * TK_ codes above Unicode.  tui.c maps what get_wch() returns onto these:
 * \n, \r and KEY_ENTER are TK_ENTER; KEY_BACKSPACE, 0x7f and 0x08 TK_BS;
 * 0x09 TK_TAB; 0x1b TK_ESC.
 */
#define TK_CTRL(c)	((c) & 0x1f)
enum {
	TK_BASE = 0x110000,
	TK_UP = TK_BASE, TK_DOWN, TK_LEFT, TK_RIGHT,
	TK_PGUP, TK_PGDN, TK_HOME, TK_END,
	TK_ENTER, TK_BS, TK_DEL, TK_TAB, TK_BTAB, TK_ESC, TK_RESIZE,
	TK_F1, TK_F2, TK_F3, TK_F4, TK_F5, TK_F6, TK_F7, TK_F8, TK_F9,
	TK_F10, TK_F11, TK_F12,
	TK_UNKNOWN,
};

/* Where a binding applies; a screen names the contexts it is in. */
enum keyctx {
	KC_GLOBAL	= 1u << 0,	/* every screen but dialogs and menus */
	KC_LIST		= 1u << 1,	/* any list */
	KC_MEMBERS	= 1u << 2,	/* [1] the member list */
	KC_MEMBER	= 1u << 3,	/* a member's page */
	KC_EVENTS	= 1u << 4,	/* [2] the event list */
	KC_EVENT	= 1u << 5,	/* an event's page */
	KC_PENDING	= 1u << 6,	/* [3] pending records */
	KC_REPORTS	= 1u << 7,	/* [4] the summary */
	KC_FORM		= 1u << 8,	/* a form to add or edit */
	KC_FIELD	= 1u << 9,	/* a text field has focus */
	KC_SEARCH	= 1u << 10,	/* an incremental search line */
	KC_DIALOG	= 1u << 11,	/* a yes/no question */
	KC_MENU		= 1u << 12,	/* a small menu of choices */
	KC_HELP		= 1u << 13,	/* the list of every key */
	KC_PICK		= 1u << 14,	/* picking members to invite */
	KC_MARK		= 1u << 15,	/* records that can be marked */
	KC_DOOR		= 1u << 16,	/* the check-in door */
	KC_ALL		= 0xffffffffu,
};

enum action {
	ACT_NONE = 0,
	ACT_QUIT, ACT_HELP, ACT_REDRAW,
	ACT_PANEL_NEXT, ACT_PANEL_PREV,
	ACT_PANEL1, ACT_PANEL2, ACT_PANEL3, ACT_PANEL4,
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_TOP, ACT_BOTTOM,
	ACT_OPEN, ACT_BACK, ACT_SEARCH, ACT_SORT, ACT_ADD, ACT_EDIT,
	ACT_ATTENDED, ACT_ABSENT, ACT_NO_SHOW, ACT_CANCELLED, ACT_RESPONSE,
	ACT_UNDO, ACT_TAG, ACT_ATTEND_TAGGED, ACT_DECLINED,
	ACT_INVITE, ACT_INVITE_FILTER, ACT_OUTPUT,
	ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD,
	ACT_LEFT, ACT_RIGHT, ACT_LINE_START, ACT_LINE_END,
	ACT_BACKSPACE, ACT_DELETE, ACT_KILL_LINE, ACT_KILL_END, ACT_KILL_WORD,
	ACT_YES, ACT_NO, ACT_CHOOSE, ACT_SWITCH,
	ACT_CHOICE1, ACT_CHOICE2, ACT_CHOICE3, ACT_CHOICE4,
	ACT_REPORT_NEXT, ACT_REPORT_PREV, ACT_CALENDAR, ACT_FILTER,
	ACT_EXPORT, ACT_ACCESS,
	ACT_CHECKIN, ACT_SCAN, ACT_GUEST,
};

#define B_FOOTER	0x1	/* shown in the status line */

struct binding {
	unsigned	 ctx;	/* enum keyctx bits */
	int		 key;
	enum action	 act;
	const char	*label;	/* N_(): footer and `?` (translated there) */
	unsigned	 flags;
};

/* The table: handling, the footer and `?` all read it. */
extern const struct binding keys_table[];

/* The action KEY does in contexts CTX (the first matching row), or
 * ACT_NONE. */
enum action	 keys_lookup(unsigned ctx, int key);
/* True when KEY is text for a focused field: printable, not a TK_ code,
 * not a control character. */
int		 keys_is_text(int key);
/* The name users see for KEY ("a", "Space", "Enter", "PgDn", "Ctrl-Z",
 * "F2") into BUF. */
const char	*keys_name(int key, char *buf, size_t size);
/* Call CB once per action of contexts CTX, in table order, with every
 * key of it joined ("j/Down") and its translated label. */
void		 keys_help(unsigned ctx, void (*cb)(const char *keys,
		    const char *label, void *), void *arg);
/* The footer of contexts CTX ("a 参加  x 欠席 ...") cut to COLS columns
 * between items, into BUF. */
void		 keys_footer(unsigned ctx, int cols, char *buf, size_t size);

#endif
