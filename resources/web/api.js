// SPDX-License-Identifier: MIT
// The monitor's link to TickDesk: REST reads with the access token, and the WebSocket stream with
// reconnection. Nothing here writes: the monitor only reads.
'use strict';

window.TickDesk = window.TickDesk || {};

TickDesk.api = (() => {
    const tokenKey = 'tickdesk-token';
    const listeners = { link: [], unauthorized: [] };
    let linkState = 'connecting';

    function token() {
        return sessionStorage.getItem(tokenKey) || '';
    }

    function setToken(value) {
        sessionStorage.setItem(tokenKey, value);
    }

    function on(event, listener) {
        listeners[event].push(listener);
    }

    function emit(event, ...args) {
        for (const listener of listeners[event])
            listener(...args);
    }

    function setLink(state, detail) {
        if (state === linkState && !detail)
            return;
        if ((linkState === 'locked' || linkState === 'offline') && state === 'reconnecting')
            return; // the stream cannot come back before TickDesk answers (with the token)
        linkState = state;
        emit('link', state, detail || '');
    }

    class HttpError extends Error {
        constructor(status, message) {
            super(message);
            this.status = status;
        }
    }

    /// GET `path` as JSON; rejects with an HttpError naming TickDesk's own message.
    async function get(path) {
        const headers = { Accept: 'application/json' };
        if (token())
            headers['X-TickDesk-Token'] = token();
        let response;
        try {
            response = await fetch(path, { headers, cache: 'no-store' });
        } catch (e) {
            setLink('offline', 'TickDesk does not answer');
            throw new HttpError(0, 'TickDesk does not answer');
        }
        if (response.status === 401) {
            setLink('locked', 'access token needed');
            emit('unauthorized', token() !== '');
            throw new HttpError(401, 'access token needed');
        }
        const body = await response.json().catch(() => null);
        if (!response.ok)
            throw new HttpError(response.status, (body && body.error) || `HTTP ${response.status}`);
        if (linkState === 'offline' || linkState === 'locked')
            setLink('connecting');
        return body;
    }

    /// A WebSocket on `path` of the stream that reconnects with back-off until closed with stop().
    /// `handlers`: open(socket), message(object), state(name) — 'live', 'reconnecting' or 'off'.
    function stream(path, handlers) {
        const port = document.querySelector('meta[name="tickdesk-stream-port"]').content;
        let socket = null;
        let stopped = false;
        let delay = 500;
        let timer = 0;

        function url() {
            const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
            const query = token() ? `?token=${encodeURIComponent(token())}` : '';
            const name = location.hostname;
            const host = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
            return `${scheme}//${host}:${port}${path}${query}`;
        }

        function connect() {
            if (stopped)
                return;
            socket = new WebSocket(url());
            socket.onopen = () => {
                delay = 500;
                handlers.state && handlers.state('live');
                handlers.open && handlers.open(socket);
            };
            socket.onmessage = (event) => {
                let message;
                try {
                    message = JSON.parse(event.data);
                } catch (e) {
                    return;
                }
                handlers.message(message);
            };
            socket.onclose = () => {
                socket = null;
                if (stopped)
                    return;
                handlers.state && handlers.state('reconnecting');
                timer = setTimeout(connect, delay);
                delay = Math.min(delay * 2, 10000);
            };
        }

        if (port === '0') {
            handlers.state && handlers.state('off');
        } else {
            connect();
        }
        return {
            stop() {
                stopped = true;
                clearTimeout(timer);
                if (socket)
                    socket.close();
            },
            send(object) {
                if (socket && socket.readyState === WebSocket.OPEN)
                    socket.send(JSON.stringify(object));
            },
        };
    }

    return { get, stream, on, setLink, token, setToken, HttpError };
})();
