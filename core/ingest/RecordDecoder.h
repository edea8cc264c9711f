// SPDX-License-Identifier: MIT
#pragma once

#include "DecodeError.h"
#include "model/Records.h"

#include <functional>
#include <memory>
#include <optional>
#include <string_view>

namespace Ingest {

/// Decodes and validates the data contract (README, "Sending data"): one JSON object, a JSON
/// array of objects, or NDJSON. A body is taken whole or not at all: when any
/// record is invalid nothing is appended and the error names the record and field.
///
/// Not thread-safe: it keeps a parser with reusable buffers, so use one per thread.
class RecordDecoder final
{
public:
    enum class Format
    {
        Auto,
        NdJson
    };

    /// Nesting deeper than this is refused; records are flat objects.
    static constexpr std::size_t MaxDepth = 64;

    RecordDecoder();
    ~RecordDecoder();
    RecordDecoder(const RecordDecoder &) = delete;
    RecordDecoder &operator=(const RecordDecoder &) = delete;

    /// Bytes the JSON parser may read past the end of what it parses.
    static constexpr std::size_t Padding = 64;

    /// Appends the decoded records to `out` and returns nothing, or returns the
    /// first error and leaves `out` as it was.
    std::optional<DecodeError> decode(std::string_view body, Model::RecordBatch &out, Format format = Format::Auto);
    /// The same; a body whose capacity holds Padding bytes more than its size is read where it is, without
    /// a padded copy (an HTTP request's body is made so).
    std::optional<DecodeError> decode(const std::string &body, Model::RecordBatch &out, Format format = Format::Auto);

    /// For files: keeps every good record and reports each bad one to `skipped`
    /// (with its zero-based index) instead of refusing the whole text. A JSON
    /// array, one object, or NDJSON (one object per line: a malformed line is
    /// skipped, the next is read). Returns an error only when nothing can be read.
    std::optional<DecodeError> decodeLenient(std::string_view text, Model::RecordBatch &out,
                                             const std::function<void(const DecodeError &)> &skipped);

private:
    std::optional<DecodeError> decode(std::string_view body, bool padded, Model::RecordBatch &out, Format format);

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace Ingest
