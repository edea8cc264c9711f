// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace Gui {

/// Measures the GUI thread from inside: its busy share (thread CPU time over
/// wall time) and the longest stall of its event loop (how late a 5 ms timer
/// fires). Reports a line every `reportMs`.
class EventLoopMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLoopMonitor)

public:
    explicit EventLoopMonitor(int reportMs = 5000, QObject *parent = nullptr);

    double busyShare() const noexcept { return m_busyShare; }
    double longestStallMs() const noexcept { return m_longestStallMs; }

Q_SIGNALS:
    void report(double busyShare, double longestStallMs);

private:
    void tick();
    void emitReport();

    QTimer *m_probe;
    QElapsedTimer m_sinceTick;
    QElapsedTimer m_sinceReport;
    qint64 m_cpuAtReport = 0;
    double m_stallInPeriod = 0;
    double m_busyShare = 0;
    double m_longestStallMs = 0;
    int m_reportMs;
};

} // namespace Gui
