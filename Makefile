# sanka -- build, test, benchmark, install.  One non-recursive Makefile.
#
#   make            ./sanka (always the plain optimised build)
#   make run        demo database in ./demo-db, then sanka on it
#   make check      unit tests and end-to-end tests, each also under ASan+UBSan
#   make bench      benchmarks next to their peers (not part of check)
#   make fuzz       the CSV fuzz targets, 60 s each (clang libFuzzer)
#   make install    honours PREFIX and DESTDIR
#   make deps       installs missing Debian packages (sudo when not root)

VERSION	 = 0.1.0
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
LOCALEDIR ?= $(PREFIX)/share/locale
MANDIR	?= $(PREFIX)/share/man
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
# The shared directory of a server install: SANKA_SYSTEM_DB in tui/sanka.h.
SHAREDDIR = /var/lib/sanka
DESTDIR	?=

CC	?= cc
CPPFLAGS += -I. $(shell pkg-config --cflags ncursesw panelw 2>/dev/null) \
	    -DSANKA_VERSION='"$(VERSION)"' -DSANKA_LOCALEDIR='"$(LOCALEDIR)"'
CFLAGS	?= -std=c11 -O2 -g -Wall -Wextra -Werror -Wshadow \
	   -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
# Quiet build lines (redis style); V=1 shows the whole commands.
ifeq ($(V),1)
Q =
else
Q = @printf '  %-6s %s\n' $(1) $@;
endif
SAN	 = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all

LIBS_STORE  = -llmdb -lunistring
LIBS_IMPORT = -lcsv
LIBS_TUI    = $(shell pkg-config --libs ncursesw panelw 2>/dev/null)
PRINT_PC    = pangocairo cairo-pdf fontconfig libqrencode
CFLAGS_PRINT = $(shell pkg-config --cflags $(PRINT_PC) 2>/dev/null)
LIBS_PRINT  = $(shell pkg-config --libs $(PRINT_PC) 2>/dev/null)
LIBS_ALL    = $(LIBS_TUI) $(LIBS_IMPORT) $(LIBS_PRINT) $(LIBS_STORE)

STORE_SRC  = $(wildcard store/*.c)
IMPORT_SRC = $(wildcard import/*.c)
PRINT_SRC  = $(wildcard print/*.c)
MAIL_SRC   = $(wildcard mail/*.c)
TUI_SRC	   = $(filter-out tui/main.c,$(wildcard tui/*.c tui/cli/*.c))
UNIT_SRC   = $(wildcard tests/unit/test-*.c)
UNIT_NAMES = $(patsubst tests/unit/%.c,%,$(UNIT_SRC))
BENCH_SRC  = $(wildcard tests/bench/*.c)
FUZZ_SRC   = $(wildcard tests/fuzz/fuzz-*.c)
PO	   = $(wildcard po/*.po)
MO	   = $(patsubst po/%.po,build/locale/%/LC_MESSAGES/sanka.mo,$(PO))

DEB_PKGS = build-essential pkg-config libncurses-dev ncurses-term \
	   liblmdb-dev lmdb-utils libcsv-dev libunistring-dev libcmocka-dev \
	   tmux gettext locales sqlite3 libsqlite3-dev hyperfine clang python3 \
	   libclang-rt-14-dev dpkg-dev debhelper lintian libcairo2-dev \
	   libpango1.0-dev libqrencode-dev fonts-ipaexfont fonts-noto-cjk \
	   poppler-utils zbar-tools
# The tests hand mail to a local MTA; one is installed only when the
# machine has none (exim4 configured to deliver on this machine only).
MTA_PKG	 = exim4-daemon-light
LOCALES	 = ja_JP.UTF-8 en_US.UTF-8

.PHONY: all run check unit unit-asan e2e e2e-asan bench fuzz install uninstall \
	deps clean deb check-deb
.DEFAULT_GOAL := all
# Keep the test objects make would delete as intermediates.
.SECONDARY: $(foreach d,build build/asan,$(patsubst %.c,$(d)/%.o,$(UNIT_SRC)))

all: sanka $(MO)

# The archives depend on the list of sources too, so a deleted source
# leaves its archive (ar never drops a member on its own).
SOURCES_NOW := $(STORE_SRC) $(IMPORT_SRC) $(PRINT_SRC) $(MAIL_SRC) $(TUI_SRC)
$(shell mkdir -p build; echo '$(SOURCES_NOW)' | cmp -s - build/sources || \
    echo '$(SOURCES_NOW)' > build/sources)

# $(1): build directory, $(2): extra compile and link flags.  The same
# tree is built plain in build/ and with sanitizers in build/asan/.
define tree_rules
$(1)/%.o: %.c
	@mkdir -p $$(@D)
	$$(call Q,CC)$$(CC) $$(CPPFLAGS) $$(CFLAGS) $(2) -MMD -MP -c $$< -o $$@
$(1)/libstore.a: $$(patsubst %.c,$(1)/%.o,$$(STORE_SRC)) build/sources
	$$(call Q,AR)rm -f $$@; $$(AR) rcs $$@ $$(filter %.o,$$^)
$(1)/libimport.a: $$(patsubst %.c,$(1)/%.o,$$(IMPORT_SRC)) build/sources
	$$(call Q,AR)rm -f $$@; $$(AR) rcs $$@ $$(filter %.o,$$^)
$(1)/print/%.o: CPPFLAGS += $$(CFLAGS_PRINT)
$(1)/libprint.a: $$(patsubst %.c,$(1)/%.o,$$(PRINT_SRC)) build/sources
	$$(call Q,AR)rm -f $$@; $$(AR) rcs $$@ $$(filter %.o,$$^)
$(1)/libmail.a: $$(patsubst %.c,$(1)/%.o,$$(MAIL_SRC)) build/sources
	$$(call Q,AR)rm -f $$@; $$(AR) rcs $$@ $$(filter %.o,$$^)
$(1)/libtui.a: $$(patsubst %.c,$(1)/%.o,$$(TUI_SRC)) build/sources
	$$(call Q,AR)rm -f $$@; $$(AR) rcs $$@ $$(filter %.o,$$^)
# A store test links without ncurses or libcsv: the layer does not reach up.
$(1)/tests/test-store-%: $(1)/tests/unit/test-store-%.o $(1)/libstore.a
	$$(call Q,LINK)$$(CC) $(2) $$(LDFLAGS) -o $$@ $$^ $$(LIBS_STORE) -lcmocka
$(1)/tests/test-import-%: $(1)/tests/unit/test-import-%.o \
    $(1)/libimport.a $(1)/libstore.a
	$$(call Q,LINK)$$(CC) $(2) $$(LDFLAGS) -o $$@ $$^ $$(LIBS_IMPORT) $$(LIBS_STORE) \
	    -lcmocka
# Print and mail tests link without ncurses or libcsv.
$(1)/tests/test-print-%: $(1)/tests/unit/test-print-%.o $(1)/libprint.a \
    $(1)/libstore.a
	$$(call Q,LINK)$$(CC) $(2) $$(LDFLAGS) -o $$@ $$^ $$(LIBS_PRINT) $$(LIBS_STORE) \
	    -lcmocka
$(1)/tests/test-mail-%: $(1)/tests/unit/test-mail-%.o $(1)/libmail.a \
    $(1)/libprint.a $(1)/libstore.a
	$$(call Q,LINK)$$(CC) $(2) $$(LDFLAGS) -o $$@ $$^ $$(LIBS_PRINT) $$(LIBS_STORE) \
	    -lcmocka
$(1)/tests/test-tui-%: $(1)/tests/unit/test-tui-%.o $(1)/libtui.a \
    $(1)/libimport.a $(1)/libmail.a $(1)/libprint.a $(1)/libstore.a
	$$(call Q,LINK)$$(CC) $(2) $$(LDFLAGS) -o $$@ $$^ $$(LIBS_ALL) -lcmocka
endef
$(eval $(call tree_rules,build,))
$(eval $(call tree_rules,build/asan,$(SAN)))

sanka: build/tui/main.o build/libtui.a build/libimport.a build/libmail.a \
    build/libprint.a build/libstore.a
	$(call Q,LINK)$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_ALL)

build/locale/%/LC_MESSAGES/sanka.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# --- tests ---------------------------------------------------------------

unit: $(addprefix build/tests/,$(UNIT_NAMES))
	@tests/run-unit.sh $^
unit-asan: $(addprefix build/asan/tests/,$(UNIT_NAMES))
	@ASAN_OPTIONS=detect_leaks=1 \
	    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/unit/lsan.supp \
	    tests/run-unit.sh $^
e2e: all
	@tests/e2e/run.sh
# The same scripts against the sanitizer build of the binary (leaks are the
# unit tests' job: libpanel keeps 32 bytes for good).
build/asan/sanka: build/asan/tui/main.o build/asan/libtui.a \
    build/asan/libimport.a build/asan/libmail.a build/asan/libprint.a \
    build/asan/libstore.a
	$(call Q,LINK)$(CC) $(SAN) $(LDFLAGS) -o $@ $^ $(LIBS_ALL)
e2e-asan: all build/asan/sanka
	@SANKA_BIN=$(CURDIR)/build/asan/sanka E2E_LOGS=build/e2e-asan \
	    SANKA_LOCALEDIR=$(CURDIR)/build/locale \
	    ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    tests/e2e/run.sh

check: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory unit-asan
	@$(MAKE) --no-print-directory e2e
	@$(MAKE) --no-print-directory e2e-asan

# --- demo, benchmarks, fuzzing -------------------------------------------

run: deps
	@$(MAKE) --no-print-directory all
	tests/demo.sh ./demo-db
	./sanka -d ./demo-db

build/bench/%: tests/bench/%.c build/libimport.a build/libstore.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $^ $(LIBS_ALL) -lsqlite3
bench: deps all $(patsubst tests/bench/%.c,build/bench/%,$(BENCH_SRC))
	tests/bench/run.sh

FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined $(CPPFLAGS)
build/fuzz/%: tests/fuzz/%.c $(IMPORT_SRC) $(STORE_SRC)
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) -o $@ $^ $(LIBS_IMPORT) $(LIBS_STORE)
fuzz: deps $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
	tests/fuzz/run.sh $(FUZZ_SECONDS)

# --- install and packages ------------------------------------------------

# The Debian package (debian/); check-deb installs it, runs a smoke
# test as a staff user and purges it, leaving the machine as it was.
# The package builds from a copy of the tracked files in build/deb/, so
# its clean and its PREFIX=/usr build leave this tree alone.
deb:
	rm -rf build/deb && mkdir -p build/deb/sanka-$(VERSION)
	git ls-files -z | xargs -0 cp --parents -t build/deb/sanka-$(VERSION)
	cd build/deb/sanka-$(VERSION) && \
	    DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b
	lintian --fail-on error build/deb/sanka_$(VERSION)_*.deb
check-deb: deb
	tests/check-deb.sh

# As root into the running system (no DESTDIR): group sanka, sanka setgid
# sanka 2755 and the shared directory 2770 root:sanka (the package does the
# same in its maintainer scripts).
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(COMPLETIONDIR)
	install -m 0755 sanka $(DESTDIR)$(BINDIR)/sanka
	install -m 0644 docs/sanka.1 $(DESTDIR)$(MANDIR)/man1/sanka.1
	install -m 0644 docs/sanka.bash $(DESTDIR)$(COMPLETIONDIR)/sanka
	for mo in $(MO); do \
		lang=$${mo#build/locale/}; lang=$${lang%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES; \
		install -m 0644 $$mo $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/; \
	done
	if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then \
		getent group sanka >/dev/null || groupadd --system sanka; \
		chown root:sanka $(BINDIR)/sanka; \
		chmod 2755 $(BINDIR)/sanka; \
		install -d -o root -g sanka -m 2770 $(SHAREDDIR); \
	fi
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/sanka $(DESTDIR)$(MANDIR)/man1/sanka.1 \
	    $(DESTDIR)$(COMPLETIONDIR)/sanka
	for mo in $(MO); do \
		lang=$${mo#build/locale/}; lang=$${lang%%/*}; \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/sanka.mo; \
	done

deps:
	@missing=; for p in $(DEB_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
		    grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	if [ ! -x /usr/sbin/sendmail ]; then \
		missing="$$missing $(MTA_PKG)"; \
		echo 'exim4-config exim4/dc_eximconfig_configtype select' \
		    'local delivery only; not on a network' | \
		    $$sudo debconf-set-selections; \
	fi; \
	if [ -n "$$missing" ]; then \
		echo "make deps: installing$$missing"; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
		    $$missing; \
	fi; \
	for l in $(LOCALES); do \
		locale -a 2>/dev/null | grep -qix "$$(echo $$l | \
		    sed 's/UTF-8/utf8/')" && continue; \
		echo "make deps: generating locale $$l"; \
		$$sudo sed -i "s/^# *\($$l UTF-8\)/\1/" /etc/locale.gen; \
		grep -q "^$$l UTF-8" /etc/locale.gen || \
		    echo "$$l UTF-8" | $$sudo tee -a /etc/locale.gen >/dev/null; \
		$$sudo locale-gen >/dev/null; \
	done

clean:
	rm -rf build sanka

-include $(shell find build -name '*.d' 2>/dev/null)
