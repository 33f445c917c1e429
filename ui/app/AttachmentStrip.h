#pragma once

#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtWidgets/QWidget>

class QImage;
class QToolButton;

namespace hearth::ui {

// The files a message was sent with: pictures as previews, documents by
// name and size (or how much of a long one the model got). Clicking one asks
// for it whole (openRequested); the previews arrive later (setPreview).
class AttachmentStrip final : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentStrip(const QJsonArray &attachments, QWidget *parent = nullptr);

    QJsonArray attachments() const { return m_attachments; }
    void setPreview(const QString &id, const QImage &thumbnail);
    // How a file's size reads: "790 B", "12 KB", "3.4 MB".
    static QString sizeText(qint64 bytes);

signals:
    void openRequested(const QJsonObject &attachment);

private:
    QJsonArray m_attachments;
    QHash<QString, QToolButton *> m_pictures;
};

} // namespace hearth::ui
