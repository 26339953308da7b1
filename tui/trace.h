/* trace.h -- the timing trace for benchmarks ($SANKA_TRACE=FILE).
 *
 * One line per event, appended:  T_US KIND DUR_US
 *   T_US    CLOCK_MONOTONIC in microseconds when the event ended
 *   KIND    "start": from process start (a constructor: after the dynamic
 *           loader, before main) to the first full frame on the terminal;
 *           a key: "search" (a character typed or erased in a search, or
 *           `/`), "down", "up", "pgdn", "pgup", "top", "bottom", "open",
 *           "back", "panel", "sort", "mark" (a status key or a confirmed
 *           question), "undo", "dialog", "resize", "key" (any other);
 *           "checkin": the door's Enter of a scan, to the redraw that
 *           shows its outcome (drawn after the commit);
 *           "refresh": another process's commit noticed and the panel
 *           redrawn.
 *   DUR_US  for a key, from reading it (get_wch returned) to the end of
 *           the redraw (doupdate returned); for "refresh", from noticing
 *           the new transaction to the end of the redraw.
 */
#ifndef SANKA_TUI_TRACE_H
#define SANKA_TUI_TRACE_H

#include <stdint.h>

void		 trace_open(void);	/* reads $SANKA_TRACE */
void		 trace_close(void);
uint64_t	 trace_now(void);	/* monotonic microseconds */
uint64_t	 trace_started(void);	/* trace_now() at process start */
void		 trace_event(const char *kind, uint64_t since);

#endif
