/* cli.c -- the command table, option parsing, the commands' helpers. */

#include <sys/stat.h>

#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "import/import.h"
#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli.h"
#include "tui/tui.h"

#ifndef SANKA_VERSION
#define SANKA_VERSION "0"
#endif

#define CLI_SYSTEM_DB	"/var/lib/sanka"

static const struct cli_opt cli_delete_opts[] = {
	{ "force", NULL, NULL,
	  N_("also delete the attendance records (and redact the audit trail)"),
	  false },
	{ NULL, NULL, NULL, NULL, false }
};

static const struct cli_opt cli_log_opts[] = {
	{ "member", NULL, "ID", N_("only changes of this member"), false },
	{ "event", NULL, "CODE", N_("only changes of this event"), false },
	{ "limit", NULL, "N", N_("at most N lines (default: all)"), false },
	{ NULL, NULL, NULL, NULL, false }
};

/*
 * The status words the store accepts (store/words.c), grouped by value in
 * the order --help lists them.  store.h can parse a word and name each
 * value's English word and Japanese label, but cannot list the other words
 * it takes (出席, no-show...), so this is the one list the messages and
 * --help are built from; test-tui-cli.c checks it against the store.
 */
struct cli_word {
	const char	*word;
	int		 value;
};

static const struct cli_word cli_words_final[] = {
	{ "attended", STORE_FINAL_ATTENDED }, { "参加", STORE_FINAL_ATTENDED },
	{ "出席", STORE_FINAL_ATTENDED },
	{ "absent", STORE_FINAL_ABSENT }, { "欠席", STORE_FINAL_ABSENT },
	{ "no_show", STORE_FINAL_NO_SHOW }, { "no-show", STORE_FINAL_NO_SHOW },
	{ "noshow", STORE_FINAL_NO_SHOW }, { "無断欠席", STORE_FINAL_NO_SHOW },
	{ "cancelled", STORE_FINAL_CANCELLED },
	{ "canceled", STORE_FINAL_CANCELLED },
	{ "キャンセル", STORE_FINAL_CANCELLED },
	{ "pending", STORE_FINAL_PENDING }, { "未確定", STORE_FINAL_PENDING },
	{ NULL, 0 }
};

static const struct cli_word cli_words_response[] = {
	{ "accepted", STORE_RESP_ACCEPTED }, { "参加予定", STORE_RESP_ACCEPTED },
	{ "出席予定", STORE_RESP_ACCEPTED },
	{ "declined", STORE_RESP_DECLINED }, { "不参加", STORE_RESP_DECLINED },
	{ "tentative", STORE_RESP_TENTATIVE }, { "未定", STORE_RESP_TENTATIVE },
	{ "none", STORE_RESP_NONE }, { "未回答", STORE_RESP_NONE },
	{ NULL, 0 }
};

static const struct cli_word cli_words_status[] = {
	{ "active", STORE_MEMBER_ACTIVE }, { "有効", STORE_MEMBER_ACTIVE },
	{ "suspended", STORE_MEMBER_SUSPENDED },
	{ "休会", STORE_MEMBER_SUSPENDED },
	{ "left", STORE_MEMBER_LEFT }, { "退会", STORE_MEMBER_LEFT },
	{ NULL, 0 }
};

/* What a date option takes: one example of each form val_date() reads. */
#define CLI_DATE_FORMS "2026-02-20, 2026/2/20, 2026.2.20, 2026年2月20日, " \
	"令和8年2月20日, R8.2.20"

const struct cli_entry cli_table[] = {
	{ "add", "member", "--member-id ID --name NAME [--FIELD VALUE]...",
	  N_("add a member"), cli_member_opts, 0, 0, cli_add_member,
	  N_("--member-id and --name are required.  Dates are read as CSV "
	  "import reads them:\n2026-02-20, 2026/2/20, 2026.2.20, "
	  "2026年2月20日, 令和8年2月20日, R8.2.20.\n--mail-opt-out: yes or "
	  "no (はい, いいえ, 1, 0...)."),
	  "sanka add member --id M001 --name '山田 史郎' "
	  "--kana 'ヤマダ シロウ' --past-count 3", CLI_VOCAB_STATUS },
	{ "add", "event", "--event-code CODE --name NAME --date DATE "
	  "[--FIELD VALUE]...",
	  N_("add an event"), cli_event_opts, 0, 0, cli_add_event,
	  N_("--event-code, --name and --date are required.  Dates are read "
	  "as CSV import\nreads them: 2026-02-20, 2026/2/20, 2026.2.20, "
	  "2026年2月20日, 令和8年2月20日,\nR8.2.20."),
	  "sanka add event --code E006 --name イベント6 --date 2026/2/20 "
	  "--venue 本部会議室 --capacity 40", CLI_VOCAB_NONE },
	{ "edit", "member", "ID --FIELD VALUE...",
	  N_("change fields of a member (--FIELD '' clears one)"),
	  &cli_member_opts[1], 1, 1, cli_edit_member,
	  N_("Only the fields named change; the save is refused when someone "
	  "else changed\nthe member in between."),
	  "sanka edit member M001 --email shiro@example.jp --attr 支部=関西",
	  CLI_VOCAB_STATUS },
	{ "edit", "event", "CODE --FIELD VALUE...",
	  N_("change fields of an event (--FIELD '' clears one)"),
	  &cli_event_opts[1], 1, 1, cli_edit_event,
	  N_("A new date moves every participant's history and recomputes "
	  "their totals."),
	  "sanka edit event E006 --date 2026-02-27", CLI_VOCAB_NONE },
	{ "delete", "member", "ID [--force]",
	  N_("delete a member"), cli_delete_opts, 1, 1, cli_delete_member,
	  N_("A member with attendance records is kept unless --force."),
	  "sanka delete member M099", CLI_VOCAB_NONE },
	{ "delete", "event", "CODE [--force]",
	  N_("delete an event"), cli_delete_opts, 1, 1, cli_delete_event,
	  N_("An event with attendance records is kept unless --force, which "
	  "deletes them\nand recomputes every participant's total."),
	  "sanka delete event E099 --force", CLI_VOCAB_NONE },
	{ "merge", NULL, "KEEP DROP",
	  N_("move DROP's history and past count onto KEEP, delete DROP"),
	  NULL, 2, 2, cli_merge, NULL, "sanka merge M001 M150",
	  CLI_VOCAB_NONE },
	{ "show", "member", "ID",
	  N_("print a member as key: value lines"), NULL, 1, 1,
	  cli_show_member, NULL, "sanka show member M001", CLI_VOCAB_NONE },
	{ "show", "event", "CODE",
	  N_("print an event, its counts and its participants"), NULL, 1, 1,
	  cli_show_event, NULL, "sanka show event E006", CLI_VOCAB_NONE },
	{ "invite", NULL, "EVENT MEMBER...",
	  N_("invite members to an event (one transaction)"), NULL, 2, -1,
	  cli_invite, NULL, "sanka invite E006 M001 M002 M003",
	  CLI_VOCAB_NONE },
	{ "respond", NULL, "EVENT MEMBER RESPONSE",
	  N_("record a member's response to an invitation"), NULL, 3, 3,
	  cli_respond, NULL, "sanka respond E006 M001 参加予定",
	  CLI_VOCAB_RESPONSE },
	{ "mark", NULL, "EVENT MEMBER STATUS",
	  N_("set a member's final status at an event"), NULL, 3, 3,
	  cli_mark, N_("pending clears the final status (the record goes back "
	  "to the pending list)."), "sanka mark E006 M001 attended",
	  CLI_VOCAB_FINAL },
	{ "history", NULL, "MEMBER",
	  N_("a member's records, newest first (tab-separated)"), NULL, 1, 1,
	  cli_history, NULL, "sanka history M001", CLI_VOCAB_NONE },
	{ "explain", NULL, "MEMBER",
	  N_("how a member's total and last date were reached"), NULL, 1, 1,
	  cli_explain, NULL, "sanka explain M001", CLI_VOCAB_NONE },
	{ "log", NULL, "[--member ID] [--event CODE] [--limit N]",
	  N_("the audit trail, newest first"), cli_log_opts, 0, 0, cli_log,
	  NULL, "sanka log --member M001 --limit 20", CLI_VOCAB_NONE },
	{ "import", NULL, "[--kind K] [--encoding auto|utf-8|cp932] [--dry-run] "
	  "[--past-from-total] FILE...",
	  N_("import members, events and attendance from CSV files (all or "
	  "nothing)"), cli_import_opts, 1, -1, cli_import, CLI_IMPORT_MORE,
	  "sanka import members.csv events.csv attendance.csv",
	  CLI_VOCAB_NONE },
	{ "export", NULL, "members|events|attendance [--event CODE] "
	  "[--headers en|ja] [--encoding utf-8|utf-8-bom|cp932] [-o FILE]",
	  N_("write members, events or attendance as CSV (what import reads)"),
	  cli_export_opts, 1, 1, cli_export, CLI_EXPORT_MORE,
	  "sanka export members --headers ja --encoding utf-8-bom -o 会員.csv",
	  CLI_VOCAB_NONE },
	{ "check", NULL, "",
	  N_("verify every aggregate and index; exit 1 on a difference"),
	  NULL, 0, 0, cli_check, NULL, "sanka check", CLI_VOCAB_NONE },
	{ "backup", NULL, "FILE",
	  N_("write a hot, compacted copy of the database to FILE"), NULL,
	  1, 1, cli_backup, NULL,
	  "sanka backup /srv/backup/sanka-$(date +%F).mdb", CLI_VOCAB_NONE },
	{ NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, CLI_VOCAB_NONE }
};

void *
cli_xreallocarray(void *p, size_t nmemb, size_t size)
{
	void	*q;

	if (size != 0 && nmemb > SIZE_MAX / size) {
		cli_warnx("%s", _("out of memory"));
		exit(CLI_EXIT_ENV);
	}
	if ((q = realloc(p, nmemb * size == 0 ? 1 : nmemb * size)) == NULL) {
		cli_warnx("%s", _("out of memory"));
		exit(CLI_EXIT_ENV);
	}
	return (q);
}

char *
cli_xstrdup(const char *s)
{
	char	*p;

	if ((p = strdup(s)) == NULL) {
		cli_warnx("%s", _("out of memory"));
		exit(CLI_EXIT_ENV);
	}
	return (p);
}

void
cli_warnx(const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	fputs("sanka: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void
cli_print_usage(FILE *f, const struct cli_entry *e)
{
	char	line[256];

	snprintf(line, sizeof line, "sanka [-d DIR] %s%s%s%s%s", e->name,
	    e->kind != NULL ? " " : "", e->kind != NULL ? e->kind : "",
	    *e->usage != '\0' ? " " : "", e->usage);
	fprintf(f, _("usage: %s\n"), line);
}

int
cli_usage(const struct cli_entry *e, const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	if (fmt != NULL) {
		fputs("sanka: ", stderr);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	cli_print_usage(stderr, e);
	fprintf(stderr, _("Try 'sanka %s%s%s --help' for more.\n"), e->name,
	    e->kind != NULL ? " " : "", e->kind != NULL ? e->kind : "");
	return (CLI_EXIT_USAGE);
}

/* The general usage, on stderr after a usage error. */
static int	cli_usage_main(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));

static int
cli_usage_main(const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	if (fmt != NULL) {
		fputs("sanka: ", stderr);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	fprintf(stderr, _("usage: %s\n"), "sanka [-d DIR] [-i FILE]...");
	fprintf(stderr, _("usage: %s\n"),
	    "sanka [-d DIR] COMMAND [ARGUMENT]...");
	fputs(_("Try 'sanka --help' for the commands.\n"), stderr);
	return (CLI_EXIT_USAGE);
}

static void
cli_help_main(void)
{
	const struct cli_entry	*e;
	char			 line[256];

	printf("%s", _("sanka -- members, events and attendance\n\n"));
	printf(_("usage: %s\n"), "sanka [-d DIR] [-i FILE]...");
	printf("      %s\n", _("the screens (-i imports FILEs first)"));
	printf(_("usage: %s\n"), "sanka [-d DIR] COMMAND [ARGUMENT]...");
	printf("      %s\n\n", _("one command (below)"));
	printf("%s", _("Commands:\n"));
	for (e = cli_table; e->name != NULL; e++) {
		snprintf(line, sizeof line, "%s%s%s%s%s", e->name,
		    e->kind != NULL ? " " : "", e->kind != NULL ? e->kind : "",
		    *e->usage != '\0' ? " " : "", e->usage);
		printf("  %s\n      %s\n", line, _(e->help));
	}
	printf("%s", _("\nOptions:\n"
	    "  -d DIR      the database directory (before or after the "
	    "command)\n"
	    "  --help      this list; 'sanka COMMAND --help' for one command\n"
	    "  --version   the version\n"));
	printf(_("\nThe database: -d DIR, else $SANKA_DB, else %s when it "
	    "exists,\nelse $XDG_DATA_HOME/sanka (~/.local/share/sanka).\n"),
	    CLI_SYSTEM_DB);
	printf("%s", _("Exit status: 0 ok; 1 data: the database refused the "
	    "change or has no such\nrecord (not found, exists, conflict, has "
	    "records, a field it refuses, a check\ndifference); 2 usage: the "
	    "command line is wrong (unknown command or option,\nmissing "
	    "argument or required option, a value that cannot be read: a "
	    "number,\nyes/no, a date, a status word), with the command's "
	    "usage; 3 environment\n(cannot open, permission, newer schema, "
	    "database or disk full).\n"));
}

static void
cli_help_entry(const struct cli_entry *e)
{
	const struct cli_opt	*o;
	char			 left[128], words[512];

	cli_print_usage(stdout, e);
	printf("%s\n", _(e->help));
	if (e->opts != NULL) {
		printf("%s", _("\nOptions:\n"));
		for (o = e->opts; o->name != NULL; o++) {
			snprintf(left, sizeof left, "--%s%s%s%s%s", o->name,
			    o->alias == NULL ? "" : o->alias[1] == '\0' ?
			    ", -" : ", --",
			    o->alias != NULL ? o->alias : "",
			    o->arg != NULL ? " " : "",
			    o->arg != NULL ? o->arg : "");
			printf("  %-28s %s%s\n", left, _(o->help),
			    o->repeat ? _(" (repeatable)") : "");
		}
	}
	if (e->vocab != CLI_VOCAB_NONE) {
		cli_words(e->vocab, "\n  ", words, sizeof words);
		printf("\n%s:\n  %s\n", e->vocab == CLI_VOCAB_FINAL ?
		    "STATUS" : e->vocab == CLI_VOCAB_RESPONSE ? "RESPONSE" :
		    "--status", words);
	}
	if (e->more != NULL)
		printf("\n%s\n", _(e->more));
	if (e->example != NULL)
		printf("%s%s\n", _("\nExample:\n  "), e->example);
}

const char *
cli_get(const struct cli_entry *e, const struct cli_args *a,
    const char *name)
{
	int	i;

	if (e->opts == NULL)
		return (NULL);
	for (i = 0; e->opts[i].name != NULL; i++) {
		if (strcmp(e->opts[i].name, name) == 0)
			return (a->val[i]);
	}
	return (NULL);
}

static void
cli_args_free(struct cli_args *a)
{
	size_t	i;

	free((void *)a->argv);
	for (i = 0; i < CLI_MAXOPTS; i++)
		free(a->rep[i]);
	memset(a, 0, sizeof *a);
}

/* Match ARG ("--name" or "--name=value") against E's options.  Returns the
 * index, -1 when unknown; *eq points at the value after '=' or is NULL. */
static int
cli_match(const struct cli_entry *e, const char *arg, const char **eq)
{
	const char	*name = arg + 2, *p;
	size_t		 len;
	int		 i;

	*eq = NULL;
	if ((p = strchr(name, '=')) != NULL) {
		len = p - name;
		*eq = p + 1;
	} else
		len = strlen(name);
	if (e->opts == NULL)
		return (-1);
	for (i = 0; e->opts[i].name != NULL; i++) {
		if ((strlen(e->opts[i].name) == len &&
		    strncmp(e->opts[i].name, name, len) == 0) ||
		    (e->opts[i].alias != NULL &&
		    strlen(e->opts[i].alias) == len &&
		    strncmp(e->opts[i].alias, name, len) == 0))
			return (i);
	}
	return (-1);
}

/* A one-letter option "-X": the option whose alias is "X". */
static int
cli_match_short(const struct cli_entry *e, char c, const char **eq)
{
	int	i;

	*eq = NULL;
	if (e->opts == NULL)
		return (-1);
	for (i = 0; e->opts[i].name != NULL; i++) {
		if (e->opts[i].alias != NULL && e->opts[i].alias[0] == c &&
		    e->opts[i].alias[1] == '\0')
			return (i);
	}
	return (-1);
}

/* Parse the arguments after the command (and its kind) into A.  Options
 * and positional arguments may be mixed; "--" ends the options.  Returns 0,
 * -1 when --help was printed, or the usage exit status. */
static int
cli_parse(const struct cli_entry *e, int argc, char **argv,
    struct cli_args *a)
{
	char		**pos;
	const char	 *arg, *value, *eq;
	int		  i, o, npos = 0, rc = 0;
	bool		  dashdash = false;

	memset(a, 0, sizeof *a);
	pos = cli_xreallocarray(NULL, argc + 1, sizeof *pos);
	for (i = 0; i < argc; i++) {
		arg = argv[i];
		if (dashdash || arg[0] != '-' || arg[1] == '\0') {
			pos[npos++] = argv[i];
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			dashdash = true;
			continue;
		}
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			cli_help_entry(e);
			rc = -1;
			goto out;
		}
		if (strcmp(arg, "-d") == 0 || strcmp(arg, "--db") == 0) {
			if (i + 1 >= argc) {
				rc = cli_usage(e, _("option %s needs a "
				    "directory"), arg);
				goto out;
			}
			a->dbdir = argv[++i];
			continue;
		}
		if (strncmp(arg, "-d", 2) == 0) {
			a->dbdir = arg + 2;
			continue;
		}
		if (strncmp(arg, "--db=", 5) == 0) {
			a->dbdir = arg + 5;
			continue;
		}
		if (arg[1] != '-' && arg[2] == '\0')
			o = cli_match_short(e, arg[1], &eq);
		else if (arg[1] != '-')
			o = -1;
		else
			o = cli_match(e, arg, &eq);
		if (o < 0) {
			rc = cli_usage(e, _("unknown option %s"), arg);
			goto out;
		}
		if (e->opts[o].arg == NULL) {
			if (eq != NULL) {
				rc = cli_usage(e, _("option --%s takes no "
				    "value"), e->opts[o].name);
				goto out;
			}
			value = "1";
		} else if (eq != NULL)
			value = eq;
		else if (i + 1 < argc)
			value = argv[++i];
		else {
			rc = cli_usage(e, _("option --%s needs a value (%s)"),
			    e->opts[o].name, e->opts[o].arg);
			goto out;
		}
		if (a->val[o] != NULL && !e->opts[o].repeat) {
			rc = cli_usage(e, _("option --%s given twice"),
			    e->opts[o].name);
			goto out;
		}
		a->val[o] = value;
		if (e->opts[o].repeat) {
			a->rep[o] = cli_xreallocarray(a->rep[o], a->nrep[o] + 1,
			    sizeof *a->rep[o]);
			a->rep[o][a->nrep[o]++] = value;
		}
	}
	pos[npos] = NULL;
	a->argv = pos;
	a->argc = npos;
	if (a->dbdir != NULL && *a->dbdir == '\0')
		return (cli_usage(e, _("-d needs a directory")));
	if (npos < e->minargs)
		return (cli_usage(e, _("missing argument")));
	if (e->maxargs >= 0 && npos > e->maxargs)
		return (cli_usage(e, _("too many arguments: %s"),
		    pos[e->maxargs]));
	return (0);
out:
	free(pos);
	a->argv = NULL;
	return (rc);
}

const char *
cli_dbdir(const char *dbdir)
{
	static char	 buf[4096];
	const char	*env, *home;
	struct stat	 sb;
	struct passwd	*pw;

	if (dbdir != NULL)
		return (dbdir);
	if ((env = getenv("SANKA_DB")) != NULL && *env != '\0')
		return (env);
	if (stat(CLI_SYSTEM_DB, &sb) == 0 && S_ISDIR(sb.st_mode))
		return (CLI_SYSTEM_DB);
	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/') {
		snprintf(buf, sizeof buf, "%s/sanka", env);
		return (buf);
	}
	if ((home = getenv("HOME")) == NULL || *home == '\0') {
		if ((pw = getpwuid(getuid())) != NULL)
			home = pw->pw_dir;
		else
			home = "/";
	}
	snprintf(buf, sizeof buf, "%s/.local/share/sanka", home);
	return (buf);
}

/* mkdir -p the parent directories of PATH (the default location only). */
static void
cli_mkparents(const char *path)
{
	char	*p, *s;

	s = cli_xstrdup(path);
	for (p = s + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(s, 0700) != 0 && errno != EEXIST)
			break;
		*p = '/';
	}
	free(s);
}

int
cli_open(const char *dbdir, bool readonly, struct store **stp)
{
	const char	*dir = cli_dbdir(dbdir);
	struct store	*st = NULL;
	int		 rc;

	*stp = NULL;
	if (!readonly && dbdir == NULL && getenv("SANKA_DB") == NULL &&
	    strcmp(dir, CLI_SYSTEM_DB) != 0)
		cli_mkparents(dir);
	rc = store_open(dir, readonly ? STORE_READONLY : 0, &st);
	if (rc != STORE_OK) {
		if (rc == STORE_NODB)
			cli_warnx(_("no database in %s (use -d DIR or "
			    "$SANKA_DB; commands that only read never create "
			    "one)"), dir);
		else if (st != NULL && *store_last_error(st)->msg != '\0')
			cli_warnx("%s", store_last_error(st)->msg);
		else
			cli_warnx(_("cannot open the database in %s"), dir);
		if (st != NULL)
			store_close(st);
		return (store_exit_code(rc) != 0 ? store_exit_code(rc) :
		    CLI_EXIT_ENV);
	}
	*stp = st;
	return (0);
}

int
cli_store_error(struct store *st, int rc)
{
	const struct store_error	*err = store_last_error(st);

	if (err != NULL && *err->msg != '\0')
		cli_warnx("%s", err->msg);
	else
		cli_warnx(_("error %d"), rc);
	return (store_exit_code(rc));
}

/*
 * cli_date, cli_number and cli_bool are the screens' form and filter's
 * (tui/form.c, tui/filter.c) way to the same parsers, without the reason.
 */
bool
cli_date(const char *in, char out[STORE_DATE_SIZE])
{
	char	why[256];

	out[0] = '\0';
	return (*in == '\0' || val_date(in, out, why, sizeof why) == 0);
}

bool
cli_number(const char *in, int32_t *out)
{
	char	why[256];
	long	n;

	*out = 0;
	if (*in == '\0')
		return (true);
	if (val_int(in, 0, INT32_MAX, &n, why, sizeof why) != 0)
		return (false);
	*out = (int32_t)n;
	return (true);
}

int
cli_bool(const char *in)
{
	bool	b;

	if (val_bool(in, &b) != 0)
		return (-1);
	return (b ? 1 : 0);
}

int
cli_opt_date(const struct cli_entry *e, const char *opt, const char *v,
    char out[STORE_DATE_SIZE])
{
	char	why[256];

	out[0] = '\0';
	if (*v == '\0')
		return (0);
	if (val_date(v, out, why, sizeof why) == 0)
		return (0);
	return (cli_usage(e, _("--%s: %s; a date is written like %s"), opt,
	    why, CLI_DATE_FORMS));
}

int
cli_opt_number(const struct cli_entry *e, const char *opt, const char *v,
    int32_t *out)
{
	char	why[256];
	long	n;

	*out = 0;
	if (*v == '\0')
		return (0);
	if (val_int(v, 0, INT32_MAX, &n, why, sizeof why) == 0) {
		*out = (int32_t)n;
		return (0);
	}
	return (cli_usage(e, _("--%s: %s (a whole number, 0 or more)"), opt,
	    why));
}

int
cli_opt_bool(const struct cli_entry *e, const char *opt, const char *v,
    bool *out)
{
	if (val_bool(v, out) == 0)
		return (0);
	return (cli_usage(e, _("--%s: \"%s\" is not yes or no (はい, いいえ, "
	    "1, 0)"), opt, v));
}

static const struct cli_word *
cli_vocab_table(enum cli_vocab vocab)
{
	switch (vocab) {
	case CLI_VOCAB_FINAL:
		return (cli_words_final);
	case CLI_VOCAB_RESPONSE:
		return (cli_words_response);
	case CLI_VOCAB_STATUS:
		return (cli_words_status);
	case CLI_VOCAB_NONE:
		break;
	}
	return (NULL);
}

const char *
cli_word(enum cli_vocab vocab, size_t n, int *value)
{
	const struct cli_word	*w = cli_vocab_table(vocab);
	size_t			 i;

	for (i = 0; w != NULL && w[i].word != NULL; i++) {
		if (i == n) {
			*value = w[i].value;
			return (w[i].word);
		}
	}
	return (NULL);
}

/* Append S to BUF (LEN bytes) at *OFF, truncating. */
static void
cli_cat(char *buf, size_t len, size_t *off, const char *s)
{
	int	n;

	if (*off >= len)
		return;
	n = snprintf(buf + *off, len - *off, "%s", s);
	if (n > 0)
		*off += (size_t)n;
}

/* A group is one value: its English words joined by "/", then the
 * Japanese ones in parentheses ("no_show/no-show/noshow (無断欠席)"). */
void
cli_words(enum cli_vocab vocab, const char *sep, char *buf, size_t len)
{
	const struct cli_word	*w = cli_vocab_table(vocab), *g, *p;
	size_t			 off = 0;
	bool			 first;

	if (len > 0)
		buf[0] = '\0';
	for (g = w; g != NULL && g->word != NULL; g = p) {
		if (g != w)
			cli_cat(buf, len, &off, sep);
		first = true;
		for (p = g; p->word != NULL && p->value == g->value; p++) {
			if ((unsigned char)p->word[0] >= 0x80)
				continue;
			cli_cat(buf, len, &off, first ? "" : "/");
			cli_cat(buf, len, &off, p->word);
			first = false;
		}
		first = true;
		for (p = g; p->word != NULL && p->value == g->value; p++) {
			if ((unsigned char)p->word[0] < 0x80)
				continue;
			cli_cat(buf, len, &off, first ? " (" : ", ");
			cli_cat(buf, len, &off, p->word);
			first = false;
		}
		if (!first)
			cli_cat(buf, len, &off, ")");
	}
}

void
cli_put(const char *value)
{
	const char	*p;

	for (p = value != NULL ? value : ""; *p != '\0'; p++) {
		if (*p == '\n')
			fputs("\\n", stdout);
		else if (*p == '\r')
			fputs("\\r", stdout);
		else
			putchar(*p);
	}
}

void
cli_kv(const char *key, const char *value)
{
	fputs(key, stdout);
	putchar(':');
	if (value != NULL && *value != '\0') {
		putchar(' ');
		cli_put(value);
	}
	putchar('\n');
}

void
cli_time(int64_t t, char *buf, size_t len)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	if (t == 0 || localtime_r(&tt, &tm) == NULL) {
		if (len > 0)
			buf[0] = '\0';
		return;
	}
	strftime(buf, len, "%Y-%m-%dT%H:%M:%S", &tm);
}

char *
cli_event_name(struct store *st, const char *code)
{
	struct store_event	ev;
	char			*name;

	memset(&ev, 0, sizeof ev);
	if (store_event_get(st, code, &ev, NULL) != STORE_OK) {
		store_event_free(&ev);
		return (cli_xstrdup(""));
	}
	name = cli_xstrdup(ev.name != NULL ? ev.name : "");
	store_event_free(&ev);
	return (name);
}

const char *
cli_final_word(enum store_final f)
{
	const char	*w = store_final_word(f);

	return (w == NULL || *w == '\0' ? "pending" : w);
}

/* Find the command NAME (and KIND); NULL when unknown. */
static const struct cli_entry *
cli_find(const char *name, const char *kind)
{
	const struct cli_entry	*e;

	for (e = cli_table; e->name != NULL; e++) {
		if (strcmp(e->name, name) != 0)
			continue;
		if (e->kind == NULL || (kind != NULL &&
		    strcmp(e->kind, kind) == 0))
			return (e);
	}
	return (NULL);
}

/* A command with kinds given none, or an unknown one: every usage of NAME. */
static int
cli_usage_kinds(const char *name, const char *kind)
{
	const struct cli_entry	*e;

	fflush(stdout);
	if (kind == NULL)
		cli_warnx(_("%s what? (member or event)"), name);
	else
		cli_warnx(_("unknown kind %s (member or event)"), kind);
	for (e = cli_table; e->name != NULL; e++) {
		if (strcmp(e->name, name) == 0)
			cli_print_usage(stderr, e);
	}
	fprintf(stderr, _("Try 'sanka %s member --help' for more.\n"), name);
	return (CLI_EXIT_USAGE);
}

static bool
cli_has_kinds(const char *name)
{
	const struct cli_entry	*e;

	for (e = cli_table; e->name != NULL; e++) {
		if (strcmp(e->name, name) == 0 && e->kind != NULL)
			return (true);
	}
	return (false);
}

/* "Today" and times are local to $TZ, Asia/Tokyo when it is unset.  The
 * locale and the language are main()'s (tui_locale_init). */
static void
cli_setup(void)
{
	if (getenv("TZ") == NULL)
		setenv("TZ", "Asia/Tokyo", 1);
	tzset();
}

int
cli_main(int argc, char **argv)
{
	const struct cli_entry	 *e;
	struct cli_args		  a;
	const char		 *dbdir = NULL, *name, *kind = NULL;
	char			**imports = NULL;
	size_t			  nimports = 0;
	int			  i, rc;

	cli_setup();
	for (i = 1; i < argc; i++) {
		const char	*arg = argv[i];

		if (strcmp(arg, "-d") == 0 || strcmp(arg, "--db") == 0 ||
		    strcmp(arg, "-i") == 0) {
			if (i + 1 >= argc || *argv[i + 1] == '\0') {
				rc = cli_usage_main(_("option %s needs a "
				    "value"), arg);
				goto out;
			}
			if (arg[1] == 'i') {
				imports = cli_xreallocarray(imports,
				    nimports + 1, sizeof *imports);
				imports[nimports++] = argv[++i];
			} else
				dbdir = argv[++i];
		} else if (strncmp(arg, "--db=", 5) == 0 && arg[5] != '\0')
			dbdir = arg + 5;
		else if (strncmp(arg, "-d", 2) == 0 && arg[2] != '\0')
			dbdir = arg + 2;
		else if (strncmp(arg, "-i", 2) == 0 && arg[2] != '\0') {
			imports = cli_xreallocarray(imports, nimports + 1,
			    sizeof *imports);
			imports[nimports++] = argv[i] + 2;
		} else if (strcmp(arg, "--help") == 0 ||
		    strcmp(arg, "-h") == 0) {
			cli_help_main();
			rc = 0;
			goto out;
		} else if (strcmp(arg, "--version") == 0 ||
		    strcmp(arg, "-V") == 0) {
			printf("sanka %s\n", SANKA_VERSION);
			rc = 0;
			goto out;
		} else if (strcmp(arg, "--") == 0) {
			i++;
			break;
		} else if (arg[0] == '-' && arg[1] != '\0') {
			rc = cli_usage_main(_("unknown option %s"), arg);
			goto out;
		} else
			break;
	}
	if (i >= argc) {
		rc = tui_main(cli_dbdir(dbdir), imports, nimports);
		goto out;
	}
	name = argv[i++];
	if (nimports != 0) {
		rc = cli_usage_main("%s", _("-i imports for the screens; "
		    "use 'sanka import FILE' with a command"));
		goto out;
	}
	if (cli_has_kinds(name)) {
		/* The kind comes first; only -d DIR may stand before it. */
		while (i < argc) {
			if ((strcmp(argv[i], "-d") == 0 ||
			    strcmp(argv[i], "--db") == 0) && i + 1 < argc)
				dbdir = argv[i + 1], i += 2;
			else if (strncmp(argv[i], "-d", 2) == 0 &&
			    argv[i][2] != '\0')
				dbdir = argv[i] + 2, i++;
			else
				break;
		}
		if (i >= argc) {
			rc = cli_usage_kinds(name, NULL);
			goto out;
		}
		kind = argv[i++];
		if (strcmp(kind, "--help") == 0 || strcmp(kind, "-h") == 0) {
			for (e = cli_table; e->name != NULL; e++) {
				if (strcmp(e->name, name) != 0)
					continue;
				cli_help_entry(e);
				if (e[1].name != NULL &&
				    strcmp(e[1].name, name) == 0)
					putchar('\n');
			}
			rc = 0;
			goto out;
		}
		if ((e = cli_find(name, kind)) == NULL) {
			rc = cli_usage_kinds(name, kind);
			goto out;
		}
	} else if ((e = cli_find(name, NULL)) == NULL) {
		rc = cli_usage_main(_("unknown command %s"), name);
		goto out;
	}
	rc = cli_parse(e, argc - i, argv + i, &a);
	if (rc == -1)
		rc = 0;
	else if (rc == 0) {
		if (a.dbdir != NULL)
			dbdir = a.dbdir;
		rc = e->exec(e, &a, dbdir);
		if (fflush(stdout) != 0 && rc == 0) {
			cli_warnx(_("cannot write the output: %s"),
			    strerror(errno));
			rc = CLI_EXIT_ENV;
		}
	}
	cli_args_free(&a);
out:
	free(imports);
	return (rc);
}
