/* keys.c -- the key table: handling, the status-line footer and `?`. */
#include <stdio.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/keys.h"
#include "tui/width.h"

#define F	B_FOOTER

/* Table order is lookup order: specific contexts before general ones. */
const struct binding keys_table[] = {
	{ KC_DIALOG, TK_ENTER, ACT_CHOOSE, N_("Choose"), F },
	{ KC_DIALOG, 'y', ACT_YES, N_("Yes"), F },
	{ KC_DIALOG, TK_ESC, ACT_NO, N_("Cancel"), F },
	{ KC_DIALOG, 'n', ACT_NO, N_("Cancel"), 0 },
	{ KC_DIALOG, TK_LEFT, ACT_SWITCH, N_("Other button"), 0 },
	{ KC_DIALOG, TK_RIGHT, ACT_SWITCH, N_("Other button"), 0 },
	{ KC_DIALOG, TK_TAB, ACT_SWITCH, N_("Other button"), 0 },
	{ KC_DIALOG, TK_BTAB, ACT_SWITCH, N_("Other button"), 0 },

	{ KC_MENU, TK_UP, ACT_UP, N_("Up"), 0 },
	{ KC_MENU, 'k', ACT_UP, N_("Up"), 0 },
	{ KC_MENU, TK_DOWN, ACT_DOWN, N_("Down"), 0 },
	{ KC_MENU, 'j', ACT_DOWN, N_("Down"), 0 },
	{ KC_MENU, TK_ENTER, ACT_CHOOSE, N_("Choose"), F },
	{ KC_MENU, '1', ACT_CHOICE1, N_("Choose by number"), F },
	{ KC_MENU, '2', ACT_CHOICE2, N_("Choose by number"), 0 },
	{ KC_MENU, '3', ACT_CHOICE3, N_("Choose by number"), 0 },
	{ KC_MENU, '4', ACT_CHOICE4, N_("Choose by number"), 0 },
	{ KC_MENU, TK_ESC, ACT_NO, N_("Cancel"), F },

	{ KC_HELP, TK_UP, ACT_UP, N_("Up"), 0 },
	{ KC_HELP, 'k', ACT_UP, N_("Up"), 0 },
	{ KC_HELP, TK_DOWN, ACT_DOWN, N_("Down"), 0 },
	{ KC_HELP, 'j', ACT_DOWN, N_("Down"), 0 },
	{ KC_HELP, TK_PGUP, ACT_PGUP, N_("Page up"), 0 },
	{ KC_HELP, TK_PGDN, ACT_PGDN, N_("Page down"), 0 },
	{ KC_HELP, 'g', ACT_TOP, N_("First"), 0 },
	{ KC_HELP, TK_HOME, ACT_TOP, N_("First"), 0 },
	{ KC_HELP, 'G', ACT_BOTTOM, N_("Last"), 0 },
	{ KC_HELP, TK_END, ACT_BOTTOM, N_("Last"), 0 },
	{ KC_HELP, TK_ESC, ACT_BACK, N_("Close"), F },
	{ KC_HELP, 'q', ACT_BACK, N_("Close"), 0 },
	{ KC_HELP, '?', ACT_BACK, N_("Close"), 0 },
	{ KC_HELP, TK_F1, ACT_BACK, N_("Close"), 0 },

	{ KC_FIELD, TK_LEFT, ACT_LEFT, N_("Cursor left"), 0 },
	{ KC_FIELD, TK_RIGHT, ACT_RIGHT, N_("Cursor right"), 0 },
	{ KC_FIELD, TK_HOME, ACT_LINE_START, N_("Start of the field"), 0 },
	{ KC_FIELD, TK_CTRL('a'), ACT_LINE_START, N_("Start of the field"), 0 },
	{ KC_FIELD, TK_END, ACT_LINE_END, N_("End of the field"), 0 },
	{ KC_FIELD, TK_CTRL('e'), ACT_LINE_END, N_("End of the field"), 0 },
	{ KC_FIELD, TK_BS, ACT_BACKSPACE, N_("Delete left"), 0 },
	{ KC_FIELD, TK_DEL, ACT_DELETE, N_("Delete right"), 0 },
	{ KC_FIELD, TK_CTRL('d'), ACT_DELETE, N_("Delete right"), 0 },
	{ KC_FIELD, TK_CTRL('u'), ACT_KILL_LINE, N_("Clear the field"), 0 },
	{ KC_FIELD, TK_CTRL('k'), ACT_KILL_END, N_("Delete to the end"), 0 },
	{ KC_FIELD, TK_CTRL('w'), ACT_KILL_WORD, N_("Delete a word"), 0 },

	{ KC_FORM, TK_CTRL('s'), ACT_SAVE, N_("Save"), F },
	{ KC_FORM, TK_F2, ACT_SAVE, N_("Save"), 0 },
	{ KC_FORM, TK_ENTER, ACT_NEXT_FIELD, N_("Next field"), F },
	{ KC_FORM, TK_TAB, ACT_NEXT_FIELD, N_("Next field"), 0 },
	{ KC_FORM, TK_DOWN, ACT_NEXT_FIELD, N_("Next field"), 0 },
	{ KC_FORM, TK_BTAB, ACT_PREV_FIELD, N_("Previous field"), 0 },
	{ KC_FORM, TK_UP, ACT_PREV_FIELD, N_("Previous field"), 0 },
	{ KC_FORM, TK_ESC, ACT_BACK,
	    N_("Undo the typing in the field; again: leave the form"), F },

	{ KC_PICK, TK_ENTER, ACT_INVITE, N_("Invite this member"), F },

	{ KC_DOOR, TK_ENTER, ACT_SCAN, N_("Check in"), F },
	{ KC_DOOR, TK_UP, ACT_UP, N_("Previous match"), 0 },
	{ KC_DOOR, TK_DOWN, ACT_DOWN, N_("Next match"), 0 },
	{ KC_DOOR, TK_CTRL('z'), ACT_UNDO, N_("Undo the last check-in"), F },
	{ KC_DOOR, TK_F2, ACT_GUEST, N_("Add a guest"), F },
	{ KC_DOOR, TK_ESC, ACT_BACK, N_("Clear the input; again: leave"),
	    F },

	{ KC_SEARCH, TK_ESC, ACT_BACK,
	    N_("Clear the search; again: leave it"), F },

	{ KC_MARK, 'a', ACT_ATTENDED, N_("Attended"), F },
	{ KC_MARK, 'x', ACT_ABSENT, N_("Absent"), F },
	{ KC_MARK, 'n', ACT_NO_SHOW, N_("No-show"), F },
	{ KC_MARK, 'c', ACT_CANCELLED, N_("Cancelled"), F },
	{ KC_MARK, 'r', ACT_RESPONSE, N_("Response"), F },
	{ KC_MARK, 'u', ACT_UNDO, N_("Undo"), F },
	{ KC_MARK, TK_CTRL('z'), ACT_UNDO, N_("Undo"), 0 },
	{ KC_MARK, ' ', ACT_TAG, N_("Tag"), F },
	{ KC_MARK, 'A', ACT_ATTEND_TAGGED, N_("Tagged: attended"), F },
	{ KC_PENDING, 'd', ACT_DECLINED, N_("Show/hide declined"), F },

	{ KC_MEMBERS, 'n', ACT_ADD, N_("New member"), F },
	{ KC_MEMBERS, '+', ACT_ADD, N_("New member"), 0 },
	{ KC_MEMBERS, 'e', ACT_EDIT, N_("Edit member"), F },
	{ KC_MEMBERS, 's', ACT_SORT, N_("Sort order"), F },
	{ KC_MEMBERS, 'f', ACT_FILTER, N_("Filter"), F },
	{ KC_MEMBERS, 'S', ACT_SAVE, N_("Save the filter"), 0 },
	{ KC_MEMBERS, 'P', ACT_OUTPUT, N_("Print or mail"), F },
	{ KC_MEMBER, 'e', ACT_EDIT, N_("Edit member"), F },
	{ KC_EVENTS, 'n', ACT_ADD, N_("New event"), F },
	{ KC_EVENTS, '+', ACT_ADD, N_("New event"), 0 },
	{ KC_EVENTS, 'e', ACT_EDIT, N_("Edit event"), F },
	{ KC_EVENT, 'e', ACT_EDIT, N_("Edit event"), F },
	{ KC_EVENT, 'i', ACT_INVITE, N_("Invite (search)"), F },
	{ KC_EVENT, 'I', ACT_INVITE_FILTER, N_("Invite by filter"), F },
	{ KC_EVENT, 'P', ACT_OUTPUT, N_("Print or mail"), F },
	{ KC_EVENTS | KC_EVENT, 'C', ACT_CHECKIN, N_("Check-in at the door"),
	    F },

	{ KC_REPORTS, TK_RIGHT, ACT_REPORT_NEXT, N_("Next report"), F },
	{ KC_REPORTS, TK_LEFT, ACT_REPORT_PREV, N_("Previous report"), 0 },
	{ KC_REPORTS, 'c', ACT_CALENDAR, N_("Fiscal or calendar years"), F },
	{ KC_REPORTS, 'f', ACT_FILTER, N_("Filter the members"), F },
	{ KC_REPORTS, 'x', ACT_EXPORT, N_("Export as CSV"), F },

	{ KC_LIST, TK_UP, ACT_UP, N_("Up"), 0 },
	{ KC_LIST, 'k', ACT_UP, N_("Up"), 0 },
	{ KC_LIST, TK_DOWN, ACT_DOWN, N_("Down"), 0 },
	{ KC_LIST, 'j', ACT_DOWN, N_("Down"), 0 },
	{ KC_LIST, TK_PGUP, ACT_PGUP, N_("Page up"), 0 },
	{ KC_LIST, TK_PGDN, ACT_PGDN, N_("Page down"), 0 },
	{ KC_LIST, 'g', ACT_TOP, N_("First"), 0 },
	{ KC_LIST, TK_HOME, ACT_TOP, N_("First"), 0 },
	{ KC_LIST, 'G', ACT_BOTTOM, N_("Last"), 0 },
	{ KC_LIST, TK_END, ACT_BOTTOM, N_("Last"), 0 },
	{ KC_LIST, TK_ENTER, ACT_OPEN, N_("Open"), F },
	{ KC_LIST, '/', ACT_SEARCH, N_("Search"), F },
	{ KC_LIST, TK_ESC, ACT_BACK, N_("Back"), F },

	{ KC_GLOBAL, '?', ACT_HELP, N_("Every key"), F },
	{ KC_GLOBAL, TK_F1, ACT_HELP, N_("Every key"), 0 },
	{ KC_GLOBAL, 'q', ACT_QUIT, N_("Quit"), F },
	{ KC_GLOBAL, TK_CTRL('c'), ACT_QUIT, N_("Quit"), 0 },
	{ KC_GLOBAL, TK_TAB, ACT_PANEL_NEXT, N_("Next panel"), 0 },
	{ KC_GLOBAL, TK_BTAB, ACT_PANEL_PREV, N_("Previous panel"), 0 },
	{ KC_GLOBAL, '1', ACT_PANEL1, N_("Members"), 0 },
	{ KC_GLOBAL, '2', ACT_PANEL2, N_("Events"), 0 },
	{ KC_GLOBAL, '3', ACT_PANEL3, N_("Pending"), 0 },
	{ KC_GLOBAL, '4', ACT_PANEL4, N_("Reports"), 0 },
	{ KC_GLOBAL, 'U', ACT_ACCESS, N_("Roles and users (admin)"), 0 },
	{ KC_ALL, TK_CTRL('l'), ACT_REDRAW, N_("Redraw the screen"), 0 },
	{ 0, 0, ACT_NONE, NULL, 0 }
};

enum action
keys_lookup(unsigned ctx, int key)
{
	const struct binding	*b;

	for (b = keys_table; b->label != NULL; b++) {
		if ((b->ctx & ctx) != 0 && b->key == key)
			return (b->act);
	}
	return (ACT_NONE);
}

int
keys_is_text(int key)
{
	return (key >= 0x20 && key != 0x7f && key < TK_BASE &&
	    !(key >= 0x80 && key < 0xa0));
}

const char *
keys_name(int key, char *buf, size_t size)
{
	static const char *const names[] = {
		"Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End",
		"Enter", "BS", "Del", "Tab", "S-Tab", "Esc", "Resize",
	};
	int	 n;

	if (size == 0)
		return (buf);
	if (key == ' ')
		snprintf(buf, size, "Space");
	else if (key >= TK_F1 && key <= TK_F12)
		snprintf(buf, size, "F%d", key - TK_F1 + 1);
	else if (key >= TK_BASE && key < TK_F1)
		snprintf(buf, size, "%s", names[key - TK_BASE]);
	else if (key > 0 && key < 0x20)
		snprintf(buf, size, "Ctrl-%c", key + '@');
	else if (keys_is_text(key)) {
		/* UTF-8 encode (keys here are ASCII, but be general). */
		char	 u[5];

		if (key < 0x80) {
			u[0] = (char)key; n = 1;
		} else if (key < 0x800) {
			u[0] = (char)(0xc0 | key >> 6);
			u[1] = (char)(0x80 | (key & 0x3f)); n = 2;
		} else if (key < 0x10000) {
			u[0] = (char)(0xe0 | key >> 12);
			u[1] = (char)(0x80 | ((key >> 6) & 0x3f));
			u[2] = (char)(0x80 | (key & 0x3f)); n = 3;
		} else {
			u[0] = (char)(0xf0 | key >> 18);
			u[1] = (char)(0x80 | ((key >> 12) & 0x3f));
			u[2] = (char)(0x80 | ((key >> 6) & 0x3f));
			u[3] = (char)(0x80 | (key & 0x3f)); n = 4;
		}
		u[n] = '\0';
		snprintf(buf, size, "%s", u);
	} else
		snprintf(buf, size, "?");
	return (buf);
}

/* True when row B acts in contexts CTX: no earlier row takes its key, and
 * it is not a printable key while a text field has focus. */
static int
keys_usable(unsigned ctx, const struct binding *b)
{
	const struct binding	*p;

	if ((b->ctx & ctx) == 0)
		return (0);
	if ((ctx & KC_FIELD) && keys_is_text(b->key))
		return (0);
	for (p = keys_table; p < b; p++) {
		if ((p->ctx & ctx) != 0 && p->key == b->key)
			return (0);
	}
	return (1);
}

/* Rows A and B are one entry of the help: same action, same label. */
static int
keys_group(const struct binding *a, const struct binding *b)
{
	return (a->act == b->act && strcmp(a->label, b->label) == 0);
}

/* True when an earlier usable row of CTX is in B's group. */
static int
keys_seen(unsigned ctx, const struct binding *b)
{
	const struct binding	*p;

	for (p = keys_table; p < b; p++) {
		if (keys_group(p, b) && keys_usable(ctx, p))
			return (1);
	}
	return (0);
}

void
keys_help(unsigned ctx, void (*cb)(const char *, const char *, void *),
    void *arg)
{
	const struct binding	*b, *p;
	char			 list[128], name[32];
	size_t			 len;

	for (b = keys_table; b->label != NULL; b++) {
		if (!keys_usable(ctx, b) || keys_seen(ctx, b))
			continue;
		list[0] = '\0';
		for (p = b; p->label != NULL; p++) {
			if (!keys_group(p, b) || !keys_usable(ctx, p))
				continue;
			keys_name(p->key, name, sizeof name);
			len = strlen(list);
			snprintf(list + len, sizeof list - len, "%s%s",
			    len > 0 ? "/" : "", name);
		}
		cb(list, _(b->label), arg);
	}
}

/* The group of B shows in the footer when one of its rows is marked. */
static int
keys_in_footer(const struct binding *b)
{
	const struct binding	*p;

	for (p = keys_table; p->label != NULL; p++) {
		if (keys_group(p, b) && (p->flags & B_FOOTER))
			return (1);
	}
	return (0);
}

void
keys_footer(unsigned ctx, int cols, char *buf, size_t size)
{
	const struct binding	*b;
	char			 item[128], name[32];
	size_t			 len = 0;
	int			 used = 0, w, pass;

	if (size == 0)
		return;
	buf[0] = '\0';
	/* `?` first, so a narrow screen still says where every key is;
	 * each entry with the first key that works here. */
	for (pass = 0; pass < 2; pass++) {
		for (b = keys_table; b->label != NULL; b++) {
			if ((pass == 0) != (b->act == ACT_HELP) ||
			    !keys_usable(ctx, b) || keys_seen(ctx, b) ||
			    !keys_in_footer(b))
				continue;
			snprintf(item, sizeof item, "%s%s %s",
			    used > 0 ? "  " : "",
			    keys_name(b->key, name, sizeof name),
			    _(b->label));
			w = width_str(item);
			if (used + w > cols || len + strlen(item) + 1 > size)
				return;
			memcpy(buf + len, item, strlen(item) + 1);
			len += strlen(item);
			used += w;
		}
	}
}
