// SPDX-License-Identifier: MIT
#include "SingleInstance.h"

#include "Version.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace App {

SingleInstance::SingleInstance(const QString &databasePath, QObject *parent)
    : QObject(parent)
{
    // Per user and per database: two windows on one database would fight over it.
    const QByteArray key = QFileInfo(databasePath).absoluteFilePath().toUtf8();
    m_name = u"%1-%2-%3"_s.arg(QStringLiteral(TICKDESK_APP_ID))
                 .arg(::getuid())
                 .arg(QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(12)));
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::handOver(const InstanceRequest &request)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(1000))
        return false;
    const QJsonObject message{{u"simulate"_s, request.simulate},
                              {u"import"_s, request.importPath},
                              {u"refresh"_s, request.refresh},
                              {u"refreshSymbols"_s, QJsonArray::fromStringList(request.refreshSymbols)},
                              {u"refreshSource"_s, request.refreshSource},
                              {u"refreshGaps"_s, request.refreshGaps}};
    socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    socket.waitForBytesWritten(2000);
    // The answer says the window took it; without one, better start than silently do nothing.
    return socket.waitForReadyRead(3000) && socket.readLine().trimmed() == "ok";
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A socket left by a window that crashed: nobody answered handOver(), so it is stale.
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name))
            return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
                if (!socket->canReadLine())
                    return;
                const QJsonObject o = QJsonDocument::fromJson(socket->readLine()).object();
                socket->write("ok\n");
                socket->flush();
                InstanceRequest request;
                request.simulate = o.value(u"simulate"_s).toBool();
                request.importPath = o.value(u"import"_s).toString();
                request.refresh = o.value(u"refresh"_s).toBool();
                for (const QJsonValue &v : o.value(u"refreshSymbols"_s).toArray())
                    request.refreshSymbols << v.toString();
                request.refreshSource = o.value(u"refreshSource"_s).toString();
                request.refreshGaps = o.value(u"refreshGaps"_s).toBool();
                Q_EMIT requested(request);
            });
        }
    });
    return true;
}

} // namespace App
