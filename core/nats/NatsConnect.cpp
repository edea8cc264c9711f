// SPDX-License-Identifier: MIT
#include "NatsConnect.h"

#include "NatsPublisher.h"

#include <QHostInfo>
#include <QUrl>

#include <cctype>
#include <condition_variable>
#include <memory>

using namespace Qt::StringLiterals;

namespace Nats {

Link::~Link()
{
    jsCtx_Destroy(jetStream);
    if (connection) {
        natsConnection_FlushTimeout(connection, 1000);
        natsConnection_Destroy(connection);
    }
    natsOptions_Destroy(options);
}

Util::Status checkUrl(const QString &url, const QString &option)
{
    const QUrl parsed(url);
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() || parsed.host().isEmpty() || (scheme != u"nats"_s && scheme != u"tls"_s))
        return Util::Status::failure(
            u"%1: \"%2\" is not a NATS address: use nats://HOST:PORT or tls://HOST:PORT"_s.arg(option, url));
    return {};
}

natsStatus applyOptions(natsOptions *out, const NatsOptions &options, const QByteArray &name,
                        natsConnectionHandler connected, void *closure)
{
    const QByteArray url = options.url.toUtf8();
    natsStatus s = natsOptions_SetURL(out, url.constData());
    if (s == NATS_OK)
        s = natsOptions_SetName(out, name.constData());
    if (s == NATS_OK && !options.token.isEmpty())
        s = natsOptions_SetToken(out, options.token.constData());
    if (s == NATS_OK && !options.user.isEmpty())
        s = natsOptions_SetUserInfo(out, options.user.toUtf8().constData(), options.password.constData());
    if (s == NATS_OK && QUrl(options.url).scheme() == u"tls"_s) {
        s = natsOptions_SetSecure(out, true);
        if (s == NATS_OK && !options.caFile.isEmpty())
            s = natsOptions_LoadCATrustedCertificates(out, options.caFile.toUtf8().constData());
    }
    // Connected or not, carry on: the library keeps trying in the background and says when it got through
    // (without that callback the first connect would wait until it does).
    if (s == NATS_OK)
        s = natsOptions_SetRetryOnFailedConnect(out, true, connected, closure);
    if (s == NATS_OK)
        s = natsOptions_SetMaxReconnect(out, -1);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectWait(out, 500);
    if (s == NATS_OK)
        s = natsOptions_SetReconnectBufSize(out, 8 * 1024 * 1024);
    return s;
}

Util::Status openLink(Link &link, const NatsOptions &options, const QByteArray &name, std::atomic<bool> &connected,
                      natsConnectionHandler reconnected, void *closure)
{
    using S = Util::Status;
    natsStatus s = natsOptions_Create(&link.options);
    if (s == NATS_OK) // the owner looks at the connection's status itself
        s = applyOptions(
            link.options, options, name, [](natsConnection *, void *) {}, nullptr);
    if (s == NATS_OK)
        s = natsOptions_SetDisconnectedCB(
            link.options,
            [](natsConnection *, void *flag) {
                static_cast<std::atomic<bool> *>(flag)->store(false, std::memory_order_relaxed);
            },
            &connected);
    if (s == NATS_OK && reconnected)
        s = natsOptions_SetReconnectedCB(link.options, reconnected, closure);
    if (s != NATS_OK)
        return S::failure(u"NATS options: %1"_s.arg(natsError(s)));
    s = natsConnection_Connect(&link.connection, link.options);
    if (s != NATS_OK && s != NATS_NOT_YET_CONNECTED)
        return S::failure(u"cannot connect to %1: %2"_s.arg(options.url, natsError(s)));
    jsOptions js;
    jsOptions_Init(&js);
    js.Wait = 5000;
    if (s = natsConnection_JetStream(&link.jetStream, link.connection, &js); s != NATS_OK)
        return S::failure(u"JetStream: %1"_s.arg(natsError(s)));
    return {};
}

QString natsError(natsStatus status)
{
    const char *last = nats_GetLastError(nullptr);
    return QString::fromUtf8(last && *last ? last : natsStatus_GetText(status));
}

kvStore *openBucket(jsCtx *jetStream, const char *name, int ttlMs, QString *error)
{
    kvConfig config;
    kvConfig_Init(&config);
    config.Bucket = name;
    config.History = 1;
    config.TTL = qint64(ttlMs) * 1'000'000;
    config.StorageType = js_FileStorage;
    kvStore *kv = nullptr;
    natsStatus s = js_CreateKeyValue(&kv, jetStream, &config);
    if (s != NATS_OK)
        s = js_KeyValue(&kv, jetStream, name);
    if (s != NATS_OK) {
        if (error)
            *error = natsError(s);
        return nullptr;
    }
    return kv;
}

QByteArray nodeEntrySubject(const QByteArray &node)
{
    QByteArray key = node.isEmpty() ? QByteArray("node") : node;
    for (char &c : key)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '=' && c != '/' && c != '.')
            c = '_';
    return QByteArray("$KV.") + NodesBucket + '.' + key;
}

std::optional<QString> storeAndWait(const std::function<Ingest::RecordSink::Submit(Ingest::RecordSink::Done)> &submit,
                                    const std::function<bool(int ms)> &pause)
{
    struct Wait
    {
        std::mutex mutex;
        std::condition_variable done;
        bool finished = false;
        QString error;
    };
    auto wait = std::make_shared<Wait>();
    for (;;) {
        const auto outcome = submit([wait](const QString &error) {
            std::lock_guard lock(wait->mutex);
            wait->finished = true;
            wait->error = error;
            wait->done.notify_all();
        });
        if (outcome == Ingest::RecordSink::Submit::Accepted)
            break;
        if (outcome == Ingest::RecordSink::Submit::Closed || pause(5))
            return std::nullopt;
    }
    std::unique_lock lock(wait->mutex);
    wait->done.wait(lock, [&] { return wait->finished; });
    return wait->error;
}

QByteArray nodeName(const NatsOptions &options)
{
    return (options.node.isEmpty() ? QHostInfo::localHostName() : options.node).toUtf8();
}

} // namespace Nats
