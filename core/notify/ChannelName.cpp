// SPDX-License-Identifier: MIT
#include "ChannelName.h"

#include <QCryptographicHash>
#include <QUrl>

namespace Notify {

QString displayChannel(const QString &name)
{
    static const QString Webhook = QStringLiteral("webhook:");
    if (!name.startsWith(Webhook))
        return name;
    const QString address = name.mid(Webhook.size());
    const QUrl url(address);
    if (!url.isValid() || url.host().isEmpty())
        return Webhook + QStringLiteral("…");
    QString shown = Webhook + url.scheme() + QStringLiteral("://") + url.host(QUrl::FullyEncoded);
    if (url.port() > 0)
        shown += u':' + QString::number(url.port());
    const bool hidden = !url.userInfo().isEmpty() || (!url.path().isEmpty() && url.path() != QStringLiteral("/")) ||
                        url.hasQuery() || url.hasFragment();
    if (hidden) {
        const QByteArray hash = QCryptographicHash::hash(address.toUtf8(), QCryptographicHash::Sha256).toHex();
        shown += QStringLiteral("/…") + QString::fromLatin1(hash.left(6));
    }
    return shown;
}

} // namespace Notify
