// SPDX-License-Identifier: MIT
// The entry point by which the sqlite3 shell and other SQLite programs load bar_rows() (BarRowsTable.h):
//   sqlite3 -cmd '.load /usr/lib/tickdesk/libtickdesk_sqlite' tickdesk.sqlite
#include "BarRowsTable.h"

#include <sqlite3.h>

extern "C" __attribute__((visibility("default"))) int sqlite3_extension_init(sqlite3 *db, char **, const void *)
{
    return Storage::registerBarRows(db);
}
