/* draw.c -- drawing helpers: cut text by columns, cells, lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "store/i18n.h"
#include "tui/screen.h"
#include "tui/width.h"

void
draw_text(WINDOW *w, int y, int x, int cols, const char *s, attr_t a)
{
	char	buf[2048];
	wchar_t	wbuf[2048];
	size_t	n;

	if (cols <= 0)
		return;
	width_fit(buf, sizeof buf, s, cols, WIDTH_PAD | WIDTH_ELLIPSIS);
	wattrset(w, a);
	/* Whole characters to curses: it builds them byte by byte from a
	 * string, the most of a list frame's cost.  The bottom-right cell
	 * returns ERR though it draws: ignore. */
	if ((n = mbstowcs(wbuf, buf, sizeof wbuf / sizeof wbuf[0])) !=
	    (size_t)-1 && n < sizeof wbuf / sizeof wbuf[0])
		(void)mvwaddnwstr(w, y, x, wbuf, (int)n);
	else
		(void)mvwaddstr(w, y, x, buf);
	wattrset(w, A_NORMAL);
}

void
draw_cell(char *buf, size_t size, size_t *len, const char *s, int cols,
    int right)
{
	char	cell[1024];
	int	w, pad;
	size_t	n;

	if (cols <= 0 || *len >= size)
		return;
	if (right) {
		w = width_fit(cell, sizeof cell, s, cols, WIDTH_ELLIPSIS);
		pad = cols - w;
		while (pad-- > 0 && *len + 1 < size)
			buf[(*len)++] = ' ';
	} else
		width_fit(cell, sizeof cell, s, cols,
		    WIDTH_PAD | WIDTH_ELLIPSIS);
	n = strlen(cell);
	if (*len + n + 1 > size)
		n = 0;
	memcpy(buf + *len, cell, n);
	*len += n;
	buf[*len] = '\0';
}

void
draw_flex(int rest, const int *weights, int *out, int n)
{
	int	i, sum = 0, used = 0;

	for (i = 0; i < n; i++)
		sum += weights[i];
	for (i = 0; i < n; i++) {
		out[i] = sum > 0 && rest > 0 ? rest * weights[i] / sum : 0;
		used += out[i];
	}
	if (n > 0 && rest > used)
		out[n - 1] += rest - used;
}

#define DRAW_COLUMNS_MAX	16

void
draw_columns(char *buf, size_t size, const struct column *c, size_t n,
    const char *const *cells, int cols)
{
	int	weights[DRAW_COLUMNS_MAX] = { 0 }, flex[DRAW_COLUMNS_MAX];
	int	rest = cols, nflex = 0, k = 0;
	size_t	i, len = strlen(buf);

	for (i = 0; i < n && i < DRAW_COLUMNS_MAX; i++) {
		rest -= c[i].gap + c[i].width;
		if (c[i].width == 0)
			weights[nflex++] = c[i].weight;
	}
	draw_flex(rest > 0 ? rest : 0, weights, flex, nflex);
	for (i = 0; i < n && i < DRAW_COLUMNS_MAX; i++) {
		if (c[i].gap > 0)
			draw_cell(buf, size, &len, "", c[i].gap, 0);
		/* _("") would be the catalogue's header, not "". */
		draw_cell(buf, size, &len, cells != NULL ? cells[i] :
		    c[i].label[0] != '\0' ? _(c[i].label) : "",
		    c[i].width > 0 ? c[i].width : flex[k++], c[i].right);
	}
}

void
draw_list(struct tui *t, WINDOW *w, int y0, int h, int cols,
    struct listview *lv, void (*drawrow)(struct tui *, struct screen *,
    const void *, char *, size_t, int, int *), struct screen *s)
{
	char	 buf[4096];
	size_t	 i;
	int	 y, tagged;
	attr_t	 a;

	listview_show(lv, h > 0 ? (size_t)h : 1);
	for (y = 0; y < h; y++) {
		i = lv->top + (size_t)y;
		if (i >= lv->n)
			break;
		tagged = 0;
		buf[0] = '\0';
		drawrow(t, s, listview_row(lv, i), buf, sizeof buf, cols,
		    &tagged);
		a = tui_attr(t, TA_NORMAL);
		if (tagged)
			a = tui_attr(t, TA_TAGGED);
		if (i == lv->cur)
			a |= tui_attr(t, TA_CURSOR);
		draw_text(w, y0 + y, 0, cols, buf, a);
	}
}
