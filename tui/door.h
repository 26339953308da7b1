/* door.h -- the check-in door without curses: the model the door screen
 * draws (input line, live matches, the last check-ins that Ctrl-Z can
 * undo, counters, the outcome shown large) and the writer thread that
 * commits scans in order while the screen keeps reading keys. */
#ifndef SANKA_TUI_DOOR_H
#define SANKA_TUI_DOOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "store/store.h"
#include "tui/field.h"

#define DOOR_UNDO_MAX	20	/* check-ins listed and undoable */
#define DOOR_MATCH_MAX	8	/* live matches shown under the input */
#define DOOR_WAIT_MS	200	/* 待機中 after this long without a commit */

/* --- the model (tui/door.c) ----------------------------------------- */

struct door {
	struct field		 input;		/* always has the focus */
	bool			 replace;	/* the input is an error's text:
						   typing replaces it */
	struct store_member_row	 match[DOOR_MATCH_MAX];
	size_t			 nmatch, sel;
	bool			 moved;		/* the selection was moved */
	/* this door's check-ins, newest first: what Ctrl-Z undoes */
	struct store_checkin	 recent[DOOR_UNDO_MAX];
	size_t			 nrecent;
	struct store_event_counts counts;	/* show event's, live */
	struct store_checkin	 last;		/* the outcome shown large */
	bool			 has_last;
	char			 message[256];	/* an undo's or a write's
						   result; "" none */
};

void	 door_init(struct door *);
void	 door_free(struct door *);
/* A printable key into the input (replacing an error's text: the next
 * scan does not join it). */
void	 door_type(struct door *, uint32_t uc);
/* The input is being edited: an error's text stays for correction. */
void	 door_edit(struct door *);
/* The live search gave ROWS: they replace the matches, the selection
 * stays on the same member when it is still there. */
void	 door_set_matches(struct door *, const struct store_member_row *rows,
	    size_t n);
/* Move the selection by DELTA, within the matches (the selection is
 * then what Enter checks in, whatever was typed). */
void	 door_move(struct door *, int delta);
/* Enter: fill JOB's text (the input) and fallback (the selected match)
 * and clear the input; false when there is nothing to check in.  A match
 * found by its ID starting with the text is no fallback unless the
 * selection was moved to it: a short or mistyped scan is an error, never
 * the member whose ID it starts. */
bool	 door_enter(struct door *, struct store_checkin *job);
/* The writer finished a check-in: show it; an OK joins the undo list,
 * an ERROR puts its text back in an empty input for correction (typing
 * replaces it, editing keeps it). */
void	 door_result(struct door *, const struct store_checkin *);
/* The check-in Ctrl-Z undoes next (the newest listed), or NULL. */
const struct store_checkin *door_undo_next(const struct door *);
/* The undo of MEMBER's check-in committed: it leaves the list. */
void	 door_undone(struct door *, const char *member);
/* 待機中: the oldest write not committed was queued at QUEUED_MS (-1:
 * none) and it is NOW_MS. */
bool	 door_waiting(int64_t queued_ms, int64_t now_ms);

/* --- the writer thread (tui/door-writer.c) -------------------------- */

enum door_job_kind {
	DOOR_JOB_SCAN,		/* ck: text and fallback in, outcome out */
	DOOR_JOB_UNDO,		/* ck: the check-in to undo */
	DOOR_JOB_GUEST,		/* guest_*: the form; ck: the outcome */
};

struct door_job {
	enum door_job_kind	 kind;
	struct store_checkin	 ck;
	char			 guest_name[STORE_ROWTEXT_SIZE];
	char			 guest_kana[STORE_ROWTEXT_SIZE];
	char			 guest_email[STORE_ROWTEXT_SIZE];
	/* filled by the writer */
	uint64_t		 since_us;	/* trace_now() of its key */
	uint64_t		 seq;		/* 1, 2, ... in push order */
	int64_t			 queued_ms;	/* door_clock_ms() at push */
	int			 rc;		/* the store's code */
	char			 msg[512];	/* its message when not OK */
};

struct door_writer;

/* Milliseconds of a monotonic clock. */
int64_t	 door_clock_ms(void);
/* Start the writer of EVENT for DOOR (the --door name, NULL: none) on a
 * handle of its own on ST's environment.  Stop it before closing ST. */
struct door_writer *door_writer_start(struct store *st, const char *event,
	    const char *door);
/* Finish every job queued, then stop the thread and free W. */
void	 door_writer_stop(struct door_writer *w);
/* Queue a copy of JOB; returns its sequence number. */
uint64_t door_writer_push(struct door_writer *w, const struct door_job *job);
/* The next finished job, in push order, into *OUT: true, or false when
 * none has finished. */
bool	 door_writer_pop(struct door_writer *w, struct door_job *out);
/* When the oldest job not yet committed was queued (-1: none). */
int64_t	 door_writer_oldest(struct door_writer *w);
/* A descriptor that is readable while a finished job waits to be popped
 * (for poll() beside the terminal). */
int	 door_writer_fd(struct door_writer *w);

/* --- the replay of a file (tui/door-replay.c) ----------------------- */

/* Check in the scans of IN at EVENT for DOOR in one transaction, as
 * `checkin EVENT --from FILE` does (DESIGN.md "The door"): one ID a line,
 * blank lines and # comments skipped, optionally TAB and a time; print
 * one line per scan to OUT; *BAD counts the ERROR lines.  Returns
 * STORE_OK, STORE_NOTFOUND (no such event) or an environment error, when
 * nothing was written or printed. */
int	 door_replay(struct store *st, const char *event, const char *door,
	    FILE *in, FILE *out, int *bad);

#endif
