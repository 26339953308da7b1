/* targets.c -- what the commands that act on members chosen by a filter
 * share: the FILTER words (a bad word named) and the line saying who an
 * action left out. */

#include <stdio.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

int
cli_filter(const struct cli_entry *e, struct store *st, char *const *words,
    size_t n, struct store_filter **f)
{
	struct store_filter_error fe;
	int		 rc;

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
	/* DESIGN.md's words, never translated: scripts read this line. */
	static const char *const what[] = {
		"left", "suspended", "mail_opt_out", "without address",
	};
	size_t	 count[] = { left, suspended, opt_out, no_address };
	size_t	 n = left + suspended + opt_out + no_address, k;
	char	 line[256];
	int	 len;

	if (n == 0)
		return;
	len = snprintf(line, sizeof(line), "left out %zu member%s:", n,
	    n == 1 ? "" : "s");
	for (k = 0; k < sizeof(what) / sizeof(what[0]); k++)
		if (count[k] != 0)
			len += snprintf(line + len, sizeof(line) - len,
			    "%s %zu %s", line[len - 1] == ':' ? "" : ",",
			    count[k], what[k]);
	sanka_warnx("%s", line);
}
