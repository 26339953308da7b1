/* respond.c -- respond EVENT MEMBER RESPONSE: the answer to an invitation. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_respond(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_respond_entry = {
	.name = "respond",
	.usage = "EVENT MEMBER RESPONSE",
	.help = N_("record a member's response to an invitation"),
	.minargs = 3,
	.maxargs = 3,
	.exec = cli_respond,
	.example = "sanka respond E006 M001 参加予定",
	.vocab = CLI_VOCAB_RESPONSE,
};

static int
cli_respond(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store_change	 c;
	struct store_attendance	 res;
	struct store		*st;
	char			*name, words[512];
	int			 r, rc;

	if (*a->argv[2] == '\0' ||
	    (r = store_response_parse(a->argv[2])) < 0) {
		store_words(STORE_VOCAB_RESPONSE, ", ", words, sizeof words);
		return (cli_usage(e, _("unknown response \"%s\"; RESPONSE is "
		    "one of %s"), a->argv[2], words));
	}
	if ((rc = sanka_open(dbdir, false, &st)) != 0)
		return (rc);
	store_change_init(&c, a->argv[0], a->argv[1]);
	c.response = r;
	memset(&res, 0, sizeof res);
	if ((rc = store_attendance_apply(st, &c, 1, &res)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	name = cli_event_name(st, res.event);
	printf("%s %s: %s\n", res.member, name, store_response_word(r));
	free(name);
	store_attendance_free(&res);
out:
	store_close(st);
	return (rc);
}
