// SPDX-License-Identifier: MIT
#pragma once

#include "bars/Timeframe.h"
#include "model/Symbol.h"

#include <QObject>
#include <QString>

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

class QWebSocket;

namespace Stream {

struct StreamOptions;
struct StreamStats;

/// What one client asked for.
struct Subscription
{
    /// Bars are built per symbol and timeframe asked for: at most this many pairs per client.
    static constexpr std::size_t MaxBarSeries = 100;

    /// What a message carries.
    enum class Kind
    {
        Tick,
        Signal, ///< a rule's buy or sell
        Alert,  ///< a trader's alert that fired (the price-move rule's alerts are signals)
    };

    bool ticks = true;
    bool signals = true;
    bool alerts = true;
    bool allSymbols = true;
    std::unordered_set<Model::Symbol> symbols;
    std::vector<Bars::Timeframe> timeframes; ///< bars of these, for the symbols named; none: no bars

    bool wants(Kind kind, const Model::Symbol &symbol) const
    {
        const bool type = kind == Kind::Tick ? ticks : kind == Kind::Signal ? signals : alerts;
        return type && (allSymbols || symbols.contains(symbol));
    }
    bool wantsBars(const Model::Symbol &symbol, const Bars::Timeframe &timeframe) const
    {
        return !allSymbols && symbols.contains(symbol) &&
               std::find(timeframes.begin(), timeframes.end(), timeframe) != timeframes.end();
    }
    /// `{"type":"subscribed","symbols":"*"|[...],"types":[...]}`
    QByteArray describe() const;
};

/// One connected client and what it has not been able to take yet.
class StreamClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamClient)

public:
    StreamClient(QWebSocket *socket, const StreamOptions &options, StreamStats &stats, QObject *parent = nullptr);
    ~StreamClient() override;

    Subscription subscription;
    QWebSocket *socket() const noexcept { return m_socket; }

    /// Sends at once, or keeps it for later while the client is slow.
    void deliver(const QString &text, qsizetype bytes, bool isSignal, const Model::Symbol &symbol);
    void sendNow(const QString &text, qsizetype bytes);

Q_SIGNALS:
    /// The client fell too far behind and is being disconnected.
    void overrun(StreamClient *client);

private:
    void written(qint64 bytes);
    void catchUp();

    QWebSocket *m_socket;
    const StreamOptions &m_options;
    StreamStats &m_stats;
    qint64 m_pending = 0; ///< bytes handed to the socket and not yet written to the kernel
    bool m_behind = false;
    std::deque<std::pair<QString, qsizetype>> m_signals;                           ///< waiting while behind
    std::unordered_map<Model::Symbol, std::pair<QString, qsizetype>> m_latestTick; ///< per symbol, while behind
};

} // namespace Stream
