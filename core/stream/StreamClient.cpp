// SPDX-License-Identifier: MIT
#include "StreamClient.h"

#include "StreamServer.h"

#include <QWebSocket>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stream {

QByteArray Subscription::describe() const
{
    QByteArray out = "{\"type\":\"subscribed\",\"symbols\":";
    if (allSymbols) {
        out += "\"*\"";
    } else {
        std::vector<Model::Symbol> sorted(symbols.begin(), symbols.end());
        std::sort(sorted.begin(), sorted.end());
        out += '[';
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            if (i > 0)
                out += ',';
            out += '"';
            out.append(sorted[i].view().data(), qsizetype(sorted[i].size()));
            out += '"';
        }
        out += ']';
    }
    out += ",\"types\":[";
    if (ticks)
        out += "\"tick\"";
    if (signals)
        out += ticks ? ",\"signal\"" : "\"signal\"";
    if (alerts)
        out += ticks || signals ? ",\"alert\"" : "\"alert\"";
    if (!timeframes.empty())
        out += ticks || signals || alerts ? ",\"bar\"" : "\"bar\"";
    out += ']';
    if (!timeframes.empty()) {
        out += ",\"timeframes\":[";
        for (std::size_t i = 0; i < timeframes.size(); ++i) {
            if (i > 0)
                out += ',';
            out += '"' + timeframes[i].name().toLatin1() + '"';
        }
        out += ']';
    }
    out += '}';
    return out;
}

namespace {

/// What a text frame costs on the wire besides its payload (server frames are not masked).
qsizetype frameOverhead(qsizetype payload)
{
    return payload < 126 ? 2 : (payload < 65536 ? 4 : 10);
}

} // namespace

StreamClient::StreamClient(QWebSocket *socket, const StreamOptions &options, StreamStats &stats, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_options(options)
    , m_stats(stats)
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::bytesWritten, this, &StreamClient::written);
}

StreamClient::~StreamClient() = default;

void StreamClient::sendNow(const QString &text, qsizetype bytes)
{
    m_socket->sendTextMessage(text);
    m_pending += bytes + frameOverhead(bytes);
    m_stats.delivered.fetch_add(1, std::memory_order_relaxed);
    if (m_pending > m_stats.largestBacklog.load(std::memory_order_relaxed))
        m_stats.largestBacklog.store(m_pending, std::memory_order_relaxed);
}

void StreamClient::deliver(const QString &text, qsizetype bytes, bool isSignal, const Model::Symbol &symbol)
{
    if (!m_behind && m_pending >= m_options.highWaterBytes)
        m_socket->flush(); // hands what the kernel takes now to it; bytesWritten() lowers m_pending
    if (!m_behind && m_pending < m_options.highWaterBytes) {
        sendNow(text, bytes);
        return;
    }
    m_behind = true;
    if (!isSignal) {
        // Only the newest bar of a symbol is worth anything to a client that is behind.
        const auto [it, inserted] = m_latestTick.insert_or_assign(symbol, std::pair{text, bytes});
        if (!inserted)
            m_stats.coalesced.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    m_signals.emplace_back(text, bytes);
    if (int(m_signals.size()) > m_options.maxQueuedSignals) {
        m_signals.clear();
        m_latestTick.clear();
        Q_EMIT overrun(this);
    }
}

void StreamClient::written(qint64 bytes)
{
    m_pending = std::max<qint64>(0, m_pending - bytes);
    if (m_behind && m_pending < m_options.lowWaterBytes)
        catchUp();
}

void StreamClient::catchUp()
{
    // Signals first and in order, then the latest bar of each symbol; stop again at the high-water mark.
    while (!m_signals.empty() && m_pending < m_options.highWaterBytes) {
        sendNow(m_signals.front().first, m_signals.front().second);
        m_signals.pop_front();
    }
    while (!m_latestTick.empty() && m_pending < m_options.highWaterBytes) {
        const auto it = m_latestTick.begin();
        sendNow(it->second.first, it->second.second);
        m_latestTick.erase(it);
    }
    m_behind = !m_signals.empty() || !m_latestTick.empty();
}

} // namespace Stream
