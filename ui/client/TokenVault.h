#pragma once

#include <QtCore/QObject>

#include <functional>

namespace hearth::client {

// Where the desktop app keeps a remote server's refresh token between
// starts: the operating system's keychain (Secret Service on Linux), never a
// plain file. When the system has no keychain the calls fail with a reason
// and the app asks for the password again next time instead.
class TokenVault final : public QObject
{
    Q_OBJECT
public:
    explicit TokenVault(QString service = QStringLiteral("Hearth"), QObject *parent = nullptr);

    // The account key for a login on a server.
    static QString account(const QString &serverUrl, const QString &email);

    using Done = std::function<void(const QString &error)>;
    // `token` is empty (and `error` too) when nothing is stored.
    using Found = std::function<void(const QString &token, const QString &error)>;
    void read(const QString &account, QObject *context, Found found);
    void write(const QString &account, const QString &token, QObject *context, Done done);
    void remove(const QString &account, QObject *context, Done done);

private:
    QString m_service;
};

} // namespace hearth::client
