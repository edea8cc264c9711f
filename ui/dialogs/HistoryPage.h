// SPDX-License-Identifier: MIT
#pragma once

#include "history/HistorySource.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTimeEdit;

namespace Gui {

/// The History tab of the settings: the sources TickDesk fetches bars from (their API keys go to the keyring),
/// the refresh schedule, and the market's hours that tell a gap from a closed market.
class HistoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPage)

public:
    explicit HistoryPage(const History::Config &current, QWidget *parent = nullptr);

    /// What the form holds (not checked: History::validate does that).
    History::Config values();
    /// The API keys typed in, by source name (only the ones shown: each read from the keyring as it opens).
    const QHash<QString, QString> &apiKeys() const noexcept { return m_keys; }
    /// The key as the keyring had it, so an unchanged one is not written again.
    void setStoredKey(const QString &source, const QString &key);
    bool keyChanged(const QString &source) const;

private:
    void showSource(int row);
    void keepSource();
    void addSource();
    void removeSource();

    std::vector<History::Source> m_sources;
    QHash<QString, QString> m_keys;
    QHash<QString, QString> m_storedKeys;
    int m_current = -1;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QComboBox *m_format;
    QComboBox *m_interval;
    QLineEdit *m_intervalText;
    QLineEdit *m_key;
    QSpinBox *m_rate;
    QSpinBox *m_timeout;
    QSpinBox *m_lookback;
    QCheckBox *m_corrections;
    QComboBox *m_mode;
    QTimeEdit *m_at;
    QLineEdit *m_zone;
    QSpinBox *m_every;
    QLineEdit *m_symbols;
    QComboBox *m_scheduleSource;
    QCheckBox *m_fillGaps;
    QLineEdit *m_hoursZone;
    QTimeEdit *m_open;
    QTimeEdit *m_close;
    std::array<QCheckBox *, 7> m_days{};
};

} // namespace Gui
