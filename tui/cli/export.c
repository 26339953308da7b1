/* export.c -- export: members, events or attendance as CSV. */

#include <stdio.h>
#include <string.h>

#include "import/import.h"
#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_export(const struct cli_entry *, struct cli_args *,
		    const char *);

static const struct cli_opt cli_export_opts[] = {
	{ "event", NULL, "CODE", N_("attendance of one event, by reading "
	  "(the door's list)"), false },
	{ "headers", NULL, "en|ja", N_("English (default) or Japanese "
	  "header names"), false },
	{ "encoding", NULL, "E", N_("utf-8 (default), utf-8-bom or cp932 "
	  "(Excel)"), false },
	{ "output", "o", "FILE", N_("write FILE (0640, whole or not at all) "
	  "instead of stdout"), false },
	{ NULL, NULL, NULL, NULL, false }
};

const struct cli_entry cli_export_entry = {
	.name = "export",
	.usage = "members|events|attendance [--event CODE] [--headers en|ja] "
	    "[--encoding utf-8|utf-8-bom|cp932] [-o FILE]",
	.help = N_("write members, events or attendance as CSV (what import "
	    "reads)"),
	.opts = cli_export_opts,
	.minargs = 1,
	.maxargs = 1,
	.exec = cli_export,
	.more = N_("Cells starting with = + - @ get a leading ' (import removes "
	    "it).\n--encoding utf-8-bom or cp932 for Excel; -o FILE is written "
	    "whole or not at all."),
	.example = "sanka export members --headers ja --encoding utf-8-bom -o "
	    "会員.csv",
};

/* Export's messages on stderr carry the program's name like every
 * command's, but those that name a place in the file (FILE:ROW:COL, like
 * import's); the summary goes to stdout as it is. */
static void
cli_export_msg(enum import_msg kind, const char *line, void *arg)
{
	const struct export_opts	*o = arg;
	size_t				 n;

	n = o->path != NULL ? strlen(o->path) : 0;
	if (kind == IMPORT_MSG_SUMMARY)
		puts(line);
	else if (n > 0 && strncmp(line, o->path, n) == 0 && line[n] == ':')
		fprintf(stderr, "%s\n", line);
	else
		sanka_warnx("%s", line);
}

static int
cli_export(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct export_opts	 o;
	struct store		*st;
	const char		*v;
	int			 rc, k;

	memset(&o, 0, sizeof o);
	k = import_kind_parse(a->argv[0]);
	if (k <= IMPORT_KIND_AUTO)
		return (cli_usage(e, _("export what? (members, events or "
		    "attendance)")));
	o.kind = (enum import_kind)k;
	o.event = cli_get(e, a, "event");
	if (o.event != NULL && o.kind != IMPORT_KIND_ATTENDANCE)
		return (cli_usage(e, _("--event goes with export attendance")));
	if ((v = cli_get(e, a, "headers")) != NULL) {
		if (strcmp(v, "ja") == 0)
			o.headers_ja = true;
		else if (strcmp(v, "en") != 0)
			return (cli_usage(e, _("--headers takes en or ja")));
	}
	o.encoding = IMPORT_ENC_UTF8;
	if ((v = cli_get(e, a, "encoding")) != NULL) {
		k = import_encoding_parse(v);
		if (k <= IMPORT_ENC_AUTO)
			return (cli_usage(e, _("unknown encoding %s (utf-8, "
			    "utf-8-bom or cp932)"), v));
		o.encoding = (enum import_encoding)k;
	}
	o.path = cli_get(e, a, "output");
	o.msg = cli_export_msg;
	o.msg_arg = &o;
	if ((rc = sanka_open(dbdir, true, &st)) != 0)
		return (rc);
	rc = export_table(st, &o);
	store_close(st);
	return (rc);
}
