/* test-tui-form.c -- forms: checks per field, unsaved input, drafts. */
#include <sys/stat.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "tui/draft.h"
#include "tui/form.h"

static void
set(struct form *fm, const char *name, const char *v)
{
	struct form_field	*ff = form_find(fm, name);

	assert_non_null(ff);
	field_set(&ff->f, v);
}

static const char *
err(struct form *fm, const char *name)
{
	struct form_field	*ff = form_find(fm, name);

	assert_non_null(ff);
	return (ff->err);
}

static void
test_member_add(void **state)
{
	struct form		fm;
	struct store_member	m;

	(void)state;
	form_member(&fm, NULL);
	assert_int_equal(fm.kind, FORM_MEMBER_ADD);
	assert_string_equal(fm.fields[fm.focus].name, "id");
	assert_false(form_unsaved(&fm));
	memset(&m, 0, sizeof m);
	/* Nothing typed: the ID and the name are required. */
	assert_int_equal(form_to_member(&fm, &m), 2);
	assert_non_null(err(&fm, "id"));
	assert_non_null(err(&fm, "name"));
	set(&fm, "id", "M010");
	set(&fm, "name", "渡邊　美咲");
	set(&fm, "kana", "ﾜﾀﾅﾍﾞ ﾐｻｷ");
	set(&fm, "joined_on", "2026/13/40");
	set(&fm, "past_count", "三");
	set(&fm, "status", "休眠");
	set(&fm, "mail_opt_out", "たぶん");
	set(&fm, FORM_NEWATTR, "ランク");
	assert_true(form_unsaved(&fm));
	assert_int_equal(form_to_member(&fm, &m), 5);
	assert_null(err(&fm, "id"));
	assert_non_null(err(&fm, "joined_on"));
	assert_non_null(err(&fm, "past_count"));
	assert_non_null(err(&fm, "status"));
	assert_non_null(err(&fm, "mail_opt_out"));
	assert_non_null(err(&fm, FORM_NEWATTR));
	set(&fm, "joined_on", "２０２６年２月１日");
	set(&fm, "past_count", "３");
	set(&fm, "status", "休会");
	set(&fm, "mail_opt_out", "はい");
	set(&fm, FORM_NEWATTR, "ランク=ゴールド");
	assert_int_equal(form_to_member(&fm, &m), 0);
	assert_string_equal(m.id, "M010");
	assert_string_equal(m.name, "渡邊　美咲");	/* stored as typed */
	assert_string_equal(m.kana, "ﾜﾀﾅﾍﾞ ﾐｻｷ");
	assert_string_equal(m.joined_on, "2026-02-01");
	assert_int_equal(m.past_count, 3);
	assert_int_equal(m.status, STORE_MEMBER_SUSPENDED);
	assert_true(m.mail_opt_out);
	assert_int_equal(m.nattrs, 1);
	assert_string_equal(m.attrs[0].name, "ランク");
	assert_string_equal(m.attrs[0].value, "ゴールド");
	form_saved(&fm);
	assert_false(form_unsaved(&fm));
	store_member_free(&m);
	form_free(&fm);
}

static void
test_member_edit_and_errors(void **state)
{
	struct form		fm;
	struct store_member	m;

	(void)state;
	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "M001");
	store_str_set(&m.name, "山田 史郎");
	store_str_set(&m.notes, "一行目\n二行目");
	m.past_count = 3;
	m.version = 7;
	store_attr_set(&m, "ランク", "A");
	form_member(&fm, &m);
	assert_int_equal(fm.kind, FORM_MEMBER_EDIT);
	assert_string_equal(fm.key, "M001");
	assert_int_equal(fm.version, 7);
	/* The key cannot be edited: the focus starts after it. */
	assert_true(fm.fields[0].flags & FF_READONLY);
	assert_string_equal(fm.fields[fm.focus].name, "name");
	form_focus(&fm, -1);
	assert_string_equal(fm.fields[fm.focus].name, FORM_NEWATTR);
	form_focus(&fm, 1);
	assert_string_equal(fm.fields[fm.focus].name, "name");
	assert_non_null(form_find(&fm, "attr.ランク"));
	/* The store's error names a field: the message goes next to it. */
	form_set_error(&fm, "email", "not an address");
	assert_string_equal(err(&fm, "email"), "not an address");
	form_set_error(&fm, "ランク", "too long");
	assert_string_equal(err(&fm, "attr.ランク"), "too long");
	form_set_error(&fm, "", "whole form");
	assert_string_equal(fm.err, "whole form");
	form_clear_errors(&fm);
	assert_null(fm.err);
	assert_null(err(&fm, "email"));
	/* Emptying an attribute removes it; notes keep their line feed. */
	set(&fm, "attr.ランク", "");
	assert_int_equal(form_to_member(&fm, &m), 0);
	assert_int_equal(m.nattrs, 0);
	assert_string_equal(m.notes, "一行目\n二行目");
	store_member_free(&m);
	form_free(&fm);
}

/* Esc in a field puts back the stored value; it never blanks it. */
static void
test_revert_field(void **state)
{
	struct form		fm;
	struct form_field	*ff;
	struct store_member	m;

	(void)state;
	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "M001");
	store_str_set(&m.name, "山田 史郎");
	store_str_set(&m.address, "東京都千代田区1-1");
	form_member(&fm, &m);
	ff = form_find(&fm, "address");
	assert_non_null(ff);
	fm.focus = (size_t)(ff - fm.fields);
	/* Nothing typed: nothing to undo (a second Esc leaves). */
	assert_int_equal(form_revert_field(&fm), 0);
	assert_string_equal(field_text(&ff->f), "東京都千代田区1-1");
	set(&fm, "address", "大阪");
	assert_true(form_unsaved(&fm));
	assert_int_equal(form_revert_field(&fm), 1);
	assert_string_equal(field_text(&ff->f), "東京都千代田区1-1");
	assert_false(form_unsaved(&fm));
	assert_int_equal(form_revert_field(&fm), 0);
	/* A new member's field goes back to empty. */
	form_free(&fm);
	form_member(&fm, NULL);
	set(&fm, "name", "田中");
	ff = form_find(&fm, "name");
	fm.focus = (size_t)(ff - fm.fields);
	assert_int_equal(form_revert_field(&fm), 1);
	assert_string_equal(field_text(&ff->f), "");
	store_member_free(&m);
	form_free(&fm);
}

static void
test_event(void **state)
{
	struct form		fm;
	struct store_event	ev;

	(void)state;
	form_event(&fm, NULL);
	memset(&ev, 0, sizeof ev);
	set(&fm, "code", "E010");
	set(&fm, "name", "総会");
	set(&fm, "date", "2026/3/1");
	set(&fm, "capacity", "-5");
	assert_int_equal(form_to_event(&fm, &ev), 1);
	assert_non_null(err(&fm, "capacity"));
	set(&fm, "capacity", "");
	assert_int_equal(form_to_event(&fm, &ev), 0);
	assert_string_equal(ev.code, "E010");
	assert_string_equal(ev.date, "2026-03-01");
	assert_int_equal(ev.capacity, 0);
	store_event_free(&ev);
	form_free(&fm);
}

static void
test_draft_roundtrip(void **state)
{
	struct form		 fm, back;
	struct store_member	 m;
	enum form_kind		 kind;
	char			 key[STORE_ID_MAX + 1], *text;

	(void)state;
	memset(&m, 0, sizeof m);
	snprintf(m.id, sizeof m.id, "M001");
	store_str_set(&m.name, "山田 史郎");
	m.version = 4;
	form_member(&fm, &m);
	set(&fm, "name", "山田\t史郎\\");
	set(&fm, "notes", "複数\n行");
	set(&fm, FORM_NEWATTR, "x=y");
	/* An attribute only the draft has comes back as a field. */
	text = form_dump(&fm);
	assert_non_null(strstr(text, "kind member-edit\n"));
	assert_non_null(strstr(text, "field notes\t複数\\n行\n"));
	assert_int_equal(form_draft_kind(text, &kind, key), 0);
	assert_int_equal(kind, FORM_MEMBER_EDIT);
	assert_string_equal(key, "M001");
	m.version = 5;			/* the record moved on meanwhile */
	form_member(&back, &m);
	text = realloc(text, strlen(text) + 32);
	strcat(text, "field attr.extra\tv\n");
	assert_int_equal(form_draft_apply(&back, text), 0);
	assert_string_equal(field_text(&form_find(&back, "attr.extra")->f),
	    "v");
	assert_string_equal(back.fields[back.n - 1].name, FORM_NEWATTR);
	assert_string_equal(field_text(&form_find(&back, FORM_NEWATTR)->f),
	    "x=y");
	assert_int_equal(back.version, 4);	/* the version the user read */
	assert_string_equal(field_text(&form_find(&back, "name")->f),
	    "山田\t史郎\\");
	assert_string_equal(field_text(&form_find(&back, "notes")->f),
	    "複数\n行");
	assert_true(form_unsaved(&back));
	assert_int_equal(form_draft_kind("garbage", &kind, key), -1);
	assert_int_equal(form_draft_apply(&back, "sanka-draft 1\nfield"),
	    -1);
	free(text);
	form_free(&back);
	form_free(&fm);
	store_member_free(&m);
}

static void
test_draft_file(void **state)
{
	char		 tmpl[] = "/tmp/sanka-draft.XXXXXX", *path, *text;
	char		 db[128];
	struct stat	 sb;

	(void)state;
	assert_non_null(mkdtemp(tmpl));
	setenv("XDG_STATE_HOME", tmpl, 1);
	snprintf(db, sizeof db, "%s/db", tmpl);
	path = draft_path(db);
	assert_non_null(path);
	assert_int_equal(strncmp(path, tmpl, strlen(tmpl)), 0);
	assert_non_null(strstr(path, "/sanka/draft-"));
	assert_null(draft_load(path));
	assert_int_equal(draft_save(path, "sanka-draft 1\nkind member-add\n"),
	    0);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	text = draft_load(path);
	assert_string_equal(text, "sanka-draft 1\nkind member-add\n");
	free(text);
	/* Another database has another draft. */
	snprintf(db, sizeof db, "%s/other", tmpl);
	text = draft_path(db);
	assert_string_not_equal(text, path);
	free(text);
	draft_remove(path);
	assert_null(draft_load(path));
	free(path);
	snprintf(db, sizeof db, "rm -rf '%s'", tmpl);
	assert_int_equal(system(db), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_member_add),
		cmocka_unit_test(test_member_edit_and_errors),
		cmocka_unit_test(test_revert_field),
		cmocka_unit_test(test_event),
		cmocka_unit_test(test_draft_roundtrip),
		cmocka_unit_test(test_draft_file),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
