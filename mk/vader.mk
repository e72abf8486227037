# vader.mk - the VADER sentiment lexicon, compiled into the library.
#
# tools/gen-lexicon turns the vendor lexicon (installed by scripts/install-deps,
# never committed) into $(BUILD)/gen/vader_lexicon.c: one const hash table,
# so src/nlp reads no file at run time.  Also builds the bench driver used by
# bench/sentiment-parity.

VADER_LEXICON := vendor/npm/node_modules/vader-sentiment/vader_lexicon.txt
VADER_GEN     := $(BUILD)/tools/gen-lexicon

GEN_SRC += $(BUILD)/gen/vader_lexicon.c

$(BUILD)/gen/vader_lexicon.c: $(VADER_LEXICON) $(VADER_GEN)
	@mkdir -p $(dir $@)
	$(VADER_GEN) $(VADER_LEXICON) >$@.tmp && mv $@.tmp $@

# A host tool: plain flags, no sanitizers or fuzzer instrumentation.
$(VADER_GEN): tools/gen-lexicon.c src/nlp/lexicon.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O1 -Wall -Wextra -Werror -Isrc -o $@ $<

$(VADER_LEXICON):
	@echo "error: missing $(VADER_LEXICON) (the VADER lexicon)." >&2
	@echo "error: run scripts/install-deps to install it." >&2
	@exit 1

$(BUILD)/bench/sentiment_driver: bench/sentiment_driver.c $(BUILD)/librapport.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/librapport.a $(LDLIBS)

.PHONY: sentiment-parity
sentiment-parity: $(BUILD)/bench/sentiment_driver
	@BUILD=$(BUILD) bench/sentiment-parity

# make check: the tricky cases and 5,000 stress sentences must score exactly
# as the npm peer does (needs node, which scripts/install-deps provides).
.PHONY: sentiment-parity-quick
sentiment-parity-quick: $(BUILD)/bench/sentiment_driver
	@BUILD=$(BUILD) QUICK=1 bench/sentiment-parity >$(BUILD)/sentiment-parity.log 2>&1 || \
	    { cat $(BUILD)/sentiment-parity.log; echo "sentiment-parity: FAILED"; exit 1; }
	@echo "sentiment-parity: ok ($$(tail -1 $(BUILD)/sentiment-parity.log | awk '{print $$2}') inputs agree with vader-sentiment)"
CHECK_STEPS += sentiment-parity-quick
