// SPDX-License-Identifier: MIT
#include "BurstCoalescer.h"

#include <QDeadlineTimer>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notify {

DesktopMessage describe(const Model::SignalList &signals)
{
    DesktopMessage m;
    m.count = int(signals.size());
    if (signals.isEmpty())
        return m;
    // A trader's alert by its name, a rule's signal by its side.
    const auto name = [](const Model::TradeSignal &s) -> QString {
        return s.symbol.toString() + u' ' +
               (s.isTraderAlert() ? s.alertName : QString::fromLatin1(Model::sideName(s.side)));
    };
    if (m.count == 1) {
        const Model::TradeSignal &only = signals.front();
        m.title = only.isTraderAlert() ? QObject::tr("Alert: %1").arg(name(only))
                                       : QObject::tr("New signal: %1").arg(name(only));
        m.text = only.reason;
    } else {
        QStringList parts;
        for (qsizetype i = 0; i < signals.size() && i < 5; ++i)
            parts << name(signals[i]);
        if (signals.size() > 5)
            parts << u"…"_s;
        m.title = QObject::tr("%n new signals", nullptr, m.count);
        m.text = parts.join(u", "_s);
    }
    m.symbol = signals.back().symbol.toString();
    return m;
}

BurstCoalescer::BurstCoalescer(int gatherMs, int minimumGapMs, QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_gatherMs(gatherMs)
    , m_minimumGapMs(minimumGapMs)
{
    qRegisterMetaType<Notify::DesktopMessage>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &BurstCoalescer::flush);
}

void BurstCoalescer::add(const Model::SignalList &signals)
{
    // The built-in rules' alerts (price moves, news) stay in the signal panel; the trader's own alerts are
    // what they asked to be told about.
    for (const Model::TradeSignal &s : signals)
        if (s.side != Model::SignalSide::Alert || s.isTraderAlert())
            m_pending.append(s);
    if (m_pending.isEmpty() || m_timer->isActive())
        return;
    // Wait to gather the burst, and at least until the gap after the last message is over.
    const qint64 now = QDeadlineTimer::current().deadline();
    const qint64 gapLeft = m_lastSentMs < 0 ? 0 : m_lastSentMs + m_minimumGapMs - now;
    m_timer->start(int(std::max<qint64>(m_gatherMs, gapLeft)));
}

void BurstCoalescer::flush()
{
    if (m_pending.isEmpty())
        return;
    const DesktopMessage m = describe(m_pending);
    m_pending.clear();
    m_lastSentMs = QDeadlineTimer::current().deadline();
    Q_EMIT message(m);
}

} // namespace Notify
