/* explain.c -- explain MEMBER: how a member's total and last date were
 * reached. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

static int	cli_explain(const struct cli_entry *, struct cli_args *,
		    const char *);

const struct cli_entry cli_explain_entry = {
	.name = "explain",
	.usage = "MEMBER",
	.help = N_("how a member's total and last date were reached"),
	.minargs = 1,
	.maxargs = 1,
	.exec = cli_explain,
	.example = "sanka explain M001",
};

/* The attended events of a member, newest first as the history walks. */
struct cli_explain {
	char	(*code)[STORE_ID_MAX + 1];
	char	(*date)[STORE_DATE_SIZE];
	size_t	  n;
};

static int
cli_explain_row(const struct store_att_row *r, void *arg)
{
	struct cli_explain	*x = arg;

	if (r->a.final != STORE_FINAL_ATTENDED)
		return (0);
	x->code = cli_xreallocarray(x->code, x->n + 1, sizeof *x->code);
	x->date = cli_xreallocarray(x->date, x->n + 1, sizeof *x->date);
	memcpy(x->code[x->n], r->a.event, sizeof x->code[x->n]);
	memcpy(x->date[x->n], r->event_date, sizeof x->date[x->n]);
	x->n++;
	return (0);
}

static int
cli_explain(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store_member	 m;
	struct store_stats	 s;
	struct cli_explain	 x;
	struct store		*st;
	char			*name;
	size_t			 i;
	int			 rc;

	(void)e;
	memset(&m, 0, sizeof m);
	memset(&x, 0, sizeof x);
	if ((rc = sanka_open(dbdir, true, &st)) != 0)
		return (rc);
	if ((rc = store_member_get(st, a->argv[0], &m, &s)) != STORE_OK ||
	    (rc = store_member_history(st, m.id, cli_explain_row,
	    &x)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	printf("%u = 過去 %d + 参加 %u", s.total, m.past_count, s.attended);
	for (i = x.n; i > 0; i--)
		printf("%s%s %s", i == x.n ? ": " : ", ", x.code[i - 1],
		    x.date[i - 1]);
	putchar('\n');
	if (s.last_event[0] != '\0') {
		name = cli_event_name(st, s.last_event);
		printf("last_date %s: %s %s\n", s.last_date, s.last_event,
		    name);
		free(name);
	} else if (s.last_date[0] != '\0') {
		if (m.past_last_event != NULL && *m.past_last_event != '\0')
			printf("last_date %s: past_last_date (%s)\n",
			    s.last_date, m.past_last_event);
		else
			printf("last_date %s: past_last_date\n", s.last_date);
	} else
		printf("last_date: none\n");
out:
	free(x.code);
	free(x.date);
	store_member_free(&m);
	store_close(st);
	return (rc);
}
