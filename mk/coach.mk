# coach.mk - the draft coach's word lists, compiled into the library.
#
# scripts/embed-coach turns data/coach/*.txt into $(BUILD)/gen/coach_data.c,
# const tables that src/nlp/coach_*.c read, so rapport needs no data files
# at run time.  Also builds the evaluation driver used by bench/coach-eval.

COACH_DATA := $(sort $(wildcard data/coach/*.txt))
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
	@BUILD=$(BUILD) bench/coach-eval
