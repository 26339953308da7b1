/* values.c -- parse and normalise cell values: dates, numbers, booleans. */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <uninorm.h>

#include "import/import-int.h"
#include "store/i18n.h"

char *
val_trim(char *s, size_t *len)
{
	size_t	n = *len;

	for (;;) {
		if (n >= 1 && (s[0] == ' ' || s[0] == '\t')) {
			s++;
			n--;
		} else if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
			s += 3;
			n -= 3;
		} else
			break;
	}
	for (;;) {
		if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	s[n] = '\0';
	*len = n;
	return (s);
}

void
val_crlf(char *s, size_t *len)
{
	size_t	i, o = 0, n = *len;

	if (memchr(s, '\r', n) == NULL)
		return;
	for (i = 0; i < n; i++) {
		if (s[i] == '\r') {
			s[o++] = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else
			s[o++] = s[i];
	}
	s[o] = '\0';
	*len = o;
}

bool
val_guarded(const char *s)
{
	while (*s == '\'')
		s++;
	return (*s == '=' || *s == '+' || *s == '-' || *s == '@' ||
	    *s == '\t' || *s == '\r');
}

void
val_unguard(char *s, size_t *len)
{
	if (*len >= 2 && s[0] == '\'' && val_guarded(s + 1)) {
		memmove(s, s + 1, *len);	/* the NUL too */
		(*len)--;
	}
}
bool
val_has_ctl(const char *s, size_t len, bool allow_lf)
{
	const uint64_t	ones = 0x0101010101010101ULL;
	const uint64_t	high = 0x8080808080808080ULL;
	uint64_t	w, x;
	size_t		i;

	for (i = 0; i < len; i++) {
		unsigned char	c;

		/* 8 bytes a step while none is below 0x20 or 0x7F */
		while (i + 8 <= len) {
			memcpy(&w, s + i, 8);
			x = w ^ 0x7F7F7F7F7F7F7F7FULL;
			if ((((w - 0x20 * ones) & ~w) | ((x - ones) & ~x)) &
			    high)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		c = (unsigned char)s[i];
		if (c == 0x7F)
			return (true);
		if (c >= 0x20)
			continue;
		if (allow_lf && (c == '\n' || c == '\t'))
			continue;
		return (true);
	}
	return (false);
}
