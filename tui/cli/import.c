/* import.c -- import: CSV files into the database, all or nothing. */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"
#include "tui/progress.h"

static int	cli_import(const struct cli_entry *, struct cli_args *,
		    const char *);

static const struct cli_opt cli_import_opts[] = {
	{ "kind", NULL, "K", N_("members, events or attendance (default: "
	  "from the header)"), false },
	{ "encoding", NULL, "E", N_("auto (default), utf-8 or cp932"),
	  false },
	{ "dry-run", NULL, NULL, N_("check and report, write nothing"),
	  false },
	{ "past-from-total", NULL, NULL, N_("a kintone 参加回数 column is the "
	  "old total: past_count = it - attended"), false },
	{ "blank", NULL, "keep|clear", N_("what an empty cell does to a "
	  "stored value: keep it (default) or clear it"), false },
	{ NULL, NULL, NULL, NULL, false }
};

const struct cli_entry cli_import_entry = {
	.name = "import",
	.usage = "[--kind K] [--encoding auto|utf-8|cp932] [--dry-run] "
	    "[--past-from-total] [--blank keep|clear] FILE...",
	.help = N_("import members, events and attendance from CSV files (all "
	    "or nothing)"),
	.opts = cli_import_opts,
	.minargs = 1,
	.maxargs = -1,
	.exec = cli_import,
	.more = N_("The kind (members, events, attendance) comes from --kind "
	    "or the header row.\nSeveral files import in one transaction: "
	    "events and members first.\n--past-from-total: a kintone 参加回数 "
	    "column is the old total, so\npast_count = it - the attended "
	    "records.\nAn empty cell leaves the stored value as it is; "
	    "--blank clear empties it,\nand 未確定 (pending) clears one "
	    "status."),
	.example = "sanka import members.csv events.csv attendance.csv",
};

/* A dry run on a database that does not exist yet checks against an
 * empty one in a temporary directory, so nothing is created. */
static int
cli_import_tmpdb(char *dir, size_t size, struct store **st)
{
	const char	*tmp = getenv("TMPDIR");
	int		 rc;

	snprintf(dir, size, "%s/sanka-dry.XXXXXX", tmp != NULL && *tmp != '\0' ?
	    tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		sanka_warnx(_("cannot make a temporary directory: %s"), dir);
		return (SANKA_EXIT_ENV);
	}
	/* opened quietly: the user made no database */
	if ((rc = store_open(dir, 0, st)) != STORE_OK) {
		sanka_warnx("%s", store_last_error(*st)->msg);
		return (store_exit_code(rc));
	}
	return (0);
}

static int
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
	if ((v = cli_get(e, a, "blank")) != NULL) {
		if (strcmp(v, "keep") != 0 && strcmp(v, "clear") != 0)
			return (cli_usage(e, _("--blank takes keep or clear, "
			    "not %s"), v));
		o.blank_clear = strcmp(v, "clear") == 0;
	}
	if (o.dry_run && !store_exists(sanka_dbdir(dbdir)))
		rc = cli_import_tmpdb(tmpdb, sizeof tmpdb, &st);
	else
		rc = sanka_open(dbdir, false, &st);
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
