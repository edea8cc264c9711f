// SPDX-License-Identifier: MIT
#pragma once

#include "indicators/IndicatorSet.h"
#include "model/TradeSignal.h"
#include "pipeline/ChartHistory.h"

#include <QFuture>
#include <QObject>
#include <QString>

namespace Gui {

/// Reads what charts and the signal panel show of the past from the database, on the
/// QtConcurrent pool; the answers come back on the GUI thread as signals. Loads still
/// running when it is destroyed are waited for, so none outlives the window.
class ChartLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartLoader)

public:
    ChartLoader(QString databasePath, Indicators::IndicatorConfig indicators, QObject *parent = nullptr);
    ~ChartLoader() override;

    /// The newest `bars` bars of `symbol` in `timeframe` with their indicators and signals; days begin in `zone`.
    void load(const QString &symbol, const Bars::Timeframe &timeframe, int bars, const QTimeZone &zone);
    /// The `bars` bars of `symbol` in `timeframe` before `beforeUs` (an older page for a chart scrolled back).
    void loadOlder(const QString &symbol, const Bars::Timeframe &timeframe, Model::TimestampUs beforeUs, int bars,
                   const QTimeZone &zone);
    /// The newest `limit` signals of every symbol.
    void loadSignals(int limit);

Q_SIGNALS:
    void loaded(const Pipeline::ChartHistory &history);
    void olderLoaded(const Pipeline::ChartHistory &history);
    void failed(const QString &symbol, const Bars::Timeframe &timeframe, const QString &error);
    /// Newest first.
    void signalsLoaded(const Model::SignalList &signals);

private:
    /// A chart's history (an older page with `beforeUs`), answered by `answer` (loaded or olderLoaded).
    void read(const QString &symbol, const Bars::Timeframe &timeframe, std::optional<Model::TimestampUs> beforeUs,
              int bars, const QTimeZone &zone, void (ChartLoader::*answer)(const Pipeline::ChartHistory &));
    void track(QFuture<void> future);
    /// `job` on the pool; `done` with its result on this object's thread.
    template<typename T, typename Job, typename Done>
    void run(Job job, Done done);

    QString m_databasePath;
    Indicators::IndicatorConfig m_indicators;
    QList<QFuture<void>> m_running;
};

} // namespace Gui
