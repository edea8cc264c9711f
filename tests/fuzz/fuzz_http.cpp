// SPDX-License-Identifier: MIT
// libFuzzer target for the HTTP request parser: any bytes, fed in pieces as a socket delivers them (the first
// byte sets the piece size), requests taken one after another on the same connection. Never a crash, never a
// byte consumed that was not offered, an error always with a 4xx status.
#include "http/HttpRequestParser.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t piece = 1 + data[0] % 97;
    const char *next = reinterpret_cast<const char *>(data + 1);
    std::size_t left = size - 1;
    Http::HttpRequestParser parser(4 * 1024, 16 * 1024);
    std::string pending;
    for (int rounds = 0; rounds < 100'000; ++rounds) {
        const std::size_t n = std::min(piece, left);
        pending.append(next, n);
        next += n;
        left -= n;
        std::size_t consumed = 0;
        const auto state = parser.feed(pending.data(), pending.size(), consumed);
        if (consumed > pending.size())
            __builtin_trap();
        pending.erase(0, consumed);
        if (state == Http::HttpRequestParser::State::Error) {
            if (parser.errorStatus() < 400 || parser.errorStatus() > 499 || parser.errorMessage().isEmpty())
                __builtin_trap();
            break; // the connection answers and closes
        }
        if (state == Http::HttpRequestParser::State::Complete) {
            const Http::HttpRequest request = parser.take();
            if (request.body.size() > 16 * 1024)
                __builtin_trap();
            continue;
        }
        if (n == 0)
            break; // waiting for bytes that will not come
    }
    return 0;
}
