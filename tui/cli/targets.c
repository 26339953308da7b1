/* targets.c -- what report, select, print and mail share: the FILTER
 * words (saved filters expanded, a bad word named), and the line saying
 * who an action left out (its text is tui/reach.c's, which the screens
 * show too). */

#include <stdio.h>
#include <stdlib.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"
#include "tui/reach.h"

int
cli_filter(const struct cli_entry *e, struct store *st, char *const *words,
    size_t n, struct store_filter **f)
{
	struct store_filter_error	 fe;
	int				 rc;

	*f = NULL;
	if ((rc = store_filter_parse(st, words, n, f, &fe)) == STORE_OK)
		return (0);
	if (rc == STORE_INVALID)
		return (cli_usage(e, _("filter word %zu \"%s\": %s"), fe.word,
		    fe.text, fe.msg));
	if (rc == STORE_NOTFOUND) {
		sanka_warnx(_("filter word %zu \"%s\": %s"), fe.word, fe.text,
		    fe.msg);
		return (SANKA_EXIT_DATA);
	}
	return (cli_store_error(st, rc));
}

void
cli_left_out(size_t left, size_t suspended, size_t opt_out,
    size_t no_address)
{
	char	 line[256];

	if (reach_left_out_text(left, suspended, opt_out, no_address, line,
	    sizeof(line)))
		sanka_warnx("%s", line);
}
