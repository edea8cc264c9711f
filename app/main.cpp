// SPDX-License-Identifier: MIT
#include "CommandLine.h"
#include "CrashHandler.h"
#include "HeadlessReporter.h"
#include "Services.h"
#include "SignalLog.h"
#include "SingleInstance.h"
#include "Subcommands.h"
#include "UnixSignals.h"
#include "Version.h"
#include "alerts/AlertManager.h"
#include "http/HttpServer.h"
#include "ingest/IngestEndpoint.h"
#include "mainwindow/EventLoopMonitor.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/Theme.h"
#include "pipeline/Pipeline.h"
#include "settings/Secrets.h"
#include "settings/Settings.h"
#include "storage/StorageWriter.h"
#include "stream/StreamServer.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <QUrl>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

/// The window needs a QApplication, which needs a display; decide before either exists.
bool wantsWindow(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char *flag : {"--headless", "--help", "-h", "--version", "-v", "--help-all"})
            if (std::strcmp(argv[i], flag) == 0)
                return false;
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

/// The servers' connection caps (1,024 HTTP, 256 stream) must be reachable before descriptors run out:
/// take the whole of what the system allows this process (the soft limit is often 1,024).
void raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &limit) != 0)
            qWarning("cannot raise the open-file limit: %s", std::strerror(errno));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 1) {
        if (const App::Subcommand command = App::findSubcommand(argv[1])) {
            qputenv("QT_NO_GLIB", "1");
            QCoreApplication app(argc, argv);
            QCoreApplication::setOrganizationName(QStringLiteral(TICKDESK_ORG_NAME));
            QCoreApplication::setApplicationName(QStringLiteral(TICKDESK_APP_NAME));
            QCoreApplication::setApplicationVersion(QStringLiteral(TICKDESK_VERSION));
            return command(QCoreApplication::arguments());
        }
    }
    const bool window = wantsWindow(argc, argv);
    // Qt's own event dispatcher costs fewer system calls per socket event than
    // the GLib one; the headless server has no desktop integration to lose.
    if (!window && qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    std::unique_ptr<QCoreApplication> app =
        window ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral(TICKDESK_ORG_NAME));
    QCoreApplication::setApplicationName(QStringLiteral(TICKDESK_APP_NAME));
    QCoreApplication::setApplicationVersion(QStringLiteral(TICKDESK_VERSION));
    qSetMessagePattern(u"%{time yyyy-MM-dd hh:mm:ss.zzz} %{if-warning}warning: %{endif}%{if-critical}error: %{endif}"
                       u"%{message}"_s);

    Core::Settings settings;
    // The chosen language, else the system's; English is the source language.
    QTranslator translator;
    QTranslator qtTranslator; // Qt's own texts: the Cancel and OK of standard buttons and dialogs
    const QString language = settings.language();
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (language.isEmpty() ? translator.load(QLocale(), u"tickdesk"_s, u"_"_s, u":/i18n"_s)
                           : translator.load(u":/i18n/tickdesk_"_s + language))
        QCoreApplication::installTranslator(&translator);
    if (qtTranslator.load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    if (!language.isEmpty())
        QLocale::setDefault(locale); // numbers as the chosen language writes them
    App::installCrashHandler(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/crash.log"_s);
    App::ParseOutcome parsed = App::parseCommandLine(QCoreApplication::arguments(), settings);
    if (!parsed.options)
        return parsed.exitCode;
    App::Options options = *parsed.options;
    options.retentionDays = settings.retentionDays();
    options.paper = settings.paper();
    if (auto status = Core::Settings::validate(options.paper); !status) {
        qWarning("settings ignored, defaults used: %s", qPrintable(status.error()));
        options.paper = {};
    }
    options.notifications = settings.notifications();
    if (auto status = Core::Settings::validate(options.notifications); !status) {
        qWarning("notification settings ignored: %s", qPrintable(status.error()));
        options.notifications = {};
    }
    if (options.notifications.emailEnabled && !options.notifications.smtpUser.isEmpty()) {
        const auto password = Core::Secrets::smtpPassword();
        if (password)
            options.smtpPassword = *password;
        else
            qWarning("no SMTP password (set it in Settings or TICKDESK_SMTP_PASSWORD): %s",
                     qPrintable(password.error()));
    }
    // NATS from the settings unless the command line named it; the token or password from the keyring. A window
    // on the feed (--source) of the server the settings name takes their credentials unless given others.
    const Core::NatsSettings nats = settings.nats();
    const auto sameServer = [](const QString &a, const QString &b) {
        return QUrl(a).host() == QUrl(b).host() && QUrl(a).port(4222) == QUrl(b).port(4222);
    };
    const bool settingsCredentials = !options.sourceUrl.isEmpty() && options.nats.token.isEmpty() &&
                                     options.nats.user.isEmpty() && sameServer(nats.url, options.sourceUrl);
    if (auto status = Core::Settings::validate(nats); !status) {
        if (options.nats.url.isEmpty())
            qWarning("NATS settings ignored: %s", qPrintable(status.error()));
    } else if (!nats.url.isEmpty() && (options.nats.url.isEmpty() || settingsCredentials)) {
        if (options.nats.url.isEmpty()) {
            options.nats.url = nats.url;
            options.nats.node = nats.node;
            if (!nats.ingest.isEmpty()) // checked by validate()
                options.natsIngest = *Nats::IngestPartitions::parse(nats.ingest);
        }
        options.nats.user = nats.user;
        if (options.nats.caFile.isEmpty())
            options.nats.caFile = nats.caFile;
        const auto secret = Core::Secrets::natsSecret();
        if (secret && !secret->isEmpty()) {
            if (nats.user.isEmpty())
                options.nats.token = secret->toUtf8();
            else
                options.nats.password = secret->toUtf8();
        }
    }
    options.indicators = settings.indicators();
    options.rules = settings.rules();
    // A hand-edited settings file must not start the engine with nonsense.
    if (auto status = Core::Settings::validate(options.indicators); !status) {
        qWarning("settings ignored, defaults used: %s", qPrintable(status.error()));
        options.indicators = {};
    }
    if (auto status = Core::Settings::validate(options.rules); !status) {
        qWarning("settings ignored, defaults used: %s", qPrintable(status.error()));
        options.rules = {};
    }
    if (options.rulesTimeframe)
        options.rules.timeframe = *options.rulesTimeframe;
    options.sessionTimeZone = settings.sessionTimeZone();
    if (auto status = Core::Settings::validateSessionTimeZone(options.sessionTimeZone); !status) {
        qWarning("settings ignored, UTC used: %s", qPrintable(status.error()));
        options.sessionTimeZone.clear();
    }
    if (options.simulateSymbols.isEmpty())
        options.simulateSymbols = settings.simulatorSymbols();
    options.simulateVolatility = settings.simulatorVolatility();
    options.window = window && !options.headless;
    if (!options.importPath.isEmpty() && !options.window) {
        std::fprintf(stderr, "tickdesk: without the window, import with: tickdesk import %s\n",
                     qPrintable(options.importPath));
        return 2;
    }
    // One TickDesk per database: a second window start hands its request to the first and ends; a start
    // without a window only learns whether one runs.
    auto instance = std::make_unique<App::SingleInstance>(
        options.databasePath.isEmpty() ? Storage::defaultDatabasePath() : options.databasePath);
    {
        App::InstanceRequest request;
        request.simulate = options.window && options.simulate;
        request.importPath = options.window ? options.importPath : QString();
        QString refusal;
        switch (instance->handOver(request, &refusal)) {
        case App::SingleInstance::Answer::Taken:
            if (options.window) {
                std::fprintf(stderr, "tickdesk: TickDesk is already running; its window was brought forward\n");
                return 0;
            }
            refusal = u"a TickDesk window runs on this database"_s;
            [[fallthrough]];
        case App::SingleInstance::Answer::Refused:
            std::fprintf(stderr, "tickdesk: %s; stop it first or give another --db\n", qPrintable(refusal));
            return 3;
        case App::SingleInstance::Answer::NobodyRunning:
            break;
        }
        if (!instance->listen(options.window))
            qWarning("a second start or tickdesk refresh will not find this process (the local socket could not "
                     "be opened)");
    }
    // The first start shows a moving market at once.
    QSettings state;
    const bool terminal = !options.sourceUrl.isEmpty();
    if (options.window && !terminal && !state.value(u"firstRunDone"_s).toBool()) {
        options.simulate = true;
        state.setValue(u"firstRunDone"_s, true);
    }
    if (options.window && !terminal && settings.simulatorAtStart())
        options.simulate = true;

    raiseDescriptorLimit();
    App::Services services(options);
    if (auto status = services.start(); !status) {
        std::fprintf(stderr, "tickdesk: %s\n", qPrintable(status.error()));
        return 1;
    }

    App::UnixSignals unixSignals;
    QObject::connect(&unixSignals, &App::UnixSignals::terminationRequested, app.get(), [](int signal) {
        qInfo("signal %d received: shutting down", signal);
        QCoreApplication::quit();
    });
    if (options.durationSeconds > 0)
        QTimer::singleShot(options.durationSeconds * 1000, app.get(), &QCoreApplication::quit);

    // Without a window: `tickdesk refresh` hands its refreshes here.
    if (!options.window)
        QObject::connect(instance.get(), &App::SingleInstance::requested, app.get(),
                         [&services](const App::InstanceRequest &request) {
                             QString why;
                             if (request.refresh && !services.refreshes().run(*request.refresh, &why))
                                 qWarning("history: %s", qPrintable(why));
                         });

    App::SignalLog signalLog;
    QObject::connect(&services.pipeline(), &Pipeline::Pipeline::signalsPublished, &signalLog, &App::SignalLog::log);
    App::HeadlessReporter reporter(services);
    std::unique_ptr<Gui::MainWindow> mainWindow;
    if (options.window) {
        QGuiApplication::setDesktopFileName(QStringLiteral(TICKDESK_APP_ID));
        QIcon icon;
        for (const int size : {16, 32, 48, 64, 128, 256})
            icon.addFile(u":/icons/hicolor/%1x%1/apps/io.github.tickdesk.TickDesk.png"_s.arg(size));
        QApplication::setWindowIcon(icon);
        Gui::applyTheme(*static_cast<QApplication *>(app.get()),
                        settings.darkTheme() ? Gui::Theme::Dark : Gui::Theme::Light);
        mainWindow = std::make_unique<Gui::MainWindow>(Gui::Sources{
            services.pipeline(), *services.liveFeed(), services.writer(), services.ingestEndpoint().counters(),
            services.server().address() +
                (services.stream()
                     ? QCoreApplication::translate("main", ", stream %1").arg(services.stream()->address())
                     : QString()),
            services.simulator(), &settings, &services.notifier(),
            terminal ? std::function<Sim::MarketSimulator *()>() : [&services]() -> Sim::MarketSimulator * {
                if (auto status = services.startSimulator(); !status) {
                    qWarning("simulator: %s", qPrintable(status.error()));
                    return nullptr;
                }
                return services.simulator();
            },
            &services.alerts(), &services.paper(), &services.strategies(), services.webMonitorUrl(), services.nats(),
            &services.refreshes(), services.natsIngest(), services.terminalFeed()});
        mainWindow->show();
        QObject::connect(instance.get(), &App::SingleInstance::requested, mainWindow.get(),
                         [&services, window = mainWindow.get()](const App::InstanceRequest &request) {
                             window->bringForward();
                             if (request.simulate) {
                                 if (auto status = services.startSimulator(); !status)
                                     qWarning("%s", qPrintable(status.error()));
                                 window->attachSimulator(services.simulator());
                             }
                             if (!request.importPath.isEmpty())
                                 window->importWithPrompt(request.importPath);
                             if (request.refresh)
                                 window->refreshHistory(*request.refresh);
                         });
        if (!options.importPath.isEmpty())
            QTimer::singleShot(0, mainWindow.get(), [window = mainWindow.get(), path = options.importPath] {
                window->importWithPrompt(path);
            });
        if (options.measureUi) {
            auto *monitor = new Gui::EventLoopMonitor(5000, mainWindow.get());
            QObject::connect(monitor, &Gui::EventLoopMonitor::report, monitor, [](double busy, double stallMs) {
                qInfo("ui: GUI thread busy %.1f %%, longest event-loop stall %.1f ms", busy * 100, stallMs);
            });
        }
    }
    const int rc = QCoreApplication::exec();
    mainWindow.reset();
    services.shutdown();
    reporter.report();
    qInfo("stopped");
    return rc;
}
