// SPDX-License-Identifier: MIT
// The chart's side of paper trading: Buy and Sell buttons in its header, "Buy / Sell at …" in the price
// pane's menu, the symbol's fills marked where they happened and its working orders' lines.
#include "SymbolChart.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QMenu>
#include <QScatterSeries>
#include <QToolButton>

namespace Gui {

void SymbolChart::buildTradeButtons(QHBoxLayout *header)
{
    const auto button = [this, header](const QString &name, const QString &text, const QString &tip,
                                       const QString &color, bool buy) {
        auto *b = new QToolButton(this);
        b->setObjectName(name);
        b->setText(text);
        b->setToolTip(tip);
        b->setStyleSheet(QStringLiteral("QToolButton { color: white; background: %1; font-weight: bold; "
                                        "border-radius: 2px; padding: 1px 6px; }")
                             .arg(color));
        b->hide();
        connect(b, &QToolButton::clicked, this, [this, buy] {
            if (!m_key.symbol.isEmpty())
                Q_EMIT orderWanted(m_key.symbol, buy, std::nullopt);
        });
        header->addWidget(b);
        return b;
    };
    m_buyButton = button(QStringLiteral("chartBuy"), tr("Buy"), tr("An order ticket to buy this symbol (Shift+B)"),
                         QStringLiteral("#26a69a"), true);
    m_sellButton = button(QStringLiteral("chartSell"), tr("Sell"), tr("An order ticket to sell this symbol (Shift+S)"),
                          QStringLiteral("#ef5350"), false);
}

void SymbolChart::setTradingEnabled(bool enabled)
{
    m_trading = enabled;
    updateTradeButtons();
}

void SymbolChart::updateTradeButtons()
{
    // A grid cell's header has no room: its menu's "Buy / Sell at …" and the keyboard trade it instead.
    if (!m_buyButton)
        return;
    const bool shown = m_trading && !m_compact && !m_key.symbol.isEmpty();
    m_buyButton->setVisible(shown);
    m_sellButton->setVisible(shown);
}

void SymbolChart::setOrderLines(std::vector<OrderLine> lines)
{
    m_orderLines->setLines(std::move(lines));
}

void SymbolChart::addOrderActions(QMenu *menu, double price, const QPointF &chartPoint)
{
    if (const auto id = m_orderLines->hitTest(chartPoint)) {
        menu->addAction(tr("Change order #%1…").arg(*id), this, [this, id = *id] { Q_EMIT orderChangeWanted(id); })
            ->setObjectName(QStringLiteral("changeOrderOnChart"));
        menu->addAction(tr("Cancel order #%1").arg(*id), this, [this, id = *id] { Q_EMIT orderCancelWanted(id); })
            ->setObjectName(QStringLiteral("cancelOrderOnChart"));
        menu->addSeparator();
    }
    const QString text = QLocale().toString(price, 'f', std::abs(price) < 1 ? 4 : 2);
    menu->addAction(tr("Buy at %1…").arg(text), this, [this, price] { Q_EMIT orderWanted(m_key.symbol, true, price); })
        ->setObjectName(QStringLiteral("buyAtPrice"));
    menu->addAction(tr("Sell at %1…").arg(text), this,
                    [this, price] { Q_EMIT orderWanted(m_key.symbol, false, price); })
        ->setObjectName(QStringLiteral("sellAtPrice"));
    menu->addSeparator();
}

void SymbolChart::setFills(std::vector<FillMark> fills)
{
    m_fills = std::move(fills);
    m_drawnRevision = ~quint64(0); // drawn again at the next refresh
    if (m_lastHistory)
        refresh(*m_lastHistory);
}

int SymbolChart::fillMarkerCount() const
{
    return int(m_fillBuys->count() + m_fillSells->count());
}

} // namespace Gui
