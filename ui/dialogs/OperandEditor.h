// SPDX-License-Identifier: MIT
#pragma once

#include "alerts/AlertDefinition.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace Gui {

/// One side of an alert's condition: a field of the bar, an indicator with its periods, or (where a
/// constant may stand) a number.
class OperandEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperandEditor)

public:
    explicit OperandEditor(bool constantAllowed, QWidget *parent = nullptr);

    void setOperand(const Alerts::Operand &operand);
    Alerts::Operand operand() const;

Q_SIGNALS:
    void changed();

private:
    void updateFields();

    bool m_constantAllowed;
    QComboBox *m_kind;
    QDoubleSpinBox *m_value;
    QSpinBox *m_period;
    QSpinBox *m_fast;
    QSpinBox *m_slow;
    QSpinBox *m_signal;
    QDoubleSpinBox *m_deviations;
};

} // namespace Gui
