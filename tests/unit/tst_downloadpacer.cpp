#include "http/DownloadPacer.h"

#include <QtCore/QPointer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace hearth;

// A download over a real loopback connection whose client stops reading:
// no piece is written while more than 1 MB waits unsent, everything arrives
// once the client reads again, and a client that leaves ends the download.
class TestDownloadPacer final : public QObject
{
    Q_OBJECT

    static constexpr qint64 maxUnsent = 1024 * 1024;
    static constexpr qint64 piece = 256 * 1024;

    QTcpServer m_listener;
    std::unique_ptr<QTcpSocket> m_client;
    QPointer<QTcpSocket> m_serverSide;
    ResponderPtr m_responder;

private slots:
    void init()
    {
        QVERIFY(m_listener.listen(QHostAddress::LocalHost, 0));
        m_client = std::make_unique<QTcpSocket>();
        m_client->connectToHost(QHostAddress::LocalHost, m_listener.serverPort());
        QTRY_VERIFY(m_listener.hasPendingConnections());
        m_serverSide = m_listener.nextPendingConnection();
        QVERIFY(m_serverSide);
        QTRY_COMPARE(m_client->state(), QAbstractSocket::ConnectedState);
        // A client that reads only when told (Qt would otherwise drain the
        // connection into memory), and small kernel buffers: the backlog
        // shows in the server's socket soon.
        m_client->setReadBufferSize(64 * 1024);
        m_client->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 64 * 1024);
        m_serverSide->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 64 * 1024);
        m_responder = std::make_shared<Responder>(
            m_serverSide, RequestHead{}, QStringLiteral("/download"),
            QHostAddress(QHostAddress::LocalHost), nullptr, AccessLogSink{});
        QVERIFY(m_responder->beginStream(200, "application/octet-stream"));
    }
    void cleanup()
    {
        m_responder.reset();
        m_client.reset();
        delete m_serverSide;
        m_listener.close();
    }

    void aSlowClientPausesTheWriterAndGetsEverything()
    {
        auto *writer = new QObject;
        QPointer<QObject> alive(writer);
        const int pieces = 40; // 10 MB, far more than the kernel buffers hold
        int written = 0;
        qint64 worstBacklog = 0;
        auto *pacer = new DownloadPacer(
            m_responder,
            [&] {
                worstBacklog = qMax(worstBacklog, m_serverSide->bytesToWrite());
                m_responder->writeChunk(QByteArray(piece, 'x'));
                if (++written < pieces)
                    return true;
                m_responder->endStream();
                return false;
            },
            writer);
        pacer->start();
        // The client reads nothing until the backlog has built up…
        QTRY_VERIFY_WITH_TIMEOUT(m_serverSide->bytesToWrite() > maxUnsent, 10000);
        QVERIFY2(written < pieces,
                 "every piece went out before the client read: nothing was paced");
        // …then everything, to the end of the chunked body.
        QByteArray received;
        connect(m_client.get(), &QTcpSocket::readyRead, this,
                [&] { received += m_client->readAll(); });
        received += m_client->readAll();
        QTRY_VERIFY_WITH_TIMEOUT(received.endsWith("0\r\n\r\n"), 20000);
        QCOMPARE(written, pieces);
        QVERIFY2(worstBacklog <= maxUnsent,
                 qPrintable(
                     QStringLiteral("a piece was written over %1 unsent bytes").arg(worstBacklog)));
        QCOMPARE(received.count('x'), pieces * piece);
        QTRY_VERIFY(!alive); // the writer is deleted when the download is over
    }

    void aClientThatLeavesEndsTheDownload()
    {
        auto *writer = new QObject;
        QPointer<QObject> alive(writer);
        int written = 0;
        auto *pacer = new DownloadPacer(
            m_responder,
            [&] {
                m_responder->writeChunk(QByteArray(piece, 'x'));
                ++written;
                return true; // endless
            },
            writer);
        pacer->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_serverSide->bytesToWrite() > maxUnsent, 10000);
        m_client->abort();
        QTRY_VERIFY_WITH_TIMEOUT(!alive, 10000);
        const int atTheEnd = written;
        QVERIFY(atTheEnd > 0);
        QCoreApplication::processEvents();
        QCOMPARE(written, atTheEnd);
    }
};

QTEST_GUILESS_MAIN(TestDownloadPacer)
#include "tst_downloadpacer.moc"
