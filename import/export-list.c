/* export-list.c -- a CSV of the caller's rows (a report, the mail-merge
 * list) through the export writer: the same quoting, formula guard,
 * encodings and all-or-nothing file as every export. */

#include <stdlib.h>

#include "import/import-int.h"

struct export_list {
	struct exp	 x;
	const bool	*text;
	size_t		 ncols;
	bool		 open;
};

struct export_list *
export_list_open(struct store *st, const struct export_opts *o,
    const char *const *header, const bool *text, size_t ncols)
{
	struct export_list	*l;

	l = xcalloc(1, sizeof *l);
	l->text = text;
	l->ncols = ncols;
	if (exp_open(&l->x, st, o) == IMPORT_OK) {
		l->open = true;
		exp_header(&l->x, header, ncols);
	}
	return (l);
}

void
export_list_row(struct export_list *l, const char *const *cells)
{
	size_t	i;

	if (!l->open)
		return;
	for (i = 0; i < l->ncols; i++)
		exp_cell(&l->x, cells[i], l->text != NULL && l->text[i]);
	exp_end_row(&l->x);
}

int
export_list_close(struct export_list *l, int src)
{
	int	rc = exp_close(&l->x, src);

	free(l);
	return (rc);
}
