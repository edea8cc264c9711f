// SPDX-License-Identifier: MIT
// libFuzzer target for what WebSocket clients send: any bytes as a subscription message, applied to a fresh
// subscription and to one of chosen symbols. A new subscription or an error naming the problem, never a crash.
#include "stream/SubscriptionMessage.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView message(reinterpret_cast<const char *>(data), qsizetype(size));
    Stream::Subscription chosen;
    chosen.allSymbols = false;
    Model::Symbol aapl;
    Model::Symbol::parse("AAPL", aapl);
    chosen.symbols.insert(aapl);
    for (const Stream::Subscription &current : {Stream::Subscription{}, chosen}) {
        const auto next = Stream::applySubscriptionMessage(current, message);
        if (next)
            (void)next->describe();
        else if (next.error().isEmpty())
            __builtin_trap();
    }
    return 0;
}
