/* test-store-migrate.c -- schema 2 (issue 8 items 9, 6, 13): the CRC32C,
 * the migration of the committed schema-1 database (tests/data/schema1)
 * at the first open by a writer, a reader opened before it, and a damaged
 * entry found by every read, by check and by backup. */

#include <sys/stat.h>
#include <sys/wait.h>

#include <lmdb.h>

#include "test-store-util.h"
#include "store/crc.h"

#define FIXTURE	"tests/data/schema1/schema1.dump"

static void
mig_load(const char *dir)
{
	char	cmd[512];

	snprintf(cmd, sizeof cmd, "mdb_load -f %s %s", FIXTURE, dir);
	assert_int_equal(system(cmd), 0);
}

/* The raw value of meta's schema marker and the last txnid. */
static uint64_t
mig_raw(const char *dir, char *marker, size_t size)
{
	MDB_env		*env;
	MDB_txn		*txn;
	MDB_dbi		 dbi;
	MDB_val		 k, v;
	MDB_envinfo	 info;

	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 32), 0);
	assert_int_equal(mdb_env_open(env, dir, MDB_RDONLY, 0660), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	assert_int_equal(mdb_dbi_open(txn, "meta", 0, &dbi), 0);
	k.mv_data = (void *)"schema";
	k.mv_size = 6;
	assert_int_equal(mdb_get(txn, dbi, &k, &v), 0);
	snprintf(marker, size, "%.*s", (int)v.mv_size, (char *)v.mv_data);
	mdb_txn_abort(txn);
	assert_int_equal(mdb_env_info(env, &info), 0);
	mdb_env_close(env);
	return (info.me_last_txnid);
}

static void
test_crc32c(void **state)
{
	unsigned char	buf[1000];
	size_t		i, n;

	(void)state;
	/* the check value of CRC-32C */
	assert_int_equal(crc32c_add(CRC32C_INIT, "123456789", 9) ^
	    CRC32C_INIT, 0xe3069283u);
	assert_int_equal(crc32c_table(CRC32C_INIT, "123456789", 9) ^
	    CRC32C_INIT, 0xe3069283u);
	for (i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 131 + 7);
	for (n = 0; n + 3 <= sizeof buf; n += 37)
		assert_int_equal(crc32c_add(CRC32C_INIT, buf + 3, n),
		    crc32c_table(CRC32C_INIT, buf + 3, n));
}

static size_t
mig_search(struct store *st, const char *q, const char *want)
{
	struct store_member_row	rows[8];
	size_t			got, i, hit = 0;

	assert_int_equal(store_member_search(st, q, NULL, rows, 8, &got),
	    STORE_OK);
	for (i = 0; i < got; i++)
		hit += strcmp(rows[i].id, want) == 0;
	return (hit);
}

static int
mig_audit_cb(const struct store_audit *a, void *arg)
{
	int	*n = arg;

	if (strcmp(a->action, "migrate") == 0)
		(*n)++;
	return (0);
}

static void
test_migrate(void **state)
{
	struct ts		*t = *state;
	struct store		*ro, *st;
	struct store_member	 m;
	char			 dir[128], marker[32];
	uint64_t		 txnid;
	pid_t			 pid;
	int			 nmig = 0, status;

	snprintf(dir, sizeof dir, "%s/s1", t->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	mig_load(dir);
	/* (a second environment of the same files in this process would
	 * clear the reader's slot when closed: raw reads with none open) */
	mig_raw(dir, marker, sizeof marker);
	assert_string_equal(marker, "1");
	/* a reader keeps schema 1 as it is, and reads it */
	assert_int_equal(store_open(dir, STORE_READONLY, &ro), STORE_OK);
	assert_int_equal(store_member_get(ro, "M900", &m, NULL), STORE_OK);
	assert_string_equal(m.phone, "０９０－１２１２－３４３４");
	store_member_free(&m);
	assert_int_equal(store_member_count(ro), 13);

	/* the first writer migrates: another process (LMDB allows one
	 * environment per process), while this reader stays open */
	if ((pid = fork()) == 0) {
		if (store_open(dir, 0, &st) != STORE_OK)
			_exit(1);
		status = store_migrated(st) ? 0 : 2;
		store_close(st);
		_exit(status);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(status, 0);
	/* the reader opened before the migration reads the sealed values */
	assert_int_equal(store_member_get(ro, "M900", &m, NULL), STORE_OK);
	assert_string_equal(m.phone, "090-1212-3434");
	store_member_free(&m);
	assert_int_equal(store_verify(ro, NULL, NULL, NULL), STORE_OK);
	store_close(ro);

	txnid = mig_raw(dir, marker, sizeof marker);
	assert_int_equal(marker[0], '2');
	assert_int_equal(strlen(marker), 5);	/* "2" and its seal */
	st = ts_open(dir);
	assert_false(store_migrated(st));
	assert_int_equal(store_member_get(st, "M900", &m, NULL), STORE_OK);
	assert_string_equal(m.name, "池田　真人");
	assert_string_equal(m.kana, "イケダ マサト");
	assert_string_equal(m.phone, "090-1212-3434");
	assert_string_equal(m.postal_code, "100-0001");
	assert_int_equal(m.version, 2);
	store_member_free(&m);
	assert_int_equal(store_member_count(st), 13);
	ts_clean(st);
	assert_int_equal(store_verify(st, NULL, NULL, NULL), STORE_OK);
	assert_int_equal(store_audit_each(st, NULL, NULL, 0, mig_audit_cb,
	    &nmig), STORE_OK);
	assert_int_equal(nmig, 1);
	/* the indexes are rebuilt with the new search texts */
	assert_int_equal(mig_search(st, "masato.ikeda2@example.com", "M900"),
	    1);
	assert_int_equal(mig_search(st, "090-1234", "M901"), 1);
	assert_int_equal(mig_search(st, "3434", "M900"), 1);
	assert_int_equal(mig_search(st, "いけだ", "M900"), 1);
	store_close(st);
	/* once: that writer's open changed nothing */
	assert_int_equal(mig_raw(dir, marker, sizeof marker), txnid);
}

/* A bit flipped in M900's stored value: every read, check and backup. */
static void
test_damaged_value(void **state)
{
	struct ts		*t = *state;
	struct store		*st;
	struct store_member	 m;
	char			 dir[128], path[192], bak[192];
	unsigned char		*data;
	const char		*hit = NULL;
	const char		*needle = "イケダ マサト";	/* in no key */
	size_t			 n, i, ndiff = 0;
	FILE			*f;

	snprintf(dir, sizeof dir, "%s/dmg", t->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	mig_load(dir);
	st = ts_open(dir);	/* migrated: sealed */
	/* a compacted copy holds each entry once (no free pages) */
	snprintf(path, sizeof path, "%s/copy", t->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/copy/data.mdb", t->dir);
	assert_int_equal(store_backup(st, path), STORE_OK);
	store_close(st);
	snprintf(dir, sizeof dir, "%s/copy", t->dir);
	assert_non_null(f = fopen(path, "r+b"));
	data = malloc(1 << 20);
	n = fread(data, 1, 1 << 20, f);
	for (i = 0; i + strlen(needle) <= n; i++) {
		if (hit == NULL && memcmp(data + i, needle, strlen(needle)) ==
		    0)
			hit = (const char *)data + i;
	}
	assert_non_null(hit);
	assert_int_equal(fseek(f, (long)(hit - (const char *)data) + 2,
	    SEEK_SET), 0);
	fputc(hit[2] ^ 0x04, f);
	assert_int_equal(fclose(f), 0);
	free(data);

	assert_int_equal(store_open(dir, STORE_READONLY, &st), STORE_OK);
	assert_int_equal(store_member_get(st, "M900", &m, NULL),
	    STORE_DAMAGED);
	assert_non_null(strstr(store_last_error(st)->msg, "members M900"));
	assert_non_null(strstr(store_last_error(st)->msg, "backup"));
	assert_int_equal(store_exit_code(STORE_DAMAGED), 3);
	assert_int_equal(store_check(st, ts_line, NULL, &ndiff),
	    STORE_DAMAGED);
	assert_true(ndiff >= 1);
	snprintf(bak, sizeof bak, "%s/backup.mdb", t->dir);
	assert_int_equal(store_backup(st, bak), STORE_DAMAGED);
	assert_int_equal(access(bak, F_OK), -1);
	/* the others read as before */
	assert_int_equal(store_member_get(st, "M901", &m, NULL), STORE_OK);
	store_member_free(&m);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crc32c),
		cmocka_unit_test_setup_teardown(test_migrate, ts_setup,
		    ts_teardown),
		cmocka_unit_test_setup_teardown(test_damaged_value, ts_setup,
		    ts_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
