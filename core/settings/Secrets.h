// SPDX-License-Identifier: MIT
#pragma once

#include "util/Result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Core {

/// The SMTP password, kept by the desktop's keyring through QtKeychain, never in
/// the settings file. TICKDESK_SMTP_PASSWORD, when set, takes precedence (headless use).
namespace Secrets {

/// Waits at most `timeoutMs` for the keyring; empty with the reason when there is none or no password.
Util::Result<QString> smtpPassword(int timeoutMs = 5000);
/// The same without waiting: `done` runs later on `context`'s thread (never if `context` is gone first).
void readSmtpPassword(QObject *context, std::function<void(const Util::Result<QString> &)> done);
/// Stores (or, when empty, deletes) the password in the keyring, in the background; a failure is logged.
void storeSmtpPassword(const QString &password);

} // namespace Secrets
} // namespace Core
