#pragma once

#include <QtCore/QObject>

class QDBusMessage;

namespace hearth::ui {

// Whether the desktop wants dark windows, as its settings portal says
// (org.freedesktop.appearance color-scheme: GNOME, KDE and others), read
// without waiting and followed as it changes. Qt 6.4 cannot ask this
// itself, and its own palette stays light under a dark GNOME. Without a
// portal, nothing is said and the platform's palette stands.
class SystemColorScheme final : public QObject
{
    Q_OBJECT
public:
    explicit SystemColorScheme(QObject *parent = nullptr);
    void start();

signals:
    void changed(bool prefersDark);

private slots:
    // The whole message: (group, key, value).
    void onSettingChanged(const QDBusMessage &message);

private:
    void take(const QVariant &value);
};

} // namespace hearth::ui
