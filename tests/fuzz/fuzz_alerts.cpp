// SPDX-License-Identifier: MIT
// libFuzzer target for the alert bodies the REST API and `tickdesk alerts import` take: any bytes as JSON, read
// as an alert. An alert that is taken reads back the same from its own JSON, can be evaluated and described; one
// that is refused says why. Never a crash.
#include "alerts/AlertDefinition.h"
#include "alerts/AlertEvaluator.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!doc.isObject())
        return 0;
    const auto alert = Alerts::fromJson(doc.object());
    if (!alert) {
        if (alert.error().isEmpty())
            __builtin_trap();
        return 0;
    }
    if (!Alerts::validate(*alert))
        __builtin_trap(); // taken, so it must be one that can be evaluated
    const auto again = Alerts::fromJson(Alerts::toJson(*alert));
    if (!again || !(*again == *alert))
        __builtin_trap(); // stored and read back, it must be the same alert
    (void)Alerts::describe(*alert);
    (void)Alerts::message(*alert, {QStringLiteral("AAPL"), 1, 2, 3, 0});
    Alerts::Evaluator evaluator(*alert);
    for (int i = 0; i < 4; ++i) {
        Alerts::Sample sample;
        sample.barOpen = i * 60'000'000LL;
        sample.closed = i % 2 == 1;
        sample.time = sample.barOpen + 1;
        sample.left = 100.0 + i;
        sample.right = alert->right.kind == Alerts::Operand::Kind::Constant ? alert->right.value : 101.0;
        sample.right2 = 103.0;
        sample.price = *sample.left;
        (void)evaluator.add(sample);
        (void)evaluator.quietRange(101.0);
    }
    return 0;
}
