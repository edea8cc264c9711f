// SPDX-License-Identifier: MIT
#include "Settings.h"

using namespace Qt::StringLiterals;

namespace Core {

Settings::Settings(const QString &iniPath)
    : m_settings(iniPath, QSettings::IniFormat)
{}

QString Settings::bindAddress() const
{
    return m_settings.value(u"server/bind"_s, u"127.0.0.1"_s).toString();
}

void Settings::setBindAddress(const QString &address)
{
    m_settings.setValue(u"server/bind"_s, address);
}

quint16 Settings::port() const
{
    return quint16(m_settings.value(u"server/port"_s, DefaultPort).toUInt());
}

void Settings::setPort(quint16 port)
{
    m_settings.setValue(u"server/port"_s, port);
}

quint16 Settings::webSocketPort() const
{
    return quint16(m_settings.value(u"server/wsPort"_s, DefaultWebSocketPort).toUInt());
}

void Settings::setWebSocketPort(quint16 port)
{
    m_settings.setValue(u"server/wsPort"_s, port);
}

QString Settings::databasePath() const
{
    return m_settings.value(u"storage/path"_s).toString();
}

void Settings::setDatabasePath(const QString &path)
{
    m_settings.setValue(u"storage/path"_s, path);
}

bool Settings::fullSync() const
{
    return m_settings.value(u"storage/fullSync"_s, false).toBool();
}

void Settings::setFullSync(bool on)
{
    m_settings.setValue(u"storage/fullSync"_s, on);
}

} // namespace Core
