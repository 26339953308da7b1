/* roles -- what the role checks cost (issue 11's figure): durable marks
 * and member-list paging under a role whose rows keep half the members
 * and which hides three columns, paired block by block in one process
 * with the admin role (the handle's role swapped between blocks; the role
 * is the one store_open chose for that uid).  Prints the median ratio of
 * each; target <= 1.10.  Needs root (it acts as two uids). */
#define _GNU_SOURCE
#include <sys/stat.h>

#include <grp.h>

#include "store/store-int.h"
#include "tests/bench/bench.h"

#define OWNER	4001
#define HALF	4002
#define GID	4000
#define MEMBERS	10000
#define BLOCKS	11
#define MARKS	40		/* durable marks per block and role */

static void
die(const char *what, struct store *st)
{
	fprintf(stderr, "roles: %s: %s\n", what,
	    st != NULL ? store_last_error(st)->msg : strerror(errno));
	exit(1);
}

static void
as_uid(uid_t uid)
{
	if (setresuid(0, 0, 0) != 0 || setresgid(GID, GID, 0) != 0 ||
	    setgroups(0, NULL) != 0 || setresuid(uid, uid, 0) != 0)
		die("setresuid", NULL);
}

static void
make_db(const char *dir)
{
	struct store		*st;
	struct store_member	 m;
	struct store_event	 e;
	char			 id[24];
	char *const		 opts[] = { "--allow", "members:view,"
	    "events:view,attendance:view,attendance:edit", "--rows",
	    "segment=A", "--hide", "email,phone,address" };
	size_t			 i;

	as_uid(OWNER);
	if (store_open(dir, 0, &st) != STORE_OK)
		die("open", st);
	memset(&e, 0, sizeof e);
	snprintf(e.code, sizeof e.code, "E1");
	e.name = (char *)"bench";
	snprintf(e.date, sizeof e.date, "2026-02-20");
	if (store_event_add(st, &e) != STORE_OK)
		die("event", st);
	for (i = 0; i < MEMBERS; i++) {
		memset(&m, 0, sizeof m);
		bench_member_id(i, id);
		snprintf(m.id, sizeof m.id, "%s", id);
		m.name = (char *)"山田 太郎";
		m.kana = (char *)"ヤマダ タロウ";
		m.email = (char *)"taro@example.jp";
		m.phone = (char *)"03-1234-5678";
		m.address = (char *)"東京都";
		m.segment = (char *)(i % 2 == 0 ? "A" : "B");
		if (store_member_add(st, &m) != STORE_OK)
			die("member", st);
	}
	if (store_role_add(st, "half", NULL) != STORE_OK ||
	    store_role_set(st, "half", opts, 6) != STORE_OK ||
	    store_user_set(st, HALF, "half") != STORE_OK ||
	    store_user_set(st, OWNER, "admin") != STORE_OK)
		die("role", st);
	store_close(st);
}

static uint64_t
marks(struct store *st, size_t block)
{
	uint64_t	t0 = bench_now_ns();
	char		id[24];
	size_t		i;

	for (i = 0; i < MARKS; i++) {
		/* even members: inside the half role's rows */
		bench_member_id(2 * ((block * MARKS + i) % (MEMBERS / 2)), id);
		if (store_mark(st, "E1", id, i % 2 ? STORE_FINAL_ATTENDED :
		    STORE_FINAL_ABSENT, 0) != STORE_OK)
			die("mark", st);
	}
	return (bench_now_ns() - t0);
}

static uint64_t
paging(struct store *st)
{
	static struct store_member_row	rows[50];
	uint64_t			t0 = bench_now_ns();
	size_t				got;
	const struct store_member_row	*from = NULL;

	do {
		if (store_member_page(st, STORE_ORDER_ID, from, false, rows,
		    50, &got) != STORE_OK)
			die("page", st);
		from = &rows[got > 0 ? got - 1 : 0];
	} while (got == 50);
	return (bench_now_ns() - t0);
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return ((x > y) - (x < y));
}

int
main(void)
{
	struct store		*st;
	struct store_role	 half, admin;
	struct store_filter	*rows;
	double			 rm[BLOCKS], rp[BLOCKS];
	char			 dir[] = "/tmp/sanka-bench-roles-XXXXXX";
	size_t			 b;

	if (getuid() != 0 || mkdtemp(dir) == NULL || chown(dir, OWNER, GID) ||
	    chmod(dir, 02770))
		die("needs root and /tmp", NULL);
	setenv("SANKA_TODAY", "2026-02-21", 1);
	make_db(dir);
	as_uid(HALF);
	if (store_open(dir, 0, &st) != STORE_OK)
		die("open as the half role", st);
	half = st->role;
	rows = st->rows;
	memset(&admin, 0, sizeof admin);
	snprintf(admin.name, sizeof admin.name, "admin");
	for (b = 0; b < STORE_AREA_COUNT; b++)
		admin.allow[b] = STORE_ACT_ALL;
	for (b = 0; b < BLOCKS; b++) {
		uint64_t ta, th, pa, ph;

		st->role = admin;
		st->rows = NULL;
		ta = marks(st, 2 * b);
		pa = paging(st);
		st->role = half;
		st->rows = rows;
		th = marks(st, 2 * b + 1);
		ph = paging(st);
		rm[b] = (double)th / (double)ta;
		rp[b] = (double)ph / (double)pa;
	}
	store_close(st);
	as_uid(0);
	qsort(rm, BLOCKS, sizeof rm[0], cmp_double);
	qsort(rp, BLOCKS, sizeof rp[0], cmp_double);
	printf("roles: durable mark, role/admin (median of %d blocks): %.2f "
	    "(target <= 1.10)\n", BLOCKS, rm[BLOCKS / 2]);
	printf("roles: member-list paging, role/admin: %.2f (target <= "
	    "1.10)\n", rp[BLOCKS / 2]);
	if (setresgid(0, 0, 0) == 0) {
		char	cmd[64];

		snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
		if (system(cmd) != 0)
			return (1);
	}
	return (0);
}
