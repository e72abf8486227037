/*
 * model.h - the records rapport keeps, as plain structs shared by the
 * store and the domain layer.
 *
 * Strings are UTF-8 and owned by the rp_arena passed to the store call that
 * filled the struct; NULL means unknown.  Integer ids start at 1: an id of
 * 0 means "none".  Times are Unix seconds; 0 means unset.  Enumerated text
 * fields hold exactly the values listed in sql/001_init.sql.
 */
#ifndef RP_MODEL_H
#define RP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char **v;
    size_t n;
} rp_strs;

typedef struct {
    const char *label; /* "birthday", "anniversary", ... */
    const char *date;  /* "YYYY-MM-DD" or "--MM-DD" */
} rp_dated;

typedef struct {
    int64_t id;
    const char *name;
    int64_t org_id;
    const char *org_name; /* filled on read; ignored on write */
    const char *title, *how_met, *family, *notes;
    const char *tier; /* "inner", "active", "network" or NULL */
    int cadence_days; /* 0: derive from tier */
    bool is_me;
    int64_t created_at;
    rp_strs emails, phones, interests, goals, tags;
    rp_dated *dates;
    size_t ndates;
} rp_person;

/* A person in a listing: enough to name and rank them. */
typedef struct {
    int64_t id;
    const char *name;
    const char *email; /* the first one, or NULL */
    const char *org_name;
    const char *title;
    const char *tier;
    int cadence_days;
} rp_person_ref;

typedef struct {
    int64_t id;
    const char *name, *industry, *notes;
    rp_strs domains, goals;
    int64_t created_at;
} rp_org;

typedef struct {
    int64_t id;
    const char *kind; /* email call meeting message note */
    const char *dir;  /* "in": they reached out; "out": the user did */
    int64_t at;
    const char *summary, *body, *source, *external_id, *thread;
    bool automated;
    bool has_sentiment;
    double sentiment;
    int64_t *people;
    size_t npeople;
    int64_t created_at;
} rp_interaction;

typedef struct {
    int64_t id, person_id;
    const char *type; /* give receive ask */
    const char *kind; /* intro resource help referral advice gift, or "" */
    const char *text;
    int64_t at;
    int64_t offering_id;
    const char *outcome; /* asks: pending yes no; else NULL */
    int64_t decided_at;
} rp_ledger;

typedef struct {
    int64_t id;
    const char *name;
    int conviction; /* 1..5 */
    const char *description;
    int64_t created_at;
} rp_offering;

typedef struct {
    int64_t id, person_id;
    const char *dir; /* mine theirs */
    const char *text;
    int64_t due, done_at, created_at;
    const char *person_name; /* read only: filled by commitment_list */
} rp_commitment;

typedef struct {
    int64_t id, org_id, person_id;
    const char *title;
    int64_t amount; /* minor units */
    const char *currency;
    const char *stage; /* lead qualified proposal won lost */
    int64_t opened_at, closed_at;
} rp_deal;

/* Contact summary for one person (automated mail and notes excluded). */
typedef struct {
    int64_t person_id;
    int n_in, n_out;
    int64_t first_at, last_at, last_in_at, last_out_at;
} rp_stats;

/* One message of a conversation thread, as reply signals need it. */
typedef struct {
    const char *thread;
    bool out; /* from the user */
    int64_t at;
} rp_thread_msg;

/* Ledger totals for one person. */
typedef struct {
    int64_t person_id;
    int given, received, asks;
    int asks_yes, asks_no, asks_pending;
    int64_t first_given_at, first_ask_at, last_given_at;
} rp_ledger_totals;

/* A full-text search hit. */
typedef struct {
    const char *kind; /* person org interaction */
    int64_t id;
    const char *title;
    const char *snippet; /* with [ ] around matched terms */
    double rank;         /* lower is better (bm25) */
} rp_hit;

/* A dated event of some person (birthday...). */
typedef struct {
    int64_t person_id;
    const char *name;
    const char *label;
    const char *date;
} rp_person_date;

typedef struct {
    int64_t people, orgs, interactions, ledger, commitments, deals, offerings;
} rp_counts;

#endif
