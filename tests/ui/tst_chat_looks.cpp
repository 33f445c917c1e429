#include "FakeUpstream.h"
#include "TestServer.h"
#include "UiTestSupport.h"

#include "app/ChatPanel.h"
#include "app/CodeBlock.h"
#include "app/CodeView.h"
#include "app/Composer.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/MessageBubble.h"
#include "app/MessageView.h"
#include "app/Theme.h"
#include "app/UsagePage.h"
#include "client/ApiConnection.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>

using namespace hearth;

namespace {
// What people ask for every day: code and a formula. The fake provider's
// echo model sends it back as the reply, so the reply renders it.
const QString question =
    QStringLiteral("Fibonacci in Python, and its closed form:\n\n"
                   "```python\n"
                   "def fib(n: int) -> int:\n"
                   "    # the n-th Fibonacci number\n"
                   "    a, b = 0, 1\n"
                   "    for _ in range(n):\n"
                   "        a, b = b, a + b\n"
                   "    return a\n"
                   "```\n\n"
                   "With $\\varphi = \\frac{1+\\sqrt{5}}{2}$ and $\\psi_1 = 1 - \\varphi$:\n\n"
                   "$$\nF_n = \\frac{\\varphi^n - \\psi_1^n}{\\sqrt{5}}\n$$\n");
} // namespace

// The chat as people see it, in English and Chinese, light and dark: a
// reply with coloured code and formulas kept whole, and the usage page.
// Screenshots go to build/screenshots for a person to judge.
class TestChatLooks final : public QObject
{
    Q_OBJECT
    FakeUpstream m_upstream;
    TestServer m_server;

private slots:
    void initTestCase()
    {
        m_server.config.providers = {{m_upstream.baseUrl(), QString()}};
        QVERIFY(m_server.start());
    }

    void cleanup()
    {
        ui::applyTheme(QStringLiteral("system"));
        ui::installLanguage(QStringLiteral("en"));
    }

    void codeAndFormulas_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("theme");
        QTest::addColumn<QString>("keywordColour"); // "def", as source-highlight marks it
        QTest::newRow("en light") << "en"
                                  << "light"
                                  << "#cf222e";
        QTest::newRow("en dark") << "en"
                                 << "dark"
                                 << "#ff7b72";
        QTest::newRow("zh light") << "zh_CN"
                                  << "light"
                                  << "#cf222e";
        QTest::newRow("zh dark") << "zh_CN"
                                 << "dark"
                                 << "#ff7b72";
    }
    void codeAndFormulas()
    {
        QFETCH(QString, language);
        QFETCH(QString, theme);
        QFETCH(QString, keywordColour);
        ui::installLanguage(language);
        ui::applyTheme(theme);
        auto api = signedInConnection(m_server.baseUrl(), TestServer::adminEmail,
                                      TestServer::adminPassword);
        QVERIFY(api);
        ui::MainWindow window(*api);
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(chooseModel(window.chat(), QStringLiteral("fake-echo")));
        QSignalSpy finished(window.chat(), &ui::ChatPanel::replyFinished);
        window.chat()->composer()->setPlainText(question);
        window.chat()->send();
        QVERIFY(finished.wait(15000));

        ui::MessageBubble *reply = window.chat()->view()->bubbles().last();
        QCOMPARE(reply->text(), question.trimmed());
        const QList<ui::CodeBlock *> blocks = reply->findChildren<ui::CodeBlock *>();
        QCOMPARE(blocks.size(), 2); // the code, and the displayed formula
        QTRY_VERIFY_WITH_TIMEOUT(blocks.first()->isHighlighted(), 10000);
        ui::CodeView *code = blocks.first()->view();
        QCOMPARE(code->colourAt(int(code->code().indexOf(QLatin1String("def")))),
                 QColor(keywordColour));
        QCOMPARE(blocks.last()->code(),
                 QStringLiteral("F_n = \\frac{\\varphi^n - \\psi_1^n}{\\sqrt{5}}"));
        QVERIFY(!blocks.last()->isHighlighted()); // a formula is shown as its TeX
        const QString name = QStringLiteral("_%1_%2").arg(language.left(2), theme);
        QVERIFY(saveScreenshot(window, QStringLiteral("chat_looks") + name));

        window.showUsage();
        QSignalSpy loaded(window.usage(), &ui::UsagePage::loaded);
        QVERIFY(loaded.count() > 0 || loaded.wait(10000));
        QVERIFY(saveScreenshot(window, QStringLiteral("usage_looks") + name));
    }
};

QTEST_MAIN(TestChatLooks)
#include "tst_chat_looks.moc"
