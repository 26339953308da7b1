/* screen-checkin.c -- the door (docs/DESIGN.md "The door"): one input line
 * that always has the focus, live matches, each outcome large in colour
 * and in words, this door's last check-ins that Ctrl-Z undoes, the
 * counters of every door; the kiosk that a volunteer cannot leave. */

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/i18n.h"
#include "store/xmalloc.h"
#include "tui/door.h"
#include "tui/screen.h"
#include "tui/trace.h"
#include "tui/tui.h"
#include "tui/width.h"

#define CHECKIN_PIN_MIN		4	/* digits of the kiosk's PIN */
#define CHECKIN_PIN_TRIES	3	/* wrong PINs before the wait */
#define CHECKIN_LOCK_MS		30000	/* the wait */
#define CHECKIN_PICK_MAX	30	/* events in the picker */

struct checkin {
	struct door		 d;
	struct door_writer	*w;
	char			 event[STORE_ID_MAX + 1];
	char			 ev_name[STORE_ROWTEXT_SIZE];
	char			 ev_date[STORE_DATE_SIZE];
	bool			 kiosk, bell;
	bool			 search_due;	/* input changed since the search */
	bool			 counts_due;	/* a write since the counters */
	bool			 waiting;	/* 待機中 is on screen */
	char			 pin[64];	/* kiosk: set when armed */
	char			 pin_first[64];	/* kiosk: while arming */
	int			 tries;		/* wrong PINs in a row */
	int64_t			 locked_until;	/* door_clock_ms() */
	struct door_job		 guest;		/* the guest form as it fills */
	char			 provisional[STORE_ID_MAX + 1];
};

/* --- reading the store ------------------------------------------------- */

static void
checkin_counts(struct tui *t, struct checkin *c)
{
	struct store_event	ev;

	if (store_event_get(t->st, c->event, &ev, &c->d.counts) == STORE_OK)
		store_event_free(&ev);
}

static void
checkin_search(struct tui *t, struct checkin *c)
{
	struct store_member_row	rows[DOOR_MATCH_MAX];
	size_t			got = 0;

	c->search_due = false;
	if (*field_text(&c->d.input) != '\0' &&
	    store_member_search(t->st, field_text(&c->d.input), NULL, rows,
	    DOOR_MATCH_MAX, &got) != STORE_OK)
		got = 0;
	door_set_matches(&c->d, rows, got);
}

/* --- results of the writer ---------------------------------------------- */

static void
checkin_done(struct tui *t, struct checkin *c, const struct door_job *j)
{
	char	buf[768];

	if (j->kind == DOOR_JOB_UNDO) {
		if (j->rc == STORE_OK) {
			door_undone(&c->d, j->ck.member);
			tui_status(t, _("Undone: %s %s"), j->ck.member,
			    j->ck.name);
		} else if (j->rc == STORE_CONFLICT) {
			/* the writer's handle has the error: say it here */
			snprintf(buf, sizeof buf, _("%s: changed since the "
			    "check-in (%s); not undone"), j->ck.member, j->msg);
			tui_error(t, "%s", buf);
		} else
			tui_error(t, _("%s: not undone: %s"), j->ck.member,
			    j->msg);
		return;
	}
	door_result(&c->d, &j->ck);
	tui_trace_late(t, "checkin", j->since_us);
	if (j->rc != STORE_OK)
		tui_error(t, "%s", j->msg);
	if (j->ck.outcome == STORE_CHECKIN_ERROR && c->bell)
		beep();
}

/* Between keys: results, the deferred search, 待機中.  While a write is
 * in flight it waits for the writer or a key, whichever comes first. */
static int
checkin_tick(struct tui *t, struct screen *s)
{
	struct checkin	*c = s->data;
	struct door_job	 j;
	struct pollfd	 p[2];
	int64_t		 oldest, now;
	bool		 popped = false, waiting;
	int		 ms;

again:
	while (door_writer_pop(c->w, &j)) {
		checkin_done(t, c, &j);
		popped = true;
	}
	if (popped) {
		/* the outcome first; the counters after it is drawn */
		c->counts_due = true;
		t->dirty = 1;
		return (-1);
	}
	if (c->counts_due && !tui_typeahead()) {
		c->counts_due = false;
		checkin_counts(t, c);
		t->dirty = 1;
	}
	if (c->search_due && !tui_typeahead()) {
		checkin_search(t, c);
		t->dirty = 1;
	}
	oldest = door_writer_oldest(c->w);
	now = door_clock_ms();
	waiting = door_waiting(oldest, now);
	if (waiting != c->waiting) {
		c->waiting = waiting;
		t->dirty = 1;
	}
	if (t->dirty || oldest < 0)
		return (-1);
	ms = waiting ? 250 : (int)(oldest + DOOR_WAIT_MS - now);
	p[0].fd = STDIN_FILENO;
	p[0].events = POLLIN;
	p[1].fd = door_writer_fd(c->w);
	p[1].events = POLLIN;
	if (poll(p, 2, ms > 0 ? ms : 0) > 0) {
		if (p[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			return (-1);	/* the terminal is gone: get_wch says */
		if (!(p[0].revents & POLLIN) && (p[1].revents & POLLIN))
			goto again;	/* a result: drawn before anything */
	}
	return (0);
}

/* --- the guest form: name, reading, optional e-mail ----------------------- */

static void
checkin_guest_email(struct tui *t, void *arg, int choice, const char *text)
{
	struct checkin	*c = arg;

	if (choice != 0) {
		tui_status(t, "%s", _("No guest was added"));
		return;
	}
	snprintf(c->guest.guest_email, sizeof c->guest.guest_email, "%s",
	    text);
	c->guest.kind = DOOR_JOB_GUEST;
	c->guest.since_us = trace_now();
	door_writer_push(c->w, &c->guest);
}

static void
checkin_guest_kana(struct tui *t, void *arg, int choice, const char *text)
{
	struct checkin	*c = arg;
	char		 title[256];

	if (choice != 0) {
		tui_status(t, "%s", _("No guest was added"));
		return;
	}
	snprintf(c->guest.guest_kana, sizeof c->guest.guest_kana, "%s", text);
	snprintf(title, sizeof title, _("Guest %s (provisional ID): e-mail "
	    "(may stay empty)"), c->provisional);
	tui_prompt(t, title, "", checkin_guest_email, c);
}

static void
checkin_guest_name(struct tui *t, void *arg, int choice, const char *text)
{
	struct checkin	*c = arg;
	char		 title[256];

	if (choice != 0) {
		tui_status(t, "%s", _("No guest was added"));
		return;
	}
	if (*text == '\0') {
		tui_error(t, "%s", _("a guest needs a name; no guest was "
		    "added"));
		return;
	}
	snprintf(c->guest.guest_name, sizeof c->guest.guest_name, "%s", text);
	snprintf(title, sizeof title, _("Guest %s (provisional ID): "
	    "reading"), c->provisional);
	tui_prompt(t, title, "", checkin_guest_kana, c);
}

static void
checkin_guest(struct tui *t, struct checkin *c)
{
	char	title[256];
	int	rc;

	if ((rc = store_guest_next_id(t->st, c->provisional)) != STORE_OK) {
		tui_store_error(t, rc);
		return;
	}
	memset(&c->guest, 0, sizeof c->guest);
	snprintf(title, sizeof title, _("Guest %s (provisional ID): name"),
	    c->provisional);
	tui_prompt(t, title, field_text(&c->d.input), checkin_guest_name, c);
}

/* --- the kiosk's PIN ------------------------------------------------------ */

static bool
checkin_pin_valid(const char *pin)
{
	size_t	n;

	for (n = 0; pin[n] != '\0'; n++) {
		if (pin[n] < '0' || pin[n] > '9')
			return (false);
	}
	return (n >= CHECKIN_PIN_MIN && n < sizeof ((struct checkin *)0)->pin);
}

static void	checkin_arm(struct tui *, struct checkin *);

static void
checkin_pin_second(struct tui *t, void *arg, int choice, const char *text)
{
	struct checkin	*c = arg;

	if (choice != 0) {
		t->quit = 1;	/* not armed yet: the staff may still leave */
		return;
	}
	if (strcmp(text, c->pin_first) != 0) {
		tui_error(t, "%s", _("the two PINs differ; choose it again"));
		checkin_arm(t, c);
		return;
	}
	snprintf(c->pin, sizeof c->pin, "%s", text);
	tui_status(t, "%s", _("Kiosk ready: Esc on an empty line asks for "
	    "the PIN to leave"));
}

static void
checkin_pin_first(struct tui *t, void *arg, int choice, const char *text)
{
	struct checkin	*c = arg;

	if (choice != 0) {
		t->quit = 1;
		return;
	}
	if (!checkin_pin_valid(text)) {
		tui_error(t, _("the PIN is %d digits or more"),
		    CHECKIN_PIN_MIN);
		checkin_arm(t, c);
		return;
	}
	snprintf(c->pin_first, sizeof c->pin_first, "%s", text);
	tui_prompt_secret(t, _("Kiosk: the same PIN again"),
	    checkin_pin_second, c);
}

static void
checkin_arm(struct tui *t, struct checkin *c)
{
	tui_prompt_secret(t, _("Kiosk: a PIN of 4 digits or more, to leave "
	    "later"), checkin_pin_first, c);
}

static void
checkin_pin_leave(struct tui *t, void *arg, int choice, const char *text)
{
	struct checkin	*c = arg;

	if (choice != 0)
		return;
	if (strcmp(text, c->pin) == 0) {
		t->quit = 1;
		return;
	}
	if (++c->tries >= CHECKIN_PIN_TRIES) {
		c->tries = 0;
		c->locked_until = door_clock_ms() + CHECKIN_LOCK_MS;
		tui_error(t, _("wrong PIN %d times: wait %d seconds"),
		    CHECKIN_PIN_TRIES, CHECKIN_LOCK_MS / 1000);
	} else
		tui_error(t, "%s", _("wrong PIN"));
}

static void
checkin_leave(struct tui *t, struct screen *s)
{
	struct checkin	*c = s->data;
	int64_t		 now = door_clock_ms();

	if (!c->kiosk) {
		tui_pop(t);
		return;
	}
	if (now < c->locked_until) {
		tui_error(t, _("wrong PIN %d times: wait %d seconds"),
		    CHECKIN_PIN_TRIES,
		    (int)((c->locked_until - now + 999) / 1000));
		return;
	}
	tui_prompt_secret(t, _("The PIN to leave the kiosk"),
	    checkin_pin_leave, c);
}

/* --- keys ----------------------------------------------------------------- */

static void
checkin_text(struct tui *t, struct screen *s, int key)
{
	struct checkin	*c = s->data;

	(void)t;
	door_type(&c->d, (uint32_t)key);
	c->search_due = true;
}

static void
checkin_act(struct tui *t, struct screen *s, enum action act, int key)
{
	struct checkin		*c = s->data;
	const struct store_checkin *undo;
	struct door_job		 j;

	(void)key;
	if (tui_field_act(&c->d.input, act)) {
		door_edit(&c->d);
		c->search_due = true;
		return;
	}
	memset(&j, 0, sizeof j);
	switch (act) {
	case ACT_SCAN:
		if (c->search_due && *field_text(&c->d.input) != '\0')
			c->d.nmatch = 0;	/* the matches of older text */
		c->search_due = false;
		if (!door_enter(&c->d, &j.ck))
			return;
		j.kind = DOOR_JOB_SCAN;
		j.since_us = trace_now();
		door_writer_push(c->w, &j);
		return;
	case ACT_UP:
		door_move(&c->d, -1);
		return;
	case ACT_DOWN:
		door_move(&c->d, 1);
		return;
	case ACT_UNDO:
		if ((undo = door_undo_next(&c->d)) == NULL) {
			tui_status(t, "%s", _("Nothing of this door to undo"));
			return;
		}
		j.kind = DOOR_JOB_UNDO;
		j.ck = *undo;
		door_writer_push(c->w, &j);
		return;
	case ACT_GUEST:
		checkin_guest(t, c);
		return;
	case ACT_BACK:
		if (*field_text(&c->d.input) != '\0') {
			field_set(&c->d.input, "");
			door_edit(&c->d);
			c->search_due = true;
		} else
			checkin_leave(t, s);
		return;
	default:
		return;
	}
}

/* --- drawing -------------------------------------------------------------- */

static const char *
checkin_reason(const struct store_checkin *ck)
{
	switch (ck->reason) {
	case STORE_CHECKIN_UNKNOWN:
		return (_("no member has this ID"));
	case STORE_CHECKIN_LEFT:
		return (_("this member has left (退会)"));
	case STORE_CHECKIN_INVALID:
		return (_("this is not an ID"));
	default:
		return (_("the database refused the check-in"));
	}
}

/* "18:04" of a check-in time. */
static void
checkin_hhmm(int64_t at, char out[8])
{
	char	iso[20];

	out[0] = '\0';
	if (at == 0)
		return;
	store_time_iso(at, iso, sizeof iso);
	memcpy(out, iso + 11, 5);
	out[5] = '\0';
}

/* What the outcome adds after the name, into BUF. */
static void
checkin_details(const struct store_checkin *ck, char *buf, size_t size)
{
	char	hhmm[8];
	size_t	len;

	buf[0] = '\0';
	if (ck->outcome == STORE_CHECKIN_ALREADY) {
		checkin_hhmm(ck->checked_in_at, hhmm);
		if (hhmm[0] == '\0')
			snprintf(buf, size, "%s", _("Already attended "
			    "(marked without a check-in)"));
		else
			snprintf(buf, size, _("Already checked in %s %s"),
			    hhmm, ck->door);
		return;
	}
	if (ck->outcome == STORE_CHECKIN_ERROR) {
		snprintf(buf, size, "%s: %s", checkin_reason(ck), ck->text);
		return;
	}
	snprintf(buf, size, _("Attendances %u %s %u"), ck->total_before,
	    tui_arrow(), ck->total_after);
#define CHECKIN_ADD(...) do { len = strlen(buf); \
	snprintf(buf + len, size - len, __VA_ARGS__); } while (0)
	if (ck->first_time)
		CHECKIN_ADD("   %s", _("First time"));
	if (ck->created)
		CHECKIN_ADD("   %s", _("Walk-in"));
	if (ck->previous != STORE_FINAL_PENDING)
		CHECKIN_ADD("   %s %s %s", store_final_text(ck->previous),
		    tui_arrow(), store_final_text(STORE_FINAL_ATTENDED));
	if (ck->over_capacity)
		CHECKIN_ADD("   %s", _("Over capacity"));
	if (ck->suspended)
		CHECKIN_ADD("   %s", _("Suspended member (休会): tell the "
		    "office"));
#undef CHECKIN_ADD
}

/* The outcome, large: a band in its colour with its words, the name and
 * what it means.  Returns the lines used. */
static int
checkin_draw_last(struct tui *t, struct checkin *c, WINDOW *w, int y, int h,
    int cols)
{
	const struct store_checkin *ck = &c->d.last;
	char		 line[1024];
	const char	*word, *code;
	attr_t		 band;

	switch (ck->outcome) {
	case STORE_CHECKIN_OK:
		word = _("Check-in done");
		code = "OK";
		band = tui_attr(t, TA_OK);
		break;
	case STORE_CHECKIN_ALREADY:
		word = _("Already checked in");
		code = "ALREADY";
		band = tui_attr(t, TA_WARN);
		break;
	default:
		word = _("Error");
		code = "ERROR";
		band = tui_attr(t, TA_ERROR);
		break;
	}
	band |= A_REVERSE | A_BOLD;
	if (y + 5 > h)
		return (0);
	snprintf(line, sizeof line, "   %s   %s", word, code);
	draw_text(w, y, 0, cols, "", band);
	draw_text(w, y + 1, 0, cols, line, band);
	draw_text(w, y + 2, 0, cols, "", band);
	if (ck->outcome == STORE_CHECKIN_ERROR && ck->member[0] == '\0')
		snprintf(line, sizeof line, "   %s", ck->text);
	else
		snprintf(line, sizeof line, "   %s  (%s)  %s", ck->name,
		    ck->kana, ck->member);
	draw_text(w, y + 3, 0, cols, line, A_BOLD);
	checkin_details(ck, line + 3, sizeof line - 3);
	memcpy(line, "   ", 3);
	draw_text(w, y + 4, 0, cols, line, A_NORMAL);
	return (5);
}

static void
checkin_draw_match(struct checkin *c, size_t i, char *buf, size_t size,
    int cols)
{
	const struct store_member_row *r = &c->d.match[i];
	size_t	len = 0;
	int	idw = cols / 6, namew = cols / 4, kanaw = cols / 4;

	buf[0] = '\0';
	draw_cell(buf, size, &len, "  ", 2, 0);
	draw_cell(buf, size, &len, r->id, idw, 0);
	draw_cell(buf, size, &len, " ", 1, 0);
	draw_cell(buf, size, &len, r->name, namew, 0);
	draw_cell(buf, size, &len, " ", 1, 0);
	draw_cell(buf, size, &len, r->kana, kanaw, 0);
	if (!c->kiosk) {	/* the kiosk draws no contact field */
		draw_cell(buf, size, &len, " ", 1, 0);
		draw_cell(buf, size, &len, r->email,
		    cols - 5 - idw - namew - kanaw, 0);
	}
}

static void
checkin_draw(struct tui *t, struct screen *s, WINDOW *w, int h, int cols)
{
	struct checkin	*c = s->data;
	char		 line[1024], view[512], hhmm[8];
	const char	*prompt;
	size_t		 i;
	int		 y = 0, pw, col;

	snprintf(line, sizeof line, _("Check-in  %s  %s  (%s)"), c->ev_date,
	    c->ev_name, c->event);
	draw_text(w, y++, 0, cols, line, A_BOLD);
	snprintf(line, sizeof line, _("Checked in %u   Accepted %u   "
	    "Invited %u   Walk-ins %u"), c->d.counts.attended,
	    c->d.counts.accepted, c->d.counts.invited, c->d.counts.walk_in);
	draw_text(w, y++, 0, cols, line, A_NORMAL);
	prompt = _("ID or name: ");
	pw = width_str(prompt);
	draw_text(w, y, 0, cols, prompt, A_BOLD);
	field_view(&c->d.input, cols - pw - 1, view, sizeof view, &col);
	/* an error's text, kept for correction, shows as selected */
	draw_text(w, y, pw, cols - pw, view, c->d.replace ? A_REVERSE :
	    A_UNDERLINE);
	s->cur_y = y++;
	s->cur_x = pw + col;
	if (c->waiting)
		draw_text(w, y, 0, cols, _("Waiting: another process is "
		    "writing; scans are kept in order"), tui_attr(t, TA_WARN) |
		    A_BOLD);
	y++;
	/* the matches while typing, then the last outcome where it fits */
	for (i = 0; i < c->d.nmatch && y < h; i++, y++) {
		checkin_draw_match(c, i, line, sizeof line, cols);
		draw_text(w, y, 0, cols, line, i == c->d.sel ? A_REVERSE :
		    A_NORMAL);
	}
	if (c->d.has_last)
		y += checkin_draw_last(t, c, w, y, h, cols);
	if (y + 2 > h)
		return;
	draw_text(w, ++y, 0, cols, _("This door's check-ins (Ctrl-Z undoes "
	    "the newest)"), tui_attr(t, TA_HEADER));
	for (i = 0, y++; i < c->d.nrecent && y < h; i++, y++) {
		checkin_hhmm(c->d.recent[i].checked_in_at, hhmm);
		snprintf(line, sizeof line, "  %s  %s  %s%s%s", hhmm,
		    c->d.recent[i].member, c->d.recent[i].name,
		    c->d.recent[i].created ? "  " : "",
		    c->d.recent[i].created ? _("Walk-in") : "");
		draw_text(w, y, 0, cols, line, A_NORMAL);
	}
}

static void
checkin_reload(struct tui *t, struct screen *s)
{
	checkin_counts(t, s->data);
}

static void
checkin_free(struct screen *s)
{
	struct checkin	*c = s->data;

	/* the scans already queued are written before the door closes */
	door_writer_stop(c->w);
	door_free(&c->d);
	free(c);
}

static const struct screen_ops checkin_ops = {
	.name = "checkin",
	.draw = checkin_draw,
	.act = checkin_act,
	.text = checkin_text,
	.reload = checkin_reload,
	.free = checkin_free,
	.tick = checkin_tick,
};

struct screen *
screen_checkin_new(struct tui *t, const char *event, const char *door,
    bool kiosk, bool bell)
{
	struct store_event	 ev;
	struct checkin		*c;
	struct screen		*s;
	int			 rc;

	if ((rc = store_event_get(t->st, event, &ev, NULL)) != STORE_OK) {
		tui_store_error(t, rc);
		return (NULL);
	}
	c = xcalloc(1, sizeof *c);
	door_init(&c->d);
	memcpy(c->event, ev.code, sizeof c->event);
	snprintf(c->ev_name, sizeof c->ev_name, "%s", ev.name);
	memcpy(c->ev_date, ev.date, sizeof c->ev_date);
	store_event_free(&ev);
	c->kiosk = kiosk;
	c->bell = bell;
	if (door == NULL || *door == '\0')
		door = getenv("SANKA_USER");
	c->w = door_writer_start(t->st, c->event, door);
	checkin_counts(t, c);
	/* the kiosk reaches nothing else: no panel, help or quit keys */
	s = tui_screen_new(&checkin_ops, KC_DOOR | KC_FIELD |
	    (kiosk ? 0 : KC_GLOBAL), c);
	return (s);
}

/* --- sanka checkin [EVENT]: today's event, or a picker ------------------- */

struct checkin_pick {
	char		 today[STORE_DATE_SIZE];
	bool		 today_only;
	char		 code[CHECKIN_PICK_MAX][STORE_ID_MAX + 1];
	char		*label[CHECKIN_PICK_MAX];
	size_t		 n;
	const struct tui_door_opts *opts;
};

static int
checkin_pick_add(const struct store_event *e,
    const struct store_event_counts *ec, void *arg)
{
	struct checkin_pick	*p = arg;

	(void)ec;
	if (p->n == CHECKIN_PICK_MAX ||
	    (p->today_only && strcmp(e->date, p->today) != 0))
		return (0);
	memcpy(p->code[p->n], e->code, sizeof p->code[0]);
	p->label[p->n++] = xasprintf("%s  %s  %s", e->date, e->code,
	    e->name != NULL ? e->name : "");
	return (0);
}

static void
checkin_pick_free(struct checkin_pick *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		free(p->label[i]);
	free(p);
}

/* The events a door may open: today's; when there are none and this is
 * not the kiosk, every event (newest first).  Caller frees. */
static struct checkin_pick *
checkin_pick_list(struct store *st, const struct tui_door_opts *o)
{
	struct checkin_pick	*p = xcalloc(1, sizeof *p);

	p->opts = o;
	store_today(p->today);
	p->today_only = true;
	(void)store_event_each(st, checkin_pick_add, p);
	if (p->n == 0 && !o->kiosk) {
		p->today_only = false;
		(void)store_event_each(st, checkin_pick_add, p);
	}
	return (p);
}

int
screen_checkin_check(struct store *st, const struct tui_door_opts *o,
    char *msg, size_t size)
{
	struct checkin_pick	*p;
	struct store_event	 ev;
	char			 today[STORE_DATE_SIZE];
	int			 rc;

	store_today(today);
	if (o->event != NULL) {
		if ((rc = store_event_get(st, o->event, &ev, NULL)) !=
		    STORE_OK) {
			snprintf(msg, size, "%s", store_last_error(st)->msg);
			return (store_exit_code(rc));
		}
		rc = o->kiosk && strcmp(ev.date, today) != 0;
		if (rc)
			snprintf(msg, size, _("event %s is on %s; the kiosk "
			    "checks in today's events only (%s)"), ev.code,
			    ev.date, today);
		store_event_free(&ev);
		return (rc ? 1 : 0);
	}
	p = checkin_pick_list(st, o);
	rc = p->n == 0;
	if (rc)
		snprintf(msg, size, o->kiosk ? _("no event today (%s); the "
		    "kiosk checks in today's events only") : _("there are no "
		    "events yet (%s)"), today);
	checkin_pick_free(p);
	return (rc ? 1 : 0);
}

static void
checkin_open(struct tui *t, const char *code, const struct tui_door_opts *o)
{
	struct screen	*s;
	int		 panel = tui_panel_of(screen_events_new);

	if ((s = screen_checkin_new(t, code, o->door, o->kiosk, o->bell)) ==
	    NULL)
		return;
	tui_push(t, panel, s);
	if (o->kiosk)
		checkin_arm(t, s->data);
}

static void
checkin_picked(struct tui *t, void *arg, int choice, const char *text)
{
	struct checkin_pick	*p = arg;

	(void)text;
	if (choice >= 0 && (size_t)choice < p->n)
		checkin_open(t, p->code[choice], p->opts);
	else if (p->opts->kiosk)
		t->quit = 1;
	checkin_pick_free(p);
}

void
screen_checkin_begin(struct tui *t, const struct tui_door_opts *o)
{
	struct checkin_pick	*p;

	t->kiosk = o->kiosk;
	if (o->event != NULL) {
		checkin_open(t, o->event, o);
		return;
	}
	p = checkin_pick_list(t->st, o);
	if (p->n == 1 && p->today_only) {
		checkin_open(t, p->code[0], o);
		checkin_pick_free(p);
		return;
	}
	tui_panel(t, tui_panel_of(screen_events_new));
	tui_menu(t, p->today_only ? _("Which of today's events?") :
	    _("No event today: which event?"),
	    (const char *const *)p->label, p->n, 0, checkin_picked, p);
}
