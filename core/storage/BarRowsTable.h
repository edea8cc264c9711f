// SPDX-License-Identifier: MIT
#pragma once

struct sqlite3;

namespace Storage {

/// Makes the table-valued function `bar_rows(data)` known to a connection: the rows of a value in the
/// bar logs' compact form (BarRowCodec.h), with the columns of a bar table row: `seq`, `symbol_id`,
/// `ts_us`, `open`, `high`, `low`, `close`, `volume`. Prices come as the bar tables keep them: whole
/// ten-thousandths as integers, other prices as floats. A condition `symbol_id = ?` is applied while
/// decoding. A damaged value is an error that names the problem.
int registerBarRows(sqlite3 *db);

} // namespace Storage
