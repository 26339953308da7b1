/*
 * cli.h -- sanka's command line: the command table, option parsing, where
 * the database is, and the helpers every tui/cli-*.c command shares.
 *
 * A command is one row of cli_table (tmux's cmd_entry): its name, an
 * optional kind ("member" or "event" for add/edit/delete/show), its usage
 * line, a one-line help, its options and how many positional arguments it
 * takes.  main() finds the row, cli_parse() turns the arguments into a
 * struct cli_args, and the row's exec function runs the command through
 * the store API only, returning the process exit status of docs/DESIGN.md:
 * 0 ok, 1 data, 2 usage, 3 environment.
 */
#ifndef SANKA_CLI_H
#define SANKA_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define CLI_EXIT_OK	0
#define CLI_EXIT_DATA	1
#define CLI_EXIT_USAGE	2
#define CLI_EXIT_ENV	3

#define CLI_MAXOPTS	32

/* One --option of a command. */
struct cli_opt {
	const char	*name;		/* "past-count" for --past-count */
	const char	*alias;		/* "id" for --id, or NULL */
	const char	*arg;		/* "N", "DATE"...; NULL: a flag */
	const char	*help;
	bool		 repeat;	/* may be given more than once */
};

/* A command line after parsing.  Strings are borrowed from argv. */
struct cli_args {
	char		*const *argv;	/* positional arguments */
	int		 argc;
	const char	*val[CLI_MAXOPTS];	/* NULL: not given */
	/* every value of a repeatable option, in order */
	const char	**rep[CLI_MAXOPTS];
	size_t		 nrep[CLI_MAXOPTS];
	const char	*dbdir;		/* -d DIR after the command, or NULL */
};

/* The words a command takes as an argument; --help lists them. */
enum cli_vocab {
	CLI_VOCAB_NONE = 0,
	CLI_VOCAB_FINAL,	/* mark: attended, 参加, ... */
	CLI_VOCAB_RESPONSE,	/* respond: accepted, 参加予定, ... */
	CLI_VOCAB_STATUS,	/* --status: active, 休会, ... */
};

struct cli_entry;
typedef int	(*cli_exec)(const struct cli_entry *, struct cli_args *,
		    const char *dbdir);

struct cli_entry {
	const char	*name;		/* "add" */
	const char	*kind;		/* "member", or NULL */
	const char	*usage;		/* after "sanka [-d DIR] NAME [KIND] " */
	const char	*help;		/* one line */
	const struct cli_opt *opts;	/* NULL-terminated, or NULL */
	int		 minargs;	/* positional arguments after KIND */
	int		 maxargs;	/* -1: any number */
	cli_exec	 exec;
	const char	*more;		/* more lines for COMMAND --help */
	const char	*example;	/* shown by COMMAND --help */
	enum cli_vocab	 vocab;		/* words listed by COMMAND --help */
};

extern const struct cli_entry cli_table[];

/* cli.c */
int		 cli_main(int argc, char **argv);
/* Allocation that exits on failure (tmux's xmalloc). */
void		*cli_xreallocarray(void *, size_t nmemb, size_t size);
char		*cli_xstrdup(const char *);
/* Print "sanka: " + the formatted message to stderr. */
void		 cli_warnx(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
/* Print a usage error (when FMT is not NULL) and the usage of E to
 * stderr; return CLI_EXIT_USAGE. */
int		 cli_usage(const struct cli_entry *e, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* Print the store's last error for RC on stderr; return the exit status. */
int		 cli_store_error(struct store *st, int rc);
/* The database directory: DBDIR, $SANKA_DB, /var/lib/sanka when it
 * exists, $XDG_DATA_HOME/sanka, ~/.local/share/sanka.  Static storage. */
const char	*cli_dbdir(const char *dbdir);
/* Open the database (READONLY: never create it).  On failure print why and
 * return the exit status (*st is then NULL); else 0. */
int		 cli_open(const char *dbdir, bool readonly, struct store **st);
/* The value of option NAME ("1" for a flag), or NULL when not given. */
const char	*cli_get(const struct cli_entry *e, const struct cli_args *a,
		    const char *name);
/* The value V of option --OPT of E, read by the CSV import's parsers
 * (import/values.c), so the command line takes exactly what a CSV cell
 * takes.  A date into OUT as YYYY-MM-DD ("" stays ""); a whole number from
 * 0 to INT32_MAX ("" is 0); yes or no ("" is no).  Returns 0, or prints
 * why with E's usage and returns CLI_EXIT_USAGE. */
int		 cli_opt_date(const struct cli_entry *e, const char *opt,
		    const char *v, char out[STORE_DATE_SIZE]);
int		 cli_opt_number(const struct cli_entry *e, const char *opt,
		    const char *v, int32_t *out);
int		 cli_opt_bool(const struct cli_entry *e, const char *opt,
		    const char *v, bool *out);
/* The same parsers without a message, for the screens' forms and filters:
 * a date ("" stays ""), a number ("" is 0), yes/no (1 or 0, -1 when it is
 * neither). */
bool		 cli_date(const char *in, char out[STORE_DATE_SIZE]);
bool		 cli_number(const char *in, int32_t *out);
int		 cli_bool(const char *in);
/* The words of VOCAB the store accepts into BUF, one group per value,
 * groups separated by SEP: "attended (参加, 出席), absent (欠席), ...". */
void		 cli_words(enum cli_vocab vocab, const char *sep, char *buf,
		    size_t len);
/* The Nth word of VOCAB and its value (for the tests); NULL past the
 * end. */
const char	*cli_word(enum cli_vocab vocab, size_t n, int *value);
/* Print VALUE with LF shown as \n and CR as \r. */
void		 cli_put(const char *value);
/* Print "KEY: VALUE" (cli_put) or "KEY:" when VALUE is empty. */
void		 cli_kv(const char *key, const char *value);
/* Unix time as local ISO 8601 ("2026-02-21T10:04:05"), "" for 0. */
void		 cli_time(int64_t t, char *buf, size_t len);
/* The event's name, or "" when it cannot be read.  Caller frees. */
char		*cli_event_name(struct store *st, const char *code);
/* Text for a final status: the English word, "pending" for the empty one. */
const char	*cli_final_word(enum store_final);

/* cli-add.c: the member and event fields shared by add and edit (edit
 * takes the same options without the first, the key). */
extern const struct cli_opt cli_member_opts[];
extern const struct cli_opt cli_event_opts[];
/* Apply the options given in A to M (or EV); on a bad value print the
 * message and return the exit status (1 data, 2 usage), else 0. */
int		 cli_member_apply(const struct cli_entry *, struct cli_args *,
		    struct store_member *m);
int		 cli_event_apply(const struct cli_entry *, struct cli_args *,
		    struct store_event *ev);
/* How many options of A were given. */
int		 cli_nopts(const struct cli_entry *, const struct cli_args *);

/* The commands, one file per group. */
int		 cli_add_member(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_add_event(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_edit_member(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_edit_event(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_delete_member(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_delete_event(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_merge(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_show_member(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_show_event(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_invite(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_respond(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_mark(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_history(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_explain(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_log(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_check(const struct cli_entry *, struct cli_args *,
		    const char *);
/* cli-import.c, cli-export.c */
extern const struct cli_opt cli_import_opts[];
extern const struct cli_opt cli_export_opts[];
#define CLI_IMPORT_MORE N_("The kind (members, events, attendance) comes from " \
	"--kind or the header row.\nSeveral files import in one transaction: " \
	"events and members first.\n--past-from-total: a kintone 参加回数 " \
	"column is the old total, so\npast_count = it - the attended records.")
#define CLI_EXPORT_MORE N_("Cells starting with = + - @ get a leading ' " \
	"(import removes it).\n--encoding utf-8-bom or cp932 for Excel; -o " \
	"FILE is written whole or not at all.")
int		 cli_import(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_export(const struct cli_entry *, struct cli_args *,
		    const char *);
int		 cli_backup(const struct cli_entry *, struct cli_args *,
		    const char *);

#endif
