// SPDX-License-Identifier: MIT
#pragma once

#include "util/Result.h"

namespace Storage {

class SqliteDatabase;

/// Stepwise migrations keyed by `PRAGMA user_version`.
namespace Schema {

/// The version this build writes.
int currentVersion();

/// Sets WAL mode and the connection pragmas, then brings the schema up to
/// `upTo` (a test may stop at an earlier layout), one step per transaction. Refuses a newer file.
Util::Status migrate(SqliteDatabase &db, int upTo = currentVersion());

} // namespace Schema
} // namespace Storage
