// SPDX-License-Identifier: MIT
#pragma once

#include "model/TradeSignal.h"

#include <QObject>
#include <QString>

class QTimer;

namespace Notify {

/// A desktop message made of one or several signals.
struct DesktopMessage
{
    QString title;  ///< "New signal: AAPL buy" or "3 new signals"
    QString text;   ///< the reason, or "AAPL buy, MSFT sell, …"
    QString symbol; ///< of the newest signal: where a click leads
    int count = 0;
};

/// Rate limiting and coalescing for messages shown at once (the tray): buy and
/// sell signals are gathered for a moment and become one message, and messages
/// are at least `minimumGapMs` apart, so a burst never floods the desktop.
class BurstCoalescer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BurstCoalescer)

public:
    explicit BurstCoalescer(int gatherMs = 1500, int minimumGapMs = 5000, QObject *parent = nullptr);

    /// On this object's thread.
    void add(const Model::SignalList &signals);

Q_SIGNALS:
    void message(const Notify::DesktopMessage &message);

private:
    void flush();

    QTimer *m_timer;
    int m_gatherMs;
    int m_minimumGapMs;
    qint64 m_lastSentMs = -1;
    Model::SignalList m_pending;
};

/// The message for a group of signals (the first five named).
DesktopMessage describe(const Model::SignalList &signals);

} // namespace Notify

Q_DECLARE_METATYPE(Notify::DesktopMessage)
