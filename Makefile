# rapport - build, test and run.  See README.md.
#
#   make            build build/rapport
#   make check      install missing deps, build, run every test, then again
#                   under ASan+UBSan
#   make run        install missing deps, build, load the demo database and
#                   show `rapport today` for it
#
# Sources are found by glob: a new src/<layer>/<name>.c or
# tests/unit/test_<name>.c needs no edit here.  Generated sources and extra
# check steps come from mk/*.mk fragments, which append to GEN_SRC,
# CHECK_STEPS and CLEAN_FILES.

BUILD    ?= build
SAN      ?=
CC       ?= cc
PKGS      = sqlite3 jansson gmime-3.0 libical libutf8proc libsodium \
            libmicrohttpd libpq
# Read quietly: on a fresh machine `make check` parses this file before
# scripts/install-deps has run (its sub-makes read it again afterwards);
# a build with a package still missing stops in pkgs-ok, naming it.
PKG_CONFIG := $(if $(shell command -v pkg-config),pkg-config --silence-errors)
PKG_CFLAGS := $(if $(PKG_CONFIG),$(shell $(PKG_CONFIG) --cflags $(PKGS)))
PKG_LIBS   := $(if $(PKG_CONFIG),$(shell $(PKG_CONFIG) --libs $(PKGS)))
CMOCKA_LIBS := $(if $(PKG_CONFIG),$(shell $(PKG_CONFIG) --libs cmocka))
PKG_MISSING = $(if $(PKG_CONFIG),$(foreach p,$(PKGS) cmocka,$(if \
	$(shell $(PKG_CONFIG) --exists $(p) && echo y),,$(p))),pkg-config)

WARN     = -Wall -Wextra -Werror -Wno-unused-parameter -Wshadow \
           -Wstrict-prototypes -Wmissing-prototypes
OPT     ?= -O2 -g
ifeq ($(FUZZ),1)
OPT      = -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
           -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=fuzzer,address,undefined
WARN    += -Wno-unused-command-line-argument
endif
ifeq ($(SAN),1)
OPT      = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=undefined
endif
CFLAGS  += -std=c11 -D_GNU_SOURCE $(WARN) $(OPT) -Isrc -I$(BUILD)/gen \
           $(PKG_CFLAGS) -MMD -MP
LDFLAGS += $(if $(filter 1,$(SAN)),-fsanitize=address$(comma)undefined)
LDLIBS  += $(PKG_LIBS) -lcsv -lstemmer -lm -lpthread
comma := ,

.DEFAULT_GOAL := all
GEN_SRC     :=
CHECK_STEPS :=
CLEAN_FILES :=
TOOLS       :=
GEN_SRC     += $(BUILD)/gen/schema.c
-include mk/*.mk

LIB_SRC  := $(filter-out src/cli/main.c,$(wildcard src/*/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(GEN_SRC:$(BUILD)/%.c=$(BUILD)/%.o)
CLI_OBJ  := $(BUILD)/src/cli/main.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

all: $(BUILD)/rapport $(TOOLS)

$(BUILD)/librapport.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/rapport: $(CLI_OBJ) $(BUILD)/librapport.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

.PHONY: pkgs-ok
pkgs-ok:
	@missing="$(strip $(PKG_MISSING))"; [ -z "$$missing" ] || { \
	    echo "rapport: pkg-config cannot find: $$missing;" \
	         "run scripts/install-deps (make deps)" >&2; exit 1; }

$(BUILD)/%.o: %.c | $(GEN_SRC) pkgs-ok
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

# import.c picks up each parser with __has_include, which the compiler's
# dependency files cannot record while the header is absent: rebuild it
# whenever the set of ingest headers changes.
$(BUILD)/src/core/import.o: $(wildcard src/ingest/*.h)

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/librapport.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(BUILD)/librapport.a \
	    $(LDLIBS) $(CMOCKA_LIBS)

# The schema is compiled into the binary: one string per numbered migration.
$(BUILD)/gen/schema.c: $(sort $(wildcard sql/*.sql)) scripts/embed-sql
	@mkdir -p $(dir $@)
	scripts/embed-sql $(sort $(wildcard sql/*.sql)) >$@.tmp && mv $@.tmp $@

# libFuzzer targets: tests/fuzz/fuzz_<name>.c, each with a seed corpus in
# tests/fuzz/corpus/<name>/.  `make fuzz` runs each for FUZZ_SECONDS.
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_SECONDS ?= 10
$(BUILD)/fuzz/%: tests/fuzz/%.c $(BUILD)/librapport.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/librapport.a $(LDLIBS)
fuzz-build: $(FUZZ_BIN)
fuzz:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang FUZZ=1 fuzz-run
fuzz-run: $(FUZZ_BIN)
	@tests/fuzz/run-all.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

unit: $(UNIT_BIN)
	@tests/unit/run-all.sh $(UNIT_BIN)

cli: $(BUILD)/rapport $(TOOLS)
	@RAPPORT=$(abspath $(BUILD)/rapport) tests/cli/run-all.sh

test: unit cli $(CHECK_STEPS)

deps:
	@scripts/install-deps

check: deps
	$(MAKE) format-check
	$(MAKE) test
	$(MAKE) BUILD=build-asan SAN=1 test
	$(MAKE) fuzz
	@echo "check: all suites passed (plain and ASan+UBSan)"

run: deps all
	@scripts/demo

# The C sources clang-format keeps in the house style (.clang-format).
FORMATTED = $$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h' \
	'bench/*.c' 'tools/*.c')

format:
	clang-format -i $(FORMATTED)

# Fails, naming the file and line, on code clang-format would change.
format-check:
	@clang-format --dry-run -Werror $(FORMATTED)
	@echo "format-check: every C source is clang-formatted"

clean:
	rm -rf build build-asan build-fuzz $(CLEAN_FILES)

.PHONY: all unit cli test deps check run format format-check clean fuzz fuzz-build fuzz-run
.DELETE_ON_ERROR:
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
