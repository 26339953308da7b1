/* test-mail-message.c -- addresses (two in one field refused), templates
 * (headers required, placeholders checked), the message bytes (RFC 2047
 * subject decoded back, Date, Message-ID), the sendmail hand-off through a
 * stand-in script, and the dry run's files (escaped names, no symlinks). */

#include "test-print-util.h"

#include "mail/mail.h"

static const struct tp_member mail_members[] = {
	{ { "M001", "山田 太郎", "ヤマダ", "taro@example.jp", NULL, NULL, NULL,
	    NULL, "新年会", "2026-02-20" } },
	{ { "../x y", "Bob\nBcc: evil@example.com", "ボブ", "bob@example.jp",
	    NULL, NULL, NULL, NULL, "新年会", "2026-02-20" } },
};

static void
test_address(void **state)
{
	static const char *const good[] = {
		"taro@example.jp", "a.b+c@mail.example.co.jp", "x@localhost",
		"o'neil@example.com", "-x@example.jp",
	};
	static const char *const two[] = {
		"a@x.jp, b@y.jp", "a@x.jp;b@y.jp", "a@x.jp b@y.jp",
		"a@x.jp\nb@y.jp",
	};
	static const char *const bad[] = {
		"", "taro", "taro@", "@example.jp", "a..b@x.jp", ".a@x.jp",
		"a@-x.jp", "a@x-.jp", "a@x..jp", "山田@example.jp",
		"Taro <taro@example.jp>", "a@b@c.jp", "a b@x.jp",
	};
	struct mail_error e;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_int_equal(mail_address_check(good[i], &e), MAIL_OK);
	for (i = 0; i < sizeof(two) / sizeof(two[0]); i++) {
		assert_int_equal(mail_address_check(two[i], &e), MAIL_DATA);
		assert_non_null(strstr(e.msg, "holds more than one address"));
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(mail_address_check(bad[i], &e), MAIL_DATA);
		assert_non_null(strstr(e.msg, "is not an e-mail address"));
	}
}

static int
parse(const char *text, const char *from, struct mail_template **t,
    struct mail_error *e)
{
	struct tp_source ts;
	struct print_source src = tp_source(&ts, mail_members, 2);

	return (mail_template_parse(text, strlen(text), "m.txt", from, &src,
	    t, e));
}

static void
assert_refused(const char *text, const char *from, const char *want)
{
	struct mail_template *t;
	struct mail_error e;

	assert_int_equal(parse(text, from, &t, &e), MAIL_DATA);
	assert_null(t);
	if (strcmp(e.msg, want) != 0)
		fprintf(stderr, "got \"%s\"\n", e.msg);
	assert_string_equal(e.msg, want);
}

static void
test_template_refused(void **state)
{
	(void)state;
	assert_refused("Hello {{name}}\n", NULL, "m.txt:1: a header "
	    "(Subject:, From:, Reply-To:) or a blank line expected");
	assert_refused("Subject: x\nFrom: a@x.jp\nbody\n", NULL,
	    "m.txt:3: a header (Subject:, From:, Reply-To:) or a blank line "
	    "expected");
	assert_refused("Subject: x\nCc: a@x.jp\n\nbody\n", NULL,
	    "m.txt:2: unknown header; use Subject:, From:, Reply-To:");
	assert_refused("Subject: x\nsubject: y\n\nbody\n", NULL,
	    "m.txt:2: the header is repeated");
	assert_refused("From: a@x.jp\n\nbody\n", NULL,
	    "m.txt: no Subject: header");
	assert_refused("Subject: x\n\nbody\n", NULL,
	    "m.txt: no From: header and no --from");
	assert_refused("Subject: x\nFrom: a@x.jp\n", NULL,
	    "m.txt: no blank line between the headers and the body");
	assert_refused("Subject: {{nmae}}\nFrom: a@x.jp\n\nbody\n", NULL,
	    "m.txt:1: unknown placeholder {{nmae}}");
	assert_refused("Subject: x\nFrom: a@x.jp\n\nbody\n\n{{bogus}}\n",
	    NULL, "m.txt:6: unknown placeholder {{bogus}}");
	assert_refused("Subject: x\nFrom: a@x.jp, b@y.jp\n\nbody\n", NULL,
	    "\"a@x.jp, b@y.jp\" holds more than one address");
	assert_refused("Subject: x\n\nbody\n", "not-an-address",
	    "\"not-an-address\" is not an e-mail address");
}

/* Decode one RFC 2047 "B" header value back to UTF-8 (the test's own
 * decoder: encoded words separated by folding whitespace). */
static char *
decode_header(const char *v)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char	*out = xmalloc(strlen(v) + 1), *o = out;
	const char *p = v, *end;
	unsigned acc = 0;
	int	 bits = 0;

	while ((p = strstr(p, "=?UTF-8?B?")) != NULL) {
		p += 10;
		end = strstr(p, "?=");
		assert_non_null(end);
		for (; p < end && *p != '='; p++) {
			acc = acc << 6 | (unsigned)(strchr(tab, *p) - tab);
			if ((bits += 6) >= 8) {
				bits -= 8;
				*o++ = (char)(acc >> bits & 0xff);
			}
		}
		bits = 0;
		p = end + 2;
	}
	*o = '\0';
	return (out);
}

/* The value of header NAME in MSG, continuation lines included. */
static char *
header(const char *msg, const char *name)
{
	char	 key[64];
	const char *p, *e;

	snprintf(key, sizeof(key), "\n%s: ", name);
	if (strncmp(msg, key + 1, strlen(key + 1)) == 0)
		p = msg + strlen(key + 1);
	else if ((p = strstr(msg, key)) != NULL)
		p += strlen(key);
	else
		return (NULL);
	for (e = p; *e != '\0' && !(e[0] == '\n' && e[1] != ' '); e++)
		;
	return (xstrndup(p, e - p));
}

static void
test_build(void **state)
{
	struct tp_source ts;
	struct print_source src = tp_source(&ts, mail_members, 2);
	static const char text[] = "Subject: 【ご案内】{{event.name}}のお知らせ"
	    "（{{event.date_wareki}}）、{{atena}}、ぜひご参加ください\n"
	    "From: NPO法人 サンプル <info@example.jp>\n"
	    "Reply-To: Office \"Desk\" <desk@example.jp>\n\n"
	    "{{atena}}\r\n\r\n{{event.name}}を開催します。\n.\nID {{id}}";
	struct mail_template *t;
	struct mail_error e;
	char	*msg, *v, *d;
	size_t	 len;

	(void)state;
	assert_int_equal(mail_template_parse(text, strlen(text), "m.txt",
	    NULL, &src, &t, &e), MAIL_OK);
	assert_string_equal(mail_template_sender(t), "info@example.jp");
	unsetenv("TZ");
	mail_build(t, &src, 0, "taro@example.jp", "20260221-1", "M001",
	    1771632000, &msg, &len);
	assert_int_equal(strlen(msg), len);
	v = header(msg, "Subject");
	d = decode_header(v);
	assert_string_equal(d, "【ご案内】新年会のお知らせ（令和8年2月20日）、"
	    "山田 太郎様、ぜひご参加ください");
	/* Folded: no line of the header over 78 columns. */
	assert_non_null(strstr(v, "?=\n =?UTF-8?B?"));
	free(v);
	free(d);
	v = header(msg, "From");
	d = decode_header(v);
	assert_string_equal(d, "NPO法人 サンプル");
	assert_non_null(strstr(v, "?= <info@example.jp>"));
	free(v);
	free(d);
	assert_non_null(strstr(msg, "\nReply-To: \"Office \\\"Desk\\\"\" "
	    "<desk@example.jp>\n"));
	assert_non_null(strstr(msg, "\nTo: taro@example.jp\n"));
	/* 2026-02-21 00:00 UTC is 09:00 in Tokyo. */
	assert_non_null(strstr(msg, "\nDate: Sat, 21 Feb 2026 09:00:00 "
	    "+0900\n"));
	assert_non_null(strstr(msg, "\nMessage-ID: <20260221-1.M001."
	    "6998f580@example.jp>\n"));
	assert_non_null(strstr(msg, "\nContent-Type: text/plain; "
	    "charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n山田 太郎様\n\n"
	    "新年会を開催します。\n.\nID M001\n"));
	assert_null(strchr(msg, '\r'));
	free(msg);
	/* A line feed merged into the subject does not start a header. */
	setenv("TZ", "UTC", 1);
	mail_build(t, &src, 1, "bob@example.jp", "20260221-1", "../x y",
	    1771632000, &msg, &len);
	v = header(msg, "Subject");
	d = decode_header(v);
	assert_non_null(strstr(d, "Bob Bcc: evil@example.com様"));
	assert_true(strstr(msg, "\nBcc:") > strstr(msg, "\n\n"));
	assert_non_null(strstr(msg, "\nDate: Sat, 21 Feb 2026 00:00:00 "
	    "+0000\n"));
	assert_non_null(strstr(msg, "<20260221-1.%2E%2E%2Fx%20y."));
	unsetenv("TZ");
	free(v);
	free(d);
	free(msg);
	mail_template_free(t);
}

static void
test_plain_header(void **state)
{
	char	*s;

	(void)state;
	s = mail_header_encode("Subject", "Annual meeting");
	assert_string_equal(s, "Annual meeting");
	free(s);
	/* Text that looks encoded is encoded, so it decodes as written. */
	s = mail_header_encode("Subject", "=?x?=");
	assert_string_equal(s, "=?UTF-8?B?PT94Pz0=?=");
	free(s);
}

static const char mail_script[] =
    "#!/bin/sh\n"
    "printf '%s\\n' \"$@\" > \"$0.args\"\n"
    "cat > \"$0.msg\"\n"
    "exit ${SEND_STATUS:-0}\n";

static void
test_send(void **state)
{
	char	*script = tp_path(state, "sendmail"), *out, *big;
	struct mail_error e;
	FILE	*fp;

	fp = fopen(script, "w");
	assert_non_null(fp);
	fputs(mail_script, fp);
	fclose(fp);
	chmod(script, 0700);
	setenv("SANKA_SENDMAIL", script, 1);
	assert_int_equal(mail_send("info@example.jp", "-oQ@example.jp",
	    "Subject: x\n\nbody\n", 17, &e), MAIL_OK);
	out = tp_run("cat '%s.args'; cat '%s.msg'", script, script);
	assert_string_equal(out, "-oi\n-f\ninfo@example.jp\n--\n"
	    "-oQ@example.jp\nSubject: x\n\nbody\n");
	free(out);
	setenv("SEND_STATUS", "75", 1);
	assert_int_equal(mail_send("info@example.jp", "a@example.jp", "x\n",
	    2, &e), MAIL_FAILED);
	assert_non_null(strstr(e.msg, "exit status 75 for a@example.jp"));
	unsetenv("SEND_STATUS");
	/* A sendmail that stops reading: a failure, not a SIGPIPE. */
	fp = fopen(script, "w");
	fputs("#!/bin/sh\nexit 0\n", fp);
	fclose(fp);
	big = xmalloc(1 << 20);
	memset(big, 'x', 1 << 20);
	assert_int_equal(mail_send("info@example.jp", "a@example.jp", big,
	    1 << 20, &e), MAIL_FAILED);
	free(big);
	setenv("SANKA_SENDMAIL", "/nonexistent/sendmail", 1);
	assert_int_equal(mail_send("info@example.jp", "a@example.jp", "x\n",
	    2, &e), MAIL_IO);
	assert_non_null(strstr(e.msg, "/nonexistent/sendmail"));
	unsetenv("SANKA_SENDMAIL");
	free(script);
}

static void
test_dryrun(void **state)
{
	struct mail_dryrun *d;
	struct mail_error e;
	char	*dir = tp_path(state, "out"), *link = tp_path(state, "link");
	char	*out;

	assert_int_equal(mail_dryrun_open(dir, &d, &e), MAIL_OK);
	assert_int_equal(mail_dryrun_write(d, "M001", "one\n", 4, &e),
	    MAIL_OK);
	assert_int_equal(mail_dryrun_write(d, "../x y.", "two\n", 4, &e),
	    MAIL_OK);
	assert_int_equal(mail_dryrun_write(d, "M001", "again\n", 6, &e),
	    MAIL_IO);
	mail_dryrun_close(d);
	out = tp_run("cd '%s' && ls && cat M001.eml %%2E%%2E%%2Fx%%20y%%2E.eml",
	    dir);
	assert_string_equal(out, "%2E%2E%2Fx%20y%2E.eml\nM001.eml\none\n"
	    "two\n");
	free(out);
	/* Not empty, and a symbolic link: refused. */
	assert_int_equal(mail_dryrun_open(dir, &d, &e), MAIL_IO);
	assert_non_null(strstr(e.msg, "must be new or empty"));
	assert_int_equal(symlink("/tmp", link), 0);
	assert_int_equal(mail_dryrun_open(link, &d, &e), MAIL_IO);
	assert_null(d);
	free(dir);
	/* A symlink planted where a message goes is not followed. */
	dir = tp_path(state, "out2");
	assert_int_equal(mail_dryrun_open(dir, &d, &e), MAIL_OK);
	out = xasprintf("%s/M002.eml", dir);
	assert_int_equal(symlink(link, out), 0);
	assert_int_equal(mail_dryrun_write(d, "M002", "x\n", 2, &e), MAIL_IO);
	mail_dryrun_close(d);
	free(out);
	free(dir);
	free(link);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_address),
		cmocka_unit_test(test_template_refused),
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_plain_header),
		cmocka_unit_test_setup_teardown(test_send, tp_setup,
		    tp_teardown),
		cmocka_unit_test_setup_teardown(test_dryrun, tp_setup,
		    tp_teardown),
	};

	setenv("LANGUAGE", "C", 1);
	setenv("SANKA_TODAY", "2026-02-21", 1);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
