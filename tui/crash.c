/* crash.c -- a fatal signal (a damaged database read through the map, an
 * assertion inside liblmdb) ends sanka with a message and exit 3, the
 * terminal given back first, never a bare "Segmentation fault". */

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "store/i18n.h"
#include "tui/crash.h"

static struct termios	 crash_termios;	/* the terminal before the screens */
static volatile sig_atomic_t crash_screens;	/* the screens own it now */
static char		 crash_msg[512];	/* translated before any crash */

static void
crash_write(int fd, const char *s)
{
	ssize_t	n;

	while (*s != '\0' && (n = write(fd, s, strlen(s))) > 0)
		s += n;
}

static void
crash_handler(int sig)
{
	static const char reset[] = "\033[0m\033[?25h\033[?1049l\r\n";

	if (crash_screens) {
		crash_write(STDOUT_FILENO, reset);
		(void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &crash_termios);
	}
	crash_write(STDERR_FILENO, "sanka: ");
	crash_write(STDERR_FILENO, crash_msg);
	crash_write(STDERR_FILENO, sig == SIGBUS ? " (SIGBUS)\n" :
	    sig == SIGABRT ? " (SIGABRT)\n" : sig == SIGSEGV ?
	    " (SIGSEGV)\n" : "\n");
	_exit(3);
}

void
crash_init(void)
{
	static const int	 sigs[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE,
				     SIGILL };
	struct sigaction	 sa;
	size_t			 i;

	/* gettext is not safe in a handler: translate now */
	strncpy(crash_msg, _("sanka stopped on a damaged database or an "
	    "internal error: nothing more was written; run `sanka check`, "
	    "and restore the last backup if it reports damage"),
	    sizeof crash_msg - 1);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = crash_handler;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		(void)sigaction(sigs[i], &sa, NULL);
}

void
crash_screens_begin(void)
{
	if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO,
	    &crash_termios) == 0)
		crash_screens = 1;
}

void
crash_screens_end(void)
{
	crash_screens = 0;
}
