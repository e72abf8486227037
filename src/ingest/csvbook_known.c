/* csvbook_known.c - the exports whose header says what each column
 * holds: LinkedIn, Google Contacts and Outlook; see csvbook.h. */
#include <stdio.h>
#include <string.h>

#include "ingest/csvbook_impl.h"

/* Columns named "<prefix> N - <suffix>" for N = 1, 2, ... in order. */
static bool
numbered(rp_arena *a, csvbook_map *m, const csvbook_row *hdr,
         const char *prefix, const char *suffix, csvbook_field f)
{
    for (int n = 1; n < 100; n++) {
        char name[64];
        snprintf(name, sizeof name, "%s %d - %s", prefix, n, suffix);
        long c = csvbook_column(hdr, name);
        if (c < 0)
            break;
        if (!csvbook_add_col(a, m, f, (size_t)c))
            return false;
    }
    return true;
}

/* Maps the first of the named columns hdr has to f. */
static bool
first_of(rp_arena *a, csvbook_map *m, const csvbook_row *hdr, csvbook_field f,
         const char *const *names)
{
    for (; *names; names++) {
        long c = csvbook_column(hdr, *names);
        if (c >= 0)
            return csvbook_add_col(a, m, f, (size_t)c);
    }
    return true;
}

static bool
linkedin(rp_arena *a, const csvbook_row *hdr, csvbook_map *m)
{
    static const struct {
        const char *name;
        csvbook_field f;
    } cols[] = {{"First Name", CF_FIRST},      {"Last Name", CF_LAST},
                {"Email Address", CF_EMAIL},   {"Company", CF_ORG},
                {"Position", CF_TITLE},        {"URL", CF_URL},
                {"Connected On", CF_CONNECTED}};
    if (csvbook_column(hdr, "Connected On") < 0 ||
        csvbook_column(hdr, "First Name") < 0)
        return false;
    m->kind = "LinkedIn";
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++) {
        long c = csvbook_column(hdr, cols[i].name);
        if (c >= 0 && !csvbook_add_col(a, m, cols[i].f, (size_t)c))
            return false;
    }
    return true;
}

static bool
google(rp_arena *a, const csvbook_row *hdr, csvbook_map *m)
{
    static const char *const full[] = {"Name", NULL};
    static const char *const first[] = {"First Name", "Given Name", NULL};
    static const char *const middle[] = {"Middle Name", "Additional Name",
                                         NULL};
    static const char *const last[] = {"Last Name", "Family Name", NULL};
    static const char *const org[] = {"Organization Name",
                                      "Organization 1 - Name", NULL};
    static const char *const title[] = {"Organization Title",
                                        "Organization 1 - Title", NULL};
    static const char *const bday[] = {"Birthday", NULL};
    static const char *const notes[] = {"Notes", NULL};
    static const char *const tags[] = {"Labels", "Group Membership", NULL};
    bool named = csvbook_column(hdr, "Name") >= 0 ||
                 csvbook_column(hdr, "First Name") >= 0 ||
                 csvbook_column(hdr, "Given Name") >= 0;
    bool google = csvbook_column(hdr, "E-mail 1 - Value") >= 0 ||
                  csvbook_column(hdr, "Phone 1 - Value") >= 0 ||
                  csvbook_column(hdr, "Group Membership") >= 0 ||
                  csvbook_column(hdr, "Labels") >= 0;
    if (!named || !google)
        return false;
    m->kind = "Google Contacts";
    return first_of(a, m, hdr, CF_NAME, full) &&
           first_of(a, m, hdr, CF_FIRST, first) &&
           first_of(a, m, hdr, CF_MIDDLE, middle) &&
           first_of(a, m, hdr, CF_LAST, last) &&
           first_of(a, m, hdr, CF_ORG, org) &&
           first_of(a, m, hdr, CF_TITLE, title) &&
           first_of(a, m, hdr, CF_BIRTHDAY, bday) &&
           first_of(a, m, hdr, CF_NOTES, notes) &&
           first_of(a, m, hdr, CF_TAGS, tags) &&
           numbered(a, m, hdr, "E-mail", "Value", CF_EMAIL) &&
           numbered(a, m, hdr, "Phone", "Value", CF_PHONE);
}

/* Outlook's export (and Google's "Outlook CSV"): one column per email
 * and per kind of phone.  Its birthdays are in the writer's locale
 * ("4/5/1980"), so only ISO dates are taken from them. */
static bool
outlook(rp_arena *a, const csvbook_row *hdr, csvbook_map *m)
{
    static const char *const first[] = {"First Name", NULL};
    static const char *const middle[] = {"Middle Name", NULL};
    static const char *const last[] = {"Last Name", NULL};
    static const char *const org[] = {"Company", NULL};
    static const char *const title[] = {"Job Title", NULL};
    static const char *const bday[] = {"Birthday", NULL};
    static const char *const notes[] = {"Notes", NULL};
    static const char *const tags[] = {"Categories", NULL};
    static const char *const emails[] = {"E-mail Address", "E-mail 2 Address",
                                         "E-mail 3 Address"};
    static const char *const phones[] = {
        "Mobile Phone", "Business Phone", "Business Phone 2", "Home Phone",
        "Home Phone 2", "Primary Phone",  "Other Phone",      "Car Phone"};
    if (csvbook_column(hdr, "E-mail Address") < 0 ||
        csvbook_column(hdr, "First Name") < 0 ||
        csvbook_column(hdr, "Last Name") < 0)
        return false;
    m->kind = "Outlook";
    for (size_t i = 0; i < sizeof emails / sizeof *emails; i++) {
        long c = csvbook_column(hdr, emails[i]);
        if (c >= 0 && !csvbook_add_col(a, m, CF_EMAIL, (size_t)c))
            return false;
    }
    for (size_t i = 0; i < sizeof phones / sizeof *phones; i++) {
        long c = csvbook_column(hdr, phones[i]);
        if (c >= 0 && !csvbook_add_col(a, m, CF_PHONE, (size_t)c))
            return false;
    }
    return first_of(a, m, hdr, CF_FIRST, first) &&
           first_of(a, m, hdr, CF_MIDDLE, middle) &&
           first_of(a, m, hdr, CF_LAST, last) &&
           first_of(a, m, hdr, CF_ORG, org) &&
           first_of(a, m, hdr, CF_TITLE, title) &&
           first_of(a, m, hdr, CF_BIRTHDAY, bday) &&
           first_of(a, m, hdr, CF_NOTES, notes) &&
           first_of(a, m, hdr, CF_TAGS, tags);
}

bool
csvbook_recognise(rp_arena *a, const csvbook_row *hdr, csvbook_map *m)
{
    memset(m, 0, sizeof *m);
    if (linkedin(a, hdr, m))
        return true;
    memset(m, 0, sizeof *m);
    if (google(a, hdr, m))
        return true;
    memset(m, 0, sizeof *m);
    if (outlook(a, hdr, m))
        return true;
    memset(m, 0, sizeof *m);
    return false;
}
