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

namespace {

QJsonObject toJson(const InstanceRequest &request)
{
    QJsonObject o{{u"simulate"_s, request.simulate}, {u"import"_s, request.importPath}};
    if (const auto &r = request.refresh) {
        QJsonObject refresh{{u"symbols"_s, QJsonArray::fromStringList(r->symbols)},
                            {u"sourceName"_s, r->sourceName},
                            {u"apiKey"_s, r->apiKey},
                            {u"gaps"_s, r->gaps},
                            {u"from"_s, qint64(r->from)},
                            {u"to"_s, qint64(r->to)}};
        if (r->source)
            refresh.insert(u"source"_s, QJsonObject::fromVariantMap(History::toFields(*r->source)));
        o.insert(u"refresh"_s, refresh);
    }
    return o;
}

/// The request of a JSON line, or why it cannot be taken.
Util::Result<InstanceRequest> fromJson(const QByteArray &line)
{
    using R = Util::Result<InstanceRequest>;
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    InstanceRequest request;
    request.simulate = o.value(u"simulate"_s).toBool();
    request.importPath = o.value(u"import"_s).toString();
    if (o.value(u"refresh"_s).isObject()) {
        const QJsonObject r = o.value(u"refresh"_s).toObject();
        History::RefreshRequest refresh;
        for (const QJsonValue &v : r.value(u"symbols"_s).toArray())
            refresh.symbols << v.toString();
        refresh.sourceName = r.value(u"sourceName"_s).toString();
        refresh.apiKey = r.value(u"apiKey"_s).toString();
        refresh.gaps = r.value(u"gaps"_s).toBool();
        refresh.from = r.value(u"from"_s).toInteger();
        refresh.to = r.value(u"to"_s).toInteger();
        if (r.value(u"source"_s).isObject()) {
            auto source = History::sourceFromFields(r.value(u"source"_s).toObject().toVariantMap());
            if (!source)
                return R::failure(source.error());
            refresh.source = *source;
        }
        request.refresh = refresh;
    }
    return request;
}

} // namespace

SingleInstance::Answer SingleInstance::handOver(const InstanceRequest &request, QString *refusal)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(1000))
        return Answer::NobodyRunning;
    socket.write(QJsonDocument(toJson(request)).toJson(QJsonDocument::Compact) + '\n');
    socket.waitForBytesWritten(2000);
    // The answer says whether it was taken; without one, better start than silently do nothing.
    if (!socket.waitForReadyRead(3000))
        return Answer::NobodyRunning;
    const QByteArray answer = socket.readLine().trimmed();
    if (answer == "ok")
        return Answer::Taken;
    if (refusal)
        *refusal = QString::fromUtf8(answer.mid(answer.indexOf(' ') + 1));
    return Answer::Refused;
}

bool SingleInstance::listen(bool window)
{
    m_window = window;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A socket left by a TickDesk that crashed: nobody answered handOver(), so it is stale.
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
                auto request = fromJson(socket->readLine());
                QString refusal;
                if (!request)
                    refusal = request.error();
                else if (!m_window && (request->simulate || !request->importPath.isEmpty() || !request->refresh))
                    refusal = tr("a TickDesk without a window (--headless) runs on this database");
                socket->write(refusal.isEmpty() ? QByteArray("ok\n") : "refused " + refusal.toUtf8() + '\n');
                socket->flush();
                if (refusal.isEmpty())
                    Q_EMIT requested(*request);
            });
        }
    });
    return true;
}

} // namespace App
