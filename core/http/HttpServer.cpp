// SPDX-License-Identifier: MIT
#include "HttpServer.h"

#include "IoWorker.h"

#include <QLoggingCategory>
#include <QTcpServer>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "tickdesk.http")

namespace Http {

/// Accepts connections on a thread of its own and deals them out round-robin.
class Listener final : public QTcpServer
{
public:
    explicit Listener(std::vector<IoWorker *> workers)
        : m_workers(std::move(workers))
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        m_workers[m_next++ % m_workers.size()]->adoptLater(descriptor);
    }

private:
    std::vector<IoWorker *> m_workers;
    std::size_t m_next = 0;
};

void HttpServer::ThreadStopper::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

HttpServer::HttpServer(ServerOptions options, HttpHandler &handler, QObject *parent)
    : QObject(parent)
    , m_shared(std::make_unique<ServerShared>())
{
    m_shared->options = std::move(options);
    m_shared->handler = &handler;
}

HttpServer::~HttpServer()
{
    stop();
}

QString HttpServer::address() const
{
    const QHostAddress &a = m_shared->options.address;
    const QString host = a.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]"_s.arg(a.toString()) : a.toString();
    return u"%1:%2"_s.arg(host).arg(m_port);
}

int HttpServer::connectionCount() const
{
    return m_shared->connections.load();
}

quint64 HttpServer::evictedConnections() const
{
    return m_shared->evicted.load();
}

void HttpServer::setFeeders(Util::Feeders *feeders)
{
    m_shared->feeders = feeders;
}

Util::Status HttpServer::start()
{
    const ServerOptions &o = m_shared->options;
    if (!o.address.isLoopback() && o.accessToken.isEmpty())
        return Util::Status::failure(
            u"refusing to listen on %1 without an access token: set one with --token"_s.arg(o.address.toString()));

    const int threads = std::max(1, o.ioThreads);
    std::vector<IoWorker *> workers;
    for (int i = 0; i < threads; ++i) {
        auto worker = std::make_unique<IoWorker>(*m_shared);
        if (auto s = worker->start(QByteArray("http-io-" + QByteArray::number(i)).constData()); !s) {
            stop();
            return s;
        }
        workers.push_back(worker.get());
        m_workers.push_back(std::move(worker));
    }

    m_acceptThread.reset(new QThread);
    m_acceptThread->setObjectName(u"http-accept"_s);
    m_acceptThread->start();
    m_listener = new Listener(workers);
    m_listener->moveToThread(m_acceptThread.get());
    connect(m_acceptThread.get(), &QThread::finished, m_listener, &QObject::deleteLater);
    bool listening = false;
    QString error;
    QMetaObject::invokeMethod(
        m_listener,
        [&, listener = m_listener] {
            listening = listener->listen(o.address, o.port);
            error = listener->errorString();
            m_port = listener->serverPort();
            // Before the first connection is taken: the guard needs the port pages of our own come from.
            m_shared->guard.emplace(m_port, o.address, o.allowedOrigins, !o.accessToken.isEmpty());
        },
        Qt::BlockingQueuedConnection);
    if (!listening) {
        const QString message = u"cannot listen on %1:%2: %3"_s.arg(o.address.toString()).arg(o.port).arg(error);
        stop();
        return Util::Status::failure(message);
    }
    qCInfo(lcHttp) << "listening on" << address() << "with" << threads << "I/O threads";
    return {};
}

void HttpServer::stopListening()
{
    if (!m_listener)
        return;
    QMetaObject::invokeMethod(
        m_listener, [listener = m_listener] { listener->close(); }, Qt::BlockingQueuedConnection);
}

void HttpServer::stop()
{
    stopListening();
    m_listener = nullptr;
    m_acceptThread.reset(); // joins; the listener deletes itself as its thread finishes
    for (const auto &worker : m_workers)
        worker->stop(); // closes its connections and joins
    m_workers.clear();
}

} // namespace Http
