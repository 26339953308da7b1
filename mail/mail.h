/*
 * mail.h -- e-mail to members: the template (a header block, a blank line,
 * the body, placeholders as in print/), one validated address per message,
 * the message bytes (UTF-8, RFC 2047 headers, Date, Message-ID), and their
 * hand-off to the local sendmail interface or, for a dry run, to files.
 *
 * Which members receive, and what became of each hand-off, is the
 * caller's and store/'s business (store_mailing_*); this layer makes and
 * hands off one message at a time.  Nothing here prints.
 */
#ifndef SANKA_MAIL_H
#define SANKA_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "print/print.h"

enum mail_rc {
	MAIL_OK = 0,
	MAIL_DATA,	/* a template or an address refused		(exit 1) */
	MAIL_FAILED,	/* sendmail refused the message: the run goes on */
	MAIL_IO,	/* sendmail could not run, a file not written	(exit 3) */
};

struct mail_error {
	char		 msg[512];
};

/* Check that ADDR is one plain e-mail address (local@domain, ASCII, no
 * display name).  MAIL_DATA with E saying why; two addresses in one field
 * ("a@x.jp, b@y.jp", "a@x.jp;b@y.jp", "a@x.jp b@y.jp") are named as such. */
int		 mail_address_check(const char *addr, struct mail_error *e);

struct mail_template;

/*
 * Parse a mail template: header lines (Subject: required, From:,
 * Reply-To:; placeholders allowed), a blank line, the body.  FROM, when
 * not NULL, replaces the From: header (--from).  WHAT names the file in
 * messages (FILE:LINE: ...).  Returns MAIL_OK with *out set (free with
 * mail_template_free) or MAIL_DATA: no header block, an unknown or
 * repeated header, no Subject:, no From: at all, a From: or Reply-To:
 * address refused, an unknown placeholder.
 */
int		 mail_template_parse(const char *text, size_t len,
		    const char *what, const char *from,
		    const struct print_source *src,
		    struct mail_template **out, struct mail_error *e);
void		 mail_template_free(struct mail_template *);
/* The envelope sender: the address of the From: header. */
const char	*mail_template_sender(const struct mail_template *);
/* The Subject: header as written, placeholders kept. */
const char	*mail_template_subject(const struct mail_template *);

/*
 * The message for member I of SRC to address TO (checked by the caller):
 * every header encoded, Date of NOW in $TZ (Asia/Tokyo when unset), and
 * Message-ID <MAILING.MEMBER.NOW@the sender's domain> (each part
 * %XX-escaped).  *out is malloc'd, *len bytes, LF line ends (sendmail's
 * local convention).
 */
void		 mail_build(const struct mail_template *,
		    const struct print_source *src, size_t i, const char *to,
		    const char *mailing, const char *member, int64_t now,
		    char **out, size_t *len);

/* Encode header text as RFC 2047 encoded words (UTF-8, base64) when it is
 * not plain ASCII, folded under 78 columns after NAME ("Subject").  A
 * malloc'd string without the header name. */
char		*mail_header_encode(const char *name, const char *text);

/*
 * Hand MSG to `SENDMAIL -oi -f SENDER -- TO`, SENDMAIL being
 * $SANKA_SENDMAIL or /usr/sbin/sendmail.  Returns MAIL_OK when it exited
 * 0, MAIL_FAILED when it exited otherwise (E has the status), MAIL_IO when
 * it could not be started.
 */
int		 mail_send(const char *sender, const char *to, const char *msg,
		    size_t len, struct mail_error *e);

/* --dry-run DIR: the files sendmail would have been given. */
struct mail_dryrun;

/* Open DIR for a dry run, creating it (0750) when missing.  MAIL_IO when
 * it is not a directory, is a symbolic link, or is not empty. */
int		 mail_dryrun_open(const char *dir, struct mail_dryrun **out,
		    struct mail_error *e);
/* Write MSG as DIR/ID.eml, ID %XX-escaped (only letters, digits, - and _
 * kept), created new, never through a symbolic link. */
int		 mail_dryrun_write(struct mail_dryrun *, const char *id,
		    const char *msg, size_t len, struct mail_error *e);
void		 mail_dryrun_close(struct mail_dryrun *);

/* --- a run of a mailing (mail/run.c) ---------------------------------- */

#define MAIL_BATCH	100	/* hand-offs recorded per transaction */

struct store;

/* One message to send: member INDEX of the source, to ADDRESS (checked).
 * RESEND: an uncertain recipient sent again (--resend-uncertain). */
struct mail_target {
	size_t		 index;
	const char	*member;
	const char	*address;
	bool		 resend;
};

struct mail_job {
	struct store	*st;		/* NULL for a dry run */
	const char	*mailing;	/* its ID ("dry-run" for a dry run) */
	const struct mail_template *t;
	const struct print_source *src;
	const struct mail_target *to;
	size_t		 n;
	struct mail_dryrun *dry;	/* not NULL: files, nothing recorded */
	int64_t		 now;		/* the messages' Date */
	void		(*progress)(void *arg, size_t done, size_t total);
	void		*arg;
};

struct mail_tally {
	size_t		 sent, failed;
	char		 first_error[512];	/* of the first failure */
};

/*
 * Send every target of JOB: batches of MAIL_BATCH are recorded as
 * "sending" before their hand-offs and as sent / failed after them, each
 * in one transaction, so a run cut off leaves at most one batch for
 * store_mailing_recover to report as uncertain.  A failed hand-off is
 * recorded and the run goes on.  Returns MAIL_OK, or MAIL_IO when the
 * database or a dry-run file could not be written (E says which; what
 * was recorded before stays).
 */
int		 mail_run(const struct mail_job *, struct mail_tally *,
		    struct mail_error *e);

#endif
