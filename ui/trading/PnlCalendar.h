// SPDX-License-Identifier: MIT
#pragma once

#include "trading/DailyAnalysis.h"

#include <QCalendarWidget>
#include <QDialog>

#include <map>

class QLabel;

namespace Gui {

/// A month of days, each with its net P/L (green for a gain, red for a loss) under the date.
class PnlMonth final : public QCalendarWidget
{
    Q_OBJECT

public:
    explicit PnlMonth(QWidget *parent = nullptr);
    void setDays(const std::vector<Trading::DayStats> &days);
    const Trading::DayStats *day(const QDate &date) const;

protected:
    void paintCell(QPainter *painter, const QRect &rect, QDate date) const override;

private:
    std::map<QDate, Trading::DayStats> m_days;
};

/// The P/L calendar: the trades' net P/L by day in the session's time zone, the month's total and the
/// chosen day's analysis (trades, realized and net P/L, fees, win rate, profit factor, average and largest
/// win and loss, the running total).
class PnlCalendar final : public QDialog
{
    Q_OBJECT

public:
    explicit PnlCalendar(QWidget *parent = nullptr);
    void setDays(const std::vector<Trading::DayStats> &days);
    PnlMonth *month() const noexcept { return m_month; }
    /// What the summary under the calendar says, for tests.
    QString summary() const;

private:
    void showDay(const QDate &date);

    PnlMonth *m_month;
    QLabel *m_monthTotal;
    QLabel *m_dayText;
};

} // namespace Gui
