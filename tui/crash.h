/* crash.h -- a fatal signal ends sanka with a message and exit 3. */
#ifndef SANKA_TUI_CRASH_H
#define SANKA_TUI_CRASH_H

/* Catch SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL (after the locale is set:
 * the message is translated here). */
void	crash_init(void);
/* Around the screens: the terminal state to give back on a crash is the
 * one before curses took it. */
void	crash_screens_begin(void);
void	crash_screens_end(void);

#endif
