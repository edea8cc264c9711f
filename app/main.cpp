// SPDX-License-Identifier: MIT
#include "CommandLine.h"
#include "HeadlessReporter.h"
#include "Services.h"
#include "UnixSignals.h"
#include "Version.h"
#include "pipeline/Pipeline.h"
#include "settings/Settings.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // Qt's own event dispatcher costs fewer system calls per socket event than
    // the GLib one; the headless server has no desktop integration to lose.
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral(TICKDESK_ORG_NAME));
    QCoreApplication::setApplicationName(QStringLiteral(TICKDESK_APP_NAME));
    QCoreApplication::setApplicationVersion(QStringLiteral(TICKDESK_VERSION));
    qSetMessagePattern(u"%{time yyyy-MM-dd hh:mm:ss.zzz} %{if-warning}warning: %{endif}%{if-critical}error: %{endif}"
                       u"%{message}"_s);

    const Core::Settings settings;
    const App::ParseOutcome parsed = App::parseCommandLine(QCoreApplication::arguments(), settings);
    if (!parsed.options)
        return parsed.exitCode;
    const App::Options &options = *parsed.options;

    App::Services services(options);
    if (auto status = services.start(); !status) {
        std::fprintf(stderr, "tickdesk: %s\n", qPrintable(status.error()));
        return 1;
    }

    App::UnixSignals unixSignals;
    QObject::connect(&unixSignals, &App::UnixSignals::terminationRequested, &app, [](int signal) {
        qInfo("signal %d received: shutting down", signal);
        QCoreApplication::quit();
    });
    if (options.durationSeconds > 0)
        QTimer::singleShot(options.durationSeconds * 1000, &app, &QCoreApplication::quit);

    QObject::connect(&services.pipeline(), &Pipeline::Pipeline::signalsPublished, &app,
                     [](const Model::SignalList &signals) {
                         for (const Model::TradeSignal &s : signals)
                             qInfo().noquote() << QStringLiteral("signal #%1 %2 %3 %4 at %5: %6")
                                                      .arg(s.id)
                                                      .arg(QString::fromLatin1(Model::sideName(s.side)).toUpper(),
                                                           s.symbol.toString(), s.rule)
                                                      .arg(s.price, 0, 'f', 2)
                                                      .arg(s.reason);
                     });
    App::HeadlessReporter reporter(services);
    const int rc = QCoreApplication::exec();
    services.shutdown();
    reporter.report();
    qInfo("stopped");
    return rc;
}
