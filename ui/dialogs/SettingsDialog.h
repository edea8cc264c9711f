// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Core {
class Settings;
struct NatsSettings;
struct PaperSettings;
} // namespace Core

namespace Gui {

class HistoryPage;
class NotificationsPage;

/// Server, indicators, rules, simulator, paper trading and display settings. Values are
/// checked when the dialog is accepted; an invalid one keeps the dialog open
/// and the reason is shown. Display and simulator changes apply at once, the
/// others at the next start.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    /// `listening`: where the running servers are, which may differ from the saved settings (--port).
    explicit SettingsDialog(Core::Settings &settings, const QString &listening = {}, QWidget *parent = nullptr);

    void accept() override;
    QString error() const;
    NotificationsPage *notificationsPage() const noexcept { return m_notifications; }
    HistoryPage *historyPage() const noexcept { return m_history; }

Q_SIGNALS:
    void applied();

private:
    QSpinBox *period(const QString &name, int value, int maximum = 5000);
    QDoubleSpinBox *number(const QString &name, double value, double minimum, double maximum, int decimals = 2);
    Core::PaperSettings paperSettings() const;
    Core::NatsSettings natsSettings() const;

    Core::Settings &m_settings;
    QLabel *m_error;
    QLineEdit *m_bind;
    QSpinBox *m_port;
    QLineEdit *m_token;
    QLineEdit *m_natsUrl;
    QLineEdit *m_natsUser;
    QLineEdit *m_natsSecret;
    QLineEdit *m_natsNode;
    QLineEdit *m_natsCa;
    QLineEdit *m_natsIngest;
    QSpinBox *m_sma, *m_ema, *m_rsi, *m_macdFast, *m_macdSlow, *m_macdSignal, *m_bollinger, *m_atr, *m_vwap,
        *m_crossFast, *m_crossSlow;
    QDoubleSpinBox *m_deviations;
    QCheckBox *m_rsiTrend, *m_maCross, *m_priceMove, *m_news;
    QDoubleSpinBox *m_rsiBuy, *m_rsiSell, *m_rsiRearm, *m_crossSpread, *m_movePercent, *m_sentimentScore,
        *m_sentimentMagnitude;
    QSpinBox *m_moveWindow, *m_cooldown;
    QComboBox *m_ruleTimeframe;
    QLineEdit *m_sessionZone;
    QLineEdit *m_simSymbols;
    QDoubleSpinBox *m_simRate, *m_simVolatility;
    QCheckBox *m_utc, *m_dark, *m_closeToTray, *m_simAtStart;
    QComboBox *m_language;
    QSpinBox *m_retention;
    QSpinBox *m_chartBars;
    QDoubleSpinBox *m_startingCash, *m_perShare, *m_perOrder, *m_percent, *m_slippage;
    NotificationsPage *m_notifications;
    HistoryPage *m_history;
    QString m_storedPassword;
    QString m_storedNatsSecret;
};

} // namespace Gui
