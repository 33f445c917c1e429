#pragma once

#include <QtCore/QString>
#include <QtCore/QUrl>

#include <functional>
#include <memory>

class QWidget;

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

class FormDialog;

// "Connect to a Hearth server": its address, an email and a password. The
// dialog signs in itself and stays open with the reason when that fails;
// `connected` receives the signed-in connection.
//
// A server with its own certificate (a shared desktop's) is trusted on first
// use: the dialog shows the certificate's fingerprint, to compare with the
// one that server's Settings show, and "Trust and connect" pins it. A
// certificate pinned before (`pinnedCertificate`) is trusted at once; a
// different one is shown as changed.
using Connected = std::function<void(std::unique_ptr<client::ApiConnection>)>;
FormDialog *openConnectDialog(QWidget *parent, const QString &url, const QString &email,
                              const QString &note, const QString &pinnedCertificate,
                              Connected connected);

// "192.168.1.20:8080" → "http://192.168.1.20:8080"; empty when it cannot be a
// server address.
QUrl serverUrlFromInput(const QString &input);

} // namespace hearth::ui
