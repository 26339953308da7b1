/* checks.c -- checks across rows and files: duplicates, references, hints. */

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import-int.h"
#include "store/i18n.h"

#define CHECKS_LINES	10	/* lines named in one warning */

struct hent {
	uint64_t	 h;
	uint32_t	 idx;		/* in sorted members */
};

/* --- sorting ------------------------------------------------------------ */

static int
checks_pos_cmp(const char *a, const char *b)
{
	const struct rowhdr	*x = row_hdr(a), *y = row_hdr(b);

	if (x->file != y->file)
		return (x->file < y->file ? -1 : 1);
	return (x->line < y->line ? -1 : x->line > y->line);
}

/* ROWS[0..N) (in file order) sorted by SLOT, or by event and member for
 * ATT, then by position: a new array. */
static char **
checks_sorted(const struct imp *imp, char **rows, size_t n, size_t slot,
    bool att)
{
	struct sort_key	*e;
	char		**out, *keys = NULL, *p = NULL;
	const char	 *ev, *mem;
	size_t		  i, total = 0, a, b;

	out = xcalloc(n + 1, sizeof *out);
	if (!att) {
		/* often already in order */
		for (i = 1; i < n; i++)
			if (strcmp(row_slot(rows[i - 1], slot),
			    row_slot(rows[i], slot)) > 0)
				break;
		if (i >= n) {
			if (n > 0)
				memcpy(out, rows, n * sizeof *out);
			return (out);
		}
	}
	e = xcalloc(n + 1, sizeof *e);
	if (att) {
		/* "event\0member": the two compared in turn */
		for (i = 0; i < n; i++)
			total += strlen(imp_row_event(imp, rows[i])) +
			    strlen(row_slot(rows[i], AS_MEMBER)) + 1;
		keys = p = xmalloc(total + 1);
	}
	for (i = 0; i < n; i++) {
		if (att) {
			ev = imp_row_event(imp, rows[i]);
			mem = row_slot(rows[i], AS_MEMBER);
			a = strlen(ev);
			b = strlen(mem);
			memcpy(p, ev, a + 1);
			memcpy(p + a + 1, mem, b);
			e[i].k = (const unsigned char *)p;
			e[i].len = (uint32_t)(a + 1 + b);
			p += a + 1 + b;
		} else {
			e[i].k = (const unsigned char *)row_slot(rows[i], slot);
			e[i].len = (uint32_t)strlen((const char *)e[i].k);
		}
		e[i].tag = (uint32_t)i;
	}
	sort_keys(e, n);
	for (i = 0; i < n; i++)
		out[i] = rows[e[i].tag];
	free(e);
	free(keys);
	return (out);
}

static void
checks_sort(struct imp *imp, enum import_kind k)
{
	struct rowset	*rs = &imp->rs[k];

	imp->nsorted[k] = rs->n;
	imp->sorted[k] = checks_sorted(imp, rs->row, rs->n, 0,
	    k == IMPORT_KIND_ATTENDANCE);
}

/* "FILE:LINE" of row R, or "line N" in FILE itself. */
static void
checks_where(const struct imp *imp, const char *r, uint32_t file, char *buf,
    size_t size)
{
	const struct rowhdr	*h = row_hdr(r);

	if (h->file == file)
		snprintf(buf, size, _("line %u"), h->line);
	else
		snprintf(buf, size, "%s:%u", imp->f[h->file].path, h->line);
}

static void	checks_error_at(struct imp *, const char *, size_t,
		    const char *, ...) __attribute__((format(printf, 4, 5)));

static void
checks_error_at(struct imp *imp, const char *r, size_t slot, const char *fmt,
    ...)
{
	const struct rowhdr	*h = row_hdr(r);
	const char		*name;
	size_t			 col = imp_slot_col(imp, h->file, slot, &name);
	char			 msg[1024];
	va_list			 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_error(&imp->d, h->file, h->line, col, name, "%s", msg);
}

/* Rows with the same key, in one file or two. */
static void
checks_dups(struct imp *imp, enum import_kind k)
{
	char	**s = imp->sorted[k], where[512];
	size_t	  i, first = 0;

	for (i = 1; i < imp->nsorted[k]; i++) {
		const char	*a = s[first], *b = s[i];
		bool		 same;

		if (k == IMPORT_KIND_ATTENDANCE)
			same = strcmp(imp_row_event(imp, a),
			    imp_row_event(imp, b)) == 0 &&
			    strcmp(row_slot(a, AS_MEMBER),
			    row_slot(b, AS_MEMBER)) == 0;
		else
			same = strcmp(row_slot(a, 0), row_slot(b, 0)) == 0;
		if (!same) {
			first = i;
			continue;
		}
		checks_where(imp, a, row_hdr(b)->file, where, sizeof where);
		if (k == IMPORT_KIND_MEMBERS)
			checks_error_at(imp, b, MS_ID, _("member %s appears "
			    "twice: also on %s"), row_slot(b, 0), where);
		else if (k == IMPORT_KIND_EVENTS)
			checks_error_at(imp, b, ES_CODE, _("event %s appears "
			    "twice: also on %s"), row_slot(b, 0), where);
		else {
			char	what[2 * STORE_ID_MAX + 64];

			snprintf(what, sizeof what, "%s / %s",
			    imp_row_event(imp, b), row_slot(b, AS_MEMBER));
			checks_error_at(imp, b, AS_MEMBER, _("the record %s "
			    "appears twice: also on %s"), what, where);
		}
	}
}

/* Binary search for KEY among the sorted rows of KIND. */
static const char *
checks_find(const struct imp *imp, enum import_kind k, const char *key,
    size_t *at)
{
	size_t	lo = 0, hi = imp->nsorted[k], mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(row_slot(imp->sorted[k][mid], 0), key);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < imp->nsorted[k] &&
	    strcmp(row_slot(imp->sorted[k][lo], 0), key) == 0) {
		if (at != NULL)
			*at = lo;
		return (imp->sorted[k][lo]);
	}
	return (NULL);
}

static bool
checks_db_member(struct imp *imp, const char *id)
{
	struct store_member	m;
	int			rc;

	if (imp->store_empty)
		return (false);
	memset(&m, 0, sizeof m);
	rc = store_member_get(imp->st, id, &m, NULL);
	if (rc == STORE_OK)
		store_member_free(&m);
	return (rc == STORE_OK);
}

static bool
checks_db_event(struct imp *imp, const char *code)
{
	struct store_event	e;
	int			rc;

	memset(&e, 0, sizeof e);
	rc = store_event_get(imp->st, code, &e, NULL);
	if (rc == STORE_OK)
		store_event_free(&e);
	return (rc == STORE_OK);
}

static bool
checks_event_known(struct imp *imp, const char *code)
{
	size_t	i;

	if (checks_find(imp, IMPORT_KIND_EVENTS, code, NULL) != NULL)
		return (true);
	for (i = 0; i < imp->nev; i++)
		if (imp->ev[i].created && strcmp(imp->ev[i].code, code) == 0)
			return (true);
	return (checks_db_event(imp, code));
}

/* --- events named by name and date ------------------------------------- */

/* The key of an event named NAME on DATE: its name folded as the store
 * matches names (width, case, every kind of space). */
static char *
checks_evkey(const char *name, const char *date)
{
	char	*folded, *key;

	if ((folded = store_fold(name)) == NULL)
		folded = xstrdup(name);
	key = xmalloc(strlen(folded) + strlen(date) + 2);
	sprintf(key, "%s\x1f%s", folded, date);
	free(folded);
	return (key);
}

/* Event E, named by name and date and not in this import: the stored
 * event that matches (two matching: an error naming both), or a new one
 * with a stable code from its date and a number -- with a warning when a
 * stored event on that date has a name a letter or two away. */
static void
checks_evref_stored(struct imp *imp, struct evref *e)
{
	char		 near[STORE_ID_MAX + 1];
	unsigned	 seq;
	int		 rc;

	rc = store_event_find(imp->st, e->name, e->date, e->code);
	if (rc == STORE_OK) {
		e->found = true;
		return;
	}
	if (rc != STORE_NOTFOUND) {
		e->code[0] = '\0';
		diag_error(&imp->d, e->file, e->line, 0, NULL, "%s",
		    store_last_error(imp->st)->msg);
		return;
	}
	for (seq = 1;; seq++) {
		snprintf(e->code, sizeof e->code, "E%.4s%.2s%.2s-%u",
		    e->date, e->date + 5, e->date + 8, seq);
		if (!checks_event_known(imp, e->code))
			break;
	}
	e->created = true;
	imp->ncreated++;
	if (store_event_similar(imp->st, e->name, e->date, near) == STORE_OK)
		diag_warn(&imp->d, e->file, e->line, 0, NULL, _("a new event "
		    "\"%s\" on %s (%s), but event %s on that date has a "
		    "similar name: check the spelling, or give the event "
		    "code"), e->name, e->date, e->code, near);
}

static void
checks_evrefs(struct imp *imp)
{
	struct strmap	 byname;
	char		**keys = NULL;
	size_t		 i, nkeys = 0;
	const uint32_t	 AMBIG = UINT32_MAX;

	strmap_init(&byname);
	keys = xcalloc(imp->nsorted[IMPORT_KIND_EVENTS] + 1,
	    sizeof *keys);
	for (i = 0; i < imp->nsorted[IMPORT_KIND_EVENTS]; i++) {
		const char	*v[ES_N];
		uint32_t	*slot;

		row_slots(imp->sorted[IMPORT_KIND_EVENTS][i], v, ES_N);
		if (*v[ES_NAME] == '\0' || *v[ES_DATE] == '\0')
			continue;
		keys[nkeys] = checks_evkey(v[ES_NAME], v[ES_DATE]);
		slot = strmap_put(&byname, keys[nkeys], (uint32_t)i);
		if (*slot != i)
			*slot = AMBIG;
		nkeys++;
	}
	for (i = 0; i < imp->nev; i++) {
		struct evref	*e = &imp->ev[i];
		char		*key;
		uint32_t	*v;

		key = checks_evkey(e->name, e->date);
		v = strmap_get(&byname, key);
		free(key);
		if (v != NULL) {
			if (*v == AMBIG) {
				diag_error(&imp->d, e->file, e->line, 0, NULL,
				    _("several events of this import are "
				    "named \"%s\" on %s: give the event code"),
				    e->name, e->date);
				continue;
			}
			snprintf(e->code, sizeof e->code, "%s", row_slot(
			    imp->sorted[IMPORT_KIND_EVENTS][*v], ES_CODE));
			e->found = true;
			continue;
		}
		checks_evref_stored(imp, e);
	}
	for (i = 0; i < nkeys; i++)
		free(keys[i]);
	free(keys);
	strmap_free(&byname);
}

/* --- references of attendance rows --------------------------------------- */

static void
checks_event_refs(struct imp *imp)
{
	char	**s = imp->sorted[IMPORT_KIND_ATTENDANCE];
	size_t	  i;
	bool	  known = false;

	for (i = 0; i < imp->nsorted[IMPORT_KIND_ATTENDANCE]; i++) {
		const char	*code = imp_row_event(imp, s[i]);

		if (*code == '\0')
			continue;	/* an unresolved name: reported */
		if (i == 0 || strcmp(code, imp_row_event(imp, s[i - 1])) != 0)
			known = checks_event_known(imp, code) ||
			    strmap_get(&imp->badkeys[IMPORT_KIND_EVENTS],
			    code) != NULL;
		if (!known)
			checks_error_at(imp, s[i], AS_EVENT, _("event %s "
			    "exists neither in the database nor in this "
			    "import%s"), code, "");
	}
}

/* A hint for an unknown all-digit ID: a zero-padded one that exists. */
static void
checks_zero_hint(struct imp *imp, const char *id, char *hint, size_t size)
{
	char	padded[STORE_ID_MAX + 1];
	size_t	n = strlen(id), z;

	hint[0] = '\0';
	if (!store_digits(id) || id[0] == '0')
		return;
	for (z = 1; n + z <= 12 && n + z <= STORE_ID_MAX; z++) {
		memset(padded, '0', z);
		memcpy(padded + z, id, n + 1);
		if (checks_find(imp, IMPORT_KIND_MEMBERS, padded, NULL) !=
		    NULL || checks_db_member(imp, padded)) {
			snprintf(hint, size, _(" (but %s exists: did Excel "
			    "remove the leading zeros? format the column as "
			    "text)"), padded);
			return;
		}
	}
}

/* Every attendance row naming a member that exists neither in the import
 * nor in the database is an error.  The distinct references are looked up
 * in key order, no member decoded (a walk of every member cost 5x the
 * lookups at 200,000 members). */
static void
checks_member_refs_now(struct imp *imp)
{
	struct rowset		*rs = &imp->rs[IMPORT_KIND_ATTENDANCE];
	char			**bym, **refs, hint[256];
	const char		**ids;
	size_t			 n = rs->n, i;
	size_t			 nd = 0, d;
	bool			*known;

	if (n == 0)
		return;
	bym = checks_sorted(imp, rs->row, n, AS_MEMBER, false);
	/* Distinct IDs not in the import, at the front of REFS. */
	refs = xcalloc(n, sizeof *refs);
	ids = xcalloc(n, sizeof *ids);
	for (i = 0; i < n; i++) {
		const char	*id = row_slot(bym[i], AS_MEMBER);

		if (i > 0 && strcmp(id, row_slot(bym[i - 1], AS_MEMBER)) == 0)
			continue;
		if (checks_find(imp, IMPORT_KIND_MEMBERS, id, NULL) != NULL ||
		    strmap_get(&imp->badkeys[IMPORT_KIND_MEMBERS], id) != NULL)
			continue;
		ids[nd] = id;
		refs[nd++] = bym[i];
	}
	known = xcalloc(nd + 1, sizeof *known);
	/* A failed read names no row: store_import refuses them anyway. */
	if (!imp->store_empty && nd > 0 &&
	    store_members_exist(imp->st, ids, nd, known) != STORE_OK)
		for (d = 0; d < nd; d++)
			known[d] = true;
	/* Report every row naming an unknown member. */
	d = 0;
	for (i = 0; i < n && d < nd; i++) {
		const char	*id = row_slot(bym[i], AS_MEMBER);
		int		 c = strcmp(id, row_slot(refs[d], AS_MEMBER));

		while (c > 0 && ++d < nd)
			c = strcmp(id, row_slot(refs[d], AS_MEMBER));
		if (d >= nd || c != 0 || known[d])
			continue;
		checks_zero_hint(imp, id, hint, sizeof hint);
		checks_error_at(imp, bym[i], AS_MEMBER, _("member %s exists "
		    "neither in the database nor in this import%s"), id, hint);
	}
	free(known);
	free(ids);
	free(refs);
	free(bym);
}

/* With members in the database, looking each reference up (or walking
 * every member) costs more than the import: store_import refuses a
 * record of an unknown member anyway, and only then are the rows named
 * (checks_refs_failed; the member rows of the import are released while
 * the store takes them, so only an import without members waits). */
static void
checks_member_refs(struct imp *imp)
{
	if (imp->rs[IMPORT_KIND_ATTENDANCE].n == 0)
		return;
	if (!imp->store_empty && imp->rs[IMPORT_KIND_MEMBERS].n == 0) {
		imp->refs_deferred = true;
		return;
	}
	checks_member_refs_now(imp);
}

int
checks_refs_failed(struct imp *imp)
{
	if (imp->refs_deferred) {
		imp->refs_deferred = false;
		checks_member_refs_now(imp);
	}
	return (imp->d.nerrors > 0 ? -1 : 0);
}

/* Members and events of files without a name column must exist. */
static void
checks_existing(struct imp *imp)
{
	size_t		i;
	const char	*r;

	for (i = 0; i < imp->nsorted[IMPORT_KIND_MEMBERS]; i++) {
		r = imp->sorted[IMPORT_KIND_MEMBERS][i];
		if ((row_hdr(r)->flags & ROW_NEEDS_EXISTING) &&
		    !checks_db_member(imp, row_slot(r, MS_ID)))
			checks_error_at(imp, r, MS_ID, _("member %s is not in "
			    "the database, and the file has no name column to "
			    "add it%s"), row_slot(r, MS_ID), "");
	}
	for (i = 0; i < imp->nsorted[IMPORT_KIND_EVENTS]; i++) {
		r = imp->sorted[IMPORT_KIND_EVENTS][i];
		if ((row_hdr(r)->flags & ROW_NEEDS_EXISTING) &&
		    !checks_db_event(imp, row_slot(r, ES_CODE)))
			checks_error_at(imp, r, ES_CODE, _("event %s is not in "
			    "the database, and the file lacks the name or date "
			    "column to add it%s"), row_slot(r, ES_CODE), "");
	}
}

/* --- warnings ----------------------------------------------------------- */

/* All-digit IDs of mixed widths: the short ones look zero-stripped. */
static void
checks_widths(struct imp *imp)
{
	size_t		 count[STORE_ID_MAX + 1], i, w = 0, nlist = 0, n;
	size_t		 nshown = 0;
	char		 lines[CHECKS_LINES * 16];
	size_t		 len = 0;
	uint32_t	 file = 0;
	const char	*id;
	char		**s = imp->sorted[IMPORT_KIND_MEMBERS];

	n = imp->nsorted[IMPORT_KIND_MEMBERS];
	memset(count, 0, sizeof count);
	for (i = 0; i < n; i++) {
		id = row_slot(s[i], MS_ID);
		if (id[0] == '0' && store_digits(id))
			count[strlen(id)]++;
	}
	for (i = 1; i <= STORE_ID_MAX; i++)
		if (count[i] > count[w])
			w = i;
	if (w == 0 || count[w] == 0)
		return;
	lines[0] = '\0';
	for (i = 0; i < n; i++) {
		id = row_slot(s[i], MS_ID);
		if (id[0] == '0' || !store_digits(id) || strlen(id) >= w)
			continue;
		if (nlist == 0)
			file = row_hdr(s[i])->file;
		if (nshown < CHECKS_LINES && row_hdr(s[i])->file == file) {
			len += (size_t)snprintf(lines + len, sizeof lines - len,
			    "%s%u", nshown > 0 ? ", " : "",
			    row_hdr(s[i])->line);
			nshown++;
		}
		nlist++;
	}
	if (nlist == 0)
		return;
	diag_warn(&imp->d, file, 0, 0, NULL, _("%zu member IDs are shorter "
	    "than the %zu-digit IDs with leading zeros (lines %s%s): did "
	    "Excel remove their zeros? they are imported as written"), nlist,
	    w, lines, nlist > nshown ? ", ..." : "");
}

/* The hash of a member's folded key for a likely-duplicate check: KIND 0
 * the e-mail, 1 the name and reading (joined by 0x1f).  False when it
 * has none. */
static bool
checks_duphash(const char *email, const char *name, const char *kana,
    int kind, uint64_t *h)
{
	char	*a, *b;
	bool	 ok;

	if (kind == 0) {
		if (email == NULL || *email == '\0' ||
		    (a = store_fold(email)) == NULL)
			return (false);
		*h = hash_str(a);
		free(a);
		return (true);
	}
	if (name == NULL || *name == '\0' || kana == NULL || *kana == '\0')
		return (false);
	a = store_fold(name);
	b = store_fold(kana);
	if ((ok = a != NULL && b != NULL))
		*h = hash_more(hash_more(hash_str(a), "\x1f"), b);
	free(a);
	free(b);
	return (ok);
}

/* Sort A[0..N) by hash, equal hashes in their order (a stable radix sort,
 * 16 bits a pass). */
static void
checks_hent_sort(struct hent *a, size_t n)
{
	struct hent	*tmp, *src = a, *dst;
	size_t		*count, i, sum, c;
	unsigned	 shift;

	tmp = xcalloc(n + 1, sizeof *tmp);
	count = xmalloc(65536 * sizeof *count);
	dst = tmp;
	for (shift = 0; shift < 64; shift += 16) {
		memset(count, 0, 65536 * sizeof *count);
		for (i = 0; i < n; i++)
			count[src[i].h >> shift & 0xffff]++;
		for (i = 0, sum = 0; i < 65536; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[src[i].h >> shift & 0xffff]++] = src[i];
		src = dst;
		dst = dst == tmp ? a : tmp;
	}
	/* four passes: the result is back in A */
	free(tmp);
	free(count);
}

/* Likely duplicates are found by the 64-bit hash of the folded key: one
 * fold per member, groups of equal hashes, each later member of a group
 * named once against the first, the database once per group. */
struct checks_db {
	struct imp	*imp;
	struct hent	*h[2];
	size_t		 nh[2];
	bool		*warned[2];	/* by position in h: group done */
	bool		*indb;		/* by sorted member index */
	char		**zero;		/* import rows that look stripped */
	char		(*zero_db)[STORE_ID_MAX + 1];
	size_t		 nzero;
};

/* Warn that R looks like OTHER, which is the row FIRST or, when that is
 * NULL, in the database. */
static void
checks_warn_dup(struct imp *imp, const char *r, int kind, const char *other,
    const char *first)
{
	const char	*name;
	size_t		 col;
	char		 where[512];

	if (!diag_warn_wanted(&imp->d, row_hdr(r)->file, row_hdr(r)->line))
		return;
	col = imp_slot_col(imp, row_hdr(r)->file, kind == 0 ? MS_EMAIL :
	    MS_NAME, &name);
	if (first != NULL)
		checks_where(imp, first, row_hdr(r)->file, where, sizeof where);
	else
		snprintf(where, sizeof where, "%s", _("in the database"));
	diag_warn(&imp->d, row_hdr(r)->file, row_hdr(r)->line, col, name,
	    kind == 0 ? _("member %s has the same e-mail as %s (%s): the same "
	    "person? (sanka merge KEEP DROP)") : _("member %s has the same "
	    "name and reading as %s (%s): the same person? (sanka merge KEEP "
	    "DROP)"), row_slot(r, MS_ID), other, where);
}

static int
checks_db_cb(const struct store_member *m, const struct store_stats *s,
    void *arg)
{
	struct checks_db	*c = arg;
	struct imp		*imp = c->imp;
	size_t			 at, lo, hi, mid;
	int			 kind;
	const char		*p;

	(void)s;
	if (checks_find(imp, IMPORT_KIND_MEMBERS, m->id, &at) != NULL) {
		c->indb[at] = true;
		return (0);
	}
	if (m->id[0] == '0' && store_digits(m->id)) {
		for (p = m->id; *p == '0'; p++)
			;
		if (*p != '\0' && checks_find(imp, IMPORT_KIND_MEMBERS, p,
		    &at) != NULL && c->nzero < IMPORT_LIST_MAX) {
			c->zero[c->nzero] = imp->sorted[IMPORT_KIND_MEMBERS][at];
			snprintf(c->zero_db[c->nzero], STORE_ID_MAX + 1, "%s",
			    m->id);
			c->nzero++;
		}
	}
	for (kind = 0; kind < 2; kind++) {
		uint64_t	 h;

		if (c->nh[kind] == 0 || !checks_duphash(m->email, m->name,
		    m->kana, kind, &h))
			continue;
		lo = 0;
		hi = c->nh[kind];
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (c->h[kind][mid].h < h)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < c->nh[kind] && c->h[kind][lo].h == h &&
		    !c->warned[kind][lo]) {
			c->warned[kind][lo] = true;
			checks_warn_dup(imp, imp->sorted[IMPORT_KIND_MEMBERS][
			    c->h[kind][lo].idx], kind, m->id, NULL);
		}
	}
	return (0);
}

/* The hashes of one kind of likely-duplicate key of every member. */
struct checks_hashjob {
	char		**s;
	size_t		  n;
	int		  kind;
	struct hent	 *h;
	size_t		  nh;
};

static void *
checks_hash_main(void *arg)
{
	struct checks_hashjob	*j = arg;
	const char		*v[MS_EMAIL + 1];
	uint64_t		 h;
	size_t			 i;

	for (i = 0; i < j->n; i++) {
		row_slots(j->s[i], v, MS_EMAIL + 1);
		if (!checks_duphash(v[MS_EMAIL], v[MS_NAME], v[MS_KANA],
		    j->kind, &h))
			continue;
		j->h[j->nh].h = h;
		j->h[j->nh].idx = (uint32_t)i;
		j->nh++;
	}
	checks_hent_sort(j->h, j->nh);
	return (NULL);
}

static void
checks_likely_dups(struct imp *imp)
{
	struct checks_db	 c;
	char			**s = imp->sorted[IMPORT_KIND_MEMBERS];
	size_t			 n = imp->nsorted[IMPORT_KIND_MEMBERS], i, j;
	struct checks_hashjob	 job[2];
	pthread_t		 th;
	bool			 threaded;
	int			 kind;

	if (n == 0)
		return;
	memset(&c, 0, sizeof c);
	c.imp = imp;
	/* the e-mails hashed by a second thread, the names here */
	for (kind = 0; kind < 2; kind++) {
		job[kind].s = s;
		job[kind].n = n;
		job[kind].kind = kind;
		job[kind].h = xcalloc(n, sizeof *job[kind].h);
		job[kind].nh = 0;
	}
	threaded = thread_start(&th, checks_hash_main, &job[0]) == 0;
	checks_hash_main(&job[1]);
	if (threaded)
		pthread_join(th, NULL);
	else
		checks_hash_main(&job[0]);
	for (kind = 0; kind < 2; kind++) {
		c.h[kind] = job[kind].h;
		c.nh[kind] = job[kind].nh;
		c.warned[kind] = xcalloc(c.nh[kind] + 1, sizeof(bool));
		/* In the import itself: each later member of a group once,
		 * against the first in file order. */
		for (i = 0; i < c.nh[kind]; i = j) {
			const char	*first = s[c.h[kind][i].idx];

			for (j = i + 1; j < c.nh[kind] &&
			    c.h[kind][j].h == c.h[kind][i].h; j++)
				if (checks_pos_cmp(s[c.h[kind][j].idx],
				    first) < 0)
					first = s[c.h[kind][j].idx];
			for (j = i; j < c.nh[kind] &&
			    c.h[kind][j].h == c.h[kind][i].h; j++) {
				const char	*r = s[c.h[kind][j].idx];

				if (r == first)
					continue;
				checks_warn_dup(imp, r, kind,
				    row_slot(first, MS_ID), first);
			}
		}
	}
	/* Against the database. */
	if (!imp->store_empty) {
		c.indb = xcalloc(n, sizeof *c.indb);
		c.zero = xcalloc(IMPORT_LIST_MAX, sizeof *c.zero);
		c.zero_db = xcalloc(IMPORT_LIST_MAX, sizeof *c.zero_db);
		store_member_each(imp->st, checks_db_cb, &c);
		for (i = 0; i < c.nzero; i++) {
			size_t		 at;
			const char	*name;
			size_t		 col;

			if (checks_find(imp, IMPORT_KIND_MEMBERS,
			    row_slot(c.zero[i], MS_ID), &at) != NULL &&
			    c.indb[at])
				continue;
			col = imp_slot_col(imp, row_hdr(c.zero[i])->file,
			    MS_ID, &name);
			diag_warn(&imp->d, row_hdr(c.zero[i])->file,
			    row_hdr(c.zero[i])->line, col, name,
			    _("%s is a new member, but the database has %s: "
			    "did Excel remove the leading zeros? format the "
			    "column as text"), row_slot(c.zero[i], MS_ID),
			    c.zero_db[i]);
		}
		free(c.indb);
		free(c.zero);
		free(c.zero_db);
	}
	for (kind = 0; kind < 2; kind++) {
		free(c.h[kind]);
		free(c.warned[kind]);
	}
}

/* --- all checks ----------------------------------------------------------- */

int
checks_run(struct imp *imp)
{
	enum import_kind	k;

	imp->store_empty = store_member_count(imp->st) == 0;
	checks_sort(imp, IMPORT_KIND_MEMBERS);
	checks_sort(imp, IMPORT_KIND_EVENTS);
	checks_dups(imp, IMPORT_KIND_MEMBERS);
	checks_dups(imp, IMPORT_KIND_EVENTS);
	checks_evrefs(imp);
	checks_sort(imp, IMPORT_KIND_ATTENDANCE);
	checks_dups(imp, IMPORT_KIND_ATTENDANCE);
	checks_event_refs(imp);
	checks_member_refs(imp);
	checks_existing(imp);
	checks_widths(imp);
	checks_likely_dups(imp);
	for (k = IMPORT_KIND_MEMBERS; k <= IMPORT_KIND_ATTENDANCE; k++) {
		/* The file-order arrays are no longer needed. */
		if (k == IMPORT_KIND_ATTENDANCE && imp->refs_deferred)
			continue;
		free(imp->rs[k].row);
		imp->rs[k].row = NULL;
		imp->rs[k].cap = 0;
	}
	return (imp->d.nerrors > 0 ? -1 : 0);
}

void
checks_free(struct imp *imp)
{
	enum import_kind	k;

	for (k = 0; k < 4; k++) {
		free(imp->sorted[k]);
		imp->sorted[k] = NULL;
		imp->nsorted[k] = 0;
	}
}
