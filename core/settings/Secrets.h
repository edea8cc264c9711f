// SPDX-License-Identifier: MIT
#pragma once

#include "util/Result.h"

#include <QString>

namespace Core {

/// The SMTP password, kept by the desktop's keyring through QtKeychain, never in
/// the settings file. TICKDESK_SMTP_PASSWORD, when set, takes precedence (headless use).
namespace Secrets {

/// Waits at most `timeoutMs` for the keyring; empty with the reason when there is none or no password.
Util::Result<QString> smtpPassword(int timeoutMs = 5000);
/// Stores (or, when empty, deletes) the password in the keyring.
Util::Status setSmtpPassword(const QString &password, int timeoutMs = 5000);

} // namespace Secrets
} // namespace Core
