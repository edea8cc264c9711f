// SPDX-License-Identifier: MIT
#include "EventLoopMonitor.h"

#include <QTimer>

#include <algorithm>
#include <ctime>

namespace Gui {

namespace {

constexpr int ProbeMs = 5;

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace

EventLoopMonitor::EventLoopMonitor(int reportMs, QObject *parent)
    : QObject(parent)
    , m_probe(new QTimer(this))
    , m_reportMs(reportMs)
{
    m_probe->setTimerType(Qt::PreciseTimer);
    m_probe->setInterval(ProbeMs);
    connect(m_probe, &QTimer::timeout, this, &EventLoopMonitor::tick);
    m_sinceTick.start();
    m_sinceReport.start();
    m_cpuAtReport = threadCpuNs();
    m_probe->start();
}

void EventLoopMonitor::tick()
{
    const double late = double(m_sinceTick.nsecsElapsed()) / 1e6 - ProbeMs;
    m_sinceTick.restart();
    m_stallInPeriod = std::max(m_stallInPeriod, late);
    if (m_sinceReport.elapsed() >= m_reportMs)
        emitReport();
}

void EventLoopMonitor::emitReport()
{
    const qint64 cpu = threadCpuNs();
    m_busyShare = double(cpu - m_cpuAtReport) / double(m_sinceReport.nsecsElapsed());
    m_longestStallMs = m_stallInPeriod;
    m_cpuAtReport = cpu;
    m_stallInPeriod = 0;
    m_sinceReport.restart();
    Q_EMIT report(m_busyShare, m_longestStallMs);
}

} // namespace Gui
