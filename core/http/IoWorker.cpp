// SPDX-License-Identifier: MIT
#include "IoWorker.h"

#include "HttpConnection.h"
#include "HttpResponder.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace Http {

IoWorker::IoWorker(ServerShared &shared)
    : m_shared(shared)
{}

IoWorker::~IoWorker()
{
    closeAll();
}

void IoWorker::startTimers()
{
    m_sweepTimer = new QTimer(this);
    const int shortest =
        std::min({m_shared.options.idleTimeoutMs, m_shared.options.requestTimeoutMs, m_shared.options.headerTimeoutMs});
    m_sweepTimer->setInterval(std::clamp(shortest / 4, 10, 1000));
    connect(m_sweepTimer, &QTimer::timeout, this, &IoWorker::sweep);
    m_sweepTimer->start();
}

void IoWorker::adopt(qintptr descriptor)
{
    const quint64 id = m_shared.nextConnectionId.fetch_add(1);
    // Near the cap, the oldest connection of this thread that sends nothing whole makes room: slow
    // clients cannot keep out those that send complete requests.
    if (m_shared.connections.load() > m_shared.options.maxConnections - m_shared.options.reservedConnections) {
        HttpConnection *oldest = nullptr;
        for (HttpConnection *c : std::as_const(m_connections))
            if (c->isEvictable() && (!oldest || c->lastActivityMs() < oldest->lastActivityMs()))
                oldest = c;
        if (oldest) {
            m_shared.evicted.fetch_add(1, std::memory_order_relaxed);
            delete oldest; // forgets itself, freeing its slot now
        }
    }
    const bool overCapacity = m_shared.connections.fetch_add(1) >= m_shared.options.maxConnections;
    auto *connection = new HttpConnection(descriptor, id, *this, m_shared, this);
    m_connections.insert(id, connection);
    connection->start(overCapacity);
}

void IoWorker::deliver(quint64 connection, quint64 sequence, HttpResponse response)
{
    if (HttpConnection *c = m_connections.value(connection))
        c->deliver(sequence, std::move(response));
}

void IoWorker::post(quint64 connection, quint64 sequence, HttpResponse response)
{
    const bool schedule = m_outbox.post([&](std::deque<Completed> &box) {
        box.push_back({connection, sequence, std::move(response)});
    });
    if (schedule)
        QMetaObject::invokeMethod(this, &IoWorker::drainOutbox, Qt::QueuedConnection);
}

void IoWorker::drainOutbox()
{
    m_outbox.take(m_draining);
    for (Completed &c : m_draining)
        deliver(c.connection, c.sequence, std::move(c.response));
    m_draining.clear();
}

void IoWorker::forget(quint64 connection)
{
    if (m_connections.remove(connection))
        m_shared.connections.fetch_sub(1);
}

void IoWorker::closeAll()
{
    const auto connections = m_connections;
    for (HttpConnection *c : connections)
        delete c;
}

void IoWorker::sweep()
{
    const qint64 now = QDeadlineTimer::current().deadline();
    const auto connections = m_connections;
    for (HttpConnection *c : connections)
        c->checkTimeouts(now);
}

void HttpResponder::send(HttpResponse response) const
{
    if (!m_worker)
        return;
    if (QThread::currentThread() == m_worker->thread()) {
        m_worker->deliver(m_connection, m_sequence, std::move(response));
        return;
    }
    m_worker->post(m_connection, m_sequence, std::move(response));
}

} // namespace Http
