#include "app/ConnectDialog.h"

#include "app/FormDialog.h"
#include "client/ApiConnection.h"

#include <QtCore/QCoreApplication>
#include <QtWidgets/QLineEdit>

namespace hearth::ui {

QUrl serverUrlFromInput(const QString &input)
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("http://"));
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    // The API lives at the root: drop a trailing "/" or a pasted "/v1".
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.endsWith(QLatin1String("/v1")))
        path.chop(3);
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

namespace {
// The certificate the user was shown for one address; trusted when they
// submit again without changing the address.
struct CertificateOffer
{
    QUrl server;
    QString fingerprint;
};

// What the user is asked about a certificate no authority vouches for.
QString certificateQuestion(bool changed, const QString &fingerprint)
{
    const QString lead =
        changed
            ? QCoreApplication::translate("ConnectDialog",
                                          "This server's certificate has changed since you last "
                                          "connected. If you did not renew it, someone may be "
                                          "listening in: do not connect.")
            : QCoreApplication::translate("ConnectDialog", "This server uses its own certificate.");
    // %1 is the sentence above (languages differ in how they join sentences).
    return QCoreApplication::translate("ConnectDialog",
                                       "%1 Compare its SHA-256 fingerprint with the one shown in "
                                       "Settings on that computer:\n%2\n"
                                       "Connect only if they are the same.")
        .arg(lead, fingerprint);
}
} // namespace

FormDialog *openConnectDialog(QWidget *parent, const QString &url, const QString &email,
                              const QString &note, const QString &pinnedCertificate,
                              Connected connected)
{
    auto *dialog = new FormDialog(
        QCoreApplication::translate("ConnectDialog", "Connect to a Hearth server"), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *address = new QLineEdit(url, dialog);
    address->setPlaceholderText(QCoreApplication::translate(
        "ConnectDialog", "e.g. http://192.168.1.20:8080 — shown in Settings on that computer"));
    auto *login = new QLineEdit(email, dialog);
    login->setPlaceholderText(QStringLiteral("name@example.com"));
    auto *password = new QLineEdit(dialog);
    password->setEchoMode(QLineEdit::Password);
    dialog->addRow(QCoreApplication::translate("ConnectDialog", "Server &address:"), address);
    dialog->addRow(QCoreApplication::translate("ConnectDialog", "&Email:"), login);
    dialog->addRow(QCoreApplication::translate("ConnectDialog", "&Password:"), password);
    dialog->addNote(note.isEmpty()
                        ? QCoreApplication::translate(
                              "ConnectDialog", "Hearth keeps you signed in with a token in this "
                                               "system's keychain; your password is not stored.")
                        : note);
    dialog->setSubmitText(QCoreApplication::translate("ConnectDialog", "Connect"));
    (url.isEmpty() ? address : email.isEmpty() ? login : password)->setFocus();

    auto offer = std::make_shared<CertificateOffer>();
    if (!pinnedCertificate.isEmpty())
        *offer = {serverUrlFromInput(url), pinnedCertificate};
    QObject::connect(address, &QLineEdit::textEdited, dialog, [=] {
        if (!offer->fingerprint.isEmpty() && serverUrlFromInput(address->text()) != offer->server)
            dialog->setSubmitText(QCoreApplication::translate("ConnectDialog", "Connect"));
    });

    QObject::connect(dialog, &FormDialog::submitted, dialog, [=] {
        const QUrl server = serverUrlFromInput(address->text());
        if (server.isEmpty()) {
            dialog->showError(QCoreApplication::translate(
                "ConnectDialog", "That is not a server address. Type it as shown on the "
                                 "server, e.g. http://192.168.1.20:8080."));
            return;
        }
        // A child of the dialog until it is handed over, so a closed dialog leaks nothing.
        auto *api = new client::ApiConnection(server, dialog);
        if (offer->server == server)
            api->setPinnedCertificate(offer->fingerprint);
        QObject::connect(
            api->login(login->text().trimmed(), password->text()), &client::ApiCall::finished,
            dialog, [=](const client::ApiResult &result) {
                if (!result.untrustedCertificate.isEmpty()) {
                    const bool changed = offer->server == server && !pinnedCertificate.isEmpty() &&
                                         offer->fingerprint == pinnedCertificate;
                    *offer = {server, result.untrustedCertificate};
                    dialog->showError(certificateQuestion(changed, result.untrustedCertificate));
                    dialog->setSubmitText(
                        QCoreApplication::translate("ConnectDialog", "Trust and connect"));
                    api->deleteLater();
                    return;
                }
                if (!result.ok()) {
                    dialog->showError(
                        result.status == 0
                            ? QCoreApplication::translate("ConnectDialog",
                                                          "No Hearth server answered at %1: %2")
                                  .arg(server.toString(), result.error)
                            : result.error);
                    api->deleteLater();
                    return;
                }
                password->clear();
                api->setParent(nullptr);
                dialog->accept();
                connected(std::unique_ptr<client::ApiConnection>(api));
            });
    });
    dialog->open();
    return dialog;
}

} // namespace hearth::ui
