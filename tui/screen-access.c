/* screen-access.c -- the admin's page of roles and users (key U): every
 * role as `role show` prints it and every user's role, read through the
 * store, which refuses anyone but an admin (the refusal is audited). */

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/i18n.h"
#include "store/store.h"
#include "store/xmalloc.h"
#include "tui/screen.h"

struct access_lines {
	char	**lines;
	size_t	  n;
};

static void
access_add(struct access_lines *l, char *line)
{
	l->lines = xreallocarray(l->lines, l->n + 1, sizeof *l->lines);
	l->lines[l->n++] = line;
}

static int
access_role_cb(const struct store_role *r, void *arg)
{
	struct access_lines	*l = arg;
	char			 text[1024];

	access_add(l, xasprintf("%s%s", r->name, r->builtin ?
	    _(" (built in)") : ""));
	access_add(l, xasprintf("  allow: %s", store_role_allow_text(r, text,
	    sizeof text)));
	if (r->rows[0] != '\0')
		access_add(l, xasprintf("  rows: %s", r->rows));
	if (r->hide != 0)
		access_add(l, xasprintf("  hide: %s",
		    store_role_fields_text(r->hide, text, sizeof text)));
	if (r->read_only != 0)
		access_add(l, xasprintf("  read_only: %s",
		    store_role_fields_text(r->read_only, text, sizeof text)));
	return (0);
}

static int
access_user_cb(uint32_t uid, const char *role, void *arg)
{
	struct access_lines	*l = arg;
	struct passwd		*pw = getpwuid((uid_t)uid);

	if (pw != NULL)
		access_add(l, xasprintf("  %s: %s", pw->pw_name, role));
	else
		access_add(l, xasprintf("  %lu: %s", (unsigned long)uid, role));
	return (0);
}

void
tui_access_page(struct tui *t)
{
	struct access_lines	l = { NULL, 0 };
	int			rc;

	access_add(&l, xstrdup(_("-- Roles --")));
	if ((rc = store_role_each(t->st, access_role_cb, &l)) == STORE_OK) {
		access_add(&l, xstrdup(_("-- Users (sanka user set USER "
		    "ROLE) --")));
		rc = store_user_each(t->st, access_user_cb, &l);
	}
	if (rc != STORE_OK) {
		while (l.n > 0)
			free(l.lines[--l.n]);
		free(l.lines);
		tui_error(t, "%s", store_last_error(t->st)->msg);
		return;
	}
	tui_page(t, _("Roles and users (Esc closes)"), l.lines, l.n);
}
