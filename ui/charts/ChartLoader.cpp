// SPDX-License-Identifier: MIT
#include "ChartLoader.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace Gui {

namespace {

bool inMemory(const QString &path)
{
    return path == QLatin1StringView(":memory:");
}

} // namespace

ChartLoader::ChartLoader(QString databasePath, Indicators::IndicatorConfig indicators, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_indicators(indicators)
{}

ChartLoader::~ChartLoader()
{
    for (QFuture<void> &future : m_running)
        future.waitForFinished();
}

void ChartLoader::track(QFuture<void> future)
{
    m_running.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    m_running.append(future);
}

template<typename T, typename Job, typename Done>
void ChartLoader::run(Job job, Done done)
{
    auto result = std::make_shared<Util::Result<T>>(Util::Result<T>::failure({}));
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [watcher, result, done = std::move(done)] {
        watcher->deleteLater();
        done(*result);
    });
    QFuture<void> future = QtConcurrent::run([job = std::move(job), result] { *result = job(); });
    watcher->setFuture(future);
    track(future);
}

void ChartLoader::load(const QString &symbol, const Bars::Timeframe &timeframe, int bars, const QTimeZone &zone)
{
    read(symbol, timeframe, std::nullopt, bars, zone, &ChartLoader::loaded);
}

void ChartLoader::loadOlder(const QString &symbol, const Bars::Timeframe &timeframe, Model::TimestampUs beforeUs,
                            int bars, const QTimeZone &zone)
{
    read(symbol, timeframe, beforeUs, bars, zone, &ChartLoader::olderLoaded);
}

void ChartLoader::read(const QString &symbol, const Bars::Timeframe &timeframe,
                       std::optional<Model::TimestampUs> beforeUs, int bars, const QTimeZone &zone,
                       void (ChartLoader::*answer)(const Pipeline::ChartHistory &))
{
    if (inMemory(m_databasePath)) {
        Pipeline::ChartHistory nothing; // a private database: nothing stored to read
        nothing.symbol = symbol;
        nothing.timeframe = timeframe;
        nothing.beforeUs = beforeUs;
        Q_EMIT(this->*answer)(nothing);
        return;
    }
    run<Pipeline::ChartHistory>(
        [path = m_databasePath, symbol, timeframe, beforeUs, bars, zone, config = m_indicators] {
            return Pipeline::loadChartHistory(path, symbol, timeframe, bars, config, zone, 300, beforeUs);
        },
        [this, symbol, timeframe, answer](const Util::Result<Pipeline::ChartHistory> &result) {
            if (result)
                Q_EMIT(this->*answer)(*result);
            else
                Q_EMIT failed(symbol, timeframe, result.error());
        });
}

void ChartLoader::loadSignals(int limit)
{
    if (inMemory(m_databasePath))
        return;
    run<std::vector<Model::TradeSignal>>(
        [path = m_databasePath, limit] { return Pipeline::loadRecentSignals(path, limit); },
        [this](const Util::Result<std::vector<Model::TradeSignal>> &result) {
            if (result)
                Q_EMIT signalsLoaded(Model::SignalList(result->begin(), result->end()));
            else
                Q_EMIT failed(QString(), Bars::Timeframe::record(), result.error());
        });
}

} // namespace Gui
