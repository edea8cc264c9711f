// SPDX-License-Identifier: MIT
#include "Import.h"

#include "OhlcvCsv.h"
#include "ingest/RecordDecoder.h"
#include "ingest/RecordSink.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace Io {

namespace {
constexpr qint64 MaxFileBytes = qint64(2) << 30;
constexpr std::size_t ChunkRecords = 4096;

Model::TimestampUs timestampOf(const Model::Record &record)
{
    return std::visit([](const auto &r) { return r.timestamp; }, record);
}
} // namespace

void ImportReport::skip(qint64 line, QString message)
{
    ++skipped;
    if (problems.size() < MaxProblems)
        problems.push_back({line, std::move(message)});
}

QString ImportReport::summary(int maxProblems) const
{
    // In the reader's language (the window's and the command line's); the problems name fields as the data does.
    const QLocale locale;
    const bool csv = format == u"CSV"_s;
    QString text = (csv ? QCoreApplication::translate("ImportReport", "%1 rows read, %2 imported, %3 skipped")
                        : QCoreApplication::translate("ImportReport", "%1 records read, %2 imported, %3 skipped"))
                       .arg(locale.toString(read), locale.toString(stored), locale.toString(skipped));
    for (std::size_t i = 0; i < problems.size() && i < std::size_t(maxProblems); ++i)
        text += u"\n  "_s + (csv ? QCoreApplication::translate("ImportReport", "line %1: %2")
                                 : QCoreApplication::translate("ImportReport", "record %1: %2"))
                                .arg(problems[i].line)
                                .arg(problems[i].message);
    if (skipped > maxProblems && maxProblems > 0)
        text += u"\n  "_s + QCoreApplication::translate("ImportReport", "… and %1 more")
                                .arg(skipped - std::min<qint64>(maxProblems, qint64(problems.size())));
    return text;
}

Util::Result<ImportReport> readImportFile(const QString &path, const ImportOptions &options, Model::RecordBatch &out,
                                          const std::atomic<bool> &cancel, const Progress &progress)
{
    using R = Util::Result<ImportReport>;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    if (file.size() > MaxFileBytes)
        return R::failure(u"%1 is larger than 2 GiB; split it"_s.arg(path));
    // Mapped rather than read: the pages are the kernel's to drop, not the process's to hold.
    const qint64 size = file.size();
    const uchar *data = size > 0 ? file.map(0, size) : nullptr;
    QByteArray copy;
    if (!data && size > 0) {
        copy = file.readAll();
        data = reinterpret_cast<const uchar *>(copy.constData());
    }
    const QByteArrayView text(reinterpret_cast<const char *>(data), size);
    const std::size_t before = out.size();

    ImportReport report;
    const QString suffix = QFileInfo(path).suffix().toLower();
    const qsizetype first = [&text] {
        for (qsizetype i = 0; i < text.size(); ++i)
            if (!QChar::isSpace(uchar(text[i])))
                return i;
        return text.size();
    }();
    if (first == text.size())
        return R::failure(u"%1 is empty"_s.arg(path));
    const bool json = suffix == u"json"_s || suffix == u"ndjson"_s || suffix == u"jsonl"_s ||
                      (suffix != u"csv"_s && (text[first] == '[' || text[first] == '{'));
    if (json) {
        report.format = u"JSON"_s;
        Ingest::RecordDecoder decoder;
        const auto error =
            decoder.decodeLenient(std::string_view(text.data(), std::size_t(text.size())), out,
                                  [&report](const Ingest::DecodeError &e) { report.skip(e.index + 1, e.message); });
        if (error)
            return R::failure(u"%1: %2"_s.arg(QFileInfo(path).fileName(), error->message));
        report.accepted = qint64(out.size() - before);
        report.read = report.accepted + report.skipped;
    } else if (auto status = readOhlcvCsv(text, options, out, report, cancel, progress); !status) {
        out.resize(before);
        if (cancel.load())
            return R::failure(status.error());
        return R::failure(u"%1: %2"_s.arg(QFileInfo(path).fileName(), status.error()));
    }
    // Indicators need each symbol's bars oldest first; files come newest first too.
    const auto begin = out.begin() + std::ptrdiff_t(before);
    const auto older = [](const Model::Record &a, const Model::Record &b) { return timestampOf(a) < timestampOf(b); };
    if (!std::is_sorted(begin, out.end(), older))
        std::stable_sort(begin, out.end(), older);
    if (progress)
        progress(size, size);
    return report;
}

bool importNeedsSymbol(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"json"_s || suffix == u"ndjson"_s || suffix == u"jsonl"_s)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false; // the import says why
    QByteArray line;
    while (!file.atEnd() && line.trimmed().isEmpty())
        line = file.readLine(1 << 16);
    if (line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    const QByteArray trimmed = line.trimmed();
    if (trimmed.startsWith('[') || trimmed.startsWith('{'))
        return false;
    return !trimmed.isEmpty() && !headerHasSymbol(trimmed);
}

Util::Result<qint64> feedRecords(Ingest::RecordSink &sink, Model::RecordBatch &&records,
                                 const std::atomic<bool> &cancel, const Progress &progress)
{
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t outstanding = 0;
    qint64 stored = 0;
    QString failure;
    const auto total = qint64(records.size());
    qint64 handed = 0;
    const auto failed = [&] {
        std::lock_guard lock(mutex);
        return !failure.isEmpty();
    };
    for (std::size_t at = 0; at < records.size() && !failed();) {
        if (cancel.load()) {
            std::lock_guard lock(mutex);
            failure = u"import cancelled"_s;
            break;
        }
        const std::size_t n = std::min(ChunkRecords, records.size() - at);
        Model::RecordBatch chunk(std::make_move_iterator(records.begin() + std::ptrdiff_t(at)),
                                 std::make_move_iterator(records.begin() + std::ptrdiff_t(at + n)));
        {
            std::lock_guard lock(mutex);
            ++outstanding;
        }
        for (;;) {
            const auto outcome = sink.submit(std::move(chunk), Util::monotonicNs(), [&, n](const QString &error) {
                std::lock_guard lock(mutex);
                --outstanding;
                if (error.isEmpty())
                    stored += qint64(n);
                else if (failure.isEmpty())
                    failure = error;
                changed.notify_all();
            });
            if (outcome == Ingest::RecordSink::Submit::Accepted)
                break;
            if (outcome == Ingest::RecordSink::Submit::Closed) {
                std::lock_guard lock(mutex);
                --outstanding;
                failure = u"the database is shutting down"_s;
                break;
            }
            // Saturated: the chunk is still ours; wait for some of what is in flight to be committed.
            std::unique_lock lock(mutex);
            const std::size_t before = outstanding;
            changed.wait_for(lock, std::chrono::milliseconds(20), [&] { return outstanding < before; });
        }
        at += n;
        handed += qint64(n);
        if (progress)
            progress(handed, total);
    }
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return outstanding == 0; });
    records.clear();
    if (!failure.isEmpty())
        return Util::Result<qint64>::failure(failure);
    return stored;
}

Util::Result<ImportReport> importFile(const QString &path, const ImportOptions &options, Ingest::RecordSink &sink,
                                      const std::atomic<bool> &cancel, const Progress &progress)
{
    // Reading is the first half of the progress, storing the second.
    constexpr qint64 Scale = 1000;
    Model::RecordBatch records;
    auto report = readImportFile(path, options, records, cancel, [&progress](qint64 done, qint64 total) {
        if (progress && total > 0)
            progress(done * Scale / 2 / total, Scale);
    });
    if (!report)
        return report;
    if (cancel.load())
        return Util::Result<ImportReport>::failure(u"import cancelled"_s);
    const auto stored = feedRecords(sink, std::move(records), cancel, [&progress](qint64 done, qint64 total) {
        if (progress && total > 0)
            progress(Scale / 2 + done * Scale / 2 / total, Scale);
    });
    if (!stored)
        return Util::Result<ImportReport>::failure(stored.error());
    report->stored = *stored;
    return report;
}

} // namespace Io
