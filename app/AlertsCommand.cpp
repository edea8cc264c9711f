// SPDX-License-Identifier: MIT
// `tickdesk alerts export|import FILE.json`: the trader's alerts to a file and back, to move them to
// another desk or keep a copy.
#include "Subcommands.h"
#include "settings/Settings.h"
#include "storage/AlertStore.h"
#include "storage/Schema.h"
#include "storage/SqliteDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace App {

namespace {

int exportAlerts(const QString &command, Storage::SqliteDatabase &db, const QString &path)
{
    const auto all = Storage::AlertStore::all(db);
    if (!all) {
        printCommandError(command, all.error());
        return 1;
    }
    QJsonArray alerts;
    for (const Storage::StoredAlert &stored : *all) {
        QJsonObject json = Alerts::toJson(stored.alert);
        json.remove(u"id"_s); // an import gives them ids of their own
        alerts.append(json);
    }
    const QByteArray bytes = QJsonDocument(alerts).toJson(QJsonDocument::Indented);
    if (path == u"-"_s) {
        std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
        return 0;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        printCommandError(command, u"cannot write %1: %2"_s.arg(path, file.errorString()));
        return 1;
    }
    std::printf("%lld alerts exported to %s\n", static_cast<long long>(alerts.size()), qPrintable(path));
    return 0;
}

int importAlerts(const QString &command, Storage::SqliteDatabase &db, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printCommandError(command, u"cannot read %1: %2"_s.arg(path, file.errorString()));
        return 1;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        printCommandError(
            command, u"%1 is not JSON: %2 at offset %3"_s.arg(path, parseError.errorString()).arg(parseError.offset));
        return 2;
    }
    const QJsonArray items = doc.isArray() ? doc.array() : QJsonArray{doc.object()};
    // All or none: every alert is checked before any is stored.
    std::vector<Alerts::Definition> alerts;
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto alert = Alerts::fromJson(items[i].toObject());
        if (!items[i].isObject() || !alert) {
            printCommandError(command, u"alert %1 of %2: %3"_s.arg(i + 1)
                                           .arg(items.size())
                                           .arg(items[i].isObject() ? alert.error() : u"not an object"_s));
            return 2;
        }
        alerts.push_back(*alert);
    }
    if (auto s = db.exec("BEGIN IMMEDIATE"); !s) {
        printCommandError(command, s.error());
        return 1;
    }
    const Model::TimestampUs now = QDateTime::currentMSecsSinceEpoch() * 1000;
    for (const Alerts::Definition &alert : alerts) {
        if (auto id = Storage::AlertStore::add(db, alert, now); !id) {
            db.exec("ROLLBACK");
            printCommandError(command, id.error());
            return 1;
        }
    }
    if (auto s = db.exec("COMMIT"); !s) {
        printCommandError(command, s.error());
        return 1;
    }
    std::printf("%zu alerts imported; a running TickDesk takes them at its next start or alert change\n",
                alerts.size());
    return 0;
}

} // namespace

int runAlerts(const QStringList &arguments)
{
    const QString command = u"alerts"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Writes the alerts to a JSON file (export FILE, - for standard output) or adds those of a "
                       "file (import FILE): all of them, or none when one is wrong."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"ACTION"_s, QCoreApplication::translate("CommandLine", "export or import."));
    parser.addPositionalArgument(u"FILE"_s, QCoreApplication::translate("CommandLine", "The .json file."));
    parser.addOptions({
        {u"db"_s, QCoreApplication::translate("CommandLine", "Database file (default: the app's)."), u"PATH"_s},
    });
    if (const auto exitCode = parseCommand(parser, arguments, command, true))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || (positional[0] != u"export"_s && positional[0] != u"import"_s)) {
        printCommandError(command, u"give export FILE or import FILE"_s);
        return 2;
    }
    const QString dbPath = parser.isSet(u"db"_s) ? parser.value(u"db"_s) : Core::Settings().databasePath();
    if (positional[0] == u"export"_s && !QFileInfo::exists(dbPath)) {
        printCommandError(command, u"no database at %1"_s.arg(dbPath));
        return 2;
    }
    auto db = Storage::SqliteDatabase::open(dbPath);
    if (!db) {
        printCommandError(command, db.error());
        return 1;
    }
    if (auto s = Storage::Schema::migrate(**db); !s) {
        printCommandError(command, s.error());
        return 1;
    }
    return positional[0] == u"export"_s ? exportAlerts(command, **db, positional[1])
                                        : importAlerts(command, **db, positional[1]);
}

} // namespace App
