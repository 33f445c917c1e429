#pragma once

#include <QtCore/QList>
#include <QtCore/QStringList>
#include <QtWidgets/QWidget>

#include <memory>

class QAbstractButton;
class QHBoxLayout;
class QImage;
class QIODevice;
class QMimeData;

namespace hearth::client {
class ApiConnection;
}

namespace hearth::ui {

// Files going with the next message, under the composer's text: each is
// uploaded as soon as it is added (picked, dropped or pasted), with its
// progress, and can be removed. A chip per file shows a preview (pictures)
// or the file's name and size, or why the server refused it.
class AttachmentTray final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int maxFiles = 10; // with one message, as the server allows

    explicit AttachmentTray(client::ApiConnection &api, QWidget *parent = nullptr);
    ~AttachmentTray() override;

    // A button that opens a file picker for pictures and documents.
    QAbstractButton *makeAttachButton(QWidget *parent);
    // Files dropped anywhere on `area` are added.
    void acceptDropsOn(QWidget *area);

    void addFiles(const QStringList &paths);
    // The files on this computer among dragged or pasted data.
    static QStringList localFiles(const QMimeData *data);
    // A picture from the clipboard (a screenshot), sent as a PNG.
    void addImage(const QImage &image);
    bool isUploading() const;
    bool hasFiles() const;
    // The uploaded files' ids, in the order they were added.
    QStringList readyIds() const;
    // The first file's name (a chat sent with files alone is named after it).
    QString firstName() const;
    // The files went with a message: forget them (they stay on the server).
    void clearSent();

signals:
    void changed();
    // The file picker is open (tests choose the files).
    void pickerOpened(QWidget *picker);
    void problem(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Item;
    void add(const QString &name, std::shared_ptr<QIODevice> content, const QImage &preview);
    void remove(Item *item);
    QWidget *chipFor(Item &item);

    client::ApiConnection &m_api;
    QHBoxLayout *m_row;
    QList<std::shared_ptr<Item>> m_items;
};

} // namespace hearth::ui
