// SPDX-License-Identifier: MIT
#pragma once

#include "model/TradeSignal.h"

#include <QObject>

#include <cstdint>

namespace App {

/// Signals in the log, at a bounded rate: the first `perSecond` of each second one line
/// each, the rest counted and told in one summary line. A burst of thousands of signals
/// costs the log a line, not the pipeline its throughput.
class SignalLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalLog)

public:
    explicit SignalLog(int perSecond = 20, QObject *parent = nullptr);
    ~SignalLog() override;

    void log(const Model::SignalList &signals);

private:
    void summarize();

    int m_perSecond;
    int m_shown = 0;
    std::uint64_t m_held = 0;
};

} // namespace App
