// SPDX-License-Identifier: MIT
#include "CurlChannels.h"

#include "MessageText.h"

#include <QDateTime>
#include <QLocale>

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

using namespace Qt::StringLiterals;

namespace Notify {

void initCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

namespace {

struct CurlDeleter
{
    void operator()(CURL *c) const { curl_easy_cleanup(c); }
};
struct ListDeleter
{
    void operator()(curl_slist *l) const { curl_slist_free_all(l); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;
using CurlList = std::unique_ptr<curl_slist, ListDeleter>;

struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

std::size_t readUpload(char *buffer, std::size_t size, std::size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const auto n = std::min<qsizetype>(qsizetype(size * count), upload->data.size() - upload->offset);
    std::memcpy(buffer, upload->data.constData() + upload->offset, std::size_t(n));
    upload->offset += n;
    return std::size_t(n);
}

std::size_t discard(char *, std::size_t size, std::size_t count, void *)
{
    return size * count;
}

QString curlError(CURLcode code, const char *detail)
{
    const QString text = QString::fromUtf8(detail && *detail ? detail : curl_easy_strerror(code));
    switch (code) {
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
        return u"the server's TLS certificate is not trusted (%1); trust it with its certificate file"_s.arg(text);
    case CURLE_USE_SSL_FAILED:
        return u"the server does not offer STARTTLS (%1)"_s.arg(text);
    case CURLE_LOGIN_DENIED:
        return u"the server refused the user name or password (%1)"_s.arg(text);
    default:
        return text;
    }
}

/// RFC 2047 for a header that may hold more than ASCII.
QByteArray encodedHeader(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8)
        if (static_cast<unsigned char>(c) >= 0x80)
            return "=?UTF-8?B?" + utf8.toBase64() + "?=";
    return utf8;
}

QByteArray crlf(const QString &text)
{
    QByteArray out = text.toUtf8();
    out.replace("\r\n", "\n").replace('\n', "\r\n");
    return out;
}

} // namespace

SmtpOptions smtpOptions(const Core::NotificationSettings &n, const QString &password)
{
    SmtpOptions smtp;
    smtp.host = n.smtpHost;
    smtp.port = n.smtpPort;
    smtp.security = n.smtpSecurity == u"none"_s  ? SmtpOptions::Security::None
                    : n.smtpSecurity == u"tls"_s ? SmtpOptions::Security::Tls
                                                 : SmtpOptions::Security::StartTls;
    smtp.user = n.smtpUser;
    smtp.password = password;
    smtp.from = n.smtpFrom;
    smtp.recipients = n.smtpRecipients;
    smtp.caFile = n.smtpCaFile;
    return smtp;
}

SmtpChannel::SmtpChannel(SmtpOptions options)
    : m_options(std::move(options))
{
    initCurl();
}

SendResult SmtpChannel::send(const std::vector<Storage::OutboxEntry> &entries, const QString &messageId)
{
    CurlHandle curl(curl_easy_init());
    if (!curl)
        return SendResult::retry(u"cannot start the mail client"_s);
    const bool implicitTls = m_options.security == SmtpOptions::Security::Tls;
    const QByteArray url =
        (implicitTls ? "smtps://" : "smtp://") + m_options.host.toUtf8() + ':' + QByteArray::number(m_options.port);
    const QByteArray from = m_options.from.toUtf8();
    const QByteArray user = m_options.user.toUtf8(), password = m_options.password.toUtf8();
    const QByteArray caFile = m_options.caFile.toUtf8();
    const QByteArray mailFrom = '<' + from + '>';
    CurlList recipients;
    for (const QString &r : m_options.recipients)
        recipients.reset(curl_slist_append(recipients.release(), QByteArray('<' + r.toUtf8() + '>').constData()));

    Upload upload;
    upload.data =
        "Date: " +
        QLocale::c().toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy HH:mm:ss '+0000'"_s).toLatin1() +
        "\r\nFrom: " + from + "\r\nTo: " + m_options.recipients.join(u", "_s).toUtf8() + "\r\nMessage-ID: <" +
        messageId.toUtf8() + "@tickdesk>\r\nSubject: " + encodedHeader(subjectOf(entries)) +
        "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\nX-Mailer: TickDesk\r\n\r\n" +
        crlf(bodyOf(entries));

    char errorBuffer[CURL_ERROR_SIZE] = {};
    CURL *c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorBuffer);
    if (m_options.security == SmtpOptions::Security::StartTls)
        curl_easy_setopt(c, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.constData());
    }
    if (!caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, mailFrom.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, &readUpload);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, long(std::min(10, m_options.timeoutSeconds)));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, long(m_options.timeoutSeconds));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    const CURLcode code = curl_easy_perform(c);
    if (code == CURLE_OK)
        return SendResult::accepted();
    long response = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response);
    const QString error = curlError(code, errorBuffer);
    // 5xx from the server is a refusal of this message (e.g. an unknown recipient); the rest may pass later.
    if (response >= 500 && response < 600)
        return SendResult::permanent(u"the mail server refused the message (%1): %2"_s.arg(response).arg(error));
    return SendResult::retry(error);
}

WebhookChannel::WebhookChannel(WebhookOptions options)
    : m_options(std::move(options))
{
    initCurl();
}

QString WebhookChannel::name() const
{
    return u"webhook:"_s + m_options.url;
}

SendResult WebhookChannel::send(const std::vector<Storage::OutboxEntry> &entries, const QString &messageId)
{
    CurlHandle curl(curl_easy_init());
    if (!curl)
        return SendResult::retry(u"cannot start the HTTP client"_s);
    const QByteArray url = m_options.url.toUtf8();
    const QByteArray body = jsonOf(entries, messageId);
    CurlList headers;
    for (const QByteArray &h :
         {QByteArray("Content-Type: application/json"), QByteArray("Idempotency-Key: " + messageId.toUtf8()),
          QByteArray("User-Agent: TickDesk")})
        headers.reset(curl_slist_append(headers.release(), h.constData()));
    char errorBuffer[CURL_ERROR_SIZE] = {};
    CURL *c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, long(body.size()));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &discard);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, long(std::min(10, m_options.timeoutSeconds)));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, long(m_options.timeoutSeconds));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    const CURLcode code = curl_easy_perform(c);
    if (code != CURLE_OK)
        return SendResult::retry(curlError(code, errorBuffer));
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300)
        return SendResult::accepted();
    const QString error = u"the webhook answered HTTP %1"_s.arg(status);
    if (status >= 400 && status < 500 && status != 408 && status != 429)
        return SendResult::permanent(error);
    return SendResult::retry(error);
}

} // namespace Notify
