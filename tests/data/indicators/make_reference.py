#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Reference values for TickDesk's indicator tests, written independently of the
C++ code from TA-Lib's documented conventions, with plain Python and math.fsum.

  tests/data/indicators/make_reference.py      writes ohlcv.csv and reference.csv here

Conventions (TA-Lib): SMA over the window; EMA k = 2/(n+1) seeded with the SMA of
the first n inputs; RSI and ATR with Wilder smoothing seeded by simple averages
(RSI needs n+1 prices, ATR's true range needs the previous close, so both start
at bar n); MACD with the fast EMA seeded on the n_fast bars ending at bar
n_slow-1 and all outputs starting at bar n_slow+n_signal-2; Bollinger bands with
the population standard deviation; VWAP of the typical price over n bars.
"""
import csv
import math
import os
import random

BARS = 600
here = os.path.dirname(os.path.abspath(__file__))


def make_bars():
    rng = random.Random(20261121)
    price = 100.0
    bars = []
    for i in range(BARS):
        o = price
        # Calm and wild stretches, and a flat run, so every indicator sees both.
        vol = 0.002 if 200 <= i < 260 else 0.012
        c = o * math.exp(rng.gauss(0.0002, vol))
        if 400 <= i < 430:
            c = o
        h = max(o, c) * (1 + abs(rng.gauss(0, vol / 2)))
        l = min(o, c) * (1 - abs(rng.gauss(0, vol / 2)))
        if 400 <= i < 430:
            h = l = o
        v = rng.randint(1000, 100000)
        bars.append((1700000000 + 60 * i, o, h, l, c, v))
        price = c
    return bars


def sma(x, n):
    return [math.fsum(x[i - n + 1:i + 1]) / n if i >= n - 1 else None for i in range(len(x))]


def ema_from(x, n, start):
    """EMA whose seed is the mean of x[start:start+n]; None before start+n-1."""
    out = [None] * len(x)
    k = 2.0 / (n + 1)
    if start + n > len(x):
        return out
    v = math.fsum(x[start:start + n]) / n
    out[start + n - 1] = v
    for i in range(start + n, len(x)):
        v = (x[i] - v) * k + v
        out[i] = v
    return out


def rsi(x, n):
    out = [None] * len(x)
    gains = [max(x[i] - x[i - 1], 0.0) for i in range(1, len(x))]
    losses = [max(x[i - 1] - x[i], 0.0) for i in range(1, len(x))]
    g = math.fsum(gains[:n]) / n
    l = math.fsum(losses[:n]) / n
    for i in range(n, len(x)):
        if i > n:
            g = (g * (n - 1) + gains[i - 1]) / n
            l = (l * (n - 1) + losses[i - 1]) / n
        out[i] = 100.0 * g / (g + l) if g + l != 0 else 0.0
    return out


def macd(x, fast, slow, signal):
    slow_ema = ema_from(x, slow, 0)
    fast_ema = ema_from(x, fast, slow - fast)
    line = [f - s if f is not None and s is not None else None for f, s in zip(fast_ema, slow_ema)]
    first = slow - 1
    sig = [None] * len(x)
    sig_tail = ema_from(line[first:], signal, 0)
    for i, v in enumerate(sig_tail):
        sig[first + i] = v
    out_line = [l if s is not None else None for l, s in zip(line, sig)]
    hist = [l - s if s is not None else None for l, s in zip(line, sig)]
    return out_line, sig, hist


def bollinger(x, n, k):
    up, mid, lo = [None] * len(x), [None] * len(x), [None] * len(x)
    for i in range(n - 1, len(x)):
        w = x[i - n + 1:i + 1]
        m = math.fsum(w) / n
        sd = math.sqrt(math.fsum((v - m) ** 2 for v in w) / n)
        up[i], mid[i], lo[i] = m + k * sd, m, m - k * sd
    return up, mid, lo


def atr(h, l, c, n):
    out = [None] * len(c)
    tr = [None] + [max(h[i] - l[i], abs(c[i - 1] - h[i]), abs(c[i - 1] - l[i])) for i in range(1, len(c))]
    v = math.fsum(tr[1:n + 1]) / n
    out[n] = v
    for i in range(n + 1, len(c)):
        v = (v * (n - 1) + tr[i]) / n
        out[i] = v
    return out


def vwap(h, l, c, vol, n):
    out = [None] * len(c)
    for i in range(n - 1, len(c)):
        pv = math.fsum((h[j] + l[j] + c[j]) / 3.0 * vol[j] for j in range(i - n + 1, i + 1))
        vv = math.fsum(vol[i - n + 1:i + 1])
        out[i] = pv / vv if vv > 0 else None
    return out


def main():
    bars = make_bars()
    ts, o, h, l, c, v = (list(col) for col in zip(*bars))
    with open(os.path.join(here, "ohlcv.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["timestamp", "open", "high", "low", "close", "volume"])
        for b in bars:
            w.writerow([b[0]] + [repr(x) for x in b[1:5]] + [b[5]])
    columns = {
        "sma20": sma(c, 20),
        "ema20": ema_from(c, 20, 0),
        "rsi14": rsi(c, 14),
        "atr14": atr(h, l, c, 14),
        "vwap20": vwap(h, l, c, v, 20),
    }
    columns["macd"], columns["macd_signal"], columns["macd_histogram"] = macd(c, 12, 26, 9)
    columns["bb_upper"], columns["bb_middle"], columns["bb_lower"] = bollinger(c, 20, 2.0)
    names = list(columns)
    with open(os.path.join(here, "reference.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(names)
        for i in range(BARS):
            w.writerow(["" if columns[n][i] is None else repr(columns[n][i]) for n in names])


if __name__ == "__main__":
    main()
