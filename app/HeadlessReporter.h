// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <cstdint>

namespace App {

class Services;

/// Logs one line a second: received, rejected, stored, records/s.
class HeadlessReporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessReporter)

public:
    HeadlessReporter(const Services &services, QObject *parent = nullptr);
    void report();

private:
    /// " | from NATS …" with --nats-ingest, else empty.
    QString natsPart() const;

    const Services &m_services;
    std::uint64_t m_lastStored = 0;
};

} // namespace App
