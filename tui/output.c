/* output.c -- print and mail from the screens: on an event's page or the
 * member list, `P` asks what to make (labels, letters, badges, the door's
 * list, mail) and its options one prompt at a time, then makes it through
 * tui/make.c as the command line does and says where it went. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/xmalloc.h"
#include "tui/make.h"
#include "tui/output.h"
#include "tui/screen.h"

/* What can be made, in the menu's order. */
enum output_what { OUT_LABELS, OUT_LETTERS, OUT_BADGES, OUT_LIST, OUT_MAIL };

static const struct output_kind {
	const char	*label;		/* N_(): the menu */
	const char	*file;		/* the PDF's default name */
	const char	*layout;	/* the default layout, NULL: none */
	bool		 templ;		/* asks for a template */
	bool		 event_only;	/* an event's participants */
} output_kinds[] = {
	[OUT_LABELS] = { N_("Address labels (宛名ラベル)"), "labels",
	    "a4-12", false, false },
	[OUT_LETTERS] = { N_("Letters from a template"), "letters", NULL,
	    true, false },
	[OUT_BADGES] = { N_("Name badges"), "badges", "a6", false, false },
	[OUT_LIST] = { N_("The door's list (受付名簿)"), "list", NULL, false,
	    true },
	[OUT_MAIL] = { N_("E-mail from a template"), NULL, NULL, true,
	    false },
};
#define OUTPUT_NKINDS	(sizeof(output_kinds) / sizeof(output_kinds[0]))

struct output_job {
	char		 event[STORE_ID_MAX + 1];	/* "" for none */
	char		*offer;		/* the filter offered */
	enum output_what what;
	char		*templ, *layout, *filter;
	struct store_filter *f;
};

static void	output_ask_layout(struct tui *, struct output_job *);
static void	output_ask_filter(struct tui *, struct output_job *);
static void	output_ask_file(struct tui *, struct output_job *);

static void
output_free(void *arg)
{
	struct output_job *job = arg;

	free(job->offer);
	free(job->templ);
	free(job->layout);
	free(job->filter);
	store_filter_free(job->f);
	free(job);
}

/* Show RES: the left-out line and the summary, or the error. */
static void
output_say(struct tui *t, const struct make_result *res)
{
	if (res->exit != 0)
		tui_error(t, "%s", res->msg);
	else if (res->left[0] != '\0')
		tui_status(t, "%s (%s)", res->msg, res->left);
	else
		tui_status(t, "%s", res->msg);
}

static void
output_file_done(struct tui *t, void *arg, int choice, const char *text)
{
	struct output_job *job = arg;
	struct make_print req;
	struct make_result res;

	if (choice == 0 && text[0] != '\0') {
		memset(&req, 0, sizeof(req));
		req.kind = (enum print_kind)job->what;
		req.filter = job->f;
		req.event = job->event[0] != '\0' ? job->event : NULL;
		req.layout = job->layout;
		req.template_path = job->templ;
		req.out = text;
		make_print(t->st, &req, &res);
		output_say(t, &res);
	}
	output_free(job);
}

static void
output_ask_file(struct tui *t, struct output_job *job)
{
	char	*name;

	name = xasprintf("%s%s%s.pdf", output_kinds[job->what].file,
	    job->event[0] != '\0' ? "-" : "", job->event);
	tui_prompt(t, _("Write the PDF to:"), name, output_file_done, job);
	free(name);
}

/* While the messages go out (the screen waits), the count in the status
 * line every ten of them. */
static void
output_mail_progress(void *arg, size_t done, size_t total)
{
	struct tui	*t = arg;

	if (done % 10 != 0 && done != total)
		return;
	tui_status(t, _("Sending: %zu of %zu"), done, total);
	tui_draw(t);
}

static void
output_mail_done(struct tui *t, void *arg, int choice, const char *text)
{
	struct output_job *job = arg;
	struct make_mail req;
	struct make_result res;

	(void)text;
	if (choice == 0) {
		memset(&req, 0, sizeof(req));
		req.template_path = job->templ;
		req.event = job->event[0] != '\0' ? job->event : NULL;
		req.filter = job->f;
		req.progress = output_mail_progress;
		req.arg = t;
		make_mail(t->st, &req, &res);
		output_say(t, &res);
		tui_wrote(t);
	}
}

static void
output_filter_done(struct tui *t, void *arg, int choice, const char *text)
{
	struct output_job *job = arg;
	struct store_filter_error e;
	char	*q;

	if (choice != 0) {
		output_free(job);
		return;
	}
	if (store_filter_parse_line(t->st, text, &job->f, &e) != STORE_OK) {
		tui_error(t, "%s: %s", e.text, e.msg);
		output_free(job);
		return;
	}
	job->filter = xstrdup(text);
	if (job->what != OUT_MAIL) {
		output_ask_file(t, job);
		return;
	}
	/* Mail goes out at once: ask first, naming what and to whom. */
	q = xasprintf(_("Send e-mail from %s to the members matching \"%s\"? "
	    "(those who left, are suspended, opted out or have no e-mail are "
	    "left out)"), job->templ, text);
	tui_dialog(t, q, _("Send"), _("Cancel"), output_mail_done, job,
	    output_free);
	free(q);
}

static void
output_ask_filter(struct tui *t, struct output_job *job)
{
	if (output_kinds[job->what].event_only ||
	    (job->what == OUT_BADGES && job->event[0] != '\0')) {
		output_ask_file(t, job);	/* the event's participants */
		return;
	}
	tui_prompt(t, _("Members matching (empty: every member; e.g. "
	    "segment=正会員):"), job->offer, output_filter_done, job);
}

static void
output_layout_done(struct tui *t, void *arg, int choice, const char *text)
{
	struct output_job *job = arg;

	if (choice != 0) {
		output_free(job);
		return;
	}
	job->layout = text[0] != '\0' ? xstrdup(text) : NULL;
	output_ask_filter(t, job);
}

static void
output_ask_layout(struct tui *t, struct output_job *job)
{
	if (output_kinds[job->what].layout == NULL) {
		output_ask_filter(t, job);
		return;
	}
	tui_prompt(t, job->what == OUT_LABELS ? _("Layout (a4-12, a4-24 or "
	    "grid:COLSxROWS:WxHmm:TOPxLEFTmm):") : _("Layout (a6 or a4-4):"),
	    output_kinds[job->what].layout, output_layout_done, job);
}

static void
output_templ_done(struct tui *t, void *arg, int choice, const char *text)
{
	struct output_job *job = arg;

	if (choice != 0 || text[0] == '\0') {
		output_free(job);
		return;
	}
	job->templ = xstrdup(text);
	output_ask_layout(t, job);
}

static void
output_what_done(struct tui *t, void *arg, int choice, const char *text)
{
	struct output_job *job = arg;

	(void)text;
	if (choice < 0 || (size_t)choice >= OUTPUT_NKINDS) {
		output_free(job);
		return;
	}
	job->what = (enum output_what)choice;
	if (output_kinds[job->what].event_only && job->event[0] == '\0') {
		tui_error(t, "%s", _("The door's list is made from an event's "
		    "page."));
		output_free(job);
		return;
	}
	if (output_kinds[job->what].templ)
		tui_prompt(t, job->what == OUT_MAIL ? _("Mail template file "
		    "(Subject:, From:, a blank line, the body):") :
		    _("Letter template file:"), "", output_templ_done, job);
	else
		output_ask_layout(t, job);
}

void
output_start(struct tui *t, const char *event, const char *filter)
{
	const char	*items[OUTPUT_NKINDS];
	struct output_job *job;
	size_t		 i;

	job = xcalloc(1, sizeof(*job));
	snprintf(job->event, sizeof(job->event), "%s",
	    event != NULL ? event : "");
	if (filter != NULL)
		job->offer = xstrdup(filter);
	else if (event != NULL)
		job->offer = xasprintf("invited=%s", event);
	else
		job->offer = xstrdup("");
	for (i = 0; i < OUTPUT_NKINDS; i++)
		items[i] = _(output_kinds[i].label);
	tui_menu(t, _("Print or mail"), items, OUTPUT_NKINDS, 0,
	    output_what_done, job);
}
