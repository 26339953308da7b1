/* targets.c -- what report and select share: the FILTER words (saved
 * filters expanded, a bad word named), and the line saying who an action
 * left out. */

#include <stdio.h>
#include <stdlib.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

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
	size_t	n = left + suspended + opt_out + no_address;
	char	line[256];
	int	len;

	if (n == 0)
		return;
	/* the words after the counts are DESIGN.md's, never translated */
	len = snprintf(line, sizeof line, "left out %zu member%s:", n,
	    n == 1 ? "" : "s");
	if (left != 0 && len > 0 && (size_t)len < sizeof line)
		len += snprintf(line + len, sizeof line - (size_t)len,
		    " %zu left,", left);
	if (suspended != 0 && len > 0 && (size_t)len < sizeof line)
		len += snprintf(line + len, sizeof line - (size_t)len,
		    " %zu suspended,", suspended);
	if (opt_out != 0 && len > 0 && (size_t)len < sizeof line)
		len += snprintf(line + len, sizeof line - (size_t)len,
		    " %zu mail_opt_out,", opt_out);
	if (no_address != 0 && len > 0 && (size_t)len < sizeof line)
		len += snprintf(line + len, sizeof line - (size_t)len,
		    " %zu without address,", no_address);
	if (len > 0 && (size_t)len < sizeof line)
		line[len - 1] = '\0';	/* the last comma */
	sanka_warnx("%s", line);
}
