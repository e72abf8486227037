/* store.c - picks a backend for a database location. */
#include "store/store.h"

#include <string.h>

rp_code
store_open(const char *location, unsigned flags, store **out, rp_err *err)
{
    *out = NULL;
    if (!location || !*location)
        return rp_fail(err, RP_EINVAL, "no database location given");
    if (!strncmp(location, "postgres://", 11) ||
        !strncmp(location, "postgresql://", 13))
        return rp_fail(err, RP_EINVAL,
                       "cannot open '%s': the PostgreSQL backend is not "
                       "built yet; use a SQLite file path",
                       location);
    return store_sqlite_open(location, flags, out, err);
}

void
store_close(store *st)
{
    if (st)
        st->ops->close(st);
}
