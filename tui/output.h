/* output.h -- print and mail from the screens (tui/output.c). */
#ifndef SANKA_TUI_OUTPUT_H
#define SANKA_TUI_OUTPUT_H

struct tui;

/* Ask what to make and its options, then make it and say where it went.
 * EVENT (NULL: none) is the event of an event's page: its participants
 * for badges and the door's list, event.* for letters and mail.  FILTER
 * (NULL: "invited=EVENT" with an event, else none) is the filter offered,
 * the member list's own when it shows one. */
void	output_start(struct tui *, const char *event, const char *filter);

#endif
