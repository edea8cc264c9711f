// SPDX-License-Identifier: MIT
// The web monitor's page: watchlist, chart, signals, paper account and alerts, read from TickDesk's REST
// API and kept live by its WebSocket stream. Read-only: nothing on this page changes anything in TickDesk.
'use strict';

(() => {
    const api = TickDesk.api;
    const timeframes = ['10s', '1m', '5m', '15m', '1h', '1D'];
    const overlays = [['sma', 'SMA'], ['ema', 'EMA'], ['bb', 'Bollinger']];
    const MaxSignalRows = 200;
    const $ = (id) => document.getElementById(id);
    let signalStream = null;

    const state = {
        symbol: '',
        timeframe: localStorage.getItem('tickdesk-timeframe') || '1m',
        symbols: [],
        chart: null,
        chartStream: null,
        chartRequest: 0,
        health: null,
    };

    // ---- formatting -------------------------------------------------------------------------------------

    function fmtPrice(v) {
        if (typeof v !== 'number' || !Number.isFinite(v))
            return '–';
        const digits = Math.abs(v) >= 1000 ? 2 : Math.abs(v) >= 1 ? 2 : 4;
        return v.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 4) });
    }

    function fmtMoney(v) {
        return typeof v === 'number' && Number.isFinite(v)
            ? v.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '–';
    }

    function fmtFixed(v, digits) {
        return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '–';
    }

    function fmtInt(v) {
        return typeof v === 'number' && Number.isFinite(v) ? Math.round(v).toLocaleString() : '–';
    }

    function pad(n) {
        return String(n).padStart(2, '0');
    }

    /// Today's times as 14:05:09, older ones as 2024-11-19 14:05.
    function fmtTime(seconds) {
        if (!seconds)
            return '–';
        const d = new Date(seconds * 1000);
        if (d.toDateString() === new Date().toDateString())
            return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }

    /// Hours and minutes of today, the date before.
    function fmtClock(seconds) {
        if (!seconds)
            return '';
        const d = new Date(seconds * 1000);
        return d.toDateString() === new Date().toDateString()
            ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
            : d.toLocaleDateString([], { month: 'short', day: 'numeric' });
    }

    function signClass(v) {
        return typeof v === 'number' && v > 0 ? 'up' : typeof v === 'number' && v < 0 ? 'down' : '';
    }

    /// A table cell with text (never HTML: every value is data).
    function cell(text, className) {
        const td = document.createElement('td');
        td.textContent = text;
        if (className)
            td.className = className;
        return td;
    }

    function fillTable(tbody, rows, emptyId) {
        tbody.replaceChildren(...rows);
        if (emptyId)
            $(emptyId).hidden = rows.length > 0;
    }

    /// A read whose failure the status bar already tells (offline, locked): null then.
    async function read(path) {
        try {
            return await api.get(path);
        } catch (e) {
            return null;
        }
    }

    function chartPath(symbol, timeframe) {
        return `/api/chart?symbol=${encodeURIComponent(symbol)}&timeframe=${timeframe}&limit=150`;
    }

    // ---- status bar ---------------------------------------------------------------------------------------

    function showLink(stateName, detail) {
        const link = $('link');
        const wasUp = link.dataset.state === 'live' || link.dataset.state === 'off';
        link.dataset.state = stateName;
        const words = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…', offline: 'offline',
                        locked: 'locked', off: 'no stream' };
        // What is shown stays, dimmed, with the time it was last known to be current.
        const down = stateName === 'offline' || stateName === 'reconnecting';
        if (down && wasUp)
            state.downSince = new Date();
        document.body.classList.toggle('stale', down);
        link.textContent = down && state.downSince
            ? `${words[stateName]} since ${state.downSince.toLocaleTimeString()}` : words[stateName] || stateName;
        link.title = detail || 'The page\'s connection to TickDesk';
    }

    async function pollHealth() {
        try {
            const health = await api.get('/health');
            const now = performance.now();
            const previous = state.health;
            state.health = { stored: health.stored, at: now };
            if (!signalStream)
                openSignalStream(); // the first answer: TickDesk is there and the token (if any) is right
            const feed = $('feed');
            if (previous && now > previous.at) {
                // Records stored, whether posted, imported or simulated.
                const rate = ((health.stored - previous.stored) * 1000) / (now - previous.at);
                feed.dataset.state = rate > 0 ? 'live' : 'idle';
                feed.textContent = rate > 0 ? `feed: ${fmtInt(rate)} rec/s` : 'feed: idle';
            }
            feed.title = `${fmtInt(health.received)} received, ${fmtInt(health.stored)} stored, ` +
                `${fmtInt(health.signals)} signals, ${fmtInt(health.symbols)} symbols, ${fmtInt(health.queued)} queued ` +
                `— TickDesk ${health.version}`;
        } catch (e) {
            $('feed').dataset.state = 'unknown';
            $('feed').textContent = 'feed: –';
        }
    }

    // ---- watchlist ----------------------------------------------------------------------------------------

    async function pollWatchlist() {
        const rows = await read('/api/summary?limit=500');
        if (!rows)
            return;
        const body = $('watchlist').tBodies[0];
        fillTable(body, rows.map((s) => {
            const tr = document.createElement('tr');
            tr.dataset.symbol = s.symbol;
            if (s.symbol === state.symbol)
                tr.className = 'selected';
            const side = s.last_signal ? s.last_signal.split(' ')[0] : '';
            const signal = cell(s.last_signal ? `${side} ${fmtClock(s.last_signal_time)}` : '–', `side ${side}`);
            if (s.last_signal)
                signal.title = `${s.last_signal} at ${fmtTime(s.last_signal_time)}`;
            tr.append(cell(s.symbol, 'symbol'), cell(fmtPrice(s.last_price), 'num'),
                cell(fmtFixed(s.change_percent, 2), `num ${signClass(s.change_percent)}`),
                cell(fmtInt(s.session_volume), 'num wide'), cell(fmtFixed(s.rsi, 1), 'num'), signal);
            return tr;
        }), 'watchlist-empty');
        $('watchlist-count').textContent = rows.length ? `(${rows.length})` : '';
        const symbols = rows.map((s) => s.symbol);
        if (symbols.join() !== state.symbols.join()) {
            state.symbols = symbols;
            refreshSymbolFilter();
        }
        if (!state.symbol && symbols.length)
            selectSymbol(symbols[0], false);
    }

    function refreshSymbolFilter() {
        const select = $('signal-filters').elements.symbol;
        const chosen = select.value;
        const options = [new Option('all', '')].concat(state.symbols.map((s) => new Option(s, s)));
        select.replaceChildren(...options);
        select.value = state.symbols.includes(chosen) ? chosen : '';
    }

    // ---- chart ----------------------------------------------------------------------------------------------

    function symbolFromPath() {
        const match = /^\/monitor\/([A-Za-z0-9.\-^=]{1,16})$/.exec(decodeURIComponent(location.pathname));
        return match ? match[1].toUpperCase() : '';
    }

    function selectSymbol(symbol, remember) {
        if (!symbol || symbol === state.symbol)
            return;
        state.symbol = symbol;
        if (remember !== false)
            history.pushState({ symbol }, '', `/monitor/${encodeURIComponent(symbol)}`);
        for (const tr of $('watchlist').tBodies[0].rows)
            tr.classList.toggle('selected', tr.dataset.symbol === symbol);
        loadChart();
    }

    function buildToolbar() {
        const group = $('timeframes');
        for (const tf of timeframes) {
            const button = document.createElement('button');
            button.type = 'button';
            button.textContent = tf;
            button.dataset.timeframe = tf;
            button.addEventListener('click', () => {
                state.timeframe = tf;
                localStorage.setItem('tickdesk-timeframe', tf);
                loadChart();
            });
            group.append(button);
        }
        const shown = JSON.parse(localStorage.getItem('tickdesk-overlays') || '{"sma":true,"ema":true,"bb":true}');
        for (const [key, text] of overlays) {
            const button = document.createElement('button');
            button.type = 'button';
            button.textContent = text;
            button.dataset.overlay = key;
            button.setAttribute('aria-pressed', String(shown[key] !== false));
            button.addEventListener('click', () => {
                const on = button.getAttribute('aria-pressed') !== 'true';
                button.setAttribute('aria-pressed', String(on));
                shown[key] = on;
                localStorage.setItem('tickdesk-overlays', JSON.stringify(shown));
                state.chart.setOverlay(key, on);
            });
            group.parentElement.querySelector('#overlays').append(button);
            state.chart.overlays[key] = shown[key] !== false;
        }
    }

    function chartMessage(text) {
        $('chart-message').textContent = text;
        $('chart-message').hidden = !text;
    }

    async function loadChart() {
        const symbol = state.symbol;
        const timeframe = state.timeframe;
        const request = ++state.chartRequest;
        $('chart-title').textContent = symbol;
        document.title = `${symbol} · TickDesk monitor`;
        for (const b of $('timeframes').children)
            b.setAttribute('aria-pressed', String(b.dataset.timeframe === timeframe));
        if (state.chartStream) {
            state.chartStream.stop();
            state.chartStream = null;
        }
        let chart;
        try {
            chart = await api.get(chartPath(symbol, timeframe));
        } catch (e) {
            if (request === state.chartRequest)
                chartMessage(`The chart could not be read: ${e.message}`);
            return;
        }
        if (request !== state.chartRequest)
            return; // another symbol or timeframe was chosen meanwhile
        state.chart.load(symbol, timeframe, chart);
        chartMessage(!state.chart.available ? 'The chart library is not installed (Debian package libjs-chart.js).'
            : chart.bars.length ? '' : `No ${timeframe} bars of ${symbol} yet.`);
        showLastBar();
        // Bars of this symbol and timeframe from now on; its signals come with everyone's on the signal stream.
        let opened = 0;
        state.chartStream = api.stream(`/ws/stocks/${encodeURIComponent(symbol)}`, {
            open: (socket) => {
                socket.send(JSON.stringify({ action: 'subscribe', symbols: [symbol], types: ['bar'],
                                             timeframes: [timeframe] }));
                if (opened++)
                    reloadChart(symbol, timeframe); // back after a break: the bars missed meanwhile
            },
            message: (m) => {
                if (m.type === 'bar') {
                    state.chart.applyBar(m);
                    if (m.state !== 'revised')
                        showLastBar();
                    chartMessage('');
                }
            },
        });
    }

    async function reloadChart(symbol, timeframe) {
        const chart = await read(chartPath(symbol, timeframe));
        if (chart && symbol === state.symbol && timeframe === state.timeframe) {
            state.chart.load(symbol, timeframe, chart);
            showLastBar();
        }
    }

    function showLastBar() {
        const bar = state.chart.bars[state.chart.bars.length - 1];
        $('chart-last').textContent = bar
            ? `${state.timeframe} · O ${fmtPrice(bar.o)} H ${fmtPrice(bar.h)} L ${fmtPrice(bar.l)} C ${fmtPrice(bar.c)}`
            : state.timeframe;
    }

    // ---- signals --------------------------------------------------------------------------------------------

    function filters() {
        const f = $('signal-filters').elements;
        return { symbol: f.symbol.value, side: f.side.value, rule: f.rule.value };
    }

    /// `rule` of a stored signal as the filter names it: a trader's alert fire is "alert".
    function ruleOf(s) {
        return s.type === 'alert' || s.alert_id !== undefined ? 'alert' : s.rule;
    }

    function matches(s, f) {
        return (!f.symbol || s.symbol === f.symbol) && (!f.side || s.side === f.side) && (!f.rule || ruleOf(s) === f.rule);
    }

    function signalRow(s) {
        const tr = document.createElement('tr');
        tr.dataset.id = s.id;
        const rule = ruleOf(s) === 'alert' ? (s.name || 'alert') : s.rule;
        tr.append(cell(fmtTime(s.timestamp), 'muted'), cell(s.symbol, 'symbol'), cell(s.side, `side ${s.side}`),
            cell(rule, 'wide'), cell(fmtPrice(s.price), 'num'), cell(s.reason || '', 'wide reason'));
        tr.addEventListener('click', () => selectSymbol(s.symbol));
        return tr;
    }

    async function loadSignals() {
        const f = filters();
        const query = new URLSearchParams({ limit: '100' });
        if (f.symbol)
            query.set('symbol', f.symbol);
        if (f.side)
            query.set('side', f.side);
        if (f.rule && f.rule !== 'alert')
            query.set('rule', f.rule);
        else if (f.rule === 'alert')
            query.set('side', 'alert');
        const rows = await read(`/api/signals?${query}`);
        if (!rows)
            return;
        const shown = rows.filter((s) => matches(s, f));
        fillTable($('signals').tBodies[0], shown.map(signalRow), 'signals-empty');
    }

    function onStreamSignal(m) {
        if (m.type !== 'signal' && m.type !== 'alert')
            return;
        if (m.type === 'alert')
            m.side = 'alert';
        state.chart.addSignal(m);
        if (matches(m, filters())) {
            const body = $('signals').tBodies[0];
            const row = signalRow(m);
            row.dataset.live = 'true'; // pushed by the stream, not read by a request
            body.prepend(row);
            while (body.rows.length > MaxSignalRows)
                body.deleteRow(-1);
            $('signals-empty').hidden = true;
        }
        if (m.type === 'alert')
            pollAlerts();
    }

    // ---- paper account and alerts ---------------------------------------------------------------------------

    async function pollPaper() {
        const [positions, account] = await Promise.all([read('/api/positions'), read('/api/paper/account')]);
        if (!positions || !account)
            return;
        const figures = [['Cash', account.cash], ['Equity', account.equity], ['Day P/L', account.day_pnl],
                         ['Realized', account.realized], ['Unrealized', account.unrealized]];
        $('account').replaceChildren(...figures.map(([name, v]) => {
            const figure = document.createElement('div');
            const dt = document.createElement('dt');
            dt.textContent = name;
            const dd = document.createElement('dd');
            dd.textContent = fmtMoney(v);
            dd.className = name === 'Cash' || name === 'Equity' ? '' : signClass(v);
            figure.append(dt, dd);
            return figure;
        }));
        const open = positions.positions || [];
        fillTable($('positions').tBodies[0], open.map((p) => {
            const tr = document.createElement('tr');
            tr.append(cell(p.ticker || p.symbol, 'symbol'), cell(fmtInt(p.quantity), 'num'),
                cell(fmtPrice(p.average_price), 'num wide'), cell(fmtPrice(p.last), 'num'),
                cell(fmtMoney(p.unrealized), `num ${signClass(p.unrealized)}`),
                cell(fmtFixed(p.unrealized_percent, 2), `num ${signClass(p.unrealized_percent)}`));
            tr.addEventListener('click', () => selectSymbol(p.ticker || p.symbol));
            return tr;
        }), 'positions-empty');
    }

    async function pollAlerts() {
        const alerts = await read('/api/alerts');
        if (!alerts)
            return;
        fillTable($('alerts').tBodies[0], alerts.map((a) => {
            const tr = document.createElement('tr');
            const status = a.error ? `${a.status}: ${a.error}` : a.status;
            tr.append(cell(a.name || `#${a.id}`), cell(status, `alert-status ${a.status}`),
                cell(a.description || '', 'wide muted'));
            return tr;
        }), 'alerts-empty');
    }

    // ---- token ------------------------------------------------------------------------------------------------

    function askForToken(wrong) {
        const dialog = $('token-dialog');
        $('token-error').hidden = !wrong;
        $('token-error').textContent = wrong ? 'That token was refused.' : '';
        if (!dialog.open)
            dialog.showModal();
    }

    function start() {
        api.on('link', showLink);
        api.on('unauthorized', askForToken);
        $('token-form').addEventListener('submit', (event) => {
            event.preventDefault();
            api.setToken($('token-input').value.trim());
            $('token-dialog').close();
            if (signalStream) {
                signalStream.stop();
                signalStream = null;
            }
            refreshAll();
            if (state.symbol)
                loadChart();
        });
        $('signal-filters').addEventListener('submit', (event) => event.preventDefault());
        $('signal-filters').addEventListener('change', loadSignals);
        $('watchlist').addEventListener('click', (event) => {
            const tr = event.target.closest('tr[data-symbol]');
            if (tr)
                selectSymbol(tr.dataset.symbol);
        });
        window.addEventListener('popstate', () => {
            const symbol = symbolFromPath();
            if (symbol && symbol !== state.symbol) {
                state.symbol = symbol;
                loadChart();
            }
        });
        state.chart = new TickDesk.CandleChart($('chart'));
        buildToolbar();
        const symbol = symbolFromPath();
        if (symbol)
            selectSymbol(symbol, false);
        const tick = () => ($('clock').textContent = new Date().toLocaleTimeString());
        tick();
        setInterval(tick, 1000);
        refreshAll();
        setInterval(pollWatchlist, 1000);
        setInterval(pollHealth, 2000);
        setInterval(pollPaper, 2000);
        setInterval(pollAlerts, 10000);
    }

    function openSignalStream() {
        signalStream = api.stream('/ws/signals', {
            state: (s) => api.setLink(s),
            message: onStreamSignal,
            // Whatever was missed while the link was down is read again.
            open: () => loadSignals(),
        });
    }

    function refreshAll() {
        pollWatchlist();
        pollHealth();
        loadSignals();
        pollPaper();
        pollAlerts();
    }

    start();
})();
