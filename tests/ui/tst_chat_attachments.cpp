#include "ApiClient.h"
#include "FakeUpstream.h"
#include "TestServer.h"
#include "UiTestSupport.h"

#include "app/AttachmentStrip.h"
#include "app/AttachmentTray.h"
#include "app/ChatAttachments.h"
#include "app/ChatPanel.h"
#include "app/Composer.h"
#include "app/ErrorBanner.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/MessageBubble.h"
#include "app/MessageView.h"
#include "client/ApiConnection.h"

#include <QtCore/QMimeData>
#include <QtCore/QTemporaryDir>
#include <QtGui/QClipboard>
#include <QtGui/QDropEvent>
#include <QtGui/QGuiApplication>
#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QToolButton>

using namespace hearth;

// Pictures and documents in the desktop chat: attached by the button's file
// picker, dropped on the chat and pasted from the clipboard, uploaded with
// their chips, sent (the fake provider says what it got), shown under the
// question with previews that open whole, and kept when a model cannot see.
class TestChatAttachments final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;
    QTemporaryDir m_files;
    std::unique_ptr<client::ApiConnection> m_api;
    std::unique_ptr<ui::MainWindow> m_window;

    ui::ChatPanel *chat() const { return m_window->chat(); }
    ui::AttachmentTray *tray() const { return chat()->attachmentTray(); }
    QList<ui::MessageBubble *> bubbles() const { return chat()->view()->bubbles(); }

    static QImage picture()
    {
        QImage image(320, 200, QImage::Format_RGB32);
        image.fill(QColor(0xe8, 0x69, 0x1e));
        QPainter(&image).fillRect(40, 40, 120, 80, Qt::white);
        return image;
    }
    QString file(const QString &name, const QByteArray &bytes) const
    {
        QFile out(m_files.filePath(name));
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            return {};
        return out.fileName();
    }
    QString pictureFile(const QString &name) const
    {
        const QString path = m_files.filePath(name);
        return picture().save(path) ? path : QString();
    }
    bool chooseModel(const QString &id) { return ::chooseModel(chat(), id); }
    void dropOnChat(const QStringList &paths)
    {
        auto *data = new QMimeData;
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls << QUrl::fromLocalFile(path);
        data->setUrls(urls);
        const QPointF at(chat()->width() / 2, chat()->height() / 2);
        QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(chat(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(chat(), &drop);
        QVERIFY(drop.isAccepted());
        delete data;
    }
    void pasteScreenshot()
    {
        QGuiApplication::clipboard()->setImage(picture());
        chat()->composer()->setFocus();
        chat()->composer()->paste();
    }
    void pickWithTheButton(const QString &path)
    {
        QSignalSpy opened(tray(), &ui::AttachmentTray::pickerOpened);
        auto *button = chat()->findChild<QToolButton *>(QStringLiteral("attachButton"));
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(opened.count() == 1 || opened.wait(5000));
        auto *picker = qobject_cast<QFileDialog *>(opened.first().first().value<QWidget *>());
        QVERIFY(picker);
        QSignalSpy chosen(picker, &QFileDialog::filesSelected);
        picker->setDirectory(QFileInfo(path).absolutePath());
        picker->selectFile(QFileInfo(path).fileName());
        QMetaObject::invokeMethod(picker, "accept");
        QCOMPARE(chosen.count(), 1);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        m_server.config.providers = {{m_upstream.baseUrl(), QString()}};
        QVERIFY(m_server.start());
        ui::installLanguage(QStringLiteral("en"));
    }

    void init()
    {
        m_api = signedInConnection(m_server.baseUrl(), TestServer::adminEmail,
                                   TestServer::adminPassword);
        QVERIFY(m_api);
        m_window = std::make_unique<ui::MainWindow>(*m_api);
        m_window->resize(1100, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(chooseModel(QStringLiteral("fake-echo")));
    }

    void cleanup()
    {
        m_window.reset();
        m_api.reset();
    }

    void byButtonDropAndPaste()
    {
        pickWithTheButton(pictureFile(QStringLiteral("photo.png")));
        dropOnChat({file(QStringLiteral("notes.md"), "# Notes\n\nline one\nline two\n")});
        pasteScreenshot();
        QCOMPARE(chat()->composer()->toPlainText(), QString()); // the picture is no text
        QVERIFY(tray()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(tray()->readyIds().size(), 3, 10000);
        chat()->composer()->setPlainText(QStringLiteral("What are these?"));
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("chat_attach_tray_en")));

        QSignalSpy finished(chat(), &ui::ChatPanel::replyFinished);
        chat()->send();
        QVERIFY(finished.wait(10000));
        const QString echoed = bubbles().last()->text();
        QCOMPARE(echoed.count(QStringLiteral("[picture image/png, ")), 2);
        QVERIFY2(echoed.contains(QStringLiteral("File: notes.md")) &&
                     echoed.contains(QStringLiteral("line two")),
                 qPrintable(echoed));
        QVERIFY(tray()->isHidden());
        QVERIFY(tray()->readyIds().isEmpty());

        // Under the question: the previews arrive, and a picture opens whole.
        ui::AttachmentStrip *strip = bubbles().at(0)->attachmentStrip();
        QVERIFY(strip);
        QCOMPARE(strip->attachments().size(), 3);
        const auto pictures =
            strip->findChildren<QToolButton *>(QStringLiteral("attachmentButton"));
        QTRY_COMPARE_WITH_TIMEOUT(std::count_if(pictures.cbegin(), pictures.cend(),
                                                [](QToolButton *b) { return !b->icon().isNull(); }),
                                  qsizetype(2), 10000);
        QSignalSpy shown(chat()->attachments(), &ui::ChatAttachments::pictureShown);
        QTest::mouseClick(pictures.first(), Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        auto *viewer = shown.first().first().value<QWidget *>();
        const QLabel *whole = viewer->findChild<QLabel *>();
        QVERIFY(whole && !whole->pixmap().isNull());
        QCOMPARE(whole->pixmap().size(), QSize(320, 200));
        viewer->close();
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("chat_attach_sent_en")));

        // Writing the reply again sends the files again.
        const qsizetype before = m_upstream.received.size();
        chat()->regenerate();
        QVERIFY(finished.wait(10000));
        QVERIFY(m_upstream.received.size() > before);
        QCOMPARE(m_upstream.received.last().rawBody.count("\"type\":\"image_url\""), 2);
        QVERIFY(bubbles().at(0)->attachmentStrip());
        QCOMPARE(bubbles().at(0)->attachmentIds().size(), 3);
    }

    // A model that reads text only: the server refuses, nothing is lost.
    void aTextOnlyModelKeepsTheFiles()
    {
        QVERIFY(chooseModel(QStringLiteral("fake-markdown")));
        pasteScreenshot();
        QTRY_COMPARE_WITH_TIMEOUT(tray()->readyIds().size(), 1, 10000);
        chat()->composer()->setPlainText(QStringLiteral("see?"));
        const qsizetype before = m_upstream.received.size();
        chat()->send();
        QTRY_VERIFY_WITH_TIMEOUT(chat()->errorBanner()->isVisible(), 10000);
        QVERIFY(chat()->errorBanner()->findChild<QLabel *>()->text().contains(
            QStringLiteral("cannot see pictures")));
        QCOMPARE(tray()->readyIds().size(), 1);
        QCOMPARE(chat()->composer()->toPlainText(), QStringLiteral("see?"));
        QCOMPARE(m_upstream.received.size(), before);
    }

    void theChatInChinese()
    {
        QVERIFY(chooseModel(QStringLiteral("fake-echo")));
        pickWithTheButton(pictureFile(QStringLiteral("照片.png")));
        QTRY_COMPARE_WITH_TIMEOUT(tray()->readyIds().size(), 1, 10000);
        chat()->composer()->setPlainText(QStringLiteral("这是什么？"));
        QSignalSpy finished(chat(), &ui::ChatPanel::replyFinished);
        chat()->send();
        QVERIFY(finished.wait(10000));
        const QString id = chat()->conversationId();
        const QJsonObject conversation = chat()->conversation();
        m_window.reset();
        ui::installLanguage(QStringLiteral("zh_CN"));
        m_window = std::make_unique<ui::MainWindow>(*m_api);
        m_window->resize(1100, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy shown(chat(), &ui::ChatPanel::historyShown);
        chat()->open(id, conversation);
        QVERIFY(shown.wait(10000));
        QVERIFY(bubbles().at(0)->attachmentStrip());
        dropOnChat({file(QStringLiteral("说明.txt"), "第一行\n")});
        QTRY_COMPARE_WITH_TIMEOUT(tray()->readyIds().size(), 1, 10000);
        QVERIFY(saveScreenshot(*m_window, QStringLiteral("chat_attach_zh")));
        ui::installLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestChatAttachments)
#include "tst_chat_attachments.moc"
