/* pending.c -- ordering and filtering attendance records for the screens. */
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
	snprintf(p->event, sizeof p->event, "%s", r->a.event);
	snprintf(p->member, sizeof p->member, "%s", r->a.member);
	snprintf(p->event_name, sizeof p->event_name, "%s", r->event_name);
	snprintf(p->event_date, sizeof p->event_date, "%s", r->event_date);
	snprintf(p->member_name, sizeof p->member_name, "%s",
	    r->member_name);
	snprintf(p->member_kana, sizeof p->member_kana, "%s",
	    r->member_kana);
	snprintf(p->invited_on, sizeof p->invited_on, "%s",
	    r->a.invited_on);
	p->response = (int)r->a.response;
	p->final = (int)r->a.final;
	p->version = r->a.version;
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
	c = strcmp(a->event_date, b->event_date);
	if (c != 0)
		return (a->past ? -c : c);
	if ((c = strcmp(a->event, b->event)) != 0)
		return (c);
	if ((c = strcmp(a->fold, b->fold)) != 0)
		return (c);
	return (strcmp(a->member, b->member));
}

int
pending_pcmp(const void *va, const void *vb)
{
	return (pending_cmp(*(const struct pending_row *const *)va,
	    *(const struct pending_row *const *)vb));
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
	if (!show_declined && p->response == STORE_RESP_DECLINED)
		return (0);
	if (fquery == NULL || *fquery == '\0')
		return (1);
	return (strstr(p->fold, fquery) != NULL ||
	    pending_match(p->member, fquery) ||
	    pending_match(p->member_name, fquery) ||
	    pending_match(p->event, fquery) ||
	    pending_match(p->event_name, fquery));
}

void
pending_key(const void *prow, char *buf, size_t size)
{
	const struct pending_row	*p =
	    *(const struct pending_row *const *)prow;

	snprintf(buf, size, "%s\t%s", p->event, p->member);
}

int
pending_same(const void *va, const void *vb)
{
	const struct pending_row	*a =
	    *(const struct pending_row *const *)va;
	const struct pending_row	*b =
	    *(const struct pending_row *const *)vb;

	return (strcmp(a->event, b->event) == 0 &&
	    strcmp(a->member, b->member) == 0);
}
