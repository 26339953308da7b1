/* test-print-util.h -- shared fixtures of the print and mail unit tests:
 * members in a table behind a struct print_source, a temporary directory,
 * and the output of a command (pdftotext, pdfinfo, zbarimg) read back. */
#ifndef SANKA_TEST_PRINT_UTIL_H
#define SANKA_TEST_PRINT_UTIL_H

#pragma GCC diagnostic ignored "-Wunused-function"

#include <dirent.h>
#include <ftw.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "print/print.h"
#include "store/xmalloc.h"

/* The keys a test member has, in the order of struct tp_member. */
static const char *const tp_keys[] = {
	"id", "name", "kana", "email", "postal_code", "address",
	"organization", "mail_opt_out", "event.name", "event.date",
};
#define TP_NKEYS	(sizeof(tp_keys) / sizeof(tp_keys[0]))

struct tp_member {
	const char	*v[TP_NKEYS];
};

struct tp_source {
	const struct tp_member *m;
	size_t		 n;
};

static bool
tp_known(void *arg, const char *key)
{
	size_t	 k;

	(void)arg;
	for (k = 0; k < TP_NKEYS; k++)
		if (strcmp(tp_keys[k], key) == 0)
			return (true);
	return (false);
}

static const char *
tp_value(void *arg, size_t i, const char *key)
{
	const struct tp_source *s = arg;
	size_t	 k;

	for (k = 0; k < TP_NKEYS; k++)
		if (strcmp(tp_keys[k], key) == 0)
			return (s->m[i].v[k] == NULL ? "" : s->m[i].v[k]);
	return (NULL);
}

static struct print_source
tp_source(struct tp_source *s, const struct tp_member *m, size_t n)
{
	struct print_source src = { n, s, tp_value, tp_known };

	s->m = m;
	s->n = n;
	return (src);
}

static int
tp_rm_one(const char *path, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb;
	(void)flag;
	(void)f;
	return (remove(path));
}

static int
tp_setup(void **state)
{
	char	*dir = xstrdup("/tmp/sanka-print-XXXXXX");

	assert_non_null(mkdtemp(dir));
	*state = dir;
	return (0);
}

/* TP_KEEP=1 keeps the directory (the PDFs) for a look after a failure. */
static int
tp_teardown(void **state)
{
	if (getenv("TP_KEEP") == NULL)
		nftw(*state, tp_rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(*state);
	return (0);
}

static char *
tp_path(void **state, const char *name)
{
	return (xasprintf("%s/%s", (char *)*state, name));
}

/* The number of entries of directory DIR. */
static size_t
tp_entries(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*de;
	size_t		 n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		n += strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0;
	closedir(d);
	return (n);
}

/* The whole output of the shell command FMT; NUL-terminated, malloc'd. */
static char *
tp_run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *
tp_run(const char *fmt, ...)
{
	va_list	 ap;
	char	 cmd[2048], *out = NULL;
	size_t	 len = 0;
	FILE	*fp;

	va_start(ap, fmt);
	assert_true((size_t)vsnprintf(cmd, sizeof(cmd), fmt, ap) <
	    sizeof(cmd));
	va_end(ap);
	fp = popen(cmd, "r");
	assert_non_null(fp);
	out = xmalloc(1);
	for (;;) {
		char	 chunk[4096];
		size_t	 got = fread(chunk, 1, sizeof(chunk), fp);

		if (got == 0)
			break;
		out = xrealloc(out, len + got + 1);
		memcpy(out + len, chunk, got);
		len += got;
	}
	out[len] = '\0';
	pclose(fp);
	return (out);
}

/* How many times NEEDLE occurs in HAY. */
static size_t
tp_count(const char *hay, const char *needle)
{
	size_t	 n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return (n);
}

static size_t
tp_pages(const char *pdf)
{
	char	*out = tp_run("pdfinfo '%s' | sed -n 's/^Pages: *//p'", pdf);
	size_t	 n = strtoul(out, NULL, 10);

	free(out);
	return (n);
}

/* The text of page PAGE (1-based) of PDF. */
static char *
tp_text(const char *pdf, int page)
{
	return (tp_run("pdftotext -f %d -l %d '%s' -", page, page, pdf));
}

#endif
