/*
 * make.h -- making a print or a mailing from a request, for the command
 * line (tui/cli/print.c, mail.c) and the screens (tui/output.c) alike:
 * the members reached (tui/reach.h), the template read and checked, the
 * PDF made or each message handed off and recorded.  Nothing is printed:
 * the outcome is an exit status of docs/DESIGN.md and lines of text the
 * caller shows.
 */
#ifndef SANKA_TUI_MAKE_H
#define SANKA_TUI_MAKE_H

#include <stdbool.h>
#include <stddef.h>

#include "print/print.h"
#include "store/store.h"

/* What came of a request. */
struct make_result {
	int		 exit;		/* SANKA_EXIT_* */
	char		 msg[1024];	/* the summary, or why it failed */
	char		 left[256];	/* the left-out line, or "" */
};

struct make_print {
	enum print_kind	 kind;
	const struct store_filter *filter;	/* NULL: every member */
	const char	*event;		/* NULL: none */
	const char	*layout;	/* NULL: the kind's default */
	int		 start;
	enum print_sort	 sort;
	const char	*template_path;	/* letters */
	const char	*out;		/* the PDF */
};

/* Make the PDF of REQ.  msg: "OUT: N members, P pages" or the error. */
void		 make_print(struct store *, const struct make_print *req,
		    struct make_result *res);

struct make_mail {
	const char	*template_path;
	const char	*from;		/* --from, or NULL */
	const char	*event;		/* NULL: none */
	const struct store_filter *filter;
	const char	*dry_run;	/* a directory, or NULL: send */
	/* Each member whose e-mail is not one address (the run stops before
	 * anything is sent), then the mailing's ID once it is recorded,
	 * before the first message; progress after each hand-off. */
	void		(*bad_address)(void *arg, const char *member,
			    const char *why);
	void		(*started)(void *arg, const char *id, size_t n);
	void		(*progress)(void *arg, size_t done, size_t total);
	void		*arg;
};

/* Send (or with dry_run write) the mailing of REQ.  msg: "mailing ID: S
 * sent, F failed" (exit 1 when F > 0, with the first failure), "dry run:
 * N messages written", or the error. */
void		 make_mail(struct store *, const struct make_mail *req,
		    struct make_result *res);

struct mail_job;
/* Hand off JOB's messages (its now set here); the summary as make_mail's
 * into RES.  For a resume, which builds its own job. */
void		 make_mail_run(struct mail_job *job, struct make_result *res);

/* Read the whole text file PATH (a template, at most 1 MiB) into *OUT
 * (malloc'd, NUL-terminated, *LEN bytes).  0, or the exit status with
 * RES->msg saying why. */
int		 make_read_text(const char *path, char **out, size_t *len,
		    struct make_result *res);

#endif
