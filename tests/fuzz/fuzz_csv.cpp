// SPDX-License-Identifier: MIT
// libFuzzer target for the OHLCV CSV importer: any text, with and without a symbol given; rows are kept or
// reported, never a crash, never more kept than read.
#include "io/OhlcvCsv.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::atomic<bool> cancel{false};
    for (const char *symbol : {"FUZZ", ""}) {
        Io::ImportOptions options;
        options.symbol = QString::fromLatin1(symbol);
        Model::RecordBatch out;
        Io::ImportReport report;
        const Util::Status status = Io::readOhlcvCsv(text, options, out, report, cancel, {});
        if (qint64(out.size()) > report.read || report.accepted > report.read)
            __builtin_trap();
        if (!status && status.error().isEmpty())
            __builtin_trap();
        (void)report.summary();
    }
    std::vector<QByteArray> unquoted;
    (void)Io::splitCsvLine(text, ',', unquoted);
    return 0;
}
