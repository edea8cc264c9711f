// SPDX-License-Identifier: MIT
// A candle chart drawn with Chart.js's own parts (Debian ships no financial plugin): each candle is a thin
// floating bar from low to high under a wide one from open to close; SMA, EMA and the Bollinger bands are
// lines; buys, sells and alerts are markers at their price in the bar that holds them.
'use strict';

window.TickDesk = window.TickDesk || {};

TickDesk.CandleChart = (() => {
    const MaxBars = 300;
    const MaxMarkers = 500;
    const RedrawMs = 250;
    const colors = {
        up: '#26a69a', down: '#ef5350', sma: '#f4b400', ema: '#42a5f5', band: '#ab47bc',
        buy: '#2ecc71', sell: '#ff5252', alert: '#ffa726', grid: 'rgba(255,255,255,0.08)', text: '#aab2bd',
    };

    /// Seconds in a timeframe named as TickDesk names them (10s, 5m, 1h, 1D, 1W); 0 when not a time.
    function timeframeSeconds(name) {
        const match = /^(\d+)([smhDW])$/.exec(name);
        if (!match)
            return 0;
        return Number(match[1]) * { s: 1, m: 60, h: 3600, D: 86400, W: 604800 }[match[2]];
    }

    function pad(n) {
        return String(n).padStart(2, '0');
    }

    function day(d) {
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    }

    /// A bar's label: its time of day, or its date where a new day begins (and for daily bars).
    function label(seconds, previous, timeframe) {
        const d = new Date(seconds * 1000);
        const step = timeframeSeconds(timeframe);
        if (step >= 86400 || previous === undefined || day(d) !== day(new Date(previous * 1000)))
            return day(d);
        const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
        return step < 60 ? `${time}:${pad(d.getSeconds())}` : time;
    }

    function number(v) {
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }

    /// A bar of /api/chart or of the stream, in the chart's own shape.
    function barOf(b, indicators) {
        const values = indicators || b;
        return {
            t: typeof b.time === 'number' ? b.time : b.timestamp, // the stream's "time" is its ISO text
            o: b.open, h: b.high, l: b.low, c: b.close, v: b.volume,
            sma: number(values.sma), ema: number(values.ema),
            bbUpper: number(values.bb_upper), bbMiddle: number(values.bb_middle), bbLower: number(values.bb_lower),
        };
    }

    class CandleChart {
        constructor(canvas) {
            this.canvas = canvas;
            this.bars = [];
            this.markers = [];
            this.symbol = '';
            this.timeframe = '1m';
            this.overlays = { sma: true, ema: true, bb: true };
            this.dirty = false;
            this.lastDraw = 0;
            this.firstDrawn = false;
            this.chart = typeof Chart === 'undefined' ? null : this.create();
        }

        get available() {
            return this.chart !== null;
        }

        create() {
            const lineSet = (label, key, color, dash) => ({
                type: 'line', label, key, data: [], borderColor: color, backgroundColor: color,
                borderWidth: 1.2, borderDash: dash || [], pointRadius: 0, pointHitRadius: 0, spanGaps: false, order: 0,
            });
            const markerSet = (label, side, style, rotation) => ({
                type: 'line', label, side, data: [], showLine: false, pointStyle: style, pointRotation: rotation,
                pointRadius: 7, pointHoverRadius: 9, backgroundColor: colors[side], borderColor: '#101418',
                borderWidth: 1, order: -1,
            });
            return new Chart(this.canvas, {
                type: 'bar',
                data: {
                    labels: [],
                    datasets: [
                        { type: 'bar', label: 'wick', data: [], backgroundColor: [], barPercentage: 0.12, maxBarThickness: 2,
                          categoryPercentage: 1, grouped: false, order: 2 },
                        { type: 'bar', label: 'candle', data: [], backgroundColor: [], barPercentage: 0.72, maxBarThickness: 16,
                          categoryPercentage: 1, grouped: false, minBarLength: 1, order: 1 },
                        lineSet('SMA', 'sma', colors.sma),
                        lineSet('EMA', 'ema', colors.ema),
                        lineSet('BB upper', 'bbUpper', colors.band, [4, 3]),
                        lineSet('BB middle', 'bbMiddle', colors.band, [1, 3]),
                        lineSet('BB lower', 'bbLower', colors.band, [4, 3]),
                        markerSet('buy', 'buy', 'triangle', 0),
                        markerSet('sell', 'sell', 'triangle', 180),
                        markerSet('alert', 'alert', 'rectRot', 0),
                    ],
                },
                options: {
                    animation: false,
                    responsive: true,
                    maintainAspectRatio: false,
                    normalized: true,
                    interaction: { mode: 'index', intersect: false },
                    scales: {
                        x: { grid: { color: colors.grid }, ticks: { color: colors.text, maxRotation: 0, autoSkipPadding: 12 } },
                        y: { position: 'right', beginAtZero: false, grace: '4%', grid: { color: colors.grid }, ticks: { color: colors.text } },
                    },
                    plugins: {
                        legend: {
                            labels: {
                                color: colors.text, boxWidth: 12, usePointStyle: true,
                                filter: (item) => item.text !== 'wick' && item.text !== 'candle' && !item.text.startsWith('BB m'),
                            },
                        },
                        tooltip: {
                            filter: (item) => item.dataset.label !== 'wick' && item.raw !== null,
                            callbacks: {
                                title: (items) => items.length ? this.fullTime(items[0].dataIndex) : '',
                                label: (item) => this.tooltipLine(item),
                            },
                        },
                    },
                },
            });
        }

        fullTime(index) {
            const bar = this.bars[index];
            return bar ? new Date(bar.t * 1000).toLocaleString() : '';
        }

        tooltipLine(item) {
            const bar = this.bars[item.dataIndex];
            if (item.dataset.label === 'candle')
                return `O ${bar.o}  H ${bar.h}  L ${bar.l}  C ${bar.c}  V ${bar.v}`;
            if (item.dataset.side)
                return `${item.dataset.side} ${item.raw}`;
            return `${item.dataset.label} ${Number(item.raw).toFixed(4)}`;
        }

        /// A new symbol or timeframe: its bars and signals as /api/chart gives them.
        load(symbol, timeframe, chart) {
            this.symbol = symbol;
            this.timeframe = timeframe;
            this.bars = chart.bars.map((b) => barOf(b)).slice(-MaxBars);
            this.markers = chart.signals.map((s) => ({ t: s.timestamp, price: s.price, side: s.side })).slice(-MaxMarkers);
            this.draw();
        }

        /// A bar message of the stream: forming and closed bars replace or follow the newest, revised ones
        /// replace the bar they revise.
        applyBar(message) {
            if (message.symbol !== this.symbol || message.timeframe !== this.timeframe)
                return;
            const bar = barOf(message, message.indicators || {});
            const last = this.bars.length ? this.bars[this.bars.length - 1] : null;
            if (!last || bar.t > last.t) {
                this.bars.push(bar);
                if (this.bars.length > MaxBars)
                    this.bars.shift();
            } else {
                // A late record: it revises the bar it joined, or makes one where the chart had none.
                const index = this.indexOf(bar.t);
                if (index >= 0 && this.bars[index].t === bar.t)
                    this.bars[index] = bar;
                else
                    this.bars.splice(index + 1, 0, bar);
            }
            this.schedule();
        }

        /// A signal or alert fire of the stream.
        addSignal(message) {
            if (message.symbol !== this.symbol)
                return;
            const side = message.type === 'alert' ? 'alert' : message.side;
            this.markers.push({ t: message.timestamp, price: message.price, side });
            if (this.markers.length > MaxMarkers)
                this.markers.shift();
            this.schedule();
        }

        setOverlay(name, shown) {
            this.overlays[name] = shown;
            this.draw();
        }

        /// The index of the newest bar that opens at or before `t`; -1 when every bar opens after it.
        indexOf(t) {
            let lo = 0;
            let hi = this.bars.length - 1;
            let found = -1;
            while (lo <= hi) {
                const mid = (lo + hi) >> 1;
                if (this.bars[mid].t <= t) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }

        /// Live changes are drawn at most four times a second, however fast they come.
        schedule() {
            if (this.dirty)
                return;
            this.dirty = true;
            const wait = Math.max(0, RedrawMs - (performance.now() - this.lastDraw));
            setTimeout(() => requestAnimationFrame(() => this.draw()), wait);
        }

        draw() {
            this.dirty = false;
            this.lastDraw = performance.now();
            this.canvas.dataset.candles = String(this.bars.length);
            this.canvas.dataset.symbol = this.symbol;
            this.canvas.dataset.timeframe = this.timeframe;
            if (!this.chart)
                return;
            const bars = this.bars;
            const sets = this.chart.data.datasets;
            const bodyColors = bars.map((b) => (b.c >= b.o ? colors.up : colors.down));
            this.chart.data.labels = bars.map((b, i) => label(b.t, i ? bars[i - 1].t : undefined, this.timeframe));
            sets[0].data = bars.map((b) => [b.l, b.h]);
            sets[0].backgroundColor = bodyColors;
            sets[1].data = bars.map((b) => [Math.min(b.o, b.c), Math.max(b.o, b.c)]);
            sets[1].backgroundColor = bodyColors;
            for (const set of sets.slice(2, 7)) {
                const group = set.key.startsWith('bb') ? 'bb' : set.key;
                set.hidden = !this.overlays[group];
                set.data = bars.map((b) => b[set.key]);
            }
            let shown = 0;
            const step = timeframeSeconds(this.timeframe);
            for (const set of sets.slice(7)) {
                const data = new Array(bars.length).fill(null);
                for (const m of this.markers) {
                    if (m.side !== set.side)
                        continue;
                    const index = this.indexOf(m.t);
                    if (index < 0 || (step && m.t >= bars[index].t + step))
                        continue;
                    data[index] = m.price;
                    ++shown;
                }
                set.data = data;
            }
            this.canvas.dataset.markers = String(shown);
            this.chart.update('none');
            if (!this.firstDrawn && bars.length) {
                this.firstDrawn = true;
                performance.mark('tickdesk-first-chart');
            }
        }
    }

    return CandleChart;
})();
