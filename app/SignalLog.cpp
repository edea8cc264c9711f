// SPDX-License-Identifier: MIT
#include "SignalLog.h"

#include <QDebug>
#include <QTimer>
#include <QtGlobal>

namespace App {

SignalLog::SignalLog(int perSecond, QObject *parent)
    : QObject(parent)
    , m_perSecond(perSecond)
{
    auto *timer = new QTimer(this);
    timer->setInterval(1000);
    connect(timer, &QTimer::timeout, this, &SignalLog::summarize);
    timer->start();
}

SignalLog::~SignalLog()
{
    summarize();
}

void SignalLog::log(const Model::SignalList &signals)
{
    for (const Model::TradeSignal &s : signals) {
        if (m_shown >= m_perSecond) {
            ++m_held;
            continue;
        }
        ++m_shown;
        qInfo().noquote() << QStringLiteral("signal #%1 %2 %3 %4 at %5: %6")
                                 .arg(s.id)
                                 .arg(QString::fromLatin1(Model::sideName(s.side)).toUpper(), s.symbol.toString(),
                                      s.ruleName())
                                 .arg(s.price, 0, 'f', 2)
                                 .arg(s.reason);
    }
}

void SignalLog::summarize()
{
    if (m_held > 0)
        qInfo("signals: %llu more in the last second, not logged one by one (GET /api/signals lists them)",
              static_cast<unsigned long long>(m_held));
    m_held = 0;
    m_shown = 0;
}

} // namespace App
