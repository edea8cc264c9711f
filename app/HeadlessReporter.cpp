// SPDX-License-Identifier: MIT
#include "HeadlessReporter.h"

#include "Services.h"
#include "http/HttpServer.h"
#include "ingest/IngestEndpoint.h"
#include "nats/NatsIngest.h"
#include "storage/StorageWriter.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHeadless, "tickdesk.headless")

namespace App {

HeadlessReporter::HeadlessReporter(const Services &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    auto *timer = new QTimer(this);
    timer->setInterval(1000);
    connect(timer, &QTimer::timeout, this, &HeadlessReporter::report);
    timer->start();
}

QString HeadlessReporter::natsPart() const
{
    const Nats::IngestConsumer *ingest = m_services.natsIngest();
    if (!ingest)
        return {};
    const Nats::IngestConsumer::Summary summary = ingest->summary();
    const auto &s = ingest->stats();
    QString part = QStringLiteral(" | from NATS %1 (%2 refused), %3 pending, partitions %4 consuming")
                       .arg(s.records.load())
                       .arg(s.refused.load())
                       .arg(summary.pending)
                       .arg(summary.consuming);
    if (summary.standby > 0)
        part += QStringLiteral(", %1 standby").arg(summary.standby);
    if (!ingest->connected())
        part += QStringLiteral(", NATS away");
    return part;
}

void HeadlessReporter::report()
{
    const auto &counters = m_services.ingest().counters();
    const std::uint64_t received = counters.received.load();
    const std::uint64_t stored = m_services.writer().stats().stored.load();
    const std::uint64_t fed = m_services.writer().stats().storedFromFeed(); // a history refresh is no feed
    const std::uint64_t rejected = counters.rejected.load() + counters.saturated.load();
    qCInfo(lcHeadless).noquote() << QStringLiteral("received %1 | rejected %2 | stored %3 | %4 records/s | queued %5 | "
                                                   "connections %6 | signals %7")
                                            .arg(received)
                                            .arg(rejected)
                                            .arg(stored)
                                            .arg(fed - m_lastStored)
                                            .arg(m_services.writer().queuedRecords())
                                            .arg(m_services.server().connectionCount())
                                            .arg(m_services.writer().stats().storedSignals.load()) +
                                        natsPart();
    m_lastStored = fed;
}

} // namespace App
