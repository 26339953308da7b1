/* cli.c -- the command table, option parsing, the commands' helpers. */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unistr.h>

#include "import/import.h"
#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"
#include "tui/sanka.h"

/* The commands in the order --help lists them; a command with kinds
 * lists each kind in turn. */
const struct cli_entry *const cli_table[] = {
	&cli_add_member_entry,
	&cli_add_event_entry,
	&cli_edit_member_entry,
	&cli_edit_event_entry,
	&cli_delete_member_entry,
	&cli_delete_event_entry,
	&cli_merge_entry,
	&cli_show_member_entry,
	&cli_show_event_entry,
	&cli_invite_entry,
	&cli_uninvite_entry,
	&cli_report_entry,
	&cli_select_entry,
	&cli_respond_entry,
	&cli_mark_entry,
	&cli_checkin_entry,
	&cli_history_entry,
	&cli_explain_entry,
	&cli_log_entry,
	&cli_import_entry,
	&cli_export_entry,
	&cli_check_entry,
	&cli_backup_entry,
	&cli_role_entry,
	&cli_user_entry,
	&cli_init_entry,
	&cli_print_labels_entry,
	&cli_print_letters_entry,
	&cli_print_badges_entry,
	&cli_print_list_entry,
	&cli_mail_entry,
	NULL
};

void *
cli_xreallocarray(void *p, size_t nmemb, size_t size)
{
	void	*q;

	if (size != 0 && nmemb > SIZE_MAX / size) {
		sanka_warnx("%s", _("out of memory"));
		exit(SANKA_EXIT_ENV);
	}
	if ((q = realloc(p, nmemb * size == 0 ? 1 : nmemb * size)) == NULL) {
		sanka_warnx("%s", _("out of memory"));
		exit(SANKA_EXIT_ENV);
	}
	return (q);
}

char *
cli_xstrdup(const char *s)
{
	char	*p;

	if ((p = strdup(s)) == NULL) {
		sanka_warnx("%s", _("out of memory"));
		exit(SANKA_EXIT_ENV);
	}
	return (p);
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
	return (SANKA_EXIT_USAGE);
}

int
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
	return (SANKA_EXIT_USAGE);
}

void
cli_help_main(void)
{
	const struct cli_entry	*const *ep, *e;
	char			 line[256];

	printf("%s", _("sanka -- members, events and attendance\n\n"));
	printf(_("usage: %s\n"), "sanka [-d DIR] [-i FILE]...");
	printf("      %s\n", _("the screens (-i imports FILEs first)"));
	printf(_("usage: %s\n"), "sanka [-d DIR] COMMAND [ARGUMENT]...");
	printf("      %s\n\n", _("one command (below)"));
	printf("%s", _("Commands:\n"));
	for (ep = cli_table; (e = *ep) != NULL; ep++) {
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
	    SANKA_SYSTEM_DB);
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
		store_words(cli_store_vocab(e->vocab), "\n  ", words,
		    sizeof words);
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
		if (sanka_dbdir_arg(argc, argv, &i, &a->dbdir)) {
			if (a->dbdir == NULL) {
				rc = cli_usage(e, _("option %s needs a "
				    "directory"), arg);
				goto out;
			}
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

int
cli_store_error(struct store *st, int rc)
{
	const struct store_error	*err = store_last_error(st);

	if (err != NULL && *err->msg != '\0')
		sanka_warnx("%s", err->msg);
	else
		sanka_warnx(_("error %d"), rc);
	return (store_exit_code(rc));
}

int
cli_opt_date(const struct cli_entry *e, const char *opt, const char *v,
    char out[STORE_DATE_SIZE])
{
	char	why[256];

	out[0] = '\0';
	if (*v == '\0')
		return (0);
	if (store_date_parse(v, out, why, sizeof why) == 0)
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
	if (store_int_parse(v, 0, INT32_MAX, &n, why, sizeof why) == 0) {
		*out = (int32_t)n;
		return (0);
	}
	return (cli_usage(e, _("--%s: %s (a whole number, 0 or more)"), opt,
	    why));
}

enum store_vocab
cli_store_vocab(enum cli_vocab vocab)
{
	switch (vocab) {
	case CLI_VOCAB_FINAL:
		return (STORE_VOCAB_FINAL);
	case CLI_VOCAB_RESPONSE:
		return (STORE_VOCAB_RESPONSE);
	case CLI_VOCAB_STATUS:
	case CLI_VOCAB_NONE:
		break;
	}
	return (STORE_VOCAB_STATUS);
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
	const struct cli_entry	*const *ep, *e;

	for (ep = cli_table; (e = *ep) != NULL; ep++) {
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
	const struct cli_entry	*const *ep, *e, *first = NULL;
	char			 kinds[256] = "";
	size_t			 n = 0, k = 0, len;

	/* The command's kinds from the table: "member or event". */
	for (ep = cli_table; (e = *ep) != NULL; ep++)
		n += strcmp(e->name, name) == 0;
	for (ep = cli_table; (e = *ep) != NULL; ep++) {
		if (strcmp(e->name, name) != 0)
			continue;
		if (first == NULL)
			first = e;
		len = strlen(kinds);
		snprintf(kinds + len, sizeof kinds - len, "%s%s", k == 0 ? "" :
		    k + 1 == n ? _(" or ") : ", ", e->kind);
		k++;
	}
	fflush(stdout);
	if (kind == NULL)
		sanka_warnx(_("%s what? (%s)"), name, kinds);
	else
		sanka_warnx(_("unknown kind %s (%s)"), kind, kinds);
	for (ep = cli_table; (e = *ep) != NULL; ep++) {
		if (strcmp(e->name, name) == 0)
			cli_print_usage(stderr, e);
	}
	fprintf(stderr, _("Try 'sanka %s %s --help' for more.\n"), name,
	    first->kind);
	return (SANKA_EXIT_USAGE);
}

static bool
cli_has_kinds(const char *name)
{
	const struct cli_entry	*const *ep, *e;

	for (ep = cli_table; (e = *ep) != NULL; ep++) {
		if (strcmp(e->name, name) == 0 && e->kind != NULL)
			return (true);
	}
	return (false);
}

/* Run the command ARGV[0] with its arguments; DBDIR is -d DIR given
 * before the command, or NULL. */
int
cli_main(int argc, char **argv, const char *dbdir)
{
	const struct cli_entry	*const *ep, *e;
	struct cli_args		 a;
	const char		*name = argv[0], *kind = NULL, *opt;
	int			 i = 1, rc;

	if (cli_has_kinds(name)) {
		/* The kind comes first; only -d DIR may stand before it. */
		while (i < argc) {
			opt = argv[i];
			if (!sanka_dbdir_arg(argc, argv, &i, &dbdir))
				break;
			if (dbdir == NULL || *dbdir == '\0')
				return (cli_usage_main(_("option %s needs a "
				    "value"), opt));
			i++;
		}
		if (i >= argc)
			return (cli_usage_kinds(name, NULL));
		kind = argv[i++];
		if (strcmp(kind, "--help") == 0 || strcmp(kind, "-h") == 0) {
			for (ep = cli_table; (e = *ep) != NULL; ep++) {
				if (strcmp(e->name, name) != 0)
					continue;
				cli_help_entry(e);
				if (ep[1] != NULL &&
				    strcmp(ep[1]->name, name) == 0)
					putchar('\n');
			}
			return (0);
		}
		if ((e = cli_find(name, kind)) == NULL)
			return (cli_usage_kinds(name, kind));
	} else if ((e = cli_find(name, NULL)) == NULL)
		return (cli_usage_main(_("unknown command %s"), name));
	rc = cli_parse(e, argc - i, argv + i, &a);
	if (rc == -1)
		rc = 0;
	else if (rc == 0) {
		if (a.dbdir != NULL)
			dbdir = a.dbdir;
		rc = e->exec(e, &a, dbdir);
		if (fflush(stdout) != 0 && rc == 0) {
			sanka_warnx(_("cannot write the output: %s"),
			    strerror(errno));
			rc = SANKA_EXIT_ENV;
		}
	}
	cli_args_free(&a);
	return (rc);
}

int
cli_unescape(const char *in, char *out, size_t size)
{
	unsigned	c;
	size_t		n = 0;
	int		k;

	while (*in != '\0') {
		if (in[0] != '\\' || in[1] != 'u') {
			if (n + 1 >= size)
				return (-1);
			out[n++] = *in++;
			continue;
		}
		if (sscanf(in + 2, "%4x%n", &c, &k) != 1 || k != 4 ||
		    c == 0 || (c >= 0xd800 && c < 0xe000))
			return (-1);
		in += 6;
		if (n + 4 >= size)
			return (-1);
		if ((k = u8_uctomb((uint8_t *)out + n, c, 4)) < 0)
			return (-1);
		n += (size_t)k;
	}
	out[n] = '\0';
	return (0);
}
