// SPDX-License-Identifier: MIT
// The HTTP server's own cost per request, without the engine: the same wrk command as bench_http.sh against a
// handler that answers at once on the I/O thread, and one that answers from another thread (as the storage
// writer does after a commit). Prints wrk's requests/s for each; compare with nginx's in bench_http.sh.
//   build/release/tests/bench/bench_httpio [SECONDS]
#include "http/HttpResponder.h"
#include "http/HttpServer.h"
#include "util/WorkerThread.h"

#include <QCoreApplication>
#include <QProcess>

#include <cstdio>
#include <deque>
#include <mutex>

namespace {

class AtOnce final : public Http::HttpHandler
{
public:
    void handle(Http::HttpRequest &&, Http::HttpResponder responder) override
    {
        responder.send(Http::HttpResponse::json(200, QByteArrayLiteral("{\"accepted\":1}")));
    }
};

/// Answers from a thread of its own, in batches as they queue up, like a group commit.
class FromAnotherThread final : public Http::HttpHandler
{
public:
    FromAnotherThread()
    {
        m_worker.start([this] { run(); });
    }
    ~FromAnotherThread() override { m_worker.stop(); }
    void handle(Http::HttpRequest &&, Http::HttpResponder responder) override
    {
        bool wake = false;
        {
            std::lock_guard lock(m_worker.mutex());
            wake = m_queue.empty();
            m_queue.push_back(responder);
        }
        if (wake)
            m_worker.wake().notify_one();
    }

private:
    void run()
    {
        std::deque<Http::HttpResponder> batch;
        for (;;) {
            {
                std::unique_lock lock(m_worker.mutex());
                m_worker.wake().wait(lock, [this] { return m_worker.stopping() || !m_queue.empty(); });
                if (m_worker.stopping())
                    return;
                batch.swap(m_queue);
            }
            for (const Http::HttpResponder &r : batch)
                r.send(Http::HttpResponse::json(200, QByteArrayLiteral("{\"accepted\":1}")));
            batch.clear();
        }
    }

    std::deque<Http::HttpResponder> m_queue;
    Util::WorkerThread m_worker; ///< last: stopped before the queue goes
};

void measure(const char *label, Http::HttpHandler &handler, const QString &seconds, const QString &lua)
{
    Http::ServerOptions options;
    options.port = 0;
    Http::HttpServer server(options, handler);
    if (auto s = server.start(); !s) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(s.error()));
        return;
    }
    QProcess wrk;
    wrk.start(QStringLiteral("wrk"),
              {QStringLiteral("-t2"), QStringLiteral("-c32"), QStringLiteral("-d%1s").arg(seconds),
               QStringLiteral("-s"), lua, QStringLiteral("http://127.0.0.1:%1/ingest").arg(server.port())});
    while (!wrk.waitForFinished(50))
        QCoreApplication::processEvents();
    const QByteArray out = wrk.readAllStandardOutput();
    for (const QByteArray &line : out.split('\n'))
        if (line.startsWith("Requests/sec"))
            std::printf("  %-52s %s\n", label, line.mid(13).trimmed().constData());
    server.stop();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString seconds = argc > 1 ? QString::fromLatin1(argv[1]) : QStringLiteral("6");
    const QString lua = QCoreApplication::applicationDirPath() + QStringLiteral("/ingest_post.lua");
    std::printf("HTTP server alone, 1 record per POST, wrk -t2 -c32 on the same machine, %ss each (requests/s)\n",
                qPrintable(seconds));
    AtOnce atOnce;
    measure("answered at once on the I/O thread", atOnce, seconds, lua);
    FromAnotherThread other;
    measure("answered from another thread", other, seconds, lua);
    return 0;
}
