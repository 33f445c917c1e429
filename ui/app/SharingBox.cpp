#include "app/SharingBox.h"

#include "app/QrCode.h"

#include <QtGui/QPixmap>
#include <QtNetwork/QNetworkInterface>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>

namespace hearth::ui {

SharingBox::SharingBox(QWidget *parent)
    : QGroupBox(tr("Share on your network"), parent)
    , m_toggle(new QCheckBox(tr("Let other devices on this network use Hearth"), this))
    , m_port(new QSpinBox(this))
    , m_state(new QLabel(this))
    , m_urls(new QLabel(this))
    , m_qr(new QLabel(this))
    , m_fingerprint(new QLabel(this))
    , m_browser(new QLabel(this))
{
    m_browser->setTextFormat(Qt::RichText);
    m_browser->setOpenExternalLinks(true);
    m_browser->setAccessibleName(tr("Open Hearth in a web browser"));
    m_browser->hide();
    m_fingerprint->setWordWrap(true);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->setAccessibleName(tr("Certificate fingerprint"));
    m_fingerprint->setObjectName(QStringLiteral("messageNote"));
    m_port->setRange(1024, 65535);
    m_port->setValue(8080);
    m_port->setAccessibleName(tr("Port"));
    m_state->setWordWrap(true);
    // Links: they open the web client in this computer's browser too.
    m_urls->setTextFormat(Qt::RichText);
    m_urls->setOpenExternalLinks(true);
    m_urls->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_urls->setAccessibleName(tr("Addresses for other devices"));
    m_qr->setAccessibleName(tr("QR code of the address"));
    m_qr->setFixedSize(180, 180);
    m_qr->setScaledContents(false);
    auto *apply = new QPushButton(tr("Apply"), this);
    connect(apply, &QPushButton::clicked, this,
            [this] { emit sharingRequested(m_toggle->isChecked(), quint16(m_port->value())); });
    connect(m_toggle, &QCheckBox::toggled, this,
            [this](bool on) { emit sharingRequested(on, quint16(m_port->value())); });

    auto *layout = new QGridLayout(this);
    layout->addWidget(m_toggle, 0, 0, 1, 3);
    layout->addWidget(new QLabel(tr("Port:"), this), 1, 0);
    layout->addWidget(m_port, 1, 1);
    layout->addWidget(apply, 1, 2);
    layout->addWidget(m_state, 2, 0, 1, 3);
    layout->addWidget(m_urls, 3, 0, 1, 3);
    layout->addWidget(m_fingerprint, 4, 0, 1, 4);
    layout->addWidget(m_browser, 5, 0, 1, 4);
    layout->addWidget(m_qr, 0, 3, 4, 1);
    layout->setColumnStretch(1, 1);
    showState(false, 0, {});
}

QStringList SharingBox::networkUrls(quint16 port, const QString &scheme)
{
    QStringList urls;
    for (const QNetworkInterface &nic : QNetworkInterface::allInterfaces()) {
        const auto flags = nic.flags();
        if (!(flags & QNetworkInterface::IsUp) || (flags & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : nic.addressEntries()) {
            const QHostAddress ip = entry.ip();
            if (ip.protocol() == QAbstractSocket::IPv4Protocol && !ip.isLoopback())
                urls << QStringLiteral("%1://%2:%3").arg(scheme, ip.toString()).arg(port);
        }
    }
    return urls;
}

QString SharingBox::shownFingerprint() const
{
    return m_fingerprint->isHidden() ? QString() : m_fingerprint->text();
}

void SharingBox::showState(bool shared, quint16 port, const QString &error,
                           const QString &tlsFingerprint)
{
    {
        const QSignalBlocker quiet(m_toggle);
        m_toggle->setChecked(shared);
    }
    if (shared)
        m_port->setValue(port);
    const bool tls = shared && !tlsFingerprint.isEmpty();
    m_shownUrls = shared ? networkUrls(port, tls ? QStringLiteral("https") : QStringLiteral("http"))
                         : QStringList();
    // Other devices warn about a certificate no authority signed: the user
    // accepts it once they see the same fingerprint here.
    m_fingerprint->setText(
        tls ? tr("Secured with this computer's own certificate. When a device warns about it, "
                 "check that it shows this SHA-256 fingerprint:\n%1")
                  .arg(tlsFingerprint)
            : QString());
    m_fingerprint->setVisible(tls);
    if (!error.isEmpty())
        m_state->setText(tr("Could not change sharing: %1").arg(error));
    else if (!shared)
        m_state->setText(tr("Only this computer can use Hearth."));
    else if (m_shownUrls.isEmpty())
        m_state->setText(tr("Shared on port %1, but this computer has no network address right "
                            "now.")
                             .arg(port));
    else
        m_state->setText(tr("Shared. On another device, open one of these addresses in a web "
                            "browser or scan the code, and sign in with an account an admin made "
                            "for you:"));
    QStringList links;
    for (const QString &url : std::as_const(m_shownUrls))
        links << QStringLiteral("<a href=\"%1/\">%1</a>").arg(url.toHtmlEscaped());
    m_urls->setText(links.join(QStringLiteral("<br>")));
    m_urls->setVisible(!m_shownUrls.isEmpty());
    // Whole pixels a module, as large as the label allows: crisp to scan.
    QImage qr = m_shownUrls.isEmpty() ? QImage() : qrCodeImage(m_shownUrls.first(), 1);
    if (!qr.isNull())
        qr = qrCodeImage(m_shownUrls.first(), qMax(1, m_qr->width() / qr.width()));
    m_qr->setPixmap(qr.isNull() ? QPixmap() : QPixmap::fromImage(qr));
    m_qr->setAlignment(Qt::AlignCenter);
    m_qr->setVisible(!qr.isNull());
}

void SharingBox::setLocalUrl(const QString &url)
{
    m_localUrl = url;
    m_browser->setText(tr("Hearth also works in a web browser: <a href=\"%1/\">open it on this "
                          "computer</a>.")
                           .arg(url.toHtmlEscaped()));
    m_browser->setVisible(!url.isEmpty());
}

} // namespace hearth::ui
