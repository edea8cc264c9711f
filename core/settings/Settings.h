// SPDX-License-Identifier: MIT
#pragma once

#include <QSettings>
#include <QString>

namespace Core {

/// The typed face of QSettings: every key, its default and its type in one place.
/// Passed to whoever needs it; never reached as a global.
class Settings final
{
public:
    Settings() = default;
    /// For tests: a settings file of its own.
    explicit Settings(const QString &iniPath);

    QString bindAddress() const;
    void setBindAddress(const QString &address);
    quint16 port() const;
    void setPort(quint16 port);
    quint16 webSocketPort() const;
    void setWebSocketPort(quint16 port);
    QString databasePath() const; ///< empty: the default location
    void setDatabasePath(const QString &path);
    bool fullSync() const;
    void setFullSync(bool on);

    static constexpr quint16 DefaultPort = 5000;
    static constexpr quint16 DefaultWebSocketPort = 5678;

private:
    QSettings m_settings;
};

} // namespace Core
