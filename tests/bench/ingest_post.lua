-- SPDX-License-Identifier: MIT
-- wrk script: POST /ingest with BATCH records per request (default 1: the
-- reference generator's one JSON object per POST).
local batch = tonumber(os.getenv("BATCH") or "1")
local record = '{"stock_symbol": "AAPL", "opening_price": 150.25, "closing_price": 155.2, "high": 157.5, '
    .. '"low": 149.8, "volume": 1000000, "timestamp": 1700000000.5}'

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if batch == 1 then
    wrk.body = record
else
    local parts = {}
    for i = 1, batch do
        parts[i] = record
    end
    wrk.body = "[" .. table.concat(parts, ",") .. "]"
end

function done(summary, latency, requests)
    local ok = summary.requests - summary.errors.status
    io.write(string.format("BENCH requests=%d non2xx=%d seconds=%.3f records_per_request=%d p50_us=%d p99_us=%d\n",
        summary.requests, summary.errors.status, summary.duration / 1e6, batch,
        latency:percentile(50), latency:percentile(99)))
end
