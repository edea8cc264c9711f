// SPDX-License-Identifier: MIT
// The paper broker against hand-computed cases: FIFO lots and partial closes, flat then reopened, short and
// cover, commissions and slippage, limit and stop fills on crafted records (a gap through a stop), day orders
// ending with their day, and the orders it refuses.
#include "settings/Settings.h"
#include "trading/AutoTrade.h"
#include "trading/PaperBroker.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr Model::TimestampUs T0 = 1'795'910'400'000'000LL; // a midnight UTC
constexpr Model::TimestampUs Minute = 60'000'000LL;

Model::Tick bar(const char *symbol, int minute, double open, double high, double low, double close)
{
    Model::Tick t;
    Model::Symbol::parse(symbol, t.symbol);
    t.open = open;
    t.high = high;
    t.low = low;
    t.close = close;
    t.volume = 100;
    t.timestamp = T0 + minute * Minute;
    return t;
}

Model::Tick price(const char *symbol, int minute, double p)
{
    return bar(symbol, minute, p, p, p, p);
}

Trading::Order order(Trading::Side side, double quantity, Trading::OrderType type = Trading::OrderType::Market,
                     double level = 0, const char *symbol = "AAPL")
{
    Trading::Order o;
    o.symbol = QString::fromLatin1(symbol);
    o.side = side;
    o.type = type;
    o.quantity = quantity;
    o.limitPrice = type == Trading::OrderType::Limit ? level : 0;
    o.stopPrice = type == Trading::OrderType::Stop ? level : 0;
    o.timeInForce = Trading::TimeInForce::Gtc;
    return o;
}

Trading::Fill trade(Trading::Side side, double quantity, double at, const char *symbol = "AAPL")
{
    return Trading::Fill{0, QString::fromLatin1(symbol), side, quantity, at, 0, T0, 0};
}

} // namespace

class TestPaperBroker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fifoLotsAndPartialCloses();
    void flatThenReopened();
    void shortAndCover();
    void pastFlatOpensTheOtherWay();
    void commissionsSlippageAndCash();
    void marketOrdersFillAtTheNextRecord();
    void limitsFillAtTheLimitOrBetter();
    void aGapThroughAStopFillsAtTheWorsePrice();
    void aStopAndItsTargetArePaired();
    void dayOrdersEndWithTheirDay();
    void refusedOrdersSayWhy();
    void equityAndDayPnl();
    void cancelModifyAndRestore();
    void signalsBecomeOrders();
    void settingsGiveCashAndCosts();
};

void TestPaperBroker::fifoLotsAndPartialCloses()
{
    Trading::Account account(100'000);
    auto a = trade(Trading::Side::Buy, 100, 10);
    auto b = trade(Trading::Side::Buy, 100, 12);
    account.apply(a);
    account.apply(b);
    QCOMPARE(account.position(u"AAPL"_s)->averagePrice(), 11.0);
    // 150 sold at 15: the first lot's 100 (+5 each) and 50 of the second (+3 each).
    auto c = trade(Trading::Side::Sell, 150, 15);
    account.apply(c);
    QCOMPARE(c.realized, 650.0);
    const Trading::Position *p = account.position(u"AAPL"_s);
    QCOMPARE(p->quantity, 50.0);
    QCOMPARE(p->lots.size(), std::size_t(1));
    QCOMPARE(p->averagePrice(), 12.0); // what is left is the second lot's
    QCOMPARE(p->realized, 650.0);
    QCOMPARE(account.cash(), 100'000.0 - 1000 - 1200 + 2250);
}

void TestPaperBroker::flatThenReopened()
{
    Trading::Account account(10'000);
    for (auto f : {trade(Trading::Side::Buy, 50, 12), trade(Trading::Side::Sell, 50, 11)})
        account.apply(f);
    const Trading::Position *p = account.position(u"AAPL"_s);
    QCOMPARE(p->quantity, 0.0);
    QVERIFY(p->lots.empty());
    QCOMPARE(p->realized, -50.0);
    QCOMPARE(p->unrealized(), 0.0);
    // Reopened, it starts afresh: its cost is the new price, not a blend with the closed one.
    auto again = trade(Trading::Side::Buy, 10, 20);
    account.apply(again);
    QCOMPARE(p->quantity, 10.0);
    QCOMPARE(p->averagePrice(), 20.0);
    QCOMPARE(p->realized, -50.0);
    QCOMPARE(account.realized(), -50.0);
}

void TestPaperBroker::shortAndCover()
{
    Trading::Account account(10'000);
    auto s = trade(Trading::Side::SellShort, 100, 50);
    account.apply(s);
    QCOMPARE(account.cash(), 15'000.0); // the short sale's proceeds
    auto c = trade(Trading::Side::BuyToCover, 40, 45);
    account.apply(c);
    QCOMPARE(c.realized, 200.0); // sold at 50, bought back at 45
    const Trading::Position *p = account.position(u"AAPL"_s);
    QCOMPARE(p->quantity, -60.0);
    account.mark(u"AAPL"_s, 48);
    QCOMPARE(p->unrealized(), 120.0); // 60 short from 50, now 48
    QCOMPARE(p->unrealizedPercent(), 4.0);
    QCOMPARE(account.equity(), 15'000.0 - 1800 - 60 * 48); // 10,000 + 200 realized + 120 unrealized
    QCOMPARE(account.equity(), 10'320.0);
}

void TestPaperBroker::pastFlatOpensTheOtherWay()
{
    // A hand-entered trade (the trades API) may sell more than is held: it closes and opens short with the rest.
    Trading::Account account(0);
    auto b = trade(Trading::Side::Buy, 10, 100);
    auto s = trade(Trading::Side::Sell, 15, 110);
    account.apply(b);
    account.apply(s);
    QCOMPARE(s.realized, 100.0);
    const Trading::Position *p = account.position(u"AAPL"_s);
    QCOMPARE(p->quantity, -5.0);
    QCOMPARE(p->averagePrice(), 110.0);
}

void TestPaperBroker::commissionsSlippageAndCash()
{
    const Trading::Costs costs{0.01, 1, 0.1, 0.05};
    QCOMPARE(costs.commission(100, 10), 1 + 1 + 1.0); // per share, per order, 0.1 % of 1,000
    Trading::PaperBroker broker(costs, 10'000);
    QVERIFY(broker.place(order(Trading::Side::Buy, 100), T0));
    const auto fills = broker.onRecord(price("AAPL", 1, 10));
    QCOMPARE(fills.size(), std::size_t(1));
    QCOMPARE(fills[0].price, 10.05); // the market is paid with slippage
    QCOMPARE(fills[0].fee, 1 + 1 + 0.1 / 100 * 100 * 10.05);
    QCOMPARE(broker.account().cash(), 10'000 - 1005 - fills[0].fee);
    QCOMPARE(broker.account().fees(), fills[0].fee);
    QVERIFY(broker.place(order(Trading::Side::Sell, 100), T0 + 2 * Minute));
    const auto out = broker.onRecord(price("AAPL", 3, 11));
    QCOMPARE(out[0].price, 10.95);
    QCOMPARE(out[0].realized, 90.0);
    QCOMPARE(broker.account().cash(), 10'000 + 90 - fills[0].fee - out[0].fee);
}

void TestPaperBroker::marketOrdersFillAtTheNextRecord()
{
    Trading::PaperBroker broker;
    // Placed after this record's time: it waits for the next one.
    broker.onRecord(price("AAPL", 0, 100));
    const qint64 id = *broker.place(order(Trading::Side::Buy, 10), T0 + 30 * 1'000'000LL);
    QVERIFY(broker.onRecord(price("MSFT", 0, 50)).empty());  // another symbol's record
    QVERIFY(broker.onRecord(price("AAPL", 0, 101)).empty()); // older than the order
    const auto fills = broker.onRecord(bar("AAPL", 1, 102, 104, 101, 103));
    QCOMPARE(fills.size(), std::size_t(1));
    QCOMPARE(fills[0].price, 102.0); // the open
    QCOMPARE(broker.order(id)->status, Trading::OrderStatus::Filled);
    QVERIFY(broker.working().empty());
    QCOMPARE(broker.account().position(u"AAPL"_s)->last, 103.0);
}

void TestPaperBroker::limitsFillAtTheLimitOrBetter()
{
    Trading::PaperBroker broker;
    const qint64 buy = *broker.place(order(Trading::Side::Buy, 10, Trading::OrderType::Limit, 99), T0);
    const qint64 low = *broker.place(order(Trading::Side::Buy, 10, Trading::OrderType::Limit, 97), T0);
    QVERIFY(broker.onRecord(bar("AAPL", 1, 100, 101, 99.5, 100)).empty()); // not down to 99
    auto fills = broker.onRecord(bar("AAPL", 2, 100, 100, 98.5, 99));
    QCOMPARE(fills.size(), std::size_t(1));
    QCOMPARE(fills[0].orderId, buy);
    QCOMPARE(fills[0].price, 99.0);                          // at the limit
    fills = broker.onRecord(bar("AAPL", 3, 96, 97, 95, 96)); // opened below 97: the open is better
    QCOMPARE(fills.size(), std::size_t(1));
    QCOMPARE(fills[0].orderId, low);
    QCOMPARE(fills[0].price, 96.0);

    const qint64 sell = *broker.place(order(Trading::Side::Sell, 20, Trading::OrderType::Limit, 105), T0 + 3 * Minute);
    QVERIFY(broker.onRecord(bar("AAPL", 4, 104, 104.99, 103, 104)).empty());
    fills = broker.onRecord(bar("AAPL", 5, 104, 105, 103, 104.5));
    QCOMPARE(fills.size(), std::size_t(1));
    QCOMPARE(fills[0].orderId, sell);
    QCOMPARE(fills[0].price, 105.0);
    QCOMPARE(fills[0].realized, (105 - 99) * 10.0 + (105 - 96) * 10.0);
    QCOMPARE(broker.account().quantity(u"AAPL"_s), 0.0);
}

void TestPaperBroker::aGapThroughAStopFillsAtTheWorsePrice()
{
    Trading::PaperBroker broker(Trading::Costs{0, 0, 0, 0.05}, 100'000);
    broker.book(trade(Trading::Side::Buy, 100, 100));
    const qint64 stop = *broker.place(order(Trading::Side::Sell, 100, Trading::OrderType::Stop, 95), T0);
    QVERIFY(broker.onRecord(bar("AAPL", 1, 99, 100, 95.01, 96)).empty());
    // Overnight the price gaps from 96 to an open of 90: the stop at 95 fills at the open, less slippage.
    const auto fills = broker.onRecord(bar("AAPL", 2, 90, 91, 89, 90.5));
    QCOMPARE(fills.size(), std::size_t(1));
    QCOMPARE(fills[0].orderId, stop);
    QCOMPARE(fills[0].price, 89.95);
    QCOMPARE(fills[0].realized, -1005.0);
    // A buy stop touched within the bar fills at the stop (plus slippage); gapped over, at the open.
    const qint64 entry = *broker.place(order(Trading::Side::Buy, 10, Trading::OrderType::Stop, 92), T0 + 2 * Minute);
    auto in = broker.onRecord(bar("AAPL", 3, 91, 92.5, 90.8, 92.2));
    QCOMPARE(in.size(), std::size_t(1));
    QCOMPARE(in[0].orderId, entry);
    QCOMPARE(in[0].price, 92.05);
    const qint64 more = *broker.place(order(Trading::Side::Buy, 10, Trading::OrderType::Stop, 93), T0 + 3 * Minute);
    in = broker.onRecord(bar("AAPL", 4, 94, 95, 93.5, 94.5));
    QCOMPARE(in[0].orderId, more);
    QCOMPARE(in[0].price, 94.05);
}

void TestPaperBroker::aStopAndItsTargetArePaired()
{
    Trading::PaperBroker broker({}, 100'000);
    broker.book(trade(Trading::Side::Buy, 10, 100));
    const qint64 stop = *broker.place(order(Trading::Side::Sell, 10, Trading::OrderType::Stop, 95), T0);
    // Alone, a second sell of the 10 shares is refused; paired with the stop (one cancels the other), it is taken.
    Trading::Order target = order(Trading::Side::Sell, 10, Trading::OrderType::Limit, 110);
    QVERIFY(!broker.check(target));
    target.ocoWith = stop;
    const auto placed = broker.place(target, T0);
    QVERIFY2(placed, qPrintable(placed.error()));
    // The pair counts once: nothing more can be sold, and a partial sell still finds the 10 taken.
    const auto more = broker.place(order(Trading::Side::Sell, 1), T0);
    QVERIFY(!more);
    QVERIFY(more.error().contains(u"working orders already sell 10"_s));
    // Both reached by one record: the stop, placed first, fills; the target ends with it.
    std::vector<Trading::Order> ended;
    const auto fills = broker.onRecord(bar("AAPL", 1, 100, 111, 94, 100), u"AAPL"_s, &ended);
    QCOMPARE(fills.size(), std::size_t(1));
    QCOMPARE(fills[0].orderId, stop);
    QCOMPARE(broker.order(stop)->fillPrice, 95.0);
    QCOMPARE(broker.order(*placed)->status, Trading::OrderStatus::Cancelled);
    QCOMPARE(broker.order(*placed)->reason, u"the other of its pair filled"_s);
    QCOMPARE(ended.size(), std::size_t(2)); // both stored: the fill and the cancel
    QVERIFY(broker.working().empty());
}

void TestPaperBroker::dayOrdersEndWithTheirDay()
{
    Trading::PaperBroker broker;
    Trading::Order day = order(Trading::Side::Buy, 5, Trading::OrderType::Limit, 50);
    day.timeInForce = Trading::TimeInForce::Day;
    const Model::TimestampUs dayEnd = T0 + 24 * 60 * Minute;
    const qint64 dayId = *broker.place(day, T0, dayEnd);
    const qint64 gtc = *broker.place(order(Trading::Side::Buy, 5, Trading::OrderType::Limit, 50), T0, dayEnd);
    QVERIFY(broker.expire(dayEnd - 1).empty());
    QCOMPARE(broker.expire(dayEnd), std::vector<qint64>{dayId});
    QCOMPARE(broker.order(dayId)->status, Trading::OrderStatus::Expired);
    QCOMPARE(broker.order(gtc)->status, Trading::OrderStatus::Working);
    // An expired order fills no more; the GTC one does.
    const auto fills = broker.onRecord(bar("AAPL", 24 * 60 + 1, 51, 52, 49, 50));
    QCOMPARE(fills.size(), std::size_t(1));
    QCOMPARE(fills[0].orderId, gtc);
}

void TestPaperBroker::refusedOrdersSayWhy()
{
    Trading::PaperBroker broker;
    const auto refused = [&broker](const Trading::Order &o, const QString &field) {
        const auto id = broker.place(o, T0);
        QVERIFY2(!id, "placed");
        QVERIFY2(id.error().startsWith(field), qPrintable(id.error()));
    };
    refused(order(Trading::Side::Sell, 10), u"quantity:"_s); // nothing held
    refused(order(Trading::Side::Buy, 0), u"quantity:"_s);
    refused(order(Trading::Side::Buy, 10, Trading::OrderType::Limit, 0), u"limit_price:"_s);
    refused(order(Trading::Side::Buy, 10, Trading::OrderType::Stop, -1), u"stop_price:"_s);
    refused(order(Trading::Side::Buy, 10, Trading::OrderType::Market, 0, "NOT A SYMBOL"), u"symbol:"_s);
    broker.book(trade(Trading::Side::Buy, 10, 100));
    refused(order(Trading::Side::SellShort, 10), u"side:"_s);
    QVERIFY(broker.place(order(Trading::Side::Sell, 6, Trading::OrderType::Limit, 200), T0));
    refused(order(Trading::Side::Sell, 5), u"quantity:"_s); // 6 of the 10 are already on their way out
    QVERIFY(broker.place(order(Trading::Side::Sell, 4), T0));
    broker.book(trade(Trading::Side::Sell, 10, 100));
    broker.book(trade(Trading::Side::SellShort, 3, 100));
    refused(order(Trading::Side::Buy, 1), u"side:"_s);
    QVERIFY(broker.working().size() == 2);
    QVERIFY(broker.orders().size() == 2); // refused orders are not kept
}

void TestPaperBroker::equityAndDayPnl()
{
    Trading::PaperBroker broker(Trading::Costs{}, 10'000);
    broker.book(trade(Trading::Side::Buy, 10, 100));
    broker.onRecord(price("AAPL", 1, 110));
    QCOMPARE(broker.account().equity(), 10'100.0);
    QCOMPARE(broker.account().dayPnl(), 100.0);
    broker.account().beginDay();
    broker.onRecord(price("AAPL", 2, 105));
    QCOMPARE(broker.account().dayPnl(), -50.0);
    broker.reset(5'000);
    QCOMPARE(broker.account().equity(), 5'000.0);
    QVERIFY(broker.account().positions().empty());
    QVERIFY(broker.orders().empty());
}

void TestPaperBroker::cancelModifyAndRestore()
{
    Trading::PaperBroker broker;
    const qint64 a = *broker.place(order(Trading::Side::Buy, 10, Trading::OrderType::Limit, 90), T0);
    const qint64 b = *broker.place(order(Trading::Side::Buy, 10, Trading::OrderType::Limit, 80), T0);
    QVERIFY(broker.modify(a, 20, 95, 0));
    QCOMPARE(broker.order(a)->quantity, 20.0);
    QCOMPARE(broker.order(a)->limitPrice, 95.0);
    QVERIFY(broker.cancel(b, u"changed my mind"_s));
    QVERIFY(!broker.cancel(b));
    QVERIFY(broker.modify(b, 5, 0, 0).error().startsWith(u"id:"_s)); // no longer working
    QCOMPARE(broker.order(b)->status, Trading::OrderStatus::Cancelled);
    QVERIFY(broker.onRecord(bar("AAPL", 1, 85, 86, 79, 85)).size() == 1); // only a, at the open 85 (better)

    // A broker carrying on from its stored orders and account goes on where it was.
    Trading::PaperBroker again;
    again.restore(broker.orders(), broker.account());
    QCOMPARE(again.account().quantity(u"AAPL"_s), 20.0);
    const qint64 next = *again.place(order(Trading::Side::Sell, 20, Trading::OrderType::Limit, 90), T0 + Minute);
    QVERIFY(next > b);
    const auto fills = again.onRecord(bar("AAPL", 2, 89, 91, 88, 90));
    QCOMPARE(fills.size(), std::size_t(1));
    QCOMPARE(fills[0].realized, 100.0);
}

void TestPaperBroker::signalsBecomeOrders()
{
    const auto entry = [](const char *json) {
        const auto e = Trading::autoTradeFromJson(QJsonDocument::fromJson(json).object());
        if (!e)
            qWarning() << e.error();
        return e ? *e : Trading::AutoTrade{};
    };
    const std::vector<Trading::AutoTrade> entries{
        entry(R"({"source":"rsi_trend","buy_shares":10,"max_position":25})"),
        entry(R"({"source":"ma_cross","buy_cash":1000})"),
        entry(R"({"source":"alert:7","buy_shares":5,"alert_side":"sell"})"),
    };
    Model::TradeSignal s;
    Model::Symbol::parse("AAPL", s.symbol);
    s.id = 41;
    s.price = 300;
    s.rule = Model::SignalRule::RsiTrend;
    s.side = Model::SignalSide::Buy;
    auto orders = Trading::ordersFor(s, entries, 0);
    QCOMPARE(orders.size(), std::size_t(1));
    QCOMPARE(orders[0].side, Trading::Side::Buy);
    QCOMPARE(orders[0].quantity, 10.0);
    QCOMPARE(orders[0].type, Trading::OrderType::Market);
    QCOMPARE(orders[0].note, u"rsi_trend signal #41"_s);
    QCOMPARE(Trading::ordersFor(s, entries, 20)[0].quantity, 5.0); // up to the maximum position of 25
    QVERIFY(Trading::ordersFor(s, entries, 25).empty());
    QVERIFY(Trading::ordersFor(s, entries, -3).empty()); // short: left alone
    s.rule = Model::SignalRule::MaCross;
    QCOMPARE(Trading::ordersFor(s, entries, 0)[0].quantity, 3.0); // $1,000 at 300: 3 whole shares
    s.side = Model::SignalSide::Sell;
    orders = Trading::ordersFor(s, entries, 12);
    QCOMPARE(orders.size(), std::size_t(1));
    QCOMPARE(orders[0].side, Trading::Side::Sell);
    QCOMPARE(orders[0].quantity, 12.0); // a sell closes the position
    QVERIFY(Trading::ordersFor(s, entries, 0).empty());
    s.rule = Model::SignalRule::PriceMove; // no entry for it
    QVERIFY(Trading::ordersFor(s, entries, 12).empty());
    // A fire of alert 7, which its entry says is a sell; another alert's is nothing.
    s.side = Model::SignalSide::Alert;
    s.rule = Model::SignalRule::TraderAlert;
    s.alertName = u"AAPL under 290"_s;
    s.snapshot = R"({"alert_id":7,"value":289,"level":290})";
    QCOMPARE(Trading::ordersFor(s, entries, 4)[0].side, Trading::Side::Sell);
    s.snapshot = R"({"alert_id":8,"value":289,"level":290})";
    QVERIFY(Trading::ordersFor(s, entries, 4).empty());
    // Entries that cannot work say why.
    for (const auto &[json, field] : {std::pair{R"({"source":"hunch","buy_shares":1})", "source:"},
                                      {R"({"source":"price_move","buy_shares":1})", "source:"},
                                      {R"({"source":"rsi_trend"})", "buy_shares:"},
                                      {R"({"source":"rsi_trend","buy_shares":1,"buy_cash":5})", "buy_shares:"},
                                      {R"({"source":"alert:x","buy_shares":1})", "source:"},
                                      {R"({"source":"alert:3","buy_shares":1,"alert_side":"up"})", "alert_side:"}}) {
        const auto e = Trading::autoTradeFromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!e);
        QVERIFY2(e.error().startsWith(QLatin1StringView(field)), qPrintable(e.error()));
    }
    QCOMPARE(*Trading::autoTradeFromJson(Trading::toJson(entries[2])), entries[2]);
}

void TestPaperBroker::settingsGiveCashAndCosts()
{
    QTemporaryDir dir;
    Core::Settings settings(dir.filePath(u"settings.ini"_s));
    QCOMPARE(settings.paper(), Core::PaperSettings{}); // 100,000 and no costs unless set
    Core::PaperSettings paper;
    paper.startingCash = 25'000;
    paper.costs = Trading::Costs{0.005, 1, 0.01, 0.02};
    QVERIFY(Core::Settings::validate(paper));
    settings.setPaper(paper);
    QCOMPARE(Core::Settings(dir.filePath(u"settings.ini"_s)).paper(), paper);
    for (const auto &[change, word] :
         std::initializer_list<std::pair<std::function<void(Core::PaperSettings &)>, const char *>>{
             {[](Core::PaperSettings &p) { p.startingCash = 0; }, "starting cash"},
             {[](Core::PaperSettings &p) { p.costs.perShare = -1; }, "commissionPerShare"},
             {[](Core::PaperSettings &p) { p.costs.percent = 100; }, "commissionPercent"},
             {[](Core::PaperSettings &p) { p.costs.slippage = std::nan(""); }, "slippage"}}) {
        Core::PaperSettings wrong = paper;
        change(wrong);
        const Util::Status status = Core::Settings::validate(wrong);
        QVERIFY(!status);
        QVERIFY2(status.error().contains(QLatin1StringView(word)), qPrintable(status.error()));
    }
}

QTEST_GUILESS_MAIN(TestPaperBroker)
#include "tst_paperbroker.moc"
