/* print.c -- print labels|letters|badges|list: a PDF of the members a
 * filter (or an event) reaches, through print/. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print/print.h"
#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"
#include "tui/make.h"

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

/* The entries in the order of enum print_kind. */
static const struct cli_entry *const cli_print_kinds[] = {
	&cli_print_labels_entry, &cli_print_letters_entry,
	&cli_print_badges_entry, &cli_print_list_entry,
};

/* The options of A into REQ. */
static int
cli_print_req(const struct cli_entry *e, struct cli_args *a,
    struct make_print *req)
{
	const char	*v;
	int32_t		 start;
	int		 rc;

	if ((v = cli_get(e, a, "start")) != NULL) {
		if ((rc = cli_opt_number(e, "start", v, &start)) != 0)
			return (rc);
		req->start = start;
	}
	if ((v = cli_get(e, a, "sort")) != NULL) {
		if (strcmp(v, "postal") == 0)
			req->sort = PRINT_SORT_POSTAL;
		else if (strcmp(v, "kana") == 0)
			req->sort = PRINT_SORT_KANA;
		else
			return (cli_usage(e, _("--sort takes postal or kana")));
	}
	req->layout = cli_get(e, a, "layout");
	req->template_path = cli_get(e, a, "template");
	req->event = cli_get(e, a, "event");
	req->out = cli_get(e, a, "output");
	if (req->out == NULL)
		return (cli_usage(e, _("-o FILE.pdf is required")));
	if (req->kind == PRINT_LETTERS && req->template_path == NULL)
		return (cli_usage(e, _("--template FILE is required")));
	if (req->kind == PRINT_LIST && req->event == NULL)
		return (cli_usage(e, _("--event CODE is required")));
	return (0);
}

static int
cli_print(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct make_print req;
	struct make_result res;
	struct store_filter *f = NULL;
	struct store	*st;
	size_t		 i;
	int		 rc;

	memset(&req, 0, sizeof(req));
	for (i = 0; i < sizeof(cli_print_kinds) / sizeof(cli_print_kinds[0]);
	    i++)
		if (cli_print_kinds[i] == e)
			req.kind = (enum print_kind)i;
	if ((rc = cli_print_req(e, a, &req)) != 0)
		return (rc);
	if ((rc = sanka_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = cli_filter(e, st, a->argv, (size_t)a->argc, &f)) == 0) {
		req.filter = f;
		make_print(st, &req, &res);
		if (res.left[0] != '\0')
			sanka_warnx("%s", res.left);
		if ((rc = res.exit) == 0)
			printf("%s\n", res.msg);
		else
			sanka_warnx("%s", res.msg);
	}
	store_filter_free(f);
	store_close(st);
	return (rc);
}
