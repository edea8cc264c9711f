// SPDX-License-Identifier: MIT
#include "MessageText.h"

#include "text/JsonWriter.h"
#include "text/SignalJson.h"

using namespace Qt::StringLiterals;

namespace Notify {

namespace {

QString sideWord(const Model::TradeSignal &s)
{
    return QString::fromLatin1(Model::sideName(s.side)).toUpper();
}

QString utcTime(Model::TimestampUs us)
{
    QByteArray text;
    Text::appendIsoTime(us, text);
    return QString::fromLatin1(text);
}

} // namespace

QString subjectOf(const std::vector<Storage::OutboxEntry> &entries)
{
    if (entries.size() == 1) {
        const Model::TradeSignal &s = entries.front().signal;
        return u"TickDesk: %1 %2 at %3 (%4)"_s.arg(sideWord(s), s.symbol.toString())
            .arg(s.price, 0, 'f', 2)
            .arg(s.ruleName());
    }
    QStringList parts;
    for (std::size_t i = 0; i < entries.size() && i < 3; ++i)
        parts << entries[i].signal.symbol.toString() + u' ' +
                     QString::fromLatin1(Model::sideName(entries[i].signal.side));
    if (entries.size() > 3)
        parts << u"…"_s;
    return u"TickDesk: %1 signals (%2)"_s.arg(entries.size()).arg(parts.join(u", "_s));
}

QString bodyOf(const std::vector<Storage::OutboxEntry> &entries)
{
    QString body;
    for (const Storage::OutboxEntry &e : entries) {
        const Model::TradeSignal &s = e.signal;
        body += u"%1 %2 at %3\n"_s.arg(sideWord(s), s.symbol.toString()).arg(s.price, 0, 'f', 4);
        body += u"Rule: %1\nReason: %2\nTime: %3 (signal #%4)\n\n"_s.arg(s.ruleName(), s.reason, utcTime(s.timestamp))
                    .arg(s.id);
    }
    body += u"-- \nSent by TickDesk. Each signal is sent once; a repeat carries the same Message-ID.\n"_s;
    return body;
}

QByteArray jsonOf(const std::vector<Storage::OutboxEntry> &entries, const QString &messageId)
{
    QByteArray out = "{\"message_id\":\"" + messageId.toUtf8() + "\",\"signals\":[";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i > 0)
            out += ',';
        out += Text::signalJson(entries[i].signal);
    }
    out += "]}";
    return out;
}

} // namespace Notify
