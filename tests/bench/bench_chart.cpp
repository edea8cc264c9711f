// SPDX-License-Identifier: MIT
// Dragging a chart through many loaded bars: a symbol chart holding N bars (default 100,000) with 200 in
// view is scrolled a few bars at a time, as a drag does, and each step is redrawn and painted. Prints the
// time per frame (redraw and paint together) as percentiles.
//   bench_chart [BARS] [FRAMES]      (QT_QPA_PLATFORM=offscreen works)
#include "charts/BarHistory.h"
#include "charts/SymbolChart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1000, std::atoi(argv[1])) : 100'000;
    const int frames = argc > 2 ? std::max(10, std::atoi(argv[2])) : 300;

    const Gui::ChartKey key{QStringLiteral("DRAG"), Bars::Timeframe::minutes(1)};
    Gui::BarHistory history(count);
    history.setWatched({key});
    Pipeline::ChartHistory stored;
    stored.symbol = key.symbol;
    stored.timeframe = key.timeframe;
    std::mt19937_64 rng(7);
    std::normal_distribution<double> step(0, 0.002);
    double price = 100;
    for (int i = 0; i < count; ++i) {
        Pipeline::LiveBar b;
        Model::Symbol::fromString(key.symbol, b.bar.symbol);
        b.bar.open = price;
        price *= std::exp(step(rng));
        b.bar.close = price;
        b.bar.high = std::max(b.bar.open, b.bar.close) * 1.001;
        b.bar.low = std::min(b.bar.open, b.bar.close) * 0.999;
        b.bar.volume = 1000 + i % 500;
        b.bar.timestamp = 1'700'000'000'000'000LL + qint64(i) * 60'000'000LL;
        b.sma = b.ema = price;
        b.bollingerUpper = price * 1.01;
        b.bollingerLower = price * 0.99;
        b.rsi = 50;
        b.bollingerMiddle = b.macd = b.macdSignal = b.macdHistogram = b.atr = b.vwap = price;
        stored.bars.push_back(b);
    }
    history.load(stored);

    Gui::SymbolChart chart;
    chart.resize(1600, 900);
    chart.setSymbol(key.symbol);
    chart.setTimeframe(key.timeframe);
    chart.show();
    chart.refresh(history);
    chart.zoomBy(int(std::ceil(std::log(200.0 / count) / std::log(0.8)))); // about 200 bars in view
    QCoreApplication::processEvents();

    std::vector<double> ms;
    ms.reserve(std::size_t(frames));
    QElapsedTimer timer;
    for (int i = 0; i < frames; ++i) {
        timer.start();
        chart.scrollBy(5); // a drag moves the view a few bars per mouse event
        const QPixmap painted = chart.grab();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) { return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size())))]; };
    std::printf("chart with %d bars loaded, %d in view, 1600x900: %d drag frames (redraw and paint)\n", count,
                chart.visibleBars(), frames);
    std::printf("  per frame: median %.2f ms, p99 %.2f ms, max %.2f ms\n", at(0.5), at(0.99), ms.back());
    return 0;
}
