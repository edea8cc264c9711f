// SPDX-License-Identifier: MIT
#include "TimeframeBar.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>

#include <algorithm>

namespace Gui {

namespace {

/// The buttons always shown; the menu holds these and the rest.
const std::array<Bars::Timeframe, 6> Quick{Bars::Timeframe::minutes(1),  Bars::Timeframe::minutes(5),
                                           Bars::Timeframe::minutes(15), Bars::Timeframe::hours(1),
                                           Bars::Timeframe::hours(4),    Bars::Timeframe::day()};

/// Every timeframe of the menu, shortest first: each record as a bar, then the standard twelve.
QList<Bars::Timeframe> listed()
{
    QList<Bars::Timeframe> all{Bars::Timeframe::record()};
    for (const Bars::Timeframe &t : Bars::Timeframe::standard())
        all.append(t);
    return all;
}

} // namespace

TimeframeBar::TimeframeBar(QWidget *parent)
    : QWidget(parent)
    , m_more(new QToolButton(this))
{
    setObjectName(QStringLiteral("timeframeBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    for (const Bars::Timeframe &t : Quick) {
        auto *button = new QToolButton(this);
        button->setText(t.name());
        button->setObjectName(QStringLiteral("timeframe_") + t.name());
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolTip(tr("Bars of %1 ([ and ] step through the timeframes)").arg(t.name()));
        connect(button, &QToolButton::clicked, this, [this, t] { pick(t); });
        layout->addWidget(button);
        m_quick.append(button);
    }
    auto *menu = new QMenu(this);
    for (const Bars::Timeframe &t : listed()) {
        QAction *action = menu->addAction(t == Bars::Timeframe::record() ? tr("record (each record a bar)") : t.name());
        connect(action, &QAction::triggered, this, [this, t] { pick(t); });
    }
    menu->addSeparator();
    menu->addAction(tr("Other…"), this, [this] { askCustom(); });
    m_more->setObjectName(QStringLiteral("timeframeMore"));
    m_more->setMenu(menu);
    m_more->setPopupMode(QToolButton::InstantPopup);
    m_more->setAutoRaise(true);
    m_more->setToolTip(tr("All timeframes, and bars of N minutes, N records (100t) or N shares (10000v)"));
    layout->addWidget(m_more);
    layout->addStretch(1);
    sync();
}

void TimeframeBar::setTimeframe(const Bars::Timeframe &timeframe)
{
    m_timeframe = timeframe;
    sync();
}

void TimeframeBar::setCompact(bool compact)
{
    m_compact = compact;
    sync();
    for (QToolButton *button : std::as_const(m_quick))
        button->setVisible(!compact);
}

void TimeframeBar::pick(const Bars::Timeframe &timeframe)
{
    const bool changed = timeframe != m_timeframe;
    setTimeframe(timeframe);
    if (changed)
        Q_EMIT picked(timeframe);
}

void TimeframeBar::askCustom()
{
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Timeframe"),
                                               tr("Bars of (e.g. 3m, 2h, 90s, 100t for 100 records, 10000v for "
                                                  "10,000 shares):"),
                                               QLineEdit::Normal, m_timeframe.name(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    const auto timeframe = Bars::Timeframe::parse(text.trimmed());
    if (!timeframe) {
        QMessageBox::warning(this, tr("Timeframe"), timeframe.error());
        return;
    }
    pick(*timeframe);
}

void TimeframeBar::sync()
{
    bool quick = false;
    for (qsizetype i = 0; i < m_quick.size(); ++i) {
        const bool on = Quick[std::size_t(i)] == m_timeframe;
        m_quick[i]->setChecked(on);
        quick = quick || on;
    }
    // The menu button names the timeframe when no quick button does (and always when compact).
    m_more->setText(quick && !m_compact ? tr("More") : m_timeframe.name());
    m_more->setCheckable(true);
    m_more->setChecked(!quick);
}

Bars::Timeframe TimeframeBar::step(const Bars::Timeframe &from, int direction)
{
    const QList<Bars::Timeframe> all = listed();
    // Record bars come first in the list, though Timeframe orders them after the time frames.
    const qsizetype at = all.indexOf(from);
    if (at < 0) { // one the trader typed: the nearest listed time frame in that direction
        for (qsizetype i = direction > 0 ? 1 : all.size() - 1; i >= 1 && i<all.size(); i += direction> 0 ? 1 : -1)
            if (direction > 0 ? from < all[i] : all[i] < from)
                return all[i];
        return from;
    }
    return all[std::clamp<qsizetype>(at + (direction > 0 ? 1 : -1), 0, all.size() - 1)];
}

} // namespace Gui
