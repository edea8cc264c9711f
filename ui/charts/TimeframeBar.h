// SPDX-License-Identifier: MIT
#pragma once

#include "bars/Timeframe.h"

#include <QWidget>

class QToolButton;

namespace Gui {

/// A chart's timeframe picker: a button per common timeframe and a menu with the others and any the
/// trader types (3m, 100t, 10000v); compact, one button with the menu. Speaks only when the trader picks.
class TimeframeBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeframeBar)

public:
    explicit TimeframeBar(QWidget *parent = nullptr);

    const Bars::Timeframe &timeframe() const noexcept { return m_timeframe; }
    /// Shows `timeframe` as the chosen one, without a signal.
    void setTimeframe(const Bars::Timeframe &timeframe);
    void setCompact(bool compact);
    /// The next shorter (-1) or longer (+1) of the trader's list, as the [ and ] keys step.
    static Bars::Timeframe step(const Bars::Timeframe &from, int direction);

Q_SIGNALS:
    void picked(const Bars::Timeframe &timeframe);

private:
    void pick(const Bars::Timeframe &timeframe);
    void askCustom();
    void sync();

    Bars::Timeframe m_timeframe = Bars::Timeframe::minutes(1);
    QList<QToolButton *> m_quick; ///< one per common timeframe
    QToolButton *m_more;
    bool m_compact = false;
};

} // namespace Gui
