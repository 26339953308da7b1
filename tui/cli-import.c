/* cli-import.c -- import: CSV files into the database, all or nothing. */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli.h"
#include "tui/progress.h"

const struct cli_opt cli_import_opts[] = {
	{ "kind", NULL, "K", N_("members, events or attendance (default: "
	  "from the header)"), false },
	{ "encoding", NULL, "E", N_("auto (default), utf-8 or cp932"),
	  false },
	{ "dry-run", NULL, NULL, N_("check and report, write nothing"),
	  false },
	{ "past-from-total", NULL, NULL, N_("a kintone 参加回数 column is the "
	  "old total: past_count = it - attended"), false },
	{ NULL, NULL, NULL, NULL, false }
};

/* A dry run on a database that does not exist yet checks against an
 * empty one in a temporary directory, so nothing is created. */
static int
cli_import_tmpdb(char *dir, size_t size, struct store **st)
{
	const char	*tmp = getenv("TMPDIR");

	snprintf(dir, size, "%s/sanka-dry.XXXXXX", tmp != NULL && *tmp != '\0' ?
	    tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		cli_warnx(_("cannot make a temporary directory: %s"), dir);
		return (CLI_EXIT_ENV);
	}
	return (cli_open(dir, false, st));
}

int
cli_import(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct import_opts	 o;
	struct store		*st = NULL;
	const char		*v;
	struct progress		*bar;
	char			 tmpdb[PATH_MAX] = "";
	int			 rc, k;

	memset(&o, 0, sizeof o);
	if ((v = cli_get(e, a, "kind")) != NULL) {
		if ((k = import_kind_parse(v)) < 0)
			return (cli_usage(e, _("unknown kind %s (members, "
			    "events or attendance)"), v));
		o.kind = (enum import_kind)k;
	}
	if ((v = cli_get(e, a, "encoding")) != NULL) {
		k = import_encoding_parse(v);
		if (k < 0 || k == IMPORT_ENC_UTF8_BOM)
			return (cli_usage(e, _("unknown encoding %s (auto, "
			    "utf-8 or cp932)"), v));
		o.encoding = (enum import_encoding)k;
	}
	o.dry_run = cli_get(e, a, "dry-run") != NULL;
	o.past_from_total = cli_get(e, a, "past-from-total") != NULL;
	if (o.dry_run && !store_exists(cli_dbdir(dbdir)))
		rc = cli_import_tmpdb(tmpdb, sizeof tmpdb, &st);
	else
		rc = cli_open(dbdir, false, &st);
	if (rc != 0)
		goto out;
	fflush(stdout);
	bar = progress_attach(&o);
	rc = import_files(st, (const char *const *)a->argv, (size_t)a->argc,
	    &o);
	progress_free(bar);
out:
	if (st != NULL)
		store_close(st);
	if (tmpdb[0] != '\0')
		store_remove(tmpdb);
	return (rc);
}
