#!/bin/sh
# Regenerate po/sanka.pot from the sources and merge it into each po/*.po
# (new messages arrive untranslated; `msgfmt --statistics` counts them).
cd "$(dirname "$0")/.." || exit 2
xgettext --from-code=UTF-8 -k_ -kN_ --language=C --package-name=sanka \
    --msgid-bugs-address=- -o po/sanka.pot store/*.c import/*.c print/*.c mail/*.c tui/*.c tui/cli/*.c || exit 1
for po in po/*.po; do
	msgmerge -q --update --backup=none "$po" po/sanka.pot || exit 1
	msgfmt --check --statistics -o /dev/null "$po"
done
