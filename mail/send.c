/* send.c -- where a message goes: the local sendmail interface (any MTA's
 * /usr/sbin/sendmail, or $SANKA_SENDMAIL), or a file of a dry run. */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "mail/mail.h"
#include "store/i18n.h"
#include "store/xmalloc.h"

#define SENDMAIL_PATH	"/usr/sbin/sendmail"

extern char **environ;

/* Write all of MSG to FD; SIGPIPE is blocked by the caller, so a sendmail
 * that exits early shows as EPIPE here. */
static int
send_write(int fd, const char *msg, size_t len)
{
	ssize_t	 n;

	while (len > 0) {
		if ((n = write(fd, msg, len)) < 0) {
			if (errno == EINTR)
				continue;
			return (-1);
		}
		msg += n;
		len -= n;
	}
	return (0);
}

/* Start SENDMAIL with its standard input on a pipe; *fd is the pipe's
 * write end. */
static int
send_spawn(const char *sendmail, const char *sender, const char *to,
    pid_t *pid, int *fd, struct mail_error *e)
{
	posix_spawn_file_actions_t fa;
	char	*argv[] = { (char *)sendmail, "-oi", "-f", (char *)sender,
		    "--", (char *)to, NULL };
	int	 p[2], rc;

	if (pipe(p) != 0) {
		snprintf(e->msg, sizeof(e->msg), "pipe: %s", strerror(errno));
		return (MAIL_IO);
	}
	fcntl(p[1], F_SETFD, FD_CLOEXEC);	/* not into sendmail */
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, p[0], STDIN_FILENO);
	rc = posix_spawn(pid, sendmail, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(p[0]);
	if (rc != 0) {
		close(p[1]);
		snprintf(e->msg, sizeof(e->msg), _("%s: %s"), sendmail,
		    strerror(rc));
		return (MAIL_IO);
	}
	*fd = p[1];
	return (MAIL_OK);
}

int
mail_send(const char *sender, const char *to, const char *msg, size_t len,
    struct mail_error *e)
{
	const char	*sendmail = getenv("SANKA_SENDMAIL");
	sigset_t	 pipe_set, old;
	struct timespec	 zero = { 0, 0 };
	pid_t		 pid;
	int		 fd, status, rc, werr;

	if (sendmail == NULL || sendmail[0] == '\0')
		sendmail = SENDMAIL_PATH;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old);
	if ((rc = send_spawn(sendmail, sender, to, &pid, &fd, e)) !=
	    MAIL_OK) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		return (rc);
	}
	werr = send_write(fd, msg, len) != 0 ? errno : 0;
	close(fd);
	/* Take a SIGPIPE of ours off the queue before unblocking it. */
	if (werr == EPIPE)
		sigtimedwait(&pipe_set, NULL, &zero);
	sigprocmask(SIG_SETMASK, &old, NULL);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(e->msg, sizeof(e->msg), "waitpid: %s",
			    strerror(errno));
			return (MAIL_IO);
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && werr == 0)
		return (MAIL_OK);
	if (WIFEXITED(status))
		snprintf(e->msg, sizeof(e->msg),
		    _("%s: exit status %d for %s"), sendmail,
		    WEXITSTATUS(status), to);
	else
		snprintf(e->msg, sizeof(e->msg), _("%s: killed by signal %d "
		    "for %s"), sendmail, WIFSIGNALED(status) ?
		    WTERMSIG(status) : 0, to);
	return (MAIL_FAILED);
}

struct mail_dryrun {
	int		 fd;	/* the directory */
	char		*path;
};

int
mail_dryrun_open(const char *dir, struct mail_dryrun **out,
    struct mail_error *e)
{
	struct dirent	*de;
	DIR		*d;
	int		 fd, dfd, entries = 0;

	*out = NULL;
	if (mkdir(dir, 0750) != 0 && errno != EEXIST)
		goto fail;
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) < 0)
		goto fail;
	if ((dfd = dup(fd)) < 0 || (d = fdopendir(dfd)) == NULL) {
		if (dfd >= 0)
			close(dfd);
		close(fd);
		goto fail;
	}
	while ((de = readdir(d)) != NULL)
		entries += strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0;
	closedir(d);
	if (entries != 0) {
		close(fd);
		snprintf(e->msg, sizeof(e->msg),
		    _("%s: the dry run's directory must be new or empty"),
		    dir);
		return (MAIL_IO);
	}
	*out = xcalloc(1, sizeof(**out));
	(*out)->fd = fd;
	(*out)->path = xstrdup(dir);
	return (MAIL_OK);
fail:
	snprintf(e->msg, sizeof(e->msg), _("%s: %s"), dir,
	    errno == ELOOP ? _("a symbolic link") : strerror(errno));
	return (MAIL_IO);
}

int
mail_dryrun_write(struct mail_dryrun *d, const char *id, const char *msg,
    size_t len, struct mail_error *e)
{
	char	*name = xmalloc(strlen(id) * 3 + sizeof(".eml")), *q = name;
	int	 fd, rc = MAIL_OK;

	for (; *id != '\0'; id++) {
		unsigned char c = (unsigned char)*id;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_')
			*q++ = c;
		else
			q += sprintf(q, "%%%02X", c);
	}
	strcpy(q, ".eml");
	fd = openat(d->fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0640);
	if (fd < 0 || send_write(fd, msg, len) != 0) {
		snprintf(e->msg, sizeof(e->msg), _("%s/%s: %s"), d->path,
		    name, strerror(errno));
		rc = MAIL_IO;
	}
	if (fd >= 0 && close(fd) != 0 && rc == MAIL_OK) {
		snprintf(e->msg, sizeof(e->msg), _("%s/%s: %s"), d->path,
		    name, strerror(errno));
		rc = MAIL_IO;
	}
	free(name);
	return (rc);
}

void
mail_dryrun_close(struct mail_dryrun *d)
{
	if (d == NULL)
		return;
	close(d->fd);
	free(d->path);
	free(d);
}
