// SPDX-License-Identifier: MIT
#include "NotificationsPage.h"

#include "notify/CurlChannels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtConcurrent/QtConcurrentRun>

namespace Gui {

namespace {

template<typename W>
W *named(W *widget, const char *name)
{
    widget->setObjectName(QString::fromLatin1(name));
    return widget;
}

QStringList split(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        out << part.trimmed();
    return out;
}

} // namespace

NotificationsPage::NotificationsPage(const Core::NotificationSettings &n, const QString &password, QWidget *parent)
    : QWidget(parent)
    , m_email(named(new QCheckBox(tr("Send signals by e-mail"), this), "emailEnabled"))
    , m_host(named(new QLineEdit(n.smtpHost, this), "smtpHost"))
    , m_port(named(new QSpinBox(this), "smtpPort"))
    , m_security(named(new QComboBox(this), "smtpSecurity"))
    , m_user(named(new QLineEdit(n.smtpUser, this), "smtpUser"))
    , m_password(named(new QLineEdit(password, this), "smtpPassword"))
    , m_from(named(new QLineEdit(n.smtpFrom, this), "smtpFrom"))
    , m_recipients(named(new QLineEdit(n.smtpRecipients.join(QStringLiteral(", ")), this), "smtpRecipients"))
    , m_caFile(named(new QLineEdit(n.smtpCaFile, this), "smtpCaFile"))
    , m_emailDigest(named(new QSpinBox(this), "emailDigest"))
    , m_emailAlerts(
          named(new QCheckBox(tr("Alerts too (price moves, news), not only buy and sell"), this), "emailAlerts"))
    , m_webhooks(named(new QPlainTextEdit(n.webhookUrls.join(u'\n'), this), "webhookUrls"))
    , m_webhookDigest(named(new QSpinBox(this), "webhookDigest"))
    , m_webhookAlerts(named(new QCheckBox(tr("Alerts too"), this), "webhookAlerts"))
    , m_test(named(new QPushButton(tr("Send test e-mail"), this), "sendTestEmail"))
    , m_testResult(named(new QLabel(this), "testResult"))
{
    m_email->setChecked(n.emailEnabled);
    m_port->setRange(1, 65535);
    m_port->setValue(n.smtpPort);
    m_security->addItem(tr("STARTTLS (port 587)"), QStringLiteral("starttls"));
    m_security->addItem(tr("TLS (port 465)"), QStringLiteral("tls"));
    m_security->addItem(tr("None (local relays only)"), QStringLiteral("none"));
    m_security->setCurrentIndex(std::max(0, m_security->findData(n.smtpSecurity)));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("kept in the desktop's keyring"));
    m_recipients->setPlaceholderText(tr("trader@example.org, desk@example.org"));
    m_caFile->setPlaceholderText(tr("a certificate to trust, e.g. a self-signed server's (optional)"));
    for (QSpinBox *digest : {m_emailDigest, m_webhookDigest}) {
        digest->setRange(0, 86400);
        digest->setSuffix(tr(" s"));
        digest->setSpecialValueText(tr("off: one message per signal"));
    }
    m_emailDigest->setValue(n.emailDigestSeconds);
    m_webhookDigest->setValue(n.webhookDigestSeconds);
    m_emailAlerts->setChecked(n.emailAlerts);
    m_webhookAlerts->setChecked(n.webhookAlerts);
    m_webhooks->setPlaceholderText(tr("One URL per line; each gets a JSON document per signal (or per digest)."));
    m_webhooks->setMaximumHeight(80);
    m_testResult->setWordWrap(true);

    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Certificate to trust"), QString(),
                                                          tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile);
    caRow->addWidget(browse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    connect(m_test, &QPushButton::clicked, this, &NotificationsPage::sendTest);

    auto *form = new QFormLayout(this);
    form->addRow(m_email);
    form->addRow(tr("SMTP server:"), m_host);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("Security:"), m_security);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To:"), m_recipients);
    form->addRow(tr("Trusted certificate:"), caRow);
    form->addRow(tr("E-mail digest:"), m_emailDigest);
    form->addRow(m_emailAlerts);
    form->addRow(testRow);
    form->addRow(tr("Webhooks:"), m_webhooks);
    form->addRow(tr("Webhook digest:"), m_webhookDigest);
    form->addRow(m_webhookAlerts);
    form->addRow(new QLabel(tr("Every buy and sell signal is kept in an outbox until each channel took it, across "
                               "restarts. Changes apply at the next start."),
                            this));
}

Core::NotificationSettings NotificationsPage::values() const
{
    Core::NotificationSettings n;
    n.emailEnabled = m_email->isChecked();
    n.smtpHost = m_host->text().trimmed();
    n.smtpPort = m_port->value();
    n.smtpSecurity = m_security->currentData().toString();
    n.smtpUser = m_user->text().trimmed();
    n.smtpFrom = m_from->text().trimmed();
    n.smtpRecipients = split(m_recipients->text());
    n.smtpCaFile = m_caFile->text().trimmed();
    n.emailDigestSeconds = m_emailDigest->value();
    n.emailAlerts = m_emailAlerts->isChecked();
    n.webhookUrls = split(m_webhooks->toPlainText());
    n.webhookDigestSeconds = m_webhookDigest->value();
    n.webhookAlerts = m_webhookAlerts->isChecked();
    return n;
}

QString NotificationsPage::password() const
{
    return m_password->text();
}

void NotificationsPage::setPassword(const QString &password)
{
    m_password->setText(password);
}

void NotificationsPage::sendTest()
{
    Core::NotificationSettings n = values();
    n.emailEnabled = true;
    if (const auto status = Core::Settings::validate(n); !status) {
        m_testResult->setText(status.error());
        Q_EMIT testFinished(status.error());
        return;
    }
    Notify::SmtpOptions smtp = Notify::smtpOptions(n, password());
    smtp.timeoutSeconds = 20;
    m_test->setEnabled(false);
    m_testResult->setText(tr("Sending…"));
    auto *watcher = new QFutureWatcher<Notify::SendResult>(this);
    connect(watcher, &QFutureWatcher<Notify::SendResult>::finished, this, [this, watcher] {
        const Notify::SendResult result = watcher->result();
        watcher->deleteLater();
        m_test->setEnabled(true);
        const bool ok = result.outcome == Notify::SendResult::Outcome::Accepted;
        m_testResult->setText(ok ? tr("Sent: the server accepted the test e-mail.")
                                 : tr("Not sent: %1").arg(result.error));
        Q_EMIT testFinished(ok ? QString() : result.error);
    });
    // libcurl blocks: never on the GUI thread.
    watcher->setFuture(QtConcurrent::run([smtp] {
        Storage::OutboxEntry entry;
        Model::Symbol::parse("TEST", entry.signal.symbol);
        entry.signal.side = Model::SignalSide::Buy;
        entry.signal.rule = Model::SignalRule::TraderAlert;
        entry.signal.alertName = QStringLiteral("test");
        entry.signal.reason = QStringLiteral("A test e-mail from TickDesk's settings: notifications reach you.");
        entry.signal.price = 100;
        entry.signal.timestamp = QDateTime::currentMSecsSinceEpoch() * 1000;
        return Notify::SmtpChannel(smtp).send(
            {entry}, QStringLiteral("tickdesk-test-%1").arg(QDateTime::currentMSecsSinceEpoch()));
    }));
}

} // namespace Gui
