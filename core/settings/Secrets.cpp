// SPDX-License-Identifier: MIT
#include "Secrets.h"

#include <QEventLoop>
#include <QTimer>

#include <optional>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Core::Secrets {

namespace {

const QString Service = u"TickDesk"_s;

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

/// Where one secret lives: its key in the keyring, and the environment variables that override it.
struct Secret
{
    QString key;
    const char *environment[2];
    const char *what;

    std::optional<QString> fromEnvironment() const
    {
        for (const char *name : environment)
            if (name && qEnvironmentVariableIsSet(name))
                return qEnvironmentVariable(name);
        return std::nullopt;
    }
};

const Secret Smtp{u"smtp-password"_s, {"TICKDESK_SMTP_PASSWORD", nullptr}, "SMTP password"};
const Secret NatsSecret{u"nats-secret"_s, {"TICKDESK_NATS_TOKEN", "TICKDESK_NATS_PASSWORD"}, "NATS token or password"};

Util::Result<QString> read(const Secret &secret, int timeoutMs)
{
    if (auto value = secret.fromEnvironment())
        return *value;
    QKeychain::ReadPasswordJob job(Service);
    job.setKey(secret.key);
    if (!finish(job, timeoutMs))
        return Util::Result<QString>::failure(u"the keyring did not answer"_s);
    if (job.error() != QKeychain::NoError)
        return Util::Result<QString>::failure(job.errorString());
    return job.textData();
}

void readLater(const Secret &secret, QObject *context, std::function<void(const Util::Result<QString> &)> done)
{
    if (auto value = secret.fromEnvironment()) {
        QMetaObject::invokeMethod(
            context, [done = std::move(done), value = *value] { done(value); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(Service); // deletes itself when finished
    job->setKey(secret.key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() != QKeychain::NoError)
            done(Util::Result<QString>::failure(read->errorString()));
        else
            done(read->textData());
    });
    job->start();
}

void store(const Secret &secret, const QString &value)
{
    // Started and left to finish on its own (it deletes itself): nobody waits for the keyring.
    QKeychain::Job *job = nullptr;
    if (value.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(Service);
    } else {
        auto *write = new QKeychain::WritePasswordJob(Service);
        write->setTextData(value);
        job = write;
    }
    job->setKey(secret.key);
    QObject::connect(job, &QKeychain::Job::finished, job, [what = secret.what](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound)
            qWarning("the %s was not stored in the keyring: %s", what, qPrintable(finished->errorString()));
    });
    job->start();
}

} // namespace

Util::Result<QString> smtpPassword(int timeoutMs)
{
    return read(Smtp, timeoutMs);
}

void readSmtpPassword(QObject *context, std::function<void(const Util::Result<QString> &)> done)
{
    readLater(Smtp, context, std::move(done));
}

void storeSmtpPassword(const QString &password)
{
    store(Smtp, password);
}

Util::Result<QString> natsSecret(int timeoutMs)
{
    return read(NatsSecret, timeoutMs);
}

void readNatsSecret(QObject *context, std::function<void(const Util::Result<QString> &)> done)
{
    readLater(NatsSecret, context, std::move(done));
}

void storeNatsSecret(const QString &secret)
{
    store(NatsSecret, secret);
}

namespace {
Secret historyKey(const QString &source)
{
    return {u"history-key-"_s + source, {"TICKDESK_HISTORY_API_KEY", nullptr}, "history source's API key"};
}
} // namespace

Util::Result<QString> historyApiKey(const QString &source, int timeoutMs)
{
    return read(historyKey(source), timeoutMs);
}

void readHistoryApiKey(const QString &source, QObject *context, std::function<void(const Util::Result<QString> &)> done)
{
    readLater(historyKey(source), context, std::move(done));
}

void storeHistoryApiKey(const QString &source, const QString &key)
{
    store(historyKey(source), key);
}

} // namespace Core::Secrets
