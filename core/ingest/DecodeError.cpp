// SPDX-License-Identifier: MIT
#include "DecodeError.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Ingest {

QByteArray DecodeError::toJson() const
{
    QJsonObject o{{u"error"_s, message}};
    if (!field.isEmpty())
        o.insert(u"field"_s, field);
    if (index >= 0)
        o.insert(u"index"_s, static_cast<qint64>(index));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace Ingest
