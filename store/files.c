/* files.c -- the two files of a database (data.mdb, lock.mdb), checked
 * before and after LMDB opens them by path: regular files, not links, owned
 * by the directory's owner or the caller; the lock file's space reserved
 * before LMDB maps it, so a full disk is an error and not SIGBUS. */

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store-int.h"

/* LMDB 0.9's lock file exactly: its header (two 64-byte cache lines and
 * the first reader slot) and a 64-byte slot per further reader.  Larger,
 * LMDB would take it for more readers; smaller, it would grow it unseen. */
#define FILES_LOCK_RESERVE	((STORE_MAXREADERS - 1) * 64 + 192)

static const char *const files_names[FILES_COUNT] = { "data.mdb", "lock.mdb" };

static void
files_path(const char *dir, int which, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", dir, files_names[which]);
}

/* Whether group GID has a member other than root (by the member list or a
 * primary group). */
static bool
files_group_has_users(gid_t gid)
{
	struct group	*gr;
	struct passwd	*pw;
	bool		 found = false;

	if (gid == 0)
		return (false);
	if ((gr = getgrgid(gid)) != NULL && gr->gr_mem != NULL &&
	    gr->gr_mem[0] != NULL)
		return (true);
	setpwent();
	while (!found && (pw = getpwent()) != NULL)
		found = pw->pw_gid == gid && pw->pw_uid != 0;
	endpwent();
	return (found);
}

/* Root follows no one's links: it refuses a directory that a user other
 * than root could write to, where a link could be planted under it. */
static int
files_check_dir(struct store *st, const char *dir, const struct stat *sb)
{
	if (geteuid() != 0)
		return (STORE_OK);
	if (sb->st_uid != 0 || (sb->st_mode & S_IWOTH) ||
	    ((sb->st_mode & S_IWGRP) && files_group_has_users(sb->st_gid)))
		return (store_err(st, STORE_PERM, NULL, _("%s: other users "
		    "can write to this directory; root does not open a "
		    "database there (run sanka as a member of its group, or "
		    "make the directory root's)"), dir));
	return (STORE_OK);
}

/* One existing file: a regular file owned by the directory's owner or by
 * the caller.  *SEEN receives its identity. */
static int
files_check_one(struct store *st, const char *path, const struct stat *dirsb,
    struct stat *seen)
{
	if (lstat(path, seen) != 0)
		return (errno == ENOENT ? STORE_NOTFOUND : store_err(st,
		    errno == EACCES ? STORE_PERM : STORE_IO, NULL, "%s: %s",
		    path, strerror(errno)));
	if (!S_ISREG(seen->st_mode))
		return (store_err(st, STORE_PERM, NULL, _("%s is not a regular "
		    "file (a link or a device); sanka does not open it"),
		    path));
	if ((st->flags & STORE_SHARED) && (seen->st_uid != 0 ||
	    seen->st_gid != getegid()))
		return (store_err(st, STORE_PERM, NULL, _("%s is not owned by "
		    "root and sanka's group; the shared database is not "
		    "opened (ask root to check it)"), path));
	if (seen->st_uid != dirsb->st_uid && seen->st_uid != geteuid())
		return (store_err(st, STORE_PERM, NULL, _("%s belongs to "
		    "another user than its directory; sanka does not open it"),
		    path));
	return (STORE_OK);
}

/* Create the lock file ourselves, never through a link, and allocate its
 * blocks now: LMDB maps it, and a page it touches on a full disk is a
 * SIGBUS. */
static int
files_reserve_lock(struct store *st, const char *path, bool shared)
{
	mode_t	old = 0;
	int	fd, rc;

	if (shared)
		old = umask(007);
	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0660);
	if (shared)
		umask(old);
	if (fd == -1) {
		if (errno == EEXIST)
			return (STORE_OK);	/* another process was first */
		return (store_mdb(st, errno, path));
	}
	rc = posix_fallocate(fd, 0, FILES_LOCK_RESERVE);
	close(fd);
	if (rc == EINVAL || rc == EOPNOTSUPP)
		rc = 0;		/* a filesystem that cannot reserve */
	if (rc != 0) {
		unlink(path);
		if (rc == ENOSPC || rc == EDQUOT)
			return (store_err(st, STORE_FULL, NULL, _("%s: disk "
			    "full; no database was created"), path));
		return (store_mdb(st, rc, path));
	}
	return (STORE_OK);
}

int
files_before_open(struct store *st, const char *dir, bool create,
    bool shared, struct files_seen *fs)
{
	struct stat	 dirsb;
	char		 path[PATH_MAX];
	int		 i, rc;

	memset(fs, 0, sizeof *fs);
	if (stat(dir, &dirsb) != 0)
		return (store_mdb(st, errno, dir));
	if ((rc = files_check_dir(st, dir, &dirsb)) != STORE_OK)
		return (rc);
	fs->dir_uid = dirsb.st_uid;
	for (i = 0; i < FILES_COUNT; i++) {
		files_path(dir, i, path, sizeof path);
		rc = files_check_one(st, path, &dirsb, &fs->sb[i]);
		if (rc == STORE_OK) {
			fs->existed[i] = true;
			continue;
		}
		if (rc != STORE_NOTFOUND)
			return (rc);
		if (st->flags & STORE_SHARED)
			return (store_err(st, STORE_PERM, NULL, _("%s is "
			    "missing: ask root to run \"sanka init\""), path));
		store_err_clear(st);
		if (i == FILES_LOCK && create) {
			if ((rc = files_reserve_lock(st, path, shared)) != STORE_OK)
				return (rc);
			fs->created[i] = true;
		}
	}
	return (STORE_OK);
}

/* The descriptor of this process open on the file whose identity is SB,
 * found through /proc/self/fd; -1 when none. */
static int
files_find_fd(const struct stat *sb)
{
	struct dirent	*de;
	struct stat	 fsb;
	DIR		*d;
	int		 fd, found = -1;

	if ((d = opendir("/proc/self/fd")) == NULL)
		return (-1);
	while (found == -1 && (de = readdir(d)) != NULL) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		fd = atoi(de->d_name);
		if (fd != dirfd(d) && fstat(fd, &fsb) == 0 &&
		    fsb.st_dev == sb->st_dev && fsb.st_ino == sb->st_ino)
			found = fd;
	}
	closedir(d);
	return (found);
}

int
files_after_open(struct store *st, const char *dir, int datafd,
    struct files_seen *fs)
{
	struct stat	 dirsb, now, fdsb;
	char		 path[PATH_MAX];
	int		 i, rc;

	if (stat(dir, &dirsb) != 0)
		return (store_mdb(st, errno, dir));
	dirsb.st_uid = fs->dir_uid;
	for (i = 0; i < FILES_COUNT; i++) {
		files_path(dir, i, path, sizeof path);
		if ((rc = files_check_one(st, path, &dirsb, &now)) != STORE_OK)
			return (rc == STORE_NOTFOUND ? store_err(st, STORE_IO,
			    NULL, _("%s vanished while it was opened"), path) :
			    rc);
		if (fs->existed[i] && (now.st_dev != fs->sb[i].st_dev ||
		    now.st_ino != fs->sb[i].st_ino))
			goto swapped;
		/* what LMDB holds open is what the path names now */
		if (i == FILES_DATA) {
			if (fstat(datafd, &fdsb) != 0 ||
			    fdsb.st_dev != now.st_dev ||
			    fdsb.st_ino != now.st_ino)
				goto swapped;
		} else if (files_find_fd(&now) == -1)
			goto swapped;
	}
	return (STORE_OK);
swapped:
	return (store_err(st, STORE_PERM, NULL, _("%s was replaced while "
	    "sanka opened it; sanka does not use it"), path));
}

void
files_undo(const char *dir, const struct files_seen *fs)
{
	char	path[PATH_MAX];
	int	i;

	for (i = 0; i < FILES_COUNT; i++) {
		if (fs->existed[i])
			continue;
		files_path(dir, i, path, sizeof path);
		unlink(path);
	}
}

bool
store_exists(const char *dir)
{
	char	path[PATH_MAX];

	files_path(dir, FILES_DATA, path, sizeof path);
	return (access(path, F_OK) == 0);
}

void
store_remove(const char *dir)
{
	char	path[PATH_MAX];
	int	i;

	for (i = 0; i < FILES_COUNT; i++) {
		files_path(dir, i, path, sizeof path);
		unlink(path);
	}
	rmdir(dir);
}
