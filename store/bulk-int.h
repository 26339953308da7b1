/* bulk-int.h -- private to store_import (bulk.c): the state of one
 * import, shared by the transaction path (bulk.c), the sorted path into
 * empty databases (bulk-empty.c) and the index-key thread (bulk-keys.c). */

#ifndef SANKA_BULK_INT_H
#define SANKA_BULK_INT_H

#include <pthread.h>

#include "store/store-int.h"

enum { BULK_ADDED, BULK_UPDATED, BULK_UNCHANGED };

/*
 * A set of keys without values (name_index, by_kana) as fixed records: a
 * key of up to KREC_IN bytes lies in its record, a longer one in LONGK.
 * Sorted and appended in place and in order, the records are unmapped as
 * the append passes them: the set shrinks while the database grows.
 */
#define KREC_IN		30
#define KREC_LONG	0xff
#define KREC_UNMAP	(4u << 20)	/* bytes given back at a time */

struct krec {
	unsigned char	k[KREC_IN];	/* KREC_LONG: offset, length */
	uint8_t		len;
	uint8_t		pad;
};

struct bulk_keyset {
	struct krec	*r;
	size_t		 n, cap;
	size_t		 gone;		/* bytes unmapped at the start */
	bool		 mapped;	/* r is from mmap, not malloc */
	struct buf	 longk;
};

struct bulk_mem {
	const char	*id;		/* while building: an offset in ids */
	int32_t		 past;
	int64_t		 total;		/* PAST_IS_TOTAL: the total given */
	char		 past_date[STORE_DATE_SIZE];
	int		 cls;
};

struct bulk_ev {
	char	code[STORE_ID_MAX + 1];
	char	date[STORE_DATE_SIZE];
};

/*
 * The name_index and by_kana keys of new members are built, and sorted,
 * by a second thread while this one writes: the members' search texts go
 * to it in batches ("id\0name\0kana\0email\0" each), it folds them into
 * the two sets, and once told the members are done it sorts name_index's
 * set, then by_kana's.  It never touches the transaction.  Without a thread
 * the batches are worked through here.
 */
#define BULK_BATCH	(64 * 1024)	/* bytes of a batch */
#define BULK_QUEUE	8		/* batches waiting at most */

enum { KEYS_BUILDING, KEYS_NAMES_SORTED, KEYS_SORTED };

struct bulk_keys {
	pthread_t	 th;
	bool		 threaded;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct buf	 fill;			/* the batch being filled */
	struct buf	 queue[BULK_QUEUE];
	size_t		 head, tail;		/* queued: tail - head */
	bool		 done;			/* no more batches */
	bool		 quit;			/* stop now: a failure */
	int		 stage;
	/* the thread's own */
	struct bulk_keyset *names, *kana;
	struct buf	 texts, kanakey, all, tmp, key;
};

/* Sets of the records sorted by a second thread, in order, while this
 * one appends another (or sorted here, without a thread). */
struct bulk_sorter {
	pthread_t	 th;
	bool		 on, threaded;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct kvset	*set[2];
	size_t		 nset, done;
};

/* A record whose final status the import changed (bulk-alert.c). */
struct bulk_rec_alert {
	char	member[STORE_ID_MAX + 1];
	char	event[STORE_ID_MAX + 1];
	int	old_final, new_final;
};

struct bulk {
	struct store		*st;
	struct wtx		 w;
	const struct store_import_source *src;
	struct store_import_result *res;
	bool			 fast_members, fast_records;
	struct kvset		 att, bymem, pending, seen;
	struct bulk_keyset	 names, kana;
	struct buf		 ids;
	struct bulk_mem		*mem;
	size_t			 nmem, capmem;
	struct bulk_ev		*ev;
	size_t			 nev;
	char			 last_id[STORE_ID_MAX + 1];
	struct cur		 mcur;		/* members, appending */
	struct buf		 enc;		/* a value being encoded */
	struct bulk_keys	 keys;
	bool			 keys_on;
	struct bulk_sorter	 sorter;
	char			 today[STORE_DATE_SIZE];
	struct kvset		 before;	/* aggregates before a touch */
	size_t			 nbefore;
	struct bulk_rec_alert	*recal;
	size_t			 nrecal, caprecal;
};

/* bulk.c: a member met (CLS: BULK_ADDED ...), for its aggregate and the
 * past totals after the records. */
void	bulk_mem_add(struct bulk *, const struct store_member *, int64_t total,
	    int cls);

/* bulk-alert.c: what an import took away, told by src->alert */
/* MEMBER is about to change: keep its aggregate as it is now. */
void	bulk_alert_before(struct bulk *, const char *member);
/* The final status of MEMBER at EVENT went from OLD_FINAL to NEW_FINAL. */
void	bulk_alert_record(struct bulk *, const char *member,
	    const char *event, int old_final, int new_final);
/* Tell each such record, then each member whose total went down or whose
 * last date moved back, comparing with the aggregates now. */
int	bulk_alerts(struct bulk *);

/* bulk-empty.c: the sorted path */
/* Append KEY/VAL to DB through cursor C; STORE_IO when out of order. */
int	bulk_append(struct bulk *, struct cur *c, enum store_db db,
	    const void *key, size_t klen, const void *val, size_t vlen);
/* A new member into the empty members database (its keys collected). */
int	bulk_member_fast(struct bulk *, struct store_member *, int64_t total);
/* Every event's code and date, for the records' keys. */
int	bulk_load_events(struct bulk *);
/* A new record's keys into the sorted sets (*EVC: the last event met). */
int	bulk_record_fast(struct bulk *, const struct store_change *,
	    const struct bulk_ev **evc);
/* The records collected by bulk_record_fast: sorted and appended. */
int	bulk_records_append(struct bulk *);
/* The aggregates of an empty database's new members, appended. */
int	bulk_aggregates_fast(struct bulk *);
/* The aggregates of existing members with records in the sorted run. */
int	bulk_aggregates_runs(struct bulk *);
/* Wait for the records' sorting thread and free it. */
void	bulk_sorter_end(struct bulk *);

/* bulk-keys.c: name_index and by_kana of new members */
void	keyset_free(struct bulk_keyset *);
/* Member M's search texts to the key builder (started on first use). */
void	bulk_keys_add(struct bulk *, const struct store_member *);
/* No more members: the builder may sort. */
void	bulk_keys_done(struct bulk *);
/* Stop the builder (at once when QUIT) and free it. */
void	bulk_keys_end(struct bulk *, bool quit);
/* Append name_index and by_kana, once sorted. */
int	bulk_names(struct bulk *);

#endif
