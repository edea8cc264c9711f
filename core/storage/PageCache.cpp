// SPDX-License-Identifier: MIT
#include "PageCache.h"

#include <sqlite3.h>

#include <atomic>
#include <new>

namespace Storage::PageCache {

namespace {

/// SQLite's lock bytes start at 1 GiB; the page holding them never holds data.
constexpr unsigned LockByteOffset = 0x40000000;
/// Page numbers start at 1.
constexpr unsigned ParkingNumber = 0;

sqlite3_pcache_methods2 g_sqlite{};
std::atomic<bool> g_installed{false};
std::atomic<std::uint64_t> g_parked{0};

struct Cache
{
    sqlite3_pcache *sqlite = nullptr;
    unsigned lockBytePage = 0;

    unsigned number(unsigned page) const { return page == lockBytePage ? ParkingNumber : page; }
};

Cache *cacheOf(sqlite3_pcache *cache)
{
    return reinterpret_cast<Cache *>(cache);
}

int init(void *)
{
    return g_sqlite.xInit ? g_sqlite.xInit(g_sqlite.pArg) : SQLITE_OK;
}

void shutdown(void *)
{
    if (g_sqlite.xShutdown)
        g_sqlite.xShutdown(g_sqlite.pArg);
}

sqlite3_pcache *create(int pageSize, int extraSize, int purgeable)
{
    auto *cache = new (std::nothrow) Cache;
    if (!cache)
        return nullptr;
    cache->sqlite = g_sqlite.xCreate(pageSize, extraSize, purgeable);
    if (!cache->sqlite) {
        delete cache;
        return nullptr;
    }
    cache->lockBytePage = pageSize > 0 ? LockByteOffset / unsigned(pageSize) + 1 : 0;
    return reinterpret_cast<sqlite3_pcache *>(cache);
}

void cacheSize(sqlite3_pcache *cache, int pages)
{
    g_sqlite.xCachesize(cacheOf(cache)->sqlite, pages);
}

int pageCount(sqlite3_pcache *cache)
{
    return g_sqlite.xPagecount(cacheOf(cache)->sqlite);
}

sqlite3_pcache_page *fetch(sqlite3_pcache *cache, unsigned page, int createFlag)
{
    const Cache *c = cacheOf(cache);
    return g_sqlite.xFetch(c->sqlite, c->number(page), createFlag);
}

void unpin(sqlite3_pcache *cache, sqlite3_pcache_page *page, int discard)
{
    g_sqlite.xUnpin(cacheOf(cache)->sqlite, page, discard);
}

void rekey(sqlite3_pcache *cache, sqlite3_pcache_page *page, unsigned from, unsigned to)
{
    const Cache *c = cacheOf(cache);
    if (to == c->lockBytePage)
        g_parked.fetch_add(1, std::memory_order_relaxed);
    g_sqlite.xRekey(c->sqlite, page, c->number(from), c->number(to));
}

void truncate(sqlite3_pcache *cache, unsigned limit)
{
    g_sqlite.xTruncate(cacheOf(cache)->sqlite, limit);
}

void destroy(sqlite3_pcache *cache)
{
    Cache *c = cacheOf(cache);
    g_sqlite.xDestroy(c->sqlite);
    delete c;
}

void shrink(sqlite3_pcache *cache)
{
    if (g_sqlite.xShrink)
        g_sqlite.xShrink(cacheOf(cache)->sqlite);
}

} // namespace

bool install()
{
    if (g_installed.load())
        return true;
    if (sqlite3_config(SQLITE_CONFIG_GETPCACHE2, &g_sqlite) != SQLITE_OK || !g_sqlite.xCreate || !g_sqlite.xRekey)
        return false;
    static const sqlite3_pcache_methods2 layer = {
        g_sqlite.iVersion, nullptr, init,   shutdown, create, cacheSize, pageCount, fetch, unpin, rekey,
        truncate,          destroy, shrink,
    };
    if (sqlite3_config(SQLITE_CONFIG_PCACHE2, &layer) != SQLITE_OK)
        return false;
    g_installed.store(true);
    return true;
}

bool installed()
{
    return g_installed.load();
}

std::uint64_t parkedSwaps()
{
    return g_parked.load(std::memory_order_relaxed);
}

} // namespace Storage::PageCache
