/* bulk-alert.c -- what an import took away: a final status changed, a
 * total lowered, a last date moved.  The members' aggregates as they were
 * before the import touched them are kept here, compared at the end, and
 * each such record or member is told to the importer (store_import). */

#include <stdlib.h>
#include <string.h>

#include "store/bulk-int.h"

/* The value kept per touch: the aggregate before it. */
struct bulk_before {
	uint32_t	total;
	char		last_date[STORE_DATE_SIZE];
};

void
bulk_alert_before(struct bulk *b, const char *member)
{
	struct bulk_before	 v;
	struct agg		 g;
	unsigned char		 key[STORE_ID_MAX + 1 + 8];
	size_t			 n = strlen(member);
	uint64_t		 seq = b->nbefore++;
	int			 i;

	if (b->src->alert == NULL)
		return;
	memset(&v, 0, sizeof v);
	if (agg_get(&b->w, member, &g) == STORE_OK) {
		v.total = g.s.total;
		memcpy(v.last_date, g.s.last_date, sizeof v.last_date);
	}
	/* ID, NUL, the touch's number big-endian: sorted, a member's first
	 * touch comes first */
	memcpy(key, member, n + 1);
	for (i = 7; i >= 0; i--, seq >>= 8)
		key[n + 1 + (size_t)i] = (unsigned char)seq;
	kvset_add(&b->before, key, n + 9, &v, sizeof v);
}

void
bulk_alert_record(struct bulk *b, const char *member, const char *event,
    int old_final, int new_final)
{
	struct bulk_rec_alert	*a;

	if (b->src->alert == NULL)
		return;
	if (b->nrecal == b->caprecal) {
		b->caprecal = b->caprecal == 0 ? 64 : 2 * b->caprecal;
		b->recal = xrealloc(b->recal, b->caprecal * sizeof *b->recal);
	}
	a = &b->recal[b->nrecal++];
	str_copy(a->member, sizeof a->member, member);
	str_copy(a->event, sizeof a->event, event);
	a->old_final = old_final;
	a->new_final = new_final;
}

/* The first touch of MEMBER in the sorted set, or NULL. */
static const struct sort_key *
bulk_alert_find(const struct bulk *b, const char *member)
{
	size_t	lo = 0, hi = b->before.n, mid, n = strlen(member) + 1;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = memcmp(b->before.e[mid].k, member, n);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < b->before.n && memcmp(b->before.e[lo].k, member, n) == 0)
		return (&b->before.e[lo]);
	return (NULL);
}

/* Fill A's totals and last dates for its member: before and now. */
static int
bulk_alert_fill(struct bulk *b, const struct sort_key *e,
    struct store_import_alert *a)
{
	struct bulk_before	 v;
	struct agg		 g;
	int			 rc;

	memcpy(&v, e->k + e->len, sizeof v);
	a->old_total = v.total;
	memcpy(a->old_last, v.last_date, sizeof a->old_last);
	memset(&g, 0, sizeof g);
	if ((rc = agg_get(&b->w, a->member, &g)) != STORE_OK &&
	    rc != STORE_NOTFOUND)
		return (rc);
	a->new_total = g.s.total;
	memcpy(a->new_last, g.s.last_date, sizeof a->new_last);
	return (STORE_OK);
}

int
bulk_alerts(struct bulk *b)
{
	struct store_import_alert	 a;
	const struct sort_key		*e;
	bool				*told;
	size_t				 i;
	int				 rc = STORE_OK;

	if (b->src->alert == NULL)
		return (STORE_OK);
	kvset_sort(&b->before);
	told = xcalloc(b->before.n + 1, sizeof *told);
	for (i = 0; i < b->nrecal && rc == STORE_OK; i++) {
		memset(&a, 0, sizeof a);
		a.member = b->recal[i].member;
		a.event = b->recal[i].event;
		a.old_final = b->recal[i].old_final;
		a.new_final = b->recal[i].new_final;
		if ((e = bulk_alert_find(b, a.member)) == NULL)
			continue;
		told[e - b->before.e] = true;
		if ((rc = bulk_alert_fill(b, e, &a)) == STORE_OK)
			b->src->alert(b->src->arg, &a);
	}
	for (i = 0; i < b->before.n && rc == STORE_OK; i++) {
		e = &b->before.e[i];
		if (i > 0 && strcmp((const char *)e[-1].k,
		    (const char *)e->k) == 0)
			continue;	/* a later touch of the same member */
		if (told[i])
			continue;
		memset(&a, 0, sizeof a);
		a.member = (const char *)e->k;
		a.event = "";
		a.old_final = a.new_final = STORE_KEEP;
		if ((rc = bulk_alert_fill(b, e, &a)) != STORE_OK)
			break;
		/* a later last date is new attendance, not a loss */
		if (a.new_total < a.old_total ||
		    strcmp(a.new_last, a.old_last) < 0)
			b->src->alert(b->src->arg, &a);
	}
	free(told);
	return (rc);
}
