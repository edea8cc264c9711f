// SPDX-License-Identifier: MIT
#include "ChartWindow.h"

#include "charts/SymbolChart.h"

#include <QCloseEvent>
#include <QVBoxLayout>

namespace Gui {

ChartWindow::ChartWindow(SymbolChart *chart, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_chart(chart)
{
    setObjectName(QStringLiteral("chartWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(chart);
    chart->show();
    resize(1000, 650);
    updateTitle();
}

SymbolChart *ChartWindow::release()
{
    SymbolChart *chart = m_chart;
    m_chart = nullptr;
    if (chart)
        layout()->removeWidget(chart);
    return chart;
}

void ChartWindow::updateTitle()
{
    if (m_chart)
        setWindowTitle(tr("%1 — TickDesk").arg(m_chart->key().id()));
}

void ChartWindow::closeEvent(QCloseEvent *event)
{
    if (m_chart)
        Q_EMIT returned(this);
    event->accept();
}

} // namespace Gui
