// SPDX-License-Identifier: MIT
#pragma once

// Builds the ingest path the way the application does: storage writer (or a
// test sink), ingest endpoint, router and a real server on a free port.

#include "api/Routes.h"
#include "http/HttpRouter.h"
#include "http/HttpServer.h"
#include "ingest/IngestEndpoint.h"
#include "storage/StorageWriter.h"
#include "util/Feeders.h"

#include <QTemporaryDir>

#include <memory>
#include <mutex>

namespace TestHttp {

/// Holds every batch until the test releases it: makes ordering and saturation deterministic.
class GatedSink final : public Ingest::RecordSink
{
public:
    explicit GatedSink(std::size_t capacity)
        : m_capacity(capacity)
    {}

    Submit submit(Model::RecordBatch &&records, qint64, Done done) override
    {
        std::lock_guard lock(m_mutex);
        if (m_pending >= m_capacity)
            return Submit::Saturated;
        m_held.push_back({records.size(), std::move(done)});
        ++m_pending;
        return Submit::Accepted;
    }

    std::size_t held() const
    {
        std::lock_guard lock(m_mutex);
        return m_held.size();
    }

    void release(std::size_t index, const QString &error = {})
    {
        Done done;
        {
            std::lock_guard lock(m_mutex);
            done = std::exchange(m_held[index].second, {});
            --m_pending;
        }
        done(error);
    }

private:
    mutable std::mutex m_mutex;
    std::size_t m_capacity;
    std::size_t m_pending = 0;
    std::vector<std::pair<std::size_t, Done>> m_held;
};

struct Server
{
    QTemporaryDir dir;
    Util::Feeders feeders; ///< the I/O threads, whose requests the writer's small commits wait for
    std::unique_ptr<Storage::StorageWriter> writer;
    Http::HttpRouter router;
    std::unique_ptr<Ingest::IngestEndpoint> endpoint;
    std::unique_ptr<Http::HttpServer> http;

    QString dbPath() const { return dir.filePath(QStringLiteral("test.sqlite")); }

    /// With `sink` null the real storage writer takes the records.
    bool start(Http::ServerOptions options = {}, Ingest::RecordSink *sink = nullptr)
    {
        if (!sink) {
            auto opened = Storage::StorageWriter::open({dbPath()});
            if (!opened)
                return false;
            writer = std::move(*opened);
            writer->setFeeders(&feeders);
            sink = writer.get();
        }
        endpoint = std::make_unique<Ingest::IngestEndpoint>(*sink);
        Api::RouteSources routes;
        routes.ingest = endpoint.get();
        Api::installRoutes(router, routes);
        options.port = 0;
        http = std::make_unique<Http::HttpServer>(options, router);
        http->setFeeders(&feeders);
        return http->start().ok();
    }

    quint16 port() const { return http->port(); }

    void stop()
    {
        if (http)
            http->stopListening();
        if (writer)
            writer->stop();
        if (http)
            http->stop();
    }

    ~Server() { stop(); }
};

} // namespace TestHttp
