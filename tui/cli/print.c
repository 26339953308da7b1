/* print.c -- print labels|letters|badges|list: a PDF of the members a
 * filter (or an event) reaches, through print/. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print/print.h"
#include "store/i18n.h"
#include "store/store.h"
#include "store/xmalloc.h"
#include "tui/cli/cli.h"
#include "tui/reach.h"

#define TEMPLATE_MAX	(1 << 20)	/* bytes of a template file */

static int	cli_print(const struct cli_entry *, struct cli_args *,
		    const char *);

static const struct cli_opt cli_print_labels_opts[] = {
	{ "layout", NULL, "NAME", N_("a4-12 (default), a4-24 or "
	  "grid:COLSxROWS:WxHmm:TOPxLEFTmm"), false },
	{ "start", NULL, "N", N_("the first free label of a used sheet "
	  "(1-based)"), false },
	{ "sort", NULL, "postal|kana", N_("by postal code or reading "
	  "(default: member ID)"), false },
	{ "event", NULL, "CODE", N_("the event of the event.* fields"),
	  false },
	{ "output", "o", "FILE.pdf", N_("the PDF to write (required)"),
	  false },
	{ NULL, NULL, NULL, NULL, false }
};

static const struct cli_opt cli_print_letters_opts[] = {
	{ "template", NULL, "FILE", N_("the letter, UTF-8 text with "
	  "{{placeholders}} (required)"), false },
	{ "sort", NULL, "postal|kana", N_("by postal code or reading "
	  "(default: member ID)"), false },
	{ "event", NULL, "CODE", N_("the event of the event.* fields"),
	  false },
	{ "output", "o", "FILE.pdf", N_("the PDF to write (required)"),
	  false },
	{ NULL, NULL, NULL, NULL, false }
};

static const struct cli_opt cli_print_badges_opts[] = {
	{ "layout", NULL, "NAME", N_("a6 (default) or a4-4"), false },
	{ "event", NULL, "CODE", N_("the event's participants, whatever "
	  "their status"), false },
	{ "sort", NULL, "postal|kana", N_("by postal code or reading "
	  "(default: member ID)"), false },
	{ "output", "o", "FILE.pdf", N_("the PDF to write (required)"),
	  false },
	{ NULL, NULL, NULL, NULL, false }
};

static const struct cli_opt cli_print_list_opts[] = {
	{ "event", NULL, "CODE", N_("the event (required)"), false },
	{ "output", "o", "FILE.pdf", N_("the PDF to write (required)"),
	  false },
	{ NULL, NULL, NULL, NULL, false }
};

const struct cli_entry cli_print_labels_entry = {
	.name = "print",
	.kind = "labels",
	.usage = "[FILTER...] [--layout NAME] [--start N] "
	    "[--sort postal|kana] -o FILE.pdf",
	.help = N_("address labels (宛名ラベル) as PDF"),
	.opts = cli_print_labels_opts,
	.maxargs = -1,
	.exec = cli_print,
	.more = N_("Members who left, are suspended or opted out of mail, "
	    "and those without a postal code and address, are left out; "
	    "stderr says how many."),
	.example = "sanka print labels segment=正会員 --sort postal -o "
	    "labels.pdf",
};

const struct cli_entry cli_print_letters_entry = {
	.name = "print",
	.kind = "letters",
	.usage = "--template FILE [--event CODE] [FILTER...] -o FILE.pdf",
	.help = N_("one letter per member from a template, the member's QR "
	    "code at the foot"),
	.opts = cli_print_letters_opts,
	.maxargs = -1,
	.exec = cli_print,
	.more = N_("Placeholders: every key of show member, attr.NAME, atena, "
	    "today, today_wareki,\nevent.code, event.name, event.date, "
	    "event.venue, event.date_wareki (with --event)."),
	.example = "sanka print letters --template 案内状.txt --event E006 "
	    "invited=E006 -o letters.pdf",
};

const struct cli_entry cli_print_badges_entry = {
	.name = "print",
	.kind = "badges",
	.usage = "[--event CODE] [FILTER...] [--layout a6|a4-4] -o FILE.pdf",
	.help = N_("name badges with a QR code the door scans"),
	.opts = cli_print_badges_opts,
	.maxargs = -1,
	.exec = cli_print,
	.example = "sanka print badges --event E006 --layout a4-4 -o "
	    "badges.pdf",
};

const struct cli_entry cli_print_list_entry = {
	.name = "print",
	.kind = "list",
	.usage = "--event CODE [FILTER...] -o FILE.pdf",
	.help = N_("the door's paper list of an event in 五十音順, with check "
	    "boxes"),
	.opts = cli_print_list_opts,
	.maxargs = -1,
	.exec = cli_print,
	.example = "sanka print list --event E006 -o door.pdf",
};

/* Each kind: its job kind and who it reaches. */
static const struct cli_print_kind {
	const struct cli_entry *entry;
	enum print_kind	 kind;
	enum reach_need	 need;
} cli_print_kinds[] = {
	{ &cli_print_labels_entry, PRINT_LABELS, REACH_POSTAL },
	{ &cli_print_letters_entry, PRINT_LETTERS, REACH_POSTAL },
	{ &cli_print_badges_entry, PRINT_BADGES, REACH_ANY },
	{ &cli_print_list_entry, PRINT_LIST, REACH_ANY },
};

int
cli_read_text(const char *path, char **out, size_t *len)
{
	FILE	*fp;
	size_t	 cap = 4096, n = 0, got;
	char	*p;

	if ((fp = fopen(path, "rb")) == NULL) {
		sanka_warnx("%s: %s", path, strerror(errno));
		return (SANKA_EXIT_ENV);
	}
	p = cli_xreallocarray(NULL, cap, 1);
	while ((got = fread(p + n, 1, cap - n, fp)) > 0) {
		n += got;
		if (n > TEMPLATE_MAX) {
			fclose(fp);
			free(p);
			sanka_warnx(_("%s: a template is at most %d bytes"),
			    path, TEMPLATE_MAX);
			return (SANKA_EXIT_DATA);
		}
		if (n == cap)
			p = cli_xreallocarray(p, cap *= 2, 1);
	}
	if (ferror(fp)) {
		sanka_warnx("%s: %s", path, strerror(errno));
		fclose(fp);
		free(p);
		return (SANKA_EXIT_ENV);
	}
	fclose(fp);
	p[n] = '\0';
	*out = p;
	*len = n;
	return (0);
}

/* The options into JOB; the letter's template parsed over SRC into
 * *TPL. */
static int
cli_print_job(const struct cli_entry *e, struct cli_args *a,
    const struct print_source *src, struct print_job *job,
    struct print_template **tpl)
{
	struct print_error pe;
	const char	*v;
	char		*text;
	size_t		 len;
	int32_t		 start;
	int		 rc;

	if ((v = cli_get(e, a, "start")) != NULL) {
		if ((rc = cli_opt_number(e, "start", v, &start)) != 0)
			return (rc);
		job->start = start;
	}
	if ((v = cli_get(e, a, "sort")) != NULL) {
		if (strcmp(v, "postal") == 0)
			job->sort = PRINT_SORT_POSTAL;
		else if (strcmp(v, "kana") == 0)
			job->sort = PRINT_SORT_KANA;
		else
			return (cli_usage(e, _("--sort takes postal or kana")));
	}
	job->layout = cli_get(e, a, "layout");
	if (job->kind != PRINT_LETTERS)
		return (0);
	if ((rc = cli_read_text(cli_get(e, a, "template"), &text, &len)) != 0)
		return (rc);
	rc = print_template_parse(text, len, cli_get(e, a, "template"), 1,
	    src, tpl, &pe);
	free(text);
	job->letter = *tpl;
	if (rc != PRINT_OK) {
		sanka_warnx("%s", pe.msg);
		return (SANKA_EXIT_DATA);
	}
	return (0);
}

static int
cli_print_exit(int rc)
{
	return (rc == PRINT_USAGE ? SANKA_EXIT_USAGE : rc == PRINT_IO ?
	    SANKA_EXIT_ENV : SANKA_EXIT_DATA);
}

static int
cli_print(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	const struct cli_print_kind *k = NULL;
	struct print_job job;
	struct print_source src;
	struct print_result res;
	struct print_error pe;
	struct print_template *tpl = NULL;
	struct store_filter *f = NULL;
	struct reach	 r;
	struct store	*st;
	char		*title = NULL;
	const char	*out = cli_get(e, a, "output");
	const char	*event = cli_get(e, a, "event");
	size_t		 i;
	int		 rc;

	for (i = 0; i < sizeof(cli_print_kinds) / sizeof(cli_print_kinds[0]);
	    i++)
		if (cli_print_kinds[i].entry == e)
			k = &cli_print_kinds[i];
	if (out == NULL)
		return (cli_usage(e, _("-o FILE.pdf is required")));
	if (k->kind == PRINT_LETTERS && cli_get(e, a, "template") == NULL)
		return (cli_usage(e, _("--template FILE is required")));
	if (k->kind == PRINT_LIST && event == NULL)
		return (cli_usage(e, _("--event CODE is required")));
	memset(&job, 0, sizeof(job));
	job.kind = k->kind;
	memset(&r, 0, sizeof(r));
	if ((rc = sanka_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = cli_filter(e, st, a->argv, (size_t)a->argc, &f)) != 0)
		goto out;
	if ((rc = reach_filter(st, f, event, k->need == REACH_ANY, k->need,
	    &r)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	src = reach_source(&r);
	if ((rc = cli_print_job(e, a, &src, &job, &tpl)) != 0)
		goto out;
	cli_left_out(r.left, r.suspended, r.opt_out, r.no_address);
	if (r.has_event)
		job.title = title = xasprintf("%s %s", r.event.name == NULL ?
		    "" : r.event.name, r.event.date);
	if ((rc = print_pdf(&job, &src, out, &res, &pe)) != PRINT_OK) {
		sanka_warnx("%s", pe.msg);
		rc = cli_print_exit(rc);
	} else
		printf(_("%s: %zu members, %zu pages\n"), out, r.n, res.pages);
out:
	print_template_free(tpl);
	free(title);
	reach_free(&r);
	store_filter_free(f);
	store_close(st);
	return (rc);
}
