/* address.c -- one plain e-mail address per field: what sanka hands to
 * sendmail as the recipient must be exactly one mailbox. */

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "mail/mail.h"
#include "store/i18n.h"

#define LOCAL_MAX	64	/* RFC 5321 4.5.3.1 */
#define DOMAIN_MAX	253

/* The characters of a dot-atom besides letters and digits (RFC 5322). */
static bool
addr_atext(int c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' &&
	    strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL));
}

static bool
addr_local_ok(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0 || n > LOCAL_MAX || s[0] == '.' || s[n - 1] == '.')
		return (false);
	for (i = 0; i < n; i++)
		if (s[i] == '.' ? s[i + 1] == '.' : !addr_atext(s[i]))
			return (false);
	return (true);
}

static bool
addr_domain_ok(const char *s)
{
	size_t	 n = strlen(s), label = 0, i;

	if (n == 0 || n > DOMAIN_MAX)
		return (false);
	for (i = 0; i <= n; i++) {
		char	 c = s[i];

		if (c == '.' || c == '\0') {
			if (label == 0 || s[i - 1] == '-')
				return (false);
			label = 0;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || (c == '-' && label > 0))
			label++;
		else
			return (false);
		if (label > 63)
			return (false);
	}
	return (true);
}

int
mail_address_check(const char *addr, struct mail_error *e)
{
	const char	*at = addr == NULL ? NULL : strchr(addr, '@');
	size_t		 ats = 0, i;

	for (i = 0; addr != NULL && addr[i] != '\0'; i++)
		ats += addr[i] == '@';
	if (ats > 1 && strpbrk(addr, ",; \t\n") != NULL) {
		snprintf(e->msg, sizeof(e->msg),
		    _("\"%s\" holds more than one address"), addr);
		return (MAIL_DATA);
	}
	if (at == NULL || ats != 1 || !addr_local_ok(addr, at - addr) ||
	    !addr_domain_ok(at + 1)) {
		snprintf(e->msg, sizeof(e->msg),
		    _("\"%s\" is not an e-mail address"),
		    addr == NULL ? "" : addr);
		return (MAIL_DATA);
	}
	return (MAIL_OK);
}
