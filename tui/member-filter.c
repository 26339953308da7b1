/* member-filter.c -- the members panel's filter line: what it keeps, a
 * source for the list, saving it.  No curses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "store/xmalloc.h"
#include "tui/member-filter.h"

void
member_filter_init(struct member_filter *mf)
{
	memset(mf, 0, sizeof *mf);
	field_init(&mf->q);
}

static void
member_filter_clear(struct member_filter *mf)
{
	size_t	i;

	for (i = 0; i < mf->n; i++)
		free(mf->ids[i]);
	free(mf->ids);
	mf->ids = NULL;
	mf->n = mf->left = mf->suspended = 0;
}

void
member_filter_free(struct member_filter *mf)
{
	member_filter_clear(mf);
	field_free(&mf->q);
}

static int
member_filter_collect(const struct store_member *m,
    const struct store_stats *s, void *arg)
{
	struct member_filter	*mf = arg;

	(void)s;
	mf->ids = xreallocarray(mf->ids, mf->n + 1, sizeof *mf->ids);
	mf->ids[mf->n++] = xstrdup(m->id);
	mf->left += m->status == STORE_MEMBER_LEFT;
	mf->suspended += m->status == STORE_MEMBER_SUSPENDED;
	return (0);
}

int
member_filter_update(struct member_filter *mf, struct store *st)
{
	struct store_select_counts	 c;
	struct store_filter_error	 e;
	struct store_filter		*f;
	int				 rc;

	mf->err[0] = '\0';
	if (*field_text(&mf->q) == '\0') {
		member_filter_clear(mf);
		mf->applied = 0;
		return (0);
	}
	if (store_filter_parse_line(st, field_text(&mf->q), &f, &e) !=
	    STORE_OK) {
		snprintf(mf->err, sizeof mf->err, _("word %zu \"%s\": %s"),
		    e.word, e.text, e.msg);
		return (-1);
	}
	member_filter_clear(mf);
	rc = store_select(st, f, STORE_USE_VIEW, NULL, member_filter_collect,
	    mf, &c);
	store_filter_free(f);
	mf->applied = rc == STORE_OK;
	return (rc);
}

static int
member_filter_cmp(const void *key, const void *elem)
{
	return (strcmp(key, *(char *const *)elem));
}

/* Copy S into DST (SIZE bytes) cut at a whole character. */
static void
member_filter_copy(char *dst, size_t size, const char *s)
{
	size_t	n = s != NULL ? strlen(s) : 0;

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	if (n != 0)
		memcpy(dst, s, n);
	dst[n] = '\0';
}

int
member_filter_fetch(struct member_filter *mf, struct store *st,
    const struct store_member_row *after, struct store_member_row *rows,
    size_t n, size_t *got)
{
	struct store_member	 m;
	struct store_stats	 s;
	char			**at;
	size_t			 i = 0;
	int			 rc = 0;

	*got = 0;
	if (after != NULL) {
		at = bsearch(after->id, mf->ids, mf->n, sizeof *mf->ids,
		    member_filter_cmp);
		i = at != NULL ? (size_t)(at - mf->ids) + 1 : mf->n;
	}
	for (; i < mf->n && *got < n; i++) {
		if ((rc = store_member_get(st, mf->ids[i], &m, &s)) ==
		    STORE_NOTFOUND)
			continue;	/* deleted since */
		if (rc != STORE_OK)
			return (rc);
		memset(&rows[*got], 0, sizeof rows[*got]);
		member_filter_copy(rows[*got].id, sizeof rows[*got].id, m.id);
		member_filter_copy(rows[*got].name, sizeof rows[*got].name,
		    m.name);
		member_filter_copy(rows[*got].kana, sizeof rows[*got].kana,
		    m.kana);
		member_filter_copy(rows[*got].email, sizeof rows[*got].email,
		    m.email);
		rows[*got].status = m.status;
		rows[*got].total = s.total;
		memcpy(rows[*got].last_date, s.last_date, sizeof s.last_date);
		memcpy(rows[*got].last_event, s.last_event,
		    sizeof s.last_event);
		store_member_free(&m);
		(*got)++;
	}
	return (0);
}

int
member_filter_save(struct member_filter *mf, struct store *st,
    const char *name)
{
	char	**words, **plain;
	size_t	  n, nplain;
	int	  rc;

	/* a saved filter holds plain words: @NAMEs in it are expanded */
	store_filter_words(field_text(&mf->q), &words, &n);
	if ((rc = store_filter_expand(st, (const char *const *)words, n,
	    &plain, &nplain)) == STORE_OK) {
		rc = store_filter_save(st, name, (const char *const *)plain,
		    nplain);
		store_words_free(plain, nplain);
	}
	store_words_free(words, n);
	return (rc);
}
