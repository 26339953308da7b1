/*
 * sanka.h -- what main, the command line (tui/cli/) and the screens share,
 * so that neither calls into the other: the exit statuses, a message on
 * stderr, the one parser of -d DIR, where the database is and opening it,
 * and the store's value parsers without the reason.
 */
#ifndef SANKA_SANKA_H
#define SANKA_SANKA_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* The process exit statuses of docs/DESIGN.md. */
#define SANKA_EXIT_OK		0
#define SANKA_EXIT_DATA		1	/* the store refused, or not found */
#define SANKA_EXIT_USAGE	2	/* the command line is wrong */
#define SANKA_EXIT_ENV		3	/* cannot open, permission, disk */

/* The database of a server install, used when the directory exists. */
#define SANKA_SYSTEM_DB	"/var/lib/sanka"

/* privilege.c: first thing in main.  When sanka runs setgid (the
 * effective gid is not the real one): umask 007, the shared database
 * opened unless -d names another, then the group privilege dropped for
 * good; nothing the user controls is read before.  Exits 3 when the drop
 * fails. */
void		 sanka_privilege_init(int argc, char **argv);
/* The store sanka_privilege_init opened when DIR is the shared directory:
 * its store_open result (*ST set, the audit actor refreshed from the
 * environment), handed over once; -1 otherwise. */
int		 sanka_privilege_take(const char *dir, struct store **st);

/* Print "sanka: " + the formatted message to stderr. */
void		 sanka_warnx(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
/* When ARGV[*I] is -d DIR, -dDIR, --db DIR or --db=DIR, the same before or
 * after the command: set *DIR (NULL when DIR is missing), leave *I on the
 * last argument taken and return true.  Else return false. */
bool		 sanka_dbdir_arg(int argc, char **argv, int *i,
		    const char **dir);
/* The database directory: DBDIR, $SANKA_DB, SANKA_SYSTEM_DB when it
 * exists, $XDG_DATA_HOME/sanka, ~/.local/share/sanka.  Static storage. */
const char	*sanka_dbdir(const char *dbdir);
/* Open the database in sanka_dbdir(DBDIR) (READONLY: never create it).
 * On failure print why and return the exit status (*st is then NULL);
 * else 0. */
int		 sanka_open(const char *dbdir, bool readonly, struct store **st);
/* A date into OUT as YYYY-MM-DD ("" stays ""), a whole number from 0 to
 * INT32_MAX ("" is 0), yes/no (1 or 0, -1 when it is neither), read as a
 * CSV cell is (store/value.c), for the screens' forms. */
bool		 sanka_date(const char *in, char out[STORE_DATE_SIZE]);
bool		 sanka_number(const char *in, int32_t *out);
int		 sanka_bool(const char *in);

#endif
