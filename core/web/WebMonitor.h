// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Http {
class HttpRouter;
}

namespace Web {

struct MonitorOptions
{
    /// The WebSocket stream's port the page follows live; 0 when the stream is off (the page then polls).
    quint16 streamPort = 0;
    /// Chart.js, served to the page (never fetched from elsewhere); empty: where Debian's libjs-chart.js
    /// installs it.
    QString chartLibrary;
};

/// The read-only web monitor: its page at `GET /` and `GET /monitor/SYMBOL`, its script, style and icon
/// under `/web/`, and the chart library. The files hold no data, so they are served without the access
/// token (the page asks the trader for it and sends it with every request for data); everything they read
/// comes from the REST API and the stream, under the same rules as any other client.
void installMonitor(Http::HttpRouter &router, const MonitorOptions &options);

} // namespace Web
