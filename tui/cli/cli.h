/*
 * cli.h -- sanka's command line: the command table, option parsing and the
 * helpers every command in tui/cli/ shares.
 *
 * A command is one file, tui/cli/NAME.c, holding its exec function and its
 * struct cli_entry (tmux's cmd_entry): its name, an optional kind ("member"
 * or "event" for add/edit/delete/show), its usage line, a one-line help,
 * its options and how many positional arguments it takes.  cli_table lists
 * the entries; cli_main() finds one, cli_parse() turns the arguments into a
 * struct cli_args, and the exec function runs the command through the store
 * API only, returning the process exit status of docs/DESIGN.md
 * (SANKA_EXIT_* in tui/sanka.h).  Adding a command: its file, one line in
 * cli_table and one extern below.
 */
#ifndef SANKA_CLI_H
#define SANKA_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "tui/sanka.h"

#define CLI_MAXOPTS	32

/* One example of each form a date option takes (store_date_parse). */
#define CLI_DATE_FORMS "2026-02-20, 2026/2/20, 2026.2.20, 2026年2月20日, " \
	"令和8年2月20日, R8.2.20"

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

/* The commands, NULL-terminated, in the order --help lists them. */
extern const struct cli_entry *const cli_table[];
extern const struct cli_entry cli_add_member_entry;
extern const struct cli_entry cli_add_event_entry;
extern const struct cli_entry cli_edit_member_entry;
extern const struct cli_entry cli_edit_event_entry;
extern const struct cli_entry cli_delete_member_entry;
extern const struct cli_entry cli_delete_event_entry;
extern const struct cli_entry cli_merge_entry;
extern const struct cli_entry cli_show_member_entry;
extern const struct cli_entry cli_show_event_entry;
extern const struct cli_entry cli_invite_entry;
extern const struct cli_entry cli_uninvite_entry;
extern const struct cli_entry cli_report_entry;
extern const struct cli_entry cli_select_entry;
extern const struct cli_entry cli_respond_entry;
extern const struct cli_entry cli_mark_entry;
extern const struct cli_entry cli_checkin_entry;
extern const struct cli_entry cli_history_entry;
extern const struct cli_entry cli_explain_entry;
extern const struct cli_entry cli_log_entry;
extern const struct cli_entry cli_import_entry;
extern const struct cli_entry cli_export_entry;
extern const struct cli_entry cli_check_entry;
extern const struct cli_entry cli_backup_entry;
extern const struct cli_entry cli_role_entry;
extern const struct cli_entry cli_user_entry;
extern const struct cli_entry cli_init_entry;
extern const struct cli_entry cli_print_labels_entry;
extern const struct cli_entry cli_print_letters_entry;
extern const struct cli_entry cli_print_badges_entry;
extern const struct cli_entry cli_print_list_entry;
extern const struct cli_entry cli_mail_entry;

/* cli.c */
/* Run the command ARGV[0]; DBDIR is -d DIR given before it, or NULL. */
int		 cli_main(int argc, char **argv, const char *dbdir);
/* sanka --help: the usages, the commands and the options, on stdout. */
void		 cli_help_main(void);
/* Print a usage error (when FMT is not NULL) and sanka's usage to stderr;
 * return SANKA_EXIT_USAGE. */
int		 cli_usage_main(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
/* Allocation that exits on failure (tmux's xmalloc). */
void		*cli_xreallocarray(void *, size_t nmemb, size_t size);
char		*cli_xstrdup(const char *);
/* Print a usage error (when FMT is not NULL) and the usage of E to
 * stderr; return SANKA_EXIT_USAGE. */
int		 cli_usage(const struct cli_entry *e, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* Print the store's last error for RC on stderr; return the exit status. */
int		 cli_store_error(struct store *st, int rc);
/* Copy IN into OUT (SIZE bytes) with each \\uXXXX turned into its
 * character, so an ID holding an invisible one can be typed.  0, or -1 for
 * a bad escape or no room. */
int		 cli_unescape(const char *in, char *out, size_t size);
/* The value of option NAME ("1" for a flag), or NULL when not given. */
const char	*cli_get(const struct cli_entry *e, const struct cli_args *a,
		    const char *name);
/* The value V of option --OPT of E, read by the CSV import's parsers
 * (store/value.c), so the command line takes exactly what a CSV cell
 * takes.  A date into OUT as YYYY-MM-DD ("" stays ""); a whole number from
 * 0 to INT32_MAX ("" is 0).  Returns 0, or prints
 * why with E's usage and returns SANKA_EXIT_USAGE. */
int		 cli_opt_date(const struct cli_entry *e, const char *opt,
		    const char *v, char out[STORE_DATE_SIZE]);
int		 cli_opt_number(const struct cli_entry *e, const char *opt,
		    const char *v, int32_t *out);
/* The store's vocabulary (store_words) a command's VOCAB names. */
enum store_vocab cli_store_vocab(enum cli_vocab vocab);
/* Print VALUE with LF shown as \n and CR as \r. */
void		 cli_put(const char *value);
/* Print "KEY: VALUE" (cli_put) or "KEY:" when VALUE is empty. */
void		 cli_kv(const char *key, const char *value);
/* The event's name, or "" when it cannot be read.  Caller frees. */
char		*cli_event_name(struct store *st, const char *code);
/* Text for a final status: the English word, "pending" for the empty one. */
const char	*cli_final_word(enum store_final);

/* add.c: the member and event fields shared by add and edit (edit
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

/* targets.c: the FILTER words of E (@NAME expanded) into *F (NULL when
 * the words could not be read).  A bad word is printed with E's usage
 * (exit 2), an unknown event or saved filter named (exit 1); else 0. */
int		 cli_filter(const struct cli_entry *e, struct store *st,
		    char *const *words, size_t n, struct store_filter **f);
/* "sanka: left out N members: A left, B suspended, C mail_opt_out, D
 * without address" on stderr (the parts that are not 0), when N > 0. */
void		 cli_left_out(size_t left, size_t suspended, size_t opt_out,
		    size_t no_address);

#endif
