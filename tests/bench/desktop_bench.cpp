// hearth-desktop-bench: the chat window's own costs, on the offscreen
// platform against a real server. Prints one table:
//  - opening a conversation of 5,000 messages (the newest page is shown at
//    once; older pages come in when scrolled to);
//  - streaming 2,000 deltas into a reply: the longest stall of the event
//    loop (a "frame") while the deltas arrive, measured by a 5 ms timer.
#include "TestServer.h"
#include "UiTestSupport.h"

#include "app/ChatPanel.h"
#include "app/MainWindow.h"
#include "app/MessageBubble.h"
#include "app/MessageView.h"
#include "client/ApiConnection.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QUuid>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>

#include <cstdio>

using namespace hearth;

namespace {

constexpr int messageCount = 5000;
// HEARTH_BENCH_DELTAS makes the streamed reply longer (or shorter).
const int deltaCount = qEnvironmentVariableIsSet("HEARTH_BENCH_DELTAS")
                           ? qEnvironmentVariableIntValue("HEARTH_BENCH_DELTAS")
                           : 2000;

QString seedConversation(TestServer &server, client::ApiConnection &api)
{
    QSignalSpy created(api.post(QStringLiteral("/v1/conversations"),
                                {{QStringLiteral("title"), QStringLiteral("Long one")}}),
                       &client::ApiCall::finished);
    created.wait(10000);
    const QString id = created.first()
                           .first()
                           .value<client::ApiResult>()
                           .json.object()
                           .value(QLatin1String("id"))
                           .toString();
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seed"));
        db.setDatabaseName(server.databasePath());
        db.open();
        db.transaction();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
            "INSERT INTO messages (id, conversation_id, role, content, model, finish_reason,"
            " created_at) VALUES (?, ?, ?, ?, 'fake-stream', 'stop', ?)"));
        const qint64 start = QDateTime::currentMSecsSinceEpoch() - messageCount * 1000;
        for (int i = 0; i < messageCount; ++i) {
            insert.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
            insert.addBindValue(id);
            insert.addBindValue(i % 2 ? QStringLiteral("assistant") : QStringLiteral("user"));
            insert.addBindValue(i % 2
                                    ? QStringLiteral("Reply %1 with **bold**, a list:\n\n- one\n- "
                                                     "two\n\n```cpp\nint x = %1;\n```\n")
                                          .arg(i)
                                    : QStringLiteral("Question %1?").arg(i));
            insert.addBindValue(start + i * 1000);
            insert.exec();
        }
        db.commit();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("seed"));
    return id;
}

// Ordinary Python, a few tokens per delta as models send it.
const QString codePieces[] = {
    QStringLiteral("def total("),      QStringLiteral("items: list"),
    QStringLiteral("[int]) -> "),      QStringLiteral("int:\n    "),
    QStringLiteral("\"\"\"Adds the "), QStringLiteral("items up.\"\"\"\n"),
    QStringLiteral("    result = 0"),  QStringLiteral("  # so far\n"),
    QStringLiteral("    for item "),   QStringLiteral("in items:\n"),
    QStringLiteral("        result"),  QStringLiteral(" += item\n"),
    QStringLiteral("    return "),     QStringLiteral("result\n\n"),
};

// HEARTH_BENCH_DENSE: the worst case for colouring, a styled token every
// character or two (numbers and operators).
const QString densePieces[] = {
    QStringLiteral("x=1+2*3-4"),
    QStringLiteral("/5%6+(7*8)"),
    QStringLiteral("-9**2+[1,2,3]\n"),
};

// With HEARTH_BENCH_VERBOSE, names every top-level event that takes over
// 20 ms, which says where a slow frame went (layout, paint, a timer).
class TimingApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0 || !m_verbose)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const int type = event->type();
        // Named before: the event may delete its receiver (DeferredDelete).
        const char *className = receiver->metaObject()->className();
        const bool result = QApplication::notify(receiver, event);
        if (timer.elapsed() > 20)
            std::printf("  event %d to %s took %lld ms\n", type, className, timer.elapsed());
        --m_depth;
        return result;
    }

private:
    int m_depth = 0;
    bool m_verbose = qEnvironmentVariableIsSet("HEARTH_BENCH_VERBOSE");
};

} // namespace

int main(int argc, char *argv[])
{
    // Offscreen unless told otherwise: xvfb-run -a env QT_QPA_PLATFORM=xcb
    // measures what a desktop user gets.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    qRegisterMetaType<client::ApiResult>();
    TestServer server;
    if (!server.start())
        return 1;
    auto api =
        signedInConnection(server.baseUrl(), TestServer::adminEmail, TestServer::adminPassword);
    const QString id = seedConversation(server, *api);

    ui::MainWindow window(*api);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;

    // Open: from the click to the newest page laid out and painted.
    QSignalSpy shown(window.chat(), &ui::ChatPanel::historyShown);
    QElapsedTimer open;
    open.start();
    window.chat()->open(id, {{QStringLiteral("title"), QStringLiteral("Long one")}});
    shown.wait(20000);
    QCoreApplication::processEvents();
    window.repaint();
    const qint64 openMs = open.elapsed();
    const int bubblesShown = int(window.chat()->view()->bubbles().size());

    // Stream: deltas arrive every millisecond in bursts, as from a fast model.
    ui::MessageBubble *reply =
        window.chat()->view()->addMessage(QStringLiteral("assistant"), QString());
    QElapsedTimer sinceTick;
    qint64 longestFrame = 0;
    int slowFrames = 0;
    int sent = 0;
    QTimer frame;
    frame.setInterval(5);
    QObject::connect(&frame, &QTimer::timeout, [&] {
        const qint64 gap = sinceTick.restart();
        longestFrame = std::max(longestFrame, gap);
        if (gap > 50)
            ++slowFrames;
        if (gap > 30 && qEnvironmentVariableIsSet("HEARTH_BENCH_VERBOSE"))
            std::printf("frame of %lld ms after %d deltas\n", gap, sent);
    });
    QTimer deltas;
    deltas.setInterval(1);
    const bool dense = qEnvironmentVariableIsSet("HEARTH_BENCH_DENSE");
    QElapsedTimer streaming;
    QObject::connect(&deltas, &QTimer::timeout, [&] {
        // Prose, then a long Python block (coloured as it streams), then prose.
        const int codeFrom = deltaCount / 5;
        const int codeTo = deltaCount * 3 / 5;
        for (int i = 0; i < 4 && sent < deltaCount; ++i, ++sent) {
            if (sent == codeFrom)
                reply->appendText(QStringLiteral("\n\n```python\n"));
            else if (sent == codeTo)
                reply->appendText(QStringLiteral("\n```\n\n"));
            else if (sent > codeFrom && sent < codeTo && dense)
                reply->appendText(densePieces[sent % std::size(densePieces)]);
            else if (sent > codeFrom && sent < codeTo)
                reply->appendText(codePieces[sent % std::size(codePieces)]);
            else
                reply->appendText(sent % 40 == 39 ? QStringLiteral("\n\n")
                                                  : QStringLiteral("word "));
        }
        if (sent >= deltaCount)
            deltas.stop();
    });
    streaming.start();
    sinceTick.start();
    frame.start();
    deltas.start();
    // A plain event loop: QTest::qWaitFor sleeps between checks, which would
    // count as frames.
    QEventLoop untilSent;
    QObject::connect(&deltas, &QTimer::timeout, &untilSent, [&] {
        if (sent >= deltaCount)
            untilSent.quit();
    });
    untilSent.exec();
    reply->flush();
    QCoreApplication::processEvents();
    const qint64 streamMs = streaming.elapsed();
    frame.stop();

    std::printf("| Measure | Result | Target |\n|---|---|---|\n");
    std::printf("| Open a conversation of %d messages (newest %d shown) | %lld ms | < 300 ms |\n",
                messageCount, bubblesShown, openMs);
    std::printf("| Stream %d deltas: longest frame | %lld ms (%d over 50 ms, %lld ms in all) | "
                "< 50 ms |\n",
                deltaCount, longestFrame, slowFrames, streamMs);
    return 0;
}
