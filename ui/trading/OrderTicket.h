// SPDX-License-Identifier: MIT
#pragma once

#include "trading/Order.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Trading {
class PaperManager;
}

namespace Gui {

/// The order ticket: symbol, quantity, type (market, limit, stop) with its price, time in force and a
/// note, and a Buy and a Sell button that say what they would do with the position held (a Buy while
/// short covers; a Sell while flat sells short). Each button is off, with the reason beside it, while the
/// paper desk would refuse its order. Enter sends the side prepared last (Trade → Buy… / Sell…). A working
/// order can be brought in to change its quantity and price, or cancel it.
class OrderTicket final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderTicket)

public:
    /// `lastPrice` gives a symbol's newest price (0: none), for a limit or stop price to start from.
    OrderTicket(Trading::PaperManager &paper, std::function<double(const QString &)> lastPrice,
                QWidget *parent = nullptr);

    /// A new order for `symbol`, Enter sending a buy (or a sell); a price makes it a limit or stop there
    /// (whichever fills later, as the price stands now), none a market order.
    void prepare(const QString &symbol, bool buy, std::optional<double> price = std::nullopt);
    /// Brings a working order in to change or cancel it.
    void editOrder(const Trading::Order &order);
    /// The order a button would send now (`buy`: the Buy button), as the ticket reads.
    Trading::Order order(bool buy) const;
    /// Why that button is off, or empty.
    QString problem(bool buy) const;
    /// Sends what the prepared side's button sends, when it is on (Enter).
    void submit();
    qint64 editedOrder() const noexcept { return m_editing; }

    /// Checks both buttons again (the account or the orders changed).
    void recheck();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void send(bool buy);
    void leaveEdit();
    double held() const;

    Trading::PaperManager &m_paper;
    std::function<double(const QString &)> m_lastPrice;
    QLineEdit *m_symbol;
    QLabel *m_position;
    QDoubleSpinBox *m_quantity;
    QComboBox *m_type;
    QDoubleSpinBox *m_price;
    QComboBox *m_timeInForce;
    QLineEdit *m_note;
    QPushButton *m_buy;
    QPushButton *m_sell;
    QPushButton *m_change;
    QPushButton *m_cancelOrder;
    QPushButton *m_newOrder;
    QLabel *m_heading;
    QLabel *m_problem;
    QLabel *m_outcome;
    void showOutcome();
    /// Which side Enter sends, said in the heading.
    void prepareSide(bool buy);

    bool m_buyPrepared = true;
    qint64 m_lastOrder = 0; ///< the order the outcome line follows
    qint64 m_editing = 0;
    Trading::Order m_original;
};

} // namespace Gui
