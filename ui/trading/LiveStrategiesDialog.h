// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QTimer>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Trading {
class StrategyTrader;
}

namespace Gui {

/// The strategies trading live on the paper account, a row per run and symbol: whether it runs, its position,
/// the bars held and what it did last. A run can be paused, resumed or ended (its working orders cancelled; a
/// position it opened stays in the account). Follows the runs as they trade.
class LiveStrategiesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveStrategiesDialog)

public:
    explicit LiveStrategiesDialog(Trading::StrategyTrader &trader, QWidget *parent = nullptr);

    /// Reads the runs again when they changed (on a timer; public for tests).
    void refresh();

private:
    /// The run of the selected row, or 0.
    qint64 selectedRun() const;
    /// Runs a change off the window's thread (it may wait for a pass), then shows its outcome.
    void change(const std::function<QString()> &work);

    Trading::StrategyTrader &m_trader;
    QTableWidget *m_table;
    QPushButton *m_pause;
    QPushButton *m_remove;
    QLabel *m_status;
    QTimer m_timer;
    quint64 m_version = ~quint64(0);
};

} // namespace Gui
