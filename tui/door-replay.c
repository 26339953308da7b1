/* door-replay.c -- `checkin EVENT --from FILE`: the scans a scanner logged
 * or a laptop kept while the network was down, checked in later in one
 * transaction, one never translated tab-separated line per scan. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/xmalloc.h"
#include "tui/door.h"

/* The words of DESIGN.md for enum store_checkin_reason. */
static const char *
door_reason_word(enum store_checkin_reason r)
{
	switch (r) {
	case STORE_CHECKIN_UNKNOWN:
		return ("unknown");
	case STORE_CHECKIN_LEFT:
		return ("left");
	case STORE_CHECKIN_INVALID:
		return ("invalid");
	default:
		return ("refused");
	}
}

/* Cut spaces (ASCII, tab, U+3000) from both ends of S, in place. */
static char *
door_trim(char *s)
{
	char	*e;

	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (strncmp(s, "\u3000", 3) == 0)
			s += 3;
		else
			break;
	}
	e = s + strlen(s);
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
		    e[-1] == '\n'))
			e--;
		else if (e - s >= 3 && strncmp(e - 3, "\u3000", 3) == 0)
			e -= 3;
		else
			break;
	}
	*e = '\0';
	return (s);
}

/* Print TEXT with control characters as '?' (a line stays one line). */
static void
door_put_text(FILE *out, const char *text)
{
	for (; *text != '\0'; text++)
		fputc((unsigned char)*text < 0x20 || *text == 0x7f ? '?' :
		    *text, out);
}

static void
door_replay_print(FILE *out, const struct store_checkin *it)
{
	char	when[20];

	switch (it->outcome) {
	case STORE_CHECKIN_OK:
		fprintf(out, "OK\t%s\t", it->member);
		door_put_text(out, it->name);
		break;
	case STORE_CHECKIN_ALREADY:
		when[0] = '\0';
		if (it->checked_in_at != 0)
			store_time_iso(it->checked_in_at, when, sizeof when);
		fprintf(out, "ALREADY\t%s\t", it->member);
		door_put_text(out, it->name);
		fprintf(out, "\t%s\t", when);
		door_put_text(out, it->door);
		break;
	default:
		fputs("ERROR\t", out);
		door_put_text(out, it->text);
		fprintf(out, "\t%s", door_reason_word(it->reason));
		break;
	}
	fputc('\n', out);
}

/* One line of the file into IT; false for a blank line or a comment. */
static bool
door_replay_line(char *line, const char *date, struct store_checkin *it)
{
	char	*text, *tab, *when = NULL;

	memset(it, 0, sizeof *it);
	text = door_trim(line);
	if (*text == '\0' || *text == '#')
		return (false);
	if ((tab = strchr(text, '\t')) != NULL) {
		*tab = '\0';
		when = door_trim(tab + 1);
		text = door_trim(text);
	}
	snprintf(it->text, sizeof it->text, "%s", text);
	if (strlen(text) >= sizeof it->text || (when != NULL &&
	    *when != '\0' && store_time_parse(when, date, &it->at) !=
	    STORE_OK)) {
		/* no ID is that long; a time that is not one: not a guess */
		it->outcome = STORE_CHECKIN_ERROR;
		it->reason = STORE_CHECKIN_INVALID;
	}
	return (true);
}

int
door_replay(struct store *st, const char *event, const char *door, FILE *in,
    FILE *out, int *bad)
{
	struct store_checkin	*items = NULL, *run = NULL;
	struct store_event	 ev;
	char			*line = NULL;
	size_t			 cap = 0, n = 0, nrun = 0, linecap = 0, i, j;
	int			 rc;

	*bad = 0;
	if ((rc = store_event_get(st, event, &ev, NULL)) != STORE_OK)
		return (rc);
	while (getline(&line, &linecap, in) != -1) {
		if (n == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			items = xreallocarray(items, cap, sizeof *items);
		}
		if (door_replay_line(line, ev.date, &items[n]))
			n++;
	}
	free(line);
	/* the scans the store is to see, in order, in one run */
	run = xreallocarray(NULL, n == 0 ? 1 : n, sizeof *run);
	for (i = 0; i < n; i++) {
		if (items[i].outcome != STORE_CHECKIN_ERROR)
			run[nrun++] = items[i];
	}
	/* nothing to write: no write transaction to wait for either */
	rc = nrun == 0 ? STORE_OK : store_checkin_run(st, ev.code, door, run,
	    nrun);
	for (i = j = 0; rc == STORE_OK && i < n; i++) {
		if (items[i].outcome != STORE_CHECKIN_ERROR)
			items[i] = run[j++];
		door_replay_print(out, &items[i]);
		*bad += items[i].outcome == STORE_CHECKIN_ERROR;
	}
	store_event_free(&ev);
	free(run);
	free(items);
	return (rc);
}
