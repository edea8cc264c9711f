// SPDX-License-Identifier: MIT
#include "Secrets.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Core::Secrets {

namespace {

const QString Service = u"TickDesk"_s;
const QString SmtpKey = u"smtp-password"_s;

/// Runs a keychain job to its end (or the time-out) on a local event loop.
bool finish(QKeychain::Job &job, int timeoutMs)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    if (!done)
        loop.exec();
    return done;
}

} // namespace

Util::Result<QString> smtpPassword(int timeoutMs)
{
    if (qEnvironmentVariableIsSet("TICKDESK_SMTP_PASSWORD"))
        return qEnvironmentVariable("TICKDESK_SMTP_PASSWORD");
    QKeychain::ReadPasswordJob job(Service);
    job.setKey(SmtpKey);
    if (!finish(job, timeoutMs))
        return Util::Result<QString>::failure(u"the keyring did not answer"_s);
    if (job.error() != QKeychain::NoError)
        return Util::Result<QString>::failure(job.errorString());
    return job.textData();
}

Util::Status setSmtpPassword(const QString &password, int timeoutMs)
{
    if (password.isEmpty()) {
        QKeychain::DeletePasswordJob job(Service);
        job.setKey(SmtpKey);
        if (!finish(job, timeoutMs))
            return Util::Status::failure(u"the keyring did not answer"_s);
        return job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound
                   ? Util::Status()
                   : Util::Status::failure(job.errorString());
    }
    QKeychain::WritePasswordJob job(Service);
    job.setKey(SmtpKey);
    job.setTextData(password);
    if (!finish(job, timeoutMs))
        return Util::Status::failure(u"the keyring did not answer"_s);
    if (job.error() != QKeychain::NoError)
        return Util::Status::failure(job.errorString());
    return {};
}

} // namespace Core::Secrets
