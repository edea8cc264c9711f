// SPDX-License-Identifier: MIT
#include "HistoryPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace Gui {

namespace {

const char *const Intervals[] = {"1m", "5m", "15m", "30m", "1h", "4h", "1D", "1W"};

QSpinBox *spin(const QString &name, int minimum, int maximum, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(minimum, maximum);
    return box;
}

} // namespace

HistoryPage::HistoryPage(const History::Config &current, QWidget *parent)
    : QWidget(parent)
    , m_sources(current.sources)
{
    setObjectName(QStringLiteral("historyPage"));
    auto *layout = new QVBoxLayout(this);

    auto *sources = new QGroupBox(tr("Sources (tried in this order)"), this);
    auto *row = new QHBoxLayout(sources);
    auto *left = new QVBoxLayout;
    m_list = new QListWidget(sources);
    m_list->setObjectName(QStringLiteral("historySources"));
    auto *add = new QPushButton(tr("Add"), sources);
    add->setObjectName(QStringLiteral("addHistorySource"));
    auto *remove = new QPushButton(tr("Remove"), sources);
    remove->setObjectName(QStringLiteral("removeHistorySource"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    left->addWidget(m_list);
    left->addLayout(buttons);
    row->addLayout(left, 1);

    auto *form = new QFormLayout;
    const auto line = [this](const char *name, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setPlaceholderText(placeholder);
        return edit;
    };
    form->addRow(tr("Name:"), m_name = line("historySourceName", tr("e.g. stooq")));
    form->addRow(tr("Address:"),
                 m_url = line("historySourceUrl", QStringLiteral("https://…/{symbol}?from={from}&to={to}")));
    m_url->setToolTip(tr("Placeholders: {symbol}, {symbol:lower}, {from} and {to} (Unix seconds, or "
                         "{from:yyyy-MM-dd}), {interval}, {apikey}. Without {symbol}, one request answers for all."));
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("historySourceFormat"));
    m_format->addItem(tr("Recognised by itself"), int(History::Format::Auto));
    m_format->addItem(tr("CSV (Yahoo, Stooq, …)"), int(History::Format::Csv));
    m_format->addItem(tr("JSON records (data.json, NDJSON)"), int(History::Format::Json));
    m_format->addItem(QStringLiteral("Alpha Vantage"), int(History::Format::AlphaVantage));
    m_format->addItem(tr("Yahoo Finance chart JSON"), int(History::Format::YahooChart));
    m_format->addItem(tr("Another TickDesk (/api/bars)"), int(History::Format::TickDeskBars));
    form->addRow(tr("Format:"), m_format);
    m_interval = new QComboBox(this);
    m_interval->setObjectName(QStringLiteral("historySourceInterval"));
    for (const char *interval : Intervals)
        m_interval->addItem(QString::fromLatin1(interval));
    form->addRow(tr("One row is:"), m_interval);
    form->addRow(tr("{interval} becomes:"), m_intervalText = line("historySourceIntervalText", tr("the row's length")));
    form->addRow(tr("API key:"), m_key = line("historySourceKey", tr("kept in the keyring")));
    m_key->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Requests a minute:"), m_rate = spin(QStringLiteral("historySourceRate"), 0, 6000, this));
    m_rate->setSpecialValueText(tr("no limit"));
    form->addRow(tr("Time-out (s):"), m_timeout = spin(QStringLiteral("historySourceTimeout"), 1, 600, this));
    form->addRow(tr("Look back (days):"), m_lookback = spin(QStringLiteral("historySourceLookback"), 1, 36500, this));
    m_corrections = new QCheckBox(tr("A bar that differs from the stored one replaces it"), this);
    m_corrections->setObjectName(QStringLiteral("historySourceCorrections"));
    form->addRow(m_corrections);
    row->addLayout(form, 2);
    layout->addWidget(sources);

    auto *schedule = new QGroupBox(tr("Refresh by itself"), this);
    auto *when = new QFormLayout(schedule);
    m_mode = new QComboBox(schedule);
    m_mode->setObjectName(QStringLiteral("historyScheduleMode"));
    m_mode->addItem(tr("Off"), int(History::Schedule::Mode::Off));
    m_mode->addItem(tr("Daily"), int(History::Schedule::Mode::Daily));
    m_mode->addItem(tr("Every few minutes"), int(History::Schedule::Mode::Every));
    when->addRow(tr("Schedule:"), m_mode);
    m_at = new QTimeEdit(current.schedule.at, schedule);
    m_at->setObjectName(QStringLiteral("historyScheduleAt"));
    m_at->setDisplayFormat(QStringLiteral("HH:mm"));
    when->addRow(tr("Daily at:"), m_at);
    when->addRow(tr("In the time zone:"),
                 m_zone = line("historyScheduleZone", tr("the system's; e.g. America/New_York")));
    when->addRow(tr("Every (minutes):"), m_every = spin(QStringLiteral("historyScheduleEvery"), 1, 7 * 24 * 60, this));
    when->addRow(tr("Symbols:"), m_symbols = line("historyScheduleSymbols", tr("the watchlist")));
    m_scheduleSource = new QComboBox(schedule);
    m_scheduleSource->setObjectName(QStringLiteral("historyScheduleSource"));
    when->addRow(tr("From:"), m_scheduleSource);
    m_fillGaps = new QCheckBox(tr("Fill gaps at start and when the feed comes back after a pause"), schedule);
    m_fillGaps->setObjectName(QStringLiteral("historyFillGaps"));
    when->addRow(m_fillGaps);
    layout->addWidget(schedule);

    auto *hours = new QGroupBox(tr("Market hours (no gap is looked for outside them)"), this);
    auto *market = new QFormLayout(hours);
    market->addRow(tr("Time zone:"), m_hoursZone = line("historyHoursZone", tr("UTC; e.g. America/New_York")));
    auto *times = new QHBoxLayout;
    m_open = new QTimeEdit(current.hours.open, hours);
    m_open->setObjectName(QStringLiteral("historyHoursOpen"));
    m_close = new QTimeEdit(current.hours.close, hours);
    m_close->setObjectName(QStringLiteral("historyHoursClose"));
    for (QTimeEdit *edit : {m_open, m_close})
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
    times->addWidget(m_open);
    times->addWidget(new QLabel(tr("to"), hours));
    times->addWidget(m_close);
    times->addWidget(new QLabel(tr("(equal: all day)"), hours));
    market->addRow(tr("Open:"), times);
    auto *days = new QHBoxLayout;
    const QLocale locale;
    for (int d = 0; d < 7; ++d) {
        m_days[std::size_t(d)] = new QCheckBox(locale.dayName(d + 1, QLocale::ShortFormat), hours);
        m_days[std::size_t(d)]->setObjectName(QStringLiteral("historyDay%1").arg(d + 1));
        m_days[std::size_t(d)]->setChecked(current.hours.days & (1 << d));
        days->addWidget(m_days[std::size_t(d)]);
    }
    market->addRow(tr("Trading days:"), days);
    layout->addWidget(hours);
    layout->addStretch(1);

    m_mode->setCurrentIndex(std::max(0, m_mode->findData(int(current.schedule.mode))));
    m_zone->setText(current.schedule.zone);
    m_every->setValue(current.schedule.everyMinutes);
    m_symbols->setText(current.schedule.symbols.join(QStringLiteral(", ")));
    m_fillGaps->setChecked(current.schedule.fillGaps);
    m_hoursZone->setText(current.hours.zone);
    const auto enable = [this] {
        const auto mode = History::Schedule::Mode(m_mode->currentData().toInt());
        m_at->setEnabled(mode == History::Schedule::Mode::Daily);
        m_zone->setEnabled(mode == History::Schedule::Mode::Daily);
        m_every->setEnabled(mode == History::Schedule::Mode::Every);
    };
    connect(m_mode, &QComboBox::currentIndexChanged, this, enable);
    enable();

    for (const History::Source &s : m_sources)
        m_list->addItem(s.name);
    m_scheduleSource->addItem(tr("the first source"), QString());
    for (const History::Source &s : m_sources)
        m_scheduleSource->addItem(s.name, s.name);
    m_scheduleSource->setCurrentIndex(std::max(0, m_scheduleSource->findData(current.schedule.source)));
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int r) {
        keepSource();
        showSource(r);
    });
    connect(add, &QPushButton::clicked, this, &HistoryPage::addSource);
    connect(remove, &QPushButton::clicked, this, &HistoryPage::removeSource);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &name) {
        if (QListWidgetItem *item = m_list->item(m_current))
            item->setText(name);
        const bool scheduled = m_scheduleSource->currentIndex() == m_current + 1;
        m_scheduleSource->setItemText(m_current + 1, name.trimmed());
        m_scheduleSource->setItemData(m_current + 1, name.trimmed());
        if (scheduled)
            m_scheduleSource->setCurrentIndex(m_current + 1);
    });
    showSource(m_sources.empty() ? -1 : 0);
    if (!m_sources.empty())
        m_list->setCurrentRow(0);
}

void HistoryPage::showSource(int row)
{
    m_current = row;
    const bool any = row >= 0 && row < int(m_sources.size());
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_url, m_format, m_interval, m_intervalText, m_key,
                                                       m_rate, m_timeout, m_lookback, m_corrections})
        w->setEnabled(any);
    const History::Source s = any ? m_sources[std::size_t(row)] : History::Source{};
    m_name->setText(s.name);
    m_url->setText(s.urlTemplate);
    m_format->setCurrentIndex(std::max(0, m_format->findData(int(s.format))));
    m_interval->setCurrentIndex(std::max(0, m_interval->findText(s.interval.name())));
    m_intervalText->setText(s.intervalText);
    m_key->setText(any ? m_keys.value(s.name) : QString());
    m_rate->setValue(s.requestsPerMinute);
    m_timeout->setValue(s.timeoutSeconds);
    m_lookback->setValue(s.lookbackDays);
    m_corrections->setChecked(s.allowCorrections);
}

void HistoryPage::keepSource()
{
    if (m_current < 0 || m_current >= int(m_sources.size()))
        return;
    History::Source &s = m_sources[std::size_t(m_current)];
    const QString key = m_key->text();
    m_keys.remove(s.name);
    s.name = m_name->text().trimmed();
    s.urlTemplate = m_url->text().trimmed();
    s.format = History::Format(m_format->currentData().toInt());
    if (auto interval = Bars::Timeframe::parse(m_interval->currentText()))
        s.interval = *interval;
    s.intervalText = m_intervalText->text().trimmed();
    s.requestsPerMinute = m_rate->value();
    s.timeoutSeconds = m_timeout->value();
    s.lookbackDays = m_lookback->value();
    s.allowCorrections = m_corrections->isChecked();
    m_keys.insert(s.name, key);
}

void HistoryPage::addSource()
{
    keepSource();
    History::Source s;
    s.name = tr("source %1").arg(m_sources.size() + 1);
    m_sources.push_back(s);
    m_list->addItem(s.name);
    m_scheduleSource->addItem(s.name, s.name);
    m_list->setCurrentRow(int(m_sources.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void HistoryPage::removeSource()
{
    const int row = m_current;
    if (row < 0 || row >= int(m_sources.size()))
        return;
    m_keys.remove(m_sources[std::size_t(row)].name);
    m_sources.erase(m_sources.begin() + row);
    m_current = -1;
    delete m_list->takeItem(row);
    m_scheduleSource->removeItem(row + 1);
    showSource(m_list->currentRow());
}

void HistoryPage::setStoredKey(const QString &source, const QString &key)
{
    m_storedKeys.insert(source, key);
    if (!m_keys.contains(source) || m_keys.value(source).isEmpty()) {
        m_keys.insert(source, key);
        if (m_current >= 0 && m_current < int(m_sources.size()) && m_sources[std::size_t(m_current)].name == source)
            m_key->setText(key);
    }
}

bool HistoryPage::keyChanged(const QString &source) const
{
    return m_keys.value(source) != m_storedKeys.value(source);
}

History::Config HistoryPage::values()
{
    keepSource(); // the source on show may have been edited
    History::Config c;
    c.sources = m_sources;
    c.schedule.mode = History::Schedule::Mode(m_mode->currentData().toInt());
    c.schedule.at = m_at->time();
    c.schedule.zone = m_zone->text().trimmed();
    c.schedule.everyMinutes = m_every->value();
    for (const QString &s : m_symbols->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        c.schedule.symbols << s.trimmed().toUpper();
    c.schedule.source = m_scheduleSource->currentData().toString();
    c.schedule.fillGaps = m_fillGaps->isChecked();
    c.hours.zone = m_hoursZone->text().trimmed();
    c.hours.open = m_open->time();
    c.hours.close = m_close->time();
    c.hours.days = 0;
    for (int d = 0; d < 7; ++d)
        if (m_days[std::size_t(d)]->isChecked())
            c.hours.days |= 1 << d;
    return c;
}

} // namespace Gui
