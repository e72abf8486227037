# coach.mk - the draft coach's word lists, compiled into the library.
#
# scripts/embed-coach turns data/coach/*.txt into $(BUILD)/gen/coach_data.c,
# const tables that src/nlp/coach_*.c read, so rapport needs no data files
# at run time.  Also builds the evaluation driver used by bench/coach-eval.

COACH_DATA := $(sort $(filter-out data/coach/model.txt,$(wildcard data/coach/*.txt)))
GEN_SRC += $(BUILD)/gen/coach_data.c

$(BUILD)/gen/coach_data.c: $(COACH_DATA) scripts/embed-coach
	@mkdir -p $(dir $@)
	scripts/embed-coach $(COACH_DATA) >$@.tmp && mv $@.tmp $@

$(BUILD)/bench/coach_driver: bench/coach_driver.c $(BUILD)/librapport.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/librapport.a $(LDLIBS)

# The evaluation on the labelled drafts of tests/data/drafts.
.PHONY: coach-eval
coach-eval: $(BUILD)/bench/coach_driver
	@BUILD=$(BUILD) NOBUILD=1 bench/coach-eval

# make check: the driver must read every labelled draft and the evaluation
# must run to its summary line (under ASan+UBSan too); the figures are
# printed, not judged, since the word lists are tuned by hand.
.PHONY: coach-eval-quick
coach-eval-quick: $(BUILD)/bench/coach_driver
	@BUILD=$(BUILD) NOBUILD=1 bench/coach-eval >$(BUILD)/coach-eval.log 2>&1 || \
	    { cat $(BUILD)/coach-eval.log; echo "coach-eval: FAILED"; exit 1; }
	@tail -1 $(BUILD)/coach-eval.log
CHECK_STEPS += coach-eval-quick

# The learned model (src/nlp/coach_model.h): data/coach/model.txt, made by
# tools/coach-train, compiled into const tables.  The trainer links
# liblinear; rapport itself only takes dot products.
GEN_SRC += $(BUILD)/gen/coach_model.c

$(BUILD)/gen/coach_model.c: data/coach/model.txt scripts/embed-model
	@mkdir -p $(dir $@)
	scripts/embed-model data/coach/model.txt >$@.tmp && mv $@.tmp $@

$(BUILD)/tools/coach-train: tools/coach-train.c $(BUILD)/librapport.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/librapport.a $(LDLIBS) -llinear
TOOLS += $(BUILD)/tools/coach-train

# make check: model.txt must be what the trainer makes of today's drafts
# and text cutting (scripts/check-model); in the plain build only, since
# the trainer under ASan takes far longer and trains the same model.
.PHONY: coach-model-fresh
coach-model-fresh: $(BUILD)/tools/coach-train
	@scripts/check-model $(BUILD)/tools/coach-train
ifneq ($(SAN),1)
CHECK_STEPS += coach-model-fresh
endif

# tests/cli/t4300-coach-eval.sh runs bench/coach-eval with this driver.
cli: $(BUILD)/bench/coach_driver
