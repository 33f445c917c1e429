#include "app/AttachmentTray.h"

#include "app/AttachmentStrip.h"
#include "client/ApiConnection.h"

#include <QtCore/QBuffer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QMimeData>
#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtGui/QDropEvent>
#include <QtGui/QImage>
#include <QtGui/QImageReader>
#include <QtGui/QPixmap>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

namespace hearth::ui {

namespace {
constexpr int thumbSide = 40;

// A small preview read straight at its size (JPEG decodes scaled), so a
// 20-megapixel photo costs little; null for anything that is not a picture.
QImage previewOf(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    if (!reader.canRead())
        return {};
    const QSize size = reader.size();
    if (size.isValid())
        reader.setScaledSize(size.scaled(thumbSide * 2, thumbSide * 2, Qt::KeepAspectRatio));
    return reader.read();
}
} // namespace

struct AttachmentTray::Item
{
    QString name;
    qint64 size = 0;
    QImage preview;
    enum class State { Uploading, Done, Failed } state = State::Uploading;
    QString id;
    QString error;
    bool removed = false;
    QPointer<QWidget> chip;
    QPointer<QProgressBar> bar;
};

AttachmentTray::AttachmentTray(client::ApiConnection &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_row(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("attachmentTray"));
    setAccessibleName(tr("Attached files"));
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->setSpacing(8);
    m_row->addStretch();
    setVisible(false);
}

AttachmentTray::~AttachmentTray() = default;

QAbstractButton *AttachmentTray::makeAttachButton(QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QStringLiteral("attachButton"));
    button->setText(tr("Attach"));
    button->setToolTip(tr("Attach pictures or documents (Ctrl+Shift+A)"));
    button->setAccessibleName(tr("Attach files"));
    button->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+A")));
    connect(button, &QToolButton::clicked, this, [this, button] {
        auto *picker = new QFileDialog(button->window(), tr("Attach files"));
        picker->setFileMode(QFileDialog::ExistingFiles);
        picker->setNameFilters(
            {tr("Pictures and documents (*.png *.jpg *.jpeg *.webp *.gif *.pdf *.txt *.md *.csv "
                "*.json *.log *.py *.js *.ts *.c *.cpp *.h *.java *.go *.rs *.sh *.yaml *.yml "
                "*.xml *.html *.css *.sql)"),
             tr("All files (*)")});
        picker->setAttribute(Qt::WA_DeleteOnClose);
        connect(picker, &QFileDialog::filesSelected, this, &AttachmentTray::addFiles);
        picker->open();
        emit pickerOpened(picker);
    });
    return button;
}

QStringList AttachmentTray::localFiles(const QMimeData *data)
{
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

void AttachmentTray::acceptDropsOn(QWidget *area)
{
    area->setAcceptDrops(true);
    area->installEventFilter(this);
}

bool AttachmentTray::eventFilter(QObject *watched, QEvent *event)
{
    const auto files = &AttachmentTray::localFiles;
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!files(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList paths = files(drop->mimeData());
        if (!paths.isEmpty()) {
            drop->acceptProposedAction();
            addFiles(paths);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void AttachmentTray::addFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        auto file = std::make_shared<QFile>(path);
        if (!file->open(QIODevice::ReadOnly)) {
            emit problem(
                tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file->errorString()));
            continue;
        }
        add(QFileInfo(path).fileName(), file, previewOf(path));
    }
}

void AttachmentTray::addImage(const QImage &image)
{
    auto bytes = std::make_shared<QBuffer>();
    bytes->open(QIODevice::ReadWrite);
    image.save(bytes.get(), "PNG");
    add(tr("image.png"), bytes,
        image.scaled(thumbSide * 2, thumbSide * 2, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

void AttachmentTray::add(const QString &name, std::shared_ptr<QIODevice> content,
                         const QImage &preview)
{
    if (m_items.size() >= maxFiles) {
        emit problem(tr("At most %1 files go with one message.").arg(maxFiles));
        return;
    }
    auto item = std::make_shared<Item>();
    item->name = name;
    item->size = content->size();
    item->preview = preview;
    m_items << item;
    m_row->insertWidget(m_row->count() - 1, chipFor(*item));
    setVisible(true);

    client::ApiCall *call = m_api.upload(name, content);
    connect(call, &client::ApiCall::progress, this, [item](qint64 sent, qint64 total) {
        if (item->bar && total > 0)
            item->bar->setValue(int(sent * 100 / total));
    });
    connect(call, &client::ApiCall::finished, this, [this, item](const client::ApiResult &result) {
        if (item->removed) { // removed while it was on its way
            if (result.ok())
                m_api.remove(QStringLiteral("/v1/attachments/") +
                             result.json.object().value(QLatin1String("id")).toString());
            return;
        }
        item->state = result.ok() ? Item::State::Done : Item::State::Failed;
        item->id = result.json.object().value(QLatin1String("id")).toString();
        item->error = result.error;
        if (result.ok())
            item->size = result.json.object().value(QLatin1String("size")).toInteger(item->size);
        const int at = m_row->indexOf(item->chip);
        delete item->chip;
        m_row->insertWidget(at, chipFor(*item));
        emit changed();
    });
    emit changed();
}

QWidget *AttachmentTray::chipFor(Item &item)
{
    auto *chip = new QFrame(this);
    chip->setObjectName(QStringLiteral("attachmentChip"));
    chip->setProperty("failed", item.state == Item::State::Failed);
    chip->setFrameShape(QFrame::StyledPanel);
    chip->setMaximumWidth(260);
    auto *thumb = new QLabel(chip);
    thumb->setFixedSize(thumbSide, thumbSide);
    thumb->setAlignment(Qt::AlignCenter);
    if (!item.preview.isNull())
        thumb->setPixmap(QPixmap::fromImage(item.preview.scaled(
            thumbSide, thumbSide, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation)));
    else
        thumb->setText(QFileInfo(item.name).suffix().toUpper().left(4));
    auto *name = new QLabel(chip);
    name->setText(name->fontMetrics().elidedText(item.name, Qt::ElideMiddle, 170));
    name->setToolTip(item.name);
    auto *status = new QLabel(chip);
    status->setObjectName(QStringLiteral("messageNote"));
    if (item.state == Item::State::Failed) {
        status->setText(status->fontMetrics().elidedText(item.error, Qt::ElideRight, 170));
        chip->setToolTip(item.error);
    } else {
        status->setText(AttachmentStrip::sizeText(item.size));
    }
    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    text->addWidget(name);
    text->addWidget(status);
    if (item.state == Item::State::Uploading) {
        item.bar = new QProgressBar(chip);
        item.bar->setRange(0, 100);
        item.bar->setTextVisible(false);
        item.bar->setFixedHeight(4);
        item.bar->setAccessibleName(tr("Uploading %1").arg(item.name));
        text->addWidget(item.bar);
    }
    auto *remove = new QToolButton(chip);
    remove->setText(QStringLiteral("×"));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove %1").arg(item.name));
    remove->setAccessibleName(remove->toolTip());
    connect(remove, &QToolButton::clicked, this, [this, target = &item] { this->remove(target); });
    auto *layout = new QHBoxLayout(chip);
    layout->setContentsMargins(4, 4, 2, 4);
    layout->addWidget(thumb);
    layout->addLayout(text, 1);
    layout->addWidget(remove, 0, Qt::AlignTop);
    item.chip = chip;
    return chip;
}

void AttachmentTray::remove(Item *item)
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).get() != item)
            continue;
        item->removed = true;
        if (item->state == Item::State::Done)
            m_api.remove(QStringLiteral("/v1/attachments/") + item->id);
        item->chip->deleteLater();
        m_items.removeAt(i);
        break;
    }
    setVisible(!m_items.isEmpty());
    emit changed();
}

bool AttachmentTray::isUploading() const
{
    return std::any_of(m_items.cbegin(), m_items.cend(),
                       [](const auto &i) { return i->state == Item::State::Uploading; });
}

bool AttachmentTray::hasFiles() const
{
    return !readyIds().isEmpty();
}

QStringList AttachmentTray::readyIds() const
{
    QStringList ids;
    for (const auto &item : m_items) {
        if (item->state == Item::State::Done)
            ids << item->id;
    }
    return ids;
}

QString AttachmentTray::firstName() const
{
    return m_items.isEmpty() ? QString() : m_items.first()->name;
}

void AttachmentTray::clearSent()
{
    for (const auto &item : std::as_const(m_items)) {
        if (item->state != Item::State::Uploading) {
            item->removed = true;
            delete item->chip;
        }
    }
    m_items.removeIf([](const auto &i) { return i->removed; });
    setVisible(!m_items.isEmpty());
    emit changed();
}

} // namespace hearth::ui
