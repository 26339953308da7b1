/* test-store-model.c -- thousands of seeded random operations applied to
 * the store and to a plain in-memory model; after every step each
 * member's aggregate must equal the model's, and store_check must be
 * clean every N steps and at the end.  SANKA_SEED=N repeats a run. */

#include "test-store-util.h"

#define NMEM	24
#define NEV	7
#define STEPS	1500

struct m_member {
	bool	exists;
	int32_t	past;
	char	past_date[STORE_DATE_SIZE];
};

struct m_event {
	bool	exists;
	char	date[STORE_DATE_SIZE];
};

struct m_rec {
	bool	exists;
	int	final, response;
};

struct model {
	struct m_member	mem[NMEM];
	struct m_event	ev[NEV];
	struct m_rec	rec[NEV][NMEM];
};

static unsigned long long model_seed;
static unsigned long long model_state;

static unsigned
rnd(unsigned n)
{
	model_state ^= model_state << 13;
	model_state ^= model_state >> 7;
	model_state ^= model_state << 17;
	return ((unsigned)(model_state % n));
}

static const char *const dates[] = {
	"2025-03-01", "2025-09-15", "2026-01-18", "2026-01-18", "2026-02-20",
	"2026-06-30",
};

static void
mid(char *out, unsigned i)
{
	snprintf(out, STORE_ID_MAX + 1, "M%02u", i);
}

static void
eid(char *out, unsigned i)
{
	snprintf(out, STORE_ID_MAX + 1, "E%u", i);
}

static void
model_agg(const struct model *md, unsigned m, struct store_stats *s)
{
	const char	*evd = NULL;
	unsigned	 e, best = 0;
	char		 code[16], bestcode[16] = "";

	memset(s, 0, sizeof *s);
	for (e = 0; e < NEV; e++) {
		const struct m_rec *r = &md->rec[e][m];

		if (!r->exists)
			continue;
		if (r->response == STORE_RESP_ACCEPTED)
			s->accepted++;
		switch (r->final) {
		case STORE_FINAL_ATTENDED:
			s->attended++;
			eid(code, e);
			if (evd == NULL || strcmp(md->ev[e].date, evd) > 0 ||
			    (strcmp(md->ev[e].date, evd) == 0 &&
			    strcmp(code, bestcode) > 0)) {
				evd = md->ev[e].date;
				best = e;
				snprintf(bestcode, sizeof bestcode, "%s", code);
			}
			break;
		case STORE_FINAL_ABSENT:
			s->absent++;
			break;
		case STORE_FINAL_NO_SHOW:
			s->no_show++;
			break;
		case STORE_FINAL_CANCELLED:
			s->cancelled++;
			break;
		}
	}
	s->total = (uint32_t)md->mem[m].past + s->attended;
	if (evd == NULL || strcmp(md->mem[m].past_date, evd) > 0) {
		snprintf(s->last_date, sizeof s->last_date, "%s",
		    md->mem[m].past_date);
	} else {
		snprintf(s->last_date, sizeof s->last_date, "%s", evd);
		eid(s->last_event, best);
	}
}

static void
model_compare(struct store *st, const struct model *md, int step,
    const char *op)
{
	struct store_member	m;
	struct store_stats	want, have;
	char			id[16];
	unsigned		i;
	int			rc;

	for (i = 0; i < NMEM; i++) {
		mid(id, i);
		rc = store_member_get(st, id, &m, &have);
		if (!md->mem[i].exists) {
			if (rc != STORE_NOTFOUND)
				fprintf(stderr, "seed %llu step %d (%s): %s "
				    "should not exist\n", model_seed, step, op,
				    id);
			assert_int_equal(rc, STORE_NOTFOUND);
			continue;
		}
		assert_int_equal(rc, STORE_OK);
		store_member_free(&m);
		model_agg(md, i, &want);
		if (memcmp(&want, &have, sizeof want) != 0) {
			fprintf(stderr, "seed %llu step %d (%s) member %s: "
			    "have att %u tot %u acc %u abs %u ns %u can %u "
			    "%s %s, want att %u tot %u acc %u abs %u ns %u "
			    "can %u %s %s\n", model_seed, step, op, id,
			    have.attended, have.total, have.accepted,
			    have.absent, have.no_show, have.cancelled,
			    have.last_date, have.last_event, want.attended,
			    want.total, want.accepted, want.absent,
			    want.no_show, want.cancelled, want.last_date,
			    want.last_event);
			fail();
		}
	}
}

/* The model's record, created empty when it does not exist. */
static struct m_rec *
model_rec(struct model *md, unsigned e, unsigned m)
{
	struct m_rec	*r = &md->rec[e][m];

	if (!r->exists) {
		r->exists = true;
		r->final = STORE_FINAL_PENDING;
		r->response = STORE_RESP_NONE;
	}
	return (r);
}

static int
strength(int f)
{
	static const int s[] = { 0, 4, 3, 2, 1 };

	return (s[f]);
}

static void
model_clean(struct store *st, int step)
{
	size_t	n = 0;

	assert_int_equal(store_check(st, ts_line, NULL, &n), STORE_OK);
	if (n != 0)
		fprintf(stderr, "seed %llu step %d: check found %zu\n",
		    model_seed, step, n);
	assert_int_equal(n, 0);
}

static void
test_model(void **state)
{
	struct ts		*t = *state;
	struct store		*st = t->st;
	struct model		*md;
	struct store_change	 c[8];
	struct store_member	 m;
	struct store_event	 e;
	const char		*env, *op = "";
	char			 id[8][16], ev[8][16];
	unsigned		 i, k, mi, ei, n, bad;
	int			 step, rc, f, r;

	env = getenv("SANKA_SEED");
	model_seed = env != NULL ? strtoull(env, NULL, 10) :
	    (unsigned long long)time(NULL);
	fprintf(stderr, "model: seed %llu (SANKA_SEED=%llu repeats it)\n",
	    model_seed, model_seed);
	model_state = model_seed * 2654435761ULL + 1;
	md = calloc(1, sizeof *md);
	for (i = 0; i < NEV; i++) {
		eid(ev[0], i);
		/* named by code: same-date events of one name are a split
		 * event `check` lists */
		ts_add_event(st, ev[0], ev[0], dates[i % 6]);
		md->ev[i].exists = true;
		snprintf(md->ev[i].date, sizeof md->ev[i].date, "%s",
		    dates[i % 6]);
	}
	for (i = 0; i < NMEM; i++) {
		mid(id[0], i);
		ts_add_member(st, id[0], "名前", "", (int32_t)(i % 3),
		    i % 4 == 0 ? dates[i % 6] : "");
		md->mem[i].exists = true;
		md->mem[i].past = (int32_t)(i % 3);
		snprintf(md->mem[i].past_date, STORE_DATE_SIZE, "%s",
		    i % 4 == 0 ? dates[i % 6] : "");
	}
	for (step = 0; step < STEPS; step++) {
		mi = rnd(NMEM);
		ei = rnd(NEV);
		mid(id[0], mi);
		eid(ev[0], ei);
		switch (rnd(20)) {
		case 0: case 1: case 2: case 3: case 4: case 5:
			op = "mark";
			f = (int)rnd(5);
			rc = store_mark(st, ev[0], id[0], (enum store_final)f,
			    0);
			if (!md->mem[mi].exists || !md->ev[ei].exists) {
				assert_int_equal(rc, STORE_NOTFOUND);
				break;
			}
			assert_int_equal(rc, STORE_OK);
			model_rec(md, ei, mi)->final = f;
			break;
		case 6:
			op = "invite";
			rc = store_invite(st, ev[0], id[0]);
			if (!md->mem[mi].exists || !md->ev[ei].exists) {
				assert_int_equal(rc, STORE_NOTFOUND);
				break;
			}
			assert_int_equal(rc, STORE_OK);
			model_rec(md, ei, mi);
			break;
		case 7: case 8:
			op = "respond";
			r = (int)rnd(4);
			rc = store_respond(st, ev[0], id[0],
			    (enum store_response)r, 0);
			if (!md->mem[mi].exists || !md->ev[ei].exists) {
				assert_int_equal(rc, STORE_NOTFOUND);
				break;
			}
			assert_int_equal(rc, STORE_OK);
			model_rec(md, ei, mi)->response = r;
			break;
		case 9: case 10: case 11:
			/* a batch; sometimes one change in it fails */
			op = "batch";
			n = 1 + rnd(8);
			bad = rnd(3) == 0 ? rnd(n) : n;
			for (k = 0; k < n; k++) {
				mid(id[k], rnd(NMEM));
				eid(ev[k], rnd(NEV));
				store_change_init(&c[k], ev[k], id[k]);
				c[k].final = (int)rnd(5);
				if (rnd(2))
					c[k].response = (int)rnd(4);
				if (k == bad)
					c[k].member = "NOBODY";
			}
			rc = store_attendance_apply(st, c, n, NULL);
			for (k = 0; k < n && rc == STORE_OK; k++) {
				if (k == bad)
					break;
				mi = (unsigned)atoi(id[k] + 1);
				ei = (unsigned)atoi(ev[k] + 1);
				if (!md->mem[mi].exists || !md->ev[ei].exists)
					break;
			}
			if (k < n) {
				assert_int_not_equal(rc, STORE_OK);
				break;
			}
			assert_int_equal(rc, STORE_OK);
			for (k = 0; k < n; k++) {
				mi = (unsigned)atoi(id[k] + 1);
				ei = (unsigned)atoi(ev[k] + 1);
				model_rec(md, ei, mi)->final = c[k].final;
				if (c[k].response != STORE_KEEP)
					md->rec[ei][mi].response =
					    c[k].response;
			}
			break;
		case 12:
			op = "past";
			if (!md->mem[mi].exists)
				break;
			assert_int_equal(store_member_get(st, id[0], &m, NULL),
			    STORE_OK);
			m.past_count = (int32_t)rnd(5);
			snprintf(m.past_last_date, sizeof m.past_last_date,
			    "%s", rnd(3) == 0 ? "" : dates[rnd(6)]);
			assert_int_equal(store_member_update(st, &m,
			    m.version), STORE_OK);
			md->mem[mi].past = m.past_count;
			memcpy(md->mem[mi].past_date, m.past_last_date,
			    STORE_DATE_SIZE);
			store_member_free(&m);
			break;
		case 13:
			op = "event date";
			if (!md->ev[ei].exists)
				break;
			assert_int_equal(store_event_get(st, ev[0], &e, NULL),
			    STORE_OK);
			snprintf(e.date, sizeof e.date, "%s", dates[rnd(6)]);
			assert_int_equal(store_event_update(st, &e, e.version),
			    STORE_OK);
			memcpy(md->ev[ei].date, e.date, STORE_DATE_SIZE);
			store_event_free(&e);
			break;
		case 14:
			op = "delete member";
			if (!md->mem[mi].exists) {
				ts_add_member(st, id[0], "新", "", 1,
				    "2025-01-01");
				md->mem[mi].exists = true;
				md->mem[mi].past = 1;
				snprintf(md->mem[mi].past_date, STORE_DATE_SIZE,
				    "2025-01-01");
				break;
			}
			rc = store_member_delete(st, id[0], rnd(4) != 0, 0);
			if (rc == STORE_HASREFS)
				break;
			assert_int_equal(rc, STORE_OK);
			md->mem[mi].exists = false;
			for (k = 0; k < NEV; k++)
				md->rec[k][mi].exists = false;
			break;
		case 15:
			op = "delete event";
			if (!md->ev[ei].exists) {
				ts_add_event(st, ev[0], ev[0], dates[rnd(6)]);
				md->ev[ei].exists = true;
				assert_int_equal(store_event_get(st, ev[0], &e,
				    NULL), STORE_OK);
				memcpy(md->ev[ei].date, e.date,
				    STORE_DATE_SIZE);
				store_event_free(&e);
				break;
			}
			if (rnd(3) != 0)
				break;
			assert_int_equal(store_event_delete(st, ev[0], true, 0),
			    STORE_OK);
			md->ev[ei].exists = false;
			for (k = 0; k < NMEM; k++)
				md->rec[ei][k].exists = false;
			break;
		case 16:
			op = "merge";
			k = rnd(NMEM);
			mid(id[1], k);
			rc = store_member_merge(st, id[0], id[1]);
			if (k == mi) {
				assert_int_equal(rc, STORE_INVALID);
				break;
			}
			if (!md->mem[mi].exists || !md->mem[k].exists) {
				assert_int_equal(rc, STORE_NOTFOUND);
				break;
			}
			assert_int_equal(rc, STORE_OK);
			for (i = 0; i < NEV; i++) {
				struct m_rec *kr = &md->rec[i][mi];
				struct m_rec *dr = &md->rec[i][k];

				if (!dr->exists)
					continue;
				if (!kr->exists)
					*kr = *dr;
				else {
					if (strength(dr->final) >
					    strength(kr->final))
						kr->final = dr->final;
					if (kr->response == STORE_RESP_NONE)
						kr->response = dr->response;
				}
				dr->exists = false;
			}
			md->mem[mi].past += md->mem[k].past;
			if (strcmp(md->mem[k].past_date,
			    md->mem[mi].past_date) > 0)
				memcpy(md->mem[mi].past_date,
				    md->mem[k].past_date, STORE_DATE_SIZE);
			md->mem[k].exists = false;
			break;
		default:
			op = "clear";
			rc = store_mark(st, ev[0], id[0], STORE_FINAL_PENDING,
			    0);
			if (!md->mem[mi].exists || !md->ev[ei].exists) {
				assert_int_equal(rc, STORE_NOTFOUND);
				break;
			}
			assert_int_equal(rc, STORE_OK);
			model_rec(md, ei, mi)->final = STORE_FINAL_PENDING;
			break;
		}
		if (step % 250 == 0 || getenv("SANKA_MODEL_CHECK_ALL"))
			model_clean(st, step);
		model_compare(st, md, step, op);
	}
	model_clean(st, step);
	free(md);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_model, ts_setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
