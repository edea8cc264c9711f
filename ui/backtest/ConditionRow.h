// SPDX-License-Identifier: MIT
#pragma once

#include "bars/Timeframe.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace Gui {

/// One of a strategy's entries or exits: nothing, a built-in rule's buy or sell signal, or a condition of the
/// alert model (edited in the alert dialog, condition only).
class ConditionRow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConditionRow)

public:
    explicit ConditionRow(QWidget *parent = nullptr);

    /// The condition's JSON form; empty when there is none.
    QJsonObject json() const;
    void setJson(const QJsonObject &json);
    /// The timeframe the strategy decides on, which the condition's words name.
    void setTimeframe(const Bars::Timeframe &timeframe) { m_timeframe = timeframe; }
    /// Opens the condition editor (a condition is chosen then).
    void editCondition();

Q_SIGNALS:
    void changed();

private:
    void updateText();

    QComboBox *m_kind;
    QPushButton *m_edit;
    QLabel *m_text;
    QJsonObject m_condition; ///< the alert condition, kept while another kind is picked
    Bars::Timeframe m_timeframe = Bars::Timeframe::day();
};

} // namespace Gui
