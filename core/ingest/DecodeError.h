// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace Ingest {

/// Why a body was refused: a sentence for a person, the offending field and,
/// in a batch, the zero-based position of the offending record.
struct DecodeError
{
    QString message;
    QString field;
    qsizetype index = -1;

    /// `{"error": ..., "field": ..., "index": ...}`, the body of a 4xx reply.
    QByteArray toJson() const;
};

} // namespace Ingest
