// SPDX-License-Identifier: MIT
#include "ChartGrid.h"

#include "SymbolChart.h"

#include <QGridLayout>
#include <QInputDialog>
#include <QMenu>

#include <algorithm>

namespace Gui {

ChartGrid::ChartGrid(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chartGrid"));
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    setGridSize(3, 3);
}

SymbolChart *ChartGrid::makeChart(int cell)
{
    auto *chart = new SymbolChart(this);
    chart->setObjectName(QStringLiteral("gridChart%1").arg(cell));
    chart->setCompact(true);
    chart->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    chart->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(chart, &QWidget::customContextMenuRequested, this,
            [this, cell, chart](const QPoint &at) { showMenu(cell, chart->mapToGlobal(at)); });
    connect(chart, &SymbolChart::openRequested, this, &ChartGrid::openRequested);
    return chart;
}

void ChartGrid::setGridSize(int rows, int columns)
{
    rows = std::clamp(rows, 1, MaxSide);
    columns = std::clamp(columns, 1, MaxSide);
    if (rows == m_rows && columns == m_columns)
        return;
    auto *layout = static_cast<QGridLayout *>(this->layout());
    const int cells = rows * columns;
    while (m_charts.size() > cells)
        delete m_charts.takeLast();
    QList<SymbolChart *> added;
    while (m_charts.size() < cells) {
        m_charts.append(makeChart(int(m_charts.size())));
        added.append(m_charts.last());
    }
    for (int i = 0; i < cells; ++i) {
        layout->removeWidget(m_charts[i]);
        layout->addWidget(m_charts[i], i / columns, i % columns);
    }
    for (int i = 0; i < MaxSide; ++i) {
        layout->setRowStretch(i, i < rows ? 1 : 0);
        layout->setColumnStretch(i, i < columns ? 1 : 0);
    }
    m_rows = rows;
    m_columns = columns;
    for (SymbolChart *chart : std::as_const(added))
        Q_EMIT chartAdded(chart);
    if (!m_picked)
        offer(m_available);
    Q_EMIT symbolsChanged();
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
    for (int i = 0; i < int(m_charts.size()); ++i) {
        const QString symbol = i < symbols.size() ? symbols[i] : QString();
        // A symbol appears in one cell at most.
        assign(i, cellOf(symbol) >= 0 && cellOf(symbol) < i ? QString() : symbol);
    }
    Q_EMIT symbolsChanged();
}

void ChartGrid::pick(int cell, const QString &symbol)
{
    if (cell < 0 || cell >= int(m_charts.size()))
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
        while (cell < int(m_charts.size()) && !m_charts[cell]->symbol().isEmpty())
            ++cell;
        if (cell == int(m_charts.size()))
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
    menu.addSeparator();
    m_charts[cell]->addChartActions(&menu, at);
    menu.exec(at);
}

} // namespace Gui
