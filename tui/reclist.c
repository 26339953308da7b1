/* reclist.c -- a list of attendance records that can be marked: the pending
 * panel and an event's participants share it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/i18n.h"
#include "tui/pending.h"
#include "tui/reclist.h"
#include "tui/screen.h"
#include "store/xmalloc.h"

void
reclist_init(struct reclist *rl, struct tui *t,
    int (*load)(struct reclist *), int show_declined, unsigned ctx)
{
	memset(rl, 0, sizeof *rl);
	rl->t = t;
	rl->load = load;
	rl->show_declined = show_declined;
	listview_init(&rl->lv, sizeof(struct pending_row *));
	list_search_init(&rl->search, ctx, 0);
}

void
reclist_free(struct reclist *rl)
{
	free(rl->all);
	listview_free(&rl->lv);
	list_search_free(&rl->search);
	mark_free(&rl->mk);
}

int
reclist_add(const struct store_att_row *r, void *arg)
{
	struct reclist	*rl = arg;

	if (rl->nall == rl->capall) {
		rl->capall = rl->capall == 0 ? 256 : rl->capall * 2;
		rl->all = xreallocarray(rl->all, rl->capall, sizeof *rl->all);
	}
	pending_row_set(&rl->all[rl->nall++], r, rl->t->today);
	return (0);
}

/* The visible rows (declined toggle, search) into the list; the cursor
 * goes back to KEY's record, else stays at its line. */
static void
reclist_filter(struct reclist *rl, const struct pending_row *key,
    const struct pending_row *tkey, size_t oc, size_t ot)
{
	struct pending_row	*p;
	const struct pending_row *kp = key, *tp = tkey;
	char			*fq = NULL;
	size_t			 i;

	if (*field_text(&rl->search.q) != '\0')
		fq = store_fold(field_text(&rl->search.q));
	listview_clear(&rl->lv);
	for (i = 0; i < rl->nall; i++) {
		p = &rl->all[i];
		if (pending_visible(p, rl->show_declined, fq))
			listview_push(&rl->lv, &p);
	}
	free(fq);
	listview_reselect(&rl->lv, pending_same, key != NULL ? &kp : NULL,
	    tkey != NULL ? &tp : NULL, oc, ot);
}

/* The current row and the first row shown (copies) as the keys to come
 * back to. */
static int
reclist_key(struct reclist *rl, struct pending_row *key,
    struct pending_row *tkey, int *have_top)
{
	struct pending_row	**cur = listview_current(&rl->lv);
	struct pending_row	**top = listview_row(&rl->lv, rl->lv.top);

	*have_top = top != NULL;
	if (top != NULL)
		*tkey = **top;

	if (cur == NULL)
		return (0);
	*key = **cur;
	return (1);
}

void
reclist_reload(struct reclist *rl)
{
	struct pending_row	 key, tkey;
	int			 ht, have = reclist_key(rl, &key, &tkey, &ht), rc;
	size_t			 oc = rl->lv.cur, ot = rl->lv.top;

	listview_clear(&rl->lv);	/* pointers into all[]: drop first */
	rl->nall = 0;
	if ((rc = rl->load(rl)) != STORE_OK)
		tui_store_error(rl->t, rc);
	if (rl->nall > 1)
		qsort(rl->all, rl->nall, sizeof *rl->all, pending_cmp);
	reclist_filter(rl, have ? &key : NULL, ht ? &tkey : NULL, oc, ot);
}

static void
reclist_refilter(struct reclist *rl)
{
	struct pending_row	key, tkey;
	int			ht, have = reclist_key(rl, &key, &tkey, &ht);

	reclist_filter(rl, have ? &key : NULL, ht ? &tkey : NULL, rl->lv.cur,
	    rl->lv.top);
}

size_t
reclist_tagged(struct reclist *rl, const struct pending_row ***out)
{
	const struct pending_row	**v = NULL;
	const struct pending_row	 *p;
	char				  key[2 * STORE_ID_MAX + 4];
	size_t				  i, n = 0;

	if (rl->lv.ntags == 0)
		return (0);
	for (i = 0; i < rl->nall; i++) {
		p = &rl->all[i];
		pending_key(&p, key, sizeof key);
		if (!listview_tagged(&rl->lv, key))
			continue;
		if (out != NULL) {
			v = xreallocarray(v, n + 1, sizeof *v);
			v[n] = p;
		}
		n++;
	}
	if (out != NULL)
		*out = v;
	return (n);
}

void
reclist_text(struct reclist *rl, int key)
{
	list_search_text(&rl->search, key);
	reclist_refilter(rl);
}

int
reclist_act(struct tui *t, struct screen *s, struct reclist *rl,
    enum action act)
{
	struct pending_row	**cur = listview_current(&rl->lv);
	const struct pending_row **tagged;
	char			  key[2 * STORE_ID_MAX + 4];
	size_t			  n;

	switch (list_act(s, &rl->lv, &rl->search, act)) {
	case LIST_QUERY:
		reclist_refilter(rl);
		return (1);
	case LIST_DONE:
		return (1);
	case LIST_NONE:
		break;
	}
	switch (act) {
	case ACT_ATTENDED:
	case ACT_ABSENT:
	case ACT_NO_SHOW:
	case ACT_CANCELLED:
		if (cur == NULL) {
			tui_status(t, "%s", _("No record here."));
			break;
		}
		mark_final(t, &rl->mk, (const struct pending_row *const *)cur,
		    1, NULL, act == ACT_ATTENDED ? STORE_FINAL_ATTENDED :
		    act == ACT_ABSENT ? STORE_FINAL_ABSENT :
		    act == ACT_NO_SHOW ? STORE_FINAL_NO_SHOW :
		    STORE_FINAL_CANCELLED);
		break;
	case ACT_RESPONSE:
		mark_response(t, &rl->mk, cur != NULL ? *cur : NULL);
		break;
	case ACT_UNDO:
		mark_undo(t, &rl->mk);
		break;
	case ACT_TAG:
		if (cur == NULL)
			break;
		pending_key(cur, key, sizeof key);
		listview_tag_toggle(&rl->lv, key);
		listview_move(&rl->lv, 1);
		tui_status(t, _("%zu tagged (A marks them attended)"),
		    reclist_tagged(rl, NULL));
		break;
	case ACT_ATTEND_TAGGED:
		if ((n = reclist_tagged(rl, &tagged)) == 0) {
			tui_status(t, "%s", _("Nothing is tagged (Space tags "
			    "a record)."));
			break;
		}
		/* One confirmation, one store call; tags go when it is done. */
		mark_final(t, &rl->mk, tagged, n, &rl->lv,
		    STORE_FINAL_ATTENDED);
		free(tagged);
		break;
	case ACT_DECLINED:
		rl->show_declined = !rl->show_declined;
		reclist_refilter(rl);
		tui_status(t, "%s", rl->show_declined ?
		    _("Declined invitations are shown.") :
		    _("Declined invitations are hidden."));
		break;
	default:
		return (0);
	}
	return (1);
}
