// SPDX-License-Identifier: MIT
#pragma once

#include "charts/ChartIndicatorSettings.h"

#include <QDialog>

#include <array>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QToolButton;

namespace Gui {

/// One chart's indicator periods, colours and RSI levels. The chart takes them when the dialog is
/// accepted; settings that do not fit together (a MACD whose fast period is not the shorter, RSI levels
/// the wrong way round) are named and keep the dialog open.
class ChartIndicatorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartIndicatorDialog)

public:
    /// `appPeriods`: those of Settings → Indicators, shown until the chart has its own.
    ChartIndicatorDialog(const ChartIndicatorSettings &settings, const Indicators::IndicatorConfig &appPeriods,
                         QWidget *parent = nullptr);

    ChartIndicatorSettings settings() const;
    /// Why the settings cannot be taken, or empty.
    QString problem() const;

    void accept() override;

private:
    QSpinBox *period(const QString &name, int value);
    QToolButton *colour(const QString &name, const QColor &value);
    void show(const ChartIndicatorSettings &settings, const Indicators::IndicatorConfig &periods);

    Indicators::IndicatorConfig m_appPeriods;
    QCheckBox *m_own;
    std::array<QSpinBox *, 9> m_periods{};
    QDoubleSpinBox *m_width;
    std::array<QToolButton *, 5> m_colours{};
    QDoubleSpinBox *m_rsiLow;
    QDoubleSpinBox *m_rsiHigh;
    QLabel *m_problem;
};

} // namespace Gui
