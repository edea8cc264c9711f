// SPDX-License-Identifier: MIT
#include "PnlCalendar.h"

#include "TradingText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QVBoxLayout>

#include <cmath>

namespace Gui {

PnlMonth::PnlMonth(QWidget *parent)
    : QCalendarWidget(parent)
{
    setObjectName(QStringLiteral("pnlMonth"));
    setGridVisible(true);
    setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    setMinimumSize(560, 380);
}

void PnlMonth::setDays(const std::vector<Trading::DayStats> &days)
{
    m_days.clear();
    for (const Trading::DayStats &d : days)
        m_days[d.day] = d;
    updateCells();
}

const Trading::DayStats *PnlMonth::day(const QDate &date) const
{
    const auto it = m_days.find(date);
    return it == m_days.end() ? nullptr : &it->second;
}

void PnlMonth::paintCell(QPainter *painter, const QRect &rect, QDate date) const
{
    const Trading::DayStats *d = day(date);
    if (!d) {
        QCalendarWidget::paintCell(painter, rect, date);
        return;
    }
    painter->save();
    const double net = d->net();
    const QColor tint = std::round(net * 100) == 0 ? QColor(128, 128, 128, 60)
                        : net > 0                  ? QColor(38, 166, 154, 90)
                                                   : QColor(239, 83, 80, 90);
    painter->fillRect(rect.adjusted(1, 1, -1, -1), tint);
    if (date == selectedDate()) {
        painter->setPen(QPen(palette().highlight().color(), 2));
        painter->drawRect(rect.adjusted(1, 1, -2, -2));
    }
    painter->setPen(palette().text().color());
    const QRect top = rect.adjusted(3, 2, -3, -rect.height() / 2);
    painter->drawText(top, Qt::AlignLeft | Qt::AlignTop, QString::number(date.day()));
    QFont small = painter->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    painter->drawText(rect.adjusted(2, rect.height() / 2 - 4, -2, -2), Qt::AlignCenter, TradingText::money(net, true));
    painter->restore();
}

PnlCalendar::PnlCalendar(QWidget *parent)
    : QDialog(parent)
    , m_month(new PnlMonth(this))
    , m_monthTotal(new QLabel(this))
    , m_dayText(new QLabel(this))
{
    setObjectName(QStringLiteral("pnlCalendar"));
    setWindowTitle(tr("P/L calendar"));
    m_monthTotal->setObjectName(QStringLiteral("pnlMonthTotal"));
    m_dayText->setObjectName(QStringLiteral("pnlDay"));
    m_dayText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_month, 1);
    layout->addWidget(m_monthTotal);
    layout->addWidget(m_dayText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_month, &QCalendarWidget::selectionChanged, this, [this] { showDay(m_month->selectedDate()); });
    connect(m_month, &QCalendarWidget::currentPageChanged, this, [this] { showDay(m_month->selectedDate()); });
}

void PnlCalendar::setDays(const std::vector<Trading::DayStats> &days)
{
    m_month->setDays(days);
    showDay(m_month->selectedDate());
}

void PnlCalendar::showDay(const QDate &date)
{
    const int year = m_month->yearShown(), month = m_month->monthShown();
    double net = 0;
    int trades = 0, days = 0;
    for (QDate d(year, month, 1); d.isValid() && d.month() == month; d = d.addDays(1))
        if (const Trading::DayStats *s = m_month->day(d)) {
            net += s->net();
            trades += s->trades;
            ++days;
        }
    m_monthTotal->setText(tr("%1: net %2 from %n trades", nullptr, trades)
                              .arg(QLocale().standaloneMonthName(month) + QLatin1Char(' ') + QString::number(year),
                                   TradingText::money(net, true)) +
                          (days > 0 ? tr(" on %n days", nullptr, days) : QString()));
    const Trading::DayStats *d = m_month->day(date);
    if (!d) {
        m_dayText->setText(tr("%1: no trades").arg(QLocale().toString(date, QLocale::LongFormat)));
        return;
    }
    const auto percent = [](std::optional<double> v) {
        return v ? QLocale().toString(*v, 'f', 1) + QStringLiteral(" %") : QStringLiteral("—");
    };
    const auto factor = [](std::optional<double> v) {
        return v ? QLocale().toString(*v, 'f', 2) : QStringLiteral("—");
    };
    m_dayText->setText(
        tr("%1: %2 trades · realized %3 · fees %4 · net %5\n"
           "win rate %6 · profit factor %7 · average win %8, loss %9 · largest win %10, loss %11 · cumulative %12")
            .arg(QLocale().toString(date, QLocale::LongFormat))
            .arg(d->trades)
            .arg(TradingText::money(d->realized, true), TradingText::money(d->fees), TradingText::money(d->net(), true),
                 percent(d->winRate()), factor(d->profitFactor()), TradingText::money(d->averageWin()),
                 TradingText::money(d->averageLoss()), TradingText::money(d->largestWin))
            .arg(TradingText::money(d->largestLoss), TradingText::money(d->cumulative, true)));
}

QString PnlCalendar::summary() const
{
    return m_monthTotal->text() + QLatin1Char('\n') + m_dayText->text();
}

} // namespace Gui
