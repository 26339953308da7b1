/* draft.c -- the draft file of an unsaved form, per Unix user and database. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/draft.h"
#include "store/xmalloc.h"

#define DRAFT_MAX	(1 << 20)	/* a form is far smaller */

/* mkdir -p DIR with mode 0700 for the parts created. */
static int
draft_mkdirs(const char *dir)
{
	char	*p, *d = xstrdup(dir);

	for (p = d + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0700) != 0 && errno != EEXIST) {
			free(d);
			return (-1);
		}
		*p = '/';
	}
	if (mkdir(d, 0700) != 0 && errno != EEXIST) {
		free(d);
		return (-1);
	}
	free(d);
	return (0);
}

char *
draft_path(const char *dbdir)
{
	const char	*state = getenv("XDG_STATE_HOME"), *home;
	char		 real[PATH_MAX], *dir, *path;
	const char	*p;
	uint64_t	 h = 1469598103934665603ULL;	/* FNV-1a */
	struct passwd	*pw;

	if (realpath(dbdir, real) == NULL)
		snprintf(real, sizeof real, "%s", dbdir);
	for (p = real; *p != '\0'; p++) {
		h ^= (unsigned char)*p;
		h *= 1099511628211ULL;
	}
	if (state != NULL && *state == '/')
		dir = xasprintf("%s/sanka", state);
	else {
		if ((home = getenv("HOME")) == NULL || *home != '/') {
			if ((pw = getpwuid(getuid())) == NULL)
				return (NULL);
			home = pw->pw_dir;
		}
		dir = xasprintf("%s/.local/state/sanka", home);
	}
	path = xasprintf("%s/draft-%016" PRIx64, dir, h);
	free(dir);
	return (path);
}

int
draft_save(const char *path, const char *text)
{
	char	*dir, *slash, *tmp;
	size_t	 len = strlen(text), off = 0;
	ssize_t	 n;
	int	 fd, rc = -1;

	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		if (draft_mkdirs(dir) != 0) {
			free(dir);
			return (-1);
		}
	}
	free(dir);
	/* ".draft-HASH.tmp": never taken for a draft while it is written. */
	slash = strrchr(path, '/');
	tmp = slash != NULL ? xasprintf("%.*s/.%s.tmp", (int)(slash - path),
	    path, slash + 1) : xasprintf(".%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd == -1)
		goto out;
	while (off < len) {
		n = write(fd, text + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (off == len && fsync(fd) == 0 && close(fd) == 0) {
		fd = -1;
		if (rename(tmp, path) == 0)
			rc = 0;
	}
	if (fd != -1)
		close(fd);
	if (rc != 0)
		unlink(tmp);
out:
	free(tmp);
	return (rc);
}

char *
draft_load(const char *path)
{
	char	*buf;
	size_t	 len = 0;
	ssize_t	 n;
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return (NULL);
	buf = xmalloc(DRAFT_MAX + 1);
	while (len < DRAFT_MAX) {
		n = read(fd, buf + len, DRAFT_MAX - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	buf[len] = '\0';
	return (buf);
}

void
draft_remove(const char *path)
{
	if (path != NULL)
		unlink(path);
}
