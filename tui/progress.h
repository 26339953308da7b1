/* progress.h -- the progress bar on stderr (a terminal only) of an
 * import or of a caller's own loop (a mailing). */
#ifndef SANKA_TUI_PROGRESS_H
#define SANKA_TUI_PROGRESS_H

#include "import/import.h"

struct progress;

/* When stderr is a terminal, a bar drawn by O's progress callback, which
 * this sets; else NULL, and O is left without one. */
struct progress	*progress_attach(struct import_opts *o);
/* A bar of LABEL for a caller's own loop, counting UNIT ("messages",
 * static), when stderr is a terminal; else NULL.  Step it with DONE of
 * TOTAL (NULL is fine). */
struct progress	*progress_new(const char *label, const char *unit);
void		 progress_step(struct progress *, uint64_t done,
		    uint64_t total);
/* Clear the bar's line (if still drawn) and free it; NULL is fine. */
void		 progress_free(struct progress *);

#endif
