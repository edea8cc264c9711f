// SPDX-License-Identifier: MIT
// libFuzzer target for the data-contract decoder: any bytes in, a decoded
// batch or a DecodeError out, never a crash. Built with the `fuzz` preset
// (clang, -fsanitize=fuzzer); other builds replay the corpus through it.
#include "ingest/RecordDecoder.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static Ingest::RecordDecoder decoder;
    const std::string_view body(reinterpret_cast<const char *>(data), size);
    for (const auto format : {Ingest::RecordDecoder::Format::Auto, Ingest::RecordDecoder::Format::NdJson}) {
        Model::RecordBatch out;
        const auto error = decoder.decode(body, out, format);
        if (error && !out.empty())
            __builtin_trap(); // an error must leave nothing behind
        if (error)
            (void)error->toJson();
    }
    return 0;
}
