// SPDX-License-Identifier: MIT
// What the window remembers across a restart: geometry, docks, columns, chart tabs, the grid and the time zone.
#include "MainWindow.h"

#include "ChartWindow.h"
#include "charts/ChartGrid.h"
#include "charts/SymbolChart.h"
#include "models/WatchlistFilter.h"
#include "settings/Settings.h"

#include <QAction>
#include <QHeaderView>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

const QString GeometryKey = u"window/geometry"_s;
const QString StateKey = u"window/state"_s;
const QString TabsKey = u"charts/tabs"_s;
const QString CurrentTabKey = u"charts/current"_s;
const QString GridKey = u"charts/grid"_s;
const QString GridPickedKey = u"charts/gridPicked"_s;
const QString GridTimeframesKey = u"charts/gridTimeframes"_s;
const QString GridSizeKey = u"charts/gridSize"_s;
const QString DetachedKey = u"charts/detached"_s; ///< how many of the saved tabs, the last ones, are in windows
const QString DetachedGeometryKey = u"charts/detachedGeometry"_s; ///< and where their windows were
const QString TabTimeframeKey = u"charts/tabTimeframe"_s;
const QString TabTypesKey = u"charts/tabTypes"_s;
const QString GridTypesKey = u"charts/gridTypes"_s;
const QString TabIndicatorsKey = u"charts/tabIndicators"_s;
const QString GridIndicatorsKey = u"charts/gridIndicators"_s;
const QString TabIndicatorSettingsKey = u"charts/tabIndicatorSettings"_s;
const QString GridIndicatorSettingsKey = u"charts/gridIndicatorSettings"_s;

const QString RemovedKey = u"watchlist/removed"_s;

/// How the charts of one place (the tabs, or the grid's cells) draw, one entry per chart in three lists:
/// the type (candles, line, ...), the overlays and panes ("sma+ema+rsi"), and their periods, colours and
/// levels (ChartIndicatorSettings::toText).
struct ChartLooks
{
    QStringList types;
    QStringList indicators;
    QStringList settings;

    void append(const SymbolChart *chart)
    {
        types.append(chartTypeId(chart->chartType()));
        indicators.append(chart->shownIndicators().join(u'+'));
        settings.append(chart->indicatorSettings().toText());
    }
    /// Entry `i` onto `chart`; nothing saved for it: the type stays, the indicators are the defaults.
    void apply(SymbolChart *chart, qsizetype i) const
    {
        if (i < types.size())
            chart->setChartType(chartTypeFromId(types[i]));
        chart->setShownIndicators(i < indicators.size() ? indicators[i].split(u'+', Qt::SkipEmptyParts)
                                                        : SymbolChart::defaultIndicators());
        chart->setIndicatorSettings(ChartIndicatorSettings::fromText(i < settings.size() ? settings[i] : QString()));
    }
    static ChartLooks read(const QSettings &settings, const QString &typesKey, const QString &indicatorsKey,
                           const QString &settingsKey)
    {
        return {settings.value(typesKey).toStringList(), settings.value(indicatorsKey).toStringList(),
                settings.value(settingsKey).toStringList()};
    }
    void write(QSettings &out, const QString &typesKey, const QString &indicatorsKey, const QString &settingsKey) const
    {
        out.setValue(typesKey, types);
        out.setValue(indicatorsKey, indicators);
        out.setValue(settingsKey, settings);
    }
};

/// A saved chart, "AAPL 5m" (a bare "AAPL" from before timeframes is a one-minute chart).
ChartKey chartKeyFrom(const QString &text)
{
    const qsizetype space = text.indexOf(u' ');
    ChartKey key{space < 0 ? text : text.left(space), Bars::Timeframe::minutes(1)};
    if (space >= 0)
        if (const auto timeframe = Bars::Timeframe::parse(QStringView(text).mid(space + 1)))
            key.timeframe = *timeframe;
    return key;
}

QString columnsKey(const QTableView *view)
{
    return u"columns/"_s + view->objectName();
}

} // namespace

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        setWindowState(Qt::WindowMaximized);
    restoreState(settings.value(StateKey).toByteArray());
    for (QTableView *view : {m_watchlistView, m_signalView, m_eventView}) {
        const QByteArray columns = settings.value(columnsKey(view)).toByteArray();
        if (!columns.isEmpty())
            view->horizontalHeader()->restoreState(columns);
    }
    if (m_sources.settings) {
        m_history.setWindow(m_sources.settings->chartBars());
        m_utcAction->setChecked(m_sources.settings->utcTimes());
        m_closeToTray = m_sources.settings->closeToTray();
        const bool dark = m_sources.settings->darkTheme();
        for (SymbolChart *chart : m_grid->charts())
            chart->setDarkTheme(dark);
    }
}

void MainWindow::restoreCharts()
{
    QSettings settings;
    m_restoring = true;
    if (const auto timeframe = Bars::Timeframe::parse(settings.value(TabTimeframeKey).toString()))
        m_tabTimeframe = *timeframe;
    // "3x4": rows and columns, before the cells' contents go in.
    const QStringList size = settings.value(GridSizeKey, u"3x3"_s).toString().split(u'x');
    if (size.size() == 2) {
        m_grid->setGridSize(size[0].toInt(), size[1].toInt());
        if (auto *action = findChild<QAction *>(u"gridSize%1x%2"_s.arg(m_grid->rows()).arg(m_grid->columns())))
            action->setChecked(true);
    }
    const QStringList gridTimeframes = settings.value(GridTimeframesKey).toStringList();
    for (qsizetype i = 0; i < gridTimeframes.size() && i < m_grid->charts().size(); ++i)
        if (const auto timeframe = Bars::Timeframe::parse(gridTimeframes[i]))
            m_grid->charts()[i]->setTimeframe(*timeframe);
    const ChartLooks gridLooks = ChartLooks::read(settings, GridTypesKey, GridIndicatorsKey, GridIndicatorSettingsKey);
    for (qsizetype i = 0; i < m_grid->charts().size(); ++i)
        gridLooks.apply(m_grid->charts()[i], i);
    m_grid->setSymbols(settings.value(GridKey).toStringList(), settings.value(GridPickedKey, false).toBool());
    const QStringList tabs = settings.value(TabsKey).toStringList();
    const ChartLooks tabLooks = ChartLooks::read(settings, TabTypesKey, TabIndicatorsKey, TabIndicatorSettingsKey);
    for (qsizetype i = 0; i < tabs.size(); ++i) {
        const ChartKey key = chartKeyFrom(tabs[i]);
        if (SymbolChart *chart = openChart(key.symbol, key.timeframe))
            tabLooks.apply(chart, i);
    }
    const int detached = std::clamp(settings.value(DetachedKey, 0).toInt(), 0, int(tabs.size()));
    const QList<SymbolChart *> charts = tabCharts();
    const QVariantList geometries = settings.value(DetachedGeometryKey).toList();
    for (qsizetype i = charts.size() - detached; i >= 0 && i < charts.size(); ++i) {
        ChartWindow *window = detachChart(charts[i]);
        const qsizetype n = i - (charts.size() - detached);
        if (window && n < geometries.size())
            window->restoreGeometry(geometries[n].toByteArray());
    }
    m_tabs->setCurrentIndex(std::clamp(settings.value(CurrentTabKey, 0).toInt(), 0, m_tabs->count() - 1));
    const QStringList removed = settings.value(RemovedKey).toStringList();
    m_watchlistFilter->setRemoved(QSet<QString>(removed.begin(), removed.end()));
    m_restoring = false;
}

void MainWindow::saveCharts() const
{
    if (m_restoring)
        return;
    QSettings settings;
    QStringList tabs;
    ChartLooks tabLooks;
    for (const SymbolChart *chart : tabCharts()) { // the detached ones last
        tabs.append(chart->key().id());
        tabLooks.append(chart);
    }
    settings.setValue(DetachedKey, int(m_chartWindows.size()));
    QVariantList geometries;
    for (const ChartWindow *window : m_chartWindows)
        geometries.append(window->saveGeometry());
    settings.setValue(DetachedGeometryKey, geometries);
    settings.setValue(TabsKey, tabs);
    tabLooks.write(settings, TabTypesKey, TabIndicatorsKey, TabIndicatorSettingsKey);
    settings.setValue(TabTimeframeKey, m_tabTimeframe.name());
    QStringList gridTimeframes;
    ChartLooks gridLooks;
    for (const SymbolChart *chart : m_grid->charts()) {
        gridTimeframes.append(chart->timeframe().name());
        gridLooks.append(chart);
    }
    settings.setValue(GridTimeframesKey, gridTimeframes);
    gridLooks.write(settings, GridTypesKey, GridIndicatorsKey, GridIndicatorSettingsKey);
    settings.setValue(GridSizeKey, u"%1x%2"_s.arg(m_grid->rows()).arg(m_grid->columns()));
    settings.setValue(CurrentTabKey, m_tabs->currentIndex());
    settings.setValue(GridKey, m_grid->symbols());
    settings.setValue(GridPickedKey, m_grid->isPicked());
    QStringList removed(m_watchlistFilter->removed().begin(), m_watchlistFilter->removed().end());
    removed.sort();
    settings.setValue(RemovedKey, removed);
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    for (const QTableView *view : {m_watchlistView, m_signalView, m_eventView})
        settings.setValue(columnsKey(view), view->horizontalHeader()->saveState());
}

} // namespace Gui
