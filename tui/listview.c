/* listview.c -- cursor, scrolling, paging and tags of every list. */
#include <stdlib.h>
#include <string.h>

#include "tui/listview.h"
#include "store/xmalloc.h"

#define LISTVIEW_KEEP	512	/* paged lists hold about this many rows */
#define LISTVIEW_TOEND	20000	/* listview_end() on a forward-only source */

void
listview_init(struct listview *lv, size_t rowsize)
{
	memset(lv, 0, sizeof *lv);
	lv->rowsize = rowsize;
	lv->height = 1;
	lv->at_start = lv->at_end = 1;
}

void
listview_free(struct listview *lv)
{
	listview_tag_clear(lv);
	free(lv->tags);
	free(lv->rows);
	memset(lv, 0, sizeof *lv);
}

void
listview_set_source(struct listview *lv, listview_fetch_fn fetch, void *arg,
    int backward_ok)
{
	lv->fetch = fetch;
	lv->arg = arg;
	lv->backward_ok = backward_ok;
	lv->keep = backward_ok ? LISTVIEW_KEEP : 0;
	listview_clear(lv);
	lv->at_start = 1;
	lv->at_end = 0;
}

void
listview_clear(struct listview *lv)
{
	lv->n = 0;
	lv->err = 0;
	if (lv->fetch == NULL)
		lv->at_start = lv->at_end = 1;
}

static void
listview_reserve(struct listview *lv, size_t n)
{
	size_t	cap;

	if (n <= lv->cap)
		return;
	cap = lv->cap < 64 ? 64 : lv->cap;
	while (cap < n)
		cap *= 2;
	lv->rows = xreallocarray(lv->rows, cap, lv->rowsize);
	lv->cap = cap;
}

void *
listview_push(struct listview *lv, const void *row)
{
	void	*p;

	listview_reserve(lv, lv->n + 1);
	p = lv->rows + lv->n * lv->rowsize;
	memcpy(p, row, lv->rowsize);
	lv->n++;
	return (p);
}

void *
listview_row(const struct listview *lv, size_t i)
{
	return (i < lv->n ? lv->rows + i * lv->rowsize : NULL);
}

void *
listview_current(const struct listview *lv)
{
	return (listview_row(lv, lv->cur));
}

/* Keep cur within the rows and on the screen. */
static void
listview_clamp(struct listview *lv)
{
	if (lv->height == 0)
		lv->height = 1;
	if (lv->n == 0) {
		lv->cur = lv->top = 0;
		return;
	}
	if (lv->cur >= lv->n)
		lv->cur = lv->n - 1;
	if (lv->top > lv->cur)
		lv->top = lv->cur;
	if (lv->cur >= lv->top + lv->height)
		lv->top = lv->cur - lv->height + 1;
	/* No empty lines below the last row when rows above could show. */
	if (lv->at_end && lv->top + lv->height > lv->n)
		lv->top = lv->n > lv->height ? lv->n - lv->height : 0;
}

/* Fetch up to COUNT rows after the last row held (or from the start of
 * an empty list) and append them. */
static void
listview_fetch_after(struct listview *lv, size_t count)
{
	size_t	 got = 0;
	int	 rc;

	if (lv->fetch == NULL || lv->at_end || count == 0)
		return;
	listview_reserve(lv, lv->n + count);
	rc = lv->fetch(lv->arg, lv->n > 0 ? listview_row(lv, lv->n - 1) : NULL,
	    0, lv->rows + lv->n * lv->rowsize, count, &got);
	if (rc != 0) {
		lv->err = rc;
		lv->at_end = 1;
		return;
	}
	lv->n += got;
	if (got < count)
		lv->at_end = 1;
}

/* Fetch up to COUNT rows before the first row held (or from the end of
 * an empty list) and prepend them; indexes shift. */
static void
listview_fetch_before(struct listview *lv, size_t count)
{
	char	*tmp;
	size_t	 got = 0;
	int	 rc;

	if (lv->fetch == NULL || !lv->backward_ok || lv->at_start ||
	    count == 0)
		return;
	tmp = xreallocarray(NULL, count, lv->rowsize);
	rc = lv->fetch(lv->arg, lv->n > 0 ? listview_row(lv, 0) : NULL, 1,
	    tmp, count, &got);
	if (rc != 0) {
		lv->err = rc;
		lv->at_start = 1;
		free(tmp);
		return;
	}
	if (got > 0) {
		listview_reserve(lv, lv->n + got);
		if (lv->n > 0)
			memmove(lv->rows + got * lv->rowsize, lv->rows,
			    lv->n * lv->rowsize);
		memcpy(lv->rows, tmp, got * lv->rowsize);
	}
	free(tmp);
	lv->n += got;
	if (lv->n > got) {
		lv->cur += got;
		lv->top += got;
	}
	if (got < count)
		lv->at_start = 1;
}

/* A paged list drops rows far from the screen. */
static void
listview_trim(struct listview *lv)
{
	size_t	margin, drop, end;

	if (lv->keep == 0 || lv->n <= lv->keep)
		return;
	margin = lv->keep / 4 > lv->height ? lv->keep / 4 : lv->height;
	if (lv->top > margin) {
		drop = lv->top - margin;
		memmove(lv->rows, lv->rows + drop * lv->rowsize,
		    (lv->n - drop) * lv->rowsize);
		lv->n -= drop;
		lv->cur -= drop;
		lv->top -= drop;
		lv->at_start = 0;
	}
	end = lv->top + lv->height + margin;
	if (lv->n > end) {
		lv->n = end;
		lv->at_end = 0;
	}
}

/* Make sure the rows from the top row to a screen below are held. */
static void
listview_fill(struct listview *lv)
{
	size_t	want = lv->top + 2 * lv->height;

	if (lv->n < want)
		listview_fetch_after(lv, want - lv->n);
}

void
listview_set_height(struct listview *lv, size_t h)
{
	lv->height = h == 0 ? 1 : h;
	listview_fill(lv);
	listview_clamp(lv);
}

void
listview_show(struct listview *lv, size_t h)
{
	lv->height = h == 0 ? 1 : h;
	listview_clamp(lv);
}

void
listview_move(struct listview *lv, long delta)
{
	long	target = (long)lv->cur + delta;

	if (target >= (long)lv->n && !lv->at_end)
		listview_fetch_after(lv, (size_t)(target - (long)lv->n) + 1 +
		    lv->height);
	if (target < 0 && !lv->at_start) {
		size_t	before = lv->cur;

		listview_fetch_before(lv, (size_t)-target + lv->height);
		target += (long)(lv->cur - before);
	}
	if (target < 0)
		target = 0;
	if (lv->n > 0 && target >= (long)lv->n)
		target = (long)lv->n - 1;
	lv->cur = (size_t)target;
	listview_clamp(lv);
	listview_fill(lv);
	listview_clamp(lv);
	listview_trim(lv);
}

void
listview_page(struct listview *lv, int dir)
{
	size_t	h = lv->height;

	if (dir > 0) {
		if (lv->n < lv->top + 2 * h)
			listview_fetch_after(lv, lv->top + 3 * h - lv->n);
		if (lv->n == 0)
			return;
		lv->top += h;
		if (lv->top + h > lv->n)
			lv->top = lv->n > h ? lv->n - h : 0;
		lv->cur += h;
		if (lv->cur >= lv->n)
			lv->cur = lv->n - 1;
	} else {
		if (lv->top < h && !lv->at_start)
			listview_fetch_before(lv, 2 * h);
		lv->top = lv->top > h ? lv->top - h : 0;
		lv->cur = lv->cur > h ? lv->cur - h : 0;
	}
	if (lv->cur < lv->top)
		lv->cur = lv->top;
	listview_clamp(lv);
	listview_fill(lv);
	listview_trim(lv);
}

void
listview_home(struct listview *lv)
{
	if (!lv->at_start || (lv->fetch != NULL && lv->n == 0)) {
		lv->n = 0;
		lv->err = 0;
		lv->at_start = 1;
		lv->at_end = 0;
		listview_fetch_after(lv, 2 * lv->height);
	}
	lv->cur = lv->top = 0;
	listview_clamp(lv);
}

void
listview_end(struct listview *lv)
{
	if (!lv->at_end) {
		if (lv->backward_ok) {
			lv->n = 0;
			lv->err = 0;
			lv->at_end = 1;
			lv->at_start = 0;
			listview_fetch_before(lv, 2 * lv->height);
		} else {
			while (!lv->at_end && lv->n < LISTVIEW_TOEND)
				listview_fetch_after(lv, 1000);
		}
	}
	lv->cur = lv->n > 0 ? lv->n - 1 : 0;
	lv->top = lv->n > lv->height ? lv->n - lv->height : 0;
	listview_clamp(lv);
	listview_trim(lv);
}

void
listview_reselect(struct listview *lv, listview_same_fn same, const void *key,
    const void *top_key, size_t old_cur, size_t old_top)
{
	size_t	i, ti = lv->n, off = old_cur >= old_top ? old_cur - old_top : 0;

	lv->cur = old_cur;
	for (i = 0; same != NULL && i < lv->n; i++) {
		if (key != NULL && same(listview_row(lv, i), key)) {
			lv->cur = i;
			key = NULL;
		}
		if (top_key != NULL && same(listview_row(lv, i), top_key)) {
			ti = i;
			top_key = NULL;
		}
		if (key == NULL && top_key == NULL)
			break;
	}
	if (lv->n > 0 && lv->cur >= lv->n)
		lv->cur = lv->n - 1;
	/* The same first row when the cursor still shows below it (rows
	 * came or went above the cursor); else the same top line; else the
	 * cursor on the line it was on. */
	if (ti <= lv->cur && lv->cur < ti + lv->height)
		lv->top = ti;
	else if (old_top <= lv->cur && lv->cur < old_top + lv->height)
		lv->top = old_top;
	else
		lv->top = lv->cur >= off ? lv->cur - off : 0;
	listview_clamp(lv);
}

void
listview_reload(struct listview *lv, listview_same_fn same)
{
	char	*key, *tmp;
	size_t	 off, want, got = 0, old_cur = lv->cur, old_top = lv->top;
	int	 rc;

	if (lv->fetch == NULL)
		return;
	if (lv->n == 0 || !lv->backward_ok) {
		/* Forward only: fetch again from the start as far as before. */
		want = lv->n > lv->top + 2 * lv->height ? lv->n :
		    lv->top + 2 * lv->height;
		key = tmp = NULL;
		if (lv->n > 0) {
			key = xmalloc(lv->rowsize);
			memcpy(key, listview_current(lv), lv->rowsize);
		}
		if (listview_row(lv, lv->top) != NULL) {
			tmp = xmalloc(lv->rowsize);
			memcpy(tmp, listview_row(lv, lv->top), lv->rowsize);
		}
		lv->n = 0;
		lv->err = 0;
		lv->at_start = 1;
		lv->at_end = 0;
		listview_fetch_after(lv, want);
		listview_reselect(lv, same, key, tmp, old_cur, old_top);
		free(key);
		free(tmp);
		return;
	}

	key = xmalloc(lv->rowsize);
	memcpy(key, listview_current(lv), lv->rowsize);
	off = lv->cur - lv->top;
	want = off + lv->height;
	/* The rows before the cursor row's position... */
	tmp = xreallocarray(NULL, want, lv->rowsize);
	rc = lv->fetch(lv->arg, key, 1, tmp, want, &got);
	if (rc != 0) {
		lv->err = rc;
		free(tmp);
		free(key);
		return;
	}
	lv->n = 0;
	lv->err = 0;
	listview_reserve(lv, got + 2 * lv->height);
	if (got > 0)
		memcpy(lv->rows, tmp, got * lv->rowsize);
	free(tmp);
	lv->n = got;
	lv->at_start = got < want;
	lv->at_end = 0;
	/* ...then the cursor row (or what took its place) and on. */
	if (got == 0)
		lv->at_start = 1;
	listview_fetch_after(lv, 2 * lv->height);
	lv->cur = got;
	for (; lv->cur < lv->n; lv->cur++) {
		if (same(listview_row(lv, lv->cur), key))
			break;
	}
	if (lv->cur >= lv->n)
		lv->cur = got;
	free(key);
	if (lv->n > 0 && lv->cur >= lv->n)
		lv->cur = lv->n - 1;
	lv->top = lv->cur >= off ? lv->cur - off : 0;
	listview_clamp(lv);
}

/* The index where KEY is or would go in the sorted tags. */
static size_t
listview_tag_find(const struct listview *lv, const char *key, int *found)
{
	size_t	lo = 0, hi = lv->ntags, mid;
	int	c;

	*found = 0;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(lv->tags[mid], key);
		if (c == 0) {
			*found = 1;
			return (mid);
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

int
listview_tag_toggle(struct listview *lv, const char *key)
{
	size_t	i;
	int	found;

	i = listview_tag_find(lv, key, &found);
	if (found) {
		free(lv->tags[i]);
		memmove(lv->tags + i, lv->tags + i + 1,
		    (lv->ntags - i - 1) * sizeof *lv->tags);
		lv->ntags--;
		return (0);
	}
	lv->tags = xreallocarray(lv->tags, lv->ntags + 1, sizeof *lv->tags);
	memmove(lv->tags + i + 1, lv->tags + i,
	    (lv->ntags - i) * sizeof *lv->tags);
	lv->tags[i] = xstrdup(key);
	lv->ntags++;
	return (1);
}

int
listview_tagged(const struct listview *lv, const char *key)
{
	int	found;

	listview_tag_find(lv, key, &found);
	return (found);
}

void
listview_tag_clear(struct listview *lv)
{
	size_t	i;

	for (i = 0; i < lv->ntags; i++)
		free(lv->tags[i]);
	lv->ntags = 0;
}
