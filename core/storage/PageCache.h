// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace Storage::PageCache {

/// Puts a thin layer over SQLite's own page cache that keeps one page-number swap from costing a scan of
/// the whole cache at the end of the transaction.
///
/// When a b-tree split leaves sibling pages out of page-number order, SQLite swaps two numbers through the
/// lock-byte page's number (page 262,145 with 4 KiB pages) as a spare. Its cache remembers the highest
/// number it ever held, and every transaction ends by dropping the pages beyond the database's end: with
/// that remembered number far beyond the end of a database under 1 GiB, SQLite walks every hash slot and
/// every cached page to find none. Under inserts spread over thousands of symbols most commits split a
/// page somewhere, and with a cache of 64 MiB that walk took 9 % of the storage writer's time. The layer
/// parks the page under number 0 (no page has it) instead; everything else goes to SQLite's cache as is.
///
/// Only possible before SQLite's first use in the process; returns whether the layer is in place.
bool install();

/// Whether install() put the layer in place.
bool installed();

/// Pages parked under number 0 instead of the lock-byte page's since install(), for tests.
std::uint64_t parkedSwaps();

} // namespace Storage::PageCache
