/* test-store-env.c -- the environment: creation and group sharing, the
 * read-only open, schema refusal, a full map, backup, the last txn id,
 * permission errors, whether a database exists and removing one. */

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <grp.h>
#include <lmdb.h>

#include "test-store-util.h"

static char	env_root[64];

static int
env_setup(void **state)
{
	(void)state;
	snprintf(env_root, sizeof env_root, "/tmp/sanka-env-XXXXXX");
	if (mkdtemp(env_root) == NULL)
		return (-1);
	setenv("SANKA_TODAY", "2026-02-21", 1);
	unsetenv("SANKA_MAP_SIZE");
	return (0);
}

static int
env_teardown(void **state)
{
	(void)state;
	ts_rm(env_root);
	unsetenv("SANKA_MAP_SIZE");
	return (0);
}

static void
test_create_nested(void **state)
{
	struct store	*st;
	struct stat	 sb;
	char		 dir[128], path[160];

	(void)state;
	umask(022);
	snprintf(dir, sizeof dir, "%s/a/b/db", env_root);
	st = ts_open(dir);
	assert_int_equal(store_member_count(st), 0);
	store_close(st);
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	assert_int_equal(stat(path, &sb), 0);
	/* not shared: 0660 under the umask */
	assert_int_equal(sb.st_mode & 0777, 0640);
}

static void
test_group_shared(void **state)
{
	struct store	*st;
	struct stat	 sb;
	char		 parent[128], dir[160], path[192];
	gid_t		 gid = 43210;	/* a group nobody is in (as root) */

	(void)state;
	while (geteuid() == 0 && getgrgid(gid) != NULL)
		gid++;
	umask(022);
	snprintf(parent, sizeof parent, "%s/shared", env_root);
	assert_int_equal(mkdir(parent, 0775), 0);
	if (geteuid() == 0)
		assert_int_equal(chown(parent, 0, gid), 0);
	else
		gid = getegid();
	assert_int_equal(chmod(parent, 02775), 0);
	snprintf(dir, sizeof dir, "%s/sanka", parent);
	st = ts_open(dir);
	ts_add_member(st, "M1", "a", "", 0, "");
	store_close(st);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0770);
	assert_true(sb.st_mode & S_ISGID);
	assert_int_equal(sb.st_gid, gid);
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	assert_int_equal(sb.st_gid, gid);
	snprintf(path, sizeof path, "%s/lock.mdb", dir);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	/* the umask is restored */
	assert_int_equal(umask(022), 022);
}

static void
test_readonly_missing(void **state)
{
	struct store	*st;
	struct stat	 sb;
	char		 dir[128], path[160];

	(void)state;
	snprintf(dir, sizeof dir, "%s/none", env_root);
	assert_int_equal(store_open(dir, STORE_READONLY, &st), STORE_NODB);
	assert_non_null(strstr(store_last_error(st)->msg, dir));
	store_close(st);
	assert_int_not_equal(stat(dir, &sb), 0);
	/* an empty directory is no database either, and stays empty */
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(store_open(dir, STORE_READONLY, &st), STORE_NODB);
	store_close(st);
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	assert_int_not_equal(stat(path, &sb), 0);
	/* read-only on a real one: reads work, writes are refused */
	st = ts_open(dir);
	ts_add_member(st, "M1", "a", "", 0, "");
	store_close(st);
	assert_int_equal(store_open(dir, STORE_READONLY, &st), STORE_OK);
	assert_int_equal(store_member_count(st), 1);
	ts_clean(st);
	assert_int_equal(store_invite(st, "E1", "M1"), STORE_PERM);
	store_close(st);
}

/* Write schema VERSION into meta with LMDB itself. */
static void
env_set_schema(const char *dir, const char *version)
{
	MDB_env	*env;
	MDB_txn	*txn;
	MDB_dbi	 dbi;
	MDB_val	 k, v;

	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 32), 0);
	assert_int_equal(mdb_env_set_mapsize(env, (size_t)1 << 30), 0);
	assert_int_equal(mdb_env_open(env, dir, 0, 0660), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, 0, &txn), 0);
	assert_int_equal(mdb_dbi_open(txn, "meta", 0, &dbi), 0);
	k.mv_data = (void *)"schema";
	k.mv_size = 6;
	v.mv_data = (void *)version;
	v.mv_size = strlen(version);
	assert_int_equal(mdb_put(txn, dbi, &k, &v, 0), 0);
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

static uint64_t
env_raw_txnid(const char *dir)
{
	MDB_env		*env;
	MDB_envinfo	 info;

	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 32), 0);
	assert_int_equal(mdb_env_open(env, dir, MDB_RDONLY, 0660), 0);
	assert_int_equal(mdb_env_info(env, &info), 0);
	mdb_env_close(env);
	return (info.me_last_txnid);
}

static void
test_schema_newer(void **state)
{
	struct store	*st;
	char		 dir[128];
	uint64_t	 before;
	int		 flags[] = { 0, STORE_READONLY };
	size_t		 i;

	(void)state;
	snprintf(dir, sizeof dir, "%s/schema", env_root);
	st = ts_open(dir);
	ts_add_member(st, "M1", "a", "", 0, "");
	store_close(st);
	env_set_schema(dir, "3");
	before = env_raw_txnid(dir);
	for (i = 0; i < 2; i++) {
		assert_int_equal(store_open(dir, flags[i], &st), STORE_SCHEMA);
		assert_non_null(strstr(store_last_error(st)->msg, "3"));
		assert_non_null(strstr(store_last_error(st)->msg, "schema"));
		assert_int_equal(store_exit_code(STORE_SCHEMA), 3);
		store_close(st);
	}
	assert_int_equal(env_raw_txnid(dir), before);
	/* back to 2 (bare: the marker is read sealed or not): it opens */
	env_set_schema(dir, "2");
	st = ts_open(dir);
	assert_int_equal(store_member_count(st), 1);
	store_close(st);
}

/* A schema marker that is not a plain number is damage, not a version. */
static void
test_schema_damaged(void **state)
{
	struct store	*st;
	char		 dir[128];

	(void)state;
	snprintf(dir, sizeof dir, "%s/marker", env_root);
	st = ts_open(dir);
	store_close(st);
	env_set_schema(dir, "1x");
	assert_int_equal(store_open(dir, 0, &st), STORE_DAMAGED);
	assert_non_null(strstr(store_last_error(st)->msg, "damaged"));
	store_close(st);
}

/* Write CONTENT to PATH. */
static void
env_write(const char *path, const char *content)
{
	FILE	*f;

	assert_non_null(f = fopen(path, "w"));
	fputs(content, f);
	assert_int_equal(fclose(f), 0);
}

/* A link planted in place of lock.mdb or data.mdb is refused and its
 * target left untouched (issue 8: root's check made a file lock data). */
static void
test_link_refused(void **state)
{
	const char	*names[] = { "lock.mdb", "data.mdb" };
	struct store	*st;
	char		 dir[128], path[192], victim[192], back[192];
	FILE		*f;
	size_t		 i;

	(void)state;
	snprintf(dir, sizeof dir, "%s/links", env_root);
	snprintf(victim, sizeof victim, "%s/victim", env_root);
	st = ts_open(dir);
	ts_add_member(st, "M1", "a", "", 0, "");
	store_close(st);
	for (i = 0; i < 2; i++) {
		env_write(victim, "precious\n");
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		snprintf(back, sizeof back, "%s/keep", env_root);
		assert_int_equal(rename(path, back), 0);
		assert_int_equal(symlink(victim, path), 0);
		assert_int_equal(store_open(dir, 0, &st), STORE_PERM);
		assert_non_null(strstr(store_last_error(st)->msg,
		    "not a regular file"));
		store_close(st);
		assert_int_equal(store_open(dir, STORE_READONLY, &st),
		    STORE_PERM);
		store_close(st);
		assert_non_null(f = fopen(victim, "r"));
		assert_non_null(fgets(back, sizeof back, f));
		fclose(f);
		assert_string_equal(back, "precious\n");
		assert_int_equal(unlink(path), 0);
		snprintf(back, sizeof back, "%s/keep", env_root);
		assert_int_equal(rename(back, path), 0);
	}
	st = ts_open(dir);
	assert_int_equal(store_member_count(st), 1);
	store_close(st);
}

/* Root opens no database in a directory other users can write to. */
static void
test_root_refuses_open_dir(void **state)
{
	struct store	*st;
	char		 dir[128];

	(void)state;
	if (geteuid() != 0)
		skip();
	snprintf(dir, sizeof dir, "%s/open", env_root);
	st = ts_open(dir);
	store_close(st);
	assert_int_equal(chmod(dir, 0777), 0);
	assert_int_equal(store_open(dir, 0, &st), STORE_PERM);
	assert_non_null(strstr(store_last_error(st)->msg, "other users"));
	store_close(st);
	assert_int_equal(chown(dir, 1, 0), 0);
	assert_int_equal(chmod(dir, 0700), 0);
	assert_int_equal(store_open(dir, STORE_READONLY, &st), STORE_PERM);
	store_close(st);
	assert_int_equal(chown(dir, 0, 0), 0);
	st = ts_open(dir);
	store_close(st);
}

static int
env_audit_count_cb(const struct store_audit *a, void *arg)
{
	(void)a;
	(*(size_t *)arg)++;
	return (0);
}

static size_t
env_audit_count(struct store *st)
{
	size_t	n = 0;

	assert_int_equal(store_audit_each(st, NULL, NULL, 0,
	    env_audit_count_cb, &n), STORE_OK);
	return (n);
}

static void
test_map_full(void **state)
{
	struct store		*st;
	struct store_member	 m;
	char			 dir[128], notes[4000], id[16];
	size_t			 count, audits;
	int			 i, rc = STORE_OK;

	(void)state;
	snprintf(dir, sizeof dir, "%s/full", env_root);
	setenv("SANKA_MAP_SIZE", "1048576", 1);
	st = ts_open(dir);
	ts_add_event(st, "E1", "e", "2026-01-01");
	memset(notes, 'x', sizeof notes - 1);
	notes[sizeof notes - 1] = '\0';
	memset(&m, 0, sizeof m);
	m.notes = notes;
	m.name = (char *)"名前";
	for (i = 0; i < 10000; i++) {
		count = store_member_count(st);
		audits = env_audit_count(st);
		snprintf(id, sizeof id, "M%05d", i);
		snprintf(m.id, sizeof m.id, "%s", id);
		if ((rc = store_member_add(st, &m)) != STORE_OK)
			break;
		if ((rc = store_mark(st, "E1", id, STORE_FINAL_ATTENDED,
		    0)) != STORE_OK)
			break;
	}
	assert_int_equal(rc, STORE_FULL);
	assert_non_null(strstr(store_last_error(st)->msg, "full"));
	assert_int_equal(store_exit_code(rc), 3);
	/* the failed change left nothing: no member or record, no audit */
	if (store_member_count(st) == count + 1) {
		/* the add went through; the mark failed */
		struct store_attendance a;

		assert_int_equal(store_attendance_get(st, "E1", id, &a),
		    STORE_NOTFOUND);
		assert_int_equal(env_audit_count(st), audits + 1);
		ts_assert_agg(st, id, 0, "", "");
	} else {
		assert_int_equal(store_member_count(st), count);
		assert_int_equal(env_audit_count(st), audits);
	}
	ts_clean(st);
	store_close(st);
	st = ts_open(dir);
	assert_true(store_member_count(st) >= count);
	ts_clean(st);
	store_close(st);
	unsetenv("SANKA_MAP_SIZE");
	/* a larger map later: the same database grows on */
	st = ts_open(dir);
	snprintf(m.id, sizeof m.id, "MORE");
	assert_int_equal(store_member_add(st, &m), STORE_OK);
	store_close(st);
}

static void
test_backup(void **state)
{
	struct store		*st, *copy;
	struct store_member	 m;
	struct store_stats	 s;
	struct stat		 sb;
	char			 dir[128], file[160], dir2[128], dst[200];

	(void)state;
	umask(022);
	snprintf(dir, sizeof dir, "%s/orig", env_root);
	st = ts_open(dir);
	ts_add_member(st, "M1", "山田 史郎", "ヤマダ シロウ", 3, "2024-01-01");
	ts_add_event(st, "E1", "e", "2026-01-01");
	ts_mark(st, "E1", "M1", STORE_FINAL_ATTENDED);
	snprintf(file, sizeof file, "%s/backup.mdb", env_root);
	assert_int_equal(store_backup(st, file), STORE_OK);
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0640);
	assert_int_equal(store_backup(st, file), STORE_EXISTS);
	store_close(st);

	snprintf(dir2, sizeof dir2, "%s/restored", env_root);
	assert_int_equal(mkdir(dir2, 0700), 0);
	snprintf(dst, sizeof dst, "%s/data.mdb", dir2);
	assert_int_equal(rename(file, dst), 0);
	copy = ts_open(dir2);
	assert_int_equal(store_member_get(copy, "M1", &m, &s), STORE_OK);
	assert_string_equal(m.name, "山田 史郎");
	assert_int_equal(s.total, 4);
	assert_string_equal(s.last_event, "E1");
	store_member_free(&m);
	ts_clean(copy);
	store_close(copy);
}

static void
test_txnid_other_process(void **state)
{
	struct store	*st;
	char		 dir[128];
	uint64_t	 before;
	pid_t		 pid;
	int		 status;

	(void)state;
	snprintf(dir, sizeof dir, "%s/txn", env_root);
	st = ts_open(dir);
	before = store_txnid(st);
	ts_add_member(st, "M1", "a", "", 0, "");
	assert_true(store_txnid(st) > before);
	before = store_txnid(st);
	if ((pid = fork()) == 0) {
		struct store	*other;
		struct store_member m;

		if (store_open(dir, 0, &other) != STORE_OK)
			_exit(1);
		memset(&m, 0, sizeof m);
		snprintf(m.id, sizeof m.id, "M2");
		m.name = (char *)"田中 花子";
		_exit(store_member_add(other, &m) == STORE_OK ? 0 : 2);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_true(store_txnid(st) > before);
	assert_int_equal(store_member_count(st), 2);
	store_close(st);
}

static void
test_permission(void **state)
{
	struct store	*st;
	char		 dir[128];
	pid_t		 pid;
	int		 status;

	(void)state;
	snprintf(dir, sizeof dir, "%s/private", env_root);
	st = ts_open(dir);
	store_close(st);
	assert_int_equal(chmod(dir, 0700), 0);
	if ((pid = fork()) == 0) {
		struct store	*other;
		int		 rc;

		if (geteuid() == 0) {
			if (setgid(65534) != 0 || setuid(65534) != 0)
				_exit(10);
		} else if (chmod(dir, 0) != 0)
			_exit(11);
		rc = store_open(dir, 0, &other);
		if (rc != STORE_PERM)
			_exit(12);
		if (strstr(store_last_error(other)->msg, dir) == NULL)
			_exit(13);
		store_close(other);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	chmod(dir, 0700);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* store_exists tells a database directory from an empty or missing one
 * without creating anything; store_remove takes the database and its
 * directory away. */
static void
test_exists_remove(void **state)
{
	struct store	*st;
	struct stat	 sb;
	char		 dir[128];

	(void)state;
	snprintf(dir, sizeof dir, "%s/db", env_root);
	assert_false(store_exists(dir));		/* missing */
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_false(store_exists(dir));		/* empty */
	st = ts_open(dir);
	assert_true(store_exists(dir));
	store_close(st);
	assert_true(store_exists(dir));
	store_remove(dir);
	assert_int_equal(stat(dir, &sb), -1);
	assert_int_equal(errno, ENOENT);
	assert_false(store_exists(dir));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_nested, env_setup,
		    env_teardown),
		cmocka_unit_test_setup_teardown(test_group_shared, env_setup,
		    env_teardown),
		cmocka_unit_test_setup_teardown(test_readonly_missing,
		    env_setup, env_teardown),
		cmocka_unit_test_setup_teardown(test_schema_newer, env_setup,
		    env_teardown),
		cmocka_unit_test_setup_teardown(test_schema_damaged, env_setup,
		    env_teardown),
		cmocka_unit_test_setup_teardown(test_link_refused, env_setup,
		    env_teardown),
		cmocka_unit_test_setup_teardown(test_root_refuses_open_dir,
		    env_setup, env_teardown),
		cmocka_unit_test_setup_teardown(test_map_full, env_setup,
		    env_teardown),
		cmocka_unit_test_setup_teardown(test_backup, env_setup,
		    env_teardown),
		cmocka_unit_test_setup_teardown(test_txnid_other_process,
		    env_setup, env_teardown),
		cmocka_unit_test_setup_teardown(test_permission, env_setup,
		    env_teardown),
		cmocka_unit_test_setup_teardown(test_exists_remove, env_setup,
		    env_teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
