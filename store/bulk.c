/* bulk.c -- store_import: a whole import in one write txn with one audit
 * record.  Into an empty database members and records take a sorted bulk
 * path (bulk-empty.c: keys collected in packed arrays, sorted, appended;
 * bulk-keys.c: the search keys built by a second thread); otherwise each
 * row is an upsert through the ordinary write code (here).  Both compute the
 * aggregate with aggregate.c.  Re-importing the same rows writes nothing:
 * no version changes, and no audit record at all. */

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/bulk-int.h"


/* A repeated key of one kind in the import is refused. */
static int
bulk_seen_check(struct bulk *b, const char *kind, const char *field)
{
	size_t	i, j;
	char	key[2 * STORE_ID_MAX + 2];

	kvset_sort(&b->seen);
	for (i = 1; i < b->seen.n; i++) {
		if (kvset_same_key(&b->seen.e[i - 1], &b->seen.e[i])) {
			codec_copy_text(key, sizeof key,
			    (const char *)b->seen.e[i].k, b->seen.e[i].len);
			for (j = 0; j < b->seen.e[i].len && j + 1 <
			    sizeof key; j++) {
				if (key[j] == '\0')
					key[j] = '/';
			}
			kvset_free(&b->seen);
			return (store_err(b->st, STORE_INVALID, field,
			    _("%s %s appears twice in the import"), kind,
			    key));
		}
	}
	kvset_free(&b->seen);
	return (STORE_OK);
}

static int
bulk_db_empty(struct bulk *b, enum store_db db, bool *empty)
{
	MDB_stat	ms;
	int		rc;

	if ((rc = mdb_stat(b->w.txn, b->st->dbi[db], &ms)) != 0)
		return (store_mdb(b->st, rc, store_db_name(db)));
	*empty = ms.ms_entries == 0;
	return (STORE_OK);
}

static void
bulk_count(struct store_import_counts *c, int cls)
{
	if (cls == BULK_ADDED)
		c->added++;
	else if (cls == BULK_UPDATED)
		c->updated++;
	else
		c->unchanged++;
}

/* --- events --------------------------------------------------------- */

static int
bulk_events(struct bulk *b)
{
	struct store		*st = b->st;
	struct store_event	 row, merged, e, old;
	MDB_val			 v;
	uint32_t		 f;
	char			 code[STORE_ID_MAX + 1];
	bool			 exists;
	int			 rc, cls;

	if (b->src->next_event == NULL)
		return (STORE_OK);
	for (;;) {
		memset(&row, 0, sizeof row);
		f = 0;
		if (b->src->next_event(b->src->arg, &row, &f) == 0)
			break;
		if ((rc = store_key_fold(row.code, code, "event_code",
		    &st->err)) != STORE_OK)
			return (rc);
		kvset_add(&b->seen, code, strlen(code), "", 0);
		memset(&old, 0, sizeof old);
		rc = store_get(st, b->w.txn, DB_EVENTS, code, strlen(code), &v);
		if (rc != STORE_OK && rc != STORE_NOTFOUND)
			return (rc);
		exists = rc == STORE_OK;
		if (exists && codec_event_dec(&v, code, &old) != STORE_OK)
			return (store_err(st, STORE_IO, NULL,
			    _("event %s: corrupt record"), code));
		merged = old;
		memcpy(merged.code, code, sizeof merged.code);
		if (!exists || (f & STORE_EF_NAME))
			merged.name = row.name;
		if (!exists || (f & STORE_EF_DATE))
			memcpy(merged.date, row.date, sizeof merged.date);
		if (!exists || (f & STORE_EF_VENUE))
			merged.venue = row.venue;
		if (!exists || (f & STORE_EF_CAPACITY))
			merged.capacity = row.capacity;
		if (!exists || (f & STORE_EF_NOTES))
			merged.notes = row.notes;
		if ((rc = event_norm(st, &merged, &e)) != STORE_OK) {
			store_event_free(&old);
			return (rc);
		}
		if (!exists) {
			cls = BULK_ADDED;
			e.version = 1;
		} else if (event_same(&old, &e))
			cls = BULK_UNCHANGED;
		else {
			cls = BULK_UPDATED;
			e.version = old.version + 1;
		}
		rc = STORE_OK;
		if (cls != BULK_UNCHANGED) {
			e.updated_at = b->w.now;
			str_copy(e.updated_by, sizeof e.updated_by, st->actor);
			rc = event_write(&b->w, exists ? &old : NULL, &e);
			if (rc == STORE_OK && !b->w.quiet)
				rc = event_audit(&b->w, exists ? "edit" :
				    "add", exists ? &old : NULL, &e, NULL);
		}
		store_event_free(&e);
		store_event_free(&old);
		if (rc != STORE_OK)
			return (rc);
		bulk_count(&b->res->events, cls);
	}
	return (bulk_seen_check(b, _("event"), "event_code"));
}

/* --- members -------------------------------------------------------- */

/* ROW's fields named in F over BASE (the stored member, or empty). */
static void
bulk_member_merge(struct store_member *out, const struct store_member *base,
    const struct store_member *row, uint32_t f, bool exists)
{
	*out = *base;
	memcpy(out->id, row->id, sizeof out->id);
#define BULK_TAKE(bit, field) do {					\
	if (!exists || (f & (bit)))					\
		out->field = row->field;				\
} while (0)
	BULK_TAKE(STORE_MF_NAME, name);
	BULK_TAKE(STORE_MF_KANA, kana);
	BULK_TAKE(STORE_MF_EMAIL, email);
	BULK_TAKE(STORE_MF_PHONE, phone);
	BULK_TAKE(STORE_MF_POSTAL_CODE, postal_code);
	BULK_TAKE(STORE_MF_ADDRESS, address);
	BULK_TAKE(STORE_MF_ORGANIZATION, organization);
	BULK_TAKE(STORE_MF_SEGMENT, segment);
	BULK_TAKE(STORE_MF_STATUS, status);
	BULK_TAKE(STORE_MF_MAIL_OPT_OUT, mail_opt_out);
	BULK_TAKE(STORE_MF_NOTES, notes);
	BULK_TAKE(STORE_MF_PAST_COUNT | STORE_MF_PAST_IS_TOTAL, past_count);
	BULK_TAKE(STORE_MF_PAST_LAST_EVENT, past_last_event);
#undef BULK_TAKE
	if (!exists || (f & STORE_MF_JOINED_ON))
		memcpy(out->joined_on, row->joined_on, sizeof out->joined_on);
	if (!exists || (f & STORE_MF_PAST_LAST_DATE))
		memcpy(out->past_last_date, row->past_last_date,
		    sizeof out->past_last_date);
}

void
bulk_mem_add(struct bulk *b, const struct store_member *m, int64_t total,
    int cls)
{
	struct bulk_mem	*bm;

	if (b->nmem == b->capmem) {
		b->capmem = b->capmem == 0 ? 4096 : b->capmem * 2;
		b->mem = xrealloc(b->mem, b->capmem * sizeof *b->mem);
	}
	bm = &b->mem[b->nmem++];
	bm->id = (const char *)(uintptr_t)b->ids.len;
	buf_add(&b->ids, m->id, strlen(m->id) + 1);
	bm->past = m->past_count;
	bm->total = total;
	memcpy(bm->past_date, m->past_last_date, sizeof bm->past_date);
	bm->cls = cls;
}

static int
bulk_member_upsert(struct bulk *b, struct store_member *m, int64_t total,
    const struct store_member *old, bool exists)
{
	int	cls, rc;

	if (!exists) {
		cls = BULK_ADDED;
		m->version = 1;
	} else if (member_same(old, m))
		cls = BULK_UNCHANGED;
	else {
		cls = BULK_UPDATED;
		m->version = old->version + 1;
	}
	if (cls != BULK_UNCHANGED) {
		m->updated_at = b->w.now;
		str_copy(m->updated_by, sizeof m->updated_by, b->st->actor);
		if ((rc = member_write(&b->w, exists ? old : NULL, m)) != 0 ||
		    (!b->w.quiet && (rc = member_audit(&b->w, exists ? "edit" :
		    "add", exists ? old : NULL, m)) != 0))
			return (rc);
	}
	if (total >= 0)
		bulk_mem_add(b, m, total, cls);
	bulk_count(&b->res->members, cls);
	return (STORE_OK);
}

/* Name the member in a refusal. */
static int
bulk_member_invalid(struct store *st, int rc, const char *id)
{
	if (rc == STORE_INVALID)
		snprintf(st->err.msg + strlen(st->err.msg),
		    sizeof st->err.msg - strlen(st->err.msg), " (member %s)",
		    id);
	return (rc);
}

static int
bulk_members(struct bulk *b)
{
	struct store		*st = b->st;
	struct store_member	 row, old, merged, m;
	uint32_t		 f;
	int64_t			 total;
	size_t			 i;
	bool			 exists;
	int			 rc;

	if (b->src->next_member == NULL)
		return (STORE_OK);
	for (;;) {
		memset(&row, 0, sizeof row);
		f = 0;
		if (b->src->next_member(b->src->arg, &row, &f) == 0)
			break;
		memset(&old, 0, sizeof old);
		if ((rc = store_key_fold(row.id, old.id, "member_id",
		    &st->err)) != STORE_OK)
			return (rc);
		exists = false;
		if (!b->fast_members) {
			rc = member_read(st, b->w.txn, old.id, &old);
			if (rc != STORE_OK && rc != STORE_NOTFOUND)
				return (rc);
			exists = rc == STORE_OK;
			kvset_add(&b->seen, old.id, strlen(old.id), "", 0);
		}
		bulk_member_merge(&merged, &old, &row, f, exists);
		memcpy(merged.id, old.id, sizeof merged.id);
		if ((rc = access_import_member(st, f, &merged)) != STORE_OK) {
			store_member_free(&old);
			return (rc);
		}
		if (b->fast_members) {
			/* stored as given when it needs no normalisation */
			merged.attrs = row.attrs;
			merged.nattrs = row.nattrs;
			rc = member_plain(st, &merged);
			if (rc == STORE_OK) {
				m = merged;
				total = -1;
				if (f & STORE_MF_PAST_IS_TOTAL) {
					total = m.past_count;
					m.past_count = 0;
				}
				rc = bulk_member_fast(b, &m, total);
				if (rc != STORE_OK)
					return (rc);
				b->res->members.added++;
				continue;
			}
			if (rc != -1)
				return (bulk_member_invalid(st, rc, old.id));
		}
		if (exists && (f & STORE_MF_ATTRS)) {
			/* the attributes given are set, the others kept */
			merged.attrs = NULL;
			merged.nattrs = 0;
			for (i = 0; i < old.nattrs; i++)
				store_attr_set(&merged, old.attrs[i].name,
				    old.attrs[i].value);
			for (i = 0; i < row.nattrs; i++)
				store_attr_set(&merged, row.attrs[i].name,
				    row.attrs[i].value);
		} else if (!exists) {
			merged.attrs = row.attrs;
			merged.nattrs = row.nattrs;
		}
		rc = member_norm(st, &merged, &m);
		if (exists && (f & STORE_MF_ATTRS)) {
			for (i = 0; i < merged.nattrs; i++) {
				free(merged.attrs[i].name);
				free(merged.attrs[i].value);
			}
			free(merged.attrs);
		}
		if (rc != STORE_OK) {
			store_member_free(&old);
			return (bulk_member_invalid(st, rc, old.id));
		}
		total = -1;
		if (f & STORE_MF_PAST_IS_TOTAL) {
			total = m.past_count;
			m.past_count = exists ? old.past_count : 0;
		}
		if (b->fast_members) {
			rc = bulk_member_fast(b, &m, total);
			if (rc == STORE_OK)
				b->res->members.added++;
		} else {
			if (exists && (f & (STORE_MF_PAST_COUNT |
			    STORE_MF_PAST_IS_TOTAL | STORE_MF_PAST_LAST_DATE)))
				bulk_alert_before(b, old.id);
			rc = bulk_member_upsert(b, &m, total, &old, exists);
		}
		store_member_free(&m);
		store_member_free(&old);
		if (rc != STORE_OK)
			return (rc);
	}
	if (!b->fast_members)
		return (bulk_seen_check(b, _("member"), "member_id"));
	/* the key builder sorts while the records and aggregates are
	 * written: bulk_names */
	bulk_keys_done(b);
	return (STORE_OK);
}

/* The final status of record EV/MEM as stored (STORE_KEEP: none). */
static int
bulk_record_final(struct bulk *b, const char *ev, const char *mem, int *final)
{
	struct store_attendance	 old;
	MDB_val			 v;
	char			 k[2 * STORE_ID_MAX + 2];
	int			 rc;

	*final = STORE_KEEP;
	rc = store_get(b->st, b->w.txn, DB_ATT, k, idx_att_key(k, ev, mem),
	    &v);
	if (rc == STORE_NOTFOUND)
		return (STORE_OK);
	if (rc != STORE_OK)
		return (rc);
	memset(&old, 0, sizeof old);
	if (codec_att_dec(&v, &old, false) != STORE_OK)
		return (store_err(b->st, STORE_IO, NULL,
		    _("attendance %s/%s: corrupt record"), ev, mem));
	*final = (int)old.final;
	return (STORE_OK);
}

/* A record of a member outside the role's rows: that member does not
 * exist for the role, so the whole import is refused. */
static int
bulk_record_rows(struct bulk *b, const struct store_change *c)
{
	char	mem[STORE_ID_MAX + 1];

	if (!access_restricted(b->st) ||
	    store_key_lookup(c->member, mem, "member_id", NULL) != 0 ||
	    access_id_ok(b->st, b->w.txn, mem))
		return (STORE_OK);
	return (store_err(b->st, STORE_NOTFOUND, "member_id",
	    _("member %s not found"), mem));
}

static int
bulk_records(struct bulk *b)
{
	struct store_change	 c;
	const struct bulk_ev	*evc = NULL;
	struct store_attendance	 now;
	char			 ev[STORE_ID_MAX + 1], mem[STORE_ID_MAX + 1];
	int			 rc, changed, was;
	bool			 keys;

	if (b->src->next_record == NULL)
		return (STORE_OK);
	if (b->fast_records && (rc = bulk_load_events(b)) != STORE_OK)
		return (rc);
	for (;;) {
		store_change_init(&c, NULL, NULL);
		if (b->src->next_record(b->src->arg, &c) == 0)
			break;
		if ((rc = bulk_record_rows(b, &c)) != STORE_OK)
			return (rc);
		if (b->fast_records) {
			if ((rc = bulk_record_fast(b, &c, &evc)) != STORE_OK)
				return (rc);
			continue;
		}
		c.expect = 0;
		/* the folded keys: the status before, then the repeated-record
		 * check */
		keys = store_key_fold(c.event, ev, "event_code", NULL) == 0 &&
		    store_key_fold(c.member, mem, "member_id", NULL) == 0;
		was = STORE_KEEP;
		if (keys && c.final != STORE_KEEP) {
			if ((rc = bulk_record_final(b, ev, mem, &was)) != 0)
				return (rc);
			bulk_alert_before(b, mem);
		}
		memset(&now, 0, sizeof now);
		rc = att_apply_one(&b->w, &c, &now, &changed);
		store_attendance_free(&now);
		if (rc != 0)
			return (rc);
		if (was != STORE_KEEP && was != STORE_FINAL_PENDING &&
		    (int)now.final != was)
			bulk_alert_record(b, mem, ev, was, (int)now.final);
		if (keys) {
			char	k[2 * STORE_ID_MAX + 2];

			kvset_add(&b->seen, k, idx_att_key(k, ev, mem),
			    "", 0);
		}
		bulk_count(&b->res->records, changed == 2 ? BULK_ADDED :
		    changed == 1 ? BULK_UPDATED : BULK_UNCHANGED);
	}
	if (!b->fast_records)
		return (bulk_seen_check(b, _("record (event, member)"),
		    "member_id"));
	return (bulk_records_append(b));
}

/* STORE_MF_PAST_IS_TOTAL: past_count = the total given - attended. */
static int
bulk_past_totals(struct bulk *b)
{
	struct store		*st = b->st;
	struct store_member	 old, m;
	struct agg		 g;
	const char		*id;
	int64_t			 past;
	size_t			 i;
	int			 rc;

	for (i = 0; i < b->nmem; i++) {
		if (b->mem[i].total < 0)
			continue;
		id = b->fast_members ? b->mem[i].id :
		    (const char *)b->ids.p + (uintptr_t)b->mem[i].id;
		if ((rc = agg_get(&b->w, id, &g)) != STORE_OK)
			return (rc);
		past = b->mem[i].total - (int64_t)g.s.attended;
		if (past < 0)
			return (store_err(st, STORE_INVALID, "past_count",
			    _("member %s: the total %lld is less than the %lu "
			    "attendances recorded"), id,
			    (long long)b->mem[i].total,
			    (unsigned long)g.s.attended));
		if (past == g.past_count)
			continue;
		if ((rc = member_read(st, b->w.txn, id, &old)) != STORE_OK)
			return (rc);
		if ((rc = member_norm(st, &old, &m)) != STORE_OK) {
			store_member_free(&old);
			return (rc);
		}
		m.past_count = (int32_t)past;
		if (b->mem[i].cls == BULK_UNCHANGED) {
			m.version = old.version + 1;
			m.updated_at = b->w.now;
			str_copy(m.updated_by, sizeof m.updated_by, st->actor);
			b->res->members.unchanged--;
			b->res->members.updated++;
			b->mem[i].cls = BULK_UPDATED;
		}
		rc = member_write(&b->w, &old, &m);
		if (rc == STORE_OK && !b->w.quiet)
			rc = member_audit(&b->w, "edit", &old, &m);
		store_member_free(&old);
		store_member_free(&m);
		if (rc != STORE_OK)
			return (rc);
	}
	return (STORE_OK);
}

static int
bulk_audit(struct bulk *b)
{
	const struct store_import_result	*r = b->res;
	struct buf				 t;
	int					 rc;

	buf_init(&t);
	buf_adds(&t, "what=");
	text_escape(&t, b->src->what);
	if (b->w.naudit > 0)
		buf_printf(&t, "; changes: %zu (the entries just before)",
		    b->w.naudit);
	buf_printf(&t, "; events: added %zu, updated %zu, unchanged %zu"
	    "; members: added %zu, updated %zu, unchanged %zu"
	    "; records: added %zu, updated %zu, unchanged %zu",
	    r->events.added, r->events.updated, r->events.unchanged,
	    r->members.added, r->members.updated, r->members.unchanged,
	    r->records.added, r->records.updated, r->records.unchanged);
	buf_addc(&t, '\0');
	b->w.quiet = false;
	rc = audit_add(&b->w, "import", "import", "", "", "",
	    (const char *)t.p);
	buf_free(&t);
	return (rc);
}

int
store_import(struct store *st, const struct store_import_source *src,
    bool dry_run, struct store_import_result *res)
{
	struct store_import_result	 local;
	struct bulk			 b;
	bool				 e1, e2, e3, e4;
	int				 rc;

	store_err_clear(st);
	if ((rc = access_need(st, STORE_AREA_IMPORT, STORE_ACT_VIEW)) != 0)
		return (rc);
	if (res == NULL)
		res = &local;
	memset(res, 0, sizeof *res);
	memset(&b, 0, sizeof b);
	b.st = st;
	b.src = src;
	b.res = res;
	buf_init(&b.ids);
	store_today(b.today);
	/* a bulk txn frees its dirty pages at commit: do not trim per page */
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	if ((rc = store_wbegin(st, &b.w)) != STORE_OK)
		return (rc);
	b.w.quiet = true;
	if ((rc = bulk_db_empty(&b, DB_MEMBERS, &e1)) != STORE_OK ||
	    (rc = bulk_db_empty(&b, DB_STATS, &e2)) != STORE_OK ||
	    (rc = bulk_db_empty(&b, DB_NAME, &e3)) != STORE_OK ||
	    (rc = bulk_db_empty(&b, DB_BYKANA, &e4)) != STORE_OK)
		goto fail;
	b.fast_members = e1 && e2 && e3 && e4;
	if ((rc = bulk_db_empty(&b, DB_ATT, &e1)) != STORE_OK ||
	    (rc = bulk_db_empty(&b, DB_BYMEM, &e2)) != STORE_OK ||
	    (rc = bulk_db_empty(&b, DB_PENDING, &e3)) != STORE_OK)
		goto fail;
	b.fast_records = e1 && e2 && e3;
	if (b.fast_members) {
		if ((rc = bulk_db_empty(&b, DB_BYTOTAL, &e1)) != STORE_OK ||
		    (rc = bulk_db_empty(&b, DB_BYLAST, &e2)) != STORE_OK)
			goto fail;
		b.fast_members = e1 && e2 && b.fast_records;
	}

	/* one audit entry per change, save additions into an empty table */
	if ((rc = bulk_db_empty(&b, DB_EVENTS, &e1)) != STORE_OK)
		goto fail;
	b.w.import = true;
	b.w.quiet = e1;
	rc = bulk_events(&b);
	b.w.quiet = b.fast_members;
	if (rc == STORE_OK)
		rc = bulk_members(&b);
	cur_close(&b.mcur);
	b.w.quiet = b.fast_records;
	if (rc != STORE_OK || (rc = bulk_records(&b)) != STORE_OK)
		goto fail;
	b.w.quiet = b.fast_members;
	/* the aggregates changed so far into member_stats: the bulk passes
	 * below read it directly */
	if ((rc = agg_flush(&b.w)) != STORE_OK)
		goto fail;
	if (b.fast_members)
		rc = bulk_aggregates_fast(&b);
	else if (b.fast_records)
		rc = bulk_aggregates_runs(&b);
	if (rc != STORE_OK || (rc = bulk_names(&b)) != STORE_OK ||
	    (rc = bulk_past_totals(&b)) != STORE_OK ||
	    (rc = bulk_alerts(&b)) != STORE_OK)
		goto fail;
	if (res->events.added + res->events.updated + res->members.added +
	    res->members.updated + res->records.added + res->records.updated ==
	    0 || dry_run) {
		store_wabort(&b.w);
		rc = STORE_OK;
		goto out;
	}
	if ((rc = bulk_audit(&b)) != STORE_OK)
		goto fail;
	rc = store_wcommit(&b.w);
	goto out;
fail:
	store_wabort(&b.w);
out:
	bulk_keys_end(&b, true);
	bulk_sorter_end(&b);
	keyset_free(&b.names);
	keyset_free(&b.kana);
	kvset_free(&b.att);
	kvset_free(&b.bymem);
	kvset_free(&b.pending);
	kvset_free(&b.seen);
	kvset_free(&b.before);
	free(b.recal);
	buf_free(&b.ids);
	buf_free(&b.enc);
	free(b.mem);
	free(b.ev);
	return (rc);
}

