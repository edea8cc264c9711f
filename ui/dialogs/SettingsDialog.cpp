// SPDX-License-Identifier: MIT
#include "SettingsDialog.h"

#include "HistoryPage.h"
#include "NotificationsPage.h"
#include "settings/Secrets.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Gui {

namespace {

QFormLayout *page(QTabWidget *tabs, const QString &title)
{
    auto *widget = new QWidget(tabs);
    auto *form = new QFormLayout(widget);
    tabs->addTab(widget, title);
    return form;
}

QCheckBox *check(const QString &name, const QString &text, bool on)
{
    auto *box = new QCheckBox(text);
    box->setObjectName(name);
    box->setChecked(on);
    return box;
}

} // namespace

QSpinBox *SettingsDialog::period(const QString &name, int value, int maximum)
{
    auto *box = new QSpinBox(this);
    box->setObjectName(name);
    box->setRange(0, maximum);
    box->setValue(value);
    return box;
}

QDoubleSpinBox *SettingsDialog::number(const QString &name, double value, double minimum, double maximum, int decimals)
{
    auto *box = new QDoubleSpinBox(this);
    box->setObjectName(name);
    box->setDecimals(decimals);
    box->setRange(minimum, maximum);
    box->setValue(value);
    return box;
}

SettingsDialog::SettingsDialog(Core::Settings &settings, const QString &listening, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *tabs = new QTabWidget(this);

    QFormLayout *server = page(tabs, tr("Server"));
    m_bind = new QLineEdit(settings.bindAddress(), this);
    m_bind->setObjectName(QStringLiteral("bindAddress"));
    m_port = period(QStringLiteral("port"), settings.port(), 65535);
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("accessToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("only needed for a non-loopback address"));
    server->addRow(tr("Bind address:"), m_bind);
    server->addRow(tr("Port:"), m_port);
    server->addRow(tr("Access token:"), m_token);
    const Core::NatsSettings nats = settings.nats();
    const auto line = [this](const char *name, const QString &text, const QString &placeholder) {
        auto *edit = new QLineEdit(text, this);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setPlaceholderText(placeholder);
        return edit;
    };
    server->addRow(new QLabel(tr("<b>Publishing to NATS JetStream</b>"), this));
    server->addRow(tr("NATS URL:"), m_natsUrl = line("natsUrl", nats.url, tr("off; e.g. nats://127.0.0.1:4222")));
    server->addRow(tr("NATS user:"), m_natsUser = line("natsUser", nats.user, tr("none")));
    server->addRow(tr("NATS token or password:"),
                   m_natsSecret = line("natsSecret", QString(), tr("kept in the keyring")));
    m_natsSecret->setEchoMode(QLineEdit::Password);
    server->addRow(tr("Node name:"), m_natsNode = line("natsNode", nats.node, tr("the host name")));
    server->addRow(tr("NATS CA certificate:"), m_natsCa = line("natsCaFile", nats.caFile, tr("the system's")));
    server->addRow(tr("Consume ingest:"),
                   m_natsIngest = line("natsIngest", nats.ingest, tr("no; all, or this node's partitions: 0/2")));
    m_natsIngest->setToolTip(tr("Store the records published to tickdesk.ingest.<symbol> (the JetStream work queue "
                                "TICKDESK_INGEST): all of them, or partitions P/N of the symbols shared with other "
                                "nodes"));
    if (!nats.url.isEmpty())
        Core::Secrets::readNatsSecret(this, [this](const Util::Result<QString> &stored) {
            if (stored && m_natsSecret->text().isEmpty()) {
                m_storedNatsSecret = *stored;
                m_natsSecret->setText(*stored);
            }
        });
    server->addRow(new QLabel(tr("Server changes take effect at the next start."), this));
    if (!listening.isEmpty()) {
        auto *now = new QLabel(listening, this);
        now->setObjectName(QStringLiteral("listeningNow"));
        now->setTextInteractionFlags(Qt::TextSelectableByMouse);
        server->addRow(tr("Listening now on:"), now);
    }

    const auto ind = settings.indicators();
    QFormLayout *indicators = page(tabs, tr("Indicators"));
    indicators->addRow(tr("SMA period:"), m_sma = period(QStringLiteral("smaPeriod"), ind.sma));
    indicators->addRow(tr("EMA period:"), m_ema = period(QStringLiteral("emaPeriod"), ind.ema));
    indicators->addRow(tr("RSI period:"), m_rsi = period(QStringLiteral("rsiPeriod"), ind.rsi));
    indicators->addRow(tr("MACD fast:"), m_macdFast = period(QStringLiteral("macdFast"), ind.macdFast));
    indicators->addRow(tr("MACD slow:"), m_macdSlow = period(QStringLiteral("macdSlow"), ind.macdSlow));
    indicators->addRow(tr("MACD signal:"), m_macdSignal = period(QStringLiteral("macdSignal"), ind.macdSignal));
    indicators->addRow(tr("Bollinger period:"), m_bollinger = period(QStringLiteral("bollingerPeriod"), ind.bollinger));
    indicators->addRow(tr("Bollinger width (σ):"),
                       m_deviations = number(QStringLiteral("bollingerDeviations"), ind.bollingerDeviations, 0, 100));
    indicators->addRow(tr("ATR period:"), m_atr = period(QStringLiteral("atrPeriod"), ind.atr));
    indicators->addRow(tr("VWAP period:"), m_vwap = period(QStringLiteral("vwapPeriod"), ind.vwap));
    indicators->addRow(tr("Crossover fast SMA:"), m_crossFast = period(QStringLiteral("crossFast"), ind.crossFast));
    indicators->addRow(tr("Crossover slow SMA:"), m_crossSlow = period(QStringLiteral("crossSlow"), ind.crossSlow));
    indicators->addRow(new QLabel(tr("Indicator changes take effect at the next start."), this));

    const auto r = settings.rules();
    QFormLayout *rules = page(tabs, tr("Rules"));
    m_ruleTimeframe = new QComboBox(this);
    m_ruleTimeframe->setObjectName(QStringLiteral("ruleTimeframe"));
    m_ruleTimeframe->setEditable(true); // any N-minute, tick or volume bar besides the list
    m_ruleTimeframe->addItem(QStringLiteral("record"));
    for (const Bars::Timeframe &t : Bars::Timeframe::standard())
        m_ruleTimeframe->addItem(t.name());
    m_ruleTimeframe->setCurrentText(r.timeframe.name());
    m_ruleTimeframe->setToolTip(tr("The RSI, crossover and price-move rules look at bars of this timeframe and "
                                   "speak when a bar closes; \"record\" takes each record as a bar."));
    rules->addRow(tr("Timeframe:"), m_ruleTimeframe);
    m_sessionZone = new QLineEdit(settings.sessionTimeZone(), this);
    m_sessionZone->setObjectName(QStringLiteral("sessionTimeZone"));
    m_sessionZone->setToolTip(tr("Where daily and weekly bars begin, e.g. America/New_York; UTC by default."));
    rules->addRow(tr("Session time zone:"), m_sessionZone);
    rules->addRow(m_rsiTrend = check(QStringLiteral("rsiTrend"), tr("RSI with trend"), r.rsiTrend));
    rules->addRow(tr("Buy when RSI below:"), m_rsiBuy = number(QStringLiteral("rsiBuy"), r.rsiBuyBelow, -1000, 1000));
    rules->addRow(tr("Sell when RSI above:"),
                  m_rsiSell = number(QStringLiteral("rsiSell"), r.rsiSellAbove, -1000, 1000));
    rules->addRow(tr("Re-arm after (RSI points):"),
                  m_rsiRearm = number(QStringLiteral("rsiRearm"), r.rsiRearm, -1000, 1000));
    rules->addRow(m_maCross = check(QStringLiteral("maCross"), tr("Moving-average crossover"), r.maCross));
    rules->addRow(tr("Fast beyond slow by at least (%):"),
                  m_crossSpread = number(QStringLiteral("crossSpread"), r.crossSpreadPercent, -1000, 1000, 3));
    rules->addRow(m_priceMove = check(QStringLiteral("priceMove"), tr("Price-move alert"), r.priceMove));
    rules->addRow(tr("Move of at least (%):"),
                  m_movePercent = number(QStringLiteral("movePercent"), r.priceMovePercent, -1000, 1000));
    rules->addRow(tr("Within (seconds):"),
                  m_moveWindow = period(QStringLiteral("moveWindow"), r.priceMoveWindowSeconds, 1000000));
    rules->addRow(m_news = check(QStringLiteral("newsSentiment"), tr("News sentiment"), r.newsSentiment));
    rules->addRow(tr("Sentiment at least:"),
                  m_sentimentScore = number(QStringLiteral("sentimentScore"), r.sentimentScore, -10, 10));
    rules->addRow(tr("Magnitude at least:"),
                  m_sentimentMagnitude = number(QStringLiteral("sentimentMagnitude"), r.sentimentMagnitude, -10, 10));
    rules->addRow(tr("Cool-down per symbol (s):"),
                  m_cooldown = period(QStringLiteral("cooldown"), r.cooldownSeconds, 1000000));
    rules->addRow(new QLabel(tr("Indicator and rule changes take effect at the next start."), this));

    QFormLayout *sim = page(tabs, tr("Simulator"));
    m_simSymbols = new QLineEdit(settings.simulatorSymbols().join(QStringLiteral(", ")), this);
    m_simSymbols->setObjectName(QStringLiteral("simulatorSymbols"));
    sim->addRow(tr("Symbols:"), m_simSymbols);
    sim->addRow(tr("Records per second:"),
                m_simRate = number(QStringLiteral("simulatorRate"), settings.simulatorRate(), 0, 10'000'000, 0));
    sim->addRow(tr("Volatility (per year):"), m_simVolatility = number(QStringLiteral("simulatorVolatility"),
                                                                       settings.simulatorVolatility(), 0, 100));
    sim->addRow(m_simAtStart = check(QStringLiteral("simulatorAtStart"), tr("Start the simulator with TickDesk"),
                                     settings.simulatorAtStart()));

    QFormLayout *paper = page(tabs, tr("Paper trading"));
    const Core::PaperSettings costs = settings.paper();
    paper->addRow(tr("Starting cash:"),
                  m_startingCash = number(QStringLiteral("startingCash"), costs.startingCash, 0, 1e12));
    paper->addRow(tr("Commission per share:"),
                  m_perShare = number(QStringLiteral("commissionPerShare"), costs.costs.perShare, 0, 1e6, 4));
    paper->addRow(tr("Commission per order:"),
                  m_perOrder = number(QStringLiteral("commissionPerOrder"), costs.costs.perOrder, 0, 1e6));
    paper->addRow(tr("Commission (% of the value traded):"),
                  m_percent = number(QStringLiteral("commissionPercent"), costs.costs.percent, 0, 99.99, 4));
    paper->addRow(tr("Slippage per share (market and stop fills):"),
                  m_slippage = number(QStringLiteral("slippage"), costs.costs.slippage, 0, 1e6, 4));
    auto *paperNote = new QLabel(tr("Costs take effect at the next start. The starting cash is the first account's; "
                                    "Trade → Reset paper account begins a new one with the cash you give."),
                                 this);
    paperNote->setWordWrap(true);
    paper->addRow(paperNote);

    QFormLayout *display = page(tabs, tr("Display"));
    display->addRow(m_utc = check(QStringLiteral("utcTimes"), tr("Show times in UTC"), settings.utcTimes()));
    display->addRow(m_dark = check(QStringLiteral("darkTheme"), tr("Dark theme"), settings.darkTheme()));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));
    display->addRow(tr("Language:"), m_language);
    display->addRow(new QLabel(tr("The language changes at the next start."), this));
    display->addRow(m_closeToTray = check(QStringLiteral("closeToTray"),
                                          tr("Closing the window keeps TickDesk in the tray"), settings.closeToTray()));
    display->addRow(tr("Bars per chart:"), m_chartBars = period(QStringLiteral("chartBars"), settings.chartBars()));
    display->addRow(tr("Keep data for (days, 0 = always):"),
                    m_retention = period(QStringLiteral("retentionDays"), settings.retentionDays(), 100000));
    display->addRow(new QLabel(tr("Retention applies from the next start; signals are always kept."), this));

    const Core::NotificationSettings notifications = settings.notifications();
    m_notifications = new NotificationsPage(notifications, QString(), tabs);
    // The keyring answers in its own time (it may ask the user to unlock it): the dialog does not wait.
    if (notifications.emailEnabled && !notifications.smtpUser.isEmpty())
        Core::Secrets::readSmtpPassword(this, [this](const Util::Result<QString> &stored) {
            if (stored && m_notifications->password().isEmpty()) {
                m_storedPassword = *stored;
                m_notifications->setPassword(*stored);
            }
        });
    tabs->addTab(m_notifications, tr("Notifications"));

    const History::Config history = settings.history();
    m_history = new HistoryPage(history, tabs);
    for (const History::Source &source : history.sources)
        Core::Secrets::readHistoryApiKey(source.name, this,
                                         [this, name = source.name](const Util::Result<QString> &stored) {
                                             if (stored)
                                                 m_history->setStoredKey(name, *stored);
                                         });
    tabs->addTab(m_history, tr("History"));

    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setStyleSheet(QStringLiteral("color: #ef5350;"));
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    // A corrected value takes its error message away.
    for (auto *box : findChildren<QAbstractSpinBox *>())
        connect(box, &QAbstractSpinBox::editingFinished, m_error, &QLabel::clear);
    for (auto *edit : findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::textEdited, m_error, &QLabel::clear);
    for (auto *box : findChildren<QCheckBox *>())
        connect(box, &QCheckBox::toggled, m_error, &QLabel::clear);
}

Core::PaperSettings SettingsDialog::paperSettings() const
{
    Core::PaperSettings p;
    p.startingCash = m_startingCash->value();
    p.costs.perShare = m_perShare->value();
    p.costs.perOrder = m_perOrder->value();
    p.costs.percent = m_percent->value();
    p.costs.slippage = m_slippage->value();
    return p;
}

QString SettingsDialog::error() const
{
    return m_error->text();
}

void SettingsDialog::accept()
{
    Indicators::IndicatorConfig ind;
    ind.sma = m_sma->value();
    ind.ema = m_ema->value();
    ind.rsi = m_rsi->value();
    ind.macdFast = m_macdFast->value();
    ind.macdSlow = m_macdSlow->value();
    ind.macdSignal = m_macdSignal->value();
    ind.bollinger = m_bollinger->value();
    ind.bollingerDeviations = m_deviations->value();
    ind.atr = m_atr->value();
    ind.vwap = m_vwap->value();
    ind.crossFast = m_crossFast->value();
    ind.crossSlow = m_crossSlow->value();
    Signals::RuleConfig rules;
    rules.rsiTrend = m_rsiTrend->isChecked();
    rules.rsiBuyBelow = m_rsiBuy->value();
    rules.rsiSellAbove = m_rsiSell->value();
    rules.rsiRearm = m_rsiRearm->value();
    rules.maCross = m_maCross->isChecked();
    rules.crossSpreadPercent = m_crossSpread->value();
    rules.priceMove = m_priceMove->isChecked();
    rules.priceMovePercent = m_movePercent->value();
    rules.priceMoveWindowSeconds = m_moveWindow->value();
    rules.newsSentiment = m_news->isChecked();
    rules.sentimentScore = m_sentimentScore->value();
    rules.sentimentMagnitude = m_sentimentMagnitude->value();
    rules.cooldownSeconds = m_cooldown->value();
    const auto timeframe = Bars::Timeframe::parse(m_ruleTimeframe->currentText().trimmed());
    if (!timeframe) {
        m_error->setText(tr("Rules' timeframe: %1").arg(timeframe.error()));
        return;
    }
    rules.timeframe = *timeframe;
    const QString zone =
        m_sessionZone->text().trimmed().isEmpty() ? QStringLiteral("UTC") : m_sessionZone->text().trimmed();
    QStringList symbols;
    for (const QString &s : m_simSymbols->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        symbols.append(s.trimmed().toUpper());

    for (const Util::Status &status :
         {Core::Settings::validateServer(m_bind->text().trimmed(), m_port->value(), m_token->text()),
          Core::Settings::validate(ind), Core::Settings::validate(rules), Core::Settings::validateSessionTimeZone(zone),
          Core::Settings::validateSimulator(symbols, m_simRate->value(), m_simVolatility->value()),
          Core::Settings::validate(paperSettings()), Core::Settings::validate(m_notifications->values()),
          Core::Settings::validate(natsSettings()), History::validate(m_history->values())}) {
        if (!status) {
            m_error->setText(status.error()); // refused: the dialog stays open with the reason
            return;
        }
    }
    if (m_chartBars->value() < 20 || m_chartBars->value() > 2000) {
        m_error->setText(tr("Bars per chart: %1 is not between 20 and 2000.").arg(m_chartBars->value()));
        return;
    }
    m_error->clear();
    m_settings.setBindAddress(m_bind->text().trimmed());
    m_settings.setPort(quint16(m_port->value()));
    m_settings.setIndicators(ind);
    m_settings.setRules(rules);
    m_settings.setSessionTimeZone(zone);
    m_settings.setSimulatorSymbols(symbols);
    m_settings.setSimulatorRate(m_simRate->value());
    m_settings.setSimulatorVolatility(m_simVolatility->value());
    m_settings.setSimulatorAtStart(m_simAtStart->isChecked());
    m_settings.setUtcTimes(m_utc->isChecked());
    m_settings.setDarkTheme(m_dark->isChecked());
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setCloseToTray(m_closeToTray->isChecked());
    m_settings.setRetentionDays(m_retention->value());
    m_settings.setChartBars(m_chartBars->value());
    m_settings.setPaper(paperSettings());
    m_settings.setNotifications(m_notifications->values());
    if (m_notifications->password() != m_storedPassword)
        Core::Secrets::storeSmtpPassword(m_notifications->password());
    const History::Config history = m_history->values();
    m_settings.setHistory(history);
    for (const History::Source &source : history.sources)
        if (m_history->keyChanged(source.name))
            Core::Secrets::storeHistoryApiKey(source.name, m_history->apiKeys().value(source.name));
    m_settings.setNats(natsSettings());
    if (m_natsSecret->text() != m_storedNatsSecret)
        Core::Secrets::storeNatsSecret(m_natsSecret->text());
    Q_EMIT applied();
    QDialog::accept();
}

Core::NatsSettings SettingsDialog::natsSettings() const
{
    return Core::NatsSettings{m_natsUrl->text().trimmed(), m_natsUser->text().trimmed(), m_natsNode->text().trimmed(),
                              m_natsCa->text().trimmed(), m_natsIngest->text().trimmed()};
}

} // namespace Gui
