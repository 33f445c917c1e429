#include "app/ChatAttachments.h"

#include "app/AttachmentStrip.h"
#include "app/MessageBubble.h"
#include "client/ApiConnection.h"

#include <QtCore/QDir>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QStandardPaths>
#include <QtGui/QImage>
#include <QtGui/QPixmap>
#include <QtGui/QScreen>
#include <QtWidgets/QDialog>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

ChatAttachments::ChatAttachments(client::ApiConnection &api, QWidget *window)
    : QObject(window)
    , m_api(api)
    , m_window(window)
{}

void ChatAttachments::show(MessageBubble *bubble, const QJsonArray &attachments)
{
    AttachmentStrip *strip = bubble->setAttachments(attachments);
    if (!strip)
        return;
    connect(strip, &AttachmentStrip::openRequested, this, &ChatAttachments::open);
    const QPointer<AttachmentStrip> target = strip;
    for (const QJsonValue &value : attachments) {
        const QJsonObject a = value.toObject();
        const QString thumbnail = a.value(QLatin1String("thumbnailUrl")).toString();
        if (thumbnail.isEmpty())
            continue;
        connect(m_api.get(thumbnail), &client::ApiCall::finished, this,
                [target,
                 id = a.value(QLatin1String("id")).toString()](const client::ApiResult &result) {
                    if (target && result.ok())
                        target->setPreview(id, QImage::fromData(result.body));
                });
    }
}

void ChatAttachments::open(const QJsonObject &attachment)
{
    if (attachment.value(QLatin1String("kind")).toString() != QLatin1String("image")) {
        save(attachment);
        return;
    }
    connect(m_api.get(attachment.value(QLatin1String("url")).toString()),
            &client::ApiCall::finished, this,
            [this, name = attachment.value(QLatin1String("name")).toString()](
                const client::ApiResult &result) {
                if (result.ok())
                    showPicture(name, result.body);
            });
}

void ChatAttachments::showPicture(const QString &name, const QByteArray &bytes)
{
    const QImage picture = QImage::fromData(bytes);
    auto *viewer = new QDialog(m_window);
    viewer->setObjectName(QStringLiteral("pictureViewer"));
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->setWindowTitle(name);
    auto *label = new QLabel(viewer);
    label->setAlignment(Qt::AlignCenter);
    // Whole, but no larger than most of the screen.
    const QSize room =
        (m_window->screen() ? m_window->screen()->availableSize() : QSize(1280, 800)) * 0.85;
    QPixmap pixmap = QPixmap::fromImage(picture);
    if (pixmap.width() > room.width() || pixmap.height() > room.height())
        pixmap = pixmap.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    label->setPixmap(pixmap);
    auto *layout = new QVBoxLayout(viewer);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    viewer->open();
    emit pictureShown(viewer);
}

void ChatAttachments::save(const QJsonObject &attachment)
{
    const QString name = attachment.value(QLatin1String("name")).toString();
    auto *dialog = new QFileDialog(
        m_window, tr("Save %1").arg(name),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)).filePath(name));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, url = attachment.value(QLatin1String("url")).toString()](const QString &file) {
                m_api.download(url, file);
            });
    dialog->open();
}

} // namespace hearth::ui
