# Small standalone programs: the demo book generator.
$(BUILD)/tools/demo-gen: tools/demo-gen.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror -o $@ $< -ljansson
TOOLS += $(BUILD)/tools/demo-gen

# The large synthetic book for bench/book.
$(BUILD)/tools/book-gen: tools/book-gen.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror -o $@ $<
TOOLS += $(BUILD)/tools/book-gen
