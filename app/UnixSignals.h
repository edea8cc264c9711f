// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

namespace App {

/// Turns SIGINT and SIGTERM into a Qt signal in the main thread (self-pipe),
/// so shutdown runs as ordinary code rather than inside a signal handler.
class UnixSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnixSignals)

public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    static void handler(int signal);
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace App
