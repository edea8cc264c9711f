// SPDX-License-Identifier: MIT
#pragma once

#include "util/Result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Core {

/// Passwords kept by the desktop's keyring through QtKeychain, never in the settings file: the SMTP password
/// (TICKDESK_SMTP_PASSWORD, when set, takes precedence: headless use) and the NATS token or password.
namespace Secrets {

/// Waits at most `timeoutMs` for the keyring; empty with the reason when there is none or no password.
Util::Result<QString> smtpPassword(int timeoutMs = 5000);
/// The same without waiting: `done` runs later on `context`'s thread (never if `context` is gone first).
void readSmtpPassword(QObject *context, std::function<void(const Util::Result<QString> &)> done);
/// Stores (or, when empty, deletes) the password in the keyring, in the background; a failure is logged.
void storeSmtpPassword(const QString &password);

/// The NATS token (or, with a user, password) the same way; TICKDESK_NATS_TOKEN or TICKDESK_NATS_PASSWORD, when
/// set, take precedence.
Util::Result<QString> natsSecret(int timeoutMs = 5000);
void readNatsSecret(QObject *context, std::function<void(const Util::Result<QString> &)> done);
void storeNatsSecret(const QString &secret);

/// A history source's API key the same way; TICKDESK_HISTORY_API_KEY, when set, is every source's.
Util::Result<QString> historyApiKey(const QString &source, int timeoutMs = 5000);
void readHistoryApiKey(const QString &source, QObject *context,
                       std::function<void(const Util::Result<QString> &)> done);
void storeHistoryApiKey(const QString &source, const QString &key);

} // namespace Secrets
} // namespace Core
