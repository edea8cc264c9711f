// SPDX-License-Identifier: MIT
// A symbol chart's panes: which overlays and panes show (the Indicators menu), and how the panes line up.
#include "SymbolChart.h"

#include "ChartStyle.h"
#include "IndicatorPane.h"
#include "dialogs/ChartIndicatorDialog.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QMenu>
#include <QScopedValueRollback>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr int MaxPaneExtra = 80; ///< added to line a pane up with the others, at most

} // namespace

QList<QChartView *> SymbolChart::visiblePanes() const
{
    QList<QChartView *> panes{m_priceView};
    for (QChartView *view :
         {m_volumeView, m_rsiView, static_cast<QChartView *>(m_macdPane), static_cast<QChartView *>(m_atrPane)})
        if (!view->isHidden())
            panes.append(view);
    return panes;
}

const QStringList &SymbolChart::indicatorIds()
{
    static const QStringList ids{u"sma"_s,    u"ema"_s, u"bollinger"_s, u"vwap"_s,
                                 u"volume"_s, u"rsi"_s, u"macd"_s,      u"atr"_s};
    return ids;
}

QStringList SymbolChart::defaultIndicators()
{
    return {u"sma"_s, u"ema"_s, u"bollinger"_s, u"volume"_s, u"rsi"_s};
}

void SymbolChart::buildIndicatorMenu()
{
    m_indicatorButton = new QToolButton(this);
    m_indicatorButton->setObjectName(QStringLiteral("indicators"));
    m_indicatorButton->setText(tr("Indicators"));
    m_indicatorButton->setToolTip(tr("Overlays on the candles and panes under them"));
    m_indicatorButton->setAutoRaise(true);
    m_indicatorButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_indicatorButton);
    const QStringList texts{tr("SMA"),         tr("EMA"),      tr("Bollinger bands"), tr("VWAP"),
                            tr("Volume pane"), tr("RSI pane"), tr("MACD pane"),       tr("ATR pane")};
    for (qsizetype i = 0; i < indicatorIds().size(); ++i) {
        if (i == 4)
            menu->addSeparator();
        QAction *action = menu->addAction(texts[i]);
        action->setObjectName(u"indicator_"_s + indicatorIds()[i]);
        action->setCheckable(true);
        connect(action, &QAction::toggled, this, [this, id = indicatorIds()[i]](bool on) {
            if (on == m_shown.contains(id))
                return; // set from setShownIndicators
            QStringList shown = m_shown;
            if (on)
                shown.append(id);
            else
                shown.removeAll(id);
            setShownIndicators(shown);
            Q_EMIT indicatorsChanged(m_shown);
        });
    }
    menu->addSeparator();
    QAction *edit = menu->addAction(tr("Periods, colours and levels…"), this, &SymbolChart::editIndicatorSettings);
    edit->setObjectName(u"indicatorSettings"_s);
    m_indicatorButton->setMenu(menu);
}

void SymbolChart::editIndicatorSettings()
{
    const Indicators::IndicatorConfig app = m_lastHistory ? m_lastHistory->indicators() : Indicators::IndicatorConfig{};
    ChartIndicatorDialog dialog(m_indicatorSettings, app, this);
    if (dialog.exec() != QDialog::Accepted || dialog.settings() == m_indicatorSettings)
        return;
    setIndicatorSettings(dialog.settings());
    Q_EMIT indicatorSettingsChanged();
}

void SymbolChart::setIndicatorSettings(const ChartIndicatorSettings &settings)
{
    m_indicatorSettings = settings;
    const auto recolour = [](QLineSeries *series, const QColor &colour) {
        QPen pen = series->pen();
        pen.setColor(colour);
        series->setPen(pen);
    };
    recolour(m_sma, settings.sma);
    recolour(m_ema, settings.ema);
    recolour(m_upper, settings.bollinger);
    recolour(m_lower, settings.bollinger);
    recolour(m_vwap, settings.vwap);
    recolour(m_rsi, settings.rsi);
    m_rsi30->replace({{0, settings.rsiLow}, {1, settings.rsiLow}}); // spread over the view at the next redraw
    m_rsi70->replace({{0, settings.rsiHigh}, {1, settings.rsiHigh}});
    m_customBars.clear();
    m_customRevision = ~quint64(0);
    m_drawnRevision = ~quint64(0);
    if (m_lastHistory)
        redraw(*m_lastHistory);
}

void SymbolChart::setShownIndicators(const QStringList &ids)
{
    m_shown.clear();
    for (const QString &id : indicatorIds()) // known ones only, in menu order
        if (ids.contains(id))
            m_shown.append(id);
    const auto on = [this](const char *id) { return m_shown.contains(QLatin1StringView(id)); };
    m_sma->setVisible(on("sma"));
    m_ema->setVisible(on("ema"));
    m_upper->setVisible(on("bollinger"));
    m_lower->setVisible(on("bollinger"));
    m_vwap->setVisible(on("vwap"));
    m_volumeHidden = m_compact || !on("volume");
    m_volumeView->setVisible(!m_volumeHidden);
    m_rsiView->setVisible(on("rsi"));
    m_macdPane->setVisible(on("macd"));
    m_atrPane->setVisible(on("atr"));
    for (QAction *action : m_indicatorButton->menu()->actions())
        if (action->isCheckable())
            action->setChecked(m_shown.contains(action->objectName().mid(10)));
    m_drawnRevision = ~quint64(0);
    if (m_lastHistory)
        redraw(*m_lastHistory);
}

void SymbolChart::alignPanes()
{
    // Each pane keeps laying itself out around its own labels; wider margins take up the difference, so
    // every plot spans the same pixels. Where a plot would begin and end with the base margins decides how
    // much wider (never more than MaxPaneExtra; a pane too narrow to lay out stays as it is).
    if (m_aligning)
        return; // the margins it sets move the plots: that is not news
    const QScopedValueRollback aligning(m_aligning, true);
    std::vector<QChart *> charts;
    for (QChartView *view : visiblePanes())
        charts.push_back(view->chart());
    for (QChart *chart : charts)
        chart->layout()->activate(); // a plot area read before its layout ran would be a stale one
    std::vector<std::pair<qreal, qreal>> natural(charts.size());
    qreal left = 0;
    qreal right = std::numeric_limits<qreal>::max();
    for (std::size_t i = 0; i < charts.size(); ++i) {
        const QRectF area = charts[i]->plotArea();
        if (area.width() < 40)
            return;
        const QMargins m = charts[i]->margins();
        natural[i] = {area.left() - (m.left() - PaneMargin), area.right() + (m.right() - PaneMargin)};
        left = std::max(left, natural[i].first);
        right = std::min(right, natural[i].second);
    }
    for (std::size_t i = 0; i < charts.size(); ++i) {
        const auto extra = [](qreal px) { return PaneMargin + std::clamp(int(std::lround(px)), 0, MaxPaneExtra); };
        const QMargins wanted(extra(left - natural[i].first), PaneMargin, extra(natural[i].second - right), PaneMargin);
        if (charts[i]->margins() != wanted) {
            charts[i]->setMargins(wanted);
            charts[i]->layout()->activate(); // laid out now: the next look reads where it really is
        }
    }
}

} // namespace Gui
