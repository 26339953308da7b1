/* env.c -- the LMDB environment: open and close, errors, map size, stale
 * readers, schema, the audit actor, transactions, the last txn id, backup. */

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/store-int.h"

static const char *const store_db_names[DB_COUNT] = {
	"members", "member_stats", "events", "attendance", "by_member",
	"pending", "name_index", "audit", "meta", "by_kana", "by_total",
	"by_last", "mailings",
};

int
store_err(struct store *st, int rc, const char *field, const char *fmt, ...)
{
	va_list	ap;

	st->err.rc = rc;
	snprintf(st->err.field, sizeof st->err.field, "%s",
	    field == NULL ? "" : field);
	va_start(ap, fmt);
	vsnprintf(st->err.msg, sizeof st->err.msg, fmt, ap);
	va_end(ap);
	return (rc);
}

void
store_err_clear(struct store *st)
{
	memset(&st->err, 0, sizeof st->err);
}

/* LMDB reports a short write as EIO: on a filesystem with less than a
 * megabyte left, that short write was the disk filling up. */
static bool
store_disk_nearly_full(struct store *st)
{
	struct statvfs	sv;
	int		fd;

	if (st->env == NULL || mdb_env_get_fd(st->env, &fd) != 0 ||
	    fstatvfs(fd, &sv) != 0)
		return (false);
	return ((unsigned long long)sv.f_bavail * sv.f_frsize < (1u << 20));
}

/* Turn an LMDB (or errno) code into a store code with a message. */
int
store_mdb(struct store *st, int rc, const char *what)
{
	switch (rc) {
	case 0:
		return (STORE_OK);
	case MDB_NOTFOUND:
		return (store_err(st, STORE_NOTFOUND, NULL, "%s: %s", what,
		    _("not found")));
	case MDB_MAP_FULL:
		return (store_err(st, STORE_FULL, NULL, _("%s: the database "
		    "or the disk is full; nothing was written (free disk "
		    "space or ask the administrator)"), what));
	case ENOSPC:
	case EDQUOT:
		return (store_err(st, STORE_FULL, NULL, _("%s: disk full; "
		    "nothing was written (free disk space or ask the "
		    "administrator)"), what));
	case EACCES:
	case EPERM:
	case EROFS:
		return (store_err(st, STORE_PERM, NULL,
		    _("%s: permission denied"), what));
	case STORE_MDB_DAMAGED:
		return (STORE_DAMAGED);	/* the message names the entry */
	case MDB_CORRUPTED:
	case MDB_PAGE_NOTFOUND:
	case MDB_BAD_TXN:
	case MDB_BAD_VALSIZE:
		return (store_err(st, STORE_DAMAGED, NULL, _("%s: the database "
		    "is damaged (%s): restore a backup"), what,
		    mdb_strerror(rc)));
	case EIO:
		if (store_disk_nearly_full(st))
			return (store_mdb(st, ENOSPC, what));
		/* FALLTHROUGH */
	default:
		return (store_err(st, STORE_IO, NULL, "%s: %s", what,
		    mdb_strerror(rc)));
	}
}

/* "2026-02-21 10:00" in $TZ, Asia/Tokyo when TZ is unset. */
void
store_time_text(int64_t t, char *out, size_t size)
{
	struct tm	tm;
	time_t		tt;

	if (getenv("TZ") == NULL) {
		tt = (time_t)(t + 9 * 3600);
		gmtime_r(&tt, &tm);
	} else {
		tt = (time_t)t;
		localtime_r(&tt, &tm);
	}
	strftime(out, size, "%Y-%m-%d %H:%M", &tm);
}

void
store_actor_refresh(struct store *st)
{
	struct passwd	*pw;
	const char	*staff;
	char		 user[64];
	char		*p;

	/* the real uid: a setgid sanka acts for whoever ran it */
	if ((pw = getpwuid(getuid())) != NULL)
		snprintf(user, sizeof user, "%s", pw->pw_name);
	else
		snprintf(user, sizeof user, "%lu", (unsigned long)getuid());
	staff = getenv("SANKA_USER");
	if (staff != NULL && *staff != '\0') {
		snprintf(st->actor, sizeof st->actor, "%s (%.*s)", user,
		    (int)(sizeof st->actor - strlen(user) - 4), staff);
		/* cut whole characters only */
		codec_copy_text(st->actor, sizeof st->actor, st->actor,
		    strlen(st->actor));
	} else
		snprintf(st->actor, sizeof st->actor, "%s", user);
	for (p = st->actor; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	}
}

static size_t
store_map_size(void)
{
	const char		*s;
	char			*end;
	unsigned long long	 v;

	if ((s = getenv("SANKA_MAP_SIZE")) != NULL && *s != '\0') {
		errno = 0;
		v = strtoull(s, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 65536 &&
		    v <= (unsigned long long)SIZE_MAX)
			return ((size_t)v);
	}
	return (STORE_MAP_SIZE);
}

/* mkdir -p for the parents of DIR, then DIR itself 0770.  *SHARED is set
 * when DIR's parent is setgid (the group-shared server directory). */
static int
store_mkdir(struct store *st, const char *dir, bool *shared)
{
	struct stat	 sb;
	char		*parent, *slash;
	mode_t		 old;
	int		 rc;

	parent = xstrdup(dir);
	while ((slash = strrchr(parent, '/')) != NULL && slash[1] == '\0' &&
	    slash != parent)
		*slash = '\0';
	if ((slash = strrchr(parent, '/')) == NULL)
		strcpy(parent, ".");
	else if (slash == parent)
		parent[1] = '\0';
	else
		*slash = '\0';
	if (stat(parent, &sb) != 0) {
		if (errno != ENOENT) {
			rc = store_err(st, errno == EACCES ? STORE_PERM :
			    STORE_IO, NULL, "%s: %s", parent, strerror(errno));
			free(parent);
			return (rc);
		}
		if ((rc = store_mkdir(st, parent, shared)) != STORE_OK) {
			free(parent);
			return (rc);
		}
		if (stat(parent, &sb) != 0) {
			rc = store_err(st, STORE_IO, NULL, "%s: %s", parent,
			    strerror(errno));
			free(parent);
			return (rc);
		}
	}
	free(parent);
	*shared = (sb.st_mode & S_ISGID) != 0;
	old = 0;
	if (*shared)
		old = umask(007);
	rc = mkdir(dir, 0770);
	if (*shared)
		umask(old);
	if (rc != 0 && errno != EEXIST)
		return (store_err(st, errno == EACCES || errno == EROFS ?
		    STORE_PERM : STORE_IO, NULL, _("cannot create %s: %s"),
		    dir, strerror(errno)));
	return (STORE_OK);
}

/* The schema marker: digits only ("1x" is not 1); -1 when it is not. */
long
store_schema_parse(const char *num)
{
	char	*end;
	long	 v;

	if (*num < '0' || *num > '9')
		return (-1);
	errno = 0;
	v = strtol(num, &end, 10);
	return (errno != 0 || *end != '\0' ? -1 : v);
}

/* The schema of TXN's snapshot in *VER (0: none yet); STORE_OK, or an
 * error for a damaged marker or a newer schema. */
static int
store_schema_of(struct store *st, MDB_txn *txn, long *ver)
{
	char	num[32];
	int	rc;

	*ver = 0;
	rc = seal_schema_read(st, txn, ver);
	if (rc == STORE_NOTFOUND) {
		*ver = 0;
		return (STORE_OK);
	}
	if (rc != STORE_OK)
		return (rc);
	if (*ver < 1)
		return (store_err(st, STORE_DAMAGED, NULL, _("the database's "
		    "schema marker is damaged: restore a backup (nothing was "
		    "changed)")));
	if (*ver > STORE_SCHEMA_VERSION) {
		snprintf(num, sizeof num, "%ld", *ver);
		return (store_err(st, STORE_SCHEMA, NULL, _("the database has "
		    "schema version %s; this sanka knows version %d: upgrade "
		    "sanka (nothing was changed)"), num,
		    STORE_SCHEMA_VERSION));
	}
	return (STORE_OK);
}

/* Open every named database in one read txn: STORE_OK, or STORE_NOTFOUND
 * when one is missing (or the marker is) and the open may create them. */
static int
store_open_existing(struct store *st, bool ro, long *ver)
{
	MDB_txn		*txn;
	unsigned	 i;
	int		 rc;

	*ver = 0;
	if ((rc = mdb_txn_begin(st->env, NULL, MDB_RDONLY, &txn)) != 0)
		return (store_mdb(st, rc, _("cannot read the database")));
	rc = mdb_dbi_open(txn, "meta", 0, &st->dbi[DB_META]);
	if (rc == 0 && (rc = store_schema_of(st, txn, ver)) != STORE_OK) {
		mdb_txn_abort(txn);
		return (rc);
	}
	for (i = 0; rc == 0 && *ver != 0 && i < DB_COUNT; i++) {
		rc = mdb_dbi_open(txn, store_db_names[i], 0, &st->dbi[i]);
		/* Read-only, a database from before mailings has none to
		 * read (dbi 0: absent). */
		if (rc == MDB_NOTFOUND && ro && i == DB_MAILINGS)
			st->dbi[i] = 0, rc = 0;
	}
	if (rc == 0 && *ver != 0) {
		st->sealed = *ver >= 2;
		if ((rc = mdb_txn_commit(txn)) != 0)
			return (store_mdb(st, rc,
			    _("cannot read the database")));
		return (STORE_OK);
	}
	mdb_txn_abort(txn);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return (store_mdb(st, rc, i == 0 ? "meta" :
		    store_db_names[i - 1]));
	if (ro)
		return (store_err(st, STORE_NODB, NULL,
		    _("no sanka database here")));
	return (STORE_NOTFOUND);
}

/* Check the schema version and open every named database (creating what
 * is missing, migrating schema 1, unless read-only). */
static int
store_open_dbis(struct store *st)
{
	MDB_txn		*txn;
	unsigned	 i;
	long		 ver;
	bool		 ro;
	int		 rc;

	ro = (st->flags & STORE_READONLY) != 0;
	rc = store_open_existing(st, ro, &ver);
	if (rc == STORE_OK)
		return (ver == 1 && !ro ? migrate_schema1(st) : STORE_OK);
	if (rc != STORE_NOTFOUND)
		return (rc);

	/* A new (or incomplete) database: create what is missing. */
	if ((rc = mdb_txn_begin(st->env, NULL, 0, &txn)) != 0)
		return (store_mdb(st, rc, _("cannot write the database")));
	for (i = 0; i < DB_COUNT; i++) {
		if ((rc = mdb_dbi_open(txn, store_db_names[i], MDB_CREATE,
		    &st->dbi[i])) != 0) {
			mdb_txn_abort(txn);
			return (store_mdb(st, rc, store_db_names[i]));
		}
	}
	if ((rc = store_schema_of(st, txn, &ver)) == STORE_OK && ver == 0)
		rc = seal_schema_write(st, txn, STORE_SCHEMA_VERSION);
	if (rc != STORE_OK) {
		mdb_txn_abort(txn);
		return (rc);
	}
	st->sealed = ver == 0 || ver >= 2;
	if ((rc = mdb_txn_commit(txn)) != 0)
		return (store_mdb(st, rc, _("cannot write the database")));
	return (ver == 1 ? migrate_schema1(st) : STORE_OK);
}

/* Open the environment of DIR, retrying while another process opens or
 * closes it at the same moment.  Returns an LMDB or errno code. */
static int
store_env_open(struct store *st, const char *dir, unsigned envflags,
    bool shared)
{
	mode_t	old = 0;
	int	rc, tries;

	if (shared)
		old = umask(007);
	for (tries = 0;; tries++) {
		if ((rc = mdb_env_create(&st->env)) != 0)
			break;
		if ((rc = mdb_env_set_mapsize(st->env,
		    (st->flags & STORE_SHARED) ? STORE_MAP_SIZE :
		    store_map_size())) != 0 ||
		    (rc = mdb_env_set_maxreaders(st->env,
		    STORE_MAXREADERS)) != 0 ||
		    (rc = mdb_env_set_maxdbs(st->env, DB_COUNT + 4)) != 0)
			break;
		rc = mdb_env_open(st->env, dir, envflags, 0660);
		if (rc == 0)
			break;
		mdb_env_close(st->env);
		st->env = NULL;
		if (tries >= 4 || rc == EACCES || rc == EPERM || rc == EROFS ||
		    rc == ENOENT || rc == ENOTDIR || rc == ENOSPC ||
		    rc == EDQUOT || rc == MDB_VERSION_MISMATCH ||
		    rc == MDB_INVALID)
			break;
		usleep(10000u << tries);
	}
	if (shared)
		umask(old);
	if (rc != 0 && st->env != NULL) {
		mdb_env_close(st->env);
		st->env = NULL;
	}
	return (rc);
}

/* Remove the directories store_mkdir made, from DIR up to (not including)
 * the first that existed before, whose length was KEEP. */
static void
store_rmdirs(const char *dir, size_t keep)
{
	char	*p, *slash;

	p = xstrdup(dir);
	while (strlen(p) > keep && rmdir(p) == 0 &&
	    (slash = strrchr(p, '/')) != NULL && slash != p)
		*slash = '\0';
	free(p);
}

/* The length of the longest existing ancestor of DIR (the part a failed
 * creation must leave). */
static size_t
store_existing_prefix(const char *dir)
{
	struct stat	 sb;
	char		*p, *slash;
	size_t		 n;

	p = xstrdup(dir);
	while ((slash = strrchr(p, '/')) != NULL && slash != p) {
		*slash = '\0';
		if (stat(p, &sb) == 0)
			break;
	}
	n = slash == NULL ? 0 : strlen(p);
	free(p);
	return (n);
}

/* The directory DIR: made when missing and CREATE, checked otherwise.
 * *MADE is the length of its ancestor that existed (SIZE_MAX: DIR did). */
static int
store_open_dir(struct store *st, const char *dir, bool create, bool *shared,
    size_t *made)
{
	struct stat	sb;

	*made = SIZE_MAX;
	if (stat(dir, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode))
			return (store_err(st, STORE_IO, NULL,
			    _("%s is not a directory"), dir));
		*shared = (sb.st_mode & S_ISGID) != 0;
		return (STORE_OK);
	}
	if (errno == EACCES)
		return (store_err(st, STORE_PERM, NULL,
		    _("%s: permission denied"), dir));
	if (errno != ENOENT)
		return (store_err(st, STORE_IO, NULL, "%s: %s", dir,
		    strerror(errno)));
	if (!create)
		return (store_err(st, STORE_NODB, NULL,
		    _("no database at %s"), dir));
	*made = store_existing_prefix(dir);
	return (store_mkdir(st, dir, shared));
}

int
store_open(const char *dir, unsigned flags, struct store **out)
{
	struct store		*st;
	struct files_seen	 fs;
	unsigned		 envflags;
	bool			 shared = false, ro;
	size_t			 made;
	int			 rc, dead, fd;

	st = xcalloc(1, sizeof *st);
	*out = st;
	st->flags = flags;
	ro = (flags & STORE_READONLY) != 0;
	/* privileged: no name service, no environment until the drop */
	if (flags & STORE_SHARED)
		snprintf(st->actor, sizeof st->actor, "%lu",
		    (unsigned long)getuid());
	else
		store_actor_refresh(st);

	if (dir == NULL || *dir == '\0')
		return (store_err(st, STORE_IO, NULL,
		    _("no database directory given")));
	if ((rc = store_open_dir(st, dir, !ro && !(flags & STORE_SHARED),
	    &shared, &made)) != STORE_OK)
		return (rc);
	if ((rc = files_before_open(st, dir, !ro && !(flags & STORE_SHARED),
	    shared, &fs)) != STORE_OK)
		goto undo;
	if (ro && !fs.existed[FILES_DATA])
		return (store_err(st, STORE_NODB, NULL,
		    _("no database at %s"), dir));

	/* A read-only open takes the environment for writing too when it
	 * may: a refused right then leaves its audit record (access.c). */
	envflags = MDB_NORDAHEAD;
	rc = store_env_open(st, dir, envflags, shared);
	if (ro && (rc == EACCES || rc == EPERM || rc == EROFS))
		rc = store_env_open(st, dir, envflags | MDB_RDONLY, shared);
	else if (ro && rc == 0)
		st->audit_rw = true;
	if (rc != 0) {
		if (rc == EACCES || rc == EPERM || rc == EROFS)
			rc = store_err(st, STORE_PERM, NULL, _("%s: "
			    "permission denied (the database files need "
			    "read and write access for your group)"), dir);
		else if (rc == ENOSPC || rc == EDQUOT)
			rc = store_err(st, STORE_FULL, NULL, _("%s: disk full; "
			    "no database was created"), dir);
		else
			rc = store_err(st, STORE_IO, NULL,
			    _("cannot open %s: %s"), dir, mdb_strerror(rc));
		goto undo;
	}
	if (mdb_env_get_fd(st->env, &fd) != 0 ||
	    (rc = files_after_open(st, dir, fd, &fs)) != STORE_OK) {
		mdb_env_close(st->env);
		st->env = NULL;
		return (st->err.rc != STORE_OK ? st->err.rc : store_err(st,
		    STORE_IO, NULL, _("cannot open %s"), dir));
	}
	st->created = !fs.existed[FILES_DATA];
	if ((rc = mdb_reader_check(st->env, &dead)) != 0)
		return (store_mdb(st, rc, dir));
	if ((rc = store_open_dbis(st)) == STORE_FULL && !fs.existed[FILES_DATA]) {
		mdb_env_close(st->env);
		st->env = NULL;
		store_err(st, STORE_FULL, NULL, _("%s: disk full; no database "
		    "was created"), dir);
		goto undo;
	}
	if (rc == STORE_OK && fstat(fd, &fs.sb[FILES_DATA]) == 0)
		rc = access_load(st, fs.sb[FILES_DATA].st_uid);
	return (rc);
undo:
	if (rc == STORE_FULL) {
		files_undo(dir, &fs);
		if (made != SIZE_MAX)
			store_rmdirs(dir, made);
	}
	return (rc);
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	if (st->env != NULL)
		mdb_env_close(st->env);
	access_free(st);
	free(st);
}

bool
store_created(const struct store *st)
{
	return (st->created);
}

bool
store_migrated(const struct store *st)
{
	return (st->migrated);
}

const struct store_error *
store_last_error(const struct store *st)
{
	return (&st->err);
}

int
store_exit_code(int rc)
{
	switch (rc) {
	case STORE_OK:
		return (0);
	case STORE_NOTFOUND:
	case STORE_EXISTS:
	case STORE_CONFLICT:
	case STORE_INVALID:
	case STORE_HASREFS:
		return (1);
	default:
		return (3);
	}
}

uint64_t
store_txnid(struct store *st)
{
	MDB_envinfo	info;

	if (st->env == NULL || mdb_env_info(st->env, &info) != 0)
		return (0);
	return ((uint64_t)info.me_last_txnid);
}

static int
store_begin(struct store *st, unsigned flags, MDB_txn **txn)
{
	int	rc, tries, dead;

	if (st->env == NULL)
		return (store_err(st, STORE_IO, NULL,
		    _("the database is not open")));
	if (!(flags & MDB_RDONLY) && (st->flags & STORE_READONLY) &&
	    !st->auditing)
		return (store_err(st, STORE_PERM, NULL,
		    _("the database was opened read-only")));
	for (tries = 0;; tries++) {
		rc = mdb_txn_begin(st->env, NULL, flags, txn);
		if (rc == MDB_MAP_RESIZED && tries < 3) {
			/* another process grew the map: adopt its size */
			if ((rc = mdb_env_set_mapsize(st->env, 0)) != 0)
				break;
			continue;
		}
		if (rc == MDB_READERS_FULL && tries < 1) {
			(void)mdb_reader_check(st->env, &dead);
			continue;
		}
		break;
	}
	if (rc != 0) {
		*txn = NULL;
		return (store_mdb(st, rc, _("cannot begin a transaction")));
	}
	if ((rc = seal_begin(st, *txn)) != STORE_OK) {
		mdb_txn_abort(*txn);
		*txn = NULL;
	}
	return (rc);
}

int
store_rbegin(struct store *st, MDB_txn **txn)
{
	return (store_begin(st, MDB_RDONLY, txn));
}

int
store_wbegin(struct store *st, struct wtx *w)
{
	memset(w, 0, sizeof *w);
	w->st = st;
	w->now = (int64_t)time(NULL);
	return (store_begin(st, 0, &w->txn));
}

static void
store_wfree(struct wtx *w)
{
	size_t	i;

	agg_cache_free(w);
	for (i = 0; i < sizeof w->scratch / sizeof w->scratch[0]; i++)
		buf_free(&w->scratch[i]);
}

int
store_wcommit(struct wtx *w)
{
	int	rc;

	if ((rc = agg_flush(w)) != STORE_OK) {
		store_wabort(w);
		return (rc);
	}
	store_wfree(w);
	rc = mdb_txn_commit(w->txn);
	w->txn = NULL;
	if (rc != 0)
		return (store_mdb(w->st, rc, _("cannot commit")));
	return (STORE_OK);
}

void
store_wabort(struct wtx *w)
{
	store_wfree(w);
	if (w->txn != NULL)
		mdb_txn_abort(w->txn);
	w->txn = NULL;
	access_flush(w->st);
}

const char *
store_db_name(enum store_db db)
{
	return (store_db_names[db]);
}

int
store_backup(struct store *st, const char *path)
{
	int	fd, rc;

	store_err_clear(st);
	if (st->env == NULL)
		return (store_err(st, STORE_IO, NULL,
		    _("the database is not open")));
	if ((rc = access_need(st, STORE_AREA_ADMIN, STORE_ACT_VIEW)) != 0 ||
	    (rc = store_verify(st, NULL, NULL, NULL)) != STORE_OK)
		return (rc);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0640)) == -1) {
		if (errno == EEXIST)
			return (store_err(st, STORE_EXISTS, NULL,
			    _("%s already exists"), path));
		if (errno == EACCES || errno == EPERM || errno == EROFS)
			return (store_err(st, STORE_PERM, NULL,
			    _("%s: permission denied"), path));
		return (store_err(st, STORE_IO, NULL, "%s: %s", path,
		    strerror(errno)));
	}
	rc = mdb_env_copyfd2(st->env, fd, MDB_CP_COMPACT);
	if (rc != 0) {
		/* compaction refuses an environment with a page leak */
		if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
			rc = errno;
		else
			rc = mdb_env_copyfd2(st->env, fd, 0);
	}
	if (rc == 0 && fsync(fd) != 0)
		rc = errno;
	if (close(fd) != 0 && rc == 0)
		rc = errno;
	if (rc != 0) {
		unlink(path);
		return (store_mdb(st, rc, path));
	}
	return (STORE_OK);
}

/* A stale version: say who changed WHAT KEY and when. */
int
store_conflict(struct store *st, const char *what, const char *key,
    uint32_t version, uint32_t expect, const char *by, int64_t at)
{
	char	when[32];

	store_time_text(at, when, sizeof when);
	store_err(st, STORE_CONFLICT, NULL, _("%s %s was changed by %s at %s "
	    "(version %lu, you had %lu); nothing was saved"), what, key,
	    by[0] != '\0' ? by : "?", when, (unsigned long)version,
	    (unsigned long)expect);
	snprintf(st->err.by, sizeof st->err.by, "%s", by);
	st->err.at = at;
	return (STORE_CONFLICT);
}
