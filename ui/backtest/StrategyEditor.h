// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace Gui {

class ConditionRow;

/// Builds a strategy without scripting: the moving-average crossover or RSI-with-trend preset with their
/// periods, or entries and exits of one's own (rules and conditions); direction, protective exits and size.
/// Its JSON form is what is tested and saved; the problem label says why a strategy cannot run.
class StrategyEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StrategyEditor)

public:
    explicit StrategyEditor(QWidget *parent = nullptr);

    QJsonObject strategyJson() const;
    void setStrategyJson(const QJsonObject &json);
    /// Why the strategy cannot run, or empty.
    QString problem() const;

Q_SIGNALS:
    void changed();

private:
    void updateFields();
    /// The preset as entries and exits of one's own, to change from there.
    void presetToCustom(const QString &preset);

    QLineEdit *m_name;
    QComboBox *m_kind;
    QStackedWidget *m_pages;
    QSpinBox *m_fast;
    QSpinBox *m_slow;
    QSpinBox *m_rsi;
    QDoubleSpinBox *m_buyBelow;
    QDoubleSpinBox *m_sellAbove;
    std::array<ConditionRow *, 4> m_conditions{}; ///< enter long, exit long, enter short, exit short
    QComboBox *m_timeframe;
    QComboBox *m_direction;
    QDoubleSpinBox *m_stopLoss;
    QDoubleSpinBox *m_takeProfit;
    QSpinBox *m_maxBars;
    QComboBox *m_sizeKind;
    QDoubleSpinBox *m_size;
    QCheckBox *m_wholeShares;
    QLabel *m_problem;
    QString m_previousKind;
};

} // namespace Gui
