/* progress.h -- the import's progress bar on stderr (a terminal only). */
#ifndef SANKA_TUI_PROGRESS_H
#define SANKA_TUI_PROGRESS_H

#include "import/import.h"

struct progress;

/* When stderr is a terminal, a bar drawn by O's progress callback, which
 * this sets; else NULL, and O is left without one. */
struct progress	*progress_attach(struct import_opts *o);
/* Clear the bar's line (if still drawn) and free it; NULL is fine. */
void		 progress_free(struct progress *);

#endif
