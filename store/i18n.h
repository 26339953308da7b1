/* i18n.h -- gettext for every layer: _() translates, N_() marks for later. */
#ifndef SANKA_I18N_H
#define SANKA_I18N_H

#include <libintl.h>

#define SANKA_DOMAIN	"sanka"
#define _(s)		dgettext(SANKA_DOMAIN, s)
#define N_(s)		(s)

#endif
