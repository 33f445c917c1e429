#pragma once

#include "core/Config.h"

#include <QtCore/QObject>

#include <memory>

namespace hearth {

class HearthServerPrivate;

// The whole Hearth server: database, providers, HTTP front and API. Lives on
// one thread (the one that calls start()); embed it in the desktop app's
// server thread or run it in hearth-server's main thread.
class HearthServer final : public QObject
{
    Q_OBJECT
public:
    explicit HearthServer(ServerConfig config, QObject *parent = nullptr);
    ~HearthServer() override;

    // Opens the database, migrates, bootstraps and starts listening.
    bool start(QString *error);
    quint16 port() const;
    QString baseUrl() const;
    // "METHOD /path/:param" for every route, for documentation checks.
    QStringList routes() const;

private:
    std::unique_ptr<HearthServerPrivate> d;
};

} // namespace hearth
