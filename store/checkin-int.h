/* checkin-int.h -- private to store/checkin.c and store/guest.c: one run
 * of check-ins inside one write transaction. */
#ifndef SANKA_CHECKIN_INT_H
#define SANKA_CHECKIN_INT_H

#include "store/store-int.h"

struct ck_run {
	struct wtx	 w;
	char		 event[STORE_ID_MAX + 1];	/* folded */
	char		 date[STORE_DATE_SIZE];
	int32_t		 capacity;	/* 0: no limit */
	uint32_t	 attended;	/* the event's attended records so far
					   (counted only with a capacity) */
	char		 by[STORE_USER_SIZE];	/* checked_in_by to record */
};

/* Begin R: a write transaction on event EVENT (as typed) for DOOR.
 * STORE_OK, STORE_NOTFOUND (no such event), or an environment error; on
 * an error no transaction is left open. */
int	ck_begin(struct store *, struct ck_run *r, const char *event,
	    const char *door);
/* Resolve and check in IT inside R.  STORE_OK with IT's outcome filled,
 * or an environment error (R must then be aborted). */
int	ck_one(struct ck_run *r, struct store_checkin *it);

#endif
