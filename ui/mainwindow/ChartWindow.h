// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace Gui {

class SymbolChart;

/// A chart detached from the tabs into a window of its own (for a second monitor). Closing it hands the
/// chart back (returned), to go back into the tabs.
class ChartWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartWindow)

public:
    explicit ChartWindow(SymbolChart *chart, QWidget *parent = nullptr);

    SymbolChart *chart() const noexcept { return m_chart; }
    /// Takes the chart out again (the window then closes empty).
    SymbolChart *release();
    void updateTitle();

Q_SIGNALS:
    /// The trader closed the window: the chart goes back into the tabs.
    void returned(Gui::ChartWindow *window);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    SymbolChart *m_chart;
};

} // namespace Gui
