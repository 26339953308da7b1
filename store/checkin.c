/* checkin.c -- the door: scanned or typed text resolved to a member and
 * checked in, in one durable transaction with the aggregate; the undo of
 * a check-in; the times a replayed scan carries. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicase.h>
#include <uninorm.h>

#include "store/store-int.h"
#include "store/checkin-int.h"

/* Entries of name_index looked at for a case-folded ID: enough for every
 * text that starts with an ID, few enough to stay quick on a short one. */
#define CK_CASE_SCAN	512

void
store_checkin_by(const struct store *st, const char *door,
    char out[STORE_USER_SIZE])
{
	int	 ulen = (int)strcspn(st->actor, " ");
	char	*p;

	if (door == NULL || *door == '\0')
		snprintf(out, STORE_USER_SIZE, "%.*s", ulen, st->actor);
	else {
		snprintf(out, STORE_USER_SIZE, "%.*s (%.*s)", ulen, st->actor,
		    (int)(STORE_USER_SIZE - (size_t)ulen - 4), door);
		/* cut whole characters only */
		codec_copy_text(out, STORE_USER_SIZE, out, strlen(out));
	}
	for (p = out; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	}
}

/* The door in a checked_in_by "user (door)"; "" when none. */
static void
ck_door_of(const char *by, char out[STORE_USER_SIZE])
{
	const char	*open = strstr(by, " (");
	size_t		 n;

	out[0] = '\0';
	if (open == NULL || (n = strlen(open + 2)) == 0 ||
	    open[2 + n - 1] != ')')
		return;
	codec_copy_text(out, STORE_USER_SIZE, open + 2, n - 1);
}

/* The event's attended records, counted at the start of a run. */
static int
ck_count_attended(struct ck_run *r)
{
	struct store		*st = r->w.st;
	struct store_attendance	 a;
	struct cur		 c;
	MDB_val			 k, v;
	char			 key[STORE_ID_MAX + 2];
	size_t			 clen = strlen(r->event);
	int			 rc, op;

	memcpy(key, r->event, clen + 1);
	if ((rc = store_cursor(st, r->w.txn, DB_ATT, &c)) != STORE_OK)
		return (rc);
	k.mv_data = key;
	k.mv_size = clen + 1;
	for (op = MDB_SET_RANGE;; op = MDB_NEXT) {
		if ((rc = cur_get(&c, &k, &v, op)) != 0)
			break;
		if (k.mv_size <= clen + 1 || memcmp(k.mv_data, key,
		    clen + 1) != 0)
			break;
		if (codec_att_dec(&v, &a, false) == STORE_OK &&
		    a.final == STORE_FINAL_ATTENDED)
			r->attended++;
	}
	cur_close(&c);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return (store_mdb(st, rc, "attendance"));
	return (STORE_OK);
}

int
ck_begin(struct store *st, struct ck_run *r, const char *eventin,
    const char *door)
{
	struct store_event	ev;
	MDB_val			v;
	int			rc;

	memset(r, 0, sizeof *r);
	if ((rc = access_need(st, STORE_AREA_ATTENDANCE,
	    STORE_ACT_CHECKIN)) != STORE_OK)
		return (rc);
	if ((rc = store_key_fold(eventin, r->event, "event_code",
	    &st->err)) != STORE_OK)
		return (rc == STORE_INVALID ? STORE_NOTFOUND : rc);
	if ((rc = store_wbegin(st, &r->w)) != STORE_OK)
		return (rc);
	store_checkin_by(st, door, r->by);
	if ((rc = event_date(&r->w, r->event, r->date)) != STORE_OK) {
		if (rc == STORE_NOTFOUND)
			store_err(st, rc, "event_code",
			    _("event %s not found"), r->event);
		goto fail;
	}
	if ((rc = store_get(st, r->w.txn, DB_EVENTS, r->event,
	    strlen(r->event), &v)) != STORE_OK)
		goto fail;
	if (codec_event_dec(&v, r->event, &ev) != STORE_OK) {
		rc = store_err(st, STORE_IO, NULL,
		    _("event %s: corrupt record"), r->event);
		goto fail;
	}
	r->capacity = ev.capacity;
	store_event_free(&ev);
	if (r->capacity > 0 && (rc = ck_count_attended(r)) != STORE_OK)
		goto fail;
	return (STORE_OK);
fail:
	store_wabort(&r->w);
	return (rc);
}

static bool
ck_case_equal(const char *a, const char *b)
{
	int	res;

	return (u8_casecmp((const uint8_t *)a, strlen(a),
	    (const uint8_t *)b, strlen(b), NULL, UNINORM_NFKC, &res) == 0 &&
	    res == 0);
}

/* Note candidate ID; *N counts the distinct ones (stops at 2). */
static void
ck_candidate(const char *id, char found[STORE_ID_MAX + 1], int *n)
{
	if (*n == 0) {
		snprintf(found, STORE_ID_MAX + 1, "%s", id);
		*n = 1;
	} else if (strcmp(found, id) != 0)
		*n = 2;
}

/* The single member whose ID equals KEY case-folded.  A plain ID (upper
 * case ASCII) is a key of members; any other ID is in name_index under
 * its fold, possibly as the start of a longer text of the same member. */
static int
ck_resolve_case(struct ck_run *r, const char *key, char id[STORE_ID_MAX + 1])
{
	struct store	*st = r->w.st;
	struct cur	 c;
	MDB_val		 k, v;
	char		 up[STORE_ID_MAX + 1], cand[STORE_ID_MAX + 1];
	char		 found[STORE_ID_MAX + 1];
	char		*fold;
	const char	*p;
	size_t		 i, flen, idlen;
	int		 n = 0, rc, op;

	for (i = 0; key[i] != '\0'; i++)
		up[i] = key[i] >= 'a' && key[i] <= 'z' ?
		    (char)(key[i] - 'a' + 'A') : key[i];
	up[i] = '\0';
	if (strcmp(up, key) != 0) {
		rc = store_get(st, r->w.txn, DB_MEMBERS, up, strlen(up), &v);
		if (rc == STORE_OK)
			ck_candidate(up, found, &n);
		else if (rc != STORE_NOTFOUND)
			return (rc);
	}
	if ((fold = store_fold(key)) == NULL || (flen = strlen(fold)) == 0 ||
	    flen > STORE_TEXT_KEY_MAX) {
		free(fold);
		goto done;
	}
	if ((rc = store_cursor(st, r->w.txn, DB_NAME, &c)) != STORE_OK) {
		free(fold);
		return (rc);
	}
	k.mv_data = fold;
	k.mv_size = flen;
	for (i = 0, op = MDB_SET_RANGE; i < CK_CASE_SCAN && n < 2;
	    i++, op = MDB_NEXT) {
		if ((rc = cur_get(&c, &k, &v, op)) != 0)
			break;
		if (k.mv_size < flen || memcmp(k.mv_data, fold, flen) != 0)
			break;
		p = idx_key_id(DB_NAME, k.mv_data, k.mv_size, &idlen);
		if (idlen == 0 || idlen > STORE_ID_MAX)
			continue;
		memcpy(cand, p, idlen);
		cand[idlen] = '\0';
		if (ck_case_equal(cand, key))
			ck_candidate(cand, found, &n);
	}
	cur_close(&c);
	free(fold);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return (store_mdb(st, rc, "name_index"));
done:
	if (n != 1)
		return (store_err(st, STORE_NOTFOUND, "member_id",
		    _("member %s not found"), key));
	snprintf(id, STORE_ID_MAX + 1, "%s", found);
	return (STORE_OK);
}

/* The member TEXT names: its NFKC-folded ID, else the single member whose
 * ID equals it case-folded.  STORE_OK (ID filled), STORE_NOTFOUND,
 * STORE_INVALID (not an ID), or an environment error. */
static int
ck_resolve(struct ck_run *r, const char *text, char id[STORE_ID_MAX + 1])
{
	struct store	*st = r->w.st;
	char		 key[STORE_ID_MAX + 1];
	MDB_val		 v;
	int		 rc;

	if ((rc = store_key_fold(text, key, "member_id", &st->err)) != 0)
		return (rc);
	rc = store_get(st, r->w.txn, DB_MEMBERS, key, strlen(key), &v);
	if (rc == STORE_OK)
		snprintf(id, STORE_ID_MAX + 1, "%s", key);
	else if (rc == STORE_NOTFOUND)
		rc = ck_resolve_case(r, key, id);
	/* a member outside the role's rows does not exist for it */
	if (rc == STORE_OK && !access_id_ok(st, r->w.txn, id))
		rc = STORE_NOTFOUND;
	return (rc);
}

static void
ck_error(struct store_checkin *it, enum store_checkin_reason reason)
{
	it->outcome = STORE_CHECKIN_ERROR;
	it->reason = reason;
}

/* Clear what the store fills in IT, keeping what the caller gave. */
static void
ck_reset(struct store_checkin *it)
{
	struct store_checkin	in;

	memset(&in, 0, sizeof in);
	memcpy(in.text, it->text, sizeof in.text);
	memcpy(in.fallback, it->fallback, sizeof in.fallback);
	in.text[sizeof in.text - 1] = '\0';
	in.fallback[sizeof in.fallback - 1] = '\0';
	in.at = it->at;
	*it = in;
}

/* Check the member found into the event: IT->member is set. */
static int
ck_attend(struct ck_run *r, struct store_checkin *it)
{
	struct store		*st = r->w.st;
	struct store_attendance	 old, res;
	struct store_change	 c;
	struct agg		 g;
	MDB_val			 v;
	char			 k[2 * STORE_ID_MAX + 2];
	bool			 exists;
	int			 rc, changed;

	memset(&old, 0, sizeof old);
	rc = store_get(st, r->w.txn, DB_ATT, k, idx_att_key(k, r->event,
	    it->member), &v);
	if (rc != STORE_OK && rc != STORE_NOTFOUND)
		return (rc);
	if ((exists = rc == STORE_OK) && codec_att_dec(&v, &old, false) != 0)
		return (store_err(st, STORE_IO, NULL, _("attendance %s/%s: "
		    "corrupt record"), r->event, it->member));
	if (exists && old.final == STORE_FINAL_ATTENDED) {
		it->outcome = STORE_CHECKIN_ALREADY;
		it->checked_in_at = old.checked_in_at;
		if (old.checked_in_at != 0)
			ck_door_of(old.checked_in_by, it->door);
		return (STORE_OK);
	}
	if ((rc = agg_get(&r->w, it->member, &g)) != STORE_OK)
		return (rc);
	it->total_before = g.s.total;
	store_change_init(&c, r->event, it->member);
	c.final = STORE_FINAL_ATTENDED;
	c.checkin = true;
	c.checkin_at = it->at;
	c.checkin_by = r->by;
	if (!exists)
		c.walk_in = 1;
	if ((rc = att_apply_one(&r->w, &c, &res, &changed)) != STORE_OK)
		return (rc);
	it->version = res.version;
	it->checked_in_at = res.checked_in_at;
	store_attendance_free(&res);
	if ((rc = agg_get(&r->w, it->member, &g)) != STORE_OK)
		return (rc);
	it->total_after = g.s.total;
	it->outcome = STORE_CHECKIN_OK;
	it->created = !exists;
	it->previous = exists ? old.final : STORE_FINAL_PENDING;
	it->prev_at = old.checked_in_at;
	memcpy(it->prev_by, old.checked_in_by, sizeof it->prev_by);
	it->first_time = it->total_before == 0;
	r->attended++;
	it->over_capacity = r->capacity > 0 &&
	    r->attended > (uint32_t)r->capacity;
	return (STORE_OK);
}

int
ck_one(struct ck_run *r, struct store_checkin *it)
{
	struct store		*st = r->w.st;
	struct store_member_row	 mr;
	MDB_val			 v;
	int			 rc;

	ck_reset(it);
	rc = ck_resolve(r, it->text, it->member);
	if (rc == STORE_NOTFOUND && it->fallback[0] != '\0')
		rc = ck_resolve(r, it->fallback, it->member);
	if (rc == STORE_INVALID || rc == STORE_NOTFOUND) {
		ck_error(it, rc == STORE_INVALID ? STORE_CHECKIN_INVALID :
		    STORE_CHECKIN_UNKNOWN);
		store_err_clear(st);
		return (STORE_OK);
	}
	if (rc != STORE_OK)
		return (rc);
	if ((rc = store_get(st, r->w.txn, DB_MEMBERS, it->member,
	    strlen(it->member), &v)) != STORE_OK)
		return (rc);
	codec_member_row(&v, &mr);
	memcpy(it->name, mr.name, sizeof it->name);
	memcpy(it->kana, mr.kana, sizeof it->kana);
	if (mr.status == STORE_MEMBER_LEFT) {
		ck_error(it, STORE_CHECKIN_LEFT);
		return (STORE_OK);
	}
	it->suspended = mr.status == STORE_MEMBER_SUSPENDED;
	rc = ck_attend(r, it);
	if (rc == STORE_INVALID || rc == STORE_CONFLICT) {
		/* refused before anything was written */
		ck_error(it, STORE_CHECKIN_REFUSED);
		store_err_clear(st);
		return (STORE_OK);
	}
	return (rc);
}

int
store_checkin_run(struct store *st, const char *event, const char *door,
    struct store_checkin *items, size_t n)
{
	struct ck_run	r;
	size_t		i;
	bool		any = false;
	int		rc;

	store_err_clear(st);
	if ((rc = ck_begin(st, &r, event, door)) != STORE_OK)
		return (rc);
	for (i = 0; i < n; i++) {
		if ((rc = ck_one(&r, &items[i])) != STORE_OK) {
			store_wabort(&r.w);
			return (rc);
		}
		any |= items[i].outcome == STORE_CHECKIN_OK;
	}
	if (!any) {
		store_wabort(&r.w);
		return (STORE_OK);
	}
	return (store_wcommit(&r.w));
}

/* Remove the walk-in record DONE created (its state OLD). */
static int
ck_undo_created(struct ck_run *r, const struct store_checkin *done,
    const struct store_attendance *old)
{
	char	nw[2 * STORE_USER_SIZE];
	int	rc;

	if ((rc = att_drop(&r->w, r->event, done->member, r->date,
	    (int)old->final)) != STORE_OK ||
	    (rc = agg_delta(&r->w, done->member, r->date, r->event,
	    (int)old->final, (int)old->response, -1, -1)) != STORE_OK)
		return (rc);
	snprintf(nw, sizeof nw, "removed: the check-in by %s was undone",
	    old->checked_in_by);
	return (audit_add(&r->w, "attendance", "undo", done->member, r->event,
	    "final=attended; walk_in=1", nw));
}

int
store_checkin_undo(struct store *st, const char *event,
    const struct store_checkin *done)
{
	struct store_attendance	 old;
	struct store_change	 c;
	struct ck_run		 r;
	MDB_val			 v;
	char			 k[2 * STORE_ID_MAX + 2];
	char			 what[2 * STORE_ID_MAX + 8];
	int			 rc, changed;

	store_err_clear(st);
	memset(&old, 0, sizeof old);
	if ((rc = ck_begin(st, &r, event, NULL)) != STORE_OK)
		return (rc);
	snprintf(what, sizeof what, "%s/%s", r.event, done->member);
	rc = store_get(st, r.w.txn, DB_ATT, k, idx_att_key(k, r.event,
	    done->member), &v);
	if (rc == STORE_NOTFOUND)
		store_err(st, rc, NULL, _("member %s has no record at "
		    "event %s"), done->member, r.event);
	if (rc != STORE_OK)
		goto fail;
	if (codec_att_dec(&v, &old, false) != STORE_OK) {
		rc = store_err(st, STORE_IO, NULL,
		    _("attendance %s: corrupt record"), what);
		goto fail;
	}
	if (old.version != done->version) {
		rc = store_conflict(st, _("attendance record"), what,
		    old.version, done->version, old.updated_by,
		    old.updated_at);
		goto fail;
	}
	if (done->created)
		rc = ck_undo_created(&r, done, &old);
	else {
		store_change_init(&c, r.event, done->member);
		c.final = (int)done->previous;
		c.expect = done->version;
		c.checkin = done->prev_at != 0;
		c.clear_checkin = done->prev_at == 0;
		c.checkin_at = done->prev_at;
		c.checkin_by = done->prev_by;
		rc = att_apply_one(&r.w, &c, NULL, &changed);
	}
	if (rc != STORE_OK)
		goto fail;
	return (store_wcommit(&r.w));
fail:
	store_wabort(&r.w);
	return (rc);
}

/* Seconds since the epoch of a local date and time in $TZ (Asia/Tokyo
 * when unset, as store_time_text shows them). */
static int64_t
ck_local_time(struct tm *tm)
{
	if (getenv("TZ") == NULL)
		return ((int64_t)timegm(tm) - 9 * 3600);
	tm->tm_isdst = -1;
	return ((int64_t)mktime(tm));
}

/* The N ASCII digits at S as a number; -1 when they are not all digits. */
static int
ck_digits(const char *s, int n)
{
	int	v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (-1);
		v = v * 10 + (s[i] - '0');
	}
	return (v);
}

/* "HH:MM" or "HH:MM:SS" at S into TM; the characters read, 0 when not. */
static int
ck_clock(const char *s, struct tm *tm)
{
	int	h, m, sec = 0, n = 5;

	if ((h = ck_digits(s, 2)) < 0 || s[2] != ':' ||
	    (m = ck_digits(s + 3, 2)) < 0)
		return (0);
	if (s[5] == ':') {
		if ((sec = ck_digits(s + 6, 2)) < 0)
			return (0);
		n = 8;
	}
	if (h > 23 || m > 59 || sec > 59)
		return (0);
	tm->tm_hour = h;
	tm->tm_min = m;
	tm->tm_sec = sec;
	return (n);
}

int
store_time_parse(const char *text, const char *date, int64_t *out)
{
	struct tm	 tm;
	const char	*s = text, *day = date;
	int		 n, oh, om, sign;

	memset(&tm, 0, sizeof tm);
	if (strlen(text) >= 10 && (text[10] == 'T' || text[10] == ' ')) {
		day = text;
		s = text + 11;
	}
	if (day == NULL || strlen(day) < 10)
		return (STORE_INVALID);
	{
		char	d[STORE_DATE_SIZE];

		memcpy(d, day, 10);
		d[10] = '\0';
		if (!store_date_valid(d))
			return (STORE_INVALID);
		tm.tm_year = atoi(d) - 1900;
		tm.tm_mon = atoi(d + 5) - 1;
		tm.tm_mday = atoi(d + 8);
	}
	if ((n = ck_clock(s, &tm)) == 0)
		return (STORE_INVALID);
	s += n;
	if (*s == '\0') {
		*out = ck_local_time(&tm);
		return (STORE_OK);
	}
	if (day == date)
		return (STORE_INVALID);	/* a zone only after a whole date */
	*out = (int64_t)timegm(&tm);
	if (strcmp(s, "Z") == 0)
		return (STORE_OK);
	sign = *s == '+' ? 1 : *s == '-' ? -1 : 0;
	oh = ck_digits(s + 1, 2);
	n = s[3] == ':' ? 4 : 3;
	om = oh < 0 ? -1 : ck_digits(s + n, 2);
	if (sign == 0 || oh < 0 || om < 0 || s[n + 2] != '\0' || oh > 23 ||
	    om > 59)
		return (STORE_INVALID);
	*out -= sign * (int64_t)(oh * 3600 + om * 60);
	return (STORE_OK);
}

struct store *
store_share(struct store *st)
{
	struct store	*h;

	h = xmalloc(sizeof *h);
	*h = *st;		/* the environment and its handles, shared */
	memset(&h->err, 0, sizeof h->err);
	return (h);
}

void
store_share_close(struct store *h)
{
	free(h);
}
