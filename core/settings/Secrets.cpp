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

void readSmtpPassword(QObject *context, std::function<void(const Util::Result<QString> &)> done)
{
    if (qEnvironmentVariableIsSet("TICKDESK_SMTP_PASSWORD")) {
        QMetaObject::invokeMethod(
            context, [done = std::move(done)] { done(qEnvironmentVariable("TICKDESK_SMTP_PASSWORD")); },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(Service); // deletes itself when finished
    job->setKey(SmtpKey);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() != QKeychain::NoError)
            done(Util::Result<QString>::failure(read->errorString()));
        else
            done(read->textData());
    });
    job->start();
}

void storeSmtpPassword(const QString &password)
{
    // Started and left to finish on its own (it deletes itself): nobody waits for the keyring.
    QKeychain::Job *job = nullptr;
    if (password.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(Service);
    } else {
        auto *write = new QKeychain::WritePasswordJob(Service);
        write->setTextData(password);
        job = write;
    }
    job->setKey(SmtpKey);
    QObject::connect(job, &QKeychain::Job::finished, job, [](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound)
            qWarning("the SMTP password was not stored in the keyring: %s", qPrintable(finished->errorString()));
    });
    job->start();
}

} // namespace Core::Secrets
