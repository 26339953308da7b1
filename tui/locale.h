/* locale.h -- the locale and language of the screens. */
#ifndef SANKA_TUI_LOCALE_H
#define SANKA_TUI_LOCALE_H

#include <stddef.h>

/*
 * Set LC_ALL from the environment; when that fails or its codeset is not
 * UTF-8, use C.UTF-8 and put a warning into WARN (else WARN is "").
 * The language is Japanese unless $SANKA_LANG=en or the locale's language
 * is English ($SANKA_LANG=ja forces Japanese).  glibc ignores LANGUAGE
 * while LC_MESSAGES is "C"/"POSIX", so for Japanese LC_MESSAGES becomes
 * C.UTF-8 then and LANGUAGE=ja.  The catalogue is $SANKA_LOCALEDIR, else
 * SANKA_LOCALEDIR (make install), else build/locale next to the
 * executable (./sanka in the source tree).  Returns 1 for Japanese.
 */
int	tui_locale_init(char *warn, size_t size);

#endif
