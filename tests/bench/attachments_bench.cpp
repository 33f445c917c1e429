// hearth-attachments-bench: what a large picture and a long PDF cost a real
// hearth-server process — the upload (sniffing, normalising or reading the
// text, storing), the time from sending the message until the provider has
// the whole request, and the server's peak memory (VmHWM) after each step.
// Prints one table. Not a test: it asserts nothing and never runs in CI.
#include "ApiClient.h"
#include "FakeUpstream.h"
#include "HearthProcess.h"
#include "TestServer.h"

#include <QtCore/QBuffer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QRandomGenerator>
#include <QtCore/QThread>
#include <QtGui/QGuiApplication>
#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtGui/QPdfWriter>
#include <QtTest/QSignalSpy>

#include <cstdio>

namespace {

// A photo-sized JPEG of noise (which compresses badly) of about `bytes`.
QByteArray bigJpeg(qint64 bytes)
{
    QImage image(6000, 4000, QImage::Format_RGB32);
    auto *random = QRandomGenerator::global();
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = 0xff000000u | (random->generate() & 0x00ffffffu);
    }
    QByteArray out;
    for (int quality = 95; quality > 10; quality -= 5) {
        out.clear();
        QBuffer buffer(&out);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPEG", quality);
        if (out.size() <= bytes)
            break;
    }
    return out;
}

// A PDF of `pages` pages of text, as a report would be.
QByteArray longPdf(int pages)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    QPainter painter(&writer);
    QFont font = painter.font();
    font.setPointSize(10);
    painter.setFont(font);
    const int lineHeight = painter.fontMetrics().height();
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        for (int line = 0; line < 40; ++line)
            painter.drawText(QPointF(200, 400 + line * lineHeight),
                             QStringLiteral("Page %1, line %2: the quarterly figures rose by %3 "
                                            "per cent in the northern region.")
                                 .arg(page + 1)
                                 .arg(line + 1)
                                 .arg((page * 40 + line) % 17));
    }
    painter.end();
    return bytes;
}

double peakMiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
    }
    return -1;
}

struct Step
{
    QString name;
    double uploadMs = 0;
    double firstUpstreamMs = 0;
    double peakAfterUpload = 0;
    double peak = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // QPdfWriter draws text: fonts need it
    FakeUpstream upstream;
    HearthProcess server(QStringLiteral(HEARTH_SERVER_BINARY),
                         HearthProcess::chatEnv(upstream.baseUrl()));
    const QString base = server.waitUntilServing();
    if (base.isEmpty()) {
        std::fprintf(stderr, "hearth-server did not start\n");
        return 1;
    }
    const qint64 pid = server.process().processId();
    ApiClient client(base);
    client.login(TestServer::adminEmail, TestServer::adminPassword);
    if (client.token.isEmpty()) {
        std::fprintf(stderr, "cannot sign in\n");
        return 1;
    }
    const double idle = peakMiB(pid);

    std::printf("preparing a 20 MB JPEG and a 200-page PDF…\n");
    const QByteArray jpeg = bigJpeg(20 * 1000 * 1000);
    const QByteArray pdf = longPdf(200);

    QList<Step> steps;
    const auto measure = [&](const QString &name, const QByteArray &file, const QString &fileName) {
        Step step{name};
        QElapsedTimer timer;
        timer.start();
        const ApiReply uploaded =
            client.request("POST", QStringLiteral("/v1/attachments?name=") + fileName, file, {});
        step.uploadMs = timer.nsecsElapsed() / 1e6;
        if (uploaded.status != 201) {
            std::fprintf(stderr, "%s: upload answered %d %s\n", qPrintable(name), uploaded.status,
                         uploaded.body.left(300).constData());
            return false;
        }
        step.peakAfterUpload = peakMiB(pid);
        const QString conversation = client.createConversation(name);
        QJsonObject body = ApiClient::userMessage(QStringLiteral("What is in it?"),
                                                  QStringLiteral("fake-instant"), true);
        body.insert(QStringLiteral("attachments"),
                    QJsonArray{uploaded.json().value(QLatin1String("id"))});
        QSignalSpy reached(&upstream, &FakeUpstream::requestReceived);
        timer.restart();
        QNetworkReply *reply =
            client.start("POST", ApiClient::messagesPath(conversation),
                         QJsonDocument(body).toJson(QJsonDocument::Compact),
                         {{"Content-Type", "application/json"}, {"Accept", "text/event-stream"}});
        if (!reached.wait(60000))
            return false;
        step.firstUpstreamMs = timer.nsecsElapsed() / 1e6;
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(60000))
            return false;
        step.peak = peakMiB(pid);
        steps << step;
        return true;
    };
    if (!measure(QStringLiteral("picture"), jpeg, QStringLiteral("photo.jpg")) ||
        !measure(QStringLiteral("pdf"), pdf, QStringLiteral("report.pdf"))) {
        std::fprintf(stderr, "a step failed\n");
        return 1;
    }

    std::printf("\nAttachments benchmark: hearth-server process (SQLite), %d cores\n\n",
                QThread::idealThreadCount());
    std::printf("| file | size | upload (stored) | send → provider has the request | server "
                "peak memory after the upload / the reply |\n|---|---|---|---|---|\n");
    std::printf("| (idle, signed in) | | | | %.1f MiB |\n", idle);
    const QList<QPair<QString, qint64>> sizes{
        {QStringLiteral("JPEG 6000×4000 (noise)"), jpeg.size()},
        {QStringLiteral("PDF, 200 pages of text"), pdf.size()}};
    for (int i = 0; i < steps.size(); ++i)
        std::printf("| %s | %.1f MB | %.0f ms | %.0f ms | %.1f / %.1f MiB |\n",
                    qPrintable(sizes[i].first), sizes[i].second / 1e6, steps[i].uploadMs,
                    steps[i].firstUpstreamMs, steps[i].peakAfterUpload, steps[i].peak);
    std::printf("\n");
    return 0;
}
