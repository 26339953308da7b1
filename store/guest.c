/* guest.c -- a guest who is not a member, added at the door and checked
 * in at once; the ID is the next number of the database's most common ID
 * pattern (M001 -> M002), else G0001. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/checkin-int.h"

#define GUEST_DEFAULT_ID	"G0001"

/* One ID pattern: a prefix and a count of trailing digits. */
struct guest_pattern {
	char		 prefix[STORE_ID_MAX + 1];
	size_t		 width;
	char		 max[STORE_ID_MAX + 1];	/* the largest digits seen */
	size_t		 count;
};

/* The patterns seen, in an open-addressing hash table. */
struct guest_patterns {
	struct guest_pattern	*slot;
	size_t			 cap, used;
	struct guest_pattern	*best;
};

static size_t
guest_hash(const char *prefix, size_t plen, size_t width)
{
	size_t	h = 2166136261u ^ width, i;

	for (i = 0; i < plen; i++)
		h = (h ^ (unsigned char)prefix[i]) * 16777619u;
	return (h);
}

static struct guest_pattern *
guest_find(struct guest_patterns *ps, const char *prefix, size_t plen,
    size_t width)
{
	struct guest_pattern	*p;
	size_t			 i;

	i = guest_hash(prefix, plen, width) & (ps->cap - 1);
	for (;; i = (i + 1) & (ps->cap - 1)) {
		p = &ps->slot[i];
		if (p->width == 0 || (p->width == width &&
		    strlen(p->prefix) == plen &&
		    memcmp(p->prefix, prefix, plen) == 0))
			return (p);
	}
}

static void
guest_grow(struct guest_patterns *ps)
{
	struct guest_patterns	 old = *ps;
	struct guest_pattern	*p, *q;
	size_t			 i;

	ps->cap = old.cap == 0 ? 64 : old.cap * 2;
	ps->slot = xcalloc(ps->cap, sizeof *ps->slot);
	ps->best = NULL;
	for (i = 0; i < old.cap; i++) {
		p = &old.slot[i];
		if (p->width == 0)
			continue;
		q = guest_find(ps, p->prefix, strlen(p->prefix), p->width);
		*q = *p;
		if (ps->best == NULL || q->count > ps->best->count)
			ps->best = q;
	}
	free(old.slot);
}

/* Count ID (LEN bytes) into its pattern. */
static void
guest_count(struct guest_patterns *ps, const char *id, size_t len)
{
	struct guest_pattern	*p;
	size_t			 width = 0;

	while (width < len && id[len - width - 1] >= '0' &&
	    id[len - width - 1] <= '9')
		width++;
	if (width == 0 || len > STORE_ID_MAX)
		return;
	if ((ps->used + 1) * 2 > ps->cap)
		guest_grow(ps);
	p = guest_find(ps, id, len - width, width);
	if (p->width == 0) {
		memcpy(p->prefix, id, len - width);
		p->prefix[len - width] = '\0';
		p->width = width;
		ps->used++;
	}
	p->count++;
	if (p->max[0] == '\0' || memcmp(id + len - width, p->max, width) > 0) {
		memcpy(p->max, id + len - width, width);
		p->max[width] = '\0';
	}
	/* ties go to the pattern seen first (the smaller ID) */
	if (ps->best == NULL || p->count > ps->best->count)
		ps->best = p;
}

/* ID plus one, keeping its digit count unless every digit was 9. */
static void
guest_increment(char id[STORE_ID_MAX + 1])
{
	size_t	len = strlen(id), end = len, i;

	while (end > 0 && (id[end - 1] < '0' || id[end - 1] > '9'))
		end--;
	for (i = end; i > 0 && id[i - 1] >= '0' && id[i - 1] <= '9'; i--) {
		if (id[i - 1] != '9') {
			id[i - 1]++;
			return;
		}
		id[i - 1] = '0';
	}
	if (len + 1 > STORE_ID_MAX)
		return;		/* 64 bytes of nines: the exists loop ends it */
	memmove(id + i + 1, id + i, len - i + 1);
	id[i] = '1';
}

/* The next guest ID as seen in TXN. */
static int
guest_next_id(struct store *st, MDB_txn *txn, char out[STORE_ID_MAX + 1])
{
	struct guest_patterns	 ps;
	struct cur		 c;
	MDB_val			 k, v;
	int			 rc, op, tries;

	memset(&ps, 0, sizeof ps);
	if ((rc = store_cursor(st, txn, DB_MEMBERS, &c)) != STORE_OK)
		return (rc);
	for (op = MDB_FIRST; (rc = cur_get(&c, &k, &v, op)) == 0;
	    op = MDB_NEXT)
		guest_count(&ps, k.mv_data, k.mv_size);
	cur_close(&c);
	if (ps.best != NULL) {
		/* prefix + width digits is an ID seen: at most 64 bytes */
		size_t plen = strlen(ps.best->prefix);

		memcpy(out, ps.best->prefix, plen);
		memcpy(out + plen, ps.best->max, ps.best->width + 1);
	}
	free(ps.slot);
	if (rc != MDB_NOTFOUND)
		return (store_mdb(st, rc, "members"));
	if (ps.best == NULL)
		snprintf(out, STORE_ID_MAX + 1, "%s", GUEST_DEFAULT_ID);
	else
		guest_increment(out);
	for (tries = 0; tries < 1000; tries++) {
		rc = store_get(st, txn, DB_MEMBERS, out, strlen(out), &v);
		if (rc == STORE_NOTFOUND)
			return (STORE_OK);
		if (rc != STORE_OK)
			return (rc);
		guest_increment(out);
	}
	return (store_err(st, STORE_EXISTS, "member_id",
	    _("no free member ID after %s"), out));
}

int
store_guest_next_id(struct store *st, char out[STORE_ID_MAX + 1])
{
	MDB_txn	*txn;
	int	 rc;

	store_err_clear(st);
	if ((rc = store_rbegin(st, &txn)) != STORE_OK)
		return (rc);
	rc = guest_next_id(st, txn, out);
	mdb_txn_abort(txn);
	return (rc);
}

static int
guest_audit(struct ck_run *r, const struct store_member *m)
{
	struct buf	old, nw;
	int		rc;

	buf_init(&old);
	buf_init(&nw);
	member_diff(&old, &nw, NULL, m);
	buf_addc(&old, '\0');
	buf_addc(&nw, '\0');
	rc = audit_add(&r->w, "member", "add", m->id, r->event,
	    (const char *)old.p, (const char *)nw.p);
	buf_free(&old);
	buf_free(&nw);
	return (rc);
}

int
store_checkin_guest(struct store *st, const char *event, const char *door,
    const struct store_member *guest, struct store_checkin *out)
{
	struct store_member	in, m;
	struct ck_run		r;
	int			rc;

	store_err_clear(st);
	in = *guest;
	snprintf(in.id, sizeof in.id, "%s", GUEST_DEFAULT_ID);
	if ((rc = member_norm(st, &in, &m)) != STORE_OK)
		return (rc);
	if ((rc = ck_begin(st, &r, event, door)) != STORE_OK)
		goto out;
	if ((rc = guest_next_id(st, r.w.txn, m.id)) != STORE_OK)
		goto fail;
	m.version = 1;
	m.updated_at = r.w.now;
	snprintf(m.updated_by, sizeof m.updated_by, "%s", st->actor);
	if ((rc = member_write(&r.w, NULL, &m)) != STORE_OK ||
	    (rc = guest_audit(&r, &m)) != STORE_OK)
		goto fail;
	memset(out, 0, sizeof *out);
	snprintf(out->text, sizeof out->text, "%s", m.id);
	if ((rc = ck_one(&r, out)) != STORE_OK)
		goto fail;
	if (out->outcome != STORE_CHECKIN_OK) {
		rc = store_err(st, STORE_IO, NULL, _("guest %s: the check-in "
		    "was refused"), m.id);
		goto fail;
	}
	rc = store_wcommit(&r.w);
	goto out;
fail:
	store_wabort(&r.w);
out:
	store_member_free(&m);
	return (rc);
}
