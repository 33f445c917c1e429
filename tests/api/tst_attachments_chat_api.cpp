#include "ChatFixture.h"
#include "DbPeek.h"

#include <QtCore/QBuffer>
#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtGui/QPdfWriter>
#include <QtTest/QTest>

// Attachments sent with a message: they reach the provider as OpenAI content
// parts (pictures as image_url, documents as text), are listed with their
// message, belong to one user and one conversation, and go with it.
class TestAttachmentsChatApi final : public QObject
{
    Q_OBJECT
    ChatFixture m_chat;
    FakeUpstream &m_upstream = m_chat.upstream;
    std::unique_ptr<ApiClient> &m_client = m_chat.client;

    static QByteArray png(QColor colour)
    {
        QImage image(16, 12, QImage::Format_RGB32);
        image.fill(colour);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    }

    // A PDF of `pages` pages with text on each (empty texts: a picture only,
    // as a scan has).
    static QByteArray pdf(const QStringList &pages)
    {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        QPainter painter(&writer);
        for (qsizetype i = 0; i < pages.size(); ++i) {
            if (i > 0)
                writer.newPage();
            if (pages[i].isEmpty())
                painter.fillRect(QRect(100, 100, 2000, 2000), Qt::gray);
            else
                painter.drawText(QPointF(300, 600), pages[i]);
        }
        painter.end();
        return bytes;
    }

    // A PDF locked by a password (the standard security handler with a
    // user password nobody knows), written out by hand.
    static QByteArray lockedPdf()
    {
        const QByteArray hex32 = QByteArray(32, '\x5a').toHex();
        const QList<QByteArray> objects{
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            "<< /Filter /Standard /V 1 /R 2 /O <" + hex32 + "> /U <" + hex32 + "> /P -44 >>"};
        QByteArray out = "%PDF-1.4\n";
        QList<qsizetype> offsets;
        for (qsizetype i = 0; i < objects.size(); ++i) {
            offsets << out.size();
            out += QByteArray::number(i + 1) + " 0 obj " + objects[i] + " endobj\n";
        }
        const qsizetype xref = out.size();
        out += "xref\n0 5\n0000000000 65535 f \n";
        for (const qsizetype offset : offsets)
            out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
        const QByteArray id = QByteArray(16, '\x11').toHex();
        out += "trailer << /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<" + id + "> <" + id +
               ">] >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
        return out;
    }

    QString upload(ApiClient &client, const QByteArray &bytes, const QString &name)
    {
        const ApiReply made =
            client.request("POST", QStringLiteral("/v1/attachments?name=") + name, bytes, {});
        return made.status == 201 ? made.json().value(QLatin1String("id")).toString() : QString();
    }

    ApiReply send(ApiClient &client, const QString &conversation, const QString &text,
                  const QStringList &attachments)
    {
        QJsonObject body = ApiClient::userMessage(text, QStringLiteral("fake-stream"));
        body.insert(QStringLiteral("attachments"), QJsonArray::fromStringList(attachments));
        return client.post(QStringLiteral("/v1/conversations/%1/messages").arg(conversation), body);
    }

    // The content parts of the last message the provider received.
    QJsonArray lastParts() const
    {
        const QJsonArray messages =
            m_upstream.received.last().body.value(QLatin1String("messages")).toArray();
        return messages.last().toObject().value(QLatin1String("content")).toArray();
    }

private slots:
    void initTestCase()
    {
        m_chat.server.config.maxUploadBytes = 6 * 1024 * 1024; // five million characters fit
        QVERIFY(m_chat.start());
    }

    void aPictureAndADocumentReachTheProvider()
    {
        const QByteArray picture = png(Qt::red);
        const QString pictureId = upload(*m_client, picture, QStringLiteral("red.png"));
        const QString notesId =
            upload(*m_client, QString::fromUtf8("第一行\nsecond line\n").toUtf8(),
                   QStringLiteral("notes.md"));
        QVERIFY(!pictureId.isEmpty() && !notesId.isEmpty());
        const QString conversation = m_chat.newConversation();
        QCOMPARE(
            send(*m_client, conversation, QStringLiteral("What are these?"), {pictureId, notesId})
                .status,
            200);

        const QJsonArray parts = lastParts();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts[0][QLatin1String("type")].toString(), QStringLiteral("text"));
        QCOMPARE(parts[0][QLatin1String("text")].toString(), QStringLiteral("What are these?"));
        QCOMPARE(parts[1][QLatin1String("type")].toString(), QStringLiteral("image_url"));
        QCOMPARE(parts[1][QLatin1String("image_url")][QLatin1String("url")].toString(),
                 QStringLiteral("data:image/png;base64,") +
                     QString::fromLatin1(picture.toBase64()));
        QCOMPARE(parts[2][QLatin1String("text")].toString(),
                 QStringLiteral("File: notes.md\n\n第一行\nsecond line\n"));

        // Listed with their message; now part of the conversation.
        const QJsonArray history = m_chat.history(conversation);
        const QJsonArray listed = history[0][QLatin1String("attachments")].toArray();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed[0][QLatin1String("id")].toString(), pictureId);
        QCOMPARE(listed[1][QLatin1String("name")].toString(), QStringLiteral("notes.md"));
        QVERIFY(!history[1].toObject().contains(QLatin1String("attachments")));
        QCOMPARE(m_client->get(QStringLiteral("/v1/attachments/") + pictureId)
                     .json()
                     .value(QLatin1String("conversationId"))
                     .toString(),
                 conversation);

        // The next turn sends the picture again (it is among the newest).
        QCOMPARE(m_client
                     ->sendMessage(conversation, QStringLiteral("And now?"),
                                   QStringLiteral("fake-stream"))
                     .status,
                 200);
        const QJsonArray messages =
            m_upstream.received.last().body.value(QLatin1String("messages")).toArray();
        QVERIFY(messages[0][QLatin1String("content")].isArray());
        QVERIFY(messages.last()[QLatin1String("content")].isString());

        // They go with the conversation.
        QCOMPARE(m_client->del(QStringLiteral("/v1/conversations/") + conversation).status, 204);
        QCOMPARE(m_client->get(QStringLiteral("/v1/attachments/") + pictureId).status, 404);
        QCOMPARE(
            dbValue(m_chat.server.config,
                    QStringLiteral(
                        "SELECT COUNT(*) FROM attachment_pieces WHERE attachment_id IN (?, ?)"),
                    {pictureId, notesId})
                .toInt(),
            0);
    }

    // Another user's upload, or one already in another conversation, is
    // not found; nothing of the message is kept and nothing is sent.
    void onlyYourOwnUnsentAttachments()
    {
        QVERIFY(
            m_chat.server.addUser(QStringLiteral("eve@example.com"), QStringLiteral("eve-pass-1")));
        ApiClient eve(m_chat.server.baseUrl());
        eve.login(QStringLiteral("eve@example.com"), QStringLiteral("eve-pass-1"));
        const QString mine = upload(*m_client, png(Qt::blue), QStringLiteral("blue.png"));
        const QString evesChat = eve.createConversation();
        const int calls = m_upstream.received.size();
        const ApiReply stolen = send(eve, evesChat, QStringLiteral("look"), {mine});
        QCOMPARE(stolen.status, 404);
        QCOMPARE(
            eve.get(QStringLiteral("/v1/conversations/%1/messages").arg(evesChat)).array().size(),
            0);

        const QString first = m_chat.newConversation();
        QCOMPARE(send(*m_client, first, QStringLiteral("one"), {mine}).status, 200);
        const QString second = m_chat.newConversation();
        QCOMPARE(send(*m_client, second, QStringLiteral("two"), {mine}).status, 404);
        QCOMPARE(m_upstream.received.size(), calls + 1);
        // In its own conversation it may go again (an edited question).
        QCOMPARE(send(*m_client, first, QStringLiteral("one, again"), {mine}).status, 200);

        QCOMPARE(send(*m_client, first, QStringLiteral("bad"), {QStringLiteral("")}).status, 400);
        QJsonObject notAList =
            ApiClient::userMessage(QStringLiteral("bad"), QStringLiteral("fake-stream"));
        notAList.insert(QStringLiteral("attachments"), mine);
        QCOMPARE(
            m_client->post(QStringLiteral("/v1/conversations/%1/messages").arg(first), notAList)
                .status,
            400);
    }

    // A PDF's text is read when it is uploaded and goes to the provider.
    void aPdfsTextReachesTheProvider()
    {
        const QString report = upload(
            *m_client, pdf({QStringLiteral("Quarterly apples"), QStringLiteral("Pears fell")}),
            QStringLiteral("report.pdf"));
        const QString scan = upload(*m_client, pdf({QString()}), QStringLiteral("scan.pdf"));
        QVERIFY(!report.isEmpty() && !scan.isEmpty());
        const QString conversation = m_chat.newConversation();
        QCOMPARE(send(*m_client, conversation, QStringLiteral("Summarise"), {report, scan}).status,
                 200);
        const QJsonArray parts = lastParts();
        QCOMPARE(parts.size(), 3);
        const QString text = parts[1][QLatin1String("text")].toString();
        QVERIFY2(text.startsWith(QLatin1String("File: report.pdf\n\n")) &&
                     text.contains(QLatin1String("Quarterly apples")) &&
                     text.contains(QLatin1String("Pears fell")),
                 qPrintable(text));
        QVERIFY2(parts[2][QLatin1String("text")].toString().contains(
                     QLatin1String("no text Hearth can read")),
                 qPrintable(parts[2][QLatin1String("text")].toString()));
    }

    void badPdfsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("code");
        QTest::newRow("damaged") << QByteArray("%PDF-1.7\n" + QByteArray(3000, '\x07'))
                                 << QStringLiteral("UNREADABLE_FILE");
        QTest::newRow("cut short")
            << pdf({QStringLiteral("text")}).left(200) << QStringLiteral("UNREADABLE_FILE");
        QTest::newRow("password") << lockedPdf() << QStringLiteral("PASSWORD_PROTECTED");
    }
    void badPdfsAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, code);
        const ApiReply refused =
            m_client->request("POST", QStringLiteral("/v1/attachments?name=bad.pdf"), bytes, {});
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.code(), code);
    }

    // Only the newest few messages' pictures are sent again; older ones are
    // a line saying a picture was there.
    void olderPicturesAreNotSentAgain()
    {
        const QString conversation = m_chat.newConversation();
        const int turns = 4;
        for (int i = 0; i < turns; ++i) {
            const QString id = upload(*m_client, png(QColor::fromHsv(i * 60, 200, 200)),
                                      QStringLiteral("p%1.png").arg(i));
            QCOMPARE(
                send(*m_client, conversation, QStringLiteral("picture %1").arg(i), {id}).status,
                200);
        }
        const QJsonArray messages =
            m_upstream.received.last().body.value(QLatin1String("messages")).toArray();
        int images = 0;
        QString notes;
        for (const QJsonValue &m : messages)
            for (const QJsonValue &part : m[QLatin1String("content")].toArray()) {
                if (part[QLatin1String("type")].toString() == QLatin1String("image_url"))
                    ++images;
                else
                    notes += part[QLatin1String("text")].toString();
            }
        QCOMPARE(images, 3);
        QVERIFY2(notes.contains(
                     QLatin1String("[A picture, p0.png, was shown here; it is not sent again.]")),
                 qPrintable(notes));
    }

    QHash<QString, QJsonValue> visionOfModels()
    {
        QHash<QString, QJsonValue> vision;
        for (const QJsonValue &m : m_client->get(QStringLiteral("/v1/models"))
                                       .json()
                                       .value(QLatin1String("data"))
                                       .toArray())
            vision.insert(m[QLatin1String("id")].toString(), m[QLatin1String("vision")]);
        return vision;
    }

    // Five million characters: stored whole, counted, and only what the
    // model can take goes upstream, with the person told how much.
    void aFiveMillionCharacterDocument()
    {
        QByteArray text;
        text.reserve(5'000'000);
        while (text.size() < 5'000'000)
            text += "0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.\n";
        text.truncate(5'000'000);
        const QString id = upload(*m_client, text, QStringLiteral("huge.log"));
        QVERIFY(!id.isEmpty());
        const QString conversation = m_chat.newConversation();
        const ApiReply sent = send(*m_client, conversation, QStringLiteral("tail?"), {id});
        QCOMPARE(sent.status, 200);
        QVERIFY(m_upstream.received.last().rawBody.size() < 300'000);
        const QJsonObject document =
            sent.json()[QLatin1String("userMessage")][QLatin1String("attachments")][0].toObject();
        QCOMPARE(document[QLatin1String("characters")].toInteger(), 5'000'000);
        QVERIFY(document[QLatin1String("charactersSent")].toInteger() <= 200'000);
        // The file itself is kept whole.
        QCOMPARE(m_client->get(QStringLiteral("/v1/attachments/%1/content").arg(id)).body.size(),
                 text.size());
    }

    // A picture may go without words; words are still needed without one.
    void aPictureNeedsNoWords()
    {
        const QString picture = upload(*m_client, png(Qt::yellow), QStringLiteral("y.png"));
        const QString conversation = m_chat.newConversation();
        const QString path = QStringLiteral("/v1/conversations/%1/messages").arg(conversation);
        QCOMPARE(m_client->post(path, {{QStringLiteral("role"), QStringLiteral("user")}}).status,
                 400);
        const ApiReply sent =
            m_client->post(path, {{QStringLiteral("role"), QStringLiteral("user")},
                                  {QStringLiteral("model"), QStringLiteral("fake-stream")},
                                  {QStringLiteral("attachments"), QJsonArray{picture}}});
        QCOMPARE(sent.status, 200);
        const QJsonArray parts = lastParts();
        QCOMPARE(parts.size(), 1);
        QCOMPARE(parts[0][QLatin1String("type")].toString(), QStringLiteral("image_url"));
    }

    void theModelListSaysWhichModelsSee()
    {
        const auto vision = visionOfModels();
        QCOMPARE(vision.value(QStringLiteral("fake-stream")), QJsonValue(true));
        QCOMPARE(vision.value(QStringLiteral("fake-markdown")), QJsonValue(false));
        QVERIFY(vision.value(QStringLiteral("fake-echo")).isNull());
    }

    // A picture for a model that reads text only is refused before the
    // question is kept or anything is sent; the picture stays unsent.
    void textOnlyModelsAreNotSentPictures()
    {
        const QString picture = upload(*m_client, png(Qt::blue), QStringLiteral("blue.png"));
        const QString conversation = m_chat.newConversation();
        const qsizetype before = m_upstream.received.size();
        QJsonObject body =
            ApiClient::userMessage(QStringLiteral("see?"), QStringLiteral("fake-markdown"));
        body.insert(QStringLiteral("attachments"), QJsonArray{picture});
        const ApiReply refused =
            m_client->post(QStringLiteral("/v1/conversations/%1/messages").arg(conversation), body);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.code(), QStringLiteral("MODEL_CANNOT_SEE_IMAGES"));
        QVERIFY(refused.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("fake-markdown")));
        QCOMPARE(m_upstream.received.size(), before);
        QCOMPARE(m_chat.history(conversation).size(), 0);

        // The same picture to a model that sees; then a text-only model
        // later in the conversation gets a line in its place.
        QCOMPARE(send(*m_client, conversation, QStringLiteral("see?"), {picture}).status, 200);
        QCOMPARE(lastParts()[1][QLatin1String("type")].toString(), QStringLiteral("image_url"));
        QCOMPARE(m_client
                     ->post(QStringLiteral("/v1/conversations/%1/messages").arg(conversation),
                            ApiClient::userMessage(QStringLiteral("and now?"),
                                                   QStringLiteral("fake-markdown")))
                     .status,
                 200);
        const QByteArray sent = m_upstream.received.last().rawBody;
        QVERIFY(!sent.contains("image_url"));
        QVERIFY(sent.contains("this model cannot see pictures"));
    }

    // An admin says what a model takes where the provider does not.
    void theAdminSaysWhichModelsSee()
    {
        const QString provider = m_client->get(QStringLiteral("/v1/admin/providers"))
                                     .array()
                                     .first()[QLatin1String("id")]
                                     .toString();
        const QString path = QStringLiteral("/v1/admin/providers/") + provider;
        const ApiReply wrong = m_client->patch(
            path, {{QStringLiteral("modelVision"), QJsonObject{{QStringLiteral("x"), 1}}}});
        QCOMPARE(wrong.status, 400);
        QVERIFY(wrong.body.contains("modelVision"));

        const ApiReply set =
            m_client->patch(path, {{QStringLiteral("modelVision"),
                                    QJsonObject{{QStringLiteral("fake-echo"), false},
                                                {QStringLiteral("fake-markdown"), true}}}});
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json()[QLatin1String("modelVision")][QLatin1String("fake-echo")],
                 QJsonValue(false));
        auto vision = visionOfModels();
        QCOMPARE(vision.value(QStringLiteral("fake-echo")), QJsonValue(false));
        QCOMPARE(vision.value(QStringLiteral("fake-markdown")), QJsonValue(true)); // over the list

        const QString picture = upload(*m_client, png(Qt::green), QStringLiteral("green.png"));
        QJsonObject body =
            ApiClient::userMessage(QStringLiteral("see?"), QStringLiteral("fake-echo"));
        body.insert(QStringLiteral("attachments"), QJsonArray{picture});
        QCOMPARE(
            m_client
                ->post(
                    QStringLiteral("/v1/conversations/%1/messages").arg(m_chat.newConversation()),
                    body)
                .code(),
            QStringLiteral("MODEL_CANNOT_SEE_IMAGES"));

        QCOMPARE(m_client->patch(path, {{QStringLiteral("modelVision"), QJsonValue()}}).status,
                 200);
        // What the provider's list says is back once the reloaded provider
        // has asked for it again.
        QTRY_COMPARE(visionOfModels().value(QStringLiteral("fake-markdown")), QJsonValue(false));
        QVERIFY(visionOfModels().value(QStringLiteral("fake-echo")).isNull());
    }

    // A document longer than the model can take is cut, and the model is
    // told how much it got.
    void longDocumentsAreCutWithANote()
    {
        QByteArray text;
        while (text.size() < 600000)
            text += "A line of a long log file, with nothing much in it.\n";
        const QString id = upload(*m_client, text, QStringLiteral("big.log"));
        const QString conversation = m_chat.newConversation();
        const ApiReply answered = send(*m_client, conversation, QStringLiteral("summarise"), {id});
        QCOMPARE(answered.status, 200);
        const QString sent = lastParts()[1][QLatin1String("text")].toString();
        QVERIFY(sent.size() < text.size());
        QVERIFY2(sent.contains(QStringLiteral("Hearth sent only the first")) &&
                     sent.contains(QString::number(text.size())),
                 qPrintable(sent.right(200)));

        // The person is told too: in the send's answer and in the history.
        const int sentCharacters = int(sent.indexOf(QStringLiteral("\n\n[Hearth sent only")) -
                                       QStringLiteral("File: big.log\n\n").size());
        for (const QJsonObject &asked : {answered.json()[QLatin1String("userMessage")].toObject(),
                                         m_chat.history(conversation).first().toObject()}) {
            const QJsonObject document = asked[QLatin1String("attachments")][0].toObject();
            QCOMPARE(document[QLatin1String("characters")].toInteger(), text.size());
            QCOMPARE(document[QLatin1String("charactersSent")].toInteger(), sentCharacters);
        }
        // A short one says nothing of the kind.
        const QString small = upload(*m_client, "short\n", QStringLiteral("small.txt"));
        const QJsonObject listed =
            send(*m_client, conversation, QStringLiteral("and"), {small})
                .json()[QLatin1String("userMessage")][QLatin1String("attachments")][0]
                .toObject();
        QCOMPARE(listed[QLatin1String("characters")].toInteger(), 6);
        QVERIFY(!listed.contains(QLatin1String("charactersSent")));
    }
};

QTEST_MAIN(TestAttachmentsChatApi) // QPdfWriter draws text: fonts need a QGuiApplication
#include "tst_attachments_chat_api.moc"
