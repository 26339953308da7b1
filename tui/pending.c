/* pending.c -- ordering and filtering the records whose final status is empty. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/pending.h"

void
pending_row_set(struct pending_row *p, const struct store_att_row *r,
    const char *today)
{
	char	*f;

	memset(p, 0, sizeof *p);
	p->r = *r;
	p->r.a.note = NULL;	/* borrowed from the store's callback */
	p->past = strcmp(r->event_date, today) <= 0;
	f = store_fold(r->member_kana[0] != '\0' ? r->member_kana :
	    r->member_name);
	if (f != NULL) {
		snprintf(p->fold, sizeof p->fold, "%s", f);
		free(f);
	}
}

int
pending_cmp(const void *va, const void *vb)
{
	const struct pending_row	*a = va, *b = vb;
	int				 c;

	if (a->past != b->past)
		return (a->past ? -1 : 1);
	c = strcmp(a->r.event_date, b->r.event_date);
	if (c != 0)
		return (a->past ? -c : c);
	if ((c = strcmp(a->r.a.event, b->r.a.event)) != 0)
		return (c);
	if ((c = strcmp(a->fold, b->fold)) != 0)
		return (c);
	return (strcmp(a->r.a.member, b->r.a.member));
}

int
pending_match(const char *text, const char *fquery)
{
	char	*f;
	int	 hit;

	if (fquery == NULL || *fquery == '\0')
		return (1);
	if (text == NULL || (f = store_fold(text)) == NULL)
		return (0);
	hit = strstr(f, fquery) != NULL;
	free(f);
	return (hit);
}

int
pending_visible(const struct pending_row *p, int show_declined,
    const char *fquery)
{
	if (!show_declined && p->r.a.response == STORE_RESP_DECLINED)
		return (0);
	if (fquery == NULL || *fquery == '\0')
		return (1);
	return (strstr(p->fold, fquery) != NULL ||
	    pending_match(p->r.a.member, fquery) ||
	    pending_match(p->r.member_name, fquery) ||
	    pending_match(p->r.a.event, fquery) ||
	    pending_match(p->r.event_name, fquery));
}

void
pending_key(const void *row, char *buf, size_t size)
{
	const struct pending_row	*p = row;

	snprintf(buf, size, "%s\t%s", p->r.a.event, p->r.a.member);
}

int
pending_same(const void *va, const void *vb)
{
	const struct pending_row	*a = va, *b = vb;

	return (strcmp(a->r.a.event, b->r.a.event) == 0 &&
	    strcmp(a->r.a.member, b->r.a.member) == 0);
}
