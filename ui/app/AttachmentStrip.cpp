#include "app/AttachmentStrip.h"

#include <QtCore/QLocale>
#include <QtGui/QImage>
#include <QtGui/QPixmap>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QToolButton>

namespace hearth::ui {

namespace {
constexpr QSize previewSize(160, 120);
}

QString AttachmentStrip::sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return tr("%1 KB").arg((bytes + 512) / 1024);
    return tr("%1 MB").arg(QLocale().toString(double(bytes) / (1024 * 1024), 'f', 1));
}

AttachmentStrip::AttachmentStrip(const QJsonArray &attachments, QWidget *parent)
    : QWidget(parent)
    , m_attachments(attachments)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);
    for (const QJsonValue &value : attachments) {
        const QJsonObject a = value.toObject();
        const QString name = a.value(QLatin1String("name")).toString();
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("attachmentButton"));
        button->setAutoRaise(true);
        if (a.value(QLatin1String("kind")).toString() == QLatin1String("image")) {
            button->setIconSize(previewSize);
            button->setFixedSize(previewSize + QSize(8, 8));
            button->setToolTip(tr("%1 — click to see it whole").arg(name));
            button->setAccessibleName(tr("Picture %1").arg(name));
            m_pictures.insert(a.value(QLatin1String("id")).toString(), button);
        } else {
            const qint64 characters = a.value(QLatin1String("characters")).toInteger();
            const qint64 sent = a.value(QLatin1String("charactersSent")).toInteger(characters);
            const QString detail =
                sent < characters
                    ? tr("The model got the first %1 of %2 characters")
                          .arg(QLocale().toString(sent), QLocale().toString(characters))
                    : sizeText(a.value(QLatin1String("size")).toInteger());
            button->setText(QStringLiteral("%1\n%2").arg(name, detail));
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            button->setAutoRaise(false); // framed, as a file is
            button->setToolTip(tr("Save %1").arg(name));
            button->setAccessibleName(tr("Document %1").arg(name));
            button->setProperty("cut", sent < characters);
        }
        connect(button, &QToolButton::clicked, this, [this, a] { emit openRequested(a); });
        row->addWidget(button);
    }
    row->addStretch();
}

void AttachmentStrip::setPreview(const QString &id, const QImage &thumbnail)
{
    if (QToolButton *button = m_pictures.value(id)) {
        button->setIcon(QPixmap::fromImage(
            thumbnail.scaled(previewSize, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    }
}

} // namespace hearth::ui
