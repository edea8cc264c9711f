// SPDX-License-Identifier: MIT
#include "RefreshDialog.h"

#include "history/RefreshService.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Gui {

RefreshDialog::RefreshDialog(History::RefreshService &service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_title(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_table(new QTableWidget(0, 2, this))
    , m_waiting(new QLabel(this))
{
    setObjectName(QStringLiteral("refreshDialog"));
    setWindowTitle(tr("History refresh"));
    setModal(false);
    resize(640, 420);
    m_title->setObjectName(QStringLiteral("refreshTitle"));
    m_progress->setObjectName(QStringLiteral("refreshProgress"));
    m_table->setObjectName(QStringLiteral("refreshResults"));
    m_table->setHorizontalHeaderLabels({tr("Symbol"), tr("Result")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_waiting->setObjectName(QStringLiteral("refreshWaiting"));
    m_waiting->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_cancel = buttons->addButton(tr("Cancel refresh"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("cancelRefresh"));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_service.cancel();
        m_cancel->setEnabled(false);
        m_waiting->setText(tr("Cancelling…"));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_progress);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_waiting);
    layout->addWidget(buttons);

    connect(&service, &History::RefreshService::started, this, &RefreshDialog::onStarted);
    connect(&service, &History::RefreshService::progressed, this, &RefreshDialog::onProgress);
    connect(&service, &History::RefreshService::finished, this, &RefreshDialog::onFinished);
    connect(&service, &History::RefreshService::waiting, m_waiting, &QLabel::setText);
    connect(&service, &History::RefreshService::gapsFound, this,
            [this](const QString &symbol, int gaps, const QString &spans) {
                m_waiting->setText(tr("%1: gaps in its history: %2; filling %3").arg(symbol).arg(gaps).arg(spans));
            });
    m_cancel->setEnabled(service.isRunning());
}

void RefreshDialog::onStarted(const QString &what, const QStringList &symbols)
{
    const bool gaps = what == QLatin1String("gaps");
    const auto count = symbols.size();
    m_title->setText(gaps                                ? tr("Looking for gaps in %1 symbols…").arg(count)
                     : what == QLatin1String("schedule") ? tr("Scheduled refresh of %1 symbols…").arg(count)
                                                         : tr("Refreshing %1 symbols…").arg(count));
    m_table->setRowCount(0);
    // Each symbol asked for has its row at once, waiting; a gap search lists those it finds gaps in as they come.
    if (!gaps)
        for (const QString &symbol : symbols) {
            const int row = rowOf(symbol);
            auto *waiting = new QTableWidgetItem(tr("waiting"));
            waiting->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
            m_table->setItem(row, 1, waiting);
        }
    m_progress->setRange(0, int(std::max<qsizetype>(1, count)));
    m_progress->setValue(0);
    m_waiting->clear();
    m_cancel->setEnabled(true);
}

int RefreshDialog::rowOf(const QString &symbol)
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->text() == symbol)
            return row;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(symbol));
    m_table->setItem(row, 1, new QTableWidgetItem);
    return row;
}

void RefreshDialog::onProgress(const History::SymbolOutcome &outcome, int done, int total)
{
    const int row = rowOf(outcome.symbol.toString());
    auto *result = new QTableWidgetItem((outcome.ok ? QString() : tr("Failed: ")) + outcome.message);
    result->setToolTip(result->text());
    if (!outcome.ok)
        result->setForeground(QColor(0xef, 0x53, 0x50));
    m_table->setItem(row, 1, result);
    m_table->scrollToItem(result);
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
    m_waiting->clear();
}

void RefreshDialog::onFinished(const QString &what, const History::RefreshReport &report)
{
    Q_UNUSED(what)
    const QLocale locale;
    QString text = report.cancelled ? tr("Cancelled. Symbols done: %1; bars stored: %2.")
                                    : tr("Done. Symbols: %1; bars stored: %2.");
    text = text.arg(report.symbols.size()).arg(locale.toString(report.stored()));
    if (report.failed() > 0)
        text += QLatin1Char(' ') + tr("Failed: %1.").arg(report.failed());
    if (report.symbols.empty() && !report.cancelled)
        text = tr("Nothing to do: no gaps, or nothing asked for.");
    m_title->setText(text);
    if (!report.cancelled)
        m_progress->setValue(m_progress->maximum());
    m_cancel->setEnabled(false);
    m_waiting->clear();
}

} // namespace Gui
