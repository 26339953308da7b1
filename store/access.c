/* access.c -- roles and users (docs/DESIGN.md "Roles and access"): the
 * built-in roles, roles and users kept in the meta database ("role:NAME"
 * holds the role's `role show` lines, "user:UID" its role's name), the
 * caller's role chosen at open from the real uid, and refusals. */

#include <sys/types.h>

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store-int.h"

static const char *const access_areas[STORE_AREA_COUNT] = {
	"members", "events", "attendance", "reports", "import", "export",
	"print", "mail", "admin",
};
static const char *const access_actions[] = {
	"view", "add", "edit", "delete", "checkin",
};
#define ACCESS_NACTIONS	(sizeof access_actions / sizeof access_actions[0])

/* The member fields the door sees. */
static const char *const access_door_fields[] = {
	"id", "name", "kana", "organization", "segment", "status",
};

static int	access_rows(struct store *);

#define ALL	STORE_ACT_ALL
#define VIEW	STORE_ACT_VIEW

static void
access_builtin(const char *name, struct store_role *r)
{
	size_t	i, j;
	bool	seen;

	memset(r, 0, sizeof *r);
	snprintf(r->name, sizeof r->name, "%s", name);
	r->builtin = true;
	if (strcmp(name, "admin") == 0 || strcmp(name, "staff") == 0) {
		for (i = 0; i < STORE_AREA_COUNT; i++)
			r->allow[i] = ALL;
		if (strcmp(name, "staff") == 0)
			r->allow[STORE_AREA_ADMIN] = 0;
	} else if (strcmp(name, "viewer") == 0) {
		r->allow[STORE_AREA_MEMBERS] = VIEW;
		r->allow[STORE_AREA_EVENTS] = VIEW;
		r->allow[STORE_AREA_ATTENDANCE] = VIEW;
		r->allow[STORE_AREA_REPORTS] = VIEW;
	} else if (strcmp(name, "door") == 0) {
		r->allow[STORE_AREA_EVENTS] = VIEW;
		r->allow[STORE_AREA_ATTENDANCE] = VIEW | STORE_ACT_CHECKIN;
		/* the guest form adds a member whose e-mail it cannot see */
		r->allow[STORE_AREA_MEMBERS] = VIEW | STORE_ACT_ADD;
		for (i = 0; i < store_nfields; i++) {
			seen = false;
			for (j = 0; j < sizeof access_door_fields /
			    sizeof access_door_fields[0]; j++)
				seen |= strcmp(store_fields[i].key,
				    access_door_fields[j]) == 0;
			if (!seen)
				r->hide |= (uint64_t)1 << i;
		}
	} else
		r->builtin = false;
}

static bool
access_is_builtin(const char *name)
{
	struct store_role	r;

	access_builtin(name, &r);
	return (r.builtin);
}

static int
access_name_check(struct store *st, const char *name)
{
	const char	*p;

	if (*name == '\0' || strlen(name) > STORE_ROLE_NAME_MAX)
		return (store_err(st, STORE_INVALID, "role", _("a role name "
		    "is 1 to %d letters, digits, - or _"),
		    STORE_ROLE_NAME_MAX));
	for (p = name; *p != '\0'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_'))
			return (store_err(st, STORE_INVALID, "role",
			    _("role name \"%s\": use lower-case letters, "
			    "digits, - or _"), name));
	}
	return (STORE_OK);
}

const char *
store_role_allow_text(const struct store_role *r, char *buf, size_t size)
{
	size_t	i, j, len = 0;

	buf[0] = '\0';
	for (i = 0; i < STORE_AREA_COUNT; i++) {
		for (j = 0; j < ACCESS_NACTIONS; j++) {
			if (!(r->allow[i] & (1u << j)) || len >= size)
				continue;
			len += (size_t)snprintf(buf + len, size - len, "%s%s:%s",
			    len == 0 ? "" : ",", access_areas[i],
			    access_actions[j]);
		}
	}
	return (buf);
}

const char *
store_role_fields_text(uint64_t mask, char *buf, size_t size)
{
	size_t	i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < store_nfields && i < 64; i++) {
		if ((mask & ((uint64_t)1 << i)) && len < size)
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
			    len == 0 ? "" : ",", store_fields[i].key);
	}
	return (buf);
}

/* One AREA:ACTION word into R. */
static int
access_allow_word(struct store *st, const char *w, struct store_role *r)
{
	const char	*colon;
	size_t		 i, j, alen;

	if ((colon = strchr(w, ':')) != NULL) {
		alen = (size_t)(colon - w);
		for (i = 0; i < STORE_AREA_COUNT; i++) {
			if (strlen(access_areas[i]) != alen ||
			    memcmp(access_areas[i], w, alen) != 0)
				continue;
			for (j = 0; j < ACCESS_NACTIONS; j++) {
				if (strcmp(colon + 1, access_actions[j]) == 0) {
					r->allow[i] |= 1u << j;
					return (STORE_OK);
				}
			}
		}
	}
	return (store_err(st, STORE_INVALID, "allow", _("--allow: \"%s\" is "
	    "not AREA:ACTION (areas members, events, attendance, reports, "
	    "import, export, print, mail, admin; actions view, add, edit, "
	    "delete, checkin)"), w));
}

/* A comma list of fields of the member field table into *MASK. */
static int
access_fields_list(struct store *st, const char *opt, const char *list,
    uint64_t *mask)
{
	const struct store_field	*f;
	char				*copy, *w, *save;
	int				 rc = STORE_OK;

	*mask = 0;
	copy = xstrdup(list);
	for (w = strtok_r(copy, ",", &save); w != NULL && rc == STORE_OK;
	    w = strtok_r(NULL, ",", &save)) {
		if ((f = store_field_find(w)) == NULL)
			rc = store_err(st, STORE_INVALID, opt, _("--%s: no "
			    "member field \"%s\""), opt, w);
		else
			*mask |= (uint64_t)1 << (size_t)(f - store_fields);
	}
	free(copy);
	return (rc);
}

/* Apply option OPT (with or without "--"; "read-only" or "read_only") of
 * value VALUE to R; each replaces what the role had. */
static int
access_option(struct store *st, const char *opt, const char *value,
    struct store_role *r)
{
	struct store_filter		*f;
	struct store_filter_error	 fe;
	char				*copy, *w, *save;
	int				 rc = STORE_OK;

	if (strncmp(opt, "--", 2) == 0)
		opt += 2;
	if (strcmp(opt, "allow") == 0) {
		memset(r->allow, 0, sizeof r->allow);
		copy = xstrdup(value);
		for (w = strtok_r(copy, ",", &save); w != NULL &&
		    rc == STORE_OK; w = strtok_r(NULL, ",", &save))
			rc = access_allow_word(st, w, r);
		free(copy);
		return (rc);
	}
	if (strcmp(opt, "hide") == 0)
		return (access_fields_list(st, "hide", value, &r->hide));
	if (strcmp(opt, "read-only") == 0 || strcmp(opt, "read_only") == 0)
		return (access_fields_list(st, "read-only", value,
		    &r->read_only));
	if (strcmp(opt, "rows") == 0) {
		if (strlen(value) >= sizeof r->rows)
			return (store_err(st, STORE_INVALID, "rows",
			    _("--rows: the filter is too long")));
		if ((rc = store_filter_parse_line(st, value, &f, &fe)) !=
		    STORE_OK)
			return (store_err(st, rc == STORE_INVALID ?
			    STORE_INVALID : rc, "rows", "--rows: %s: %s",
			    fe.text, fe.msg));
		store_filter_free(f);
		snprintf(r->rows, sizeof r->rows, "%s", value);
		return (STORE_OK);
	}
	return (store_err(st, STORE_INVALID, "role", _("unknown role option "
	    "%s (--allow, --rows, --hide, --read-only)"), opt));
}

/* The stored form: the `role show` lines after name. */
static void
access_role_enc(struct buf *b, const struct store_role *r)
{
	char	text[1024];

	buf_printf(b, "allow: %s\n", store_role_allow_text(r, text,
	    sizeof text));
	buf_printf(b, "rows: %s\n", r->rows);
	buf_printf(b, "hide: %s\n", store_role_fields_text(r->hide, text,
	    sizeof text));
	buf_printf(b, "read_only: %s\n", store_role_fields_text(r->read_only,
	    text, sizeof text));
}

static int
access_role_dec(struct store *st, const char *name, const MDB_val *v,
    struct store_role *r)
{
	char	*text, *line, *save, *colon, *value;
	int	 rc = STORE_OK;

	memset(r, 0, sizeof *r);
	snprintf(r->name, sizeof r->name, "%s", name);
	text = xstrndup(v->mv_data, v->mv_size);
	for (line = strtok_r(text, "\n", &save); line != NULL &&
	    rc == STORE_OK; line = strtok_r(NULL, "\n", &save)) {
		if ((colon = strchr(line, ':')) == NULL)
			continue;
		*colon = '\0';
		value = colon + 1 + (colon[1] == ' ');
		if (*value != '\0')
			rc = access_option(st, line, value, r);
	}
	free(text);
	if (rc != STORE_OK)
		return (store_err(st, STORE_IO, NULL, _("role %s: damaged "
		    "record (%s)"), name, st->err.msg));
	return (STORE_OK);
}

static int
access_role_read(struct store *st, MDB_txn *txn, const char *name,
    struct store_role *r)
{
	MDB_val	v;
	char	key[STORE_ROLE_NAME_MAX + 8];
	int	rc;

	access_builtin(name, r);
	if (r->builtin)
		return (STORE_OK);
	snprintf(key, sizeof key, "role:%s", name);
	if ((rc = store_get(st, txn, DB_META, key, strlen(key), &v)) ==
	    STORE_NOTFOUND)
		return (store_err(st, STORE_NOTFOUND, "role",
		    _("no role %s"), name));
	if (rc != STORE_OK)
		return (rc);
	return (access_role_dec(st, name, &v, r));
}

static int
access_role_write(struct store *st, const struct store_role *r,
    const char *action)
{
	struct wtx	w;
	struct buf	b;
	char		key[STORE_ROLE_NAME_MAX + 8];
	int		rc;

	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	buf_init(&b);
	access_role_enc(&b, r);
	snprintf(key, sizeof key, "role:%s", r->name);
	rc = store_put(st, w.txn, DB_META, key, strlen(key), b.p, b.len, 0);
	buf_addc(&b, '\0');
	if (rc == STORE_OK)
		rc = audit_add(&w, "role", action, "", "", "",
		    (const char *)b.p);
	buf_free(&b);
	if (rc != STORE_OK) {
		store_wabort(&w);
		return (rc);
	}
	return (store_wcommit(&w));
}

int
store_role_get(struct store *st, const char *name, struct store_role *r)
{
	MDB_txn	*txn;
	int	 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_ADMIN, STORE_ACT_VIEW)) != 0)
		return (rc);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	rc = access_role_read(st, txn, name, r);
	mdb_txn_abort(txn);
	return (rc);
}

/* A stored role, decoded and passed on (store_role_each). */
struct access_role_walk {
	struct store	*st;
	int		(*cb)(const struct store_role *, void *);
	void		*arg;
};

static int
access_role_one(const char *rest, size_t len, const MDB_val *v, void *arg)
{
	struct access_role_walk	*rw = arg;
	struct store_role	 r;
	char			 name[STORE_ROLE_NAME_MAX + 1];
	int			 rc;

	codec_copy_text(name, sizeof name, rest, len);
	if ((rc = access_role_dec(rw->st, name, v, &r)) != STORE_OK)
		return (rc);
	return (rw->cb(&r, rw->arg));
}

int
store_role_each(struct store *st,
    int (*cb)(const struct store_role *, void *), void *arg)
{
	static const char *const builtins[] = { "admin", "staff", "viewer",
	    "door" };
	struct access_role_walk	 rw = { st, cb, arg };
	struct store_role	 r;
	MDB_txn			*txn;
	size_t			 i;
	int			 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_ADMIN, STORE_ACT_VIEW)) != 0)
		return (rc);
	for (i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
		access_builtin(builtins[i], &r);
		if ((rc = cb(&r, arg)) != 0)
			return (rc);
	}
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	rc = meta_each(st, txn, "role:", access_role_one, &rw);
	mdb_txn_abort(txn);
	return (rc);
}

int
store_role_add(struct store *st, const char *name, const char *from)
{
	struct store_role	r;
	MDB_txn			*txn;
	int			rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_ADMIN, STORE_ACT_EDIT)) != 0 ||
	    (rc = access_name_check(st, name)) != STORE_OK)
		return (rc);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	rc = access_role_read(st, txn, name, &r);
	if (rc == STORE_OK)
		rc = store_err(st, STORE_EXISTS, "role",
		    _("role %s already exists"), name);
	else if (rc == STORE_NOTFOUND) {
		memset(&r, 0, sizeof r);
		rc = from == NULL ? STORE_OK :
		    access_role_read(st, txn, from, &r);
	}
	mdb_txn_abort(txn);
	if (rc != STORE_OK)
		return (rc);
	snprintf(r.name, sizeof r.name, "%s", name);
	r.builtin = false;
	return (access_role_write(st, &r, "add"));
}

int
store_role_set(struct store *st, const char *name, char *const *opts,
    size_t n)
{
	struct store_role	r;
	MDB_txn			*txn;
	size_t			i;
	int			rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_ADMIN, STORE_ACT_EDIT)) != 0)
		return (rc);
	if (access_is_builtin(name))
		return (store_err(st, STORE_INVALID, "role", _("role %s is "
		    "built in: copy it with \"role add NAME --from %s\""),
		    name, name));
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	rc = access_role_read(st, txn, name, &r);
	mdb_txn_abort(txn);
	for (i = 0; rc == STORE_OK && i + 1 < n; i += 2)
		rc = access_option(st, opts[i], opts[i + 1], &r);
	if (rc == STORE_OK && n % 2 != 0)
		rc = store_err(st, STORE_INVALID, "role",
		    _("option %s needs a value"), opts[n - 1]);
	if (rc != STORE_OK)
		return (rc);
	return (access_role_write(st, &r, "edit"));
}

/* The first user holding ROLE into *UID: STORE_OK or STORE_NOTFOUND. */
/* A user's entry: its uid from the key, its role the value. */
static uint32_t
access_uid_of(const char *rest, size_t len)
{
	char	num[16];

	codec_copy_text(num, sizeof num, rest, len);	/* not NUL-ended */
	return ((uint32_t)strtoul(num, NULL, 10));
}

struct access_user_walk {
	const char	*role;		/* access_user_with: the role sought */
	uint32_t	 uid;
	int		(*cb)(uint32_t uid, const char *role, void *);
	void		*arg;
};

static int
access_user_match(const char *rest, size_t len, const MDB_val *v, void *arg)
{
	struct access_user_walk	*uw = arg;

	if (uw->role != NULL && (v->mv_size != strlen(uw->role) ||
	    memcmp(v->mv_data, uw->role, v->mv_size) != 0))
		return (0);
	uw->uid = access_uid_of(rest, len);
	return (1);
}

static int
access_user_with(struct store *st, MDB_txn *txn, const char *role,
    uint32_t *uid)
{
	struct access_user_walk	uw = { role, 0, NULL, NULL };
	int			rc;

	if ((rc = meta_each(st, txn, "user:", access_user_match, &uw)) == 1) {
		*uid = uw.uid;
		return (STORE_OK);
	}
	return (rc == STORE_OK ? STORE_NOTFOUND : rc);
}

int
store_role_delete(struct store *st, const char *name)
{
	struct store_role	r;
	struct wtx		w;
	char			key[STORE_ROLE_NAME_MAX + 8];
	uint32_t		uid;
	int			rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_ADMIN, STORE_ACT_DELETE)) != 0)
		return (rc);
	if (access_is_builtin(name))
		return (store_err(st, STORE_INVALID, "role",
		    _("role %s is built in"), name));
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	if ((rc = access_role_read(st, w.txn, name, &r)) != STORE_OK)
		goto fail;
	if ((rc = access_user_with(st, w.txn, name, &uid)) == STORE_OK) {
		rc = store_err(st, STORE_HASREFS, "role", _("role %s is the "
		    "role of uid %lu: give that user another role first"),
		    name, (unsigned long)uid);
		goto fail;
	}
	snprintf(key, sizeof key, "role:%s", name);
	if ((rc = store_del(st, w.txn, DB_META, key, strlen(key))) !=
	    STORE_OK || (rc = audit_add(&w, "role", "delete", "", "", name,
	    "")) != STORE_OK)
		goto fail;
	return (store_wcommit(&w));
fail:
	store_wabort(&w);
	return (rc);
}

int
store_user_set(struct store *st, uint32_t uid, const char *role)
{
	struct store_role	r;
	struct wtx		w;
	char			key[32], text[STORE_ROLE_NAME_MAX + 32];
	int			rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_ADMIN, STORE_ACT_EDIT)) != 0)
		return (rc);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	if ((rc = access_role_read(st, w.txn, role, &r)) != STORE_OK)
		goto fail;
	snprintf(key, sizeof key, "user:%lu", (unsigned long)uid);
	snprintf(text, sizeof text, "uid=%lu; role=%s", (unsigned long)uid,
	    role);
	if ((rc = store_put(st, w.txn, DB_META, key, strlen(key), role,
	    strlen(role), 0)) != STORE_OK ||
	    (rc = audit_add(&w, "user", "edit", "", "", "", text)) !=
	    STORE_OK)
		goto fail;
	return (store_wcommit(&w));
fail:
	store_wabort(&w);
	return (rc);
}

int
store_user_delete(struct store *st, uint32_t uid)
{
	struct wtx	w;
	char		key[32], text[48];
	int		rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_ADMIN, STORE_ACT_DELETE)) != 0)
		return (rc);
	if ((rc = store_wbegin(st, &w)) != STORE_OK)
		return (rc);
	snprintf(key, sizeof key, "user:%lu", (unsigned long)uid);
	snprintf(text, sizeof text, "uid=%lu", (unsigned long)uid);
	if ((rc = store_del(st, w.txn, DB_META, key, strlen(key))) ==
	    STORE_NOTFOUND)
		rc = store_err(st, STORE_NOTFOUND, "user", _("uid %lu has no "
		    "role"), (unsigned long)uid);
	if (rc != STORE_OK || (rc = audit_add(&w, "user", "delete", "", "",
	    text, "")) != STORE_OK) {
		store_wabort(&w);
		return (rc);
	}
	return (store_wcommit(&w));
}

static int
access_user_one(const char *rest, size_t len, const MDB_val *v, void *arg)
{
	struct access_user_walk	*uw = arg;
	char			 role[STORE_ROLE_NAME_MAX + 1];

	codec_copy_text(role, sizeof role, v->mv_data, v->mv_size);
	return (uw->cb(access_uid_of(rest, len), role, uw->arg));
}

int
store_user_each(struct store *st,
    int (*cb)(uint32_t uid, const char *role, void *), void *arg)
{
	struct access_user_walk	 uw = { NULL, 0, cb, arg };
	MDB_txn			*txn;
	int			 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_ADMIN, STORE_ACT_VIEW)) != 0)
		return (rc);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	rc = meta_each(st, txn, "user:", access_user_one, &uw);
	mdb_txn_abort(txn);
	return (rc);
}

static void
access_user_name(uint32_t uid, char *out, size_t size)
{
	struct passwd	*pw;

	if ((pw = getpwuid((uid_t)uid)) != NULL)
		snprintf(out, size, "%s", pw->pw_name);
	else
		snprintf(out, size, "uid %lu", (unsigned long)uid);
}

static int
access_norole(struct store *st, uint32_t admin_uid)
{
	char	me[64], admin[64];

	access_user_name((uint32_t)getuid(), me, sizeof me);
	access_user_name(admin_uid, admin, sizeof admin);
	return (store_err(st, STORE_PERM, NULL, _("%s has no role in this "
	    "database: ask %s (an admin) to run \"sanka user set %s "
	    "ROLE\""), me, admin, me));
}

int
store_privilege_dropped(struct store *st)
{
	store_actor_refresh(st);
	if (st->norole)
		return (access_norole(st, st->norole_admin));
	st->deferred = false;
	return (access_rows(st));
}

/* The caller's role: uid 0 is admin; a user with a role has it; the owner
 * of data.mdb is admin while no user has a role; anyone else is refused,
 * told whom to ask. */
static int
access_choose(struct store *st, MDB_txn *txn, uid_t owner)
{
	MDB_val		 v;
	char		 key[32], role[STORE_ROLE_NAME_MAX + 1];
	uint32_t	 uid = (uint32_t)getuid(), other;
	int		 rc;

	if (uid == 0) {
		access_builtin("admin", &st->role);
		return (STORE_OK);
	}
	snprintf(key, sizeof key, "user:%lu", (unsigned long)uid);
	rc = store_get(st, txn, DB_META, key, strlen(key), &v);
	if (rc == STORE_OK) {
		codec_copy_text(role, sizeof role, v.mv_data, v.mv_size);
		return (access_role_read(st, txn, role, &st->role));
	}
	if (rc != STORE_NOTFOUND)
		return (rc);
	rc = access_user_with(st, txn, NULL, &other);
	if (rc == STORE_NOTFOUND && uid == (uint32_t)owner) {
		access_builtin("admin", &st->role);
		return (STORE_OK);
	}
	if (rc != STORE_OK && rc != STORE_NOTFOUND)
		return (rc);
	if (access_user_with(st, txn, "admin", &other) != STORE_OK)
		other = (uint32_t)owner;
	if (st->flags & STORE_SHARED) {
		/* privileged: no name service yet; refused after the drop */
		memset(&st->role, 0, sizeof st->role);
		st->norole = true;
		st->norole_admin = other;
		return (STORE_OK);
	}
	return (access_norole(st, other));
}

int
access_load(struct store *st, uid_t owner)
{
	MDB_txn	*txn;
	int	 rc;

	if (store_nfields > 64)
		return (store_err(st, STORE_IO, NULL, "store_fields: more "
		    "than 64 rows"));
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	rc = access_choose(st, txn, owner);
	mdb_txn_abort(txn);
	/* privileged: a filter may read the clock and the zone; until
	 * store_privilege_dropped every right is refused */
	if (rc == STORE_OK && (st->flags & STORE_SHARED))
		st->deferred = true;
	return (rc == STORE_OK && !st->deferred ? access_rows(st) : rc);
}

/* The role's rows filter, parsed. */
static int
access_rows(struct store *st)
{
	struct store_filter_error	 fe;
	uint64_t			 hide;
	int				 rc;

	if (st->role.rows[0] == '\0')
		return (STORE_OK);
	/* the admin's rows may name a field the role does not see */
	hide = st->role.hide;
	st->role.hide = 0;
	rc = store_filter_parse_line(st, st->role.rows, &st->rows, &fe);
	st->role.hide = hide;
	if (rc != STORE_OK)
		return (store_err(st, STORE_IO, NULL, _("role %s: its rows "
		    "filter no longer reads: %s"), st->role.name, fe.msg));
	return (STORE_OK);
}

void
access_free(struct store *st)
{
	store_filter_free(st->rows);
	st->rows = NULL;
}

const struct store_role *
store_role_current(const struct store *st)
{
	return (&st->role);
}

bool
store_field_hidden(const struct store *st, const struct store_field *f)
{
	return ((st->role.hide & ((uint64_t)1 << (size_t)(f - store_fields)))
	    != 0);
}

int
access_refuse(struct store *st, const char *right, const char *fmt, ...)
{
	va_list	ap;
	char	msg[sizeof st->err.msg];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	st->refused = true;
	snprintf(st->refusal, sizeof st->refusal, "role=%s; right=%s",
	    st->role.name, right);
	return (store_err(st, STORE_PERM, right, "%s", msg));
}

/* The audit record of a refusal, written once no transaction is open
 * (not in a read-only open, which cannot write). */
void
access_flush(struct store *st)
{
	struct store_error	saved = st->err;
	struct wtx		w;

	if (!st->refused)
		return;
	st->refused = false;
	if ((st->flags & STORE_READONLY) && !st->audit_rw)
		return;		/* a read-only file system: nowhere to write */
	st->auditing = true;	/* the one write a read-only open makes */
	if (store_wbegin(st, &w) == STORE_OK) {
		if (audit_add(&w, "access", "refused", "", "", "",
		    st->refusal) == STORE_OK)
			(void)store_wcommit(&w);
		else
			store_wabort(&w);
	}
	st->auditing = false;
	st->err = saved;
}

int
access_need(struct store *st, enum store_area area, unsigned action)
{
	char	right[32];
	size_t	j;

	if (st->deferred)
		return (store_err(st, STORE_PERM, NULL, "the group privilege "
		    "was not dropped (store_privilege_dropped)"));
	if ((st->role.allow[area] & action) == action)
		return (STORE_OK);
	for (j = 0; j < ACCESS_NACTIONS && !(action & (1u << j)); j++)
		;
	snprintf(right, sizeof right, "%s:%s", access_areas[area],
	    j < ACCESS_NACTIONS ? access_actions[j] : "?");
	access_refuse(st, right, _("role %s lacks the right %s"),
	    st->role.name, right);
	access_flush(st);
	return (STORE_PERM);
}

int
store_access(struct store *st, enum store_area area, unsigned action)
{
	store_err_clear(st);
	return (access_need(st, area, action));
}
