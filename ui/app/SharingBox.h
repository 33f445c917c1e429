#pragma once

#include <QtWidgets/QGroupBox>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace hearth::ui {

// "Share on your network": off by default. Turning it on asks the embedded
// server to listen on every address at the chosen port; the box then shows
// the addresses other devices use, and a QR code of the first one.
class SharingBox final : public QGroupBox
{
    Q_OBJECT
public:
    explicit SharingBox(QWidget *parent = nullptr);

    // What the server did (after a request, or at start); with a TLS
    // fingerprint the addresses are https and the fingerprint is shown for
    // other devices to check.
    void showState(bool shared, quint16 port, const QString &error,
                   const QString &tlsFingerprint = {});
    QStringList shownUrls() const { return m_shownUrls; }
    // The embedded server's own address: the box links to the web client
    // there, for this computer's browser.
    void setLocalUrl(const QString &url);
    QString localUrl() const { return m_localUrl; }
    QString shownFingerprint() const;
    QCheckBox *toggle() const { return m_toggle; }
    QSpinBox *port() const { return m_port; }
    // The addresses of this computer other devices can reach, as URLs.
    static QStringList networkUrls(quint16 port, const QString &scheme = QStringLiteral("http"));

signals:
    void sharingRequested(bool on, quint16 port);

private:
    QCheckBox *m_toggle;
    QSpinBox *m_port;
    QLabel *m_state;
    QLabel *m_urls;
    QLabel *m_qr;
    QLabel *m_fingerprint;
    QLabel *m_browser;
    QStringList m_shownUrls;
    QString m_localUrl;
};

} // namespace hearth::ui
