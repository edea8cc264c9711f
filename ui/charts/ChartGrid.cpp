// SPDX-License-Identifier: MIT
#include "ChartGrid.h"

#include "SymbolChart.h"

#include <QGridLayout>
#include <QInputDialog>
#include <QMenu>

namespace Gui {

ChartGrid::ChartGrid(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chartGrid"));
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    for (int i = 0; i < Cells; ++i) {
        auto *chart = new SymbolChart(this);
        chart->setObjectName(QStringLiteral("gridChart%1").arg(i));
        chart->setCompact(true);
        chart->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        chart->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(chart, &QWidget::customContextMenuRequested, this,
                [this, i, chart](const QPoint &at) { showMenu(i, chart->mapToGlobal(at)); });
        connect(chart, &SymbolChart::openRequested, this, &ChartGrid::openRequested);
        layout->addWidget(chart, i / 3, i % 3);
        m_charts.append(chart);
    }
    for (int i = 0; i < 3; ++i) {
        layout->setRowStretch(i, 1);
        layout->setColumnStretch(i, 1);
    }
}

QStringList ChartGrid::symbols() const
{
    QStringList out;
    for (const SymbolChart *chart : m_charts)
        out.append(chart->symbol());
    return out;
}

int ChartGrid::cellOf(const QString &symbol) const
{
    for (int i = 0; i < m_charts.size(); ++i)
        if (!symbol.isEmpty() && m_charts[i]->symbol() == symbol)
            return i;
    return -1;
}

void ChartGrid::assign(int cell, const QString &symbol)
{
    if (m_charts[cell]->symbol() != symbol)
        m_charts[cell]->setSymbol(symbol);
}

void ChartGrid::setSymbols(const QStringList &symbols, bool picked)
{
    m_picked = picked;
    for (int i = 0; i < Cells; ++i) {
        const QString symbol = i < symbols.size() ? symbols[i] : QString();
        // A symbol appears in one cell at most.
        assign(i, cellOf(symbol) >= 0 && cellOf(symbol) < i ? QString() : symbol);
    }
    Q_EMIT symbolsChanged();
}

void ChartGrid::pick(int cell, const QString &symbol)
{
    if (cell < 0 || cell >= Cells)
        return;
    m_picked = true;
    if (const int elsewhere = cellOf(symbol); elsewhere >= 0 && elsewhere != cell)
        assign(elsewhere, QString());
    assign(cell, symbol);
    Q_EMIT symbolsChanged();
}

void ChartGrid::offer(const QStringList &symbols)
{
    if (m_picked)
        return;
    bool changed = false;
    int cell = 0;
    for (const QString &symbol : symbols) {
        if (cellOf(symbol) >= 0)
            continue;
        while (cell < Cells && !m_charts[cell]->symbol().isEmpty())
            ++cell;
        if (cell == Cells)
            break;
        assign(cell, symbol);
        changed = true;
    }
    if (changed)
        Q_EMIT symbolsChanged();
}

void ChartGrid::showMenu(int cell, const QPoint &at)
{
    const QString symbol = m_charts[cell]->symbol();
    QMenu menu(this);
    if (!symbol.isEmpty())
        menu.addAction(tr("Open %1 in a tab").arg(symbol), this, [this, symbol] { Q_EMIT openRequested(symbol); });
    menu.addAction(tr("Show another symbol here…"), this, [this, cell, symbol] {
        QStringList choices = m_available;
        choices.sort();
        bool ok = false;
        const QString chosen = QInputDialog::getItem(this, tr("Grid cell"), tr("Symbol for this cell:"), choices,
                                                     std::max(0, int(choices.indexOf(symbol))), true, &ok)
                                   .trimmed()
                                   .toUpper();
        if (ok && !chosen.isEmpty())
            pick(cell, chosen);
    });
    if (!symbol.isEmpty())
        menu.addAction(tr("Empty this cell"), this, [this, cell] { pick(cell, QString()); });
    menu.exec(at);
}

} // namespace Gui
