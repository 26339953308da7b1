/* screen.h -- what the screens share: struct tui, the screen vtable, the
 * panels, the modal dialogs, the list keys and search line, drawing
 * helpers.  Screens are tui/screen-*.c. */
#ifndef SANKA_TUI_SCREEN_H
#define SANKA_TUI_SCREEN_H

#include <curses.h>
#include <stdbool.h>
#include <panel.h>
#include <stdint.h>

#include "store/store.h"
#include "tui/field.h"
#include "tui/keys.h"
#include "tui/listview.h"

#define TUI_MIN_COLS	50	/* below this: 画面が小さすぎます */
#define TUI_MIN_LINES	10
#define TUI_TIMEOUT_MS	250	/* get_wch timeout: the store_txnid() poll */

struct tui;
struct screen;

/* A screen: [1] the member list, a member's page, a form...  Each panel
 * has a stack of them; the top one is shown and gets the keys. */
struct screen_ops {
	const char	*name;
	/* Draw into W (H lines, COLS wide); only reads the state, and sets
	 * s->cur_y/cur_x when a text field has focus. */
	void	(*draw)(struct tui *, struct screen *, WINDOW *w, int h,
		    int cols);
	/* Before S is drawn into H lines, COLS wide (the frame's size may
	 * have changed): a paged list fetches the rows that will show. */
	void	(*fit)(struct tui *, struct screen *, int h, int cols);
	/* An action from the key table (KEY: the key that gave it). */
	void	(*act)(struct tui *, struct screen *, enum action, int key);
	/* A printable key while a text field has focus (ctx & KC_FIELD). */
	void	(*text)(struct tui *, struct screen *, int key);
	/* Read the store again (another process committed, or we did). */
	void	(*reload)(struct tui *, struct screen *);
	/* Shown again after the screen above it closed: the list, not a
	 * search line, gets the focus (the search text stays). */
	void	(*unfocus)(struct screen *);
	/* A form: unsaved input, and that input as a draft (malloc'd). */
	int	(*unsaved)(struct screen *);
	char	*(*draft)(struct screen *);
	void	(*free)(struct screen *);
	/* Work between keys (results of a writer thread): called before
	 * each wait for a key; may wait itself for that work or a key.
	 * Returns the longest wait for the key in ms, -1 for the usual. */
	int	(*tick)(struct tui *, struct screen *);
};

struct screen {
	const struct screen_ops	*ops;
	unsigned	 ctx;		/* enum keyctx: keys that act here */
	int		 panel;
	struct screen	*below;
	uint64_t	 seen;		/* store_txnid() when last read */
	int		 cur_y, cur_x;	/* text cursor in the body, -1: none */
	void		*data;
};

/* A modal: a question with two buttons, a menu, a one-line prompt, the
 * list of keys, or a page of text. */
enum modal_kind { MODAL_DIALOG, MODAL_MENU, MODAL_PROMPT, MODAL_PAGE };

/* CHOICE: the button or item chosen (0 = the first, "yes"), -1 for
 * cancel; TEXT: the prompt's text. */
typedef void	(*modal_done_fn)(struct tui *, void *arg, int choice,
		    const char *text);

struct modal {
	enum modal_kind	 kind;
	char		*title;
	char		**lines;	/* the text, or the menu items */
	size_t		 nlines;
	char		*buttons[2];
	int		 sel;		/* button or item */
	struct field	 f;		/* MODAL_PROMPT */
	int		 secret;	/* MODAL_PROMPT: drawn as '*' */
	size_t		 top;		/* MODAL_PAGE scroll (display rows) */
	size_t		 rows, shown;	/* MODAL_PAGE: wrapped rows, visible */
	modal_done_fn	 done;
	void		*arg;
	void		(*free_arg)(void *);
};

struct evname {
	char	 code[STORE_ID_MAX + 1];
	char	*name;
};

struct tui {
	struct store	*st;
	const char	*dbdir;
	char		*draft_path;
	struct screen	**top;		/* per panel (tui.c's table) */
	int		 panel;
	int		 dirty;
	int		 quit;
	uint64_t	 txnid;
	char		 msg[1024];	/* the status line */
	int		 msg_err;
	unsigned	 msg_gen;	/* counts the messages set */
	struct modal	*modal;
	WINDOW		*wtitle, *wbody, *wmsg, *wfoot, *wmodal;
	PANEL		*ptitle, *pbody, *pmsg, *pfoot, *pmodal;
	/* what the title and the status lines show (frame.c: unchanged,
	 * they are not drawn again); "" after the windows are made */
	char		 shown_title[16], shown_status[1100];
	int		 lines, cols;
	int		 small;
	int		 color;
	int		 kiosk;		/* the door's kiosk: no key leaves */
	char		 user[STORE_USER_SIZE];
	char		 dbshow[256];	/* the open database, ~ for $HOME */
	char		 today[STORE_DATE_SIZE];
	/* trace lines of results drawn after their key (a check-in's
	 * confirmation after its commit): written after the next draw */
	const char	*late_kind;
	uint64_t	*late_since;
	size_t		 nlate, late_cap;
	struct evname	*evnames;	/* every event's name, by code */
	size_t		 nevnames;
	uint64_t	 evseen;
};

/* Attributes: colour only adds to a text marker or A_REVERSE/A_BOLD. */
enum tui_attr {
	TA_NORMAL, TA_TITLE, TA_TAB_CUR, TA_HEADER, TA_CURSOR, TA_TAGGED,
	TA_ERROR, TA_OK, TA_DIM, TA_FOCUS, TA_BUTTON_CUR, TA_WARN,
};
attr_t		 tui_attr(const struct tui *, enum tui_attr);

/* tui.c */
void		 tui_status(struct tui *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
void		 tui_error(struct tui *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* Show the store's last error for RC (a conflict says who and when). */
void		 tui_store_error(struct tui *, int rc);
/* A conflict in words ("山田 changed it at 10:04") into BUF. */
void		 tui_conflict_text(struct tui *, char *buf, size_t size);
struct screen	*tui_screen_new(const struct screen_ops *, unsigned ctx,
		    void *data);
/* Push S on PANEL's stack and show that panel; pop the current top. */
void		 tui_push(struct tui *, int panel, struct screen *s);
void		 tui_pop(struct tui *);
/* Show PANEL, building its own screen the first time. */
void		 tui_panel(struct tui *, int panel);
/* Read S again when the store changed since it last did. */
void		 tui_refresh(struct tui *, struct screen *s);
/* After our own write: every screen reads again when shown. */
void		 tui_wrote(struct tui *);
const char	*tui_event_name(struct tui *, const char *code);
/* Modals (the DONE callback runs after the modal is closed). */
void		 tui_dialog(struct tui *, const char *text, const char *yes,
		    const char *no, modal_done_fn, void *arg,
		    void (*free_arg)(void *));
void		 tui_menu(struct tui *, const char *title,
		    const char *const *items, size_t n, int sel,
		    modal_done_fn, void *arg);
void		 tui_prompt(struct tui *, const char *title,
		    const char *initial, modal_done_fn, void *arg);
/* A prompt whose text is drawn as '*' (a PIN). */
void		 tui_prompt_secret(struct tui *, const char *title,
		    modal_done_fn, void *arg);
/* True when a key is waiting on the terminal (a paste, a scanner). */
int		 tui_typeahead(void);
/* Trace KIND for a result that shows at the next draw, timed from SINCE
 * (trace_now() when its key was read). */
void		 tui_trace_late(struct tui *, const char *kind, uint64_t since);
void		 tui_page(struct tui *, const char *title, char **lines,
		    size_t n);	/* takes LINES */
/* The panels ([1] members...), one row each: tui.c's table. */
struct tui_panel {
	const char	*label;			/* N_(): the title line */
	struct screen	*(*base)(struct tui *);	/* the panel's own screen */
};
extern const struct tui_panel	tui_panels[];
extern const int		tui_npanels;

/* The panel whose own screen BASE builds (tui.c). */
int		 tui_panel_of(struct screen *(*base)(struct tui *));
/* A screen with unsaved input (a form), the current panel's first, in
 * *WHICH when not NULL (tui.c). */
int		 tui_unsaved(struct tui *, struct screen **which);

/* restore.c, for tui.c: the draft of an unsaved form. */
void		 tui_save_draft(struct tui *);	/* when the session dies */
void		 tui_offer_draft(struct tui *);	/* at start */

/* frame.c, for tui.c: the windows and drawing a frame. */
void		 tui_layout(struct tui *);	/* (again) for the size */
void		 tui_windows_free(struct tui *);
void		 tui_colors(struct tui *);
/* Before a draw, in the loop: the screen fits its list to the body. */
void		 tui_fit(struct tui *);
void		 tui_draw(struct tui *);

/* modal.c, for tui.c: the modal takes the keys while it is open. */
void		 tui_modal_free(struct modal *);
unsigned	 tui_modal_ctx(const struct modal *);
void		 tui_modal_key(struct tui *, int key);
void		 tui_help(struct tui *);
/* screen-access.c: `U`, the admin's page of roles and users. */
void		 tui_access_page(struct tui *);
void		 tui_draw_modal(struct tui *, int *cy, int *cx);
/* A window of H x W at Y, X with its panel in *PP (frame.c). */
WINDOW		*tui_win(int h, int w, int y, int x, PANEL **pp);
/* A field-editing action on F; 1 when it was one. */
int		 tui_field_act(struct field *, enum action);
/* The arrow and the "time" used in messages: → or -> (ambiguous 2). */
const char	*tui_arrow(void);
void		 tui_time(int64_t t, char *buf, size_t size);

/* mark.c: set final statuses and responses, with undo, on the pending
 * panel and an event's page.  A step is one store_attendance_apply, or
 * one bulk invitation (undone by taking those invitations back). */
struct mark_rec {
	char		 event[STORE_ID_MAX + 1];
	char		 member[STORE_ID_MAX + 1];
	int		 response, final;	/* before the change */
	uint32_t	 version;		/* after the change */
};
struct mark_step {
	struct mark_rec	*recs;
	size_t		 n;
	int		 invited;	/* RECS were invited by this step */
};
struct marker {
	struct mark_step *steps;
	size_t		 n;
};
struct pending_row;
/* Set ROWS' final status (attended asks first), or ask for a response.
 * TAGS: the list whose tags chose ROWS, cleared once they are marked. */
void		 mark_final(struct tui *, struct marker *,
		    const struct pending_row *const *rows, size_t n,
		    struct listview *tags, enum store_final);
void		 mark_response(struct tui *, struct marker *,
		    const struct pending_row *row);
/* The invitations of MEMBERS (N) to EVENT just made, as one step. */
void		 mark_push_invited(struct marker *, const char *event,
		    const char *const *members, size_t n);
/* Undo the last step: re-apply the statuses before it, with its
 * versions, or take its invitations back (all or none). */
void		 mark_undo(struct tui *, struct marker *);

/* invite.c: invite everyone a filter keeps to EVENT (NAME: its name),
 * after a preview of who and of who is left out and why; the invitation
 * is one step of MK, so u undoes all of it. */
void		 invite_filter(struct tui *, struct marker *mk,
		    const char *event, const char *name);
void		 mark_free(struct marker *);

/* draw.c */
/* Write S at Y, X cut (never mid-character) to COLS columns, padded. */
void		 draw_text(WINDOW *, int y, int x, int cols, const char *s,
		    attr_t);
/* Append S into a line buffer as a cell of COLS columns (RIGHT: right
 * aligned); *LEN is the bytes used. */
void		 draw_cell(char *buf, size_t size, size_t *len, const char *s,
		    int cols, int right);
/* The rows of LV from line Y0, H lines (never fetching: a paged list is
 * fitted before the draw): DRAWROW formats one row into
 * BUF (COLS wide); the cursor row is reversed, tagged rows bold. */
void		 draw_list(struct tui *, WINDOW *, int y0, int h, int cols,
		    struct listview *, void (*drawrow)(struct tui *,
		    struct screen *, const void *row, char *buf, size_t size,
		    int cols, int *tagged), struct screen *);
/* A column of a list: WIDTH columns, or 0 for a flexible one that gets
 * its WEIGHT's share of what the others leave; GAP blank columns before
 * it.  A screen's table of them lays out both its rows and its header. */
struct column {
	const char	*label;	/* N_(): the header */
	int		 width;
	int		 weight;
	int		 gap;
	int		 right;	/* right-aligned (numbers) */
};
/* Append to BUF a row of CELLS, one per column of C (N of them, at most
 * 16) laid out in COLS columns; CELLS NULL: the header (the labels). */
void		 draw_columns(char *buf, size_t size, const struct column *c,
		    size_t n, const char *const *cells, int cols);
/* Split REST columns between N flexible columns by WEIGHTS. */
void		 draw_flex(int rest, const int *weights, int *out, int n);

/* listscreen.c: the keys that move in a list and the `/` search line,
 * shared by every list screen (the screen keeps its rows and drawing). */
struct list_search {
	struct field	 q;
	int		 open;	/* the line has the focus */
	unsigned	 ctx;	/* the screen's contexts without the line */
};
enum list_result {
	LIST_NONE,	/* not a list key: the screen's own */
	LIST_DONE,	/* moved, or the line opened or closed */
	LIST_QUERY,	/* the query changed: the screen applies it */
};
/* CTX: the screen's contexts without the line; OPEN: it starts open. */
void		 list_search_init(struct list_search *, unsigned ctx,
		    int open);
void		 list_search_free(struct list_search *);
/* Give the line the focus (OPEN) or the list; S's contexts follow. */
void		 list_search_focus(struct screen *, struct list_search *,
		    int open);
/* True when the line is shown: open, or a query applied. */
int		 list_search_shown(const struct list_search *);
/* A printable key into the query (the screen then applies it). */
void		 list_search_text(struct list_search *, int key);
/* ACT on the list LV and its search line LS (NULL: none): the moving
 * keys, `/`, editing the query and Esc (clears the query, then leaves
 * the line, then is the screen's). */
enum list_result list_act(struct screen *, struct listview *,
		    struct list_search *, enum action);
/* "Search: query" at line Y (the cursor there when open); returns the
 * column after the query. */
int		 list_search_draw(struct screen *, const struct list_search *,
		    WINDOW *, int y, int cols);

/* The screens. */
struct screen	*screen_members_new(struct tui *);
struct screen	*screen_member_new(struct tui *, const char *id);
struct screen	*screen_events_new(struct tui *);
struct screen	*screen_event_new(struct tui *, const char *code);
struct screen	*screen_pending_new(struct tui *);
struct screen	*screen_reports_new(struct tui *);
/* A form to add (ID NULL) or edit a member or an event; NULL when the
 * record cannot be read (the status line says why). DRAFT: text of a
 * draft to restore into it, or NULL. */
struct screen	*screen_form_member(struct tui *, const char *id,
		    const char *draft);
struct screen	*screen_form_event(struct tui *, const char *code,
		    const char *draft);
struct screen	*screen_pick_new(struct tui *, const char *event);
/* The door of EVENT (screen-checkin.c); NULL when it cannot be read.
 * DOOR: the door's name (NULL: $SANKA_USER); KIOSK: no key leaves it;
 * BELL: a bell with each error. */
struct screen	*screen_checkin_new(struct tui *, const char *event,
		    const char *door, bool kiosk, bool bell);
struct tui_door_opts;
/* Before the terminal: can `sanka checkin` open a door with O?  0, or
 * the exit status with the reason in MSG. */
int		 screen_checkin_check(struct store *,
		    const struct tui_door_opts *o, char *msg, size_t size);
/* Open the door of O: its event, today's, or a picker of events. */
void		 screen_checkin_begin(struct tui *,
		    const struct tui_door_opts *o);

#endif
