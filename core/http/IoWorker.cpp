// SPDX-License-Identifier: MIT
#include "IoWorker.h"

#include "HttpConnection.h"
#include "HttpResponder.h"
#include "util/CallerRuns.h"
#include "util/Clock.h"
#include "util/DeferredWakes.h"
#include "util/Feeders.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <optional>

using namespace Qt::StringLiterals;

namespace Http {

namespace {

constexpr int DeferWakesFrom = 4; ///< events in one round of epoll_wait

} // namespace

IoWorker::IoWorker(ServerShared &shared)
    : m_shared(shared)
{}

IoWorker::~IoWorker()
{
    stop();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

Util::Status IoWorker::start(const char *name)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event wakeEvent{};
    wakeEvent.events = EPOLLIN;
    wakeEvent.data.ptr = nullptr; // the mailbox, not a connection
    if (m_epoll < 0 || m_wakeFd < 0 || ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &wakeEvent) != 0)
        return Util::Status::failure(
            u"cannot set up an I/O thread: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
    m_thread = std::thread([this] { run(); });
    m_threadId = m_thread.get_id();
    ::pthread_setname_np(m_thread.native_handle(), name);
    return {};
}

void IoWorker::stop()
{
    if (!m_thread.joinable())
        return;
    m_stopping.store(true);
    wake();
    m_thread.join();
}

void IoWorker::wake()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(m_wakeFd, &one, sizeof one);
}

void IoWorker::adoptLater(qintptr descriptor)
{
    if (m_mail.post([&](std::deque<Mail> &box) { box.push_back(Mail{descriptor, 0, 0, {}}); })) {
        m_mailWaiting.store(true, std::memory_order_release);
        wake();
    }
}

void IoWorker::post(quint64 connection, quint64 sequence, HttpResponse response)
{
    if (m_mail.post([&](std::deque<Mail> &box) {
            box.push_back(Mail{-1, connection, sequence, std::move(response)});
        })) {
        m_mailWaiting.store(true, std::memory_order_release);
        if (m_shared.feeders) // answers make work here: their clients send again
            m_shared.feeders->busy(m_busy);
        Util::DeferredWakes::wake([](void *worker) { static_cast<IoWorker *>(worker)->wake(); }, this);
    }
}

void IoWorker::run()
{
    Util::callerRuns() = true; // a request's records are processed here when their shard is idle
    const ServerOptions &o = m_shared.options;
    const qint64 sweepEvery =
        std::clamp(std::min({o.idleTimeoutMs, o.requestTimeoutMs, o.headerTimeoutMs}) / 4, 10, 1000);
    m_roundNs = Util::monotonicNs();
    qint64 nextSweep = roundMs() + sweepEvery;
    std::array<epoll_event, 64> events{};
    while (!m_stopping.load(std::memory_order_relaxed)) {
        // From the round's start: a round takes far less than the sweep's period.
        const int timeout = int(std::max<qint64>(0, nextSweep - roundMs()));
        // Not idle while letters wait: the wait below returns at once for them.
        if (m_shared.feeders && !m_mailWaiting.load(std::memory_order_acquire))
            m_shared.feeders->idle(m_busy);
        const int ready = ::epoll_wait(m_epoll, events.data(), int(events.size()), timeout);
        m_roundNs = Util::monotonicNs();
        if (ready > 0 && m_shared.feeders)
            m_shared.feeders->busy(m_busy);
        // A round of many requests reaches the storage writer with one wake-up, and they commit together; a
        // round of a few wakes it at once, for the latency of a lightly loaded server.
        std::optional<Util::DeferredWakes> wakes;
        if (ready >= DeferWakesFrom)
            wakes.emplace();
        for (int i = 0; i < ready; ++i) {
            auto *connection = static_cast<HttpConnection *>(events[std::size_t(i)].data.ptr);
            if (!connection)
                takeMail();
            else if (!connection->isClosed())
                connection->onEvents(events[std::size_t(i)].events);
        }
        // Connections whose input waited for their responses to go out carry on; each may queue itself again.
        while (!m_resume.empty()) {
            std::vector<HttpConnection *> resuming;
            resuming.swap(m_resume);
            for (HttpConnection *connection : resuming)
                if (!connection->isClosed())
                    connection->resume();
        }
        wakes.reset();
        if (const qint64 now = roundMs(); now >= nextSweep) {
            sweep();
            nextSweep = now + sweepEvery;
        }
        for (HttpConnection *connection : m_dead)
            delete connection;
        m_dead.clear();
    }
    closeAll();
}

void IoWorker::takeMail()
{
    std::uint64_t count = 0;
    [[maybe_unused]] const auto read = ::read(m_wakeFd, &count, sizeof count);
    m_mailWaiting.store(false, std::memory_order_release); // before taking: a letter after it sets it again
    m_mail.take(m_taking);
    for (Mail &mail : m_taking) {
        if (mail.adopt >= 0)
            adopt(mail.adopt);
        else
            deliver(mail.connection, mail.sequence, std::move(mail.response));
    }
    m_taking.clear();
}

void IoWorker::adopt(qintptr descriptor)
{
    const int fd = int(descriptor);
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
            oldest->close(); // frees its slot now
        }
    }
    const bool overCapacity = m_shared.connections.fetch_add(1) >= m_shared.options.maxConnections;
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    auto *connection = new HttpConnection(fd, id, *this, m_shared);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.ptr = connection;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0) {
        delete connection; // closes the socket
        m_shared.connections.fetch_sub(1);
        return;
    }
    connection->setWatched(EPOLLIN);
    m_connections.insert(id, connection);
    connection->start(overCapacity);
}

void IoWorker::watch(HttpConnection &connection, bool read, bool write)
{
    const std::uint32_t wanted = (read ? std::uint32_t(EPOLLIN) : 0u) | (write ? std::uint32_t(EPOLLOUT) : 0u);
    if (wanted == connection.watched())
        return;
    epoll_event event{};
    event.events = wanted;
    event.data.ptr = &connection;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection.descriptor(), &event);
    connection.setWatched(wanted);
}

void IoWorker::deliver(quint64 connection, quint64 sequence, HttpResponse response)
{
    if (HttpConnection *c = m_connections.value(connection))
        c->deliver(sequence, std::move(response));
}

void IoWorker::resumeLater(HttpConnection *connection)
{
    m_resume.push_back(connection);
}

void IoWorker::closed(HttpConnection *connection)
{
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection->descriptor(), nullptr);
    if (m_connections.remove(connection->id()))
        m_shared.connections.fetch_sub(1);
    m_dead.push_back(connection);
}

void IoWorker::closeAll()
{
    m_mail.take(m_taking); // connections handed over as the server stopped are closed unread
    for (const Mail &mail : m_taking)
        if (mail.adopt >= 0)
            ::close(int(mail.adopt));
    m_taking.clear();
    const auto connections = m_connections;
    for (HttpConnection *c : connections)
        c->close();
    for (HttpConnection *c : m_dead)
        delete c;
    m_dead.clear();
    m_resume.clear();
}

void IoWorker::sweep()
{
    const qint64 now = roundMs();
    const auto connections = m_connections;
    for (HttpConnection *c : connections)
        if (!c->isClosed())
            c->checkTimeouts(now);
}

void HttpResponder::send(HttpResponse response) const
{
    if (!m_worker)
        return;
    if (m_worker->isCurrentThread()) {
        m_worker->deliver(m_connection, m_sequence, std::move(response));
        return;
    }
    m_worker->post(m_connection, m_sequence, std::move(response));
}

} // namespace Http
