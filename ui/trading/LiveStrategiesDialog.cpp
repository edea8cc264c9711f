// SPDX-License-Identifier: MIT
#include "LiveStrategiesDialog.h"

#include "TradingText.h"
#include "mainwindow/InBackground.h"
#include "trading/StrategyTrader.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Gui {

LiveStrategiesDialog::LiveStrategiesDialog(Trading::StrategyTrader &trader, QWidget *parent)
    : QDialog(parent)
    , m_trader(trader)
    , m_table(new QTableWidget(this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_remove(new QPushButton(tr("End run…"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("liveStrategiesDialog"));
    setWindowTitle(tr("Strategies trading live"));
    m_table->setObjectName(QStringLiteral("liveStrategies"));
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Strategy"), tr("Symbol"), tr("Runs"), tr("Position"), tr("Bars held"), tr("Last")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_pause->setObjectName(QStringLiteral("pauseRun"));
    m_remove->setObjectName(QStringLiteral("endRun"));
    m_status->setWordWrap(true);
    auto *note = new QLabel(tr("Each run decides at the close of each bar of its strategy's timeframe and trades "
                               "at the next record; a position's stop and target wait at the broker. Start one "
                               "from the strategy tester (Trade live…)."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pause);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(close);
    resize(900, 360);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_version = ~quint64(0); // the buttons follow the selection
        refresh();
    });
    connect(m_pause, &QPushButton::clicked, this, [this] {
        const qint64 id = selectedRun();
        const bool resume = m_pause->text() == tr("Resume");
        change([this, id, resume] {
            const auto s = m_trader.setEnabled(id, resume);
            return s ? (resume ? tr("Run %1 resumed.").arg(id) : tr("Run %1 paused.").arg(id)) : s.error();
        });
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const qint64 id = selectedRun();
        if (QMessageBox::question(this, tr("End run"),
                                  tr("End run %1? Its working orders are cancelled; a position it opened stays "
                                     "in the account.")
                                      .arg(id)) != QMessageBox::Yes)
            return;
        change([this, id] {
            const auto s = m_trader.remove(id);
            return s ? tr("Run %1 ended.").arg(id) : s.error();
        });
    });
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &LiveStrategiesDialog::refresh);
    m_timer.start();
    refresh();
}

qint64 LiveStrategiesDialog::selectedRun() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_table->item(rows.front().row(), 0)->data(Qt::UserRole).toLongLong();
}

void LiveStrategiesDialog::change(const std::function<QString()> &work)
{
    inBackground<QString>(this, work, [this](const QString &outcome) {
        m_status->setText(outcome);
        refresh();
    });
}

void LiveStrategiesDialog::refresh()
{
    const quint64 version = m_trader.version();
    if (version == m_version)
        return;
    m_version = version;
    const qint64 selected = selectedRun();
    const QString selectedSymbol =
        m_table->selectionModel()->selectedRows().isEmpty()
            ? QString()
            : m_table->item(m_table->selectionModel()->selectedRows().front().row(), 1)->text();
    const QSignalBlocker block(m_table);
    m_table->setRowCount(0);
    bool selectedEnabled = true;
    for (const Trading::RunStatus &status : m_trader.runs()) {
        for (const QString &symbol : status.run.symbols) {
            const auto it = status.positions.find(symbol);
            const Trading::RunPosition p = it == status.positions.end() ? Trading::RunPosition() : it->second;
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            auto *name = new QTableWidgetItem(QStringLiteral("#%1 %2").arg(status.run.id).arg(status.run.name));
            name->setData(Qt::UserRole, status.run.id);
            name->setToolTip(QString::fromUtf8(QJsonDocument(status.run.definition).toJson(QJsonDocument::Compact)));
            m_table->setItem(row, 0, name);
            m_table->setItem(row, 1, new QTableWidgetItem(symbol));
            m_table->setItem(row, 2,
                             new QTableWidgetItem(!status.problem.isEmpty() ? tr("cannot run: %1").arg(status.problem)
                                                  : status.run.enabled      ? tr("yes")
                                                                            : tr("paused")));
            const QString position =
                p.side == 0 ? tr("flat")
                            : tr("%1 %2 at %3")
                                  .arg(p.side > 0 ? tr("long") : tr("short"), TradingText::quantity(p.quantity),
                                       TradingText::price(p.entryPrice));
            m_table->setItem(row, 3, new QTableWidgetItem(position));
            m_table->setItem(row, 4, new QTableWidgetItem(p.side == 0 ? QString() : QString::number(p.barsHeld)));
            m_table->setItem(row, 5, new QTableWidgetItem(p.lastAction));
            if (status.run.id == selected && symbol == selectedSymbol) {
                m_table->selectRow(row);
                selectedEnabled = status.run.enabled;
            }
        }
    }
    m_table->resizeColumnsToContents();
    const bool any = selectedRun() != 0;
    m_pause->setEnabled(any);
    m_remove->setEnabled(any);
    m_pause->setText(any && !selectedEnabled ? tr("Resume") : tr("Pause"));
}

} // namespace Gui
