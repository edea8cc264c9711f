// SPDX-License-Identifier: MIT
#include "AutoTradeDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Gui {

namespace {

enum Column
{
    Enabled,
    Source,
    BuyBy,
    Amount,
    MaxPosition,
    AlertSide,
    ColumnCount
};

template<typename T>
T *cell(const QTableWidget *table, int row, int column)
{
    return qobject_cast<T *>(table->cellWidget(row, column));
}

} // namespace

AutoTradeDialog::AutoTradeDialog(const std::vector<Trading::AutoTrade> &entries,
                                 const QList<std::pair<qint64, QString>> &alerts, QWidget *parent)
    : QDialog(parent)
    , m_alerts(alerts)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("autoTradeDialog"));
    setWindowTitle(tr("Signals that trade"));
    m_table->setObjectName(QStringLiteral("autoTradeTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("On"), tr("Rule or alert"), tr("A buy buys"), tr("Amount"), tr("Most shares held"), tr("An alert's fire")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(Source, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problem->setObjectName(QStringLiteral("autoTradeProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #ef5350;"));
    m_problem->setWordWrap(true);
    auto *explain = new QLabel(tr("A stored buy signal of a chosen rule (or a fire of a chosen alert) places a "
                                  "market order for the paper account; a sell closes the position. So you see "
                                  "live what each rule would have earned."),
                               this);
    explain->setWordWrap(true);
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addAutoTrade"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeAutoTrade"));
    connect(add, &QPushButton::clicked, this, [this] {
        Trading::AutoTrade entry;
        entry.source = QStringLiteral("rsi_trend");
        entry.buyShares = 100;
        addRow(entry);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AutoTradeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(820, 360);
    for (const Trading::AutoTrade &entry : entries)
        addRow(entry);
}

void AutoTradeDialog::addRow(const Trading::AutoTrade &entry)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *enabled = new QCheckBox(m_table);
    enabled->setChecked(entry.enabled);
    m_table->setCellWidget(row, Enabled, enabled);
    auto *source = new QComboBox(m_table);
    source->addItem(tr("RSI trend"), QStringLiteral("rsi_trend"));
    source->addItem(tr("Moving-average cross"), QStringLiteral("ma_cross"));
    source->addItem(tr("News sentiment"), QStringLiteral("news_sentiment"));
    for (const auto &[id, name] : m_alerts)
        source->addItem(tr("Alert: %1").arg(name), QStringLiteral("alert:%1").arg(id));
    if (source->findData(entry.source) < 0) // an alert gone since: kept, said so
        source->addItem(tr("%1 (no longer there)").arg(entry.source), entry.source);
    source->setCurrentIndex(source->findData(entry.source));
    m_table->setCellWidget(row, Source, source);
    auto *buyBy = new QComboBox(m_table);
    buyBy->addItem(tr("shares"), false);
    buyBy->addItem(tr("cash's worth"), true);
    buyBy->setCurrentIndex(entry.buyCash > 0 ? 1 : 0);
    m_table->setCellWidget(row, BuyBy, buyBy);
    auto *amount = new QDoubleSpinBox(m_table);
    amount->setRange(0, 1e12);
    amount->setDecimals(2);
    amount->setValue(entry.buyCash > 0 ? entry.buyCash : entry.buyShares);
    m_table->setCellWidget(row, Amount, amount);
    auto *most = new QDoubleSpinBox(m_table);
    most->setRange(0, 1e12);
    most->setDecimals(0);
    most->setSpecialValueText(tr("no limit"));
    most->setValue(entry.maxPosition);
    m_table->setCellWidget(row, MaxPosition, most);
    auto *side = new QComboBox(m_table);
    side->addItem(tr("buys"), true);
    side->addItem(tr("sells"), false);
    side->setCurrentIndex(entry.alertBuys ? 0 : 1);
    m_table->setCellWidget(row, AlertSide, side);
    const auto forAlerts = [source, side] {
        side->setEnabled(source->currentData().toString().startsWith(QStringLiteral("alert:")));
    };
    connect(source, &QComboBox::currentIndexChanged, this, forAlerts);
    forAlerts();
    m_problem->clear();
}

Util::Result<std::vector<Trading::AutoTrade>> AutoTradeDialog::entries() const
{
    using R = Util::Result<std::vector<Trading::AutoTrade>>;
    std::vector<Trading::AutoTrade> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        Trading::AutoTrade e;
        e.enabled = cell<QCheckBox>(m_table, row, Enabled)->isChecked();
        e.source = cell<QComboBox>(m_table, row, Source)->currentData().toString();
        const double amount = cell<QDoubleSpinBox>(m_table, row, Amount)->value();
        (cell<QComboBox>(m_table, row, BuyBy)->currentData().toBool() ? e.buyCash : e.buyShares) = amount;
        e.maxPosition = cell<QDoubleSpinBox>(m_table, row, MaxPosition)->value();
        e.alertBuys = cell<QComboBox>(m_table, row, AlertSide)->currentData().toBool();
        if (amount <= 0)
            return R::failure(tr("Row %1: say how much a buy buys (above 0).").arg(row + 1));
        // The same check as the REST API's, so that what is kept here is what it would take.
        if (auto checked = Trading::autoTradeFromJson(Trading::toJson(e)); !checked)
            return R::failure(tr("Row %1: %2").arg(row + 1).arg(checked.error()));
        out.push_back(e);
    }
    return out;
}

void AutoTradeDialog::accept()
{
    const auto checked = entries();
    if (!checked) {
        m_problem->setText(checked.error());
        return;
    }
    QDialog::accept();
}

} // namespace Gui
