/* locale.c -- UTF-8 locale, Japanese or English, and the message catalogue. */
#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/i18n.h"
#include "tui/locale.h"

/* The first of the variables that name the messages locale. */
static const char *
locale_env(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char	*v;
	size_t		 i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			return (v);
	}
	return ("");
}

static int
locale_has_catalogue(const char *dir)
{
	char	path[PATH_MAX + 64];

	if (dir == NULL || *dir == '\0')
		return (0);
	snprintf(path, sizeof path, "%s/ja/LC_MESSAGES/%s.mo", dir,
	    SANKA_DOMAIN);
	return (access(path, R_OK) == 0);
}

static void
locale_bind(void)
{
	char	 exe[PATH_MAX], dir[PATH_MAX + 16], *slash;
	const char *env = getenv("SANKA_LOCALEDIR");
	ssize_t	 n;

	if (locale_has_catalogue(env)) {
		bindtextdomain(SANKA_DOMAIN, env);
	} else if (locale_has_catalogue(SANKA_LOCALEDIR)) {
		bindtextdomain(SANKA_DOMAIN, SANKA_LOCALEDIR);
	} else if ((n = readlink("/proc/self/exe", exe,
	    sizeof exe - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		snprintf(dir, sizeof dir, "%s/build/locale", exe);
		if (locale_has_catalogue(dir))
			bindtextdomain(SANKA_DOMAIN, dir);
	}
	bind_textdomain_codeset(SANKA_DOMAIN, "UTF-8");
}

int
tui_locale_init(char *warn, size_t size)
{
	const char	*cur, *lang = getenv("SANKA_LANG"), *env;
	char		 bad[128];
	int		 ja;

	bad[0] = '\0';
	cur = setlocale(LC_ALL, "");
	if (cur == NULL || strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		env = getenv("LC_ALL");
		if (env == NULL || *env == '\0')
			env = getenv("LC_CTYPE");
		if (env == NULL || *env == '\0')
			env = getenv("LANG");
		snprintf(bad, sizeof bad, "%s", env != NULL && *env != '\0' ?
		    env : "C");
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "en_US.UTF-8");
	}

	if (lang != NULL && strncmp(lang, "en", 2) == 0)
		ja = 0;
	else if (lang != NULL && strncmp(lang, "ja", 2) == 0)
		ja = 1;
	else
		ja = strncmp(locale_env(), "en", 2) != 0;

	if (ja) {
		cur = setlocale(LC_MESSAGES, NULL);
		if (cur == NULL || strcmp(cur, "C") == 0 ||
		    strcmp(cur, "POSIX") == 0) {
			if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL &&
			    setlocale(LC_MESSAGES, "ja_JP.UTF-8") == NULL)
				setlocale(LC_MESSAGES, "en_US.UTF-8");
		}
		setenv("LANGUAGE", "ja", 1);
	} else
		setenv("LANGUAGE", "en", 1);
	locale_bind();

	if (size > 0) {
		warn[0] = '\0';
		if (bad[0] != '\0')
			snprintf(warn, size, _("Warning: the locale %s is not "
			    "UTF-8; using C.UTF-8 (set LANG=ja_JP.UTF-8)"),
			    bad);
	}
	return (ja);
}
