// SPDX-License-Identifier: MIT
#include "OrderTicket.h"

#include "TradingText.h"
#include "trading/PaperManager.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>

#include <cmath>

namespace Gui {

namespace {

/// Shares and prices without trailing zeros: 100, 0.5, 182.25.
class TrimmedSpinBox final : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override
    {
        QString text = QLocale().toString(value, 'f', decimals());
        const QChar point = QLocale().decimalPoint().front();
        if (text.contains(point)) {
            while (text.endsWith(QLatin1Char('0')))
                text.chop(1);
            if (text.endsWith(point))
                text.chop(1);
        }
        return text;
    }
};

QPushButton *sideButton(const QString &name, const QColor &color, QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(name);
    button->setMinimumHeight(32);
    button->setStyleSheet(QStringLiteral("QPushButton { background: %1; color: white; font-weight: bold; "
                                         "border-radius: 3px; padding: 4px 10px; }"
                                         "QPushButton:disabled { background: #555; color: #aaa; }")
                              .arg(color.name()));
    return button;
}

} // namespace

OrderTicket::OrderTicket(Trading::PaperManager &paper, std::function<double(const QString &)> lastPrice,
                         QWidget *parent)
    : QWidget(parent)
    , m_paper(paper)
    , m_lastPrice(std::move(lastPrice))
    , m_symbol(new QLineEdit(this))
    , m_position(new QLabel(this))
    , m_quantity(new TrimmedSpinBox(this))
    , m_type(new QComboBox(this))
    , m_price(new TrimmedSpinBox(this))
    , m_timeInForce(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_buy(sideButton(QStringLiteral("ticketBuy"), QColor(38, 166, 154), this))
    , m_sell(sideButton(QStringLiteral("ticketSell"), QColor(239, 83, 80), this))
    , m_change(new QPushButton(tr("Change order"), this))
    , m_cancelOrder(new QPushButton(tr("Cancel order"), this))
    , m_newOrder(new QPushButton(tr("New order"), this))
    , m_heading(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_outcome(new QLabel(this))
{
    setObjectName(QStringLiteral("orderTicket"));
    m_symbol->setObjectName(QStringLiteral("ticketSymbol"));
    m_symbol->setPlaceholderText(tr("Symbol"));
    m_symbol->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9._:/-]{0,32}")), m_symbol));
    m_quantity->setObjectName(QStringLiteral("ticketQuantity"));
    m_quantity->setRange(0, 1e9);
    m_quantity->setDecimals(4);
    m_quantity->setValue(100);
    m_quantity->setGroupSeparatorShown(true);
    m_type->setObjectName(QStringLiteral("ticketType"));
    for (const Trading::OrderType t : {Trading::OrderType::Market, Trading::OrderType::Limit, Trading::OrderType::Stop})
        m_type->addItem(TradingText::type(t), int(t));
    m_price->setObjectName(QStringLiteral("ticketPrice"));
    m_price->setRange(0, 1e9);
    m_price->setDecimals(4);
    m_price->setGroupSeparatorShown(true);
    m_price->setSpecialValueText(QStringLiteral("—"));
    m_timeInForce->setObjectName(QStringLiteral("ticketTimeInForce"));
    for (const Trading::TimeInForce t : {Trading::TimeInForce::Day, Trading::TimeInForce::Gtc})
        m_timeInForce->addItem(TradingText::timeInForce(t), int(t));
    m_note->setObjectName(QStringLiteral("ticketNote"));
    m_note->setMaxLength(2000);
    m_change->setObjectName(QStringLiteral("ticketChange"));
    m_cancelOrder->setObjectName(QStringLiteral("ticketCancelOrder"));
    m_newOrder->setObjectName(QStringLiteral("ticketNewOrder"));
    m_heading->setObjectName(QStringLiteral("ticketHeading"));
    m_problem->setObjectName(QStringLiteral("ticketProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #ef5350;"));
    m_outcome->setObjectName(QStringLiteral("ticketOutcome"));
    m_outcome->setWordWrap(true);
    m_position->setObjectName(QStringLiteral("ticketPosition"));

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    auto *symbolRow = new QHBoxLayout;
    symbolRow->addWidget(m_symbol);
    symbolRow->addWidget(m_position, 1);
    form->addRow(tr("Symbol"), symbolRow);
    form->addRow(tr("Quantity"), m_quantity);
    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(m_type);
    typeRow->addWidget(m_price, 1);
    form->addRow(tr("Type / price"), typeRow);
    form->addRow(tr("Time in force"), m_timeInForce);
    form->addRow(tr("Note"), m_note);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_buy, m_sell, m_change, m_cancelOrder, m_newOrder})
        buttons->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_heading);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_problem);
    layout->addWidget(m_outcome);
    layout->addStretch(1);

    connect(m_symbol, &QLineEdit::textEdited, this, [this](const QString &text) {
        const int at = m_symbol->cursorPosition();
        m_symbol->setText(text.toUpper());
        m_symbol->setCursorPosition(at);
        recheck();
    });
    connect(m_quantity, &QDoubleSpinBox::valueChanged, this, &OrderTicket::recheck);
    connect(m_price, &QDoubleSpinBox::valueChanged, this, &OrderTicket::recheck);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        const bool priced = m_type->currentData().toInt() != int(Trading::OrderType::Market);
        m_price->setEnabled(priced);
        if (priced && m_price->value() == 0)
            m_price->setValue(m_lastPrice(m_symbol->text()));
        recheck();
    });
    connect(m_buy, &QPushButton::clicked, this, [this] { send(true); });
    connect(m_sell, &QPushButton::clicked, this, [this] { send(false); });
    connect(m_change, &QPushButton::clicked, this, [this] {
        const Trading::Order o = order(m_original.direction() > 0);
        m_paper.modify(m_editing, o.quantity, o.limitPrice, o.stopPrice);
        leaveEdit();
    });
    connect(m_cancelOrder, &QPushButton::clicked, this, [this] {
        m_paper.cancel(m_editing);
        leaveEdit();
    });
    connect(m_newOrder, &QPushButton::clicked, this, &OrderTicket::leaveEdit);
    connect(&m_paper, &Trading::PaperManager::orderDone, this, [this](const Trading::Order &o) {
        m_lastOrder = o.id;
        showOutcome();
    });
    connect(&m_paper, &Trading::PaperManager::failed, this, [this](const QString &error) {
        m_lastOrder = 0;
        m_outcome->setStyleSheet(QStringLiteral("color: #ef5350;"));
        m_outcome->setText(error);
    });
    m_type->setCurrentIndex(0);
    m_price->setEnabled(false);
    leaveEdit();
}

void OrderTicket::showOutcome()
{
    const auto o = m_lastOrder ? m_paper.order(m_lastOrder) : std::nullopt;
    if (!o)
        return;
    m_outcome->setStyleSheet(QString());
    m_outcome->setText(tr("#%1 %2 %3 %4 %5: %6")
                           .arg(o->id)
                           .arg(TradingText::side(o->side), TradingText::quantity(o->quantity), o->symbol,
                                TradingText::type(o->type).toLower(), TradingText::status(o->status)));
}

double OrderTicket::held() const
{
    return m_paper.held(m_symbol->text().trimmed());
}

Trading::Order OrderTicket::order(bool buy) const
{
    Trading::Order o;
    o.symbol = m_symbol->text().trimmed().toUpper();
    const double position = held();
    o.side = buy ? (position < 0 ? Trading::Side::BuyToCover : Trading::Side::Buy)
                 : (position > 0 ? Trading::Side::Sell : Trading::Side::SellShort);
    if (m_editing)
        o.side = m_original.side;
    o.quantity = m_quantity->value();
    o.type = Trading::OrderType(m_type->currentData().toInt());
    if (o.type == Trading::OrderType::Limit)
        o.limitPrice = m_price->value();
    else if (o.type == Trading::OrderType::Stop)
        o.stopPrice = m_price->value();
    o.timeInForce = Trading::TimeInForce(m_timeInForce->currentData().toInt());
    o.note = m_note->text();
    return o;
}

QString OrderTicket::problem(bool buy) const
{
    const Trading::Order o = order(buy);
    if (o.symbol.isEmpty())
        return tr("Type a symbol");
    if (m_editing) {
        // The desk checks a change against the position less the order itself: only the basics here.
        const Util::Status s = Trading::validate(o);
        return s ? QString() : s.error();
    }
    const Util::Status s = m_paper.check(o);
    return s ? QString() : s.error();
}

void OrderTicket::recheck()
{
    showOutcome();
    const QString symbol = m_symbol->text().trimmed();
    const double position = held();
    m_position->setText(position == 0 ? tr("flat") : tr("held: %1").arg(TradingText::quantity(position)));
    const QString quantity = TradingText::quantity(m_quantity->value());
    if (m_editing) {
        const QString why = problem(m_original.direction() > 0);
        m_change->setEnabled(why.isEmpty());
        m_problem->setText(why);
        return;
    }
    m_buy->setText(tr("%1 %2").arg(TradingText::side(order(true).side), quantity));
    m_sell->setText(tr("%1 %2").arg(TradingText::side(order(false).side), quantity));
    const QString buyProblem = problem(true), sellProblem = problem(false);
    m_buy->setEnabled(buyProblem.isEmpty());
    m_sell->setEnabled(sellProblem.isEmpty());
    m_buy->setToolTip(buyProblem);
    m_sell->setToolTip(sellProblem);
    // The reason for the side Enter sends; the other's, saying whose, when only it is off.
    const QString &shown = m_buyPrepared ? buyProblem : sellProblem;
    const QString &other = m_buyPrepared ? sellProblem : buyProblem;
    if (!shown.isEmpty())
        m_problem->setText(shown);
    else if (!other.isEmpty() && !symbol.isEmpty())
        m_problem->setText(tr("%1: %2").arg((m_buyPrepared ? m_sell : m_buy)->text(), other));
    else
        m_problem->clear();
}

void OrderTicket::prepare(const QString &symbol, bool buy, std::optional<double> price)
{
    leaveEdit();
    m_symbol->setText(symbol.toUpper());
    const double last = m_lastPrice(symbol);
    if (price && *price > 0) {
        // Below the price a buy waits (limit); above it, it waits for a rise (stop). The other way for a sell.
        const bool below = last <= 0 || *price <= last;
        const bool limit = buy ? below : !below;
        m_type->setCurrentIndex(m_type->findData(int(limit ? Trading::OrderType::Limit : Trading::OrderType::Stop)));
        m_price->setValue(*price);
    } else {
        m_type->setCurrentIndex(m_type->findData(int(Trading::OrderType::Market)));
        m_price->setValue(last);
    }
    prepareSide(buy);
    recheck();
    m_quantity->setFocus();
    m_quantity->selectAll();
}

void OrderTicket::prepareSide(bool buy)
{
    m_buyPrepared = buy;
    const QString symbol = m_symbol->text().trimmed();
    m_heading->setText(buy ? tr("Buy %1 — Enter sends").arg(symbol) : tr("Sell %1 — Enter sends").arg(symbol));
}

void OrderTicket::editOrder(const Trading::Order &o)
{
    m_editing = o.id;
    m_original = o;
    m_symbol->setText(o.symbol);
    m_quantity->setValue(o.quantity);
    m_type->setCurrentIndex(m_type->findData(int(o.type)));
    m_price->setValue(o.type == Trading::OrderType::Limit ? o.limitPrice : o.stopPrice);
    m_timeInForce->setCurrentIndex(m_timeInForce->findData(int(o.timeInForce)));
    m_note->setText(o.note);
    for (QWidget *w : std::initializer_list<QWidget *>{m_symbol, m_type, m_timeInForce, m_note})
        w->setEnabled(false);
    m_buy->hide();
    m_sell->hide();
    for (QPushButton *b : {m_change, m_cancelOrder, m_newOrder})
        b->show();
    m_heading->setText(
        tr("Changing order #%1: %2 %3").arg(o.id).arg(TradingText::side(o.side), TradingText::type(o.type)));
    recheck();
    m_quantity->setFocus();
    m_quantity->selectAll();
}

void OrderTicket::leaveEdit()
{
    m_editing = 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_symbol, m_type, m_timeInForce, m_note})
        w->setEnabled(true);
    m_price->setEnabled(m_type->currentData().toInt() != int(Trading::OrderType::Market));
    m_buy->show();
    m_sell->show();
    for (QPushButton *b : {m_change, m_cancelOrder, m_newOrder})
        b->hide();
    m_heading->setText(tr("New order"));
    recheck();
}

void OrderTicket::send(bool buy)
{
    if (!problem(buy).isEmpty())
        return;
    prepareSide(buy); // Enter sends what was sent last
    m_paper.place(order(buy));
    m_note->clear();
}

void OrderTicket::submit()
{
    if (m_editing) {
        if (m_change->isEnabled())
            m_change->click();
        return;
    }
    send(m_buyPrepared);
}

void OrderTicket::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        submit();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_editing) {
        leaveEdit();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace Gui
