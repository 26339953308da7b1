/* form.h -- the model of the forms that add and edit members and events:
 * fields, focus, per-field messages, unsaved input, drafts.  No curses. */
#ifndef SANKA_TUI_FORM_H
#define SANKA_TUI_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "tui/field.h"

enum form_kind {
	FORM_MEMBER_ADD = 0,
	FORM_MEMBER_EDIT,
	FORM_EVENT_ADD,
	FORM_EVENT_EDIT,
};

#define FF_REQUIRED	0x1
#define FF_READONLY	0x2	/* the key of a record being edited */

#define FORM_NEWATTR	"attr+"	/* the field that adds "NAME=VALUE" */

struct form_field {
	char		*name;	/* store field name, "attr.NAME", FORM_NEWATTR */
	char		*label;	/* msgid (N_) or the attribute's name */
	unsigned	 flags;
	struct field	 f;
	char		*orig;	/* the text when the form opened */
	char		*err;	/* the message next to the field, or NULL */
};

struct form {
	enum form_kind	 kind;
	char		 key[STORE_ID_MAX + 1];	/* edit: the record */
	uint32_t	 version;		/* edit: the version read */
	struct form_field *fields;
	size_t		 n;
	size_t		 focus;
	char		*err;	/* a message about the whole form, or NULL */
};

/* Build the form for member M (NULL: a new member) or event EV. */
void	 form_member(struct form *, const struct store_member *m);
/* Field F of M (NULL: a new member) as the screens write it: status and
 * yes/no in the screens' words (translated), a new member's values empty;
 * a pointer into M or BUF. */
const char *form_value_text(const struct store_field *f,
	    const struct store_member *m, char *buf, size_t size);
void	 form_event(struct form *, const struct store_event *ev);
void	 form_free(struct form *);
struct form_field *form_find(struct form *, const char *name);
/* True when a field differs from what the form opened with. */
int	 form_unsaved(const struct form *);
/* Esc in a field: put back the text the focused field had when the form
 * opened (or was last saved).  Returns 1 if that changed the field, 0 if
 * it already held that text (a second Esc then leaves the form). */
int	 form_revert_field(struct form *);
/* Move the focus to the next (DIR 1) or previous (-1) editable field. */
void	 form_focus(struct form *, int dir);
void	 form_clear_errors(struct form *);
/* Put MSG next to field NAME ("" or unknown: on the whole form). */
void	 form_set_error(struct form *, const char *name, const char *msg);
/* Copy the fields into M (initialised, e.g. by store_member_get for an
 * edit) or EV, checking each; every refused field gets its message.
 * Returns the number of refused fields (0: ready to save). */
int	 form_to_member(struct form *, struct store_member *m);
int	 form_to_event(struct form *, struct store_event *ev);
/* After a successful save: what the form holds is what is stored. */
void	 form_saved(struct form *);

/* Drafts: the form as text ("sanka-draft 1" then "kind", "key",
 * "version" and "field NAME\tVALUE" lines, values escaped \\ \n \t).
 * form_dump returns a malloc'd string.  form_draft_kind reads the kind
 * and key of a draft; form_draft_apply sets the fields of a form built
 * for that record (adding attribute fields it lacks) and its version.
 * Both return -1 on a malformed draft. */
char	*form_dump(const struct form *);
int	 form_draft_kind(const char *text, enum form_kind *kind,
	    char key[STORE_ID_MAX + 1]);
int	 form_draft_apply(struct form *, const char *text);

#endif
