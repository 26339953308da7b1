/* cli-attendance.c -- invite, respond, mark: the screens' write path. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/store.h"
#include "tui/cli/cli.h"

int
cli_invite(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store_error	 err;
	struct store_change	*c;
	struct store		*st = NULL;
	char			(*ids)[STORE_ID_MAX + 1], *name;
	char			 event[STORE_ID_MAX + 1];
	size_t			 i, j, n = 0;
	int			 rc = 0;

	ids = cli_xreallocarray(NULL, a->argc, sizeof *ids);
	c = cli_xreallocarray(NULL, a->argc, sizeof *c);
	for (i = 1; i < (size_t)a->argc; i++) {
		memset(&err, 0, sizeof err);
		if (store_key_fold(a->argv[i], ids[n], "member_id",
		    &err) != STORE_OK) {
			cli_warnx("%s", *err.msg != '\0' ? err.msg :
			    _("invalid member ID"));
			rc = CLI_EXIT_DATA;
			goto out;
		}
		for (j = 0; j < n; j++) {
			if (strcmp(ids[j], ids[n]) == 0)
				break;
		}
		if (j == n)
			n++;
	}
	(void)e;
	memset(&err, 0, sizeof err);
	if (store_key_fold(a->argv[0], event, "event_code", &err) != STORE_OK) {
		cli_warnx("%s", *err.msg != '\0' ? err.msg :
		    _("invalid event code"));
		rc = CLI_EXIT_DATA;
		goto out;
	}
	for (i = 0; i < n; i++)
		store_change_init(&c[i], event, ids[i]);
	if ((rc = cli_open(dbdir, false, &st)) != 0)
		goto out;
	if ((rc = store_attendance_apply(st, c, n, NULL)) != STORE_OK) {
		rc = cli_store_error(st, rc);
		goto out;
	}
	name = cli_event_name(st, event);
	printf(_("%s %s: %zu invited:"), event, name, n);
	for (i = 0; i < n; i++)
		printf(" %s", ids[i]);
	putchar('\n');
	free(name);
out:
	free(ids);
	free(c);
	if (st != NULL)
		store_close(st);
	return (rc);
}

int
cli_respond(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store_change	 c;
	struct store_attendance	 res;
	struct store		*st;
	char			*name, words[512];
	int			 r, rc;

	if (*a->argv[2] == '\0' ||
	    (r = store_response_parse(a->argv[2])) < 0) {
		cli_words(CLI_VOCAB_RESPONSE, ", ", words, sizeof words);
		return (cli_usage(e, _("unknown response \"%s\"; RESPONSE is "
		    "one of %s"), a->argv[2], words));
	}
	if ((rc = cli_open(dbdir, false, &st)) != 0)
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

int
cli_mark(const struct cli_entry *e, struct cli_args *a, const char *dbdir)
{
	struct store_member	 m;
	struct store_stats	 before, after;
	struct store		*st;
	char			*name, words[512];
	int			 f, rc;

	memset(&m, 0, sizeof m);
	if (*a->argv[2] == '\0' || (f = store_final_parse(a->argv[2])) < 0) {
		cli_words(CLI_VOCAB_FINAL, ", ", words, sizeof words);
		return (cli_usage(e, _("unknown status \"%s\"; STATUS is one "
		    "of %s"), a->argv[2], words));
	}
	if ((rc = cli_open(dbdir, false, &st)) != 0)
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
