/* test-store-util.h -- shared fixtures of the store unit tests: a real
 * environment in a mkdtemp directory, removed in teardown. */
#ifndef SANKA_TEST_STORE_UTIL_H
#define SANKA_TEST_STORE_UTIL_H

#pragma GCC diagnostic ignored "-Wunused-function"

#include <ftw.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/store.h"

struct ts {
	char		 dir[64];
	struct store	*st;
};

static int
ts_rm_one(const char *path, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb;
	(void)flag;
	(void)f;
	return (remove(path));
}

static void
ts_rm(const char *dir)
{
	nftw(dir, ts_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static struct store *
ts_open(const char *dir)
{
	struct store	*st;
	int		 rc;

	rc = store_open(dir, 0, &st);
	if (rc != STORE_OK)
		fprintf(stderr, "store_open: %s\n", store_last_error(st)->msg);
	assert_int_equal(rc, STORE_OK);
	return (st);
}

static int
ts_setup(void **state)
{
	struct ts	*t;

	t = calloc(1, sizeof *t);
	snprintf(t->dir, sizeof t->dir, "/tmp/sanka-store-XXXXXX");
	if (mkdtemp(t->dir) == NULL)
		return (-1);
	setenv("SANKA_TODAY", "2026-02-21", 1);
	t->st = ts_open(t->dir);
	*state = t;
	return (0);
}

static int
ts_teardown(void **state)
{
	struct ts	*t = *state;

	store_close(t->st);
	ts_rm(t->dir);
	free(t);
	return (0);
}

static void
ts_line(const char *line, void *arg)
{
	(void)arg;
	fprintf(stderr, "check: %s\n", line);
}

/* store_check must find nothing. */
static void
ts_clean(struct store *st)
{
	size_t	n = 99;

	assert_int_equal(store_check(st, ts_line, NULL, &n), STORE_OK);
	assert_int_equal(n, 0);
}

static void
ts_add_member(struct store *st, const char *id, const char *name,
    const char *kana, int32_t past, const char *past_date)
{
	struct store_member	m;
	int			rc;

	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "%s", id);
	m.name = (char *)name;
	m.kana = (char *)kana;
	m.past_count = past;
	snprintf(m.past_last_date, sizeof m.past_last_date, "%s",
	    past_date == NULL ? "" : past_date);
	rc = store_member_add(st, &m);
	if (rc != STORE_OK)
		fprintf(stderr, "member_add %s: %s\n", id,
		    store_last_error(st)->msg);
	assert_int_equal(rc, STORE_OK);
}

static void
ts_add_event(struct store *st, const char *code, const char *name,
    const char *date)
{
	struct store_event	e;
	int			rc;

	memset(&e, 0, sizeof e);
	snprintf(e.code, sizeof e.code, "%s", code);
	e.name = (char *)name;
	snprintf(e.date, sizeof e.date, "%s", date);
	rc = store_event_add(st, &e);
	if (rc != STORE_OK)
		fprintf(stderr, "event_add %s: %s\n", code,
		    store_last_error(st)->msg);
	assert_int_equal(rc, STORE_OK);
}

static struct store_stats
ts_stats(struct store *st, const char *id)
{
	struct store_member	m;
	struct store_stats	s;

	assert_int_equal(store_member_get(st, id, &m, &s), STORE_OK);
	store_member_free(&m);
	return (s);
}

static void
ts_mark(struct store *st, const char *ev, const char *id, enum store_final f)
{
	int	rc;

	rc = store_mark(st, ev, id, f, 0);
	if (rc != STORE_OK)
		fprintf(stderr, "mark %s %s: %s\n", ev, id,
		    store_last_error(st)->msg);
	assert_int_equal(rc, STORE_OK);
}

/* Assert total, last date and last event of member ID. */
#define ts_assert_agg(st, id, tot, date, ev) do {			\
	struct store_stats s_ = ts_stats((st), (id));			\
	assert_int_equal(s_.total, (tot));				\
	assert_string_equal(s_.last_date, (date));			\
	assert_string_equal(s_.last_event, (ev));			\
} while (0)

static size_t
ts_count_pending_cb_n;
static int
ts_count_pending_cb(const struct store_att_row *r, void *arg)
{
	(void)r;
	(void)arg;
	ts_count_pending_cb_n++;
	return (0);
}

static size_t
ts_pending(struct store *st)
{
	ts_count_pending_cb_n = 0;
	assert_int_equal(store_pending_each(st, ts_count_pending_cb, NULL),
	    STORE_OK);
	return (ts_count_pending_cb_n);
}

/* An import source over arrays. */
struct ts_src {
	struct store_event	*ev;
	uint32_t		*evf;
	size_t			 nev, iev;
	struct store_member	*mem;
	uint32_t		*memf;
	size_t			 nmem, imem;
	struct store_change	*rec;
	size_t			 nrec, irec;
};

static int
ts_src_event(void *arg, struct store_event *out, uint32_t *fields)
{
	struct ts_src	*s = arg;

	if (s->iev >= s->nev)
		return (0);
	*out = s->ev[s->iev];
	*fields = s->evf != NULL ? s->evf[s->iev] : 0x1f;
	s->iev++;
	return (1);
}

static int
ts_src_member(void *arg, struct store_member *out, uint32_t *fields)
{
	struct ts_src	*s = arg;

	if (s->imem >= s->nmem)
		return (0);
	*out = s->mem[s->imem];
	*fields = s->memf != NULL ? s->memf[s->imem] : 0xffff;
	s->imem++;
	return (1);
}

static int
ts_src_record(void *arg, struct store_change *out)
{
	struct ts_src	*s = arg;

	if (s->irec >= s->nrec)
		return (0);
	*out = s->rec[s->irec++];
	return (1);
}

static int
ts_import(struct store *st, struct ts_src *s, bool dry,
    struct store_import_result *res)
{
	struct store_import_source	src;
	int				rc;

	s->iev = s->imem = s->irec = 0;
	memset(&src, 0, sizeof src);
	src.arg = s;
	src.next_event = ts_src_event;
	src.next_member = ts_src_member;
	src.next_record = ts_src_record;
	src.what = "test.csv";
	rc = store_import(st, &src, dry, res);
	if (rc != STORE_OK)
		fprintf(stderr, "import: %s\n", store_last_error(st)->msg);
	return (rc);
}

#endif
