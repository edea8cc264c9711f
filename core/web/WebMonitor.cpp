// SPDX-License-Identifier: MIT
#include "WebMonitor.h"
#include "StaticFiles.h"

#include "http/BrowserGuard.h"
#include "http/HttpRouter.h"
#include "model/Symbol.h"

#include <QFile>
#include <QLoggingCategory>

#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWeb, "tickdesk.web")

namespace Web {

namespace {

constexpr auto ChartLibraryPath = "/web/chart.min.js";

QByteArray resource(const QString &name)
{
    QFile file(u":/web/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("web monitor resource %s missing from the build", qPrintable(name));
    return file.readAll();
}

/// The host of a Host header as a URL names it ("[::1]" in brackets), when it is plainly a host name or address
/// (it goes into a header); else empty.
QByteArray plainHost(const QByteArray &header)
{
    const QByteArray host = Http::hostName(header);
    const bool plain = !host.isEmpty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':';
    });
    if (!plain)
        return {};
    return host.contains(':') ? QByteArray('[' + host + ']') : host;
}

/// Scripts, styles and images from this server only, nothing inline; data from this server and the stream.
QByteArray contentSecurityPolicy(const QByteArray &hostHeader, quint16 streamPort)
{
    QByteArray connect = "'self'";
    if (const QByteArray host = plainHost(hostHeader); !host.isEmpty() && streamPort != 0) {
        const QByteArray port = QByteArray::number(streamPort);
        connect += " ws://" + host + ':' + port + " wss://" + host + ':' + port;
    }
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src " + connect +
           "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

struct Monitor
{
    StaticFiles files;
    quint16 streamPort = 0;

    Http::HttpResponse pageResponse(const Http::HttpRequest &request) const
    {
        Http::HttpResponse response = StaticFiles::respond(*files.find("/"), request);
        response.headers.append(
            {QByteArrayLiteral("Content-Security-Policy"), contentSecurityPolicy(request.host, streamPort)});
        return response;
    }
};

} // namespace

void installMonitor(Http::HttpRouter &router, const MonitorOptions &options)
{
    auto monitor = std::make_shared<Monitor>();
    monitor->streamPort = options.streamPort;
    StaticFiles &files = monitor->files;
    for (const auto *script : {"api.js", "candles.js", "monitor.js"})
        files.add(QByteArray("/web/") + script, resource(QString::fromLatin1(script)),
                  "text/javascript; charset=utf-8");
    files.add("/web/monitor.css", resource(u"monitor.css"_s), "text/css; charset=utf-8");
    files.add("/web/icon.png", resource(u"io.github.tickdesk.TickDesk.png"_s), "image/png");
    QFile chartLibrary(options.chartLibrary.isEmpty() ? QStringLiteral(TICKDESK_CHART_LIBRARY) : options.chartLibrary);
    if (chartLibrary.open(QIODevice::ReadOnly))
        files.add(ChartLibraryPath, chartLibrary.readAll(), "text/javascript; charset=utf-8");
    else
        qCWarning(lcWeb).noquote() << u"web monitor: no chart library at %1 (%2): the page will show no charts; "
                                      u"install Debian's libjs-chart.js"_s.arg(chartLibrary.fileName(),
                                                                               chartLibrary.errorString());
    // The page names each file with its version, so browsers keep them until they change.
    QByteArray page = resource(u"index.html"_s);
    page.replace("{{stream_port}}", QByteArray::number(options.streamPort));
    for (const char *path :
         {"/web/api.js", "/web/candles.js", "/web/monitor.js", "/web/monitor.css", "/web/icon.png", ChartLibraryPath})
        page.replace(QByteArray("{{" + QByteArray(path) + "}}"), files.versioned(path));
    files.add("/", page, "text/html; charset=utf-8");

    const auto servePage = [monitor](Http::HttpRequest &&request, Http::HttpResponder responder) {
        responder.send(monitor->pageResponse(request));
    };
    router.add("GET", "/", servePage);
    router.add("GET", "/monitor", servePage);
    router.addPrefix("GET", "/monitor/", [monitor](Http::HttpRequest &&request, Http::HttpResponder responder) {
        Model::Symbol symbol;
        // Browsers send ^ and = (index and currency symbols) percent-encoded.
        const QByteArray name = QByteArray::fromPercentEncoding(request.path.mid(qsizetype(sizeof("/monitor/")) - 1));
        if (!Model::Symbol::fromString(QString::fromLatin1(name), symbol)) {
            responder.send(
                Http::HttpResponse::error(404, u"no such page: \"%1\" is not a symbol (1-16 of A-Z 0-9 . - ^ =)"_s.arg(
                                                   QString::fromUtf8(name.left(40)))));
            return;
        }
        responder.send(monitor->pageResponse(request));
    });
    router.addPrefix("GET", "/web/", [monitor](Http::HttpRequest &&request, Http::HttpResponder responder) {
        const StaticFiles::File *file = monitor->files.find(request.path);
        if (!file) {
            const bool chart = request.path == ChartLibraryPath;
            responder.send(Http::HttpResponse::error(
                404, chart ? u"the chart library is not installed (Debian package libjs-chart.js)"_s
                           : u"no such file: %1"_s.arg(QString::fromUtf8(request.path.left(200)))));
            return;
        }
        responder.send(StaticFiles::respond(*file, request));
    });
    router.add("GET", "/favicon.ico", [monitor](Http::HttpRequest &&request, Http::HttpResponder responder) {
        responder.send(StaticFiles::respond(*monitor->files.find("/web/icon.png"), request));
    });
    for (const char *path : {"/", "/monitor", "/monitor/", "/web/", "/favicon.ico"})
        router.makePublic(path);
}

} // namespace Web
