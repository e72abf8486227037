/*
 * coach_data.h - the draft coach's word lists, compiled in at build time.
 *
 * scripts/embed-coach turns each data/coach/<category>.txt into groups of
 * phrases (mk/coach.mk runs it); this header declares the generated const
 * tables.  A group is one "[name] SEVERITY [xN] | advice" block of a file;
 * its phrases are nlp_coach_phrases[first .. first + count).  A phrase is
 * lower-case words separated by single spaces; "word*" is a prefix and a
 * lone "*" any one word.  Everything here lives as long as the program and
 * is read-only, so any number of threads may read it.
 */
#ifndef NLP_COACH_DATA_H
#define NLP_COACH_DATA_H

#include <stddef.h>

typedef struct {
    const char *category; /* the file's name without ".txt" */
    const char *name;     /* the group's [name] */
    int severity;         /* 0..3; 0 for lists that are not flags */
    int min;              /* matches needed before the group fires */
    const char *advice;   /* the text after "|" */
    int first, count;     /* its phrases in nlp_coach_phrases */
} nlp_coach_group;

extern const nlp_coach_group nlp_coach_groups[];
extern const size_t nlp_coach_ngroups;
extern const char *const nlp_coach_phrases[]; /* NULL-terminated */
extern const size_t nlp_coach_nphrases;

#endif
