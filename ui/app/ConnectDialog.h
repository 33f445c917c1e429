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
using Connected = std::function<void(std::unique_ptr<client::ApiConnection>)>;
FormDialog *openConnectDialog(QWidget *parent, const QString &url, const QString &email,
                              const QString &note, Connected connected);

// "192.168.1.20:8080" → "http://192.168.1.20:8080"; empty when it cannot be a
// server address.
QUrl serverUrlFromInput(const QString &input);

} // namespace hearth::ui
