// SPDX-License-Identifier: MIT
// The strategy tester, opened from the window with what the terminal knows: the database, the watchlist, the
// paper broker's costs, the rules as the engine runs them, the trader's alerts.
#include "MainWindow.h"

#include "alerts/AlertManager.h"
#include "backtest/StrategyTesterWindow.h"
#include "models/WatchlistModel.h"
#include "pipeline/Pipeline.h"
#include "settings/Settings.h"
#include "storage/StorageWriter.h"
#include "trading/LiveStrategiesDialog.h"

namespace Gui {

StrategyTesterWindow *MainWindow::openStrategyTester()
{
    if (m_tester) {
        m_tester->raise();
        m_tester->activateWindow();
        return m_tester;
    }
    TesterSources sources;
    sources.databasePath = m_sources.writer.path();
    sources.symbols = m_watchlist->symbols();
    const QString front = symbolToTrade();
    if (!front.isEmpty()) {
        sources.symbols.removeAll(front);
        sources.symbols.prepend(front);
    }
    if (m_sources.settings) {
        const Core::PaperSettings paper = m_sources.settings->paper();
        sources.costs.broker = paper.costs;
        sources.startingCash = paper.startingCash;
    }
    sources.rules = m_sources.pipeline.options().rules;
    sources.indicators = m_sources.pipeline.options().indicators;
    sources.zone = m_history.sessionZone();
    if (Alerts::AlertManager *alerts = m_sources.alerts)
        sources.alerts = [alerts] {
            std::vector<Alerts::Definition> out;
            for (const Alerts::AlertRow &row : alerts->rows())
                if (row.stored.error.isEmpty() && row.stored.alert.enabled)
                    out.push_back(row.stored.alert);
            return out;
        };
    sources.strategies = m_sources.strategies;
    m_tester = new StrategyTesterWindow(std::move(sources), this);
    m_tester->setWindowFlag(Qt::Window);
    m_tester->show();
    return m_tester;
}

void MainWindow::showLiveStrategies()
{
    if (!m_sources.strategies)
        return;
    auto *dialog = new LiveStrategiesDialog(*m_sources.strategies, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace Gui
