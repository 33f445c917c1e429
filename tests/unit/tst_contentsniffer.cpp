#include "attachments/ContentSniffer.h"

#include <QtCore/QBuffer>
#include <QtGui/QImage>
#include <QtTest/QTest>

using namespace hearth;
using Kind = SniffedContent::Kind;

namespace {

SniffedContent sniff(QByteArray bytes)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return sniffContent(buffer);
}

} // namespace

class TestContentSniffer final : public QObject
{
    Q_OBJECT
private slots:
    void byContent_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QByteArray>("mediaType");
        QTest::addColumn<QByteArray>("encoding");
        const QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        QTest::newRow("png") << png << Kind::Image << QByteArray("image/png") << QByteArray();
        QTest::newRow("jpeg") << QByteArray("\xff\xd8\xff\xe0\0\x10JFIF", 10) << Kind::Image
                              << QByteArray("image/jpeg") << QByteArray();
        QTest::newRow("gif") << QByteArray("GIF89a\x01\0\x01\0", 10) << Kind::Image
                             << QByteArray("image/gif") << QByteArray();
        QTest::newRow("webp") << QByteArray("RIFF\x24\0\0\0WEBPVP8 ", 16) << Kind::Image
                              << QByteArray("image/webp") << QByteArray();
        QTest::newRow("pdf") << QByteArray("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") << Kind::Pdf
                             << QByteArray("application/pdf") << QByteArray();
        QTest::newRow("utf-8 text")
            << QString::fromUtf8("# 标题\n\tcode();\r\n").toUtf8() << Kind::Text
            << QByteArray("text/plain") << QByteArray("UTF-8");
        QTest::newRow("utf-8 with BOM") << QByteArray("\xef\xbb\xbfhello\n") << Kind::Text
                                        << QByteArray("text/plain") << QByteArray("UTF-8");
        // "中文" as Chinese Windows saves it.
        QTest::newRow("gb18030 text") << QByteArray("\xd6\xd0\xce\xc4 notes\n") << Kind::Text
                                      << QByteArray("text/plain") << QByteArray("GB18030");
        QTest::newRow("empty") << QByteArray() << Kind::Empty << QByteArray() << QByteArray();
        QTest::newRow("elf named anything") << QByteArray("\x7f"
                                                          "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                                                          16)
                                            << Kind::Unsupported << QByteArray() << QByteArray();
        QTest::newRow("zip") << QByteArray("PK\x03\x04\x14\0\0\0", 8) << Kind::Unsupported
                             << QByteArray() << QByteArray();
        QTest::newRow("nul in text")
            << QByteArray("hello\0world", 11) << Kind::Unsupported << QByteArray() << QByteArray();
        QTest::newRow("random binary") << QByteArray("\x01\x02\x03\xff\xfe\x80", 6)
                                       << Kind::Unsupported << QByteArray() << QByteArray();
        // A lead byte with nothing after it (in UTF-8 and in GB18030): not text.
        QTest::newRow("cut utf-8")
            << QByteArray("abc\xe4") << Kind::Unsupported << QByteArray() << QByteArray();
    }
    void byContent()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Kind, kind);
        QFETCH(QByteArray, mediaType);
        QFETCH(QByteArray, encoding);
        const SniffedContent sniffed = sniff(bytes);
        QCOMPARE(sniffed.kind, kind);
        QCOMPARE(sniffed.mediaType, mediaType);
        QCOMPARE(sniffed.encoding, encoding);
        QVERIFY(!sniffed.what.isEmpty()); // something to tell the user
    }

    // Text is checked to its end, across the pieces it is read in: a
    // multi-byte character split between them is fine, a NUL far in is not.
    void longTextIsReadWhole()
    {
        QByteArray text;
        while (text.size() < 300 * 1024)
            text += QString::fromUtf8("第一行，足够长的中文文本。\n").toUtf8();
        QCOMPARE(sniff(text).kind, Kind::Text);
        QCOMPARE(sniff(text).characters, QString::fromUtf8(text).size());
        QByteArray withNul = text;
        withNul[withNul.size() - 10] = '\0';
        QCOMPARE(sniff(withNul).kind, Kind::Unsupported);
    }

    // What a model gets of a text: no BOM, GB18030 counted as characters.
    void textIsCountedInCharacters()
    {
        QCOMPARE(sniff(QByteArray("\xef\xbb\xbfhello\n")).characters, 6);
        QCOMPARE(sniff(QByteArray("\xd6\xd0\xce\xc4 notes\n")).characters, 9);
    }

    // A real image made by Qt, not only its first bytes.
    void aRealPng()
    {
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::red);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        QCOMPARE(sniff(bytes).mediaType, QByteArray("image/png"));
    }
};

QTEST_GUILESS_MAIN(TestContentSniffer)
#include "tst_contentsniffer.moc"
