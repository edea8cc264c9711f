// SPDX-License-Identifier: MIT
// The window's alerts: the Alerts dock (list, filter, new, edit, duplicate, enable, delete), the alert dialog
// opened from a chart, the watchlist or the dock, and the charts' drawings, stored through the alert manager.
#include "MainWindow.h"

#include "DockParts.h"

#include "alerts/AlertManager.h"
#include "analytics/SymbolSummary.h"
#include "charts/ChartGrid.h"
#include "charts/SymbolChart.h"
#include "dialogs/AlertDialog.h"
#include "models/AlertModel.h"
#include "models/WatchlistModel.h"
#include "settings/Settings.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

namespace Gui {

namespace {

/// An indicator operand left at period 0 ("as the chart draws it") takes the periods the engine uses.
void fillPeriods(Alerts::Operand &o, const Indicators::IndicatorConfig &engine)
{
    if (o.kind != Alerts::Operand::Kind::Indicator || o.period > 0)
        return;
    switch (o.indicator) {
    case Alerts::Indicator::Rsi:
        o.period = engine.rsi;
        break;
    case Alerts::Indicator::Atr:
        o.period = engine.atr;
        break;
    case Alerts::Indicator::Sma:
        o.period = engine.sma;
        break;
    case Alerts::Indicator::Ema:
        o.period = engine.ema;
        break;
    case Alerts::Indicator::MacdLine:
    case Alerts::Indicator::MacdSignal:
    case Alerts::Indicator::MacdHistogram:
        o.fast = engine.macdFast;
        o.slow = engine.macdSlow;
        o.signal = engine.macdSignal;
        break;
    default:
        break;
    }
}

QToolButton *toolButton(const QString &name, const QString &text, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    return button;
}

} // namespace

void MainWindow::buildAlertsDock()
{
    Alerts::AlertManager *manager = m_sources.alerts;
    if (!manager)
        return;
    m_alertModel = new AlertModel(*manager, this);
    m_alertFilter = new QSortFilterProxyModel(this);
    m_alertFilter->setSourceModel(m_alertModel);
    m_alertFilter->setFilterKeyColumn(-1);
    m_alertFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_alertFilter->setSortRole(Qt::UserRole);
    auto *view = m_alertView = tableView(m_alertFilter, QStringLiteral("alertView"), this);
    view->setSortingEnabled(true);
    view->sortByColumn(AlertModel::Name, Qt::AscendingOrder);
    view->setColumnWidth(AlertModel::Name, 200);
    view->setColumnWidth(AlertModel::Condition, 260);
    view->setColumnWidth(AlertModel::LastFired, 150);

    auto *search = new QLineEdit(this);
    search->setObjectName(QStringLiteral("alertFilter"));
    search->setPlaceholderText(tr("Filter alerts"));
    search->setClearButtonEnabled(true);
    connect(search, &QLineEdit::textChanged, m_alertFilter, &QSortFilterProxyModel::setFilterFixedString);
    auto *add = toolButton(QStringLiteral("newAlert"), tr("New…"), this);
    auto *edit = toolButton(QStringLiteral("editAlert"), tr("Edit…"), this);
    auto *duplicate = toolButton(QStringLiteral("duplicateAlert"), tr("Duplicate"), this);
    auto *remove = toolButton(QStringLiteral("deleteAlert"), tr("Delete"), this);
    connect(add, &QToolButton::clicked, this, [this] {
        Alerts::Definition seed;
        const QString shown = currentChartSymbol();
        if (!shown.isEmpty())
            seed.symbols = QStringList{shown};
        editAlert(seed);
    });
    connect(edit, &QToolButton::clicked, this, [this] {
        if (const qint64 id = selectedAlert())
            editAlertById(id);
    });
    connect(duplicate, &QToolButton::clicked, this, [this] {
        if (const Alerts::AlertRow *row = m_sources.alerts->row(selectedAlert()); row && row->stored.error.isEmpty()) {
            Alerts::Definition copy = row->stored.alert;
            copy.id = 0;
            copy.name = tr("%1 (copy)").arg(copy.name).left(200);
            editAlert(copy);
        }
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        if (const qint64 id = selectedAlert())
            m_sources.alerts->remove(id);
    });
    connect(view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid() && index.column() != AlertModel::Name)
            editAlertById(m_alertModel->idAt(m_alertFilter->mapToSource(index).row()));
    });
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &at) {
        const QModelIndex index = view->indexAt(at);
        if (!index.isValid())
            return;
        const qint64 id = m_alertModel->idAt(m_alertFilter->mapToSource(index).row());
        const Alerts::AlertRow *row = m_sources.alerts->row(id);
        if (!row)
            return;
        QMenu menu(this);
        menu.addAction(tr("Edit…"), this, [this, id] { editAlertById(id); });
        const bool enabled = row->stored.alert.enabled;
        menu.addAction(enabled ? tr("Disable") : tr("Enable"), this,
                       [this, id, enabled] { m_sources.alerts->setEnabled(id, !enabled); });
        const QStringList symbols = row->stored.alert.symbols;
        if (!symbols.isEmpty() && symbols.constFirst() != QStringLiteral("*"))
            menu.addAction(tr("Open chart of %1").arg(symbols.constFirst()), this,
                           [this, symbol = symbols.constFirst()] { openChart(symbol); });
        menu.addAction(tr("Delete"), this, [this, id] { m_sources.alerts->remove(id); });
        menu.exec(view->viewport()->mapToGlobal(at));
    });

    auto *dock = new QDockWidget(tr("Alerts"), this);
    dock->setObjectName(QStringLiteral("alertDock"));
    dock->setWidget(withToolbar(view, {search, add, edit, duplicate, remove}, dock));
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (auto *signalDock = findChild<QDockWidget *>(QStringLiteral("signalDock"))) {
        tabifyDockWidget(signalDock, dock);
        signalDock->raise();
    }

    connect(manager, &Alerts::AlertManager::failed, this, [this](const QString &error) {
        statusBar()->showMessage(tr("Alerts: %1").arg(error), 15000);
        auto *message = new QMessageBox(QMessageBox::Warning, tr("Alerts"), error, QMessageBox::Ok, this);
        message->setAttribute(Qt::WA_DeleteOnClose);
        message->open();
    });
    connect(manager, &Alerts::AlertManager::drawingsLoaded, this,
            [this](const QString &symbol, const std::vector<Alerts::Drawing> &drawings) {
                m_drawings[symbol] = drawings;
                m_drawingsAsked.remove(symbol);
                for (SymbolChart *chart : allCharts())
                    if (chart->symbol() == symbol)
                        chart->setDrawings(drawings);
            });
    // Read again as the charts come round: the REST API may have deleted an alert a line carried.
    connect(manager, &Alerts::AlertManager::drawingsStale, this, [this] { m_drawings.clear(); });
    manager->refresh();
}

qint64 MainWindow::selectedAlert() const
{
    if (!m_alertView)
        return 0;
    const QModelIndex current = m_alertView->currentIndex();
    return current.isValid() ? m_alertModel->idAt(m_alertFilter->mapToSource(current).row()) : 0;
}

void MainWindow::editAlertById(qint64 id)
{
    const Alerts::AlertRow *row = m_sources.alerts ? m_sources.alerts->row(id) : nullptr;
    if (!row)
        return;
    if (!row->stored.error.isEmpty()) {
        statusBar()->showMessage(
            tr("This alert cannot be read (%1): delete it or replace it through the API").arg(row->stored.error),
            15000);
        return;
    }
    // An alert a line carries keeps the line as its level.
    std::optional<Alerts::Drawing> carrier;
    for (const auto &[symbol, drawings] : m_drawings.asKeyValueRange())
        for (const Alerts::Drawing &d : drawings)
            if (d.alertId == id)
                carrier = d;
    editAlert(row->stored.alert, carrier,
              row->stored.alert.right.kind == Alerts::Operand::Kind::Line ||
                  (carrier && row->stored.alert.right == carrier->level()));
}

void MainWindow::editAlert(Alerts::Definition alert, std::optional<Alerts::Drawing> carrier, bool onLine)
{
    if (!m_sources.alerts)
        return;
    const Indicators::IndicatorConfig engine =
        m_sources.settings ? m_sources.settings->indicators() : Indicators::IndicatorConfig{};
    fillPeriods(alert.left, engine);
    fillPeriods(alert.right, engine);
    auto *dialog = new AlertDialog(alert, onLine || carrier.has_value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, carrier, alert] {
        Alerts::Definition edited = dialog->alert();
        if (edited.name.isEmpty())
            edited.name = Alerts::describe(edited).left(200);
        if (carrier && alert.id == 0)
            m_sources.alerts->saveDrawing(*carrier, edited); // a new alert on the line
        else
            m_sources.alerts->save(edited);
    });
    dialog->open();
}

void MainWindow::showDrawings(SymbolChart *chart)
{
    if (!m_sources.alerts || chart->symbol().isEmpty())
        return;
    if (const auto it = m_drawings.constFind(chart->symbol()); it != m_drawings.cend()) {
        chart->setDrawings(*it);
    } else if (!m_drawingsAsked.contains(chart->symbol())) {
        m_drawingsAsked.insert(chart->symbol());
        m_sources.alerts->loadDrawings(chart->symbol());
    }
}

void MainWindow::connectChartAlerts(SymbolChart *chart)
{
    connect(chart, &SymbolChart::alertWanted, this, [this](const Alerts::Definition &seed) { editAlert(seed); });
    connect(chart, &SymbolChart::drawingAlertWanted, this, [this, chart](const Alerts::Drawing &drawing) {
        Alerts::Definition seed;
        seed.symbols = QStringList{drawing.symbol};
        if (chart->timeframe().isTime())
            seed.timeframe = chart->timeframe();
        seed.left = Alerts::Operand::of(Alerts::Field::Price);
        seed.op = Alerts::Operator::Crossing;
        seed.right = drawing.level();
        seed.trigger = Alerts::Trigger::Once;
        editAlert(seed, drawing);
    });
    connect(chart, &SymbolChart::drawingChanged, this, [this](const Alerts::Drawing &drawing) {
        if (m_sources.alerts)
            m_sources.alerts->saveDrawing(drawing);
    });
    connect(chart, &SymbolChart::drawingRemoved, this, [this](qint64 id) {
        if (m_sources.alerts)
            m_sources.alerts->removeDrawing(id);
    });
    connect(chart, &SymbolChart::drawingAlertRemoved, this, [this](qint64 id) {
        if (m_sources.alerts)
            m_sources.alerts->removeDrawingAlert(id);
    });
}

void MainWindow::addAlertForSymbol(const QString &symbol)
{
    Alerts::Definition seed;
    seed.symbols = QStringList{symbol};
    seed.left = Alerts::Operand::of(Alerts::Field::Price);
    seed.op = Alerts::Operator::Crossing;
    seed.trigger = Alerts::Trigger::Once;
    if (const auto *summary = m_watchlist->summaryOf(symbol))
        seed.right = Alerts::Operand::constant(summary->lastPrice);
    editAlert(seed);
}

QString MainWindow::currentChartSymbol() const
{
    if (auto *chart = qobject_cast<SymbolChart *>(m_tabs->currentWidget()))
        return chart->symbol();
    return {};
}

QList<SymbolChart *> MainWindow::allCharts() const
{
    QList<SymbolChart *> charts = m_grid->charts();
    charts += tabCharts();
    return charts;
}

} // namespace Gui
