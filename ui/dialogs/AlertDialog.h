// SPDX-License-Identifier: MIT
#pragma once

#include "alerts/AlertDefinition.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace Gui {

class OperandEditor;

/// Builds an alert's condition, trigger and message, and refuses one that cannot be evaluated with the
/// reason (the OK button stays off until it can). An alert carried by a drawn line keeps the line as its
/// level: only the crossing operators are offered then.
class AlertDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertDialog)

public:
    /// `alert`: the one to edit, or a new one's first values (an id of 0); `onLine`: carried by a drawing.
    explicit AlertDialog(const Alerts::Definition &alert, bool onLine = false, QWidget *parent = nullptr);

    /// The alert as the dialog shows it, with the id it came with.
    Alerts::Definition alert() const;
    /// Why it cannot be stored, or empty.
    QString problem() const;
    /// Shows the condition alone (what, operator, level, dead band): for a strategy's entry or exit, which
    /// decides on closed bars of the strategy's own timeframe and has no name, symbols or message.
    void setConditionOnly();

    void accept() override;

private:
    void show(const Alerts::Definition &alert);
    void updateFields();

    Alerts::Definition m_original;
    bool m_onLine;
    QLineEdit *m_name;
    QLineEdit *m_symbols;
    QComboBox *m_timeframe;
    OperandEditor *m_left;
    QComboBox *m_operator;
    QStackedWidget *m_right; ///< a value or indicator; the channel's two edges; how far it moves; the line
    OperandEditor *m_level;
    OperandEditor *m_channelLow;
    OperandEditor *m_channelHigh;
    QDoubleSpinBox *m_moveBy;
    QSpinBox *m_moveBars;
    QComboBox *m_trigger;
    QSpinBox *m_cooldown;
    QSpinBox *m_maxCount;
    QCheckBox *m_expires;
    QDateTimeEdit *m_expiry;
    QDoubleSpinBox *m_deadBand;
    QLineEdit *m_message;
    QCheckBox *m_enabled;
    QLabel *m_problem;
    QLabel *m_summary;
    QFormLayout *m_form = nullptr;
    bool m_conditionOnly = false;
};

} // namespace Gui
