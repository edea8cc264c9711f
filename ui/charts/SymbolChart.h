// SPDX-License-Identifier: MIT
#pragma once

#include "BarHistory.h"
#include "ChartIndicatorSettings.h"
#include "ChartType.h"
#include "DrawingItem.h"
#include "OrderLineItem.h"
#include "alerts/AlertDefinition.h"

#include <QWidget>

#include <optional>

class QChart;
class QHBoxLayout;
class QChartView;
class QLabel;
class QLineSeries;
class QMenu;
class QScatterSeries;
class QStackedLayout;
class QToolButton;
class QValueAxis;

namespace Gui {

class CandleItem;
class IndicatorPane;
class TimeAxisItem;
class TimeframeBar;

/// One symbol's chart in one timeframe: candles (or OHLC bars, a line, Heikin-Ashi) with SMA, EMA,
/// Bollinger and VWAP overlays and buy/sell markers, and volume, RSI, MACD and ATR panes lined up
/// under them; a crosshair with a data window, scrolling back through history and zoom. The only
/// place besides its siblings in ui/charts that knows Qt Charts. It only ever draws its own
/// symbol's bars: a symbol without any says so. (SymbolChartCrosshair.cpp, ...Navigation.cpp and
/// ...Panes.cpp hold its crosshair, its scrolling and its panes.)
class SymbolChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SymbolChart)

public:
    explicit SymbolChart(QWidget *parent = nullptr);

    void setSymbol(const QString &symbol);
    const QString &symbol() const noexcept { return m_key.symbol; }
    /// Bars of this timeframe; a change clears the chart until its bars are there.
    void setTimeframe(const Bars::Timeframe &timeframe);
    const Bars::Timeframe &timeframe() const noexcept { return m_key.timeframe; }
    const ChartKey &key() const noexcept { return m_key; }
    void setChartType(ChartType type);
    ChartType chartType() const noexcept { return m_type; }
    /// The overlays (sma, ema, bollinger, vwap) and panes (volume, rsi, macd, atr) shown, by id.
    void setShownIndicators(const QStringList &ids);
    QStringList shownIndicators() const { return m_shown; }
    /// Its own periods, colours and RSI levels (Indicators → Periods, colours and levels…), applied at once.
    void setIndicatorSettings(const ChartIndicatorSettings &settings);
    const ChartIndicatorSettings &indicatorSettings() const noexcept { return m_indicatorSettings; }
    /// Every id, in menu order, and those shown at first.
    static const QStringList &indicatorIds();
    static QStringList defaultIndicators();
    void setCompact(bool compact);
    void setUtc(bool utc);
    void setDarkTheme(bool dark);
    /// The session's change in percent (the watchlist's "Day %"), shown in the title; empty: unknown.
    void setSessionChange(std::optional<double> percent);

    /// Redraws from the history when it changed since the last time; in bulk.
    void refresh(const BarHistory &history);
    /// For tests: what is drawn (candleCount: bars, whatever the chart type).
    int candleCount() const;
    int markerCount() const;
    QString title() const;
    /// "No data" or "Loading…" while there are no bars to draw; empty when there are.
    QString placeholder() const;
    /// The times at the time axis' two ends, in ms since the epoch: bars are spaced by index, so these
    /// are the bars' times there (and past the newest or oldest bar, a bar's length for each position).
    std::pair<qint64, qint64> timeRange() const;
    /// For tests: the axis position of the bar that opened at `time`, if it is in memory.
    std::optional<qreal> xOf(Model::TimestampUs time) const;
    /// For tests: the time labels under the chart.
    QStringList timeLabels() const;
    /// Marks the bar at `time` with a vertical line (a selected signal) and scrolls it into view, reading
    /// older bars until it is there. 0 clears the mark.
    void focusTime(Model::TimestampUs time);
    Model::TimestampUs focusedTime() const noexcept { return m_focus; }
    /// Scrolls by `bars` (positive: back in time) and zooms to show `visible` bars (0: as it was), as dragging
    /// and the mouse wheel do; `goLive` returns to the live end.
    void scrollBy(double bars);
    void zoomBy(int wheelSteps);
    void goLive();
    bool isLive() const noexcept { return !m_viewEnd; }
    int visibleBars() const noexcept;
    /// The crosshair's bar (the one nearest the mouse), and what its data window says; none off the chart.
    std::optional<Model::TimestampUs> crosshairTime() const noexcept { return m_crosshair; }
    QString dataWindow() const;

    /// A paper trade on this symbol, marked where it filled.
    struct FillMark
    {
        Model::TimestampUs time = 0;
        double price = 0;
        bool buy = true;
    };
    /// The symbol's paper trades, marked on the price pane (SymbolChartTrading.cpp).
    void setFills(std::vector<FillMark> fills);
    int fillMarkerCount() const;
    /// Buy and Sell buttons in the header and order items in the price pane's menu.
    void setTradingEnabled(bool enabled);
    /// The symbol's working paper orders, as lines at their prices.
    void setOrderLines(std::vector<OrderLine> lines);
    const std::vector<OrderLine> &orderLines() const noexcept { return m_orderLines->lines(); }

    /// The lines and boxes drawn on this symbol's charts (SymbolChartDrawings.cpp).
    void setDrawings(std::vector<Alerts::Drawing> drawings);
    const std::vector<Alerts::Drawing> &drawings() const noexcept { return m_drawingItem->drawings(); }
    /// Puts what a right-click at `globalPos` offers into `menu`: an alert at the price or indicator value
    /// there, drawing tools, and the drawing under the mouse's own items.
    void addChartActions(QMenu *menu, const QPoint &globalPos);
    /// Places a new drawing: its first point (when given) and then one click per point on the price pane;
    /// Esc gives up.
    void startDrawing(Alerts::Drawing::Kind kind, std::optional<std::pair<Model::TimestampUs, double>> first = {});
    bool isDrawing() const noexcept { return m_placing.has_value(); }
    /// The price pane and the point of its viewport at a time and price (tests drive the mouse with these).
    QChartView *pricePane() const noexcept { return m_priceView; }
    QPoint pricePanePoint(Model::TimestampUs time, double price) const;
    /// The selected drawing (clicked), if any; Delete removes it.
    std::optional<qint64> selectedDrawing() const { return m_drawingItem->selected(); }

Q_SIGNALS:
    /// A double-click: the trader wants this symbol in a tab of its own.
    void openRequested(const QString &symbol);
    /// The trader picked another timeframe (the toolbar, or the [ and ] keys).
    void timeframeChanged(const Bars::Timeframe &timeframe);
    /// The trader picked another way of drawing the bars.
    void chartTypeChanged(ChartType type);
    /// The trader turned an overlay or a pane on or off.
    void indicatorsChanged(const QStringList &ids);
    /// The trader changed the chart's periods, colours or levels.
    void indicatorSettingsChanged();
    /// Scrolled back past the oldest bar it has: older bars of `chart` are wanted.
    void olderWanted(const ChartKey &chart);
    /// The trader went back to the live end: the bars loaded while scrolled back may go.
    void backToLive(const ChartKey &chart);
    /// "Add alert at …": an alert with these first values, for the trader to finish in the alert dialog.
    void alertWanted(const Alerts::Definition &seed);
    /// "Alert when the price crosses this line": an alert carried by the drawing.
    void drawingAlertWanted(const Alerts::Drawing &drawing);
    /// A drawing was made (id 0) or moved.
    void drawingChanged(const Alerts::Drawing &drawing);
    void drawingRemoved(qint64 id);
    /// The alert a drawing carries is to go; the drawing stays.
    void drawingAlertRemoved(qint64 drawingId);
    /// The Buy or Sell button, or "Buy / Sell at …" from the price pane's menu: an order ticket for the
    /// symbol, at that price when given.
    void orderWanted(const QString &symbol, bool buy, std::optional<double> price);
    /// From the menu of a working order's line: cancel it, or change it in the ticket.
    void orderCancelWanted(qint64 id);
    void orderChangeWanted(qint64 id);

protected:
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void redraw(const BarHistory &history);
    void clearSeries();
    void updateTitle();
    void setPriceRange(double low, double high);
    /// One bar's length in ms: its timeframe's, or the bars' average spacing for record, tick and volume bars
    /// (for the times past the ends of the bars).
    qreal barMs(const std::deque<Pipeline::LiveBar> &bars) const;

    void pickTimeframe(const Bars::Timeframe &timeframe);
    void buildCrosshair();
    void buildIndicatorMenu();
    void editIndicatorSettings();
    /// The bar drawn for the `i`-th in memory: with the chart's own indicator values when it has its own periods.
    const Pipeline::LiveBar &drawnBar(const std::deque<Pipeline::LiveBar> &bars, std::size_t i) const
    {
        return m_indicatorSettings.periods && i < m_customBars.size() ? m_customBars[i] : bars[i];
    }
    void updateHeaderButtons();
    void buildTradeButtons(QHBoxLayout *header);
    void updateTradeButtons();
    /// "Buy / Sell at …" for a right-click on the price pane at `price` (`chartPoint`), and a working order's
    /// items when its line is there.
    void addOrderActions(QMenu *menu, double price, const QPointF &chartPoint);
    /// The panes on screen, the candles' first.
    QList<QChartView *> visiblePanes() const;
    /// The volume and RSI panes' plot areas under the price pane's, so their bars line up with the candles.
    void alignPanes();
    /// The crosshair on the bar nearest `position` of `view` (one of the three panes).
    void moveCrosshair(QChartView *view, const QPointF &position);
    void hideCrosshair();
    /// The view's span in axis positions (a bar each), for `bars` (live end unless scrolled back).
    std::pair<qreal, qreal> viewSpan(const std::deque<Pipeline::LiveBar> &bars) const;
    /// The axis position of the newest bar.
    qreal lastSlot(const std::deque<Pipeline::LiveBar> &bars) const
    {
        return qreal(m_firstSlot) + qreal(bars.size()) - 1;
    }
    /// Empty slots after the newest bar while the view follows it, so that the forming candle stands clear of
    /// the price axis (with half a slot it was under the axis line in a grid cell).
    static constexpr qreal LiveRoom = 2;
    /// The view's end when it follows the newest bar.
    qreal liveEnd(const std::deque<Pipeline::LiveBar> &bars) const { return lastSlot(bars) + 0.5 + LiveRoom; }
    /// The time at an axis position, in ms.
    qreal timeMsAt(qreal slot) const;
    void resetView();
    /// Brings the focused time into view (its bars loaded first, if older than those in memory).
    void scrollToFocus(const BarHistory &history);
    /// Wheel and drag on a pane; true when the event is used up.
    bool navigate(QChartView *view, QEvent *event);
    /// Draws the crosshair at its bar, after new bars or a move.
    void drawCrosshair();
    /// The axis position of a time: through the bars in memory, a bar's length apart past their ends.
    qreal slotOfTime(Model::TimestampUs time) const;
    /// The time and price under a point of the price pane's viewport (the time of the nearest bar position).
    std::pair<Model::TimestampUs, double> valueAt(const QPointF &viewportPosition) const;
    /// Placing and dragging drawings with the mouse on the price pane; true when the event is used up.
    bool handleDrawingMouse(QEvent *event);
    /// A seed for "Add alert at …" on this chart.
    Alerts::Definition alertSeed(const Alerts::Operand &left, double level) const;

    ChartKey m_key{QString(), Bars::Timeframe::minutes(1)};
    TimeframeBar *m_timeframes;
    quint64 m_drawnRevision = ~quint64(0);
    bool m_utc = false;
    bool m_compact = false;
    bool m_volumeHidden = false;
    std::optional<bool> m_rising;
    std::optional<double> m_sessionChange;
    std::optional<double> m_lastClose;
    QLabel *m_title;
    QLabel *m_placeholder;
    QStackedLayout *m_stack;
    QChartView *m_priceView;
    QChartView *m_volumeView;
    QChartView *m_rsiView;
    CandleItem *m_candles;
    QLineSeries *m_priceAnchor; ///< invisible; carries the axes the candles are mapped through
    QLineSeries *m_sma;
    QLineSeries *m_ema;
    QLineSeries *m_upper;
    QLineSeries *m_lower;
    QScatterSeries *m_buys;
    QScatterSeries *m_sells;
    QScatterSeries *m_alertMarks; ///< alerts that fired: a dot at the price
    QScatterSeries *m_fillBuys;   ///< paper fills: a diamond at the price
    QScatterSeries *m_fillSells;
    std::vector<FillMark> m_fills; ///< oldest first
    bool m_trading = false;
    QToolButton *m_buyButton = nullptr;
    QToolButton *m_sellButton = nullptr;
    QLineSeries *m_focusLine;
    QLineSeries *m_crossPrice; ///< the crosshair's vertical line in each pane,
    QLineSeries *m_crossVolume;
    QLineSeries *m_crossRsi;
    QLineSeries *m_crossLevel; ///< and its level in the price pane
    QLabel *m_dataWindow;
    std::optional<Model::TimestampUs> m_crosshair;
    bool m_aligning = false;
    bool m_focusPending = false;       ///< scrolling to the focused time, its bars still to come
    int m_zoomBars = 0;                ///< bars across the view; 0: as many as fit the default
    std::optional<qreal> m_viewEnd;    ///< scrolled back: the view's right end (axis position); none: the live end
    std::optional<QPointF> m_dragFrom; ///< a drag under way: where it began
    qreal m_dragEnd = 0;               ///< and the view's end then
    std::int64_t m_firstSlot = 0;      ///< the axis position of the first bar in memory
    QToolButton *m_liveButton;
    QToolButton *m_typeButton;
    ChartType m_type = ChartType::Candles;
    QLineSeries *m_closeLine; ///< the Line type's closes
    QLineSeries *m_vwap;
    IndicatorPane *m_macdPane;
    IndicatorPane *m_atrPane;
    QToolButton *m_indicatorButton;
    QStringList m_shown;
    ChartIndicatorSettings m_indicatorSettings;
    std::vector<Pipeline::LiveBar> m_customBars; ///< the bars with the chart's own periods' values
    quint64 m_customRevision = ~quint64(0);
    std::optional<double> m_crossLevelPrice; ///< the mouse's price, when it is over the price pane
    Model::TimestampUs m_focus = 0;
    const BarHistory *m_lastHistory = nullptr;
    CandleItem *m_volume;
    QLineSeries *m_volumeAnchor;
    QLineSeries *m_rsi;
    QLineSeries *m_rsi30;
    QLineSeries *m_rsi70;
    QValueAxis *m_priceTime; ///< bar positions; the labels are the TimeAxisItems'
    QValueAxis *m_volumeTime;
    QValueAxis *m_rsiTime;
    TimeAxisItem *m_priceTicks;
    TimeAxisItem *m_volumeTicks;
    TimeAxisItem *m_rsiTicks;
    QValueAxis *m_priceAxis;
    QValueAxis *m_volumeAxis;
    QValueAxis *m_rsiAxis;
    DrawingItem *m_drawingItem;
    OrderLineItem *m_orderLines;
    std::optional<Alerts::Drawing> m_placing; ///< a drawing being placed
    bool m_placingFirst = false;              ///< the first point is still to come
    struct Drag
    {
        DrawingItem::Hit hit;
        Alerts::Drawing original;
        std::pair<Model::TimestampUs, double> from;
        Alerts::Drawing now;
    };
    std::optional<Drag> m_drawingDrag;
};

} // namespace Gui
