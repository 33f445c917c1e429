#include "ApiClient.h"
#include "DbPeek.h"
#include "TestServer.h"

#include <QtCore/QBuffer>
#include <QtCore/QCryptographicHash>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QRandomGenerator>
#include <QtGui/QImage>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <zlib.h>

// POST /v1/attachments and the routes of one attachment: uploads checked by
// their content, stored in the database in pieces, owned by their user,
// refused in plain words.
class TestAttachmentsApi final : public QObject
{
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<ApiClient> m_alice, m_bob;

    static QByteArray png(int width, int height)
    {
        QImage image(width, height, QImage::Format_RGB32);
        QRandomGenerator noise(width * 31 + height); // noise: PNG cannot shrink it much
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                image.setPixel(x, y, noise.generate() | 0xff000000u);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    }

    static QByteArray encoded(const QImage &image, const char *format)
    {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, format);
        return bytes;
    }

    // A JPEG as a camera writes it: an EXIF block that says "turn me a
    // quarter to the right" (orientation 6) and carries a description.
    static QByteArray cameraJpeg(const QImage &image, const QByteArray &description)
    {
        const QByteArray jpeg = encoded(image, "JPEG");
        const QByteArray text = description + '\0';
        QByteArray tiff("MM\0\x2a\0\0\0\x08", 8); // big-endian, first IFD at 8
        const auto u16 = [&tiff](int v) {
            tiff += char(v >> 8);
            tiff += char(v & 0xff);
        };
        const auto u32 = [&](int v) {
            u16(v >> 16);
            u16(v & 0xffff);
        };
        u16(2);                                                     // two entries
        u16(0x010e), u16(2), u32(text.size()), u32(8 + 2 + 24 + 4); // ImageDescription
        u16(0x0112), u16(3), u32(1), u16(6), u16(0);                // Orientation: 6
        u32(0);                                                     // no next IFD
        tiff += text;
        const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
        QByteArray segment("\xff\xe1", 2);
        segment += char((payload.size() + 2) >> 8);
        segment += char((payload.size() + 2) & 0xff);
        return jpeg.left(2) + segment + payload + jpeg.mid(2);
    }

    // The IHDR of a PNG made to declare another size (its CRC made right).
    static QByteArray pngDeclaring(quint32 width, quint32 height)
    {
        QByteArray bytes = png(8, 8);
        for (int i = 0; i < 4; ++i) {
            bytes[16 + i] = char(width >> (24 - 8 * i));
            bytes[20 + i] = char(height >> (24 - 8 * i));
        }
        const quint32 crc = crc32(0, reinterpret_cast<const Bytef *>(bytes.constData() + 12), 17);
        for (int i = 0; i < 4; ++i)
            bytes[29 + i] = char(crc >> (24 - 8 * i));
        return bytes;
    }

    QImage storedImage(const QJsonObject &attachment)
    {
        const ApiReply content = m_alice->get(attachment.value(QLatin1String("url")).toString());
        return QImage::fromData(content.body);
    }

    ApiReply upload(ApiClient &client, const QByteArray &bytes, const QString &name)
    {
        return client.request("POST",
                              QStringLiteral("/v1/attachments?name=") +
                                  QString::fromLatin1(QUrl::toPercentEncoding(name)),
                              bytes, {{"Content-Type", "application/octet-stream"}});
    }

    int storedAttachments()
    {
        return dbValue(m_server.config, QStringLiteral("SELECT COUNT(*) FROM attachments")).toInt();
    }

private slots:
    void initTestCase()
    {
        m_server.config.maxUploadBytes = 3 * 1024 * 1024;
        m_server.config.maxBodyBytes = 64 * 1024; // uploads have their own limit
        QVERIFY(m_server.start());
        QVERIFY(
            m_server.addUser(QStringLiteral("alice@example.com"), QStringLiteral("alice-pass-1")));
        QVERIFY(m_server.addUser(QStringLiteral("bob@example.com"), QStringLiteral("bob-pass-1")));
        m_alice = std::make_unique<ApiClient>(m_server.baseUrl());
        m_alice->login(QStringLiteral("alice@example.com"), QStringLiteral("alice-pass-1"));
        m_bob = std::make_unique<ApiClient>(m_server.baseUrl());
        m_bob->login(QStringLiteral("bob@example.com"), QStringLiteral("bob-pass-1"));
    }

    // A picture of several 1 MiB pieces, past the 64 KiB JSON limit, comes
    // back byte for byte.
    void aPictureRoundTrips()
    {
        const QByteArray image = png(1000, 700);
        QVERIFY2(image.size() > 1024 * 1024 && image.size() < 3 * 1024 * 1024,
                 QByteArray::number(image.size()).constData());
        const ApiReply made = upload(*m_alice, image, QStringLiteral("截图 1.png"));
        QCOMPARE(made.status, 201);
        const QJsonObject a = made.json();
        QCOMPARE(a.value(QLatin1String("kind")).toString(), QStringLiteral("image"));
        QCOMPARE(a.value(QLatin1String("mediaType")).toString(), QStringLiteral("image/png"));
        QCOMPARE(a.value(QLatin1String("name")).toString(), QStringLiteral("截图 1.png"));
        QCOMPARE(a.value(QLatin1String("size")).toInteger(), image.size());
        QCOMPARE(a.value(QLatin1String("sha256")).toString().toLatin1(),
                 QCryptographicHash::hash(image, QCryptographicHash::Sha256).toHex());
        const QString id = a.value(QLatin1String("id")).toString();
        QCOMPARE(m_alice->get(QStringLiteral("/v1/attachments/") + id).json(), a);

        const ApiReply content = m_alice->get(a.value(QLatin1String("url")).toString());
        QCOMPARE(content.status, 200);
        QCOMPARE(content.header("Content-Type"), QByteArray("image/png"));
        QVERIFY(content.header("Content-Disposition").startsWith("inline;"));
        QVERIFY(content.header("Content-Disposition").contains("UTF-8''%E6%88%AA%E5%9B%BE"));
        QVERIFY(content.header("Content-Security-Policy").contains("sandbox"));
        QCOMPARE(content.body.size(), image.size());
        QVERIFY(content.body == image);

        // A preview for lists and messages: 256 px on the longest side.
        const ApiReply thumbnail = m_alice->get(a.value(QLatin1String("thumbnailUrl")).toString());
        QCOMPARE(thumbnail.status, 200);
        QCOMPARE(thumbnail.header("Content-Type"), QByteArray("image/jpeg"));
        QVERIFY(thumbnail.header("Cache-Control").contains("immutable"));
        QCOMPARE(QImage::fromData(thumbnail.body).size(), QSize(256, 179));
        QCOMPARE(m_bob->get(a.value(QLatin1String("thumbnailUrl")).toString()).status, 404);
        // Made once: asked again, it comes from memory, not from the stored
        // picture (taken out of the database here to tell the two apart).
        QVERIFY(dbExec(m_server.config,
                       QStringLiteral("DELETE FROM attachment_pieces WHERE attachment_id = ?"),
                       {id}) > 0);
        const ApiReply again = m_alice->get(a.value(QLatin1String("thumbnailUrl")).toString());
        QCOMPARE(again.status, 200);
        QVERIFY(again.body == thumbnail.body);
        QCOMPARE(again.header("ETag"), thumbnail.header("ETag"));
    }

    // Pictures are kept upright, no larger than vision models use, and
    // without what the camera wrote into them.
    void picturesAreScaledTurnedAndStripped()
    {
        QImage wide(3000, 1000, QImage::Format_RGB32);
        for (int x = 0; x < wide.width(); ++x)
            for (int y = 0; y < wide.height(); ++y)
                wide.setPixel(x, y, qRgb(x % 256, y % 256, 128));
        const ApiReply scaled = upload(*m_alice, encoded(wide, "PNG"), QStringLiteral("wide.png"));
        QCOMPARE(scaled.status, 201);
        const QSize stored = storedImage(scaled.json()).size();
        QCOMPARE(stored.width(), 2048); // 3000 × 1000 scaled by 2048 / 3000
        QVERIFY(qAbs(stored.height() - 1000 * 2048 / 3000) <= 1);

        QImage landscape(40, 20, QImage::Format_RGB32);
        landscape.fill(Qt::darkGreen);
        const QByteArray marker = "SECRET-CAMERA-NOTE";
        const QByteArray camera = cameraJpeg(landscape, marker);
        QCOMPARE(QImage::fromData(camera).size(), QSize(40, 20)); // as stored in the file
        const ApiReply turned = upload(*m_alice, camera, QStringLiteral("photo.jpg"));
        QCOMPARE(turned.status, 201);
        QCOMPARE(turned.json().value(QLatin1String("mediaType")).toString(),
                 QStringLiteral("image/jpeg"));
        const QByteArray kept =
            m_alice->get(turned.json().value(QLatin1String("url")).toString()).body;
        QCOMPARE(QImage::fromData(kept).size(), QSize(20, 40)); // upright
        QVERIFY(!kept.contains(marker) && !kept.contains("Exif"));

        QImage labelled = landscape;
        labelled.setText(QStringLiteral("Comment"), QString::fromLatin1(marker));
        QVERIFY(encoded(labelled, "PNG").contains(marker));
        const ApiReply plain = upload(*m_alice, encoded(labelled, "PNG"), QStringLiteral("l.png"));
        QCOMPARE(plain.status, 201);
        QVERIFY(!m_alice->get(plain.json().value(QLatin1String("url")).toString())
                     .body.contains(marker));
    }

    void webpStaysWebp()
    {
        QImage image(30, 20, QImage::Format_RGB32);
        image.fill(Qt::yellow);
        const QByteArray webp = encoded(image, "WEBP");
        QVERIFY2(!webp.isEmpty(), "no WebP plugin (scripts/install-deps.sh installs "
                                  "qt6-image-formats-plugins)");
        const ApiReply made = upload(*m_alice, webp, QStringLiteral("sticker.webp"));
        QCOMPARE(made.status, 201);
        QCOMPARE(made.json().value(QLatin1String("mediaType")).toString(),
                 QStringLiteral("image/webp"));
        QCOMPARE(storedImage(made.json()).size(), QSize(30, 20));
    }

    void aSmallGifIsKeptAsItCame()
    {
        // Qt writes no GIFs: the smallest valid one, by hand.
        const QByteArray gif =
            QByteArray::fromBase64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
        const ApiReply made = upload(*m_alice, gif, QStringLiteral("dot.gif"));
        QCOMPARE(made.status, 201);
        QCOMPARE(m_alice->get(made.json().value(QLatin1String("url")).toString()).body, gif);
    }

    void badPicturesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("decompression bomb")
            << pngDeclaring(60000, 60000) << 413 << QStringLiteral("IMAGE_TOO_LARGE");
        QTest::newRow("cut short")
            << png(200, 200).left(400) << 422 << QStringLiteral("UNREADABLE_FILE");
    }
    void badPicturesAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, code);
        const int before = storedAttachments();
        const ApiReply refused = upload(*m_alice, bytes, QStringLiteral("bad.png"));
        QCOMPARE(refused.status, status);
        QCOMPARE(refused.code(), code);
        QCOMPARE(storedAttachments(), before);
    }

    void textIsADocument_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mediaType");
        QTest::newRow("utf-8") << QString::fromUtf8("# 笔记\n- 一\n").toUtf8()
                               << QStringLiteral("text/plain; charset=utf-8");
        QTest::newRow("gb18030") << QByteArray("\xd6\xd0\xce\xc4\n")
                                 << QStringLiteral("text/plain; charset=gb18030");
    }
    void textIsADocument()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mediaType);
        const ApiReply made = upload(*m_alice, bytes, QStringLiteral("notes.md"));
        QCOMPARE(made.status, 201);
        QCOMPARE(made.json().value(QLatin1String("kind")).toString(), QStringLiteral("document"));
        QVERIFY(made.json().value(QLatin1String("thumbnailUrl")).isNull());
        QCOMPARE(m_alice
                     ->get(QStringLiteral("/v1/attachments/%1/thumbnail")
                               .arg(made.json().value(QLatin1String("id")).toString()))
                     .status,
                 404);
        QCOMPARE(made.json().value(QLatin1String("mediaType")).toString(), mediaType);
        // Saved, never shown by the browser on the server's origin.
        const ApiReply content = m_alice->get(made.json().value(QLatin1String("url")).toString());
        QVERIFY(content.header("Content-Disposition").startsWith("attachment;"));
        QCOMPARE(content.body, bytes);
    }

    void namesAreMadeSafe()
    {
        const ApiReply made =
            upload(*m_alice, "plain text\n", QStringLiteral("../../etc/pass\u202Ewd\n.txt"));
        QCOMPARE(made.status, 201);
        QCOMPARE(made.json().value(QLatin1String("name")).toString(), QStringLiteral("passwd.txt"));
        const ApiReply unnamed = upload(*m_alice, png(4, 4), QString());
        QCOMPARE(unnamed.json().value(QLatin1String("name")).toString(), QStringLiteral("image"));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("program named .png")
            << QByteArray("\x7f"
                          "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0" +
                          QByteArray(5000, '\0'))
            << 415 << QStringLiteral("UNSUPPORTED_FILE") << QStringLiteral("a program");
        QTest::newRow("binary") << QByteArray(3000, '\x01') << 415
                                << QStringLiteral("UNSUPPORTED_FILE") << QStringLiteral("PNG");
        QTest::newRow("empty") << QByteArray() << 400 << QStringLiteral("EMPTY_FILE")
                               << QStringLiteral("empty");
        QTest::newRow("over the upload limit")
            << QByteArray(3 * 1024 * 1024 + 1, 'a') << 413 << QStringLiteral("PAYLOAD_TOO_LARGE")
            << QStringLiteral("3145728 bytes");
    }
    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, says);
        const int before = storedAttachments();
        ApiClient client(m_server.baseUrl());
        client.token = m_alice->token;
        const ApiReply refused = upload(client, bytes, QStringLiteral("cat.png"));
        QCOMPARE(refused.status, status);
        QCOMPARE(refused.code(), code);
        QVERIFY2(refused.json().value(QLatin1String("error")).toString().contains(says),
                 refused.body.constData());
        QCOMPARE(storedAttachments(), before);
    }

    // The JSON limit still holds everywhere else.
    void otherBodiesKeepTheirLimit()
    {
        const QByteArray big = "{\"title\":\"" + QByteArray(70 * 1024, 'a') + "\"}";
        QCOMPARE(m_alice
                     ->request("POST", QStringLiteral("/v1/conversations"), big,
                               {{"Content-Type", "application/json"}})
                     .status,
                 413);
    }

    void anotherUsersAttachmentIsNotFound()
    {
        const QString id = upload(*m_alice, "mine\n", QStringLiteral("a.txt"))
                               .json()
                               .value(QLatin1String("id"))
                               .toString();
        for (const QString &path : {QStringLiteral("/v1/attachments/") + id,
                                    QStringLiteral("/v1/attachments/%1/content").arg(id)})
            QCOMPARE(m_bob->get(path).status, 404);
        QCOMPARE(m_bob->del(QStringLiteral("/v1/attachments/") + id).status, 404);
        QCOMPARE(m_alice->get(QStringLiteral("/v1/attachments/") + id).status, 200);
        QCOMPARE(m_alice->del(QStringLiteral("/v1/attachments/") + id).status, 204);
        QCOMPARE(m_alice->get(QStringLiteral("/v1/attachments/") + id).status, 404);
        QCOMPARE(dbValue(m_server.config,
                         QStringLiteral(
                             "SELECT COUNT(*) FROM attachment_pieces WHERE attachment_id = ?"),
                         {id})
                     .toInt(),
                 0);
    }

    // What a user's attachments take is bounded: the server's default, or
    // the admin's figure for that user; deleting makes room again.
    void theStorageQuotaHolds()
    {
        ApiClient admin(m_server.baseUrl());
        admin.login(TestServer::adminEmail, TestServer::adminPassword);
        ApiClient carol(m_server.baseUrl());
        QVERIFY(
            m_server.addUser(QStringLiteral("carol@example.com"), QStringLiteral("carol-pass-1")));
        const QString carolId =
            carol.login(QStringLiteral("carol@example.com"), QStringLiteral("carol-pass-1"))
                .value(QLatin1String("user"))
                .toObject()
                .value(QLatin1String("id"))
                .toString();
        QVERIFY(!carolId.isEmpty());
        QCOMPARE(admin
                     .patch(QStringLiteral("/v1/admin/settings"),
                            {{QStringLiteral("defaultQuota"),
                              QJsonObject{{QStringLiteral("storageBytes"), 100000}}}})
                     .status,
                 200);
        const QByteArray sixty(60000, 'x');
        const ApiReply first = upload(carol, sixty, QStringLiteral("one.txt"));
        QCOMPARE(first.status, 201);
        const ApiReply second = upload(carol, sixty, QStringLiteral("two.txt"));
        QCOMPARE(second.status, 413);
        QCOMPARE(second.code(), QStringLiteral("STORAGE_QUOTA_EXCEEDED"));
        QVERIFY2(second.json()
                     .value(QLatin1String("error"))
                     .toString()
                     .contains(QLatin1String("0.1 MB")),
                 second.body.constData());
        // Her own, larger figure wins over the default.
        const ApiReply raised = admin.patch(
            QStringLiteral("/v1/admin/users/") + carolId,
            {{QStringLiteral("quota"), QJsonObject{{QStringLiteral("storageBytes"), 150000}}}});
        QCOMPARE(raised.status, 200);
        QCOMPARE(raised.json()[QLatin1String("quota")][QLatin1String("storageBytes")].toInteger(),
                 150000);
        QCOMPARE(upload(carol, sixty, QStringLiteral("two.txt")).status, 201);
        QCOMPARE(upload(carol, sixty, QStringLiteral("three.txt")).status, 413);
        // Room again once one is deleted.
        QCOMPARE(carol
                     .del(QStringLiteral("/v1/attachments/") +
                          first.json().value(QLatin1String("id")).toString())
                     .status,
                 204);
        QCOMPARE(upload(carol, sixty, QStringLiteral("three.txt")).status, 201);
        QCOMPARE(admin
                     .patch(QStringLiteral("/v1/admin/settings"),
                            {{QStringLiteral("defaultQuota"),
                              QJsonObject{{QStringLiteral("storageBytes"), QJsonValue()}}}})
                     .status,
                 200);
    }

    // A client that leaves half-way through its upload leaves nothing.
    void aCutOffUploadKeepsNothing()
    {
        const int before = storedAttachments();
        const QUrl url(m_server.baseUrl());
        QTcpSocket socket;
        socket.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(
            "POST /v1/attachments?name=half.png HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
            m_alice->token.toLatin1() + "\r\nContent-Length: 200000\r\n\r\n" +
            png(100, 100).left(50000));
        QTRY_VERIFY(socket.bytesToWrite() == 0);
        socket.abort();
        // The server has seen the close when the next request on another
        // connection is answered; nothing was stored or left in the spool.
        QCOMPARE(m_alice->get(QStringLiteral("/v1/me")).status, 200);
        QCOMPARE(storedAttachments(), before);
        QTRY_VERIFY(QDir(QDir(m_server.config.dataDir).filePath(QStringLiteral("uploads")))
                        .isEmpty(QDir::Files | QDir::Hidden));
    }

    // An upload a crash cut off (its row never completed) and one never sent
    // with a message go with the next sweep, which runs at start-up.
    void theSweepRemovesLeftovers()
    {
        const QString id = upload(*m_alice, "kept\n", QStringLiteral("k.txt"))
                               .json()
                               .value(QLatin1String("id"))
                               .toString();
        const QString old = upload(*m_alice, "old\n", QStringLiteral("o.txt"))
                                .json()
                                .value(QLatin1String("id"))
                                .toString();
        const qint64 twoDaysAgo = QDateTime::currentMSecsSinceEpoch() - 2 * 86400 * 1000ll;
        QCOMPARE(dbExec(m_server.config,
                        QStringLiteral("UPDATE attachments SET created_at = ? WHERE id = ?"),
                        {twoDaysAgo, old}),
                 1);
        const QString broken = upload(*m_alice, "cut\n", QStringLiteral("c.txt"))
                                   .json()
                                   .value(QLatin1String("id"))
                                   .toString();
        QCOMPARE(dbExec(m_server.config,
                        QStringLiteral(
                            "UPDATE attachments SET complete = 0, created_at = ? WHERE id = ?"),
                        {QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000ll, broken}),
                 1);
        m_server.stop();
        QVERIFY(m_server.start());
        ApiClient alice(m_server.baseUrl());
        alice.token = m_alice->token;
        QCOMPARE(alice.get(QStringLiteral("/v1/attachments/") + id).status, 200);
        for (const QString &gone : {old, broken})
            QCOMPARE(dbValue(m_server.config,
                             QStringLiteral(
                                 "SELECT COUNT(*) FROM attachment_pieces WHERE attachment_id = ?"),
                             {gone})
                         .toInt(),
                     0);
        QCOMPARE(alice.get(QStringLiteral("/v1/attachments/") + old).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestAttachmentsApi)
#include "tst_attachments_api.moc"
