/*
 * tone.h - the tone of a message, as rapport stores it with each
 * interaction: the mean VADER compound over the sentences the sender
 * actually wrote (quoted replies, forwards and signatures removed).
 * Pure: calls src/nlp only.
 */
#ifndef RP_TONE_H
#define RP_TONE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/rp.h"

/*
 * Scores text (len bytes, UTF-8).  With email set, quoted and forwarded
 * parts and signatures are removed first.  Returns false (and leaves
 * *compound alone) when there is no sentence with words to score, or
 * memory runs out.
 */
bool tone_score(const char *text, size_t len, bool email, double *compound);

#endif
