/* template.c -- {{...}} templates shared by letters and mail, and the
 * Japanese era dates they print. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "print/print.h"
#include "store/i18n.h"
#include "store/store.h"
#include "store/xmalloc.h"

/* The eras since 明治, newest first: the first day of each. */
static const struct wareki_era {
	const char	*name;
	int		 y, m, d;
} wareki_eras[] = {
	{ "令和", 2019, 5, 1 },
	{ "平成", 1989, 1, 8 },
	{ "昭和", 1926, 12, 25 },
	{ "大正", 1912, 7, 30 },
	{ "明治", 1868, 1, 25 },
};

bool
print_wareki(const char *date, char out[PRINT_WAREKI_SIZE])
{
	int	 y, m, d, n, year;
	size_t	 i;

	out[0] = '\0';
	if (date == NULL || !store_date_valid(date) ||
	    sscanf(date, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3)
		return (false);
	for (i = 0; i < sizeof(wareki_eras) / sizeof(wareki_eras[0]); i++) {
		const struct wareki_era *e = &wareki_eras[i];

		if (y * 10000 + m * 100 + d < e->y * 10000 + e->m * 100 + e->d)
			continue;
		year = y - e->y + 1;
		if (year == 1)
			snprintf(out, PRINT_WAREKI_SIZE, "%s元年%d月%d日",
			    e->name, m, d);
		else
			snprintf(out, PRINT_WAREKI_SIZE, "%s%d年%d月%d日",
			    e->name, year, m, d);
		return (true);
	}
	return (false);
}

/* What a placeholder stands for. */
enum tpl_kind {
	TPL_TEXT,	/* literal text */
	TPL_FIELD,	/* a key of the source */
	TPL_ATENA,	/* name + 様 */
	TPL_TODAY,
	TPL_TODAY_WAREKI,
	TPL_WAREKI,	/* the era date of the source's key */
};

struct tpl_part {
	enum tpl_kind	 kind;
	char		*text;	/* TPL_TEXT: the text; else the source key */
	size_t		 len;
};

struct print_template {
	struct tpl_part	*parts;
	size_t		 n;
	char		 today[STORE_DATE_SIZE];
};

static void
tpl_add(struct print_template *t, enum tpl_kind kind, const char *s,
    size_t len)
{
	t->parts = xreallocarray(t->parts, t->n + 1, sizeof(*t->parts));
	t->parts[t->n].kind = kind;
	t->parts[t->n].text = xstrndup(s, len);
	t->parts[t->n].len = len;
	t->n++;
}

/* Classify placeholder KEY; -1 when it names nothing. */
static int
tpl_key_kind(const char *key, const struct print_source *src)
{
	static const char suffix[] = "_wareki";
	size_t	 n = strlen(key), ns = sizeof(suffix) - 1;

	if (strcmp(key, "atena") == 0)
		return (TPL_ATENA);
	if (strcmp(key, "today") == 0)
		return (TPL_TODAY);
	if (strcmp(key, "today_wareki") == 0)
		return (TPL_TODAY_WAREKI);
	if (src->known(src->arg, key))
		return (TPL_FIELD);
	if (n > ns && strcmp(key + n - ns, suffix) == 0) {
		char	*base = xstrndup(key, n - ns);
		bool	 ok = src->known(src->arg, base);

		free(base);
		return (ok ? TPL_WAREKI : -1);
	}
	return (-1);
}

static int
tpl_line(const char *text, const char *at, int line)
{
	for (; text < at; text++)
		line += *text == '\n';
	return (line);
}

/* Parse the placeholder starting at P ("{{"); *end is past its "}}". */
static int
tpl_placeholder(struct print_template *t, const char *text, int line,
    const char *p, const char *lim, const char *what,
    const struct print_source *src, const char **end, struct print_error *e)
{
	const char	*k = p + 2, *close = NULL, *q, *kend;
	char		*key;
	int		 kind;

	for (q = k; q + 1 < lim; q++)
		if (q[0] == '}' && q[1] == '}') {
			close = q;
			break;
		}
	if (close == NULL || memchr(k, '\n', close - k) != NULL) {
		snprintf(e->msg, sizeof(e->msg), _("%s:%d: {{ without }}"),
		    what, tpl_line(text, p, line));
		return (PRINT_DATA);
	}
	while (k < close && (*k == ' ' || *k == '\t'))
		k++;
	kend = close;
	while (kend > k && (kend[-1] == ' ' || kend[-1] == '\t'))
		kend--;
	key = xstrndup(k, kend - k);
	kind = key[0] == '\0' ? -1 : tpl_key_kind(key, src);
	if (kind < 0) {
		snprintf(e->msg, sizeof(e->msg),
		    _("%s:%d: unknown placeholder {{%s}}"), what,
		    tpl_line(text, p, line), key);
		free(key);
		return (PRINT_DATA);
	}
	if (kind == TPL_WAREKI)
		key[strlen(key) - strlen("_wareki")] = '\0';
	tpl_add(t, kind, key, strlen(key));
	free(key);
	*end = close + 2;
	return (PRINT_OK);
}

int
print_template_parse(const char *text, size_t len, const char *what,
    int line, const struct print_source *src, struct print_template **out,
    struct print_error *e)
{
	struct print_template *t;
	const char	*p = text, *lim = text + len, *lit = text;
	int		 rc;

	*out = NULL;
	if (u8_check((const uint8_t *)text, len) != NULL ||
	    memchr(text, '\0', len) != NULL) {
		snprintf(e->msg, sizeof(e->msg), _("%s: not UTF-8 text"),
		    what);
		return (PRINT_DATA);
	}
	t = xcalloc(1, sizeof(*t));
	store_today(t->today);
	while (p + 1 < lim) {
		if (p[0] != '{' || p[1] != '{') {
			p++;
			continue;
		}
		if (p > lit)
			tpl_add(t, TPL_TEXT, lit, p - lit);
		if ((rc = tpl_placeholder(t, text, line, p, lim, what, src,
		    &p, e)) != PRINT_OK) {
			print_template_free(t);
			return (rc);
		}
		lit = p;
	}
	if (lim > lit)
		tpl_add(t, TPL_TEXT, lit, lim - lit);
	*out = t;
	return (PRINT_OK);
}

void
print_template_free(struct print_template *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(t->parts[i].text);
	free(t->parts);
	free(t);
}

/* Append S to the growing string *out of *len bytes (capacity *cap). */
static void
tpl_cat(char **out, size_t *len, size_t *cap, const char *s)
{
	size_t	 n = s == NULL ? 0 : strlen(s);

	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*out = xrealloc(*out, *cap);
	}
	memcpy(*out + *len, s == NULL ? "" : s, n);
	*len += n;
	(*out)[*len] = '\0';
}

char *
print_template_expand(const struct print_template *t,
    const struct print_source *src, size_t i)
{
	char	*out = NULL, era[PRINT_WAREKI_SIZE];
	size_t	 len = 0, cap = 0, k;

	tpl_cat(&out, &len, &cap, "");
	for (k = 0; k < t->n; k++) {
		const struct tpl_part *p = &t->parts[k];

		switch (p->kind) {
		case TPL_TEXT:
			tpl_cat(&out, &len, &cap, p->text);
			break;
		case TPL_FIELD:
			tpl_cat(&out, &len, &cap,
			    src->value(src->arg, i, p->text));
			break;
		case TPL_ATENA:
			tpl_cat(&out, &len, &cap,
			    src->value(src->arg, i, "name"));
			tpl_cat(&out, &len, &cap, "様");
			break;
		case TPL_TODAY:
			tpl_cat(&out, &len, &cap, t->today);
			break;
		case TPL_TODAY_WAREKI:
			print_wareki(t->today, era);
			tpl_cat(&out, &len, &cap, era);
			break;
		case TPL_WAREKI:
			print_wareki(src->value(src->arg, i, p->text), era);
			tpl_cat(&out, &len, &cap, era);
			break;
		}
	}
	return (out);
}
