// SPDX-License-Identifier: MIT
#include "BarRowsTable.h"

#include "BarRowCodec.h"
#include "PriceCodec.h"

#include <sqlite3.h>

#include <new>

namespace Storage {

namespace {

enum Column
{
    Seq,
    SymbolId,
    Time,
    Open,
    High,
    Low,
    Close,
    Volume,
    Data
};

/// idxNum bits: which of the arguments xFilter gets.
constexpr int HasData = 1;
constexpr int HasSymbol = 2;

struct Cursor
{
    sqlite3_vtab_cursor base{};
    sqlite3_value *value = nullptr; ///< a copy of the value read, kept for the reader
    BarRowCodec::Reader reader{nullptr, 0};
    BarRow row;
    bool atEnd = true;
    bool filterSymbol = false;
    std::int64_t symbol = 0;
};

int connect(sqlite3 *db, void *, int, const char *const *, sqlite3_vtab **out, char **)
{
    const int rc =
        sqlite3_declare_vtab(db, "CREATE TABLE x(seq, symbol_id, ts_us, open, high, low, close, volume, data HIDDEN)");
    if (rc != SQLITE_OK)
        return rc;
    auto *table = static_cast<sqlite3_vtab *>(sqlite3_malloc(sizeof(sqlite3_vtab)));
    if (!table)
        return SQLITE_NOMEM;
    *table = {};
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    *out = table;
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab *table)
{
    sqlite3_free(table);
    return SQLITE_OK;
}

int bestIndex(sqlite3_vtab *, sqlite3_index_info *info)
{
    int data = -1, symbol = -1;
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto &c = info->aConstraint[i];
        if (c.op != SQLITE_INDEX_CONSTRAINT_EQ)
            continue;
        if (c.iColumn == Data) {
            if (!c.usable)
                return SQLITE_CONSTRAINT; // a plan without the value cannot run
            data = i;
        } else if (c.iColumn == SymbolId && c.usable) {
            symbol = i;
        }
    }
    if (data < 0)
        return SQLITE_CONSTRAINT;
    info->aConstraintUsage[data].argvIndex = 1;
    info->aConstraintUsage[data].omit = 1;
    info->idxNum = HasData;
    if (symbol >= 0) {
        info->aConstraintUsage[symbol].argvIndex = 2;
        info->aConstraintUsage[symbol].omit = 1;
        info->idxNum |= HasSymbol;
    }
    info->estimatedCost = symbol >= 0 ? 10 : 100;
    info->estimatedRows = symbol >= 0 ? 10 : 1000;
    return SQLITE_OK;
}

int open(sqlite3_vtab *, sqlite3_vtab_cursor **out)
{
    auto *cursor = new (std::nothrow) Cursor;
    if (!cursor)
        return SQLITE_NOMEM;
    *out = &cursor->base;
    return SQLITE_OK;
}

int close(sqlite3_vtab_cursor *base)
{
    auto *cursor = reinterpret_cast<Cursor *>(base);
    sqlite3_value_free(cursor->value);
    delete cursor;
    return SQLITE_OK;
}

int advance(Cursor *cursor)
{
    while ((cursor->atEnd = !cursor->reader.next(cursor->row)) == false) {
        if (!cursor->filterSymbol || cursor->row.symbolId == cursor->symbol)
            return SQLITE_OK;
    }
    if (cursor->reader.failed()) {
        sqlite3_free(cursor->base.pVtab->zErrMsg);
        cursor->base.pVtab->zErrMsg = sqlite3_mprintf("bar_rows: the stored bar log value is damaged");
        return SQLITE_CORRUPT;
    }
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor *base, int idxNum, const char *, int argc, sqlite3_value **argv)
{
    auto *cursor = reinterpret_cast<Cursor *>(base);
    sqlite3_value_free(cursor->value);
    cursor->value = nullptr;
    cursor->atEnd = true;
    if (!(idxNum & HasData) || argc < 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return SQLITE_OK;
    cursor->value = sqlite3_value_dup(argv[0]);
    if (!cursor->value)
        return SQLITE_NOMEM;
    const void *bytes = sqlite3_value_blob(cursor->value);
    const int size = sqlite3_value_bytes(cursor->value);
    cursor->reader = BarRowCodec::Reader(bytes, std::size_t(size));
    cursor->filterSymbol = (idxNum & HasSymbol) && argc > 1;
    if (cursor->filterSymbol)
        cursor->symbol = sqlite3_value_int64(argv[1]);
    return advance(cursor);
}

int next(sqlite3_vtab_cursor *base)
{
    return advance(reinterpret_cast<Cursor *>(base));
}

int eof(sqlite3_vtab_cursor *base)
{
    return reinterpret_cast<Cursor *>(base)->atEnd;
}

void resultPrice(sqlite3_context *context, double price)
{
    if (const auto units = PriceCodec::toUnits(price))
        sqlite3_result_int64(context, *units);
    else
        sqlite3_result_double(context, price);
}

int column(sqlite3_vtab_cursor *base, sqlite3_context *context, int column)
{
    const BarRow &r = reinterpret_cast<Cursor *>(base)->row;
    switch (column) {
    case Seq:
        sqlite3_result_int64(context, r.seq);
        break;
    case SymbolId:
        sqlite3_result_int64(context, r.symbolId);
        break;
    case Time:
        sqlite3_result_int64(context, r.timestamp);
        break;
    case Open:
        resultPrice(context, r.open);
        break;
    case High:
        resultPrice(context, r.high);
        break;
    case Low:
        resultPrice(context, r.low);
        break;
    case Close:
        resultPrice(context, r.close);
        break;
    case Volume:
        sqlite3_result_int64(context, r.volume);
        break;
    default:
        sqlite3_result_null(context);
        break;
    }
    return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *out)
{
    *out = reinterpret_cast<Cursor *>(base)->row.seq;
    return SQLITE_OK;
}

sqlite3_module makeModule()
{
    sqlite3_module m{};
    m.xConnect = connect; // eponymous only: no xCreate
    m.xBestIndex = bestIndex;
    m.xDisconnect = disconnect;
    m.xOpen = open;
    m.xClose = close;
    m.xFilter = filter;
    m.xNext = next;
    m.xEof = eof;
    m.xColumn = column;
    m.xRowid = rowid;
    return m;
}

const sqlite3_module Module = makeModule();

} // namespace

int registerBarRows(sqlite3 *db)
{
    return sqlite3_create_module_v2(db, "bar_rows", &Module, nullptr, nullptr);
}

} // namespace Storage
