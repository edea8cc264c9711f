// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace Storage::WalWrites {

/// Puts a thin layer over SQLite's file system access that gathers the writes of a transaction into its
/// write-ahead log and hands them to the kernel as one.
///
/// SQLite writes each frame of the log with two calls, its 24-byte header and its page, so a commit that
/// changed twenty pages makes forty `pwrite` calls. On a virtual machine where a system call costs a couple of
/// microseconds that was most of a small commit's time: forty calls for twenty frames took 80–100 µs, one call
/// for the same bytes 15–20 µs. The layer keeps the appending writes of the log in memory and writes them out
/// with the page of the frame that ends a transaction, before SQLite publishes the transaction to other
/// connections, so a commit is in the file (and survives the process being killed) exactly when it was
/// before. Anything else done to the log (a read, a write elsewhere, a sync, a truncation, its size) writes
/// out what was gathered first, and so do 128 KiB gathered and the file being closed. Files other than
/// logs are SQLite's own, untouched.
///
/// Only possible before SQLite opens a database in the process; returns whether the layer is in place.
bool install();

/// Whether install() put the layer in place.
bool installed();

/// Writes SQLite asked of logs since install(), and the writes to the kernel that carried them, for tests.
std::uint64_t writesAsked();
std::uint64_t writesMade();

} // namespace Storage::WalWrites
