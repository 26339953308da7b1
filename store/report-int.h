/* report-int.h -- private to the report files of store/: one report run
 * (its read transaction, the events, the years its rows span). */
#ifndef SANKA_REPORT_INT_H
#define SANKA_REPORT_INT_H

#include "store/store-int.h"

/* An event as the reports see it. */
struct rpt_event {
	char		 code[STORE_ID_MAX + 1];
	char		 date[STORE_DATE_SIZE];
	char		 name[STORE_ROWTEXT_SIZE];
	int32_t		 capacity;
	int		 year;		/* its report year */
	bool		 past;		/* date <= today */
	size_t		 row;		/* events: 1 + its row, 0: none */
};

/* A set of member IDs. */
struct rpt_idset {
	char		**e;
	size_t		  n, cap;	/* cap: 0 or a power of two */
};

struct rpt {
	struct store		*st;
	struct rtx		 rx;
	const struct store_report_opts *opts;
	struct store_report	*out;
	char			 today[STORE_DATE_SIZE];
	struct rpt_event	*ev;		/* every event, by code */
	size_t			 nev, capev;
	int			 ymin, ymax;	/* the years of the rows */
	struct rpt_idset	 keep;		/* what the filter keeps */
	bool			 use_keep;
};

int	 rpt_begin(struct store *, enum store_report_kind,
	    const struct store_report_opts *, struct store_report *,
	    struct rpt *);
void	 rpt_free(struct rpt *);
int	 rpt_events_load(struct rpt *);
int	 rpt_year_of(const char *date, bool calendar);
/* report-list.c: lapsed, top, noshow, never. */
int	 rpt_list(struct rpt *,
	    int (*cb)(const struct store_report_member *, void *), void *arg);

#endif
