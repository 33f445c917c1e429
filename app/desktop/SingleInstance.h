#pragma once

#include <QtCore/QObject>

class QLocalServer;

namespace hearth {

// One desktop app per data folder: the first launch claims a local socket
// named after the folder; a second launch finds it, asks the first to come
// to the front, and leaves.
class SingleInstance final : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);

    // True when this process is the first; false after telling the first.
    bool claim();

signals:
    // Another launch asked this one to show itself.
    void activationRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace hearth
