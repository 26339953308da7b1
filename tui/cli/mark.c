/* mark.c -- mark EVENT MEMBER STATUS: a member's final status at an event. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_mark(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_mark_entry = {
	.name = "mark",
	.usage = "EVENT MEMBER STATUS",
	.help = N_("set a member's final status at an event"),
	.minargs = 3,
	.maxargs = 3,
	.exec = cli_mark,
	.more = N_("pending clears the final status (the record goes back to "
	    "the pending list)."),
	.example = "sanka mark E006 M001 attended",
	.vocab = CLI_VOCAB_FINAL,
};

static int
cli_mark(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store_member	 m;
	struct store_stats	 before, after;
	struct store		*st;
	char			*name, words[512];
	int			 f, rc;

	memset(&m, 0, sizeof m);
	if (*a->argv[2] == '\0' || (f = store_final_parse(a->argv[2])) < 0) {
		store_words(STORE_VOCAB_FINAL, ", ", words, sizeof words);
		return (cli_usage(e, _("unknown status \"%s\"; STATUS is one "
		    "of %s"), a->argv[2], words));
	}
	if ((rc = sanka_open(dbdir, false, &st)) != 0)
		return (rc);
	if ((rc = store_member_get(st, a->argv[1], &m, &before)) != STORE_OK ||
	    (rc = store_mark(st, a->argv[0], m.id, f, 0)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	store_member_free(&m);
	memset(&m, 0, sizeof m);
	if ((rc = store_member_get(st, a->argv[1], &m, &after)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	name = cli_event_name(st, a->argv[0]);
	printf(_("%s %s: %s (total %u -> %u)\n"), m.id, name,
	    cli_final_word(f), before.total, after.total);
	free(name);
out:
	store_member_free(&m);
	store_close(st);
	return (rc);
}
